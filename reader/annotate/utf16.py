"""Code points (Python ``str`` indices) to Qt's UTF-16 positions and back.

Only characters outside the Basic Multilingual Plane (most emoji, rare CJK
ideographs in Extension B and later) take two UTF-16 units, so a text is
described by the sorted code-point indices of those characters: conversion
is a binary search, and a text without any (most articles) is the identity.
Combining marks are ordinary code points here: each is one unit or two,
like any other character.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Both directions for one text, after one pass over it (about 2 ms a megabyte).

    >>> m = Utf16Map("a😀b")
    >>> m.to_utf16(2), m.from_utf16(3)
    (3, 2)
    """

    __slots__ = ("_astral", "_astral_units", "length", "utf16_length")

    def __init__(self, text: str) -> None:
        if text.isascii():
            astral: list[int] = []
        else:
            astral = [match.start() for match in _ASTRAL.finditer(text)]
        self._astral = astral
        # The UTF-16 index at which each astral character starts.
        self._astral_units = [index + k for k, index in enumerate(astral)]
        self.length = len(text)
        self.utf16_length = len(text) + len(astral)

    def to_utf16(self, index: int) -> int:
        """The UTF-16 offset of code-point offset ``index`` (0..len(text))."""
        if not 0 <= index <= self.length:
            raise IndexError(f"code point offset {index} outside 0..{self.length}")
        if not self._astral:
            return index
        return index + bisect_left(self._astral, index)

    def from_utf16(self, index: int, *, round_up: bool = False) -> int:
        """The code-point offset of UTF-16 offset ``index`` (0..utf16_length).

        An offset between the two halves of a surrogate pair names the
        character it splits, so it rounds down to that character's start,
        or up past it with ``round_up`` (use it for the end of a selection).
        """
        if not 0 <= index <= self.utf16_length:
            raise IndexError(f"UTF-16 offset {index} outside 0..{self.utf16_length}")
        if not self._astral:
            return index
        # Astral characters that start before ``index``: each added one unit.
        before = bisect_left(self._astral_units, index)
        if before and self._astral_units[before - 1] + 1 == index:  # inside a pair
            return index - before + (1 if round_up else 0)
        return index - before

    def to_utf16_span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)

    def from_utf16_span(self, start: int, end: int) -> tuple[int, int]:
        return self.from_utf16(start), self.from_utf16(end, round_up=True)


def to_utf16(text: str, index: int) -> int:
    """UTF-16 units before code point ``index`` of ``text`` (for one-off use; keep a Utf16Map for many)."""
    if not 0 <= index <= len(text):
        raise IndexError(f"code point offset {index} outside 0..{len(text)}")
    head = text[:index]
    if head.isascii():
        return index
    return index + len(_ASTRAL.findall(head))


def from_utf16(text: str, index: int, *, round_up: bool = False) -> int:
    """The code-point offset of UTF-16 offset ``index`` of ``text``."""
    return Utf16Map(text).from_utf16(index, round_up=round_up)


__all__ = ["Utf16Map", "from_utf16", "to_utf16"]
