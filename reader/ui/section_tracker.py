"""The reading view's section tracker: which section is being read, and moving between sections.

It lives apart from :class:`~reader.ui.reader_view.ReaderView` because it is the one part that
knows where the article's headings are in the laid-out document, and one rule the view need not
know: after a jump to a heading, that section stays current while the view rests there, even
when the heading sits too low to reach the reading line (the last short sections of an article).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, Signal

from reader.model import Section

if TYPE_CHECKING:  # the view owns the tracker and imports this module
    from reader.ui.reader_view import ReaderView

READ_LINE = 48
"""A heading this many pixels below the top of the view already makes its section the current one."""
HEADING_GAP = 12
"""A jump to a section leaves this much space above its heading."""


class SectionTracker(QObject):
    """Follows the view's scrolling to the current section and scrolls it to a section.

    ``section_changed(number)`` reports the current section, -1 before the first heading.
    """

    section_changed = Signal(int)

    def __init__(self, view: ReaderView) -> None:
        super().__init__(view)
        self._view = view
        self._sections: list[Section] = []
        self._heading_blocks: list[int] = []
        self._current = -1
        self._pinned: tuple[int, int] | None = None  # (section, scroll value) of the last jump to a heading
        view.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    def clear(self) -> None:
        """No article: no sections."""
        self._sections, self._heading_blocks, self._pinned = [], [], None
        self._set_current(-1)

    def set_sections(self, sections: list[Section]) -> None:
        """The view shows a new document with these sections: find their headings in it."""
        self._sections = list(sections)
        self._heading_blocks = self._find_headings()

    @property
    def sections(self) -> list[Section]:
        return self._sections

    @property
    def heading_blocks(self) -> list[int]:
        """The block number of each section's heading, -1 for one not found in the document."""
        return self._heading_blocks

    @property
    def current(self) -> int:
        """The section being read: the last whose heading is above the reading line, or -1."""
        return self._current

    def moved_to(self, value: int) -> None:
        """The view was put at this scroll value by other means than a heading (a place, a new article)."""
        self._pinned = None
        self._set_current(self.section_at(value))

    def heading_rect_in_viewport(self, number: int) -> QRect:
        """Where section ``number``'s heading is drawn now, in viewport coordinates."""
        document = self._view.document()
        rect = document.documentLayout().blockBoundingRect(document.findBlockByNumber(self._heading_blocks[number]))
        return rect.translated(0, -self._view.verticalScrollBar().value()).toRect()

    def scroll_to(self, number: int) -> None:
        """Bring section ``number``'s heading to the top; it is the current section while the view stays there."""
        top = self._heading_top(number)
        if top is None:
            return
        bar = self._view.verticalScrollBar()
        bar.setValue(max(0, top - HEADING_GAP))
        self._pinned = (number, bar.value())
        self._set_current(number)

    def next(self) -> None:
        if self._sections:
            self.scroll_to(min(self._current + 1, len(self._sections) - 1))

    def previous(self) -> None:
        """Back to the start of this section, or to the one before if already there."""
        if not self._sections:
            return
        top = self._heading_top(self._current)
        inside = top is not None and self._view.verticalScrollBar().value() > max(0, top - HEADING_GAP)
        self.scroll_to(max(self._current if inside else self._current - 1, 0))

    def section_at(self, value: int) -> int:
        """The section being read with the view scrolled to ``value``."""
        current = -1
        for number in range(len(self._sections)):
            top = self._heading_top(number)
            if top is not None and top <= value + READ_LINE:
                current = number
        return current

    def _find_headings(self) -> list[int]:
        """Block numbers of the body's headings, in section order, found by their anchors."""
        wanted = {section.anchor: number for number, section in enumerate(self._sections)}
        found: dict[int, int] = {}
        block = self._view.document().begin()
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
        document = self._view.document()
        block = document.findBlockByNumber(self._heading_blocks[number])
        return int(document.documentLayout().blockBoundingRect(block).top())

    def _on_scrolled(self, value: int) -> None:
        if self._pinned and self._pinned[1] == value:
            self._set_current(self._pinned[0])
            return
        self._pinned = None
        self._set_current(self.section_at(value))

    def _set_current(self, number: int) -> None:
        if number != self._current:
            self._current = number
            self.section_changed.emit(number)
