"""Article ▸ Edit Info…: correcting an article's title, author, source, date and address, undoably."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from reader.model import EDITABLE, ArticleInfo
from reader.store import Library

LABELS = {"title": "Title", "byline": "Author", "source": "Source", "published": "Published", "url": "Address"}


def valid_published(text: str) -> bool:
    """Empty (the page gives no date) or an ISO date, with or without a time."""
    try:
        return not text.strip() or bool(datetime.fromisoformat(text.strip()))
    except ValueError:
        return False


class EditInfo(QUndoCommand):
    """Correct some facts of one article (each becomes the user's); undo puts back the facts and whose they were."""

    def __init__(self, library: Library, info: ArticleInfo, changes: dict[str, str],
                 changed: Callable[[int], None]) -> None:
        super().__init__(f"Edit Info of “{info.title[:20]}”")
        self._library = library
        self._before = info
        self._changes = changes
        self._changed = changed

    def redo(self) -> None:
        self._before = self._library.edit(self._before.id, self._changes)
        self._changed(self._before.id)

    def undo(self) -> None:
        self._library.put_info(self._before)
        self._changed(self._before.id)


class EditInfoDialog(QDialog):
    """One line per fact; OK waits for a date Reader can read (or none)."""

    def __init__(self, info: ArticleInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit Info")
        self._info = info
        form = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}
        for name in EDITABLE:
            self.edits[name] = QLineEdit(getattr(info, name))
            self.edits[name].setObjectName(name)
            form.addRow(LABELS[name], self.edits[name])
        self.edits["published"].setPlaceholderText("2024-05-01 or 2024-05-01T09:30, empty when the page gives none")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edits["published"].textChanged.connect(
            lambda text: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(valid_published(text))
        )
        form.addRow(self.buttons)
        self.resize(560, self.sizeHint().height())

    def changes(self) -> dict[str, str]:
        """The facts the user changed, and only those: the others stay the importer's."""
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        return {name: value for name, value in values.items() if value != getattr(self._info, name)}
