"""The find bar under the article: the query, where you are among its matches, and the ways to move.

It only reports what the reader does (signals); :mod:`reader.ui.find_controller`
does the finding.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

QUERY_WIDTH = 260


class FindBar(QWidget):
    """Enter or the down arrow for the next match, Shift+Enter or the up arrow for the previous, Esc to close."""

    query_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # so the style sheet's background shows
        self.edit = QLineEdit()
        self.edit.setObjectName("findQuery")
        self.edit.setPlaceholderText("Find in article")
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(QUERY_WIDTH)
        self.edit.textChanged.connect(self.query_changed)
        self.edit.installEventFilter(self)
        self.count = QLabel()
        self.count.setObjectName("findCount")
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("10,000 of 10,000") + 8)
        self.previous_button = self._button("▲", "Previous match (Shift+Enter, Shift+F3)", self.previous_requested.emit)
        self.next_button = self._button("▼", "Next match (Enter, F3)", self.next_requested.emit)
        self.close_button = self._button("✕", "Close (Esc)", self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addSpacing(6)
        layout.addWidget(self.count)
        layout.addStretch(1)
        layout.addWidget(self.close_button)
        self.hide()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    @property
    def query(self) -> str:
        return self.edit.text()

    def open(self, query: str | None = None, focus: bool = True) -> None:
        """Show the bar; with ``focus``, take the keyboard with the query selected, so typing replaces it."""
        self.show()
        if query is not None and query != self.edit.text():
            self.edit.setText(query)
        if focus:
            self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.edit.selectAll()

    def close_bar(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def show_count(self, current: int, total: int) -> None:
        """ "3 of 104" (``current`` counts from 0), "No matches", or nothing for an empty query."""
        if total:
            self.count.setText(f"{current + 1:,} of {total:,}")
        else:
            self.count.setText("No matches" if self.query.strip() else "")
        self.previous_button.setEnabled(total > 1)
        self.next_button.setEnabled(total > 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shifted = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            (self.previous_requested if shifted else self.next_requested).emit()
            return True
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return True
        return False
