"""Undoable library edits, for the window's QUndoStack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from reader.store import Library


class DeleteArticle(QUndoCommand):
    """Delete one article; undo restores it (under the id it comes back with)."""

    def __init__(self, library: Library, article_id: int, title: str, changed: Callable[[int | None], None]) -> None:
        super().__init__(f"Delete “{title}”")
        self._library = library
        self._article_id = article_id
        self._changed = changed

    def redo(self) -> None:
        self._library.delete(self._article_id)
        self._changed(None)

    def undo(self) -> None:
        restored = self._library.restore(self._article_id)
        if restored is not None:
            self._article_id = restored
        self._changed(restored)
