"""Decide, for every raw paragraph, whether it belongs to the article.

A paragraph is ``kept``, ``boilerplate`` (page furniture: navigation, share buttons, adverts,
sign-up and cookie prompts, links to other stories, credits, bylines), a ``duplicate`` (the
same text as an earlier paragraph once case, whitespace, quotes and punctuation are ignored) or
a ``near_duplicate`` (an edited, re-punctuated, truncated or shortened copy). The first copy of
repeated text is the one kept. Nothing is deleted: the verdicts travel with the paragraphs.

Repetition is not always damage. A scraper that repeats text repeats a *run* of paragraphs, or a
long paragraph; an article repeats short things on purpose: a question asked again, a refrain,
a heading or a "Buy now" line in every item of a list. So a repeat is hidden when it is part of
a run of repeats or long enough to be a paragraph of prose, and kept when it is short and stands
alone, or when the same text comes back three or more times between other text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import pairwise

from reader.clean.furniture import (
    MAX_LINE_WORDS,
    boilerplate_score,
    furniture_reason,
    furniture_rule,
)
from reader.clean.main_content import main_content_reasons
from reader.clean.repeats import Match, RepeatFinder, normalized_key
from reader.model import Paragraph, ParagraphStatus, Span

__all__ = ["clean_paragraphs", "normalized_key"]

STRONG_FURNITURE = 0.995
"""Score from which a line is furniture wherever it stands."""
WEAK_FURNITURE = 0.95
"""Score from which a line is furniture when it interrupts article prose."""
SENTENCE_MIN_WORDS = 8
"""A line of this many words that ends like a sentence needs a strong score to be furniture."""
_OPENING_WORDS = 3
_LIST_ITEM = re.compile(r"^(?:[-–—•*·▪►]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
_SENTENCE_ENDS = frozenset(".!?\"”’'»")
PROSE_MIN_WORDS = 12
"""A paragraph with at least this many words (and not itself furniture) reads as prose."""
ISOLATED_EXACT_MIN = 60
"""An exact repeat standing alone is hidden only from this many characters (of its key)."""
ISOLATED_TRUNCATED_MIN = 80
"""A shortened copy standing alone (no ellipsis) is hidden only from this many characters."""
MIN_STUTTER_LENGTH = 8
"""Repeats shorter than this (in characters of their key) are never hidden."""
MIN_RETOUCHED_LENGTH = 20
"""A repeat with changed case or punctuation is hidden from this length."""
TEMPLATE_COUNT = 3
"""Text that comes back this many times, never twice in a row, is part of the article's form."""
TEMPLATED_EXACT_MIN = 100
"""In an article with such a template, an exact repeat is hidden only from this length..."""
TEMPLATED_NEAR_MIN = 200
"""...and a near repeat from this length."""
_RUN_SOURCE_GAP = 3
"""Neighbouring repeats form a run when their sources are this close, in the same order."""


def clean_paragraphs(text: str, spans: Sequence[Span]) -> list[Paragraph]:
    """Give each paragraph span of ``text`` a status, a ``duplicate_of`` index and a reason."""
    texts = [text[span.start : span.end] for span in spans]
    keys = [normalized_key(t) for t in texts]
    furniture = find_furniture(texts, keys)
    for i, reason in enumerate(main_content_reasons(texts, furniture)):
        if reason is not None and furniture[i] is None:
            furniture[i] = f"boilerplate: {reason}"
    matches = find_repeats(keys, texts, furniture)
    keep_legitimate_repeats(keys, texts, matches, furniture)

    paragraphs: list[Paragraph] = []
    for i, span in enumerate(spans):
        match = matches[i]
        if match is not None and furniture[i] is None:
            source = _first_kept_copy(match.source, matches, furniture)
            match = None if source is None else match._replace(source=source)
        if furniture[i] is not None:
            paragraph = Paragraph(
                i, span.start, span.end, ParagraphStatus.BOILERPLATE, None, furniture[i]
            )
        elif match is None:
            paragraph = Paragraph(i, span.start, span.end)
        elif match.exact:
            reason = f"duplicate of ¶{match.source + 1}"
            paragraph = Paragraph(
                i, span.start, span.end, ParagraphStatus.DUPLICATE, match.source, reason
            )
        else:
            reason = f"near-duplicate of ¶{match.source + 1}"
            if match.truncated:
                reason += ", truncated"
            paragraph = Paragraph(
                i, span.start, span.end, ParagraphStatus.NEAR_DUPLICATE, match.source, reason
            )
        paragraphs.append(paragraph)
    return paragraphs


