"""The SQLite library. The only package that speaks SQL."""

from reader.store.errors import DamagedArticle, LibraryError
from reader.store.library import Library

__all__ = ["DamagedArticle", "Library", "LibraryError"]
