"""An article's headings as a tree: each heading nests under the nearest
shallower one before it, whatever levels the page happened to skip."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from reader.model import Section

Index = QModelIndex | QPersistentModelIndex
SECTION_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(eq=False)
class _Node:
    number: int
    section: Section | None
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


def _tree(sections: list[Section]) -> tuple[_Node, list[_Node]]:
    root = _Node(-1, None)
    nodes: list[_Node] = []
    stack: list[_Node] = [root]
    for number, section in enumerate(sections):
        while len(stack) > 1 and stack[-1].section is not None and stack[-1].section.level >= section.level:
            stack.pop()
        node = _Node(number, section, parent=stack[-1])
        stack[-1].children.append(node)
        stack.append(node)
        nodes.append(node)
    return root, nodes


class TocModel(QAbstractItemModel):
    """Sections in reading order; SECTION_ROLE gives a heading's number in the article."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._root, self._nodes = _tree([])

    def set_sections(self, sections: list[Section]) -> None:
        self.beginResetModel()
        self._root, self._nodes = _tree(sections)
        self.endResetModel()

    def section_count(self) -> int:
        return len(self._nodes)

    def index_of(self, number: int) -> QModelIndex:
        if not 0 <= number < len(self._nodes):
            return QModelIndex()
        node = self._nodes[number]
        return self.createIndex(node.row(), 0, node)

    def _node(self, index: Index) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        node = self._node(parent)
        if column != 0 or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.column() > 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self._node(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return node.section.title
        if role == SECTION_ROLE:
            return node.number
        return None
