"""Paints a library row as a title over a quieter source-and-date line."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.library_model import DATE_ROLE, SOURCE_ROLE

PADDING = 8
SAMPLE_TEXT = "Ag国가あ"


def line_height(font: QFont) -> int:
    """Height of a line that may fall back to a CJK font, which is taller than most Latin ones."""
    metrics = QFontMetrics(font)
    return max(metrics.height(), metrics.boundingRect(SAMPLE_TEXT).height())


class LibraryDelegate(QStyledItemDelegate):
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setWeight(QFont.Weight.DemiBold)
        meta = QFont(option.font)
        meta.setPointSizeF(max(option.font.pointSizeF() - 1.5, 7.0))
        return title, meta

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        title, meta = self._fonts(option)
        height = line_height(title) + line_height(meta) + 3 * PADDING // 2 + 4
        # As wide as the list shows, so a row never reaches past it: titles are elided to fit.
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractScrollArea) else option.rect.width()
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)

        title_font, meta_font = self._fonts(option)
        area = option.rect.adjusted(PADDING + 4, PADDING - 2, -PADDING, -PADDING // 2)
        title_height = line_height(title_font)

        painter.save()
        painter.setFont(title_font)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        title = QFontMetrics(title_font).elidedText(
            index.data(Qt.ItemDataRole.DisplayRole) or "", Qt.TextElideMode.ElideRight, area.width()
        )
        painter.drawText(QRect(area.left(), area.top(), area.width(), title_height), Qt.AlignmentFlag.AlignLeft, title)

        painter.setFont(meta_font)
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        meta = "  ·  ".join(x for x in (index.data(SOURCE_ROLE), index.data(DATE_ROLE)) if x)
        meta = QFontMetrics(meta_font).elidedText(meta, Qt.TextElideMode.ElideRight, area.width())
        meta_rect = QRect(area.left(), area.top() + title_height + 2, area.width(), line_height(meta_font))
        painter.drawText(meta_rect, Qt.AlignmentFlag.AlignLeft, meta)
        painter.restore()
