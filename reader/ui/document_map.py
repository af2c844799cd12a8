"""Where the canonical text sits in the reading view's QTextDocument.

Annotations point into the canonical text in code points; the block table
(``reader.block_table``) says where each block of the body sits in it. The
document holds the header first, may hold empty blocks (table frames, list
containers) that the table leaves out, and counts UTF-16 units. This map
pairs each row of the table with its document block and converts within a
block only, so a conversion costs one line, not the whole article.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtGui import QTextDocument

from reader.annotate.utf16 import Utf16Map, to_utf16
from reader.block_table import block_table


class DocumentMap:
    def __init__(self, document: QTextDocument, body_html: str, first_block: int) -> None:
        """Map ``document``, which shows ``body_html`` from its block number ``first_block`` on."""
        table = block_table(body_html)
        self.text = table.text
        self._block_positions: list[int] = []
        self._line_starts: list[int] = []
        self._lines: list[str] = []
        block = document.findBlockByNumber(first_block)
        for row in table.blocks:
            line = table.text_of(row)
            while block.isValid() and not block.text() and line:
                block = block.next()
            if not block.isValid():
                break
            self._block_positions.append(block.position())
            self._line_starts.append(row.start)
            self._lines.append(line)
            block = block.next()

    def to_text(self, position: int) -> int | None:
        """The canonical offset (code points) of a document position, or None before the body."""
        index = bisect_right(self._block_positions, position) - 1
        if index < 0:
            return None
        line = Utf16Map(self._lines[index])
        # A position past the line's end (in a block the canonical text leaves out) is its end;
        # one between the halves of a surrogate pair is the character it splits.
        units = min(position - self._block_positions[index], line.utf16_length)
        return self._line_starts[index] + line.from_utf16(units)

    def to_document(self, offset: int) -> int:
        """The document position of a canonical offset (code points)."""
        if not self._line_starts:
            return 0
        index = max(0, bisect_right(self._line_starts, offset) - 1)
        line = self._lines[index]
        within = min(max(offset - self._line_starts[index], 0), len(line))
        return self._block_positions[index] + to_utf16(line, within)
