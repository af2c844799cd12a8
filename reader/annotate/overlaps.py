"""Which highlights lie over part of a longer one, so the reading view can keep both visible."""

from __future__ import annotations

from collections.abc import Sequence

from reader.model import Highlight


def inner_highlights(highlights: Sequence[Highlight]) -> set[int]:
    """Positions in ``highlights`` of those that overlap a longer highlight (the inner of each pair).

    The view draws longer highlights first and marks these inner ones, so that a highlight
    made over another never hides it. Ties in length mark both: neither is drawn under the other.
    """
    order = sorted(range(len(highlights)), key=lambda i: highlights[i].start)
    inner: set[int] = set()
    open_ones: list[int] = []
    for i in order:
        here = highlights[i]
        open_ones = [j for j in open_ones if highlights[j].end > here.start]
        for j in open_ones:
            other = highlights[j]
            if other.end - other.start >= here.end - here.start:
                inner.add(i)
            if other.end - other.start <= here.end - here.start:
                inner.add(j)
        open_ones.append(i)
    return inner
