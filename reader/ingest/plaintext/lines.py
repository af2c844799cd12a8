"""The logical lines of a text dump and how each reads: hard-wrapped lines joined, side-by-side
columns undone, bullets recognised, and every line measured once (words, CJK characters,
sentence punctuation, whether it ends a sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.scripts import CJK_LETTERS, HAN, display_width

_NEWLINES = re.compile(r"\r\n|\r|\n|\x85|\u2028|\u2029")
# What str.splitlines() breaks lines at besides those: text that holds none is split by it, faster.
_OTHER_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e")
_LINE_END = "\r\n\x85\u2028\u2029"


def _lines(text: str) -> list[str]:
    """The lines of ``text`` split at \\r\\n, \\r, \\n, NEL, LS and PS, as :data:`_NEWLINES` splits them
    (an empty last line after a final break included)."""
    for other in _OTHER_BREAKS:
        if other in text:
            return _NEWLINES.split(text)
    lines = text.splitlines()
    if not text or text[-1] in _LINE_END:
        lines.append("")
    return lines


_CJK_CHAR = re.compile(f"[{CJK_LETTERS}]")
OTHER_WORD = re.compile(f"[^\\W_{CJK_LETTERS}]+")
_WORD_OR_CJK = re.compile(f"([{CJK_LETTERS}]+)|[^\\W_{CJK_LETTERS}]+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
# ASCII text's bytes with each letter and digit made an "a" and all else a space: the words the
# pattern above finds are then what bytes.split() splits out, and it counts them faster.
_ASCII_WORD_BYTES = bytes.maketrans(bytes(range(128)), bytes(97 if chr(i).isalnum() else 32 for i in range(128)))
# Sentence punctuation: Chinese marks always; Latin ones before a space or the end, a
# full stop also before a closing quote, a comma also before an ideograph. One character
# class comes first so that the scan skips all other characters quickly.
_SENTENCE = re.compile(
    r"[，。！？；、,;!?.](?:(?<=[，。！？；、])|(?<=[,;!?])(?=\s|$)|(?<=\.)(?=\s|$|[\"'”’)])|(?<=,)(?=[" + HAN + "]))"
)
_STOPS = "。！？!?…;；"
_CLOSERS = "\"'”’」』)）"
_BULLET = re.compile(r"^(?:[•·●○◆◇■□▪▫►▶▸※★☆◎→»\-*+]|\d{1,3}[.)](?=\s))\s+")
# The characters a bullet starts with: most lines start otherwise and need no match.
_BULLET_FIRST = frozenset("•·●○◆◇■□▪▫►▶▸※★☆◎→»-*+0123456789")
_LYNX_LIST = re.compile(r"^\d{1,3}\.\s+")


def _indent_width(line: str) -> int:
    """Columns of leading white space (widths add up, so only the white space is measured)."""
    return display_width(line[: len(line) - len(line.lstrip())])


@dataclass(slots=True)
class Unit:
    """One logical line (hard-wrapped lines already joined) and what it looks like."""

    text: str
    indent: bool = False
    bullet: bool = False
    ordered: bool = False
    weight: int = 0
    cjk: int = 0
    punct: int = 0
    final: bool = False
    kind: str = "text"
    score: float = 0.0
    blank_before: bool = True
    strong: bool = False  # an end marker that certainly ends the story (the comments begin)


def clean_line(line: str) -> str:
    line = line.replace("\t", " ").replace("\u00a0", " ")
    return line.strip(" \u3000\ufeff\u200b")


def join_wrapped(a: str, b: str) -> str:
    """Join hard-wrapped lines: no space between CJK characters, one between words."""
    if a.endswith("-") and len(a) > 1 and a[-2].isalpha() and b[:1].islower():
        return a[:-1] + b
    if _CJK_CHAR.match(a[-1:]) or _CJK_CHAR.match(b[:1]) or a[-1:] in "，。！？；：、“”（）":
        return a + b
    return a + " " + b


def _wrap_width(lines: list[str]) -> int:
    """The column at which the text was hard-wrapped, or 0 when lines run free."""
    # A line is at least as wide as it is long: one longer than the widest wrap column
    # measured below (200) settles it without measuring (most pages have one).
    if max(map(len, lines), default=0) > 200 and any(len(line.rstrip()) > 200 for line in lines if len(line) > 200):
        return 0
    stripped = [line for line in map(str.rstrip, lines) if line]
    if len(stripped) < 4:
        return 0
    # So does a line wider than that, as a CJK line of more than 100 characters can be: it is
    # measured before all others are.
    if any(display_width(line) > 200 for line in stripped if len(line) > 100):
        return 0
    # Only lines of some length can sit near a wrap column of 30 or more.
    widths = [display_width(line) for line in stripped if len(line) >= 8]
    if len(widths) < 4:
        return 0
    top = max(widths)
    if top > 200 or top < 30:
        return 0
    near = sum(1 for w in widths if w >= top - 12)
    long = sum(1 for w in widths if w > top // 2)
    return top if near >= 3 and near >= 0.3 * long else 0


# A wide gap between two pieces of text: three spaces, two ideographic spaces or tabs.
# Each branch starts with its gap character, so a search skips other characters quickly.
_GAP = re.compile(r"(?: (?<=\S ) {2,}|\u3000(?<=\S\u3000)\u3000+|\t(?<=\S\t)\t*)(?=\S)")


_MIN_COLUMN_ROWS = 5


def _inner_gap(line: str) -> bool:
    """Whether ``line`` holds the white space of a :data:`_GAP` between its first and last piece of
    text, a quick test before the pattern. A gap lies between two pieces of text, so indentation and
    trailing spaces never make one: a line that holds them only (lynx indents every line by three
    spaces) is settled without a search."""
    line = line.strip()
    return "   " in line or "\u3000\u3000" in line or "\t" in line


def _split_columns(text: str) -> list[str]:
    """The lines of ``text``, with side-by-side columns of a text dump (a table layout rendered
    by lynx or w3m) undone: the article column is read top to bottom first, then the sidebar.

    A column boundary is a display column where, on many lines, text resumes after a wide
    gap. Within the stretch of lines that use it, left parts are emitted first, then right parts.
    """
    lines = _lines(text)
    gapped = [i for i, line in enumerate(lines)
              if ("   " in line or "\u3000\u3000" in line or "\t" in line) and _inner_gap(line) and _GAP.search(line)]
    if len(gapped) < _MIN_COLUMN_ROWS:
        return lines
    starts: dict[int, int] = {}
    pieces: dict[int, list[tuple[int, str]]] = {}
    for i in gapped:
        line = lines[i].rstrip()
        columns = []
        position = column = 0
        for gap in _GAP.finditer(line):
            columns.append((column, line[position:gap.start()]))
            column += display_width(line[position:gap.end()])
            position = gap.end()
        columns.append((column, line[position:]))
        pieces[i] = columns
        for column, _ in columns[1:]:
            if column >= 30:
                starts[column] = starts.get(column, 0) + 1
    if not starts:
        return lines
    # The boundary: the most used start column, counting neighbours within two columns.
    def support(column: int) -> int:
        return sum(starts.get(column + d, 0) for d in range(-2, 3))

    most = support(max(starts, key=support))
    if most < _MIN_COLUMN_ROWS:
        return lines
    # Sidebars often start with a bullet column: take the leftmost well-used start.
    best = min(c for c in starts if support(c) >= 0.3 * most)
    boundary = best - 2
    # White space is at most two columns a character: a line whose text starts at the boundary
    # (column 28 or further right) opens with at least half as many characters of it.
    reach = (boundary + 1) // 2
    rows: list[int] = []
    right_only: set[int] = set()  # rows with nothing in the left column
    for i, line in enumerate(lines):
        if i in pieces:
            if any(c >= boundary for c, _ in pieces[i][1:]):
                rows.append(i)
        elif line[:reach].isspace() and not line.isspace() and _indent_width(line) >= boundary:
            rows.append(i)
            right_only.add(i)
    if len(rows) < _MIN_COLUMN_ROWS:
        return lines
    first, last = rows[0], rows[-1]
    left: list[str] = []
    right: list[str] = []
    for i in range(first, last + 1):
        line = lines[i].rstrip()
        if i in pieces:
            l_parts = [t for c, t in pieces[i] if c < boundary]
            r_parts = [t for c, t in pieces[i] if c >= boundary]
            indent = " " * min(pieces[i][0][0], 8) if l_parts and pieces[i][0][0] < boundary else ""
            left.append(indent + "  ".join(l_parts) if l_parts else "")
            right.append("  ".join(r_parts))
        elif i in right_only:
            left.append("")
            right.append(line.strip())
        else:
            left.append(line)
            right.append("")
    # A line that was wrapped in the left column continues on the next row's left part.
    return lines[:first] + left + [""] + right + [""] + lines[last + 1:]


def read_units(text: str) -> list[Unit]:
    raw_lines = _split_columns(text)
    wrap = _wrap_width(raw_lines)
    units: list[Unit] = []
    append = units.append
    blank = True
    previous_raw = ""
    bullet_first = _BULLET_FIRST
    for raw in raw_lines:
        line = raw.replace("\t", " ").replace("\u00a0", " ").strip(" \u3000\ufeff\u200b")  # clean_line
        if not line:
            blank = True
            previous_raw = ""
            continue
        # Indented: two columns of white space or more (an ideographic space is two, a tab up to eight).
        leading = len(raw) - len(raw.lstrip(" \u3000\t\u00a0"))  # characters of white space
        indent = leading >= 2 or (leading == 1 and raw[0] in "\u3000\t")
        bullet = ordered = False
        if line[0] in bullet_first:
            match = _BULLET.match(line)
            if match and len(line) > match.end():
                bullet = True
                ordered = line[0].isdecimal() and bool(_LYNX_LIST.match(line))  # \d is str.isdecimal()
                if not ordered or leading:
                    line = line[match.end():].strip()
                else:
                    bullet = False
        if (
            wrap
            and units
            and not blank
            and not bullet
            and "\u3000" not in raw[:leading]
            and display_width(previous_raw.rstrip()) + 1 + display_width(line.split(" ")[0]) > wrap
        ):
            units[-1].text = join_wrapped(units[-1].text, line)
        else:
            append(Unit(line, indent, bullet, ordered, 0, 0, 0, False, "text", 0.0, blank))
        previous_raw = raw
        blank = False
    for unit in units:
        measure(unit)
    return units


def count_words(text: str) -> tuple[int, int]:
    """(words, CJK characters): each CJK character counts as a word, like a Latin word does."""
    if text.isascii():
        return len(text.encode().translate(_ASCII_WORD_BYTES).split()), 0
    # One pass: a run of CJK characters is the group, any other word matches with the group empty.
    runs = _WORD_OR_CJK.findall(text)
    cjk = sum(map(len, runs))
    return cjk + runs.count(""), cjk


def measure(unit: Unit) -> None:
    text = unit.text
    unit.weight, unit.cjk = count_words(text)
    unit.punct = len(_SENTENCE.findall(text))
    unit.final = _ends_sentence(text)


def _ends_sentence(text: str) -> bool:
    """Ends with a full stop, "!", "?", "…" or ";", before any closing quotes or brackets;
    a full stop right after a capital letter ends an initial ("J."), not a sentence, and one
    after a clock's "a.m." or "p.m." a time stamp ("… 2019 at 11:08 a.m.").
    Only the last twelve characters are looked at."""
    core = text[-12:].rstrip(_CLOSERS)
    if not core:
        return False
    if core[-1] == ".":
        return len(core) < 2 or not ("A" <= core[-2] <= "Z" or _CLOCK_END.search(core))
    return core[-1] in _STOPS


_CLOCK_END = re.compile(r"\d\s?[ap]\.m\.$", re.I)


def prose_weight(text: str) -> int:
    """How much running text (lines with sentence punctuation) ``text`` holds, in words/characters."""
    total = 0
    for line in text.split("\n"):
        if _SENTENCE.search(line):
            total += count_words(line)[0]
    return total
