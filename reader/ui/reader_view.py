"""The reading view: an article rendered into a QTextBrowser.

It never touches the network or the file system on the page's behalf:
images come only from the article's own stored images, and links open in
the system browser only when the user clicks them.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QResizeEvent,
    QShowEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.annotate.overlaps import inner_highlights
from reader.annotate.words import snap_to_words
from reader.model import COLORS, Article, Highlight, Section
from reader.paths import resource
from reader.reading_style import ReadingStyle, reader_css
from reader.render import OBJECT_REPLACEMENT, SAFE_LINK, article_html, body_html, header_blocks
from reader.themes import LIGHT_THEME, Theme
from reader.ui.document_map import DocumentMap
from reader.ui.selection_toolbar import SelectionToolbar, swatch, toolbar_position

ImageSource = Callable[[str], bytes | None]
MIN_SIDE_MARGIN = 24
READ_LINE = 48
ZOOM_STEPS = (0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
WHEEL_NOTCH = 120

FONT_FAMILIES = {
    "zh": ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei"],
    "zh-tw": ["Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei"],
    "ja": ["Noto Sans CJK JP", "Source Han Sans JP", "Hiragino Sans", "Yu Gothic"],
    "ko": ["Noto Sans CJK KR", "Source Han Sans KR", "Apple SD Gothic Neo", "Malgun Gothic"],
}
LATIN_FAMILIES = ["Noto Sans", "Segoe UI", "Helvetica Neue", "DejaVu Sans"]


def reading_font(language: str, style: ReadingStyle = ReadingStyle()) -> QFont:
    """Latin first, then the chosen CJK family or one that suits the article's language, then the rest.

    Qt takes each character from the first family in the list that has it, so Latin text is
    set in the Latin face and Chinese in the CJK one.
    """
    key = language.lower()
    preferred = FONT_FAMILIES.get(key) or FONT_FAMILIES.get(key.split("-")[0], [])
    cjk = preferred + [f for families in FONT_FAMILIES.values() for f in families if f not in preferred]
    latin = [style.latin_family] if style.latin_family else LATIN_FAMILIES
    font = QFont()
    font.setFamilies(latin + ([style.cjk_family] if style.cjk_family else []) + cjk)
    font.setPointSizeF(style.size)
    return font


def next_zoom(zoom: float, direction: int) -> float:
    """The zoom step after ``zoom`` going up (1) or down (-1), or ``zoom`` at the end of the range."""
    if direction > 0:
        return next((step for step in ZOOM_STEPS if step > zoom + 1e-6), zoom)
    return next((step for step in reversed(ZOOM_STEPS) if step < zoom - 1e-6), zoom)


class ReaderView(QTextBrowser):
    """Shows one article with its highlights, and reports what the reader does.

    Offsets in signals are code points in the article's canonical text.
    """

    section_changed = Signal(int)
    place_moved = Signal()
    """The text in view changed (scrolling, zoom, a new article): ``first_visible_offset`` has moved."""
    zoom_changed = Signal(float)
    highlight_requested = Signal(int, int, str, str)
    note_requested = Signal(int, int)
    quote_requested = Signal(int, int)
    highlight_activated = Signal(int)
    delete_requested = Signal(int)

    def __init__(
        self,
        image_source: ImageSource | None = None,
        open_link: Callable[[QUrl], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)
        self._image_source = image_source
        self._open_link = open_link
        self._template = resource("reader.css").read_text(encoding="utf-8")
        self._theme, self._style = LIGHT_THEME, ReadingStyle()
        self._stylesheet = reader_css(self._template, self._theme, self._style)
        self._article: Article | None = None
        self._zoom = 1.0
        self._wheel = 0
        self._active_id: int | None = None
        self._anchor: tuple[int, int] | None = None
        self._holding = False
        self._sections: list[Section] = []
        self._heading_blocks: list[int] = []
        self.document_map = DocumentMap(self.document(), "", 0)
        self._current = -1
        self._pinned: tuple[int, int] | None = None
        self._highlights: list[Highlight] = []
        self._cursors: dict[tuple[int, int], QTextCursor] = {}
        self._selections: list[QTextEdit.ExtraSelection] = []
        self._find_selections: list[QTextEdit.ExtraSelection] = []
        self._layers: list[int] = []  # minus each selection's highlight length: the order Qt paints them in
        self._pieces: dict[tuple, list[tuple[int, QTextEdit.ExtraSelection]]] = {}
        self._placed = 0
        self.last_color = "yellow"
        self.toolbar = SelectionToolbar({}, self.viewport())
        self.toolbar.color_chosen.connect(lambda color: self.highlight_selection(color, self.toolbar.style_choice))
        self.toolbar.note_requested.connect(self.request_note)
        self.toolbar.quote_requested.connect(self._request_quote)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.verticalScrollBar().valueChanged.connect(self.toolbar.hide)
        self.verticalScrollBar().valueChanged.connect(self._place_laid_out)

    def set_image_source(self, image_source: ImageSource | None) -> None:
        self._image_source = image_source

    def clear_article(self) -> None:
        self._article = None
        self._sections, self._heading_blocks = [], []
        self.clear()
        self.document_map = DocumentMap(self.document(), "", 0)
        self._highlights, self._cursors, self._pieces, self._selections, self._placed = [], {}, {}, [], 0
        self._find_selections = []
        self._set_current(-1)

    def show_article(self, article: Article) -> None:
        self._article = article
        document = QTextDocument(self)
        document.setDefaultStyleSheet(self._stylesheet)
        document.setDefaultFont(reading_font(article.language, self._shown_style))
        document.setDocumentMargin(MIN_SIDE_MARGIN)
        document.setUndoRedoEnabled(False)
        self._highlights, self._cursors, self._pieces, self._selections, self._placed = [], {}, {}, [], 0
        self._find_selections = []
        self.setExtraSelections([])
        previous = self.document()
        ours = previous.parent() is self
        self.setDocument(document)
        if ours:
            previous.deleteLater()
        document.documentLayout().documentSizeChanged.connect(self._place_laid_out)
        document.documentLayout().documentSizeChanged.connect(self._hold_place)
        self.setHtml(article_html(article))
        self._tighten_image_lines()
        self._article = article
        self._sections = list(article.sections)
        self.document_map = DocumentMap(self.document(), body_html(article), len(header_blocks(article)))
        self._heading_blocks = self._find_headings()
        self._apply_measure()
        self.toolbar.hide()
        self._anchor = None
        self.verticalScrollBar().setValue(0)
        self._pinned = None
        self._set_current(self._section_at(0))

    @property
    def theme(self) -> Theme:
        return self._theme

    def set_theme(self, theme: Theme) -> None:
        """Colour the article (text, links, headings, highlights) for this theme; images stay as they are."""
        self._theme = theme
        self._restyle()

    def set_reading_style(self, style: ReadingStyle) -> None:
        """Set the article in these fonts, size, spacing and column width (the zoom scales them)."""
        self._style = style
        self._restyle()

    @property
    def sections(self) -> list[Section]:
        return self._sections

    # zoom

    @property
    def zoom(self) -> float:
        """How much larger than its base size the text is drawn (1: actual size)."""
        return self._zoom

    @property
    def point_size(self) -> float:
        """The body text's size on screen: the reading settings' size times the zoom."""
        return self._shown_style.size

    def set_zoom(self, zoom: float) -> None:
        zoom = min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        if abs(zoom - self._zoom) > 1e-6:
            self._zoom = zoom
            self._restyle()
            self.zoom_changed.emit(zoom)

    def zoom_in(self) -> None:
        self.set_zoom(next_zoom(self._zoom, 1))

    def zoom_out(self) -> None:
        self.set_zoom(next_zoom(self._zoom, -1))

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    @property
    def _shown_style(self) -> ReadingStyle:
        """The reading style as drawn: the user's settings at the zoom's scale."""
        return self._style.scaled(self._zoom)

    def _restyle(self) -> None:
        """Lay the open article out again (theme, style or zoom), the same text at the top, its highlights on it.

        QTextDocument applies a style sheet while it parses, so the article is rendered anew. QTextEdit's
        own zoomIn is no way round it: it sets the document's font to the *widget's* font plus a step,
        9 pt + 1 against the 12.5 pt reading font, which is why Ctrl+wheel's first notch made text smaller.
        """
        self._stylesheet = reader_css(self._template, self._theme, self._shown_style)
        if self._article is None:
            return
        offset, highlights, active = self.first_visible_offset(), self._highlights, self._active_id
        self.show_article(self._article)
        self.go_to_offset(offset)
        self.set_highlights(highlights, active)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms one step a notch (a touchpad's small steps add up to notches)."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        self._wheel += event.angleDelta().y()
        while abs(self._wheel) >= WHEEL_NOTCH:
            direction = 1 if self._wheel > 0 else -1
            self._wheel -= direction * WHEEL_NOTCH
            self.set_zoom(next_zoom(self._zoom, direction))
        event.accept()

    # place

    def first_visible_offset(self) -> int:
        """The first character of the first line mostly in view, in canonical-text offsets.

        0 while the top of the article (its header) is in view: that is the article's own start.
        Until the view is scrolled, it is the character last gone to, however often the text is laid
        out again meanwhile (zooming in and out, resizing): the place does not creep a line each time.
        """
        top = self.verticalScrollBar().value()
        if self._anchor is not None and self._anchor[1] == top:
            return self._anchor[0]
        if top <= 0 or self._article is None:
            return 0
        block = self.document().findBlock(self.cursorForPosition(QPoint(0, 0)).position())
        block = block.previous() if block.previous().isValid() else block
        layout = self.document().documentLayout()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            if rect.bottom() > top:
                position = self._line_in_view(block, rect.top(), top)
                if position is not None:
                    return self.document_map.to_text(position) or 0
            block = block.next()
        return len(self._article.text)

    @staticmethod
    def _line_in_view(block: QTextBlock, block_top: float, top: int) -> int | None:
        """The document position of the block's first line more than half below ``top``."""
        lines = block.layout()
        for number in range(lines.lineCount()):
            line = lines.lineAt(number)
            if block_top + line.y() + line.height() / 2 > top:
                return block.position() + line.textStart()
        return None

    def go_to_offset(self, offset: int) -> None:
        """Put the line holding this character (canonical offset) at the top; 0 is the article's top."""
        bar = self.verticalScrollBar()
        if offset <= 0:
            bar.setValue(0)
        else:
            position = self.document_map.to_document(offset)
            block = self.document().findBlock(position)
            line = block.layout().lineForTextPosition(position - block.position())
            top = self.document().documentLayout().blockBoundingRect(block).top() + (line.y() if line.isValid() else 0)
            self._lay_out_below(block, top + self.viewport().height())
            bar.setValue(math.ceil(top))
        self._anchor = (max(offset, 0), bar.value())
        self._pinned = None
        self._set_current(self._section_at(bar.value()))

    def _hold_place(self, *_: object) -> None:
        """The text was laid out again (a new width, a scroll bar coming or going): the place stays on top."""
        if self._holding or self._anchor is None or self._anchor[0] <= 0:
            return
        if self._anchor[1] != self.verticalScrollBar().value():
            return
        self._holding = True
        try:
            self.go_to_offset(self._anchor[0])
        finally:
            self._holding = False

    def _lay_out_below(self, block: QTextBlock, bottom: float) -> None:
        """Have Qt lay the document out down to ``bottom``, so the scroll range reaches it.

        Qt lays a long document out a piece at a time; the scroll bar's range is what is laid out so far.
        """
        layout = self.document().documentLayout()
        while block.isValid() and layout.blockBoundingRect(block).bottom() < bottom:
            block = block.next()

    def progress(self) -> float:
        """How far through the text the last character in view is: 0..1, 1 with the end in view."""
        if self._article is None or not self._article.text:
            return 0.0
        corner = QPoint(self.viewport().width() - 1, self.viewport().height() - 1)
        offset = self.document_map.to_text(self.cursorForPosition(corner).position()) or 0
        return min(offset / len(self._article.text), 1.0)

    @property
    def current_section(self) -> int:
        return self._current

    def _find_headings(self) -> list[int]:
        """Block numbers of the body's headings, in section order, found by their anchors."""
        wanted = {section.anchor: number for number, section in enumerate(self._sections)}
        found: dict[int, int] = {}
        block = self.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel():
                fragments = block.begin()
                while not fragments.atEnd():
                    for name in fragments.fragment().charFormat().anchorNames():
                        if name in wanted and wanted[name] not in found:
                            found[wanted[name]] = block.blockNumber()
                    fragments += 1
            block = block.next()
        return [found.get(number, -1) for number in range(len(self._sections))]

    def _heading_top(self, number: int) -> int | None:
        if not 0 <= number < len(self._heading_blocks) or self._heading_blocks[number] < 0:
            return None
        block = self.document().findBlockByNumber(self._heading_blocks[number])
        return int(self.document().documentLayout().blockBoundingRect(block).top())

    def heading_rect_in_viewport(self, number: int):
        """Where section ``number``'s heading is drawn now, in viewport coordinates."""
        block = self.document().findBlockByNumber(self._heading_blocks[number])
        rect = self.document().documentLayout().blockBoundingRect(block)
        return rect.translated(0, -self.verticalScrollBar().value()).toRect()

    def scroll_to_section(self, number: int) -> None:
        top = self._heading_top(number)
        if top is None:
            return
        value = max(0, top - 12)
        self.verticalScrollBar().setValue(value)
        self._pinned = (number, self.verticalScrollBar().value())
        self._set_current(number)

    def next_section(self) -> None:
        if self._sections:
            self.scroll_to_section(min(self._current + 1, len(self._sections) - 1))

    def previous_section(self) -> None:
        """Back to the start of this section, or to the one before if already there."""
        if not self._sections:
            return
        top = self._heading_top(self._current)
        inside = top is not None and self.verticalScrollBar().value() > max(0, top - 12)
        self.scroll_to_section(max(self._current if inside else self._current - 1, 0))

    def _section_at(self, value: int) -> int:
        current = -1
        for number in range(len(self._sections)):
            top = self._heading_top(number)
            if top is not None and top <= value + READ_LINE:
                current = number
        return current

    def _on_scrolled(self, value: int) -> None:
        if self._anchor is not None and self._anchor[1] != value:
            self._anchor = None
        self.place_moved.emit()
        if self._pinned and self._pinned[1] == value:
            self._set_current(self._pinned[0])
            return
        self._pinned = None
        self._set_current(self._section_at(value))

    def _set_current(self, number: int) -> None:
        if number != self._current:
            self._current = number
            self.section_changed.emit(number)

    def _tighten_image_lines(self) -> None:
        """A paragraph that is only a picture is as tall as the picture: the reading line height
        (135%) would add a third of the picture's height below it as blank space."""
        block = self.document().begin()
        while block.isValid():
            if block.text() == OBJECT_REPLACEMENT:
                cursor = QTextCursor(block)
                block_format = block.blockFormat()
                block_format.setLineHeight(100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
                cursor.setBlockFormat(block_format)
            block = block.next()

    def _measure(self) -> float:
        """The width of the text column in a window wide enough for it."""
        return QFontMetricsF(self.document().defaultFont()).horizontalAdvance("中") * self._style.measure

    def _apply_measure(self) -> None:
        """Keep lines to a comfortable length however wide the window is."""
        side = max(MIN_SIDE_MARGIN, (self.viewport().width() - self._measure()) / 2)
        frame = self.document().rootFrame()
        frame_format = frame.frameFormat()
        if abs(frame_format.leftMargin() - side) >= 1:
            frame_format.setLeftMargin(side)
            frame_format.setRightMargin(side)
            frame.setFrameFormat(frame_format)

    def showEvent(self, event: QShowEvent) -> None:
        """QTextEdit brings its text cursor (the article's start) into view when first shown: stay in place."""
        offset = self.first_visible_offset()
        super().showEvent(event)
        if offset:
            self.go_to_offset(offset)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Lines are wrapped anew at the new width; the text that was at the top stays there."""
        offset = self.first_visible_offset()
        super().resizeEvent(event)
        self._apply_measure()
        if offset:
            self.go_to_offset(offset)

    # highlights

    def set_meanings(self, meanings: dict[str, str]) -> None:
        self.toolbar.set_meanings(meanings)

    def set_highlights(self, highlights: list[Highlight], active_id: int | None = None) -> None:
        """Draw these highlights (orphans are listed elsewhere, never drawn).

        Qt measures every extra selection it is given, which lays the document
        out up to it, and a selection across paragraphs is measured against
        the whole document. So each highlight is drawn as one selection per
        paragraph, handed over when Qt's own incremental layout has reached
        it (see :meth:`_place_laid_out`).
        """
        self._highlights = [h for h in highlights if h.state != Highlight.ORPHANED and h.end > h.start]
        self._active_id = active_id
        # Inside an edit block a cursor skips measuring its x position, which
        # would also lay the document out up to every highlight.
        guard = QTextCursor(self.document())
        guard.beginEditBlock()
        pieces: dict[tuple, list[tuple[int, QTextEdit.ExtraSelection]]] = {}
        inner = inner_highlights(self._highlights)
        for number, highlight in enumerate(self._highlights):
            key = (highlight.start, highlight.end, highlight.color, highlight.style,
                   bool(highlight.note), highlight.id == active_id, number in inner)
            pieces[key] = self._pieces.get(key) or self._make_pieces(highlight, key[-2], key[-1])
        guard.endEditBlock()
        self._pieces = pieces
        ordered = sorted(((end, key[0] - key[1], selection) for key, group in pieces.items() for end, selection in group),
                         key=lambda piece: piece[0])
        self._selections = [selection for _, _, selection in ordered]
        self._layers = [minus_length for _, minus_length, _ in ordered]
        self._placed = -1
        self._place_laid_out()

    def _make_pieces(self, highlight: Highlight, active: bool,
                     inner: bool = False) -> list[tuple[int, QTextEdit.ExtraSelection]]:
        text_format = self._format_for(highlight, active, inner)
        pieces = []
        for start, end in self._paragraph_spans(highlight.start, highlight.end):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._document_cursor(start, end)
            selection.format = text_format
            pieces.append((end, selection))
        return pieces

    def _paragraph_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """Document positions of a passage, cut at paragraph ends."""
        first, last = self.document_map.to_document(start), self.document_map.to_document(end)
        spans = []
        block = self.document().findBlock(first)
        while block.isValid() and block.position() < last:
            span = (max(first, block.position()), min(last, block.position() + block.length() - 1))
            if span[1] > span[0]:
                spans.append(span)
            block = block.next()
        return spans

    def _place_laid_out(self, *_: object) -> None:
        """Give Qt the highlights that end in text already laid out.

        Qt lays a document out from its start, so those form a prefix of the
        segments ordered by end; the screen in view is laid out first.
        """
        self.cursorForPosition(QPoint(self.viewport().width(), self.viewport().height()))
        document = self.document()
        low, high = 0, len(self._selections)
        while low < high:
            middle = (low + high) // 2
            if document.findBlock(self._selections[middle].cursor.selectionEnd() - 1).layout().lineCount():
                low = middle + 1
            else:
                high = middle
        placed = low
        if placed != self._placed:
            self._placed = placed
            self._paint()

    def set_find_selections(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Tint find matches over the highlights, which stay as they are."""
        self._find_selections = selections
        self._paint()

    def _paint(self) -> None:
        """Hand Qt the placed highlights and the find tints, in the order it paints them (later over earlier):
        longer highlights first, inner ones on top, the find tints over all."""
        layered = sorted(range(max(self._placed, 0)), key=self._layers.__getitem__)
        self.setExtraSelections([self._selections[i] for i in layered] + self._find_selections)

    @property
    def highlights(self) -> list[Highlight]:
        return self._highlights

    @property
    def all_placed(self) -> bool:
        """Whether Qt has been given every highlight to draw."""
        return self._placed == len(self._selections)

    def _document_cursor(self, first: int, last: int) -> QTextCursor:
        """A cursor over document positions; kept, since placing one costs more than drawing it."""
        cursor = self._cursors.get((first, last))
        if cursor is None:
            cursor = QTextCursor(self.document())
            cursor.setPosition(first)
            cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
            self._cursors[(first, last)] = cursor
        return QTextCursor(cursor)

    def _format_for(self, highlight: Highlight, active: bool, inner: bool = False) -> QTextCharFormat:
        """The theme's fill (stronger when active) or underline; a note adds a dashed underline.

        An ``inner`` highlight (over part of a longer one) is also underlined in its colour: its
        translucent fill blends with the outer one, and the line tells where it begins and ends.
        """
        underline = QColor(self._theme.underlines.get(highlight.color, self._theme.underlines["yellow"]))
        text_format = QTextCharFormat()
        if highlight.style == "underline":
            text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            text_format.setUnderlineColor(underline)
            if active:
                text_format.setBackground(QColor(*self._theme.fill(highlight.color)))
        else:
            text_format.setBackground(QColor(*self._theme.fill(highlight.color, active)))
            if inner:
                text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                text_format.setUnderlineColor(underline)
        if highlight.note:
            text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            text_format.setUnderlineColor(underline)
        return text_format

    def selection_range(self) -> tuple[int, int] | None:
        """The selected body text as code-point offsets, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.document_map.to_text(cursor.selectionStart())
        end = self.document_map.to_text(cursor.selectionEnd())
        start = 0 if start is None else start
        if end is None or end <= start:
            return None
        return start, end

    def select_range(self, start: int, end: int) -> None:
        self.setTextCursor(
            self._document_cursor(self.document_map.to_document(start), self.document_map.to_document(end))
        )

    def highlight_at(self, position: int) -> Highlight | None:
        """The highlight covering a document position, the innermost when they overlap."""
        offset = self.document_map.to_text(position)
        if offset is None:
            return None
        covering = [h for h in self._highlights if h.start <= offset < h.end]
        return min(covering, key=lambda h: h.end - h.start) if covering else None

    def highlight_under_cursor(self) -> Highlight | None:
        cursor = self.textCursor()
        return self.highlight_at(cursor.selectionStart() if cursor.hasSelection() else cursor.position())

    def highlight_selection(self, color: str | None = None, style: str = "fill") -> None:
        """Highlight the selection in ``color`` (else the last one used); only the toolbar asks for underline."""
        selected = self.selection_range()
        if selected is None:
            return
        self.last_color = color or self.last_color
        self.highlight_requested.emit(selected[0], selected[1], self.last_color, style)
        self._clear_selection()

    def request_note(self) -> None:
        selected = self.selection_range()
        if selected is not None:
            self.note_requested.emit(*selected)
            self._clear_selection()

    def _request_quote(self) -> None:
        selected = self.selection_range()
        if selected is not None:
            self.quote_requested.emit(*selected)

    def _clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)
        self.toolbar.hide()

    def scroll_to_offset(self, offset: int) -> None:
        """Bring a passage to the upper third of the view."""
        block = self.document().findBlock(self.document_map.to_document(offset))
        top = self.document().documentLayout().blockBoundingRect(block).top()
        self.verticalScrollBar().setValue(int(max(0, top - self.viewport().height() / 3)))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self.selection_range() is not None:
            self._snap_selection()
            self._show_toolbar()
            return
        self.toolbar.hide()
        highlight = self.highlight_at(self.cursorForPosition(event.position().toPoint()).position())
        if highlight is not None and highlight.id is not None:
            self.highlight_activated.emit(highlight.id)

    def _snap_selection(self) -> None:
        """Take whole words in Latin text, so that a highlight never stores half of one."""
        start, end = self.selection_range()
        snapped = snap_to_words(self._article.text, start, end) if self._article is not None else (start, end)
        if snapped != (start, end):
            self.select_range(*snapped)

    def _show_toolbar(self) -> None:
        self.toolbar.adjustSize()
        ends = []
        for position in (self.textCursor().selectionStart(), self.textCursor().selectionEnd()):
            cursor = QTextCursor(self.document())
            cursor.setPosition(position)
            ends.append(self.cursorRect(cursor))
        self.toolbar.move(toolbar_position(self.toolbar.size(), *ends, self.viewport().rect()))
        self.toolbar.show()
        self.toolbar.raise_()

    def viewportEvent(self, event: QEvent) -> bool:
        """Hovering a highlight with a note shows the note."""
        if event.type() == QEvent.Type.ToolTip:
            highlight = self.highlight_at(self.cursorForPosition(event.pos()).position())
            if highlight is not None and highlight.note:
                QToolTip.showText(event.globalPos(), highlight.note, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.toolbar.hide()
        menu = self.createStandardContextMenu(event.pos())
        selected = self.selection_range()
        under = self.highlight_at(self.cursorForPosition(event.pos()).position())
        if selected is not None or under is not None:
            menu.addSeparator()
        if selected is not None:
            colours = QMenu("Highlight", menu)
            for color in COLORS:
                action = colours.addAction(swatch(color), self.toolbar.color_buttons[color].toolTip())
                action.triggered.connect(lambda _=False, c=color: self.highlight_selection(c))
            menu.addMenu(colours)
            menu.addAction("Add Note…", self.request_note)
            menu.addAction("Copy as Quote with Source", self._request_quote)
        if under is not None and under.id is not None:
            menu.addAction("Delete Highlight", lambda i=under.id: self.delete_requested.emit(i))
        menu.exec(event.globalPos())

    def loadResource(self, kind: int, url: QUrl):
        """Only the article's own stored images; nothing from disk or network.

        Always answer with a value: an empty answer would let QTextDocument
        fall back to reading the name as a local file.
        """
        if kind == QTextDocument.ResourceType.ImageResource.value:
            name = url.toString()
            data = self._image_source(name) if name and self._image_source is not None else None
            image = QImage.fromData(data) if data else QImage()
            if image.isNull():
                return QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
            # A photo wider than the text column is shown at the column's width, not scrolled to.
            column = int(self._measure()) - 2
            if image.width() > column:
                image = image.scaledToWidth(column, Qt.TransformationMode.SmoothTransformation)
            return image
        return QByteArray()

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "" and url.hasFragment():
            self.scrollToAnchor(url.fragment())
        elif SAFE_LINK.match(url.toString()) and self._open_link is not None:
            self._open_link(url)
