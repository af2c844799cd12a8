"""Rows as tall as their wrapped text, for lists of quotes and notes.

Qt's default delegate does not know the column width when it sizes a row,
so long quotes are cut to a line or two; this one measures against the
view's width.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

PADDING = 8
DECORATION = 22


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    def _depth(self, index: QModelIndex) -> int:
        depth = 0
        while index.parent().isValid():
            index = index.parent()
            depth += 1
        return depth

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        self.initStyleOption(option, index)
        indent = self._view.indentation() * (self._depth(index) + 1) if isinstance(self._view, QTreeView) else 0
        width = max(80, self._view.viewport().width() - indent - DECORATION - 2 * PADDING)
        bounds = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), option.text
        )
        return QSize(width, bounds.height() + PADDING)
