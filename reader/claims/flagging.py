"""Flags on sentences: speculation, vague sourcing and attribution.

Three steps for each sentence:

1. The compiled lexicon (:mod:`reader.claims.lexicon`) finds every cue in one regex pass.
2. Context rules (:mod:`reader.claims.rules`) reject matches that only look like cues: "May" the
   month, "may" inside a quoted title, "could not find" (past ability), "no doubt", "as
   expected", "would not comment", a "confirmed" that nothing negates.
3. Cues of *weighted* groups (the ambiguous single words: modals, hedges, beliefs, plans,
   conditions) are kept only when their learned score in context passes a threshold. The score
   is a sum of weights for the cue, its group and a few context features (``claim_weights.toml``,
   trained on annotated sentences); it decides *whether* a cue counts, never what it means.

Attribution verbs ("said", "according to") are resolved to their source
(:mod:`reader.claims.attribution`): a named one gives an ``attribution`` flag, an unnamed one
("officials said") a ``vague_source`` flag. Across a document, "the report" is credited to the
source named before it, or flagged as unidentified.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.claims.attribution import (
    REPORT_IN_CUE,
    WHY_VAGUE,
    attribution_flag,
    explain,
    report_flag,
)
from reader.claims.lexicon import CueEntry, Lexicon, builtin_lexicon, lower
from reader.claims.rules import RULE_NAMES, at_start, inside_quotes, rejected, widen
from reader.claims.source_phrase import phrase_before
from reader.model import Flag, FlagKind
from reader.text.words import MONTHS, WEEKDAYS
from reader.text.words import NEXT_WORD as _NEXT_WORD
from reader.text.words import WORD as _WORD

__all__ = ["RULE_NAMES", "Candidate", "candidates", "flag_sentence", "flag_sentences"]

_NEGATIONS = frozenset(
    "not n't never no neither nor without hardly nobody none cannot can't don't doesn't "
    "didn't isn't aren't wasn't weren't hasn't haven't won't wouldn't couldn't".split()
)
_TIME_WORDS = (
    frozenset(
        "now today tonight tomorrow yesterday recently then later soon "
        "early late mid next last this week weeks month months year years".split()
    )
    | WEEKDAYS
    | MONTHS
)
_BE = frozenset("be is are was were been being am 's remain remains remained".split())
_DETERMINERS = frozenset("the a an this that these those its his her their our my your".split())
_PREVIOUS_WORD = re.compile(r"([\w'’.&-]+)\s+$")
_QUESTION_WORDS = frozenset(("if", "whether"))
# Between a cue and the "if"/"whether" that opens its question: a few words, no clause break.
_QUESTION_GAP = re.compile(r"^[\s,]*(?:[\w'’-]+[\s,]+){0,3}$")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A cue found in a sentence, before weighting: where, which entry, its context features."""

    entry: CueEntry
    start: int
    end: int
    features: tuple[str, ...]
    """Context features (empty for groups that are not weighted)."""

    def score(self, lexicon: Lexicon) -> float:
        """The learned score of this match: the sum of the weights of its features."""
        weights = lexicon.weights
        return sum(weights.get(f, 0.0) for f in self.features)


def flag_sentence(sentence: str) -> list[Flag]:
    """The flags raised on one sentence; offsets are into ``sentence``."""
    return flag_sentences([sentence])[0]


def flag_sentences(sentences: Sequence[str], lexicon: Lexicon | None = None) -> list[list[Flag]]:
    """Flags for each sentence of one document, in order, using the document as context.

    The context is the source named most recently before a sentence: "the report" in a
    later sentence is credited to it instead of being flagged as unidentified. ``lexicon``
    defaults to the built-in one (:func:`reader.claims.lexicon.builtin_lexicon`).
    """
    lexicon = lexicon or builtin_lexicon()
    named_source: str | None = None
    result: list[list[Flag]] = []
    for sentence in sentences:
        flags, named = _flag(sentence, lexicon, named_source)
        if named:
            named_source = named
        result.append(flags)
    return result


