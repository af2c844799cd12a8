"""The block table: where each block of rendered article HTML sits in the canonical text.

Highlights point into the canonical text, the blocks of the rendered body
joined by newlines, exactly as QTextDocument holds them block by block. This
module is the one place that knows how HTML becomes those blocks (which tags
open one, how white space collapses, what ``<br>`` and ``<img>`` count as):
the renderer builds the table in the pass that makes the text, the reading
view's map pairs its rows with the document's blocks, and the HTML export
numbers the characters of each row to mark highlights. Nothing else counts
canonical offsets.

Python-Markdown's HTML is well formed and escapes ``<`` in text and
attributes, so a tag is exactly ``<``, a name, anything but ``>``, then
``>``: one regular expression tokenises it several times faster than
``html.parser``, which matters because every import renders its article once.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

OBJECT_REPLACEMENT = "\ufffc"
"""What an image counts as in the canonical text (as in QTextDocument)."""
LINE_SEPARATOR = "\u2028"
"""What ``<br>`` counts as: a line break inside a block."""

# Comments are skipped as a browser would.
_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*>", re.DOTALL)
BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "pre", "div", "dt", "dd"})
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_RUNS = re.compile(r"[ \t\r\n]+")
_SPACES = " \t\r\n"


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the canonical text: one QTextDocument block.

    ``text[start:end]`` is its text. ``html`` is the stretch of the body HTML
    that fills it, which begins at ``html_start``. ``kind`` is the element
    that opened it ("p", "h2", "li", "td", "pre", …; "" for text no block
    element holds); a ``<pre>`` gives one block per line, ``line`` counting
    them from 0 (0 for every other block). ``section_path`` holds the titles
    of the headings above it, outermost first (a heading's own included).
    """

    html: str
    start: int
    end: int
    section_path: tuple[str, ...]
    kind: str
    html_start: int
    line: int = 0


@dataclass(frozen=True)
class BlockTable:
    """The canonical text and its blocks: ``text == "\\n".join(text[b.start:b.end] for b in blocks)``."""

    text: str
    blocks: tuple[Block, ...]

    def text_of(self, block: Block) -> str:
        return self.text[block.start:block.end]


@dataclass(slots=True)
class _Open:
    """The block being collected: what it has gathered and where its HTML begins."""

    kind: str
    html_start: int
    parts: list[str] = field(default_factory=list)
    newlines: list[int] = field(default_factory=list)  # <pre>: where each newline of its HTML is


class _Builder:
    """Collects text the way QTextDocument lays it out: one block per paragraph,
    heading, list item, table cell or preformatted line."""

    def __init__(self, body_html: str) -> None:
        self.body = body_html
        self.blocks: list[Block] = []
        self.texts: list[str] = []
        self.length = -1  # the joining newline before the first block is not there
        self.current: _Open | None = None
        self.headings: list[tuple[int, str]] = []
        self.path: tuple[str, ...] = ()

    def _add(self, text: str, kind: str, html_start: int, html_end: int, line: int = 0) -> None:
        start = self.length + 1
        self.length = start + len(text)
        level = _HEADINGS.get(kind)
        if level is not None:
            while self.headings and self.headings[-1][0] >= level:
                self.headings.pop()
            self.headings.append((level, text))
            self.path = tuple(title for _, title in self.headings)
        self.texts.append(text)
        self.blocks.append(Block(self.body[html_start:html_end], start, self.length, self.path, kind, html_start, line))

    def close_block(self, at: int) -> None:
        current, self.current = self.current, None
        if current is None:
            return
        text = "".join(current.parts)
        if current.kind == "pre":
            self._add_lines(current, text.rstrip("\n").split("\n"), at)
            return
        # As Qt lays out HTML: runs of white space become one space, none
        # at the start of a block or of a line, a trailing one kept.
        text = _RUNS.sub(" ", text).lstrip(" ").replace(LINE_SEPARATOR + " ", LINE_SEPARATOR)
        if text:
            self._add(text, current.kind, current.html_start, at)

    def _add_lines(self, current: _Open, lines: list[str], at: int) -> None:
        """One block per line of a ``<pre>``; a line's HTML ends at its newline."""
        begin = current.html_start
        for number, line in enumerate(lines):
            end = current.newlines[number] if number < len(current.newlines) else at
            self._add(line, "pre", begin, end, number)
            begin = end + 1

    def tag(self, name: str, closing: bool, start: int, end: int) -> None:
        if name in BLOCK_TAGS:
            self.close_block(start)
            if not closing:
                self.current = _Open(name, end)
        elif closing:
            return
        elif name == "br" and self.current is not None:
            self.current.parts.append(LINE_SEPARATOR)
        elif name == "img":
            if self.current is None:
                self.current = _Open("", start)
            self.current.parts.append(OBJECT_REPLACEMENT)

    def data(self, text: str, start: int) -> None:
        raw = text
        if "&" in text:
            text = html.unescape(text)
        if self.current is None:
            if not text.strip():
                return
            self.current = _Open("", start)
        if self.current.kind == "pre" and "\n" in raw:
            self.current.newlines.extend(start + m.start() for m in re.finditer("\n", raw))
        self.current.parts.append(text)


