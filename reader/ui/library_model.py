"""The library as a Qt list model, fed from the store.

Summaries (no bodies) for every article are held in memory: 10,000 of them
are a few megabytes and make scrolling and sorting free.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from reader.model import ArticleSummary
from reader.render import display_date

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 2
DATE_ROLE = Qt.ItemDataRole.UserRole + 3
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 4
STATE_ROLE = Qt.ItemDataRole.UserRole + 5

Fetch = Callable[[str, str, bool], list[ArticleSummary]]
"""(search text, sort, descending) → the rows: ``Library.search`` with the window's collation bound in."""


class LibraryModel(QAbstractListModel):
    """One row per article, in the order ``set_order`` chose; ``load`` replaces the rows.

    ``repaint(index)`` asks views to draw a row again whose looks changed (its progress).
    """

    repaint = Signal(QModelIndex)

    def __init__(self, fetch: Fetch, parent=None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._rows: list[ArticleSummary] = []
        self._row_by_id: dict[int, int] = {}
        self._query = ""
        self._sort, self._descending = "published", True

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title or "Untitled"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (row.title, row.source, display_date(row.published), row.url) if x)
        if role == ID_ROLE:
            return row.id
        if role == SOURCE_ROLE:
            return row.source
        if role == DATE_ROLE:
            return display_date(row.published)
        if role == PROGRESS_ROLE:
            return row.progress
        if role == STATE_ROLE:
            return row.state
        return None

    def load(self, query: str | None = None) -> None:
        """Re-read the library (optionally narrowed to ``query``)."""
        if query is not None:
            self._query = query
        self.beginResetModel()
        self._rows = self._fetch(self._query, self._sort, self._descending)
        self._row_by_id = {summary.id: number for number, summary in enumerate(self._rows)}
        self.endResetModel()

    def set_order(self, sort: str, descending: bool) -> None:
        """List in another order from the next ``load`` on."""
        self._sort, self._descending = sort, descending

    def set_state(self, article_id: int, state: str) -> None:
        """An article's reading state changed: draw its row again (as ``set_progress``)."""
        row = self.row_of(article_id)
        if row >= 0:
            self._rows[row] = dataclasses.replace(self._rows[row], state=state)
            self.repaint.emit(self.index(row))

    def set_progress(self, article_id: int, progress: float) -> None:
        """An article's reading progress changed: draw its row again without reading the library again.

        Not ``dataChanged``: on any of it QListView lays out every row again, 50 ms for 10,000.
        """
        row = self.row_of(article_id)
        if row >= 0:
            self._rows[row] = dataclasses.replace(self._rows[row], progress=progress)
            self.repaint.emit(self.index(row))

    def row_of(self, article_id: int) -> int:
        return self._row_by_id.get(article_id, -1)

    def row_ranges(self, article_ids: Iterable[int]) -> list[tuple[int, int]]:
        """The rows of these articles (those listed) as (first, last) runs: a selection of 10,000 is a few ranges."""
        rows = sorted(row for row in map(self.row_of, article_ids) if row >= 0)
        ranges: list[tuple[int, int]] = []
        for row in rows:
            if ranges and row == ranges[-1][1] + 1:
                ranges[-1] = (ranges[-1][0], row)
            else:
                ranges.append((row, row))
        return ranges

    def summary(self, row: int) -> ArticleSummary:
        return self._rows[row]