def candidates(sentence: str, lexicon: Lexicon | None = None) -> list[Candidate]:
    """Every cue match in ``sentence`` that survives the context rules, with its features.

    This is the input of the learned weighting (see ``tests/eval/train_speculation.py``).
    """
    lexicon = lexicon or builtin_lexicon()
    matches = [
        (match.start(), match.end(), lexicon.lookup(match.group()))
        for match in lexicon.finditer(lower(sentence))
    ]
    # Clause markers for the features, from the same pass: the first reporting verb and the
    # first condition word of the sentence.
    speech = condition = len(sentence)
    for start, _, entries in matches:
        for entry in entries:
            if entry.group.kind is FlagKind.ATTRIBUTION and start < speech:
                speech = start
            elif entry.group.name == "conditions" and start < condition:
                condition = start
    found: list[Candidate] = []
    for start, end, entries in matches:
        for entry in entries:
            if entry.rules and rejected(entry, sentence, start, end):
                continue
            features: tuple[str, ...] = ()
            if entry.group.weighted:
                features = _features(entry, sentence, start, end, (speech, condition))
            found.append(Candidate(entry, start, end, features))
    return found


def _flag(sentence: str, lexicon: Lexicon, named_source: str | None) -> tuple[list[Flag], str]:
    """Flags for one sentence and the last source it names (or "")."""
    flags: list[Flag] = []
    named = ""
    for cand in candidates(sentence, lexicon):
        group = cand.entry.group
        if (
            group.weighted
            and lexicon.weights
            and cand.score(lexicon) <= lexicon.thresholds.get(group.kind, 0.0)
        ):
            continue
        cue = sentence[cand.start : cand.end]
        if group.kind is FlagKind.ATTRIBUTION:
            if _capitalised_mid_sentence(sentence, cand.start):
                continue  # "the League of Arab States": part of a name, not a verb
            flag, source = attribution_flag(
                cand.entry, cand.start, cand.end, sentence, named_source or named or None
            )
            if flag is not None:
                flags.append(flag)
            elif group.user:  # the user's own attribution cue counts even without a speaker
                flags.append(Flag(group.kind, cue, cand.start, cand.end, explain(group.why, cue)))
            if source:
                named = source
            continue
        if group.kind is FlagKind.VAGUE_SOURCE and _inside_a_name(sentence, cand.start):
            continue  # "Continental Research shows": part of a name, not "research shows"
        start, end = widen(cand.entry, sentence, cand.start, cand.end)
        cue = sentence[start:end]
        if group.kind is FlagKind.VAGUE_SOURCE:
            source_start, source_end = _vague_source_span(sentence, cand.start, cand.end)
            why = explain(group.why, cue)
            if not group.user:
                why = WHY_VAGUE.format(source=sentence[source_start:source_end])
            flags.append(Flag(group.kind, cue, start, end, why, source_start, source_end))
            continue
        flags.append(Flag(group.kind, cue, start, end, explain(group.why, cue)))
        report = REPORT_IN_CUE.match(cue)
        if report and group.kind is FlagKind.SPECULATION:
            flags.append(report_flag(report.group(), cand.start, named_source or named or None))
    return _dedupe(_drop_question_openers(flags, sentence)), named


_VAGUE_CUE_EDGES = re.compile(
    r"(?:according\s+to\s+|by\s+)?(?P<source>.*?)"
    r"(?:\s+(?:said|say|says|told|tell|tells|reported|reports|report|suggest|suggests|show|"
    r"shows|have\s+shown|has\s+shown|indicate|indicates))?",
    re.IGNORECASE | re.DOTALL,
)


