"""Find paragraphs that repeat an earlier one, exactly or nearly.

Exact repeats are found by a normalised key (case, whitespace, quotes and punctuation ignored).
Near repeats are copies a scraper mangled: edited (a word dropped, doubled, swapped or
replaced), re-punctuated, cut short with an ellipsis, or missing a sentence. They are found with
rapidfuzz, but only against candidates that share a word shingle (an inverted index) and have a
compatible length, which keeps the work close to linear on long documents where comparing every
pair would not be.

An edited copy brings no new words of its own: two items of a list built on one pattern
("Shr profit 12 cts vs loss two cts" and "Shr profit 31 cts vs loss 1.58 dlrs") may share most
of their characters, but each has words (names, numbers) the other lacks, so they are not
copies of each other.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import NamedTuple

NEAR_RATIO = 88.0
"""rapidfuzz ``ratio`` (0-100) from which two keys count as the same paragraph edited."""
MAX_WORD_EDITS = 4
"""An edited copy differs by at most this many word insertions and deletions (a replaced word
counts two)..."""
WORD_EDIT_SHARE = 0.2
"""...or by this share of its words, when that is more."""
NEW_WORDS_FROM = 12
"""An edited copy of fewer words brings no word of its own; a longer one may bring one."""
TRUNCATED_COVERAGE = 0.96
"""Share of a shorter key found, in order, in a longer one for it to be a cut-down copy."""
MIN_NEAR_LENGTH = 30
"""Keys shorter than this (in characters) are compared only word for word (see below)."""
MIN_TRUNCATED_LENGTH = 40
"""A cut-down copy must keep at least this many characters..."""
MIN_TRUNCATED_SHARE = 0.3
"""...and at least this share of the paragraph it copies."""
MIN_TEASER_LENGTH = 8
"""A copy cut off with an ellipsis ("Dempsey picked up the…") must keep this many characters."""
MIN_REWORDED_WORDS = 3
"""A short copy with its words reordered or one word doubled must have this many words..."""
MAX_REWORDED_WORDS = 10
"""...and have at most this many (longer copies are compared character by character)."""
MIN_SHARED_SHINGLES = 0.4
"""Share of a paragraph's word triples a candidate original must have to be compared."""
_RATIO_LENGTH_SHARE = 0.78
"""Keys whose lengths differ more than this cannot reach :data:`NEAR_RATIO`."""
_SHINGLE = 3
_MAX_POSTINGS = 16
"""Word triples shared by this many paragraphs are too common to narrow the search."""
_OPENING = 2
"""Words of a key that index it for the search of teasers cut off with an ellipsis."""

_NON_WORD = re.compile(r"[\W_]+")
_COMMON_MARKS = ("’", "‘", "“", "”", "—", "–", "…", "\xa0")
"""Non-ASCII marks common in English text, turned into spaces before the ASCII shortcut."""
_ASCII_MARKS = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})
_ELLIPSIS = ("…", "...")
_NUMBER_WORDS = frozenset(
    "nil zero one two three four five six seven eight nine ten eleven twelve".split()
)


def normalized_key(text: str) -> str:
    """The text with case, quotes, punctuation and whitespace differences removed.

    Quotes and every other mark that is not part of a word become word breaks, so "don’t" and
    "don't" both give "don t".
    """
    for mark in _COMMON_MARKS:
        if mark in text:
            text = text.replace(mark, " ")
    if text.isascii():  # the same result as below, several times faster
        return " ".join(text.lower().translate(_ASCII_MARKS).split())
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


class Match(NamedTuple):
    """An earlier paragraph that a later one repeats, and how."""

    source: int
    """Index of the earlier paragraph."""
    exact: bool
    """True when the keys are equal; False for an edited or cut-down copy."""
    truncated: bool = False
    """True when the later paragraph is a cut-down copy (a teaser, a dropped sentence)."""
    reworded: bool = False
    """True when a short copy has a word dropped, doubled or two words swapped."""


def _brings_no_new_words(words: Sequence[str], other_words: Sequence[str]) -> bool:
    """True when (nearly) every word of a copy is found in the paragraph it copies."""
    known = set(other_words)
    new = sum(word not in known for word in words)
    return new == 0 or (new == 1 and len(words) >= NEW_WORDS_FROM)


def _few_word_edits(words: Sequence[str], other_words: Sequence[str]) -> bool:
    """True when two word sequences differ by a few insertions and deletions."""
    from rapidfuzz.distance import Indel

    allowed = max(MAX_WORD_EDITS, round(len(words) * WORD_EDIT_SHARE))
    return Indel.distance(words, other_words, score_cutoff=allowed) <= allowed


def _is_number(word: str) -> bool:
    return word in _NUMBER_WORDS or any(c.isdigit() for c in word)