def _tokens(body_html: str) -> Iterator[tuple[int, int, re.Match[str] | None]]:
    """(start, end, tag match or None for text) for each piece of the HTML, in order."""
    position = 0
    for match in _TAG.finditer(body_html):
        if match.start() > position:
            yield position, match.start(), None
        position = match.end()
        yield match.start(), match.end(), match
    if position < len(body_html):
        yield position, len(body_html), None


def block_table(body_html: str) -> BlockTable:
    """The blocks of rendered article HTML and the canonical text they make: what highlights point into."""
    builder = _Builder(body_html)
    for start, end, match in _tokens(body_html):
        if match is None:
            builder.data(body_html[start:end], start)
        elif match.group(2):
            builder.tag(match.group(2).lower(), bool(match.group(1)), start, end)
    builder.close_block(len(body_html))
    return BlockTable("\n".join(builder.texts), tuple(builder.blocks))


# -- numbering characters -------------------------------------------------------


@dataclass
class Piece:
    """A tag or a run of text of the body HTML; a text's characters carry their canonical offsets.

    ``kind`` is "start", "end" or "data"; ``raw`` is the piece as the HTML
    writes it, ``text`` a data piece's characters (entities decoded).
    ``offsets`` gives each character's canonical offset, None where the
    canonical text drops it (white space Qt collapses); ``marker`` is the
    offset of a ``<br>`` or ``<img>``.
    """

    kind: str
    raw: str
    tag: str = ""
    text: str = ""
    offsets: list[int | None] = field(default_factory=list)
    marker: int | None = None


class _Aligner:
    """Walks the canonical text alongside the HTML's characters.

    Each character takes the next canonical one if they agree (a white space
    character agrees with the space its run collapsed to), else it was
    dropped. The cursor starts each element (a block, or all the lines of a
    ``<pre>``) at its first block and never passes its last, so the newline
    between two blocks is never given to a character of the HTML.
    """

    def __init__(self, table: BlockTable) -> None:
        self.text = table.text
        self.blocks = table.blocks
        self.index = -1
        self.position = self.limit = 0

    def enter(self, html_position: int) -> bool:
        """Move to the block whose HTML holds ``html_position``; False if none does."""
        index = self.index
        while index + 1 < len(self.blocks) and self.blocks[index + 1].html_start <= html_position:
            index += 1
        if index < 0:
            return False
        block = self.blocks[index]
        if html_position > block.html_start + len(block.html):
            return False
        if index != self.index and (block.line == 0 or self.index < 0):
            self.position = block.start
            last = index
            while last + 1 < len(self.blocks) and self.blocks[last + 1].line > 0:
                last += 1
            self.limit = self.blocks[last].end
        self.index = index
        return True

    def take(self, char: str) -> int | None:
        if self.position < self.limit:
            wanted = self.text[self.position]
            if wanted == char or (wanted == " " and char in _SPACES):
                self.position += 1
                return self.position - 1
        return None


def numbered_pieces(body_html: str, table: BlockTable | None = None) -> list[Piece]:
    """The HTML's tags and texts in order, each character numbered by the block table."""
    aligner = _Aligner(table) if table is not None else None
    pieces: list[Piece] = []
    for start, end, match in _tokens(body_html):
        raw = body_html[start:end]
        if match is None:
            text = html.unescape(raw) if "&" in raw else raw
            piece = Piece("data", raw, text=text, offsets=[None] * len(text))
            if aligner is not None and aligner.enter(start):
                piece.offsets = [aligner.take(char) for char in text]
        elif not match.group(2):
            continue  # a comment
        else:
            name = match.group(2).lower()
            piece = Piece("end" if match.group(1) else "start", raw, tag=name)
            if aligner is not None and piece.kind == "start" and name in ("br", "img") and aligner.enter(start):
                piece.marker = aligner.take(LINE_SEPARATOR if name == "br" else OBJECT_REPLACEMENT)
        pieces.append(piece)
    return pieces
