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
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QResizeEvent,
    QShowEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QToolTip, QWidget

from reader.annotate.words import snap_to_words
from reader.model import COLORS, Article, Highlight
from reader.paths import resource
from reader.reading_style import ReadingStyle, reader_css
from reader.render import OBJECT_REPLACEMENT, SAFE_LINK, article_html, body_html, header_blocks
from reader.themes import LIGHT_THEME, Theme
from reader.ui.document_map import DocumentMap
from reader.ui.highlight_layer import HighlightLayer
from reader.ui.section_tracker import SectionTracker
from reader.ui.selection_toolbar import SelectionToolbar, swatch, toolbar_position

ImageSource = Callable[[str], bytes | None]
MIN_SIDE_MARGIN = 24
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

    Two parts it owns do jobs of their own: ``highlight_layer`` (a :class:`HighlightLayer`) draws
    the highlights and find tints, ``section_tracker`` (a :class:`SectionTracker`) knows the
    current section and moves between sections. The view keeps the rendering, the place and zoom,
    the selection and its toolbar. Offsets in signals are code points in the article's canonical text.
    """

    section_changed = Signal(int)
    """The current section changed (``section_tracker.current``), -1 before the first heading."""
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
        self._anchor: tuple[int, int] | None = None
        self._holding = False
        self.document_map = DocumentMap(self.document(), "", 0)
        self.last_color = "yellow"
        self.toolbar = SelectionToolbar({}, self.viewport())
        self.toolbar.color_chosen.connect(lambda color: self.highlight_selection(color, self.toolbar.style_choice))
        self.toolbar.note_requested.connect(self.request_note)
        self.toolbar.quote_requested.connect(self._request_quote)
        self.anchorClicked.connect(self._on_anchor_clicked)
        # In this order on each scroll: the place moves, then the section, then the highlights placed.
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.section_tracker = SectionTracker(self)
        self.section_tracker.section_changed.connect(self.section_changed)
        self.verticalScrollBar().valueChanged.connect(self.toolbar.hide)
        self.highlight_layer = HighlightLayer(self)

    def set_image_source(self, image_source: ImageSource | None) -> None:
        self._image_source = image_source

    def clear_article(self) -> None:
        """Show nothing. The sections and highlights go first: clearing the text lays it out anew,
        which they follow, and they must not look for their old paragraphs in the empty document."""
        self._article = None
        self.section_tracker.clear()
        self.highlight_layer.clear()
        self.clear()
        self.document_map = DocumentMap(self.document(), "", 0)

    def show_article(self, article: Article) -> None:
        self._article = article
        document = QTextDocument(self)
        document.setDefaultStyleSheet(self._stylesheet)
        document.setDefaultFont(reading_font(article.language, self._shown_style))
        document.setDocumentMargin(MIN_SIDE_MARGIN)
        document.setUndoRedoEnabled(False)
        self.highlight_layer.clear()
        previous = self.document()
        ours = previous.parent() is self
        self.setDocument(document)
        if ours:
            previous.deleteLater()
        self.highlight_layer.attach(document)
        document.documentLayout().documentSizeChanged.connect(self._hold_place)
        self.setHtml(article_html(article))
        self._tighten_image_lines()
        self._article = article
        self.document_map = DocumentMap(self.document(), body_html(article), len(header_blocks(article)))
        self.section_tracker.set_sections(article.sections)
        self._apply_measure()
        self.toolbar.hide()
        self._anchor = None
        self.verticalScrollBar().setValue(0)
        self.section_tracker.moved_to(0)

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
        layer = self.highlight_layer
        offset, highlights, active = self.first_visible_offset(), layer.highlights, layer.active_id
        self.show_article(self._article)
        self.go_to_offset(offset)
        layer.set_highlights(highlights, active)

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
        self.section_tracker.moved_to(bar.value())

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

    def _on_scrolled(self, value: int) -> None:
        if self._anchor is not None and self._anchor[1] != value:
            self._anchor = None
        self.place_moved.emit()

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

    # selection and highlighting

    def set_meanings(self, meanings: dict[str, str]) -> None:
        self.toolbar.set_meanings(meanings)

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
        to_document = self.document_map.to_document
        self.setTextCursor(self.highlight_layer.document_cursor(to_document(start), to_document(end)))

    def highlight_under_cursor(self) -> Highlight | None:
        cursor = self.textCursor()
        return self.highlight_layer.highlight_at(cursor.selectionStart() if cursor.hasSelection() else cursor.position())

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
        highlight = self.highlight_layer.highlight_at(self.cursorForPosition(event.position().toPoint()).position())
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
            highlight = self.highlight_layer.highlight_at(self.cursorForPosition(event.pos()).position())
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
        under = self.highlight_layer.highlight_at(self.cursorForPosition(event.pos()).position())
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
