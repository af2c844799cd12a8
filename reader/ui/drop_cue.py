"""The cue that files dragged over the window will be imported: a dashed frame over the reading area.

It watches the window's drag events itself, so the window only creates it; it takes its
colours from the application palette, which the theme sets.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

TITLE = "Drop to import"
DETAIL = "Saved pages (HTML, MHTML, text, Markdown) or folders of them"
INSET = 14
VEIL_ALPHA = 240


def carries_local_files(event: QDragEnterEvent) -> bool:
    return any(url.isLocalFile() and url.toLocalFile() for url in event.mimeData().urls())


class DropCue(QWidget):
    """Covers ``area`` while local files are dragged over ``window``; hidden on leave and on drop."""

    def __init__(self, area: QWidget, window: QWidget) -> None:
        super().__init__(area)
        self.setObjectName("dropCue")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()
        window.installEventFilter(self)
        area.installEventFilter(self)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._window and kind == QEvent.Type.DragEnter and carries_local_files(event):
            self.setGeometry(self.parentWidget().rect())
            self.show()
            self.raise_()
        elif watched is self._window and kind in (QEvent.Type.DragLeave, QEvent.Type.Drop):
            self.hide()
        elif watched is self.parentWidget() and kind == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        veil = QColor(palette.color(QPalette.ColorRole.Base))
        veil.setAlpha(VEIL_ALPHA)
        painter.fillRect(self.rect(), veil)
        frame = QRectF(self.rect()).adjusted(INSET, INSET, -INSET, -INSET)
        pen = QPen(palette.color(QPalette.ColorRole.Link), 2.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(frame, 12, 12)
        title = QFont(self.font())
        title.setPointSizeF(self.font().pointSizeF() * 1.8)
        title.setBold(True)
        painter.setFont(title)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        middle = frame.center().y()
        painter.drawText(QRectF(frame.left(), middle - 60, frame.width(), 56),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, TITLE)
        painter.setFont(self.font())
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(QRectF(frame.left(), middle + 8, frame.width(), 40),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, DETAIL)
        painter.end()
