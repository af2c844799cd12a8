"""Keeps the open article's place in the library: where you left it is where it opens again.

The place is the first character in view, as an offset into the article's text,
so it survives zoom, another window size and a new rendering. It is written when
scrolling settles, when another article replaces this one and when the window
closes: each time one small transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from reader.history import Place
from reader.store import LibraryError
from reader.ui.reader_view import ReaderView

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 1000


class PlaceKeeper(QObject):
    """Restores an article's place when it is shown and saves it as the reader moves.

    ``save(article_id, offset, progress, begun)`` writes it (``Library.set_position``; ``begun``: scrolled
    past the first screen, which makes an unread article one being read);
    ``saved(article_id, progress)`` follows each write, for the library list.
    """

    saved = Signal(int, float)

    def __init__(self, save: Callable[[int, int, float, bool], None], reader: ReaderView,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._reader = reader
        self._article_id: int | None = None
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        reader.place_moved.connect(self._moved)

    def enter(self, article_id: int, offset: int) -> None:
        """The reading view now shows this article: bring back its place."""
        self._article_id = article_id
        self._reader.go_to_offset(offset)

    def here(self) -> Place | None:
        """Where the reader is now, or None with no article open."""
        if self._article_id is None:
            return None
        return Place(self._article_id, self._reader.first_visible_offset())

    def leave(self) -> None:
        """Save the place before the article leaves the view (another one, none, the window closing)."""
        self.save()
        self._article_id = None

    def save(self) -> None:
        self._timer.stop()
        place = self.here()
        if place is None:
            return
        progress = self._reader.progress()
        try:
            begun = self._reader.verticalScrollBar().value() >= self._reader.viewport().height()
            self._save(place.article_id, place.offset, progress, begun)
        except LibraryError as error:  # a damaged or busy library: reading goes on, the place is not kept
            log.warning("%s", error)
            return
        self.saved.emit(place.article_id, progress)

    def _moved(self) -> None:
        if self._article_id is not None:
            self._timer.start()
