"""The Article menu: mark articles read or unread (M) and correct their facts (Edit Info…)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from reader.model import READ, UNREAD, ArticleInfo
from reader.store import Library, LibraryError
from reader.ui.edit_info import EditInfo
from reader.ui.library_model import LibraryModel


class ArticleMenu(QObject):
    """Acts on ``targets()`` (the selected articles, else the open one).

    ``changed(article_id)`` follows an edit of its facts (and its undo), so the window shows them again;
    ``problem(text)`` says why a change could not be made.
    """

    def __init__(self, library: Library, model: LibraryModel, undo_stack: QUndoStack,
                 ask_info: Callable[[ArticleInfo], dict[str, str] | None],
                 targets: Callable[[], list[int]], changed: Callable[[int], None],
                 problem: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._model = model
        self._undo_stack = undo_stack
        self._ask_info = ask_info
        self._targets = targets
        self._changed = changed
        self._problem = problem
        self.mark_action = QAction("&Mark as Read/Unread", self)
        self.mark_action.setShortcut(QKeySequence("M"))
        self.mark_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.mark_action.triggered.connect(self.toggle_read)
        self.edit_action = QAction("&Edit Info…", self)
        self.edit_action.setShortcut(QKeySequence("Ctrl+I"))
        self.edit_action.triggered.connect(self.edit_info)

    def add_menu(self, menu_bar: QMenuBar, scopes: list[QWidget]) -> QMenu:
        """The Article menu; M, a plain letter, acts only where the focus is in one of ``scopes``
        (the list, the reading view), never while typing in the search field or a note."""
        menu = menu_bar.addMenu("A&rticle")
        menu.addAction(self.mark_action)
        menu.addAction(self.edit_action)
        for widget in scopes:
            widget.addAction(self.mark_action)
        return menu

    def toggle_read(self) -> None:
        """Read, unless every target already is: then unread."""
        ids = self._targets()
        if not ids:
            return
        states = {self._state(article_id) for article_id in ids}
        state = UNREAD if states == {READ} else READ
        try:
            for article_id in ids:
                self._library.set_state(article_id, state)
        except LibraryError as error:
            self._problem(str(error))
            return
        for article_id in ids:
            self._model.set_state(article_id, state)

    def _state(self, article_id: int) -> str:
        row = self._model.row_of(article_id)
        return self._model.summary(row).state if row >= 0 else UNREAD

    def edit_info(self) -> None:
        ids = self._targets()
        info = self._library.info(ids[0]) if ids else None
        if info is None:
            return
        changes = self._ask_info(info)
        if changes:
            self._undo_stack.push(EditInfo(self._library, info, changes, self._changed))
