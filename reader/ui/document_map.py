"""Where the canonical text sits in the reading view's QTextDocument.

Annotations point into the canonical text (the body's blocks joined by
newlines) in code points; the document holds the header first, may hold
empty blocks (table frames, list containers) that the canonical text leaves
out, and counts UTF-16 units. This map pairs each body block with its line
and converts within a line only, so a conversion costs one line, not the
whole article.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtGui import QTextDocument

from reader.annotate.utf16 import Utf16Map, to_utf16


class DocumentMap:
    def __init__(self, document: QTextDocument, canonical: str, first_block: int) -> None:
        self.text = canonical
        self._block_positions: list[int] = []
        self._line_starts: list[int] = []
        self._lines: list[str] = []
        lines = canonical.split("\n") if canonical else []
        offset = 0
        block = document.findBlockByNumber(first_block)
        for line in lines:
            while block.isValid() and not block.text() and line:
                block = block.next()
            if not block.isValid():
                break
            self._block_positions.append(block.position())
            self._line_starts.append(offset)
            self._lines.append(line)
            offset += len(line) + 1
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
