"""Dates and years: "March 3, 2021", "3 March", "in 2018", "1996-08-30", "Tuesday", "the 1990s"."""

from __future__ import annotations

import re
from collections.abc import Iterator

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]|20)\d\d"

DATE_PATTERN = re.compile(
    rf"""
    (?<![\w.,-])
    (?:
        {_DAY}[^\S\n]+{_MONTH}(?:,?[^\S\n]+{_YEAR})?           # 3 March 2021
      | {_MONTH}[^\S\n]+{_DAY}(?:,?[^\S\n]+{_YEAR})?(?!\d)     # March 3, 2021
      | {_MONTH}[^\S\n]+(?:of[^\S\n]+)?{_YEAR}                 # March 2021
      | (?<!^)(?<![.!?"“][^\S\n])(?:{_MONTH}|Christmas|Easter) # in March (not "May I ...")
      | (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)
      | {_YEAR}-\d\d-\d\d                                      # 1996-08-30
      | {_YEAR}s?                                              # 2018, the 1990s
    )
    (?![\w]|[.,]\d|-\d)
    """,
    re.VERBOSE | re.MULTILINE,
)


def find_dates(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of every date or year in ``text``."""
    for match in DATE_PATTERN.finditer(text):
        yield match.start(), match.end()
