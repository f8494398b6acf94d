"""Decide, for every raw paragraph, whether it belongs to the article.

A paragraph is ``kept``, a ``duplicate`` (the same text as an earlier paragraph once case,
whitespace, quotes and punctuation are ignored), a ``near_duplicate`` (an edited, truncated or
re-punctuated copy, found with rapidfuzz) or ``boilerplate`` (page furniture). The first copy of
repeated text is the one kept. Nothing is deleted: the verdicts travel with the paragraphs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz

from reader.model import Paragraph, ParagraphStatus, Span

_NEAR_DUPLICATE_RATIO = 90.0
_MIN_NEAR_DUPLICATE_LENGTH = 40
_MIN_ISOLATED_DUPLICATE_LENGTH = 60
_SHINGLE = 3

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)

_BOILERPLATE = re.compile(
    r"""^(?:
        advertisement(?:\s*-\s*continue\ reading\ below)?
        | sponsored(?:\ content)?
        | share(?:\ (?:on|via)\ \w+|\ this(?:\ article|\ story)?)?
        | tweet | email | print | comments?
        | back\ to\ top
        | read\ more\b.*
        | recommended(?:\ for\ you)?
        | (?:photo|image|picture)(?:\ credit)?s?\s*:.*
        | sign\ up\ for\ .*newsletter.*
        | subscribe\b.*
        )$""",
    re.IGNORECASE | re.VERBOSE,
)


def normalized_key(text: str) -> str:
    """The text with case, quotes, punctuation and whitespace differences removed."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


def _shingles(words: Sequence[str]) -> set[tuple[str, ...]]:
    if len(words) < _SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


def _boilerplate_reason(paragraph: str) -> str | None:
    stripped = " ".join(paragraph.split())
    if len(stripped) <= 200 and _BOILERPLATE.match(stripped):
        return "boilerplate"
    return None


def clean_paragraphs(text: str, spans: Sequence[Span]) -> list[Paragraph]:
    """Give each paragraph span of ``text`` a status, a ``duplicate_of`` index and a reason."""
    keys = [normalized_key(text[span.start : span.end]) for span in spans]
    statuses: list[ParagraphStatus] = [ParagraphStatus.KEPT] * len(spans)
    duplicate_of: list[int | None] = [None] * len(spans)
    reasons: list[str | None] = [None] * len(spans)

    first_seen: dict[str, int] = {}
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, span in enumerate(spans):
        reason = _boilerplate_reason(text[span.start : span.end])
        if reason:
            statuses[i], reasons[i] = ParagraphStatus.BOILERPLATE, reason
            continue
        key = keys[i]
        if key and key in first_seen:
            statuses[i], duplicate_of[i] = ParagraphStatus.DUPLICATE, first_seen[key]
            continue
        words = key.split()
        shingles = _shingles(words)
        match = _near_duplicate_of(key, shingles, index, keys)
        if match is not None:
            statuses[i], duplicate_of[i] = ParagraphStatus.NEAR_DUPLICATE, match
            continue
        if key:
            first_seen[key] = i
        for shingle in shingles:
            index[shingle].append(i)

    _restore_isolated_repeats(keys, statuses, duplicate_of)
    for i, status in enumerate(statuses):
        if status is ParagraphStatus.DUPLICATE:
            reasons[i] = f"duplicate of ¶{duplicate_of[i]}"
        elif status is ParagraphStatus.NEAR_DUPLICATE:
            reasons[i] = f"near-duplicate of ¶{duplicate_of[i]}"
    return [
        Paragraph(i, span.start, span.end, statuses[i], duplicate_of[i], reasons[i])
        for i, span in enumerate(spans)
    ]


def _near_duplicate_of(
    key: str,
    shingles: set[tuple[str, ...]],
    index: dict[tuple[str, ...], list[int]],
    keys: Sequence[str],
) -> int | None:
    """The earliest kept paragraph this one nearly repeats, if any."""
    if len(key) < _MIN_NEAR_DUPLICATE_LENGTH:
        return None
    candidates: set[int] = set()
    for shingle in shingles:
        candidates.update(index.get(shingle, ()))
    for candidate in sorted(candidates):
        other = keys[candidate]
        if len(key) > len(other) * 1.5 or len(other) > len(key) * 3:
            continue
        # With a cutoff rapidfuzz gives up early on pairs that cannot reach it (0 below it).
        if fuzz.ratio(key, other, score_cutoff=_NEAR_DUPLICATE_RATIO):
            return candidate
        if len(key) < len(other) and other.startswith(key):
            return candidate  # a truncated teaser of a longer paragraph
    return None


def _restore_isolated_repeats(
    keys: Sequence[str],
    statuses: list[ParagraphStatus],
    duplicate_of: list[int | None],
) -> None:
    """Keep short exact repeats that stand alone: a refrain or a repeated question is content."""
    for i, status in enumerate(statuses):
        if status is not ParagraphStatus.DUPLICATE:
            continue
        in_run = any(
            0 <= j < len(statuses)
            and statuses[j] is not ParagraphStatus.KEPT
            and statuses[j] is not ParagraphStatus.BOILERPLATE
            for j in (i - 1, i + 1)
        )
        if not in_run and len(keys[i]) < _MIN_ISOLATED_DUPLICATE_LENGTH:
            statuses[i], duplicate_of[i] = ParagraphStatus.KEPT, None
