"""The Qt-free import pipeline: the bytes of a saved page in, an :class:`Article` out.

``extract_file`` and ``extract_bytes`` are the whole public surface; every
failure is an :class:`ExtractError` whose message says why in plain words.
"""

from reader.ingest.errors import ExtractError
from reader.ingest.pipeline import EXTRACTOR_VERSION, extract_bytes, extract_file
from reader.ingest.sniff import SUPPORTED_SUFFIXES

__all__ = ["EXTRACTOR_VERSION", "ExtractError", "SUPPORTED_SUFFIXES", "extract_bytes", "extract_file"]
