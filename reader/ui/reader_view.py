"""The reading view: an article rendered into a QTextBrowser.

It never touches the network or the file system on the page's behalf:
images come only from the article's own stored images, and links open in
the system browser only when the user clicks them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QUrl, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.model import Article, Section
from reader.paths import resource
from reader.render import SAFE_LINK, article_html, header_blocks
from reader.ui.document_map import DocumentMap

ImageSource = Callable[[str], bytes | None]
MEASURE_IDEOGRAPHS = 36
MIN_SIDE_MARGIN = 24
READ_LINE = 48

FONT_FAMILIES = {
    "zh": ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei"],
    "zh-tw": ["Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei"],
    "ja": ["Noto Sans CJK JP", "Source Han Sans JP", "Hiragino Sans", "Yu Gothic"],
    "ko": ["Noto Sans CJK KR", "Source Han Sans KR", "Apple SD Gothic Neo", "Malgun Gothic"],
}
LATIN_FAMILIES = ["Noto Sans", "Segoe UI", "Helvetica Neue", "DejaVu Sans"]


def reading_font(language: str, point_size: float = 12.5) -> QFont:
    """Latin first, then a CJK family that suits the article's language, then the rest."""
    key = language.lower()
    preferred = FONT_FAMILIES.get(key) or FONT_FAMILIES.get(key.split("-")[0], [])
    cjk = preferred + [f for families in FONT_FAMILIES.values() for f in families if f not in preferred]
    font = QFont()
    font.setFamilies(LATIN_FAMILIES + cjk)
    font.setPointSizeF(point_size)
    return font


class ReaderView(QTextBrowser):
    """Shows one article and reports which of its sections is being read."""

    section_changed = Signal(int)

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
        self._stylesheet = resource("reader.css").read_text(encoding="utf-8")
        self._sections: list[Section] = []
        self._heading_blocks: list[int] = []
        self.document_map = DocumentMap(self.document(), "", 0)
        self._current = -1
        self._pinned: tuple[int, int] | None = None
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    def set_image_source(self, image_source: ImageSource | None) -> None:
        self._image_source = image_source

    def clear_article(self) -> None:
        self._sections, self._heading_blocks = [], []
        self.clear()
        self._set_current(-1)

    def show_article(self, article: Article) -> None:
        document = QTextDocument(self)
        document.setDefaultStyleSheet(self._stylesheet)
        document.setDefaultFont(reading_font(article.language))
        document.setDocumentMargin(MIN_SIDE_MARGIN)
        self.setDocument(document)
        self.setHtml(article_html(article))
        self._sections = list(article.sections)
        self.document_map = DocumentMap(self.document(), article.text, len(header_blocks(article)))
        self._heading_blocks = self._find_headings()
        self._apply_measure()
        self.verticalScrollBar().setValue(0)
        self._pinned = None
        self._set_current(self._section_at(0))

    @property
    def sections(self) -> list[Section]:
        return self._sections

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
        if self._pinned and self._pinned[1] == value:
            self._set_current(self._pinned[0])
            return
        self._pinned = None
        self._set_current(self._section_at(value))

    def _set_current(self, number: int) -> None:
        if number != self._current:
            self._current = number
            self.section_changed.emit(number)

    def _apply_measure(self) -> None:
        """Keep lines to a comfortable length however wide the window is."""
        metrics = QFontMetricsF(self.document().defaultFont())
        measure = metrics.horizontalAdvance("中") * MEASURE_IDEOGRAPHS
        side = max(MIN_SIDE_MARGIN, (self.viewport().width() - measure) / 2)
        frame = self.document().rootFrame()
        frame_format = frame.frameFormat()
        if abs(frame_format.leftMargin() - side) >= 1:
            frame_format.setLeftMargin(side)
            frame_format.setRightMargin(side)
            frame.setFrameFormat(frame_format)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_measure()

    def loadResource(self, kind: int, url: QUrl):
        """Only the article's own stored images; nothing from disk or network.

        Always answer with a value: an empty answer would let QTextDocument
        fall back to reading the name as a local file.
        """
        if kind == QTextDocument.ResourceType.ImageResource.value:
            name = url.toString()
            data = self._image_source(name) if name and self._image_source is not None else None
            image = QImage.fromData(data) if data else QImage()
            return image if not image.isNull() else QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
        return QByteArray()

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "" and url.hasFragment():
            self.scrollToAnchor(url.fragment())
        elif SAFE_LINK.match(url.toString()) and self._open_link is not None:
            self._open_link(url)
