"""Errors the user must be told about, as opposed to our own bugs.

SQLite reports a damaged file as ``sqlite3.DatabaseError`` ("database disk
image is malformed", "file is not a database"). Inside the store that becomes
a ``LibraryError`` whose message is a sentence; a read that touches only one
article's rows becomes a ``DamagedArticle``, so the caller can skip that
article and go on with the rest.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


class LibraryError(Exception):
    """The library file cannot be used (newer than the app, corrupt, locked,
    unwritable). The message is a sentence for the user."""


class DamagedArticle(LibraryError):
    """One article's rows cannot be read: the file is damaged there. The rest
    of the library may still be fine; ``article_id`` names the one that is not."""

    def __init__(self, article_id: int, detail: str = "") -> None:
        self.article_id = article_id
        reason = f" ({detail})" if detail else ""
        super().__init__(f"Article number {article_id} cannot be read: the library file is damaged there{reason}.")


def is_damage(error: sqlite3.DatabaseError) -> bool:
    """Damage, as opposed to a busy or locked file (which is worth waiting for, not skipping)."""
    if isinstance(error, sqlite3.OperationalError):
        message = str(error).lower()
        return "malformed" in message or "not a database" in message or "corrupt" in message
    return True


@contextmanager
def reading_article(article_id: int) -> Iterator[None]:
    """Reads of one article's rows: damage there is that article's, not the library's."""
    try:
        yield
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            raise
        raise DamagedArticle(article_id, str(error)) from error


@contextmanager
def library_errors(path: str) -> Iterator[None]:
    """Any read or write of the library: damage SQLite reports becomes a sentence naming the file."""
    try:
        yield
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            raise LibraryError(f"The library {path} cannot be used right now: {error}.") from error
        raise LibraryError(
            f"The library {path} is damaged ({error}). Restore it from a backup: python -m reader backups."
        ) from error
