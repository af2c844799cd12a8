"""Find in an article's canonical text the way a reader expects to.

A query matches whatever looks the same to a reader: case-insensitively, with
width and compatibility forms folded (NFKC: "，" finds ",", "Ａ" finds "A",
"ﬁ" finds "fi") and any run of whitespace, line breaks included, matching any
other (the canonical text joins paragraphs with "\\n", so a phrase is found
across them).

Folding changes lengths ("ﬁ" → "fi", "e" + U+0301 → "é", "ß" → "ss"), so the
folded text keeps the way back to the original offset of the cluster each
folded character came from. A cluster is a character with the marks that follow it (they
compose with it), or a run of whitespace. Matches start and end on cluster
boundaries, so every range found, folded, is the folded query itself.

Most text (ASCII, CJK ideographs, kana, full-width forms) folds one character
to one, with nothing composing across them: such runs are folded whole by
``unicodedata`` and mapped one to one, and only the rest is walked cluster by
cluster. A 1 MB article folds in about 30 ms; the first fold of a process
also lists the simple characters (about 0.1 s).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import cache

# Hangul vowel and final jamo compose with the syllable before them.
_JAMO_CONTINUATION = range(0x1160, 0x1200)


def fold(text: str) -> str:
    """What ``text`` is compared as: the folded form a query and the article share."""
    return fold_text(text).text


class FoldedText:
    """A text folded for finding, with the way back to its own offsets.

    The folded text is a sequence of segments: a run of characters that
    folded one to one (every offset inside is a cluster boundary), or one
    cluster (only its start is). Each segment remembers where it starts in
    both texts.
    """

    def __init__(self, text: str, length: int, segments: list[tuple[int, int, bool]]) -> None:
        self.text = text
        self.length = length
        self._folded_starts = [segment[0] for segment in segments]
        self._original_starts = [segment[1] for segment in segments]
        self._one_to_one = [segment[2] for segment in segments]

    def is_boundary(self, k: int) -> bool:
        """Whether folded offset ``k`` falls between two clusters (or at either end)."""
        if k in (0, len(self.text)):
            return True
        segment = bisect_right(self._folded_starts, k) - 1
        return self._one_to_one[segment] or self._folded_starts[segment] == k

    def original(self, k: int) -> int:
        """The original offset (code points) of a folded cluster boundary."""
        if k == len(self.text):
            return self.length
        segment = bisect_right(self._folded_starts, k) - 1
        inside = k - self._folded_starts[segment] if self._one_to_one[segment] else 0
        return self._original_starts[segment] + inside


def fold_text(text: str) -> FoldedText:
    """Fold ``text`` and keep the way back from folded offsets to its own."""
    builder = _Builder(text)
    for gap in _gaps().finditer(text):
        start, end = _widen(text, gap.start(), gap.end())
        builder.simple(max(start, builder.done))
        builder.clusters(max(start, builder.done), end)
    builder.simple(len(text))
    return builder.result()


class _Builder:
    """Folds a text left to right, simple runs whole and the gaps between them cluster by cluster."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.done = 0
        self.pieces: list[str] = []
        self.segments: list[tuple[int, int, bool]] = []
        self.size = 0

    def _add(self, folded: str, original: int, one_to_one: bool) -> None:
        self.pieces.append(folded)
        self.segments.append((self.size, original, one_to_one))
        self.size += len(folded)

    def simple(self, end: int) -> None:
        """Fold ``text[done:end]``, characters that fold one to one, in one call per run of them."""
        while self.done < end:
            spaces = self.text.find("  ", self.done, end)  # they collapse to one: the general path
            stop = end if spaces < 0 else spaces
            folded = _fold(self.text[self.done:stop])
            if len(folded) == stop - self.done:
                self._add(folded, self.done, True)
            else:  # not expected of simple characters; stay correct regardless
                self.clusters(self.done, stop)
            self.done = stop
            if spaces >= 0:
                after = spaces
                while after < end and self.text[after] == " ":
                    after += 1
                self.clusters(spaces, after)

    def clusters(self, start: int, end: int) -> None:
        """Fold ``text[start:end]`` one cluster at a time: the general path."""
        text, index = self.text, start
        while index < end:
            following = index + 1
            if text[index].isspace():
                while following < end and text[following].isspace():
                    following += 1
                folded = " "
            else:
                while following < end and _is_continuation(text[following]):
                    following += 1
                folded = _fold(text[index:following]) or text[index:following]
            self._add(folded, index, False)
            index = following
        self.done = max(self.done, end)

    def result(self) -> FoldedText:
        return FoldedText("".join(self.pieces), len(self.text), self.segments)


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a gap to whole clusters: the character a mark joins, the spaces around a whitespace run."""
    if text[start].isspace():
        while start > 0 and text[start - 1] == " ":
            start -= 1
    elif _is_continuation(text[start]) and start > 0:
        start -= 1
    if text[end - 1].isspace():
        while end < len(text) and text[end] == " ":
            end += 1
    return start, end


def find_all(folded: FoldedText, query: str) -> list[tuple[int, int]]:
    """Every match of ``query``, left to right, not overlapping, as (start, end) original code points."""
    needle = fold(query)
    if not needle:
        return []
    haystack = folded.text
    matches = []
    found = haystack.find(needle)
    while found >= 0:
        end = found + len(needle)
        if folded.is_boundary(found) and folded.is_boundary(end):
            matches.append((folded.original(found), folded.original(end)))
            found = haystack.find(needle, end)
        else:
            found = haystack.find(needle, found + 1)
    return matches


def _fold(text: str) -> str:
    # Case folding can undo a composition ("ǰ" folds to "j" + U+030C): normalise again after it.
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


@cache
def _is_continuation(character: str) -> bool:
    """Whether a character joins the one before it when normalised (a mark, a vowel jamo, "ﾞ")."""
    first = unicodedata.normalize("NFKD", character)[:1]
    return bool(first) and (
        unicodedata.combining(first) != 0
        or unicodedata.category(first).startswith("M")
        or ord(first) in _JAMO_CONTINUATION
    )


@cache
def _gaps() -> re.Pattern[str]:
    """Runs of characters that do not simply fold one to one (built once, ~0.1 s).

    A simple character folds to one character and joins nothing. Only the
    Basic Multilingual Plane is checked; characters beyond it (most emoji)
    take the general path. A lone space is simple too, or every word would be
    a run of its own; spaces next to other whitespace collapse with it
    (see :func:`_widen` and :meth:`_Builder.simple`).
    """
    simple = [0x20]
    for code in range(0x10000):
        character = chr(code)
        if not (0xD800 <= code < 0xE000 or character.isspace() or _is_continuation(character)):
            if len(_fold(character)) == 1:
                simple.append(code)
    _is_continuation.cache_clear()
    return re.compile(f"[^{_ranges(sorted(simple))}]+")


def _ranges(codes: list[int]) -> str:
    """A regular-expression character class body for sorted code points."""
    parts = []
    first = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code != previous + 1:
            parts.append(re.escape(chr(first)) + ("-" + re.escape(chr(previous)) if previous > first else ""))
            first = code
        previous = code
    return "".join(parts)


__all__ = ["FoldedText", "find_all", "fold", "fold_text"]