def _first_kept_copy(
    source: int, matches: Sequence[Match | None], furniture: Sequence[str | None]
) -> int | None:
    """The kept paragraph a repeat of ``source`` goes back to, or None if it goes back to none.

    In a pattern repeated more than twice (A B A B A) a copy may be matched to the copy
    before it; the reader names the first copy, the one it shows.
    """
    while furniture[source] is None and (earlier := matches[source]) is not None:
        source = earlier.source  # always an earlier paragraph, so this ends
    return source if furniture[source] is None else None


def find_furniture(texts: Sequence[str], keys: Sequence[str]) -> list[str | None]:
    """For each paragraph, the reason it is page furniture, or None when it is article text.

    A line that scores very high is furniture anywhere. A line that scores high but not very
    high is furniture only when it interrupts prose (its nearest other paragraph on either side
    is a paragraph of prose): inside a list of short lines it may be one of the items.
    """
    # Word counts from the keys (punctuation splits a word or two more, which does not matter).
    sizes = [key.count(" ") + 1 if key else 0 for key in keys]
    verdicts: dict[str, tuple[str | None, float]] = {}
    for text, size in zip(texts, sizes, strict=True):
        if text not in verdicts:  # a line repeated down the page is judged once
            rule = furniture_rule(text)
            short = size <= MAX_LINE_WORDS + 2
            verdicts[text] = (rule, 1.0 if rule else boilerplate_score(text) if short else 0.0)
    rules = [verdicts[t][0] for t in texts]
    scores = [verdicts[t][1] for t in texts]
    candidate = [s >= WEAK_FURNITURE for s in scores]
    for i in _pattern_lines(texts, keys, candidate, rules):
        candidate[i] = False
    prose = [not candidate[i] and sizes[i] >= PROSE_MIN_WORDS for i in range(len(texts))]
    reasons: list[str | None] = [None] * len(texts)
    for i, score in enumerate(scores):
        if not candidate[i]:
            continue
        strong = rules[i] is not None or score >= STRONG_FURNITURE
        interrupts = not _reads_as_sentence(texts[i]) and _next_to_prose(i, candidate, prose)
        if strong or interrupts:
            reasons[i] = f"boilerplate: {furniture_reason(texts[i], rules[i])}"
    return reasons


def _pattern_lines(
    texts: Sequence[str],
    keys: Sequence[str],
    candidate: Sequence[bool],
    rules: Sequence[str | None],
) -> set[int]:
    """Candidate lines that follow a pattern of the article itself, so are not furniture.

    Items of a list ("- Better access to ...") and lines that open the same way three times or
    more ("See it now: Amazon", "See it now: Apple", ...) belong to the article's own layout.
    Lines a strict rule recognised (an "Advertisement" repeated down the page) stay furniture.
    """
    openings = [" ".join(key.split()[:_OPENING_WORDS]) for key in keys]
    counts = Counter(openings)
    found: set[int] = set()
    for i, text in enumerate(texts):
        if not candidate[i] or rules[i] is not None:
            continue
        in_list = _LIST_ITEM.match(text) and any(
            0 <= j < len(texts) and _LIST_ITEM.match(texts[j]) for j in (i - 1, i + 1)
        )
        if in_list or counts[openings[i]] >= TEMPLATE_COUNT:
            found.add(i)
    return found


def _reads_as_sentence(text: str) -> bool:
    """True for a line of several words that ends like a sentence (article text, mostly)."""
    stripped = text.rstrip()
    return len(stripped.split()) >= SENTENCE_MIN_WORDS and stripped[-1:] in _SENTENCE_ENDS


