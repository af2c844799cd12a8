"""W3C selectors for a passage of canonical text, and the headings above it.

A highlight is described twice: by position (TextPositionSelector, code
points) and by quote (TextQuoteSelector: the exact text with up to
``CONTEXT`` code points either side). The quote finds the passage again
when the text changes; the position says which of several equal quotes.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from reader.model import Highlight, Section, StoredArticle

CONTEXT = 32
"""Code points of prefix and suffix kept with each quote."""

_TRIM = " \t\n\r\u2028\u2029\u00a0\u3000"


def quote_selector(text: str, start: int, end: int, context: int = CONTEXT) -> tuple[str, str, str]:
    """The TextQuoteSelector of ``text[start:end]``: (exact, prefix, suffix)."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}..{end} outside the text (0..{len(text)})")
    return text[start:end], text[max(0, start - context) : start], text[end : end + context]


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the white space a selection drags along at either end."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


class SectionIndex:
    """Where each section heading sits in the canonical text, for section paths.

    Headings are blocks of the canonical text, in the order of ``sections``;
    each is looked for as a whole line after the one before it (a heading
    that cannot be found is left out rather than guessed).
    """

    def __init__(self, text: str, sections: Sequence[Section]) -> None:
        self.starts: list[int] = []
        self.sections: list[Section] = []
        cursor = 0
        for section in sections:
            title = section.title.strip()
            if not title:
                continue
            position = _find_line(text, title, cursor)
            if position < 0:
                continue
            self.starts.append(position)
            self.sections.append(section)
            cursor = position + len(title)

    def path_at(self, position: int) -> list[str]:
        """Titles of the headings above ``position``, outermost first."""
        stack: list[Section] = []
        for section in self.sections[: bisect_right(self.starts, position)]:
            while stack and stack[-1].level >= section.level:
                stack.pop()
            stack.append(section)
        return [s.title for s in stack]


def _find_line(text: str, line: str, start: int) -> int:
    position = text.find(line, start)
    while position >= 0:
        end = position + len(line)
        if (position == 0 or text[position - 1] == "\n") and (end == len(text) or text[end] == "\n"):
            return position
        position = text.find(line, position + 1)
    return -1


def section_path(text: str, sections: Sequence[Section], position: int) -> list[str]:
    """The headings above ``position`` of ``text``, outermost first."""
    return SectionIndex(text, sections).path_at(position)


def new_highlight(
    stored: StoredArticle,
    start: int,
    end: int,
    *,
    color: str = "yellow",
    style: str = "fill",
    note: str = "",
    tags: Iterable[str] = (),
    trim: bool = True,
) -> Highlight:
    """A highlight of ``stored.article.text[start:end]`` (code points), ready for ``Annotations.add``.

    White space at either end of the selection is left out unless ``trim``
    is false; a selection of nothing but white space is refused.
    """
    text = stored.article.text
    if trim:
        start, end = trim_span(text, start, end)
    if not 0 <= start < end <= len(text):
        raise ValueError(f"nothing to highlight in {start}..{end} (text of {len(text)} code points)")
    exact, prefix, suffix = quote_selector(text, start, end)
    return Highlight(
        article_id=stored.id,
        start=start,
        end=end,
        exact=exact,
        prefix=prefix,
        suffix=suffix,
        color=color,
        style=style,
        note=note,
        tags=list(tags),
        section_path=section_path(text, stored.article.sections, start),
        content_hash=stored.content_hash,
        state=Highlight.ANCHORED,
    )


def attach(highlight: Highlight, stored: StoredArticle, start: int, end: int, *, trim: bool = True) -> Highlight:
    """A copy of ``highlight`` (an orphan, or one the user moves) on new text; note, tags and colour stay."""
    fresh = new_highlight(stored, start, end, trim=trim)
    return dataclasses.replace(
        highlight,
        start=fresh.start,
        end=fresh.end,
        exact=fresh.exact,
        prefix=fresh.prefix,
        suffix=fresh.suffix,
        section_path=fresh.section_path,
        content_hash=fresh.content_hash,
        state=Highlight.ANCHORED,
        tags=list(highlight.tags),
    )
