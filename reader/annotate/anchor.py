"""Finding highlights again after an article's text changed.

The order is the design's: the old position if the quote is still there →
the exact quote nearest the old position, chosen among equal quotes by how
much of the prefix and suffix still surrounds it → a fuzzy match of the
quote above ``THRESHOLD`` similarity, held in place by its context →
orphan. An orphan keeps its quote, context and last position (a hint for
the next re-anchoring; it is not drawn) and its note and tags: nothing the
user made is dropped.

A highlight is only ever placed on text equal to its quote, or similar to
it *and* either surrounded by its old context or near-identical: a wrong
passage is worse than an orphan.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from reader.annotate.selectors import CONTEXT, SectionIndex, quote_selector
from reader.model import Highlight, Section

THRESHOLD = 0.8
"""Least similarity (difflib ratio) of a fuzzy match to the old quote."""

STRONG = 8
"""Code points of context that must still agree for a side to count as holding."""

NEAR_WINDOW = 8192
"""How far either side of the expected place to look before searching the whole text."""

MAX_OCCURRENCES = 4000
"""Equal quotes scored at most (nearest the expected place first)."""

BRACKET = 16
"""Code points of old prefix and suffix that, found together, mark where the passage stood."""

SEED_LIMIT = 64
"""A fuzzy-search seed found more often than this says nothing about where the passage is."""


@dataclasses.dataclass(frozen=True)
class _Placement:
    start: int
    end: int
    prefix_agrees: int
    suffix_agrees: int
    ratio: float = 1.0


class Reanchorer:
    """Re-anchors highlights against one new text, sharing work between them.

    Feed highlights in order of their old start: the shift the previous one
    moved by is tried first for the next (a paragraph inserted above moves
    everything below by the same amount).
    """

    def __init__(self, text: str, sections: Sequence[Section] = (), content_hash: str = "") -> None:
        self.text = text
        self.content_hash = content_hash
        self._sections = sections
        self._index: SectionIndex | None = None
        self._shift = 0

    # the public step

    def __call__(self, highlight: Highlight) -> Highlight:
        placement = self._place(highlight)
        if placement is None:
            return dataclasses.replace(highlight, state=Highlight.ORPHANED, tags=list(highlight.tags))
        if highlight.start >= 0:
            self._shift = placement.start - highlight.start
        exact, prefix, suffix = quote_selector(self.text, placement.start, placement.end)
        same = (placement.start, placement.end, exact) == (highlight.start, highlight.end, highlight.exact)
        if highlight.start < 0 and exact == highlight.exact:  # a quote without a position (a W3C import)
            same = self._only_place(highlight) == placement.start
        return dataclasses.replace(
            highlight,
            start=placement.start,
            end=placement.end,
            exact=exact,
            prefix=prefix,
            suffix=suffix,
            state=Highlight.ANCHORED if same else Highlight.MOVED,
            content_hash=self.content_hash or highlight.content_hash,
            section_path=self._section_path(placement.start) if self._sections else list(highlight.section_path),
            tags=list(highlight.tags),
        )

    def _only_place(self, highlight: Highlight) -> int | None:
        """Where the quote with its context occurs, if at exactly one place, else None.

        A TextQuoteSelector that matches once selects that passage exactly, as
        W3C defines it: such a highlight is anchored, not moved, though it came
        with no position to compare with.
        """
        needle = highlight.prefix + highlight.exact + highlight.suffix
        found = self.text.find(needle)
        if found < 0 or self.text.find(needle, found + 1) >= 0:
            return None
        return found + len(highlight.prefix)

    def _section_path(self, position: int) -> list[str]:
        if self._index is None:
            self._index = SectionIndex(self.text, self._sections)
        return self._index.path_at(position)

    # finding the place

    def _place(self, h: Highlight) -> _Placement | None:
        text, exact = self.text, h.exact
        if not exact:
            return None
        hint = h.start if h.start >= 0 else None
        expected = max(0, min(len(text), (hint if hint is not None else 0) + self._shift))

        # 1. The old position, with its context intact (or shifted like the one before).
        for candidate in dict.fromkeys(c for c in (hint, expected) if c is not None):
            placed = self._exact_at(h, candidate)
            if placed is not None and self._full(h, placed):
                return placed

        # 2. The quote with all its context, nearest the expected place (only nearby:
        # step 3 searches the whole text and ranks that case first anyway).
        needle = h.prefix + exact + h.suffix
        found = _nearest(text, needle, expected, everywhere=False)
        if found is not None:
            start = found + len(h.prefix)
            return _Placement(start, start + len(exact), len(h.prefix), len(h.suffix))

        # 3. Any equal quote, the one with most context agreeing, then the nearest...
        best = self._best_exact(h, expected)
        if best is not None and self._holds(h, best, "prefix", BRACKET) and self._holds(h, best, "suffix", BRACKET):
            return best
        # ...but where the old context still stands around other text, the passage was
        # edited (or deleted) there, and nothing outside that place will do.
        brackets = self._brackets(h, expected)

        def allowed(placed: _Placement) -> bool:  # inside a bracket
            return not brackets or any(a <= placed.start and placed.end <= b for a, b in brackets)

        def allowed_exact(placed: _Placement) -> bool:  # or sharing an edge (the quote may hold its own context)
            return not brackets or any(
                a <= placed.start and placed.end <= b or placed.start == a or placed.end == b for a, b in brackets
            )

        if best is not None and not allowed_exact(best):
            best = self._best_exact(h, expected, within=brackets)
        if best is not None and self._holds(h, best, "prefix") and self._holds(h, best, "suffix"):
            return best
        # 4. A fuzzy match: an equal quote is preferred, unless the fuzzy match has a good
        # length of its old context on both sides and the quote has less (and is not
        # the same place: a fuzzy match overlapping the quote is a piece of it).
        fuzzy = self._fuzzy(h, expected, allowed)
        if fuzzy is not None and best is not None:
            firm = self._holds(h, fuzzy, "prefix", BRACKET) and self._holds(h, fuzzy, "suffix", BRACKET)
            apart = fuzzy.end <= best.start or best.end <= fuzzy.start
            return fuzzy if firm and apart and _agrees(fuzzy) > _agrees(best) else best
        return best or fuzzy

    def _brackets(self, h: Highlight, expected: int) -> list[tuple[int, int]]:
        """Spans near the expected place with the old prefix just before and the old suffix just after.

        When the passage was edited or deleted where it stood, its context
        still brackets that place: an equal or similar quote outside every
        bracket is another passage.
        """
        text = self.text
        lo, hi = max(0, expected - NEAR_WINDOW), min(len(text), expected + NEAR_WINDOW)
        prefix, suffix = h.prefix, h.suffix
        # Where the old prefix ends: its last BRACKET letters near the expected place, or,
        # for a passage that stood near the top of the text, the whole prefix at the top.
        if len(prefix) >= BRACKET:
            openings = _find_all(text, prefix[-BRACKET:], lo, hi, 64)
            openings = [p + BRACKET for p in openings]
        elif len(prefix) < CONTEXT and text.startswith(prefix):
            openings = [len(prefix)]
        else:
            return []
        if len(suffix) >= BRACKET:
            head = suffix[:BRACKET]
        elif len(suffix) < CONTEXT and text.endswith(suffix):
            head = None
        else:
            return []
        longest = 2 * len(h.exact) + 2 * BRACKET
        spans: list[tuple[int, int]] = []
        for opening in openings:
            if head is None:
                closing = len(text) - len(suffix)
                closings = [closing] if opening <= closing <= opening + longest else []
            else:
                closings = _find_all(text, head, opening, opening + longest + len(head), 8)
            spans.extend((opening, closing) for closing in closings)
        return spans

    def _exact_at(self, h: Highlight, start: int) -> _Placement | None:
        end = start + len(h.exact)
        if start < 0 or end > len(self.text) or self.text[start:end] != h.exact:
            return None
        return _Placement(start, end, *_agreement(self.text, start, end, h.prefix, h.suffix))

    @staticmethod
    def _full(h: Highlight, placed: _Placement) -> bool:
        return placed.prefix_agrees == len(h.prefix) and placed.suffix_agrees == len(h.suffix)

    def _holds(self, h: Highlight, placed: _Placement, side: str, enough: int = STRONG) -> bool:
        """Does one side of the old context (``enough`` of it) still stand beside the placement?

        A prefix shorter than ``CONTEXT`` began at the top of the text, a short
        suffix ended at its bottom: all of it, still at that edge, holds.
        """
        if side == "prefix":
            agrees, context = placed.prefix_agrees, h.prefix
            at_edge = placed.start == agrees
        else:
            agrees, context = placed.suffix_agrees, h.suffix
            at_edge = placed.end + agrees == len(self.text)
        if agrees == len(context) < CONTEXT and at_edge:
            return True
        # Elsewhere a context shorter than STRONG proves nothing: a letter or two agree by chance.
        return agrees >= min(enough, max(len(context), STRONG))

    def _best_exact(
        self, h: Highlight, expected: int, within: list[tuple[int, int]] | None = None
    ) -> _Placement | None:
        """The equal quote with most old context around it (then the nearest), optionally only inside ``within``."""
        text, exact = self.text, h.exact
        lp, ls = len(h.prefix), len(h.suffix)
        best: tuple | None = None
        for start in _occurrences(text, exact, expected):
            end = start + len(exact)
            if within is not None and not any(a <= start and end <= b or start == a or end == b for a, b in within):
                continue
            p, s = _agreement(text, start, end, h.prefix, h.suffix)
            # A short prefix or suffix reached the edge of the text: still there counts as whole.
            weight = (CONTEXT if p == lp < CONTEXT and start == p else p) + (
                CONTEXT if s == ls < CONTEXT and end + s == len(text) else s
            )
            key = (weight, -abs(start - expected), start == h.start)
            if best is None or key > best[0]:
                best = (key, _Placement(start, end, p, s))
        return best[1] if best else None

    def _fuzzy(self, h: Highlight, expected: int, allowed=lambda placed: True) -> _Placement | None:
        """The passage most like the quote, found from seeds of the quote and its context.

        Seeds vote for where the passage starts; the best-supported places
        are compared with the quote. The neighbourhood of the expected place
        is tried first, the whole text only if nothing there will do.
        """
        text = self.text
        lo, hi = max(0, expected - NEAR_WINDOW), min(len(text), expected + len(h.exact) + NEAR_WINDOW)
        seeds = _seeds(h)
        votes = []
        for seed, offset in seeds:
            found = _find_all(text, seed, lo, hi, SEED_LIMIT + 1)
            if len(found) <= SEED_LIMIT:
                votes.extend((position - offset, len(seed)) for position in found)
        placed = self._best_fuzzy(h, expected, votes, allowed)
        if placed is not None or (lo == 0 and hi == len(text)):
            return placed
        votes = [
            (position - offset, len(seed)) for seed, offset in seeds for position in _seed_positions(text, seed, expected)
        ]
        return self._best_fuzzy(h, expected, votes, allowed)

    def _best_fuzzy(self, h: Highlight, expected: int, votes: list[tuple[int, int]], allowed) -> _Placement | None:
        if not votes:
            return None
        n = len(h.exact)
        tolerance = max(8, n // 3)
        votes.sort()
        clusters: list[tuple[int, int]] = []  # (weight, estimate)
        group = [votes[0]]
        for vote in votes[1:]:
            if vote[0] - group[-1][0] <= tolerance:
                group.append(vote)
            else:
                clusters.append(_cluster(group))
                group = [vote]
        clusters.append(_cluster(group))
        clusters.sort(key=lambda c: (-c[0], abs(c[1] - expected)))
        strongest = clusters[0][0]

        best: tuple | None = None
        for weight, estimate in clusters[:4]:
            if weight * 4 < strongest:
                break
            placed = self._fuzzy_at(h, estimate)
            if placed is None or not allowed(placed):
                continue
            holds = self._holds(h, placed, "prefix") + self._holds(h, placed, "suffix")
            firm = self._holds(h, placed, "prefix", BRACKET) + self._holds(h, placed, "suffix", BRACKET)
            if n < 2 * STRONG and holds < 2:
                continue  # a short quote only moves with its context on both sides
            if holds and not firm:
                continue  # a few letters of context happen by chance: one side must agree at length
            if holds == 0 and (placed.ratio < 0.9 or n < 40):
                continue  # away from its context, only a long, near-identical passage will do
            key = (holds, placed.ratio, -abs(placed.start - expected))
            if best is None or key > best[0]:
                best = (key, placed)
            if holds == 2:
                break  # in its context on both sides: nothing else will do better
        return best[1] if best else None

    def _fuzzy_at(self, h: Highlight, estimate: int) -> _Placement | None:
        text, exact = self.text, h.exact
        n = len(exact)
        slack = max(16, n // 3)
        lo, hi = max(0, estimate - slack), min(len(text), estimate + n + slack)
        window = text[lo:hi]
        blocks = [b for b in SequenceMatcher(None, exact, window, autojunk=False).get_matching_blocks() if b.size]
        # Stray one- or two-letter matches out at the edges are not the passage.
        while len(blocks) > 1 and blocks[0].size < 3 and (
            blocks[1].b - blocks[0].b - blocks[0].size > blocks[1].a - blocks[0].a - blocks[0].size + 2
        ):
            blocks.pop(0)
        while len(blocks) > 1 and blocks[-1].size < 3 and (
            blocks[-1].b - blocks[-2].b - blocks[-2].size > blocks[-1].a - blocks[-2].a - blocks[-2].size + 2
        ):
            blocks.pop()
        if not blocks:
            return None
        first, last = blocks[0], blocks[-1]
        start = lo + first.b
        end = lo + last.b + last.size
        # The quote's own first or last letters may have changed: stretch to where the context stands.
        start = self._stretch_start(h, start, first.a)
        end = self._stretch_end(h, end, n - last.a - last.size)
        if end <= start:
            return None
        # The letters matched in the window say roughly how similar the span is: a clear
        # miss needs no second comparison; anything close is measured exactly.
        if 2 * sum(b.size for b in blocks) / (n + end - start) < THRESHOLD - 0.1:
            return None
        ratio = SequenceMatcher(None, exact, text[start:end], autojunk=False).ratio()
        if ratio < THRESHOLD:
            return None
        return _Placement(start, end, *_agreement(text, start, end, h.prefix, h.suffix), ratio=ratio)

    def _stretch_start(self, h: Highlight, start: int, missing: int) -> int:
        if missing == 0:
            return start
        tail = h.prefix[-min(STRONG, len(h.prefix)) :] if h.prefix else ""
        for candidate in range(start, max(-1, start - missing - 3), -1):
            if tail and self.text.endswith(tail, 0, candidate) or not tail and candidate == 0:
                return candidate
        return start

    def _stretch_end(self, h: Highlight, end: int, missing: int) -> int:
        if missing == 0:
            return end
        head = h.suffix[: min(STRONG, len(h.suffix))]
        for candidate in range(end, min(len(self.text), end + missing + 2) + 1):
            if head and self.text.startswith(head, candidate) or not head and candidate == len(self.text):
                return candidate
        return end


def _agrees(placed: _Placement) -> int:
    return placed.prefix_agrees + placed.suffix_agrees


def _agreement(text: str, start: int, end: int, prefix: str, suffix: str) -> tuple[int, int]:
    """How many code points of the old prefix (from its end) and suffix (from its start) still stand there."""
    lp = len(prefix)
    if lp <= start and text[start - lp : start] == prefix:
        p = lp
    else:
        p = 0
        while p < lp and p < start and text[start - 1 - p] == prefix[lp - 1 - p]:
            p += 1
    ls = len(suffix)
    if text[end : end + ls] == suffix:
        s = ls
    else:
        s = 0
        limit = min(ls, len(text) - end)
        while s < limit and text[end + s] == suffix[s]:
            s += 1
    return p, s


def _nearest(text: str, needle: str, expected: int, everywhere: bool = True) -> int | None:
    """The occurrence of ``needle`` starting nearest ``expected``; the neighbourhood first, then everywhere."""
    if not needle:
        return None
    lo = max(0, expected - NEAR_WINDOW)
    hi = min(len(text), expected + NEAR_WINDOW + len(needle))
    best = _nearest_in(text, needle, expected, lo, hi)
    if best is None and everywhere and (lo > 0 or hi < len(text)):
        best = _nearest_in(text, needle, expected, 0, len(text))
    return best


def _nearest_in(text: str, needle: str, expected: int, lo: int, hi: int) -> int | None:
    best = None
    position = text.find(needle, lo, hi)
    while position >= 0:
        if best is None or abs(position - expected) < abs(best - expected):
            best = position
        elif position > expected:
            break
        position = text.find(needle, position + 1, hi)
    return best


def _find_all(text: str, needle: str, lo: int, hi: int, limit: int) -> list[int]:
    found: list[int] = []
    position = text.find(needle, lo, hi)
    while position >= 0 and len(found) < limit:
        found.append(position)
        position = text.find(needle, position + 1, hi)
    return found


def _occurrences(text: str, needle: str, expected: int) -> list[int]:
    """Where ``needle`` occurs; for a very common one, the ``MAX_OCCURRENCES`` nearest ``expected``."""
    found: list[int] = []
    position = text.find(needle)
    while position >= 0:
        found.append(position)
        if len(found) > 4 * MAX_OCCURRENCES:
            break
        position = text.find(needle, position + 1)
    if len(found) > MAX_OCCURRENCES:
        found.sort(key=lambda p: abs(p - expected))
        found = found[:MAX_OCCURRENCES]
    return found


def _seeds(h: Highlight) -> list[tuple[str, int]]:
    """Pieces of the quote and its context, with their offset from the quote's start."""
    exact = h.exact
    n = len(exact)
    seeds: list[tuple[str, int]] = []
    size = min(24, max(4, n // 6))
    if n >= size:
        count = min(8, max(1, n // size))
        step = (n - size) / max(1, count - 1) if count > 1 else 0
        for k in range(count):
            offset = round(k * step)
            seeds.append((exact[offset : offset + size], offset))
    tail = h.prefix[-12:]
    if len(tail) >= 4:
        seeds.append((tail, -len(tail)))
    head = h.suffix[:12]
    if len(head) >= 4:
        seeds.append((head, n))
    return seeds


def _seed_positions(text: str, seed: str, expected: int) -> list[int]:
    """A seed's occurrences: everywhere if it is rare, else only near the expected place."""
    found: list[int] = []
    position = text.find(seed)
    while position >= 0 and len(found) <= SEED_LIMIT:
        found.append(position)
        position = text.find(seed, position + 1)
    if len(found) <= SEED_LIMIT:
        return found
    lo, hi = max(0, expected - NEAR_WINDOW), min(len(text), expected + NEAR_WINDOW)
    found = []
    position = text.find(seed, lo, hi)
    while position >= 0 and len(found) <= SEED_LIMIT:
        found.append(position)
        position = text.find(seed, position + 1, hi)
    return found if len(found) <= SEED_LIMIT else []


def _cluster(group: list[tuple[int, int]]) -> tuple[int, int]:
    weight = sum(w for _, w in group)
    starts = [s for s, _ in group]
    return weight, starts[len(starts) // 2]


def reanchor(highlight: Highlight, new_text: str, *, sections: Sequence[Section] = (), content_hash: str = "") -> Highlight:
    """A copy of ``highlight`` anchored in ``new_text``: anchored, moved or orphaned.

    Moved and anchored copies get fresh prefix and suffix (and, when
    ``sections``/``content_hash`` are given, section path and hash); a
    fuzzy match also takes the new wording as its quote. An orphan keeps
    everything it had.
    """
    return Reanchorer(new_text, sections, content_hash)(highlight)


def reanchor_all(
    highlights: Iterable[Highlight], new_text: str, *, sections: Sequence[Section] = (), content_hash: str = ""
) -> list[Highlight]:
    """``reanchor`` for many highlights of one article, in their input order, sharing the work."""
    highlights = list(highlights)
    anchorer = Reanchorer(new_text, sections, content_hash)
    order = sorted(range(len(highlights)), key=lambda i: (highlights[i].start < 0, highlights[i].start))
    result: list[Highlight | None] = [None] * len(highlights)
    for i in order:
        result[i] = anchorer(highlights[i])
    return result  # type: ignore[return-value]
