"""The small bar that floats over a text selection: colours, underline, note, quote."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHideEvent, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from reader.model import COLORS


GAP = 6


def toolbar_position(size: QSize, first_line: QRect, last_line: QRect, area: QRect) -> QPoint:
    """Where the bar goes: above the selection's first line, or below its last when there is no
    room above, so that it never hides the text being highlighted.

    ``first_line`` and ``last_line`` are the cursor rectangles at the selection's two ends.
    """
    above = first_line.top() - GAP - size.height()
    if above >= area.top():
        x, y = first_line.left(), above
    else:
        x, y = last_line.left(), min(last_line.bottom() + GAP, area.bottom() - size.height())
    x = min(max(x - size.width() // 2, area.left() + 4), area.right() - size.width() - 4)
    return QPoint(x, y)


def swatch(color: str, size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(COLORS[color]))
    painter.setPen(QColor(COLORS[color]).darker(130))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class SelectionToolbar(QFrame):
    """Emits what the user wants done with the selection; knows nothing of the store."""

    color_chosen = Signal(str)
    note_requested = Signal()
    quote_requested = Signal()

    def __init__(self, meanings: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selectionToolbar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        self.color_buttons: dict[str, QToolButton] = {}
        for color in COLORS:
            button = QToolButton(self)
            button.setIcon(swatch(color))
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, c=color: self.color_chosen.emit(c))
            layout.addWidget(button)
            self.color_buttons[color] = button
        self.underline_button = QToolButton(self)
        self.underline_button.setText("U̲")
        self.underline_button.setToolTip("Underline instead of fill: then pick a colour")
        self.underline_button.setCheckable(True)
        self.underline_button.setAutoRaise(True)
        layout.addWidget(self.underline_button)
        self.note_button = QToolButton(self)
        self.note_button.setText("Note")
        self.note_button.setToolTip("Highlight and add a note (N)")
        self.note_button.setAutoRaise(True)
        self.note_button.clicked.connect(self.note_requested)
        layout.addWidget(self.note_button)
        self.quote_button = QToolButton(self)
        self.quote_button.setText("Quote")
        self.quote_button.setToolTip("Copy as quote with source")
        self.quote_button.setAutoRaise(True)
        self.quote_button.clicked.connect(self.quote_requested)
        layout.addWidget(self.quote_button)
        self.set_meanings(meanings)
        self.hide()

    def set_meanings(self, meanings: dict[str, str]) -> None:
        for color, button in self.color_buttons.items():
            button.setToolTip(f"{meanings.get(color, color)} ({color})")

    def hideEvent(self, event: QHideEvent) -> None:
        """Underline applies to the one selection it was pressed for, never to later ones or to H."""
        self.underline_button.setChecked(False)
        super().hideEvent(event)

    @property
    def style_choice(self) -> str:
        return "underline" if self.underline_button.isChecked() else "fill"
