"""Every annotation in the library: search quotes and notes, filter, jump to the passage."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QListView, QVBoxLayout, QWidget

from reader.model import COLORS, Highlight
from reader.ui.annotation_model import HIGHLIGHT_ROLE, describe
from reader.ui.filters import colour_filter, compact, fill_tags, tag_filter
from reader.ui.wrapping_delegate import WrappingDelegate

Index = QModelIndex | QPersistentModelIndex
Search = Callable[..., list[Highlight]]
PERIODS = {"Any time": None, "Today": 1, "Past week": 7, "Past month": 31, "Past year": 366}


class AllAnnotationsModel(QAbstractListModel):
    def __init__(self, title_of: Callable[[int], str], parent=None) -> None:
        super().__init__(parent)
        self._title_of = title_of
        self._rows: list[Highlight] = []

    def set_rows(self, rows: list[Highlight]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        highlight = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(describe(highlight) + ["— " + self._title_of(highlight.article_id)])
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(COLORS.get(highlight.color, COLORS["yellow"]))
        if role == HIGHLIGHT_ROLE:
            return highlight
        return None


class AllAnnotationsView(QWidget):
    """Emits ``open_highlight(article id, highlight id)`` when the user picks one."""

    open_highlight = Signal(int, int)

    def __init__(self, search: Search, title_of: Callable[[int], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.query = QLineEdit()
        self.query.setObjectName("filter")
        self.query.setPlaceholderText("Search quotes and notes")
        self.query.setClearButtonEnabled(True)
        self.color = colour_filter()
        self.tag = tag_filter()
        self.period = QComboBox()
        for label, days in PERIODS.items():
            self.period.addItem(label, days)
        self.model = AllAnnotationsModel(title_of, self)
        self.view = QListView()
        self.view.setObjectName("allAnnotations")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.setItemDelegate(WrappingDelegate(self.view))
        self.view.setAlternatingRowColors(True)
        self.view.activated.connect(self._open)
        self.view.clicked.connect(self._open)
        self.query.textChanged.connect(self.refresh)
        for combo in (self.color, self.tag, self.period):
            combo.currentIndexChanged.connect(self.refresh)
        filters = QHBoxLayout()
        filters.setContentsMargins(6, 0, 6, 0)
        compact(self.period)
        filters.addWidget(self.color)
        filters.addWidget(self.tag, 1)
        filters.addWidget(self.period)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)

    def set_tags(self, tags: list[str]) -> None:
        fill_tags(self.tag, tags)

    def refresh(self) -> None:
        days = self.period.currentData()
        since = (datetime.now(timezone.utc) - timedelta(days=days)).isoformat(timespec="seconds") if days else None
        self.model.set_rows(
            self._search(self.query.text(), color=self.color.currentData(), tag=self.tag.currentData(), since=since)
        )

    def _open(self, index: QModelIndex) -> None:
        highlight = index.data(HIGHLIGHT_ROLE)
        if highlight is not None:
            self.open_highlight.emit(highlight.article_id, highlight.id)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.view.doItemsLayout()
