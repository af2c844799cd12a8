"""Where a selection should end: whole words in Latin text, single characters in CJK.

A reader drags roughly; a highlight that stores "…debated f" is useless in an export. So a
selection snaps outwards to the ends of the words it touches, as Zotero and Kindle do, in
scripts that separate words with spaces. Chinese, Japanese and Korean text has no spaces to
find words by, so there the reader's own choice, character by character, stands.
Offsets are code points into the article's canonical text.
"""

from __future__ import annotations

import unicodedata

APOSTROPHES = frozenset("'’")

# Scripts written without spaces between words: snapping there would swallow whole phrases.
UNSPACED = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x1780, 0x17FF),  # Khmer
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3005, 0x3007),  # 々 〆 〇
    (0x3040, 0x31FF),  # kana, bopomofo, hangul compatibility jamo, kanbun, katakana extension
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xA960, 0xA97F),  # Hangul Jamo extended A
    (0xAC00, 0xD7FF),  # Hangul syllables, Jamo extended B
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF66, 0xFFDC),  # half-width katakana and hangul
    (0x20000, 0x3FFFF),  # CJK extensions B and later
)


def is_unspaced(char: str) -> bool:
    """A character of a script that does not put spaces between words (CJK, kana, hangul, Thai…)."""
    point = ord(char)
    return any(low <= point <= high for low, high in UNSPACED)


def is_word_char(char: str) -> bool:
    """A letter, digit or combining mark of a script that separates its words with spaces."""
    return unicodedata.category(char)[0] in "LNM" and not is_unspaced(char)


def is_edge_junk(char: str) -> bool:
    """Spaces, punctuation and invisible characters, which a highlight should not start or end with."""
    return unicodedata.category(char)[0] in "PZC" or char.isspace()


def _joins(text: str, index: int) -> bool:
    """Whether ``text[index]`` belongs to the word around it: a word character, or an apostrophe
    between two of them (don't, l’homme)."""
    if not 0 <= index < len(text):
        return False
    char = text[index]
    if is_word_char(char):
        return True
    return (char in APOSTROPHES and 0 < index < len(text) - 1
            and is_word_char(text[index - 1]) and is_word_char(text[index + 1]))


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The range a selection of ``text[start:end]`` should become.

    Spaces and punctuation at its edges are dropped; a Latin (Cyrillic, Greek…) word cut by
    an edge is taken whole; CJK characters are never added. A selection of nothing but spaces
    and punctuation is left as it is, since the reader chose exactly that.
    """
    start, end = max(0, start), min(len(text), end)
    first, last = start, end
    while first < last and is_edge_junk(text[first]):
        first += 1
    while last > first and is_edge_junk(text[last - 1]):
        last -= 1
    if first == last:
        return start, end
    if is_word_char(text[first]):
        while _joins(text, first - 1):
            first -= 1
    if is_word_char(text[last - 1]):
        while _joins(text, last):
            last += 1
    return first, last
