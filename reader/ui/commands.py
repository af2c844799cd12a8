"""Undoable edits of the library and its annotations, for the window's QUndoStack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from reader.model import Highlight
from reader.store import Library


class DeleteArticle(QUndoCommand):
    """Delete one article; undo restores it (under the id it comes back with)."""

    def __init__(
        self, library: Library, article_id: int, title: str, changed: Callable[[int | None], None],
        tell: Callable[[str], None] = lambda message: None,
    ) -> None:
        super().__init__(f"Delete “{title}”")
        self._library = library
        self._article_id = article_id
        self._title = title
        self._changed = changed
        self._tell = tell

    def redo(self) -> None:
        self._library.delete(self._article_id)
        self._changed(None)

    def undo(self) -> None:
        restored = self._library.restore(self._article_id)
        if restored is not None:
            self._article_id = restored
        else:  # purged by another program meanwhile: say so rather than seem to do nothing
            self._tell(f"“{self._title}” cannot be brought back: it was removed from the library for good.")
        self._changed(restored)


class AddHighlight(QUndoCommand):
    """Make a highlight; undo removes it, redo brings back the very same one."""

    def __init__(self, library: Library, highlight: Highlight, changed: Callable[[Highlight], None]) -> None:
        super().__init__(f"Highlight “{highlight.exact[:20]}”")
        self._library = library
        self._highlight = highlight
        self._changed = changed

    @property
    def highlight(self) -> Highlight:
        return self._highlight

    def redo(self) -> None:
        self._highlight = self._library.annotations.add(self._highlight)
        self._changed(self._highlight)

    def undo(self) -> None:
        self._library.annotations.delete(self._highlight.id)
        self._changed(self._highlight)


class EditHighlight(QUndoCommand):
    """Any change to one highlight (colour, style, note, tags, where it sits)."""

    def __init__(
        self, library: Library, before: Highlight, after: Highlight, text: str, changed: Callable[[Highlight], None]
    ) -> None:
        super().__init__(text)
        self._library = library
        self._before = before
        self._after = after
        self._changed = changed

    def redo(self) -> None:
        self._changed(self._library.annotations.update(self._after))

    def undo(self) -> None:
        self._changed(self._library.annotations.update(self._before))


class DeleteHighlight(QUndoCommand):
    """Remove a highlight with its note and tags; undo puts all of it back."""

    def __init__(self, library: Library, highlight: Highlight, changed: Callable[[Highlight], None]) -> None:
        super().__init__(f"Delete highlight “{highlight.exact[:20]}”")
        self._library = library
        self._highlight = highlight
        self._changed = changed

    def redo(self) -> None:
        self._highlight = self._library.annotations.delete(self._highlight.id) or self._highlight
        self._changed(self._highlight)

    def undo(self) -> None:
        self._highlight = self._library.annotations.add(self._highlight)
        self._changed(self._highlight)