def _next_to_prose(i: int, candidate: Sequence[bool], prose: Sequence[bool]) -> bool:
    """True when the nearest non-candidate paragraph before or after ``i`` is prose."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(candidate) and candidate[j]:
            j += step
        if 0 <= j < len(candidate) and prose[j]:
            return True
    return False


def find_repeats(
    keys: Sequence[str], texts: Sequence[str], furniture: Sequence[str | None]
) -> list[Match | None]:
    """For each paragraph, the earlier paragraph it repeats (furniture is left out)."""
    finder = RepeatFinder()
    matches: list[Match | None] = [None] * len(keys)
    for i, key in enumerate(keys):
        if furniture[i] is not None:
            continue
        matches[i] = finder.add(i, key, texts[i])
    return matches


def keep_legitimate_repeats(
    keys: Sequence[str],
    texts: Sequence[str],
    matches: list[Match | None],
    furniture: Sequence[str | None],
) -> None:
    """Clear the matches that are the article repeating itself on purpose (in place)."""
    order = [i for i in range(len(keys)) if furniture[i] is None]
    position = {i: n for n, i in enumerate(order)}

    def neighbours(i: int) -> list[int]:
        n = position[i]
        return [order[m] for m in (n - 1, n + 1) if 0 <= m < len(order)]

    # Text that comes back again and again, never twice in a row: a refrain, a template.
    members: dict[int, list[int]] = {}
    for i, match in enumerate(matches):
        if match is not None:
            members.setdefault(match.source, [match.source]).append(i)
    templated = False
    for group in members.values():
        if len(group) < TEMPLATE_COUNT:
            continue
        spaced = all(position[b] - position[a] > 1 for a, b in pairwise(group))
        if spaced and not _looped(group, matches, order, position):
            templated = True
            for i in group[1:]:
                matches[i] = None

    # A run of repeats copying a run of paragraphs, in order, is scraper damage.
    in_run = Counter[int]()
    for i in order:
        match = matches[i]
        if match is None:
            continue
        for j in neighbours(i):
            other = matches[j]
            if other is None or j < i:
                continue
            if 0 < other.source - match.source <= _RUN_SOURCE_GAP:
                in_run[i] += 1
                in_run[j] += 1
    for i in order:
        match = matches[i]
        if match is None or (in_run[i] and not templated):
            continue
        if not _is_damage(i, match, keys, texts, neighbours, templated):
            matches[i] = None
    _fill_run_gaps(keys, texts, matches, order)


def _looped(
    group: Sequence[int],
    matches: Sequence[Match | None],
    order: Sequence[int],
    position: dict[int, int],
) -> bool:
    """True when a paragraph's copies come back with nothing new between them.

    A block pasted over and over (A B C A B C A B C) repeats each of its paragraphs "never twice
    in a row", as a refrain does; but between a refrain's returns stands new text, while
    between the copies of a looped block stand only other copies.
    """
    for a, b in pairwise(group[1:]):
        if any(matches[order[n]] is None for n in range(position[a] + 1, position[b])):
            return False
    return True


def _fill_run_gaps(
    keys: Sequence[str], texts: Sequence[str], matches: list[Match | None], order: Sequence[int]
) -> None:
    """Mark a separator line ("___", "* * *") copied along with a run of repeats.

    Such a line has no words to match by, but when the paragraph just before it (or just after
    it) is a copy, and the same line stands just after (or before) the original, it was copied
    with its neighbour.
    """
    position = {i: n for n, i in enumerate(order)}
    for n, i in enumerate(order):
        if keys[i] or matches[i] is not None:
            continue
        for step in (-1, 1):
            if not 0 <= n + step < len(order):
                continue
            neighbour = matches[order[n + step]]
            if neighbour is None or neighbour.source not in position:
                continue
            m = position[neighbour.source] - step
            if 0 <= m < len(order) and m != n:
                j = order[m]
                if j < i and not keys[j] and _squeeze(texts[j]) == _squeeze(texts[i]):
                    matches[i] = Match(j, exact=True)
                    break


def _is_damage(
    i: int,
    match: Match,
    keys: Sequence[str],
    texts: Sequence[str],
    neighbours: Callable[[int], list[int]],
    templated: bool,
) -> bool:
    """Decide whether a repeat outside a run is scraper damage or the article's own.

    In a ``templated`` article (one that repeats some text three times or more on purpose, like
    a list of products or a menu plan) repeated short items are part of the form, so only long
    repeats count, and runs of repeats are judged paragraph by paragraph.
    """
    length = len(keys[i])
    if length < MIN_STUTTER_LENGTH:
        return False
    if match.source in neighbours(i):
        return True  # a stutter: the paragraph just before, again
    if match.reworded:
        return True  # the same few words with one dropped, doubled or moved
    if match.truncated and texts[i].rstrip().endswith(("…", "...")):
        return True  # a teaser cut off with an ellipsis
    if templated:
        return length >= (TEMPLATED_EXACT_MIN if match.exact else TEMPLATED_NEAR_MIN)
    if match.exact:
        if _squeeze(texts[i]) != _squeeze(texts[match.source]):
            return length >= MIN_RETOUCHED_LENGTH  # the same words, re-cased or re-punctuated
        return length >= ISOLATED_EXACT_MIN
    if match.truncated:
        return length >= ISOLATED_TRUNCATED_MIN
    return length >= ISOLATED_EXACT_MIN  # edited: the same words, one or two changed


def _squeeze(text: str) -> str:
    """The text with every run of whitespace (no-break spaces included) removed."""
    return "".join(text.split())
