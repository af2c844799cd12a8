"""View ▸ Back and Forward: return to where you were before a jump, in this article or another.

Jumps are following a contents entry, opening a highlight or a search result and
switching articles; the window reports each one (``record``) before it happens.
The mouse's back and forward buttons do the same anywhere in the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from reader.history import History, Place
from reader.ui.reader_view import ReaderView
from reader.ui.reading_place import PlaceKeeper


class Navigation(QObject):
    """Back and Forward actions over a ``History`` of places.

    ``open_article(article_id)`` shows an article (clearing a search that hides it)
    and says whether it could; a place in an article that is gone is skipped.
    """

    def __init__(self, place: PlaceKeeper, reader: ReaderView, open_article: Callable[[int], bool],
                 window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._place = place
        self._reader = reader
        self._open_article = open_article
        self._travelling = False
        self.history = History()
        self.back_action = self._action("&Back", [QKeySequence("Alt+Left"), QKeySequence(Qt.Key.Key_Back)], self.back)
        self.forward_action = self._action("&Forward", [QKeySequence("Alt+Right"), QKeySequence(Qt.Key.Key_Forward)],
                                           self.forward)
        self.actions = [self.back_action, self.forward_action]
        self._update()
        QApplication.instance().installEventFilter(self)

    def _action(self, text: str, shortcuts: list[QKeySequence], slot: Callable[[], None]) -> QAction:
        action = QAction(text, self._window)
        action.setShortcuts(shortcuts)
        action.triggered.connect(slot)
        return action

    def record(self) -> None:
        """The reader is about to jump away from here (ignored while going back or forward)."""
        here = self._place.here()
        if here is not None and not self._travelling:
            self.history.jumped_from(here)
            self._update()

    def back(self) -> None:
        self._travel(self.history.back)

    def forward(self) -> None:
        self._travel(self.history.forward)

    def _travel(self, step: Callable[[Place], Place | None]) -> None:
        here = self._place.here()
        if here is None:
            return
        self._travelling = True
        try:
            target = step(here)
            while target is not None and not self._go(here, target):
                target = step(here)  # that article is gone: one step further
        finally:
            self._travelling = False
            self._update()

    def _go(self, here: Place, target: Place) -> bool:
        if target.article_id != here.article_id and not self._open_article(target.article_id):
            return False
        self._reader.go_to_offset(target.offset)
        return True

    def _update(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back)
        self.forward_action.setEnabled(self.history.can_go_forward)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The mouse's back and forward buttons, over any part of this window."""
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            button = event.button()
            if button in (Qt.MouseButton.BackButton, Qt.MouseButton.ForwardButton) and self._in_window(watched):
                self.back() if button == Qt.MouseButton.BackButton else self.forward()
                return True
        return False

    def _in_window(self, watched: QObject) -> bool:
        return isinstance(watched, QWidget) and watched.window() is self._window
