"""Find in the open article: the bar's query, matched by :mod:`reader.find`, shown in the reading view.

The count covers every match. Tints are drawn only for matches on and near
the screen (one screenful either side), redone as the view scrolls: Qt lays
out the document up to every extra selection it is given, so tinting ten
thousand matches of a 1 MB article would stall the window.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QStackedWidget, QTextEdit, QVBoxLayout, QWidget

from reader.find import FoldedText, find_all, fold_text
from reader.themes import Theme
from reader.ui.document_map import DocumentMap
from reader.ui.find_bar import FindBar
from reader.ui.reader_view import ReaderView

MATCH_ALPHA = 0.35
"""Other matches: the theme's find colour (orange, which no highlight colour is) at a third of its strength;
the current one at full strength, whose contrast with the text each theme checks. Both underlined, so a
match shows on a highlight too."""


class ArticleFinder(QObject):
    """Owns the find bar; reports nothing, draws into the view through ``set_find_selections``."""

    def __init__(self, view: ReaderView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.bar = FindBar()
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self._starts: list[int] = []
        self._folded: tuple[DocumentMap, FoldedText] | None = None
        self._tinted: tuple[int, int, int] | None = None
        self.bar.query_changed.connect(self.search)
        self.bar.next_requested.connect(self.next)
        self.bar.previous_requested.connect(self.previous)
        self.bar.closed.connect(self._on_closed)
        view.verticalScrollBar().valueChanged.connect(self._tint)
        view.verticalScrollBar().rangeChanged.connect(self._tint)
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), view)
        self._escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._escape.activated.connect(self.bar.close_bar)
        self._escape.setEnabled(False)

    def below(self, stack: QStackedWidget) -> QWidget:
        """The stack that shows the view (or a welcome or a problem in its place) with the bar under it.

        The bar closes when the view gives way to something else.
        """
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(stack, 1)
        layout.addWidget(self.bar)
        stack.currentChanged.connect(lambda: stack.currentWidget() is self.view or self.bar.close_bar())
        return column

    @property
    def _has_article(self) -> bool:
        return bool(self.view.document_map.text)

    def open(self, query: str | None = None, focus: bool = True) -> bool:
        """Show the bar (False when no article is shown, so the caller can do something else)."""
        if not self._has_article:
            return False
        self._escape.setEnabled(True)
        self._folded_text()  # fold now, before the first key, so typing only searches
        retyped = query is not None and query != self.bar.query
        self.bar.open(query, focus)
        if not retyped:  # a new query searches as it is typed in; the same one searches again here
            self.search(self.bar.query)
        return True

    def article_opened(self, search_text: str) -> None:
        """A new article is shown: bring the library search's words to it, or keep finding the bar's."""
        if not self._has_article:
            self.bar.close_bar()
        elif search_text.strip() and find_all(self._folded_text(), search_text):
            self.open(search_text, focus=False)  # the library list keeps the keyboard, for the next result
            self.current = 0  # a search result opens at its first hit, wherever the reader left off
            self._show_current()
        elif self.bar.isVisible():
            self.search(self.bar.query)

    def search(self, query: str) -> None:
        """Find every match; the current one is the first on screen or after it (else the first)."""
        self.matches = find_all(self._folded_text(), query) if self._has_article and query.strip() else []
        self._starts = [start for start, _ in self.matches]
        after = bisect_left(self._starts, self._screen_offsets()[0])
        self.current = after if after < len(self.matches) else min(0, len(self.matches) - 1)
        self._show_current()

    def relaid(self, *_: object) -> None:
        """The same article laid out anew (a theme, a reading style): tint the same matches in it again."""
        if self._folded is None or not self.bar.isVisible() or self.view.document_map.text != self._folded[0].text:
            return
        self._folded = (self.view.document_map, self._folded[1])
        self._tinted = None
        self._tint()

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if not self.bar.isVisible():
            self.open()
        elif self.matches:
            self.current = (self.current + direction) % len(self.matches)
            self._show_current()

    def _show_current(self) -> None:
        self.bar.show_count(self.current, len(self.matches))
        self._tinted = None
        if self.matches:
            self._reveal(*self.matches[self.current])
            self._tint()
        else:
            self.view.highlight_layer.set_find_selections([])

    def _on_closed(self) -> None:
        """Leave the current match selected (ready to highlight), the tints gone."""
        self._escape.setEnabled(False)
        if self.matches and self._has_article:
            self.view.select_range(*self.matches[self.current])
        self.matches, self._starts, self.current, self._tinted = [], [], -1, None
        self.view.highlight_layer.set_find_selections([])
        self.view.setFocus()

    def _folded_text(self) -> FoldedText:
        """The open article folded, once per article."""
        document_map = self.view.document_map
        if self._folded is None or self._folded[0] is not document_map:
            self._folded = (document_map, fold_text(document_map.text))
        return self._folded[1]

    def _reveal(self, start: int, end: int) -> None:
        """Scroll a match into the upper third of the view unless it is on screen already."""
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.view.document_map.to_document(start))
        rect = self.view.cursorRect(cursor)
        height = self.view.viewport().height()
        if rect.top() < 0 or rect.bottom() > height:
            bar = self.view.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - height // 3)

    def _screen_offsets(self) -> tuple[int, int]:
        """The canonical offsets at the top and bottom of the screen.

        Read down the middle of the text column, inside the document's
        margins: Qt's hit test answers nonsense in them.
        """
        viewport, scroll_bar = self.view.viewport(), self.view.verticalScrollBar()
        inset = int(self.view.document().documentMargin()) + 1
        # The document's height from the scroll bar: asking the document lays all of it out.
        below = scroll_bar.maximum() - scroll_bar.value()
        top = max(0, inset - scroll_bar.value())
        bottom = min(viewport.height(), viewport.height() + below - inset)
        return self._offset_at(QPoint(viewport.width() // 2, top)), self._offset_at(QPoint(viewport.width() // 2, bottom))

    def _offset_at(self, point: QPoint) -> int:
        return self.view.document_map.to_text(self.view.cursorForPosition(point).position()) or 0

    def _tint(self, *_: object) -> None:
        """Tint the matches from a screenful above to a screenful below; the current one stronger."""
        if not self.matches or self._folded is None or self._folded[0] is not self.view.document_map:
            return  # nothing found, or found in the article that was shown before this one
        top, bottom = self._screen_offsets()
        span = bottom - top
        first = bisect_right(self._starts, top - span) - 1
        last = bisect_left(self._starts, bottom + span)
        window = (max(first, 0), last, self.current)
        if window == self._tinted:
            return
        self._tinted = window
        indices = set(range(window[0], window[1])) | {self.current}
        self.view.highlight_layer.set_find_selections([self._selection(i) for i in sorted(indices)])

    def _selection(self, index: int) -> QTextEdit.ExtraSelection:
        start, end = self.matches[index]
        document_map = self.view.document_map
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(self.view.document())
        selection.cursor.setPosition(document_map.to_document(start))
        selection.cursor.setPosition(document_map.to_document(end), QTextCursor.MoveMode.KeepAnchor)
        selection.format = _tint_format(self.view.theme, index == self.current)
        return selection


def tint(theme: Theme, current: bool) -> QColor:
    """The background of a match: the current one at full strength, the others fainter."""
    color = QColor(theme.find)
    if not current:
        color.setAlphaF(MATCH_ALPHA)
    return color


def _tint_format(theme: Theme, current: bool) -> QTextCharFormat:
    text_format = QTextCharFormat()
    text_format.setBackground(tint(theme, current))
    text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    text_format.setUnderlineColor(QColor(theme.ink))
    return text_format