def _vague_source_span(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The words of a vague cue that name its source: "according to sources said" less the
    preposition and the verb ("sources")."""
    match = _VAGUE_CUE_EDGES.fullmatch(sentence, start, end)
    if not match or not match.group("source").strip():
        return start, end
    source = match.start("source"), match.end("source")
    if match.end("source") < end:  # "sources said": the whole subject ("multiple sources")
        subject = phrase_before(sentence, match.end("source") + 1)
        if subject and subject[0] <= source[0] and subject[1] >= source[1] - 1:
            return subject
    return source


def _capitalised_mid_sentence(sentence: str, start: int) -> bool:
    """True for a capitalised word that does not open the sentence (in text not all capitals)."""
    return (
        sentence[start : start + 1].isupper()
        and not at_start(sentence, start)
        and not sentence.isupper()
    )


def _drop_question_openers(flags: list[Flag], sentence: str) -> list[Flag]:
    """Drop an "if"/"whether" that opens the question of a speculation cue just before it.

    In "it is not yet clear whether ..." the open question is already flagged; "whether" only
    introduces what is unclear, so a second flag would say the same thing twice.
    """
    if len(flags) < 2:
        return flags
    ends = [f.end for f in flags if f.kind is FlagKind.SPECULATION]
    kept = []
    for flag in flags:
        if (
            flag.kind is FlagKind.SPECULATION
            and flag.cue.lower() in _QUESTION_WORDS
            and any(
                end <= flag.start and _QUESTION_GAP.match(sentence[end : flag.start])
                for end in ends
            )
        ):
            continue
        kept.append(flag)
    return kept


def _inside_a_name(sentence: str, start: int) -> bool:
    """True when a capitalised cue follows a capitalised word: it continues a name."""
    if not sentence[start : start + 1].isupper():
        return False
    previous = _PREVIOUS_WORD.search(sentence, max(0, start - 60), start)
    return bool(previous and previous.group(1)[:1].isupper() and previous.start(1) > 0)


def _dedupe(flags: list[Flag]) -> list[Flag]:
    """Drop a flag whose words lie inside another flag of the same kind."""
    if len(flags) < 2:
        return flags
    kept: list[Flag] = []
    reach: dict[FlagKind, int] = {}  # the furthest end of a kept flag, by kind
    for flag in sorted(flags, key=lambda f: (f.start, -(f.end - f.start))):
        if reach.get(flag.kind, -1) >= flag.end:
            continue  # an earlier flag of this kind starts no later and ends no sooner
        kept.append(flag)
        reach[flag.kind] = max(reach.get(flag.kind, -1), flag.end)
    return kept


def _features(
    entry: CueEntry, sentence: str, start: int, end: int, clauses: tuple[int, int]
) -> tuple[str, ...]:
    """The cue, its group, and a few facts about its context, as feature names."""
    context: list[str] = []
    following = _NEXT_WORD.match(sentence, end)
    next_word = following.group(1).lower() if following else ""
    before = _WORD.findall(sentence, max(0, start - 40), start)
    prev_word = before[-1].lower() if before else ""
    if not before:
        context.append("initial")
    if next_word in _NEGATIONS or next_word.startswith("n't") or next_word == "t":
        context.append("neg_after")
    if any(w.lower() in _NEGATIONS or w.lower().endswith("n't") for w in before[-3:]):
        context.append("neg_before")
    if next_word == "to":
        context.append("next_to")
    elif next_word in _BE or next_word in ("have", "been"):
        context.append("next_be")
    elif next_word == "that":
        context.append("next_that")
    elif next_word in _TIME_WORDS or next_word[:1].isdigit():
        context.append("next_time")
    elif not next_word:
        context.append("last")
    if prev_word in ("as", "than"):
        context.append("prev_as_than")
    elif prev_word in _BE:
        context.append("prev_be")
    elif prev_word in _DETERMINERS:
        context.append("prev_det")
    elif prev_word in ("i", "we", "you"):
        context.append("prev_person")
    if clauses[0] < start:
        context.append("reported")
    if clauses[1] < start:
        context.append("condition")
    if inside_quotes(sentence, start):
        context.append("quoted")
    if sentence[start:end][:1].isupper() and before:
        context.append("capital")
    key = entry.name
    group = entry.group.name
    features = [f"c:{key}", f"g:{group}"]
    for name in context:
        features.append(f"g:{group}|{name}")
        features.append(f"c:{key}|{name}")
    features.append(f"c:{key}|n={next_word}")
    features.append(f"c:{key}|p={prev_word}")
    return tuple(features)
