"""Stepping through a list with wrap-around: claims, an entity's mentions, search matches."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

Item = TypeVar("Item")


@dataclass(frozen=True)
class Step:
    """Where a step landed, and whether it went past an end and came round."""

    index: int
    wrapped: bool


class Stepper(Generic[Item]):
    """A cursor over a list that starts on no item; the first step forward goes to item 1."""

    def __init__(self, items: Sequence[Item] = ()) -> None:
        self.items: tuple[Item, ...] = tuple(items)
        self.index: int | None = None

    def __len__(self) -> int:
        return len(self.items)

    @property
    def current(self) -> Item | None:
        """The item the cursor is on, if any."""
        return None if self.index is None else self.items[self.index]

    def reset(self, items: Sequence[Item], keep: Item | None = None) -> None:
        """Replace the items; stay on ``keep`` when it is still among them."""
        self.items = tuple(items)
        self.index = self.items.index(keep) if keep is not None and keep in self.items else None

    def clear(self) -> None:
        """Put the cursor on no item."""
        self.index = None

    def go(self, index: int) -> None:
        """Put the cursor on item ``index``."""
        if not 0 <= index < len(self.items):
            raise IndexError(index)
        self.index = index

    def step(self, forward: bool = True, start: int | None = None) -> Step | None:
        """Move to the next (or previous) item, wrapping at the ends; ``None`` when empty.

        ``start`` is where to begin when the cursor is on no item: the index of the first item
        at or after the reading position (forward) or before it (backward).
        """
        count = len(self.items)
        if not count:
            return None
        if self.index is None:
            if start is None:
                target = 0 if forward else count - 1
            else:
                target = start if forward else start - 1
            wrapped = not 0 <= target < count
            self.index = target % count
            return Step(self.index, wrapped)
        target = self.index + (1 if forward else -1)
        wrapped = not 0 <= target < count
        self.index = target % count
        return Step(self.index, wrapped)
