"""Words: the word patterns and calendar names that every stage shares.

One home for them, so that the claim rules, the cleaner and the sentence splitter agree on what
a word is and what names a month or a day.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
"""A word with its apostrophes and hyphenated parts ("couldn’t", "long-term")."""
LETTERS_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
"""A word of letters and digits only, apostrophes inside it allowed; no underscores or hyphens."""
NEXT_WORD = re.compile(r"(?:\s|,)*[\"“”']?\s*([\w'’]+)")
"""The next word after a position, past spaces, commas and an opening quote (group 1)."""

MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()
"""The months in full, lower case."""
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
"""Month abbreviations that may end with a full stop ("Sept."); "may" is a word of its own."""
MONTHS = frozenset(MONTH_NAMES) | MONTH_ABBREVIATIONS | {"may"}
"""Every month word, full or abbreviated, lower case."""
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
"""The days of the week, lower case."""


class LazyPattern:
    """A regular expression compiled the first time it is used (call it to get the pattern).

    Most lines of prose never need most of the cleaner's patterns; compiling them all at import
    would cost the viewer's first frame several milliseconds (a character class over the CJK
    ranges alone takes about five).
    """

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __call__(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled
