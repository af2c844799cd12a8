"""The Qt-free import pipeline: the bytes of a saved page in, an :class:`Article` out.

``extract_file`` and ``extract_bytes`` are the whole public surface; every
failure is an :class:`ExtractError` whose message says why in plain words.

The pipeline (trafilatura, lxml, the line classifier: about a quarter of a
second and 30 MB) is loaded when one of its names is first asked for, not
when this package is: the window imports it for the suffix list and the
error type of an import plan, and leaves extraction to its worker processes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.ingest.errors import ExtractError
from reader.ingest.sniff import SUPPORTED_SUFFIXES

if TYPE_CHECKING:
    from reader.ingest.pipeline import EXTRACTOR_VERSION, extract_bytes, extract_file

__all__ = ["EXTRACTOR_VERSION", "ExtractError", "SUPPORTED_SUFFIXES", "extract_bytes", "extract_file"]
_FROM_PIPELINE = ("EXTRACTOR_VERSION", "extract_bytes", "extract_file")


def __getattr__(name: str) -> Any:
    """The pipeline's names, loading it the first time one is asked for (PEP 562)."""
    if name in _FROM_PIPELINE:
        from reader.ingest import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
