"""Back and Forward between the places a reader jumped between, as a browser keeps them.

Qt-free: the window tells it where the reader was before each jump (following a
contents entry, opening a highlight or a search result, switching articles) and
asks it where Back and Forward lead.
"""

from __future__ import annotations

from dataclasses import dataclass

LIMIT = 200


@dataclass(frozen=True)
class Place:
    """A place in the library: an article and the first character in view (canonical offset)."""

    article_id: int
    offset: int


class History:
    """Two stacks: the places behind the current one, and those ahead of it after going back."""

    def __init__(self, limit: int = LIMIT) -> None:
        self._back: list[Place] = []
        self._forward: list[Place] = []
        self._limit = limit

    @property
    def can_go_back(self) -> bool:
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def jumped_from(self, place: Place) -> None:
        """The reader is leaving ``place`` by a jump: Back returns there; what lay ahead is dropped."""
        self._push(self._back, place)
        self._forward.clear()

    def back(self, current: Place) -> Place | None:
        """Where Back leads from ``current`` (which Forward then returns to), or None."""
        if not self._back:
            return None
        self._push(self._forward, current)
        return self._back.pop()

    def forward(self, current: Place) -> Place | None:
        """Where Forward leads from ``current`` (which Back then returns to), or None."""
        if not self._forward:
            return None
        self._push(self._back, current)
        return self._forward.pop()

    def _push(self, stack: list[Place], place: Place) -> None:
        """Add a place unless it is already on top (a place skipped because its article is gone)."""
        if not stack or stack[-1] != place:
            stack.append(place)
            del stack[: -self._limit]
