"""Where the canonical text sits in the reading view's QTextDocument.

Annotations point into the canonical text (the body's blocks joined by
newlines); the document holds the header first and may hold empty blocks
(table frames, list containers) that the canonical text leaves out. This map
pairs each body block with its line, so positions convert both ways. Offsets
here are UTF-16 units, as Qt counts; code points are converted elsewhere.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtGui import QTextDocument


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class DocumentMap:
    def __init__(self, document: QTextDocument, canonical: str, first_block: int) -> None:
        self._block_positions: list[int] = []
        self._line_starts: list[int] = []
        self._line_lengths: list[int] = []
        lines = canonical.split("\n") if canonical else []
        offset = 0
        block = document.findBlockByNumber(first_block)
        for line in lines:
            while block.isValid() and not block.text() and line:
                block = block.next()
            if not block.isValid():
                break
            length = utf16_length(line)
            self._block_positions.append(block.position())
            self._line_starts.append(offset)
            self._line_lengths.append(length)
            offset += length + 1
            block = block.next()

    def to_text(self, position: int) -> int | None:
        """The canonical offset of a document position, or None outside the body."""
        index = bisect_right(self._block_positions, position) - 1
        if index < 0:
            return None
        within = position - self._block_positions[index]
        if within > self._line_lengths[index]:
            return self._line_starts[index] + self._line_lengths[index]
        return self._line_starts[index] + within

    def to_document(self, offset: int) -> int:
        """The document position of a canonical offset."""
        index = max(0, bisect_right(self._line_starts, offset) - 1)
        if not self._line_starts:
            return 0
        within = min(offset - self._line_starts[index], self._line_lengths[index])
        return self._block_positions[index] + within
