"""Finding text in the article: smart case, whole words on request, within the paragraphs on show.

The query is taken literally, with two conveniences (as ``less`` and vim offer them):

- smart case: a query in lower case ignores case ("ev" finds "EV" and "even"); a capital letter
  in it makes the search exact ("EV" finds "EV" only);
- whole words: ``\\b`` at the start or end of the query anchors it at a word boundary there
  ("\\bEV\\b" finds "EV" but not "EVs"; "\\bev" finds "even" but not "never").
"""

from __future__ import annotations

import re
from collections.abc import Collection

from reader.ui.marks import ParagraphFinder

WORD_EDGE = "\\b"
"""Written at either end of a query, it anchors that end at a word boundary."""


def search_pattern(query: str) -> re.Pattern[str] | None:
    """The pattern a query stands for (``None`` for a query with nothing to find)."""
    text = query
    starts_word = text.startswith(WORD_EDGE)
    if starts_word:
        text = text[len(WORD_EDGE) :]
    ends_word = text.endswith(WORD_EDGE)
    if ends_word:
        text = text[: -len(WORD_EDGE)]
    if not text:
        return None
    pattern = re.escape(text)
    if starts_word:
        pattern = r"(?<!\w)" + pattern
    if ends_word:
        pattern += r"(?!\w)"
    exact = any(char.isupper() for char in text)
    return re.compile(pattern, 0 if exact else re.IGNORECASE)


def find_matches(
    text: str, query: str, finder: ParagraphFinder, shown: Collection[int]
) -> list[tuple[int, int]]:
    """``(start, end)`` of every match of ``query`` in ``text`` inside a shown paragraph.

    A match that runs past the end of its paragraph is left out: it would straddle text the
    view does not join.
    """
    pattern = search_pattern(query)
    if pattern is None:
        return []
    found: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        paragraph = finder.find(match.start())
        if paragraph is not None and paragraph.index in shown and match.end() <= paragraph.end:
            found.append((match.start(), match.end()))
    return found
