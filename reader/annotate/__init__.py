"""Selectors and re-anchoring: where a highlight sits in an article's canonical text.

Pure Python over ``reader.model`` data: no SQL, no Qt. Offsets are Unicode
code points (Python ``str`` indices); ``utf16`` converts them for Qt.
"""

from reader.annotate.anchor import Reanchorer, reanchor, reanchor_all
from reader.annotate.selectors import (
    CONTEXT,
    SectionIndex,
    attach,
    new_highlight,
    quote_selector,
    section_path,
)
from reader.annotate.utf16 import Utf16Map, from_utf16, to_utf16

__all__ = [
    "CONTEXT",
    "Reanchorer",
    "SectionIndex",
    "Utf16Map",
    "attach",
    "from_utf16",
    "new_highlight",
    "quote_selector",
    "reanchor",
    "reanchor_all",
    "section_path",
    "to_utf16",
]
