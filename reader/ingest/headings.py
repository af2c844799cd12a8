"""Heading levels for headings found without markup.

Plain text has no ``<h2>``/``<h3>``: the outline must be read from how the
headings look. Two signals, both general:

* numbering schemes (第一章, 一、, （一）, 1., (1), 1.1): each scheme takes the
  next level in the order schemes are first met, so "一、" above "（一）"
  above "1." the way Chinese documents nest them;
* a run of consecutive headings sharing a long, distinctive common part
  (e.g. "X经开区:…离不开…的…") that the heading before the run does not
  share: the run is a set of parallel sub-headings under that heading;
* a run of three or more "label: text" headings whose labels end alike
  (东城分馆: 西城分馆: 南城分馆:), a list of parallel items under the heading
  before them, whose own label does not end that way.
"""

from __future__ import annotations

import re

from reader.scripts import HAN

_SCHEMES = (
    ("chapter", re.compile(r"^第[一二三四五六七八九十百零〇\d]+[章编篇部]")),
    ("section", re.compile(r"^第[一二三四五六七八九十百零〇\d]+[节節条]")),
    ("cn", re.compile(r"^[一二三四五六七八九十]+[、.．]")),
    ("cn-paren", re.compile(r"^[（(][一二三四五六七八九十]+[）)]")),
    ("num-dotted", re.compile(r"^\d+\.\d+(?:\.\d+)*[\s.、]")),
    ("num", re.compile(r"^\d+\s*[、.．](?!\d)")),
    ("num-paren", re.compile(r"^[（(]\d+[）)]|^\d+[）)]")),
    ("circled", re.compile(r"^[①-⑳]")),
    ("roman", re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s")),
    ("letter", re.compile(r"^[A-Z]\.\s")),
)
_RANK = {name: rank for rank, (name, _) in enumerate(_SCHEMES)}
_LABEL = re.compile(r"^(.{2,12}?)[:：]")
MIN_LABEL_RUN = 3
_WORD = re.compile(rf"[{HAN}]|[A-Za-z0-9]+")


def numbering(title: str) -> str:
    """The numbering scheme a heading starts with, or ''."""
    for name, pattern in _SCHEMES:
        if pattern.match(title.strip()):
            return name
    return ""


def _common(a: str, b: str) -> str:
    """Longest common substring, the first one in ``a`` when several are as long.

    A common part of length n has common parts of every shorter length inside it, so
    the length is found by bisection, each step a few substring searches done in C.
    """
    found = ""
    low, high = 0, min(len(a), len(b))
    while low < high:
        length = (low + high + 1) // 2
        hit = next((a[i:i + length] for i in range(len(a) - length + 1) if a[i:i + length] in b), None)
        if hit is None:
            high = length - 1
        else:
            low, found = length, hit
    return found


def _strength(part: str) -> int:
    """How distinctive a shared part is: CJK characters count one, Latin words two."""
    tokens = _WORD.findall(part)
    return sum(1 if len(t) == 1 and not t.isascii() else 2 for t in tokens if len(t) > 1 or not t.isascii())


MIN_STRENGTH = 4


def _runs(titles: list[str]) -> list[tuple[int, int, str]]:
    """Maximal runs [start, end) of consecutive titles sharing a distinctive part, strongest first."""
    runs = []
    n = len(titles)
    neighbours = [_common(titles[i], titles[i + 1]) for i in range(n - 1)]
    pairs = [(_strength(neighbours[i]), i) for i in range(n - 1)]
    used = [False] * n
    for strength, i in sorted(pairs, reverse=True):
        if strength < MIN_STRENGTH or used[i] or used[i + 1]:
            continue
        shared = neighbours[i]
        start, end = i, i + 2
        while end < n and not used[end]:
            narrower = _common(shared, titles[end])
            if _strength(narrower) < max(MIN_STRENGTH, 0.6 * _strength(shared)):
                break
            shared, end = narrower, end + 1
        while start > 0 and not used[start - 1]:
            narrower = _common(shared, titles[start - 1])
            if _strength(narrower) < max(MIN_STRENGTH, 0.6 * _strength(shared)):
                break
            shared, start = narrower, start - 1
        for k in range(start, end):
            used[k] = True
        runs.append((start, end, shared))
    return runs


def heading_levels(titles: list[str], base: int = 2) -> list[int]:
    """Levels (``base`` = top) for headings in document order."""
    schemes = [numbering(t) for t in titles]
    met: list[str] = []
    for scheme in schemes:
        if scheme and scheme not in met:
            met.append(scheme)
    # Schemes nest in their conventional order; the first one met is the top.
    ordered = sorted(met, key=lambda s: _RANK[s])
    levels = [base + ordered.index(s) if s else base for s in schemes]
    for start, end, shared in sorted(_runs(titles)):
        if start == 0:
            continue
        parent = start - 1
        if shared in titles[parent] or any(schemes[start:end]) != any(schemes[parent:parent + 1]):
            continue
        if all(levels[k] == levels[parent] for k in range(start, end)):
            for k in range(start, end):
                levels[k] = min(6, levels[parent] + 1)
    for start, end in _label_runs(titles):
        parent = start - 1
        if parent >= 0 and all(levels[k] == levels[parent] for k in range(start, end)):
            for k in range(start, end):
                levels[k] = min(6, levels[parent] + 1)
    return levels


def _label_suffix(a: str, b: str) -> str:
    common = 0
    while common < min(len(a), len(b)) and a[-1 - common] == b[-1 - common]:
        common += 1
    return a[len(a) - common:]


def _label_runs(titles: list[str]) -> list[tuple[int, int]]:
    """Runs [start, end) of "label: text" headings whose labels share an ending of two or more characters."""
    labels = [m.group(1) if (m := _LABEL.match(t.strip())) else "" for t in titles]
    runs, start = [], 0
    while start < len(titles):
        end, suffix = start + 1, labels[start]
        while end < len(titles) and labels[end] and len(_label_suffix(suffix, labels[end])) >= 2:
            suffix = _label_suffix(suffix, labels[end])
            end += 1
        parent_label = labels[start - 1] if start else ""
        if labels[start] and end - start >= MIN_LABEL_RUN and not parent_label.endswith(suffix):
            runs.append((start, end))
        start = end
    return runs
