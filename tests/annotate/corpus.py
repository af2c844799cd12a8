"""A generated corpus of articles, highlights and edits, with the truth about where each highlight went.

Each case is an old text, a highlight in it, a new text made from the old by
one kind of edit, and where the highlighted passage is in the new text (or
that the edit touched the passage itself).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from reader.annotate import quote_selector
from reader.model import Highlight

EN = (
    "the river city council library reading week rooms quiet hours volunteers restored "
    "old maps of harbour festival evening lanterns north bank wetland birds return spring "
    "survey found water cleaner than any year since records began mayor said plans would "
    "continue with new funding and schools will visit every month to learn about the history"
).split()
ZH = (
    "青溪市图书馆举办第三届阅读周活动古籍修复展览吸引了大量市民参观河道治理工程完成后水质明显改善"
    "开发区协会第二届第二次理事会在合肥召开会议总结了过去一年的工作并部署下一阶段任务"
)
EXTRA = ["😀", "🎉", "👍🏽", "𠀀", "e\u0301", "«", "»", "—", "2021", "4.5%"]
BOILERPLATE = ["Read more at the site.", "点击查看更多。", "Share this article:"]


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.4:
        start = rng.randrange(len(ZH) - 20)
        body = ZH[start : start + rng.randint(6, 20)]
        if rng.random() < 0.3:
            body += rng.choice(EXTRA)
        return body + "。"
    words = [rng.choice(EN) for _ in range(rng.randint(5, 14))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), rng.choice(EXTRA))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    parts = [sentence(rng) for _ in range(rng.randint(1, 5))]
    if rng.random() < 0.2:
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(BOILERPLATE))
    return " ".join(parts)


def article(rng: random.Random, paragraphs: int | None = None) -> str:
    return "\n".join(paragraph(rng) for _ in range(paragraphs or rng.randint(8, 30)))


def filler(rng: random.Random) -> str:
    return rng.choice([sentence(rng), " ", "\n", rng.choice(EXTRA), " ".join(rng.choice(EN) for _ in range(3)),
                       rng.choice(BOILERPLATE), paragraph(rng) + "\n"])


@dataclass
class Case:
    kind: str
    old: str
    new: str
    highlight: Highlight
    span: tuple[int, int]  # where the passage is in the new text (for touched cases: what became of it)
    touched: bool


def pick_highlight(rng: random.Random, text: str, within_paragraph: bool = False) -> tuple[int, int]:
    while True:
        size = rng.choice([rng.randint(1, 3), rng.randint(4, 30), rng.randint(4, 30), rng.randint(30, 300)])
        start = rng.randrange(0, max(1, len(text) - size))
        end = min(len(text), start + size)
        exact = text[start:end]
        if not exact.strip():
            continue
        if within_paragraph and "\n" in exact:
            continue
        return start, end


def make_highlight(text: str, start: int, end: int) -> Highlight:
    exact, prefix, suffix = quote_selector(text, start, end)
    return Highlight(article_id=1, start=start, end=end, exact=exact, prefix=prefix, suffix=suffix)


def _edit(text: str, a: int, b: int, replacement: str) -> str:
    return text[:a] + replacement + text[b:]


def mutate(kind: str, rng: random.Random, text: str, s: int, e: int) -> tuple[str, tuple[int, int], bool]:
    """Apply one kind of edit; return the new text, the passage's new span and whether it was touched."""
    n = len(text)
    if kind == "before" and s > 0:
        a = rng.randrange(0, s)
        b = rng.randint(a, min(s, a + 200))
        r = filler(rng) if rng.random() < 0.8 else ""
        shift = len(r) - (b - a)
        return _edit(text, a, b, r), (s + shift, e + shift), False
    if kind == "after" and e < n:
        a = rng.randint(e, n)
        b = rng.randint(a, min(n, a + 200))
        return _edit(text, a, b, filler(rng) if rng.random() < 0.8 else ""), (s, e), False
    if kind == "adjacent":  # right against one edge, or both
        new, shift = text, 0
        if rng.random() < 0.7 and s > 0:
            a = max(0, s - rng.randint(1, 40))
            r = filler(rng) if rng.random() < 0.7 else ""
            new, shift = _edit(new, a, s, r), len(r) - (s - a)
        if rng.random() < 0.7 and e < n:
            b = min(n, e + rng.randint(1, 40))
            new = _edit(new, e + shift, b + shift, filler(rng) if rng.random() < 0.7 else "")
        return new, (s + shift, e + shift), False
    if kind == "around":  # all the context on both sides replaced
        a, b = max(0, s - 40), min(n, e + 40)
        left, right = filler(rng) + " ", " " + filler(rng)
        new = text[:a] + left + text[s:e] + right + text[b:]
        return new, (a + len(left), a + len(left) + e - s), False
    if kind == "many":  # several edits anywhere outside the passage
        new, start = text, s
        for _ in range(rng.randint(2, 8)):
            end_ = start + (e - s)
            if rng.random() < 0.5 and start > 0:
                a = rng.randrange(0, start)
                b = rng.randint(a, min(start, a + 100))
                r = filler(rng)
                new, start = _edit(new, a, b, r), start + len(r) - (b - a)
            elif end_ < len(new):
                a = rng.randint(end_, len(new))
                b = rng.randint(a, min(len(new), a + 100))
                new = _edit(new, a, b, filler(rng))
        return new, (start, start + e - s), False
    if kind == "reorder":
        paragraphs = text.split("\n")
        offsets, position = [], 0
        for p in paragraphs:
            offsets.append(position)
            position += len(p) + 1
        k = max(i for i, o in enumerate(offsets) if o <= s)
        if "\n" in text[s:e] or len(paragraphs) < 2:
            return text, (s, e), False
        order = list(range(len(paragraphs)))
        rng.shuffle(order)
        new = "\n".join(paragraphs[i] for i in order)
        new_offset = sum(len(paragraphs[i]) + 1 for i in order[: order.index(k)])
        return new, (new_offset + s - offsets[k], new_offset + e - offsets[k]), False
    if kind == "whitespace":  # spaces doubled, lines joined or split, outside the passage
        new, start = text, s
        for _ in range(rng.randint(1, 6)):
            end_ = start + (e - s)
            candidates = [i for i in range(len(new)) if new[i] in " \n" and not start <= i < end_ and i != start - 1]
            if not candidates:
                break
            i = rng.choice(candidates)
            r = rng.choice(["  ", "\n", " ", "\n\n", ""])
            new = _edit(new, i, i + 1, r)
            if i < start:
                start += len(r) - 1
        return new, (start, start + e - s), False
    if kind == "inside":  # the passage itself edited
        a = rng.randint(s, e)
        b = rng.randint(a, min(e, a + max(1, (e - s) // 3)))
        r = rng.choice(["", rng.choice(EN), rng.choice(EXTRA), " ", text[a:b].upper(), sentence(rng)[:8]])
        if text[a:b] == r:
            r += "x"
        new = _edit(text, a, b, r)
        return new, (s, e + len(r) - (b - a)), True
    if kind == "overlap":  # an edit across one edge of the passage
        if rng.random() < 0.5:
            a, b = max(0, s - rng.randint(1, 20)), min(e, s + rng.randint(1, 10))
            r = filler(rng)
            return _edit(text, a, b, r), (a, e + len(r) - (b - a)), True
        a, b = max(s, e - rng.randint(1, 10)), min(n, e + rng.randint(1, 20))
        r = filler(rng)
        return _edit(text, a, b, r), (s, a + len(r)), True
    if kind == "deleted":
        return _edit(text, s, e, ""), (s, s), True
    return text, (s, e), False


KINDS = ["before", "after", "adjacent", "around", "many", "reorder", "whitespace", "inside", "overlap", "deleted"]


def case(kind: str, seed: int) -> Case:
    rng = random.Random(f"{kind}-{seed}")
    old = article(rng)
    s, e = pick_highlight(rng, old, within_paragraph=kind == "reorder")
    new, span, touched = mutate(kind, rng, old, s, e)
    if not touched and new[span[0] : span[1]] != old[s:e]:
        raise AssertionError(f"corpus bug in {kind}/{seed}")
    return Case(kind, old, new, make_highlight(old, s, e), span, touched)
