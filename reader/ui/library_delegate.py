"""Paints a library row as a title over a quieter source-and-date line, with how far it has been read."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.model import UNREAD
from reader.ui.library_model import DATE_ROLE, PROGRESS_ROLE, SOURCE_ROLE, STATE_ROLE

PADDING = 8
SAMPLE_TEXT = "Ag国가あ"
BAR_HEIGHT = 3
DONE = 0.995


def progress_label(progress: float) -> str:
    """"45%", "Read" at the end, nothing for an article never opened."""
    if progress <= 0:
        return ""
    return "Read" if progress >= DONE else f"{max(1, round(progress * 100))}%"


def line_height(font: QFont) -> int:
    """Height of a line that may fall back to a CJK font, which is taller than most Latin ones."""
    metrics = QFontMetrics(font)
    return max(metrics.height(), metrics.boundingRect(SAMPLE_TEXT).height())


class LibraryDelegate(QStyledItemDelegate):
    def title_font(self, option: QStyleOptionViewItem, index: QModelIndex) -> QFont:
        """Bold while the article is unread, as in a mail client; rows keep one height either way."""
        return self._fonts(option, index.data(STATE_ROLE) == UNREAD)[0]

    def _fonts(self, option: QStyleOptionViewItem, unread: bool = True) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setWeight(QFont.Weight.Bold if unread else QFont.Weight.Normal)
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

        title_font, meta_font = self.title_font(option, index), self._fonts(option)[1]
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
        meta_rect = QRect(area.left(), area.top() + title_height + 2, area.width(), line_height(meta_font))
        progress = float(index.data(PROGRESS_ROLE) or 0)
        label = progress_label(progress)
        if label:
            painter.drawText(meta_rect, Qt.AlignmentFlag.AlignRight, label)
            meta_rect.setRight(meta_rect.right() - QFontMetrics(meta_font).horizontalAdvance(label) - PADDING)
        meta = "  ·  ".join(x for x in (index.data(SOURCE_ROLE), index.data(DATE_ROLE)) if x)
        meta = QFontMetrics(meta_font).elidedText(meta, Qt.TextElideMode.ElideRight, meta_rect.width())
        painter.drawText(meta_rect, Qt.AlignmentFlag.AlignLeft, meta)
        if progress > 0:
            self._paint_bar(painter, option, QRect(area.left(), meta_rect.bottom() + 3, area.width(), BAR_HEIGHT),
                            progress)
        painter.restore()

    @staticmethod
    def _paint_bar(painter: QPainter, option: QStyleOptionViewItem, track: QRect, progress: float) -> None:
        """A thin bar under the row: how much of the article lies above the last line read."""
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        fill = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
        )
        faint = QColor(option.palette.color(QPalette.ColorRole.PlaceholderText))
        faint.setAlpha(45)
        painter.fillRect(track, faint)
        done = QRect(track)
        done.setWidth(max(BAR_HEIGHT, round(track.width() * min(progress, 1.0))))
        painter.fillRect(done, fill)
