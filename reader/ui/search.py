"""Finding text in the article: case-insensitive, literal, within the paragraphs on show."""

from __future__ import annotations

import re
from collections.abc import Collection

from reader.ui.marks import ParagraphFinder


def find_matches(
    text: str, query: str, finder: ParagraphFinder, shown: Collection[int]
) -> list[tuple[int, int]]:
    """``(start, end)`` of every occurrence of ``query`` in ``text`` inside a shown paragraph.

    The query is taken literally (no patterns) and case is ignored. A match that runs past the
    end of its paragraph is left out: it would straddle text the view does not join.
    """
    if not query:
        return []
    found: list[tuple[int, int]] = []
    for match in re.finditer(re.escape(query), text, re.IGNORECASE):
        paragraph = finder.find(match.start())
        if paragraph is not None and paragraph.index in shown and match.end() <= paragraph.end:
            found.append((match.start(), match.end()))
    return found
