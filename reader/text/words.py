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
