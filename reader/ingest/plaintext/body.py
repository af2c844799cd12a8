"""The body: the stretch of lines with the most running text, cut where the page's tail or a
river of teasers begins, then written as paragraphs, headings and lists.
"""

from __future__ import annotations

import re

from reader.ingest.blocks import Block, escape_inline, escape_line, unescape
from reader.ingest.dates import has_date
from reader.ingest.headings import heading_levels, numbering
from reader.ingest.plaintext.lines import Unit, join_wrapped


RIVER_REACH = 16
"""Lines below the densest stretch where :func:`cut_river` looks for a river of teasers."""


def cut_river(units: list[Unit], start: int, end: int) -> int:
    """A story ends where a river of teasers begins: headline, byline, date, blurb, again
    and again. Two or more dated metadata lines after the story has begun mark it; the
    story ends before the headline of the first teaser."""
    dated = [i for i in range(start + 3, min(len(units), end + RIVER_REACH))
             if units[i].kind in ("meta", "short") and not units[i].punct > 2 and has_date(units[i].text)]
    # Three dated lines in quick succession: a river, not a dated quote or an embedded post.
    first = next((dated[k] for k in range(len(dated) - 2)
                  if dated[k + 2] - dated[k] <= 12), None)
    if first is None or first > end:
        return end
    cut = first
    for back in range(first - 1, max(start, first - 4), -1):
        if units[back].kind in ("text", "short", "nav") and not units[back].final and units[back].weight <= 30:
            cut = back
        else:
            break
    return max(start, cut - 1)


ANCHOR_ABOVE = 3
"""Lines above a dated metadata line where :func:`anchor_bonus` looks for a headline."""
ANCHOR_BELOW = 4
"""Lines below a dated metadata line where :func:`anchor_bonus` looks for the running text it announces."""
_ANCHORED_WORDS = 8  # the least running text the bonus goes to


def may_be_anchored(unit: Unit) -> bool:
    """Whether the line can be the running text :func:`anchor_bonus` rewards, however it is classified
    (a list item never is running text)."""
    return not unit.bullet and unit.weight >= _ANCHORED_WORDS


def anchor_bonus(units: list[Unit]) -> None:
    """The article head — a headline, then a dated metadata line — announces the body:
    the running text right after it gets a bonus, so a short story still beats a long tail."""
    for index, unit in enumerate(units):
        if unit.kind != "meta" or not has_date(unit.text):
            continue
        above = [u for u in units[max(0, index - ANCHOR_ABOVE): index] if u.kind in ("text", "short", "nav")]
        if not any(2 <= u.weight <= 60 and not u.final for u in above):
            continue
        for follower in units[index + 1: index + ANCHOR_BELOW + 1]:
            if follower.kind == "text" and follower.weight >= _ANCHORED_WORDS:
                follower.score += 25
                break


def best_segment(units: list[Unit]) -> tuple[int, int]:
    """Maximum-sum run of unit scores (Kadane): the densest stretch of running text."""
    best, best_range = float("-inf"), (0, -1)
    total, start = 0.0, 0
    for index, unit in enumerate(units):
        if total <= 0:
            total, start = 0.0, index
        total += unit.score
        if total > best:
            best, best_range = total, (start, index)
    return best_range


def _heading_candidate(units: list[Unit], index: int, end: int) -> bool:
    unit = units[index]
    if unit.kind != "text" or unit.bullet:
        return False
    if unit.weight == 0 or unit.weight > (40 if unit.cjk > unit.weight / 2 else 16):
        return False
    if unit.final or _STOP_INSIDE.search(unit.text[:-1]) or unit.text.endswith((",", "，", "、", "-", "—")):
        return False
    if unit.text.endswith((":", "：")) and not numbering(unit.text):
        return False
    following = next((units[k] for k in range(index + 1, end + 1) if units[k].kind in ("text", "item")), None)
    return following is not None and (following.weight > unit.weight and following.punct > 0)


_STOP_INSIDE = re.compile(r"[。！？!?]")
_REPEAT_TAIL = re.compile(r"(?:\s*(?:less|more|\.\.\.|…))+\s*$", re.I)
# Last letters of those words (ſ is an s to a case-blind pattern): most lines end otherwise.
_REPEAT_TAIL_ENDS = "sSſeE.…"


def _repeat_key(text: str) -> str:
    """A line without the "… more"/"less" a gallery caption carries, for spotting repeats."""
    tail = text[-20:]
    if tail.rstrip()[-1:] not in _REPEAT_TAIL_ENDS:
        return text[:120]
    return (text[:-20] + _REPEAT_TAIL.sub("", tail))[:120]


def _repeated_lines(units: list[Unit]) -> dict[str, int]:
    """Longer lines a page prints more than once. Three or more copies close together are
    furniture (a photo caption in a gallery with its "less"/"more" variants): value 3.
    Otherwise (a page printing the story twice, a recipe repeating a line per plan) the
    first copy is kept: value 2."""
    first: dict[str, int] = {}  # where each line is first printed
    places: dict[str, list[int]] = {}  # where the repeated ones are printed
    for index, unit in enumerate(units):
        if len(unit.text) >= 40:
            key = _repeat_key(unit.text)
            if (at := first.setdefault(key, index)) != index:
                places.setdefault(key, [at]).append(index)
    return {key: 3 if len(at) >= 3 and at[-1] - at[0] <= 40 else 2 for key, at in places.items()}


def body_blocks(units: list[Unit], start: int, end: int) -> list[Block]:
    blocks: list[Block] = []
    heading_at: list[int] = []
    pending_list: list[str] = []
    pending_ordered = False

    def flush_list() -> None:
        nonlocal pending_list
        if pending_list:
            blocks.append(Block("list", items=pending_list, ordered=pending_ordered))
            pending_list = []

    repeated = _repeated_lines(units)
    emitted: set[str] = set()
    for index in range(start, end + 1):
        unit = units[index]
        if unit.kind in ("junk", "rule", "crumb", "end"):
            continue
        key = _repeat_key(unit.text) if repeated else ""
        if key in repeated:
            if repeated[key] >= 3 or key in emitted:
                continue
            emitted.add(key)
        if unit.kind == "nav" and unit.weight <= 12:
            continue
        if unit.kind == "meta" and index < start + 3:
            continue
        if unit.kind == "item":
            if unit.final or unit.weight >= 6:
                pending_ordered = unit.ordered
                pending_list.append(escape_inline(unit.text))
            continue
        flush_list()
        if _heading_candidate(units, index, end):
            heading_at.append(len(blocks))
            blocks.append(Block("heading", text=escape_inline(unit.text), level=2))
        else:
            if blocks and blocks[-1].kind == "paragraph" and not unit.blank_before and not unit.indent \
                    and not blocks[-1].text.endswith(("。", "！", "？", ".", "!", "?", "”", "\"")):
                blocks[-1].text = join_wrapped(blocks[-1].text, escape_inline(unit.text))
                continue
            blocks.append(Block("paragraph", text=escape_line(unit.text)))
    flush_list()
    levels = heading_levels([unescape(blocks[i].text) for i in heading_at])
    for i, level in zip(heading_at, levels):
        blocks[i].level = level
    return blocks
