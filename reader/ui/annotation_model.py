"""An article's highlights as a tree: section headings, and under each the
highlights made in it, in reading order; orphans gathered last."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from reader.model import COLORS, Highlight, reading_order

Index = QModelIndex | QPersistentModelIndex
HIGHLIGHT_ROLE = Qt.ItemDataRole.UserRole + 1
ORPHANS = "Not found in the current text"
BEGINNING = "Before the first heading"


QUOTE_CHARS = 90


def describe(highlight: Highlight) -> list[str]:
    """The lines a list shows for a highlight: its quote (shortened), note and tags."""
    quote = highlight.exact if len(highlight.exact) <= QUOTE_CHARS else highlight.exact[:QUOTE_CHARS] + "…"
    lines = [f"“{quote}”"]
    if highlight.note:
        lines.append(f"✎ {highlight.note}")
    if highlight.tags:
        lines.append(" ".join(f"#{tag}" for tag in highlight.tags))
    return lines


@dataclass(eq=False)
class _Group:
    title: str
    highlights: list[Highlight] = field(default_factory=list)


@dataclass(frozen=True)
class Filter:
    color: str | None = None
    tag: str | None = None
    has_note: bool = False

    def accepts(self, highlight: Highlight) -> bool:
        return (
            (self.color is None or highlight.color == self.color)
            and (self.tag is None or self.tag in highlight.tags)
            and (not self.has_note or bool(highlight.note.strip()))
        )


class AnnotationModel(QAbstractItemModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[Highlight] = []
        self._groups: list[_Group] = []
        self._filter = Filter()

    def set_highlights(self, highlights: list[Highlight]) -> None:
        self._all = list(highlights)
        self._regroup()

    def set_filter(self, new_filter: Filter) -> None:
        self._filter = new_filter
        self._regroup()

    def _regroup(self) -> None:
        self.beginResetModel()
        groups: dict[str, _Group] = {}
        orphans = _Group(ORPHANS)
        placed, orphans.highlights = reading_order(h for h in self._all if self._filter.accepts(h))
        for highlight in placed:
            title = highlight.section_path[-1] if highlight.section_path else BEGINNING
            groups.setdefault(title, _Group(title)).highlights.append(highlight)
        self._groups = list(groups.values()) + ([orphans] if orphans.highlights else [])
        self.endResetModel()

    def index_of(self, highlight_id: int) -> QModelIndex:
        for group_row, group in enumerate(self._groups):
            for row, highlight in enumerate(group.highlights):
                if highlight.id == highlight_id:
                    return self.index(row, 0, self.index(group_row, 0))
        return QModelIndex()

    def highlight_count(self) -> int:
        return sum(len(group.highlights) for group in self._groups)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column != 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, None) if 0 <= row < len(self._groups) else QModelIndex()
        if parent.internalPointer() is not None:
            return QModelIndex()
        group = self._groups[parent.row()]
        return self.createIndex(row, 0, group) if 0 <= row < len(group.highlights) else QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalPointer() is None:
            return QModelIndex()
        group = index.internalPointer()
        return self.createIndex(self._groups.index(group), 0, None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalPointer() is None and parent.column() == 0:
            return len(self._groups[parent.row()].highlights)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalPointer() is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        group = index.internalPointer()
        if group is None:
            title = self._groups[index.row()].title
            if role == Qt.ItemDataRole.DisplayRole:
                return title
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setWeight(QFont.Weight.DemiBold)
                return font
            return None
        highlight = group.highlights[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(describe(highlight))
        if role == Qt.ItemDataRole.ToolTipRole:
            return highlight.note or highlight.exact
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(COLORS.get(highlight.color, COLORS["yellow"]))
        if role == HIGHLIGHT_ROLE:
            return highlight
        return None