class RepeatFinder:
    """Remembers paragraphs one at a time and tells whether a new one repeats an earlier one."""

    def __init__(self) -> None:
        """Start with nothing remembered."""
        self._first: dict[str, int] = {}
        self._keys: dict[int, str] = {}
        self._first_posting: dict[int, int] = {}
        """Word triple → the first paragraph that has it (most triples occur once)."""
        self._more_postings: dict[int, list[int]] = {}
        """Word triple → the later paragraphs that have it too."""
        self._common: set[int] = set()
        """Word triples found in so many paragraphs that they say nothing about copies."""
        self._openings: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self._reworded: dict[tuple[str, ...], int] = {}

    def add(self, index: int, key: str, text: str = "") -> Match | None:
        """The earliest remembered paragraph that paragraph ``index`` repeats, if any.

        ``key`` is the paragraph's :func:`normalized_key`, ``text`` its text. A paragraph that
        repeats nothing is remembered, so later paragraphs can be found to repeat it.
        """
        if not key:
            return None
        if key in self._first:
            return Match(self._first[key], exact=True)
        words = key.split()
        shingles = self._shingles(words) if len(key) >= MIN_NEAR_LENGTH else set()
        match = self._find(key, words, text, shingles)
        if match is None:
            self._remember(index, key, words, shingles)
        return match

    def _find(self, key: str, words: list[str], text: str, shingles: set[int]) -> Match | None:
        if text.rstrip().endswith(_ELLIPSIS) and len(key) >= MIN_TEASER_LENGTH:
            match = self._find_teaser(key, words)
            if match is not None:
                return match
        match = self._find_reworded(words) if len(words) <= MAX_REWORDED_WORDS else None
        if match is None and shingles:
            match = self._find_similar(key, words, shingles)
        return match

    def _find_similar(self, key: str, words: list[str], shingles: set[int]) -> Match | None:
        # Set operations run in C: most paragraphs share no telling word triple with any
        # earlier one, and are done with here.
        hits = (shingles & self._first_posting.keys()) - self._common
        if not hits:
            return None
        postings: list[int] = []
        for shingle in hits:
            postings.append(self._first_posting[shingle])
            more = self._more_postings.get(shingle)
            if more is not None:
                postings += more
        # A copy keeps most of its word triples from the original (an edit breaks at most three,
        # a cut keeps them all): candidates sharing few of them are not worth comparing.
        needed = max(1, math.ceil(len(shingles) * MIN_SHARED_SHINGLES))
        shared = Counter(postings)
        for candidate in sorted(c for c, n in shared.items() if n >= needed):
            match = self._compare(key, words, candidate)
            if match is not None:
                return match
        return None

    @staticmethod
    def _shingles(words: Sequence[str]) -> set[int]:
        """The hashes of the paragraph's word triples (of all its words when it has fewer).

        Only ever compared within one document, in one process: the hashes need not be the
        same from one run to the next, and a rare collision only adds a candidate to check.
        """
        if len(words) < _SHINGLE:
            return {hash(tuple(words))} if words else set()
        return set(map(hash, zip(words, words[1:], words[2:], strict=False)))

    def _find_teaser(self, key: str, words: Sequence[str]) -> Match | None:
        """An earlier paragraph that starts with this one, cut off with an ellipsis."""
        # The last word may be cut in the middle: it cannot be part of the opening looked up.
        if len(words) <= _OPENING:
            return None
        for candidate in self._openings.get(tuple(words[:_OPENING]), ()):
            other = self._keys[candidate]
            if len(other) > len(key) and other.startswith(key):
                return Match(candidate, exact=False, truncated=True)
        return None

    def _find_reworded(self, words: Sequence[str]) -> Match | None:
        """An earlier short paragraph with the same words moved around, or one word doubled.

        A word missing is not enough on its own: a heading repeated without its year, or a
        dish named again without one of its ingredients, is the article's own text.
        """
        if len(words) < MIN_REWORDED_WORDS:
            return None
        ordered = tuple(sorted(words))
        source = self._reworded.get(ordered)
        if source is not None:
            moved = [a for a, b in zip(words, self._keys[source].split(), strict=True) if a != b]
            if not any(_is_number(word) for word in moved):  # "5 vs 6" and "6 vs 5" differ
                return Match(source, exact=False, reworded=True)  # the same words, reordered
        for n in range(1, len(words)):
            if words[n] == words[n - 1] and not _is_number(words[n]):
                undoubled = tuple(sorted([*words[:n], *words[n + 1 :]]))
                source = self._reworded.get(undoubled)
                if source is not None and sorted(self._keys[source].split()) == list(undoubled):
                    return Match(source, exact=False, reworded=True)
        return None

    def _compare(self, key: str, words: Sequence[str], candidate: int) -> Match | None:
        # rapidfuzz is imported here, by the few paragraphs that need a comparison: most
        # articles have none, and the viewer shows them without waiting for the import.
        from rapidfuzz import fuzz
        from rapidfuzz.distance import Indel

        other = self._keys[candidate]
        shorter, longer = sorted((len(key), len(other)))
        similar_length = shorter >= longer * _RATIO_LENGTH_SHARE
        cut_down = (
            len(key) < len(other)
            and len(key) >= MIN_TRUNCATED_LENGTH
            and len(key) >= len(other) * MIN_TRUNCATED_SHARE
        )
        if not (similar_length or cut_down):
            return None
        other_words = other.split()
        if not _brings_no_new_words(words, other_words):
            return None
        if (
            similar_length
            and fuzz.ratio(key, other, score_cutoff=NEAR_RATIO)
            and _few_word_edits(words, other_words)
        ):
            return Match(candidate, exact=False)
        if cut_down:
            # Characters of ``key`` found in order in ``other``: a teaser or a copy that lost a
            # sentence keeps (nearly) all of its characters in the original's order.
            common = (len(key) + len(other) - Indel.distance(key, other)) / 2
            if common >= len(key) * TRUNCATED_COVERAGE:
                return Match(candidate, exact=False, truncated=True)
        return None

    def _remember(self, index: int, key: str, words: list[str], shingles: set[int]) -> None:
        self._first[key] = index
        self._keys[index] = key
        if len(words) > _OPENING:
            self._openings[tuple(words[:_OPENING])].append(index)
        if shingles:
            known = shingles & self._first_posting.keys()
            for shingle in known - self._common:
                more = self._more_postings.setdefault(shingle, [])
                more.append(index)
                if len(more) >= _MAX_POSTINGS:
                    self._common.add(shingle)
            self._first_posting.update(dict.fromkeys(shingles - known, index))
        if MIN_REWORDED_WORDS - 1 <= len(words) <= MAX_REWORDED_WORDS:
            self._reworded.setdefault(tuple(sorted(words)), index)
