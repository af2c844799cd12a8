"""The reading view's highlight layer: the article's highlights (and the find tints) drawn as Qt extra selections.

It lives apart from :class:`~reader.ui.reader_view.ReaderView` because drawing highlights is
a job of its own with two rules the view need not know. Qt measures every extra selection it
is given, which lays the document out up to it, so highlights are handed over piece by piece as
Qt's own incremental layout reaches them (a 1 MB article opens without waiting for its last
highlight). And Qt paints later selections over earlier ones, so overlapping highlights are
ordered longest first, the inner ones on top, the find tints over all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from reader.annotate.overlaps import inner_highlights
from reader.model import Highlight

if TYPE_CHECKING:  # the view owns the layer and imports this module
    from reader.ui.reader_view import ReaderView

PieceKey = tuple[int, int, str, str, bool, bool, bool]
"""What a highlight's pieces look like: start, end, colour, style, has a note, active, inner."""


class HighlightLayer(QObject):
    """Draws the view's highlights and find tints; owns the view's extra selections.

    Offsets are code points in the article's canonical text, as in the view's signals.
    """

    def __init__(self, view: ReaderView) -> None:
        super().__init__(view)
        self._view = view
        self._highlights: list[Highlight] = []
        self._active_id: int | None = None
        self._cursors: dict[tuple[int, int], QTextCursor] = {}
        self._pieces: dict[PieceKey, list[tuple[int, QTextEdit.ExtraSelection]]] = {}
        self._selections: list[QTextEdit.ExtraSelection] = []
        self._layers: list[int] = []  # minus each selection's highlight length: the order Qt paints them in
        self._find_selections: list[QTextEdit.ExtraSelection] = []
        self._placed = 0
        view.verticalScrollBar().valueChanged.connect(self._place_laid_out)

    def clear(self) -> None:
        """Forget every highlight and tint: the view's document is cleared or about to be replaced."""
        self._highlights, self._active_id = [], None
        self._cursors, self._pieces, self._selections, self._layers, self._placed = {}, {}, [], [], 0
        self._find_selections = []
        self._view.setExtraSelections([])

    def attach(self, document: QTextDocument) -> None:
        """Place highlights as this newly shown document's layout grows."""
        document.documentLayout().documentSizeChanged.connect(self._place_laid_out)

    @property
    def highlights(self) -> list[Highlight]:
        """The highlights drawn (orphans and empty ones left out)."""
        return self._highlights

    @property
    def active_id(self) -> int | None:
        """The highlight drawn stronger, as the one picked in the Annotations pane."""
        return self._active_id

    @property
    def all_placed(self) -> bool:
        """Whether Qt has been given every highlight to draw."""
        return self._placed == len(self._selections)

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
        guard = QTextCursor(self._view.document())
        guard.beginEditBlock()
        pieces: dict[PieceKey, list[tuple[int, QTextEdit.ExtraSelection]]] = {}
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

    def set_active(self, active_id: int | None) -> None:
        """Draw the same highlights with this one stronger (picked in the pane or clicked in the text)."""
        self.set_highlights(self._highlights, active_id)

    def set_find_selections(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Tint find matches over the highlights, which stay as they are."""
        self._find_selections = selections
        self._paint()

    def highlight_at(self, position: int) -> Highlight | None:
        """The highlight covering a document position, the innermost when they overlap."""
        offset = self._view.document_map.to_text(position)
        if offset is None:
            return None
        covering = [h for h in self._highlights if h.start <= offset < h.end]
        return min(covering, key=lambda h: h.end - h.start) if covering else None

    def document_cursor(self, first: int, last: int) -> QTextCursor:
        """A cursor over document positions; kept, since placing one costs more than drawing it."""
        cursor = self._cursors.get((first, last))
        if cursor is None:
            cursor = QTextCursor(self._view.document())
            cursor.setPosition(first)
            cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
            self._cursors[(first, last)] = cursor
        return QTextCursor(cursor)

    def _make_pieces(self, highlight: Highlight, active: bool,
                     inner: bool = False) -> list[tuple[int, QTextEdit.ExtraSelection]]:
        text_format = self._format_for(highlight, active, inner)
        pieces = []
        for start, end in self._paragraph_spans(highlight.start, highlight.end):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self.document_cursor(start, end)
            selection.format = text_format
            pieces.append((end, selection))
        return pieces

    def _paragraph_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """Document positions of a passage, cut at paragraph ends."""
        document_map = self._view.document_map
        first, last = document_map.to_document(start), document_map.to_document(end)
        spans = []
        block = self._view.document().findBlock(first)
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
        view = self._view
        view.cursorForPosition(QPoint(view.viewport().width(), view.viewport().height()))
        document = view.document()
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

    def _paint(self) -> None:
        """Hand Qt the placed highlights and the find tints, in the order it paints them (later over earlier):
        longer highlights first, inner ones on top, the find tints over all."""
        layered = sorted(range(max(self._placed, 0)), key=self._layers.__getitem__)
        self._view.setExtraSelections([self._selections[i] for i in layered] + self._find_selections)

    def _format_for(self, highlight: Highlight, active: bool, inner: bool = False) -> QTextCharFormat:
        """The theme's fill (stronger when active) or underline; a note adds a dashed underline.

        An ``inner`` highlight (over part of a longer one) is also underlined in its colour: its
        translucent fill blends with the outer one, and the line tells where it begins and ends.
        """
        theme = self._view.theme
        underline = QColor(theme.underlines.get(highlight.color, theme.underlines["yellow"]))
        text_format = QTextCharFormat()
        if highlight.style == "underline":
            text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            text_format.setUnderlineColor(underline)
            if active:
                text_format.setBackground(QColor(*theme.fill(highlight.color)))
        else:
            text_format.setBackground(QColor(*theme.fill(highlight.color, active)))
            if inner:
                text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                text_format.setUnderlineColor(underline)
        if highlight.note:
            text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            text_format.setUnderlineColor(underline)
        return text_format
