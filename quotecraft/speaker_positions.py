"""The token positions of one speaker entity's mentions, indexed for look-ups."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable


class Positions(list[int]):
    """Token positions of an entity's mentions, in the order they were added.

    Also keeps them as a set and sorted, so ``in``, the last position and the last
    position before a token take constant or logarithmic time, not a scan.
    """

    def __init__(self, items: Iterable[int] = ()) -> None:
        super().__init__(items)
        self.seen = set(self)
        self.ordered = sorted(self)

    def append(self, p: int) -> None:
        super().append(p)
        self.seen.add(p)
        insort(self.ordered, p)

    def __contains__(self, p: object) -> bool:
        return p in self.seen

    def last(self, default: int = 0) -> int:
        """The largest position (``default`` when there is none)."""
        return self.ordered[-1] if self.ordered else default

    def last_before(self, token: int) -> int:
        """The largest position before ``token``, or -1."""
        k = bisect_left(self.ordered, token)
        return self.ordered[k - 1] if k else -1
