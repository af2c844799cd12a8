"""View ▸ Zoom In, Zoom Out and Actual Size, and the zoom remembered for every article.

The zoom is one setting for the whole library (as Foliate keeps it), restored at
start; the reading view applies it to the reading font and its stylesheet.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from reader.ui.reader_view import ReaderView

ZOOM_KEY = "reading/zoom"


class ZoomActions(QObject):
    def __init__(self, reader: ReaderView, settings: QSettings, window: QWidget) -> None:
        super().__init__(window)
        self._settings = settings
        self.zoom_in_action = QAction("Zoom &In", window)
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_in_action.triggered.connect(reader.zoom_in)
        self.zoom_out_action = QAction("Zoom &Out", window)
        self.zoom_out_action.setShortcuts([QKeySequence("Ctrl+-")])
        self.zoom_out_action.triggered.connect(reader.zoom_out)
        self.actual_size_action = QAction("&Actual Size", window)
        self.actual_size_action.setShortcuts([QKeySequence("Ctrl+0")])
        self.actual_size_action.triggered.connect(reader.reset_zoom)
        self.actions = [self.zoom_in_action, self.zoom_out_action, self.actual_size_action]
        try:
            reader.set_zoom(float(settings.value(ZOOM_KEY, 1.0)))
        except (TypeError, ValueError):  # a hand-edited settings file: actual size
            pass
        reader.zoom_changed.connect(self._remember)

    def _remember(self, zoom: float) -> None:
        self._settings.setValue(ZOOM_KEY, zoom)
