"""Bounded memo tables for the extractor: pure functions of a word or a name, remembered.

The same few thousand words and names come back in every news article, so the extractor
remembers what it worked out about each (how a word folds, how a run of capitalised words is
cut into names, what a word before a name says, the learned model's scores). Every table is a
:class:`Memo` held by one :class:`Memos` object, which an extractor owns: nothing is kept at
module level, each table has a bound, and dropping the object forgets everything. A memo
never changes a result, only spares work.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Generic, TypeVar

from reader.entities import learned
from reader.model import EntityType

K = TypeVar("K")
V = TypeVar("V")

Votes = dict[EntityType, float]
RunCut = list[tuple[int, int, tuple[str, ...], str, Votes]]
"""How a run of words was cut into names: (offset, length, folded words, key, votes) each."""
WordVotes = tuple[tuple[tuple[EntityType, float], ...], bool, bool, bool]
"""What a word before a name says: its votes, whether it ends a two-word context, place word,
product word."""
Scores = tuple[float, float, float, float]
ContextKey = tuple[str, str, bool, bool]

SMALL = 100_000
LARGE = 200_000


class Memo(dict[K, V], Generic[K, V]):
    """A dictionary that empties itself when it would grow past ``limit`` entries.

    Look-ups are plain ``dict.get`` (as fast as a dictionary); :meth:`remember` stores.
    """

    __slots__ = ("limit",)

    def __init__(self, limit: int = SMALL) -> None:
        super().__init__()
        self.limit = limit

    def remember(self, key: K, value: V) -> V:
        """Store ``value`` under ``key`` (forgetting everything first when full); return it."""
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value


def _large() -> Memo[str, str]:
    return Memo(LARGE)


@dataclass(slots=True)
class Memos:
    """Every memo table of one extractor."""

    folded: Memo[str, str] = field(default_factory=_large)
    """Word → its folded key."""
    derived_cuts: Memo[str, int] = field(default_factory=Memo)
    """Hyphenated word → where the name in it ends ("London-based" → 6), or -1."""
    single_words: Memo[str, tuple[str, str]] = field(default_factory=lambda: Memo(LARGE))
    """One-word run → its key and what it is (a date word, a word to skip, a name)."""
    runs: Memo[str, RunCut] = field(default_factory=Memo)
    """A run of several words inside a sentence → how it is cut into names."""
    shapes: Memo[str, Votes] = field(default_factory=Memo)
    """A name's surface → the votes its own words give."""
    token_classes: Memo[str, str] = field(default_factory=Memo)
    """A token → its class for the learned model."""
    before_words: Memo[str, WordVotes] = field(default_factory=Memo)
    """A folded word before a name → what it says."""
    after_words: Memo[str, tuple[EntityType, float] | None] = field(default_factory=Memo)
    """A token after a name → the vote it gives."""
    name_scores: Memo[str, Scores] = field(default_factory=Memo)
    """A name's surface → the exponentials of its learned scores."""
    context_scores: Memo[ContextKey, Scores] = field(default_factory=Memo)
    """A context (the tokens beside a name, whether it opens a sentence or is in a headline)
    → the exponentials of its learned scores."""
    pair_scores: Memo[str, Scores] = field(default_factory=Memo)
    """A two-word context feature ("pp=according_to") → the exponentials of its scores."""
    plains: Memo[str, str] = field(default_factory=Memo)
    """A key → the same without accents or punctuation (for spelling variants)."""

    def token_class(self, token: str) -> str:
        """The learned model's class of a token, remembered."""
        found = self.token_classes.get(token)
        if found is None:
            found = self.token_classes.remember(token, learned.token_class(token))
        return found

    def clear(self) -> None:
        """Forget everything (after the weights or word lists change)."""
        for table in fields(self):
            getattr(self, table.name).clear()

    def size(self) -> int:
        """How many entries all tables hold together."""
        return sum(len(getattr(self, table.name)) for table in fields(self))
