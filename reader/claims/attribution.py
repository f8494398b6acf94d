"""Who a claim is credited to: the source next to "said", "according to", "told".

The source phrase (:mod:`reader.claims.source_phrase`) decides the kind: a named or specific
source ("LatePost indicates", "police said", "said Maria Lopez") makes an ``attribution`` flag;
an unnamed one ("officials said", "a source told Us Weekly", "according to a report") a
``vague_source`` flag. A pronoun ("he said") counts as the source already named; in an article,
:mod:`reader.claims.sources` gives it the kind of what it refers to. Every flag carries the span
of the words that name its source. "The report" is credited to the source the article named
before it, or flagged as never identified.
"""

from __future__ import annotations

import re

from reader.claims.lexicon import CueEntry, normalize_cue
from reader.claims.source_phrase import (
    classify,
    passive_before,
    phrase_after,
    phrase_before,
    phrase_subject,
)
from reader.model import Flag, FlagKind, SourceKind

_AFTER_CUES = frozenset(
    (
        "according to",
        "as reported by",
        "cited by",
        "quoted by",
        "in an interview with",
        "citing",
        "sources told",
    )
)
_REPORT_WORDS = r"report|study|article|analysis|survey|document|paper|story|publication"
REPORT_IN_CUE = re.compile(rf"^(?:the|this|that)\s+(?:{_REPORT_WORDS})\b", re.IGNORECASE)
_THE_REPORT = re.compile(
    rf"^(?:the|this|that|its)\s+(?:new\s+|latest\s+|same\s+)?(?:{_REPORT_WORDS})$", re.IGNORECASE
)
_CLOSES_QUOTE = re.compile(r"(?:[,.!?]?\s*[\"”’']|[,—–-])\s*$")
_PARTICIPLE_ENDINGS = ("ed", "said", "told", "thought", "known", "shown", "held", "seen")
_SPEECH_FOLLOWS = re.compile(
    r"\s*(?:[:\"“‘']|,?\s*(?:that|it|he|she|they|we|i|the|there|his|her|their|its|this|"
    r"a|an|no|not|all|only|[A-Z]))",
)
_TOLD = ("told", "tell")
_AND_BEFORE = re.compile(r"\b(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$", re.IGNORECASE)
_SPEECH_BEFORE_QUOTE = frozenset(("saying", "adding", "writing", "telling", "noting", "asking"))
WHY_VAGUE = "The source is not named: '{source}'."
_WHY_SOURCE_CHARS = 48


def shown(phrase: str) -> str:
    """A source phrase short enough for a one-line explanation."""
    phrase = " ".join(phrase.split())
    if len(phrase) <= _WHY_SOURCE_CHARS:
        return phrase
    return phrase[: _WHY_SOURCE_CHARS - 1].rstrip() + "…"


WHY_PRONOUN = "Credited to '{source}', the source named before it in the article."
_WHY_REPORT_NAMED = "Credited to {source}, named earlier in the article as the source."
_WHY_REPORT_UNNAMED = "The article never says whose report this is: '{source}'."


def explain(template: str, cue: str, source: str = "the source quoted") -> str:
    """Fill a group's explanation; unknown braces in a user's text are left as they are."""
    return template.replace("{cue}", cue).replace("{source}", source)


def attribution_flag(
    entry: CueEntry, start: int, end: int, sentence: str, named_source: str | None
) -> tuple[Flag | None, str]:
    """Resolve an attribution cue to its source; return the flag and a newly named source.

    ``named_source`` is the source the article named most recently (for "the report").
    """
    cue_words = normalize_cue(sentence[start:end])
    span: tuple[int, int] | None
    if cue_words.endswith(_PARTICIPLE_ENDINGS) and passive_before(sentence, start):
        return None, ""  # "was announced", "could not be agreed": no one is quoted
    if cue_words in _SPEECH_BEFORE_QUOTE and not _SPEECH_FOLLOWS.match(sentence, end):
        return None, ""  # "adding extra flair", "by saying its name"
    if cue_words in _AFTER_CUES:
        span = phrase_after(sentence, end)
    else:
        span = phrase_before(sentence, start)
        if span is None and _CLOSES_QUOTE.search(sentence, max(0, start - 6), start):
            # '"...," said Lopez': the speaker follows; 'Lopez, who ..., said': it heads.
            if cue_words not in _SPEECH_BEFORE_QUOTE and not cue_words.startswith(_TOLD):
                span = phrase_after(sentence, end, inverted=True)
            if span is None:
                span = phrase_subject(sentence, start, aside=cue_words not in _SPEECH_BEFORE_QUOTE)
        elif span is None and (
            cue_words in _SPEECH_BEFORE_QUOTE or _AND_BEFORE.search(sentence, 0, start)
        ):
            span = phrase_subject(sentence, start)  # "Cruz exhorted ... and said"
    if span is None:
        return None, ""
    return source_flag(entry, start, end, sentence, span, named_source)


def source_flag(
    entry: CueEntry,
    start: int,
    end: int,
    sentence: str,
    span: tuple[int, int],
    named_source: str | None,
) -> tuple[Flag, str]:
    """The flag for a cue whose source is the words at ``span``, and the source it names."""
    phrase = sentence[span[0] : span[1]]
    kind = classify(phrase, sentence_start=sentence[: span[0]].strip(" \"“‘'(") == "")
    cue_start, cue_end = min(start, span[0]), max(end, span[1])
    if span[0] < start and start - span[1] > 40:
        cue_start = start  # the speaker is far before the verb: mark the verb alone
    if span[1] > end and span[0] - end > 40:
        cue_end = end
    cue = sentence[cue_start:cue_end]
    if _THE_REPORT.match(phrase.strip()):
        if named_source:
            why = _WHY_REPORT_NAMED.format(source=named_source)
            return Flag(FlagKind.ATTRIBUTION, cue, cue_start, cue_end, why, *span), ""
        why = _WHY_REPORT_UNNAMED.format(source=shown(phrase))
        return Flag(FlagKind.VAGUE_SOURCE, cue, cue_start, cue_end, why, *span), ""
    if kind is SourceKind.VAGUE:
        why = WHY_VAGUE.format(source=shown(phrase))
        return Flag(FlagKind.VAGUE_SOURCE, cue, cue_start, cue_end, why, *span), ""
    if kind is None:
        why = WHY_PRONOUN.format(source=shown(phrase))
        return Flag(FlagKind.ATTRIBUTION, cue, cue_start, cue_end, why, *span), ""
    why = explain(entry.group.why, cue, shown(phrase))
    flag = Flag(FlagKind.ATTRIBUTION, cue, cue_start, cue_end, why, *span)
    return flag, phrase if phrase[:1].isupper() else ""


def report_flag(report: str, start: int, named: str | None) -> Flag:
    """For a hedge like "the report suggests": the report is credited to the source named
    before it, or flagged as never identified."""
    end = start + len(report)
    if named:
        why = _WHY_REPORT_NAMED.format(source=named)
        return Flag(FlagKind.ATTRIBUTION, report, start, end, why, start, end)
    why = _WHY_REPORT_UNNAMED.format(source=report)
    return Flag(FlagKind.VAGUE_SOURCE, report, start, end, why, start, end)
