"""Every annotation in the library: search quotes and notes, filter, jump to the passage.

Notes on whole articles are listed with the highlights, newest first: a note
the user cannot find again is as good as lost.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QListView, QVBoxLayout, QWidget

from reader.model import COLORS, ArticleNote, Highlight
from reader.ui.annotation_model import HIGHLIGHT_ROLE, QUOTE_CHARS, describe
from reader.ui.filters import colour_filter, compact, fill_tags, tag_filter
from reader.ui.wrapping_delegate import WrappingDelegate

Index = QModelIndex | QPersistentModelIndex
Search = Callable[..., list[Highlight]]
SearchNotes = Callable[..., list[ArticleNote]]
Row = Highlight | ArticleNote
PERIODS = {"Any time": None, "Today": 1, "Past week": 7, "Past month": 31, "Past year": 366}


def _describe_note(note: ArticleNote) -> list[str]:
    text = note.text if len(note.text) <= QUOTE_CHARS else note.text[:QUOTE_CHARS] + "…"
    lines = [f"✎ Note on the article: {text}"]
    if note.tags:
        lines.append(" ".join(f"#{tag}" for tag in note.tags))
    return lines


class AllAnnotationsModel(QAbstractListModel):
    def __init__(self, title_of: Callable[[int], str], parent=None) -> None:
        super().__init__(parent)
        self._title_of = title_of
        self._rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            lines = describe(row) if isinstance(row, Highlight) else _describe_note(row)
            return "\n".join(lines + ["— " + self._title_of(row.article_id)])
        if role == Qt.ItemDataRole.DecorationRole and isinstance(row, Highlight):
            return QColor(COLORS.get(row.color, COLORS["yellow"]))
        if role == HIGHLIGHT_ROLE:
            return row
        return None


class AllAnnotationsView(QWidget):
    """Emits ``open_highlight(article id, highlight id)`` or ``open_article(id)`` when the user picks one."""

    open_highlight = Signal(int, int)
    open_article = Signal(int)

    def __init__(
        self, search: Search, search_notes: SearchNotes, title_of: Callable[[int], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._search_notes = search_notes
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
        query, color, tag = self.query.text(), self.color.currentData(), self.tag.currentData()
        rows: list[Row] = list(self._search(query, color=color, tag=tag, since=since))
        if color is None:
            rows += self._search_notes(query, tag=tag, since=since)
            rows.sort(key=lambda row: row.created if isinstance(row, Highlight) else row.modified, reverse=True)
        self.model.set_rows(rows)

    def _open(self, index: QModelIndex) -> None:
        row = index.data(HIGHLIGHT_ROLE)
        if isinstance(row, Highlight):
            self.open_highlight.emit(row.article_id, row.id)
        elif isinstance(row, ArticleNote):
            self.open_article.emit(row.article_id)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.view.doItemsLayout()
