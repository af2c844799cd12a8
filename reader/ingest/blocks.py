"""A tiny document model every extractor fills, and its one Markdown writer.

Extractors (plain text, HTML, Markdown) describe what they found as blocks;
only this module knows Markdown syntax, so escaping lives in one place: text
taken from a page must read the same after rendering, whatever characters
it holds (a line starting with "1." or "#" stays a line of text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

_INLINE = re.compile(r"([\\`*_\[\]])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_AUTOLINK = re.compile(r"<(?=[a-zA-Z][\w+.\-]*:|[^<>\s]+@)")
_LINE_START = re.compile(r"^(\s*)(#|>|[-+*](?=\s|$)|=+\s*$|(\d+)([.)])(?=\s|$))")
_FENCE = re.compile(r"^(\s*)(~~~|```)")
_SPECIAL = re.compile(r"[\\`*_\[\]&<]")
_BLOCK_MARKS = frozenset("#>-+*=~`0123456789")
"""The characters _LINE_START and _FENCE can find first on a line, after its indentation."""


def escape_inline(text: str) -> str:
    """Escape characters that Markdown would read as emphasis, code, links or entities."""
    if not _SPECIAL.search(text):
        return text  # most text: one search instead of three substitutions, none of which applies
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text)
    return _AUTOLINK.sub("&lt;", text)


_ESCAPED = re.compile(r"\\(.)")


def unescape(markdown_text: str) -> str:
    """The characters of escaped inline Markdown as a reader sees them, for comparing and
    classifying text (entities and emphasis stay as written)."""
    return _ESCAPED.sub(r"\1", markdown_text)


def escape_line(text: str) -> str:
    """Escape a block of text so that it starts as a plain paragraph, not a heading,
    quote, list item or rule."""
    return escape_block_start(escape_inline(text))


def escape_block_start(text: str) -> str:
    """Escape the start of a line of inline Markdown (already escaped, perhaps with emphasis
    added) so that it starts a plain paragraph: escaping it all again would turn the
    emphasis into asterisks and double the backslashes."""
    if text.lstrip()[:1] not in _BLOCK_MARKS:
        return text  # most lines: no pattern below can match

    def fix(match: re.Match[str]) -> str:
        lead, token = match.group(1), match.group(2)
        if match.group(3):
            return f"{lead}{match.group(3)}\\{match.group(4)}"
        return f"{lead}\\{token}"

    text = _LINE_START.sub(fix, text, count=1)
    return _FENCE.sub(lambda m: m.group(1) + "&#" + str(ord(m.group(2)[0])) + ";" + m.group(2)[1:], text)


@dataclass
class Block:
    """One block of an article body.

    ``kind`` is one of paragraph, heading, list, quote, table, image, code.
    ``text`` holds already-escaped inline Markdown for paragraph/heading/quote;
    ``items`` holds list items (inline Markdown) or table rows (lists of cells);
    ``level`` is the heading level, ``ordered`` marks numbered lists; images
    use ``text`` for the alt text and ``name`` for the stored image key.
    """

    kind: str
    text: str = ""
    level: int = 0
    ordered: bool = False
    items: list = field(default_factory=list)
    name: str = ""


def _one_line(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ", text).strip()


def _heading(block: Block) -> str:
    text = _one_line(block.text).rstrip("#").rstrip() or _one_line(block.text)
    if text.endswith("#"):
        text = text[:-1] + "\\#"
    return "#" * max(2, min(6, block.level)) + " " + text


def _table(rows: list[list[str]]) -> str:
    width = max(len(row) for row in rows)
    cells = [[_one_line(c).replace("|", "\\|") for c in row] + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return "\n".join(lines)


def to_markdown(blocks: list[Block]) -> str:
    """Serialize blocks as Markdown the project renderer understands, blocks separated by blank lines."""
    out: list[str] = []
    for block in blocks:
        if block.kind == "heading" and block.text.strip():
            out.append(_heading(block))
        elif block.kind == "paragraph" and block.text.strip():
            out.append(block.text.strip())
        elif block.kind == "quote" and block.text.strip():
            out.append("\n".join("> " + line for line in block.text.strip().split("\n")))
        elif block.kind == "list" and block.items:
            lines = []
            for index, item in enumerate(block.items, 1):
                marker = f"{index}." if block.ordered else "-"
                lines.append(f"{marker} {_one_line(item)}")
            out.append("\n".join(lines))
        elif block.kind == "table" and block.items:
            out.append(_table(block.items))
        elif block.kind == "image" and block.name:
            alt = block.text.replace("[", "").replace("]", "").strip()
            out.append(f"![{_one_line(alt)}]({block.name})")
        elif block.kind == "code" and block.text.strip("\n"):
            fence = "~~~~" if "```" in block.text else "```"
            out.append(f"{fence}\n{block.text.strip(chr(10))}\n{fence}")
    return "\n\n".join(out) + ("\n" if out else "")


MAX_ARTICLE_CHARS = 1_000_000
"""An article keeps at most this many characters of text. Rendering it for the reading
view takes about a second per million, and a page with more is a dump, not an article."""


def _note(limit: int) -> str:
    return f"*\\[Reader kept the first {limit:,} characters of this page; the rest was left out.\\]*"


def _cut_text(text: str, room: int) -> str:
    """At most ``room`` characters of ``text``, ending at a space if there is one late enough."""
    text = text[:room]
    space = text.rfind(" ")
    return text[:space] if space > room // 2 else text


def head_lines(text: str, limit: int) -> str:
    """The first ``limit`` characters of ``text``, ending with a whole line, or with a whole
    word when the last line is too long to drop (a page of one giant paragraph)."""
    if len(text) <= limit:
        return text
    end = text.rfind("\n", 0, limit) + 1
    if end < limit // 2:
        end = text.rfind(" ", 0, limit) + 1
    return text[: end or limit]


def _item_length(item: str | list[str]) -> int:
    """Characters of a list item or a table row, and the line break that ends it in the text."""
    return (len(item) if isinstance(item, str) else sum(map(len, item))) + 1


def _length(block: Block) -> int:
    return len(block.text) + 1 if not block.items else sum(map(_item_length, block.items))


def _shortened(block: Block, room: int) -> Block | None:
    """The part of ``block`` that fits in ``room`` characters, or None if nothing does."""
    if block.items:
        kept: list = []
        for item in block.items:
            room -= _item_length(item)
            if room < 0:
                break
            kept.append(item)
        return replace(block, items=kept) if kept else None
    text = _cut_text(block.text, room).rstrip("\\")  # never end on half an escape
    return replace(block, text=text) if text.strip() else None


def within_length(blocks: list[Block], limit: int = MAX_ARTICLE_CHARS) -> list[Block]:
    """The blocks that fit in ``limit`` characters, and a closing note saying so when some did not."""
    room = limit
    for index, block in enumerate(blocks):
        if _length(block) > room:
            part = _shortened(block, room)
            return blocks[:index] + ([part] if part else []) + [Block("paragraph", text=_note(limit))]
        room -= _length(block)
    return blocks


_FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)


def markdown_within_length(markdown: str, limit: int = MAX_ARTICLE_CHARS) -> str:
    """Markdown written by hand, cut as :func:`within_length` cuts blocks: at a paragraph
    break when there is one late enough, a code block left open is closed, then the note."""
    if len(markdown) <= limit:
        return markdown
    end = markdown.rfind("\n\n", 0, limit)
    kept = markdown[:end] if end > limit // 2 else _cut_text(markdown, limit)
    fences = _FENCE_LINE.findall(kept)
    if len(fences) % 2:
        kept += "\n" + fences[-1]
    return f"{kept.rstrip()}\n\n{_note(limit)}\n"
