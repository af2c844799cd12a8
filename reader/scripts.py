"""Which characters belong to which East Asian script: the one home of those ranges.

The classes are strings of ranges, to be put inside ``[...]`` in a regular
expression (``f"[{HAN}{HAN_COMPAT}]+"``), so that each rule composes exactly
the classes it means. They differ on purpose, and each name says how:

- ``HAN`` (CJK Unified Ideographs and Extension A, U+3400–9FFF) is what the
  extractor's word, token and sentence rules treat as one word per character;
- ``HAN_BASIC`` (U+4E00–9FFF, without Extension A) is for rules about common
  Chinese: personal names in bylines and the count that makes a page Chinese.
  Extension A holds rare characters and the Yijing hexagram symbols
  (U+4DC0–4DFF), which no name or everyday word is written with;
- ``HAN_COMPAT`` (CJK Compatibility Ideographs) is added where text may come
  from old encodings (Big5, GBK round trips) that map to them;
- ``CJK_LETTERS`` is every character that counts as a word by itself: kana,
  Han, hangul syllables and compatibility ideographs;
- ``WIDE`` is a different question, how many terminal columns a character
  takes (Unicode's East Asian Wide and Fullwidth), which is how plain-text
  dumps of pages wrap and align their columns.

The supplementary ideograph planes (Extension B and later) are in ``WIDE``
only: the word rules never counted them, and adding them would change what
the extractor finds.
"""

from __future__ import annotations

import re

HAN = "\u3400-\u9fff"
"""CJK Unified Ideographs with Extension A: one word per character in the extractor's rules."""

HAN_BASIC = "\u4e00-\u9fff"
"""CJK Unified Ideographs without Extension A: common Chinese (names, a Chinese page's text)."""

HAN_COMPAT = "\uf900-\ufaff"
"""CJK Compatibility Ideographs, which some legacy encodings decode to."""

KANA = "\u3040-\u30ff"
"""Hiragana and katakana (with the prolonged sound mark ー and the middle dot ・)."""

HANGUL = "\uac00-\ud7af"
"""Hangul syllables (the block, with its unassigned tail)."""

CJK_PUNCTUATION = "\u3000-\u303f"
"""CJK Symbols and Punctuation: the ideographic space, 、。「」【】 and the like."""

FULLWIDTH = "\uff00-\uffef"
"""Halfwidth and Fullwidth Forms: ，！：（） and full-width Latin letters and digits."""

CJK_LETTERS = KANA + HAN + HANGUL + HAN_COMPAT
"""Every character that is a word by itself, as the line classifier counts words."""

WIDE = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd"
)
"""Characters a terminal draws two columns wide (East Asian Wide and Fullwidth)."""

HAN_RUN = re.compile(f"[{HAN}{HAN_COMPAT}]+")
"""Runs of ideographs, compatibility ones included."""

_WIDE_RUN = re.compile(f"[{WIDE}]+")


def chars_matched(runs: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` a pattern for runs of a class (``[...]+``) matches.

    One match per run rather than per character: in CJK text, where every
    character would be a match of its own, this is several times faster.
    """
    return sum(map(len, runs.findall(text)))


def display_width(text: str) -> int:
    """Terminal columns: CJK characters take two, which is how text dumps wrap and align them."""
    return len(text) if text.isascii() else len(text) + chars_matched(_WIDE_RUN, text)
