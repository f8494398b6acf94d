"""Find paragraphs that repeat an earlier one, exactly or nearly.

Exact repeats are found by a normalised key (case, whitespace, quotes and punctuation ignored).
Near repeats (an edited, re-punctuated, truncated or shortened copy) are found with rapidfuzz,
but only against candidates that share a word shingle and have a compatible length: an inverted
index keeps the work close to linear on long documents, where comparing every pair would not be.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

NEAR_RATIO = 88.0
"""rapidfuzz ``ratio`` (0-100) from which two keys count as the same paragraph edited."""
TRUNCATED_COVERAGE = 0.96
"""Share of a shorter key found, in order, in a longer one for it to be a cut-down copy."""
MAX_WORD_EDITS = 4
"""An edited copy differs by at most this many word insertions and deletions (a replaced word
counts two)..."""
WORD_EDIT_SHARE = 0.1
"""...or by this share of its words, when that is more."""
MIN_NEAR_LENGTH = 30
"""Keys shorter than this (in characters) are only ever exact repeats."""
MIN_TRUNCATED_LENGTH = 40
"""A cut-down copy must keep at least this many characters..."""
MIN_TRUNCATED_SHARE = 0.3
"""...and at least this share of the paragraph it copies."""
_SHINGLE = 3
_MAX_POSTINGS = 50
"""Shingles shared by more paragraphs than this are too common to narrow the search."""

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_NON_WORD = re.compile(r"[\W_]+")


def normalized_key(text: str) -> str:
    """The text with case, quotes, punctuation and whitespace differences removed."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


@dataclass(frozen=True, slots=True)
class Match:
    """An earlier paragraph that a later one repeats, and how."""

    source: int
    """Index of the earlier paragraph."""
    exact: bool
    """True when the keys are equal; False for an edited or cut-down copy."""
    truncated: bool = False
    """True when the later paragraph is a cut-down copy (a teaser, a dropped sentence)."""


def _few_word_edits(key: str, other: str) -> bool:
    """True when two keys differ by a word or two (dropped, doubled, swapped or replaced).

    An edited copy changes a word here and there; two items of a list built on the same pattern
    ("Film - The Aviator; director - Martin Scorsese" against "Film - Million Dollar Baby;
    director - Clint Eastwood") differ in several places even when their characters mostly agree.
    """
    words, other_words = key.split(), other.split()
    allowed = max(MAX_WORD_EDITS, round(len(words) * WORD_EDIT_SHARE))
    return Indel.distance(words, other_words, score_cutoff=allowed) <= allowed


def _shingles(words: Sequence[str]) -> set[tuple[str, ...]]:
    if len(words) < _SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


class RepeatFinder:
    """Remembers paragraphs one at a time and tells whether a new one repeats an earlier one."""

    def __init__(self) -> None:
        """Start with nothing remembered."""
        self._first: dict[str, int] = {}
        self._keys: dict[int, str] = {}
        self._index: dict[tuple[str, ...], list[int]] = defaultdict(list)

    def find(self, key: str) -> Match | None:
        """The earliest remembered paragraph that ``key`` repeats, if any."""
        if not key:
            return None
        if key in self._first:
            return Match(self._first[key], exact=True)
        if len(key) < MIN_NEAR_LENGTH:
            return None
        candidates: set[int] = set()
        for shingle in _shingles(key.split()):
            postings = self._index.get(shingle)
            if postings and len(postings) <= _MAX_POSTINGS:
                candidates.update(postings)
        for candidate in sorted(candidates):
            match = self._compare(key, candidate)
            if match is not None:
                return match
        return None

    def _compare(self, key: str, candidate: int) -> Match | None:
        other = self._keys[candidate]
        shorter, longer = sorted((len(key), len(other)))
        if (
            shorter >= longer * 0.78
            and fuzz.ratio(key, other, score_cutoff=NEAR_RATIO)
            and _few_word_edits(key, other)
        ):
            return Match(candidate, exact=False)
        if (
            len(key) < len(other)
            and len(key) >= MIN_TRUNCATED_LENGTH
            and len(key) >= len(other) * MIN_TRUNCATED_SHARE
        ):
            # Characters of ``key`` found in order in ``other``: a teaser or a copy that lost a
            # sentence keeps (nearly) all of its characters in the original's order.
            common = (len(key) + len(other) - Indel.distance(key, other)) / 2
            if common >= len(key) * TRUNCATED_COVERAGE:
                return Match(candidate, exact=False, truncated=True)
        return None

    def remember(self, index: int, key: str) -> None:
        """Make paragraph ``index`` (with normalised ``key``) available as a source."""
        if not key or key in self._first:
            return
        self._first[key] = index
        self._keys[index] = key
        if len(key) >= MIN_NEAR_LENGTH:
            for shingle in _shingles(key.split()):
                self._index[shingle].append(index)
