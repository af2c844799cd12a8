"""The SQLite library. The only package that speaks SQL."""

from reader.store.errors import DamagedArticle, LibraryError, library_errors
from reader.store.library import Library

__all__ = ["DamagedArticle", "Library", "LibraryError", "library_errors"]
