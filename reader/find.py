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
from bisect import bisect_left, bisect_right
from functools import cache
from itertools import accumulate

# Hangul vowel and final jamo compose with the syllable before them.
_JAMO_CONTINUATION = range(0x1160, 0x1200)


def fold(text: str) -> str:
    """What ``text`` is compared as: the folded form a query and the article share."""
    return fold_text(text).text


class FoldedText:
    """A text folded for finding, with the way back to its own offsets.

    Folded offset ``k`` at a cluster boundary is original offset ``k + d``,
    where ``d`` changes only after a cluster that folded to a different
    length (a whitespace run, a ligature, a composed mark): a few places in
    most articles. Offsets inside a cluster that folded to several
    characters are not boundaries.
    """

    def __init__(self, text: str, length: int, segments: list[tuple[int, int, bool]]) -> None:
        self.text = text
        self.length = length
        self.shift_at: list[int] = []
        self.shift: list[int] = []
        self.interior: set[int] = set()
        ends = [folded for folded, _, _ in segments[1:]] + [len(text)]
        last = None
        for (folded, original, one_to_one), end in zip(segments, ends):
            if original - folded != last:
                last = original - folded
                self.shift_at.append(folded)
                self.shift.append(last)
            if end - folded > 1 and not one_to_one:
                self.interior.update(range(folded + 1, end))
        self.shift_at.append(len(text))
        self.shift.append(length - len(text))

    def is_boundary(self, k: int) -> bool:
        """Whether folded offset ``k`` falls between two clusters (or at either end)."""
        return k not in self.interior

    def original(self, k: int) -> int:
        """The original offset (code points) of a folded cluster boundary."""
        return k + self.shift[bisect_right(self.shift_at, k) - 1]

    def originals(self, boundaries: list[int]) -> list[int]:
        """:meth:`original` of many sorted boundaries at once (one step per shift, not per boundary)."""
        found: list[int] = []
        for index, shift in enumerate(self.shift):
            low = bisect_left(boundaries, self.shift_at[index])
            high = bisect_left(boundaries, self.shift_at[index + 1]) if index + 1 < len(self.shift) else len(boundaries)
            found.extend([k + shift for k in boundaries[low:high]])
        return found


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
    """Grow a gap to whole clusters: the character a mark joins, the whole of a whitespace run."""
    if _is_continuation(text[start]) and start > 0:
        start -= 1
    if text[start].isspace():
        while start > 0 and text[start - 1].isspace():
            start -= 1
    if text[end - 1].isspace():
        while end < len(text) and text[end].isspace():
            end += 1
    return start, end


def find_all(folded: FoldedText, query: str) -> list[tuple[int, int]]:
    """Every match of ``query``, left to right, not overlapping, as (start, end) original code points."""
    needle = fold(query)
    if not needle:
        return []
    # Where str.split cut is where str.find, from the left, would find: in C, not a loop of calls.
    ends = list(accumulate(len(piece) + len(needle) for piece in folded.text.split(needle)[:-1]))
    starts = [end - len(needle) for end in ends]
    if folded.interior and any(k in folded.interior for k in (*starts, *ends)):
        return _find_by_clusters(folded, needle)
    return list(zip(folded.originals(starts), folded.originals(ends)))


def _find_by_clusters(folded: FoldedText, needle: str) -> list[tuple[int, int]]:
    """The general search: a candidate cutting a cluster is passed over, one character on."""
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
    return _joins(unicodedata.normalize("NFKD", character)[:1])


def _joins(first: str) -> bool:
    """Whether a decomposition starting with ``first`` joins what comes before it."""
    return bool(first) and (
        unicodedata.category(first)[0] == "M"
        or unicodedata.combining(first) != 0
        or ord(first) in _JAMO_CONTINUATION
    )


@cache
def _gaps() -> re.Pattern[str]:
    """Runs of characters that do not simply fold one to one (built once, ~30 ms).

    A simple character folds to one character and joins nothing. Only the
    Basic Multilingual Plane is checked; characters beyond it (most emoji)
    take the general path. A lone space is simple too, or every word would be
    a run of its own; spaces next to other whitespace collapse with it
    (see :func:`_widen` and :meth:`_Builder.simple`).
    """
    characters = [chr(code) for code in range(1, 0x10000) if not 0xD800 <= code < 0xE000]
    # Normalised all at once, kept apart by NUL, which nothing composes with: one call, not 63,000.
    joined = "\0".join(characters)
    folded = _fold(joined).split("\0")
    decomposed = unicodedata.normalize("NFKD", joined).split("\0")
    simple = [0x20] + [
        ord(character)
        for character, into, parts in zip(characters, folded, decomposed)
        if len(into) == 1 and not character.isspace() and not _joins(parts[:1])
    ]
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
