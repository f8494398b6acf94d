"""Flags on sentences: speculation, vague sourcing and attribution.

Three steps for each sentence:

1. The compiled lexicon (:mod:`reader.cues`) finds every cue in one regex pass.
2. Context rules reject matches that only look like cues: "May" the month, "may" inside a
   quoted title, "could not find" (past ability), "no doubt", "as expected", "would not
   comment", a "confirmed" that nothing negates.
3. Cues of *weighted* groups (the ambiguous single words: modals, hedges, beliefs, plans,
   conditions) are kept only when their learned score in context passes a threshold. The score
   is a sum of weights for the cue, its group and a few context features (``claim_weights.toml``,
   trained on annotated sentences); it decides *whether* a cue counts, never what it means.

Attribution verbs ("said", "according to") are resolved to their source: a named one gives an
``attribution`` flag, an unnamed one ("officials said") a ``vague_source`` flag. Across a
document, "the report" is credited to the source named before it, or flagged as unidentified.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.cues import CueEntry, Lexicon, current_lexicon, lower, normalize_cue
from reader.model import Flag, FlagKind

__all__ = ["Candidate", "candidates", "flag_sentence", "flag_sentences"]

_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_NEXT_WORD = re.compile(r"(?:\s|,)*[\"“”']?\s*([\w'’]+)")
_LAST_WORDS = re.compile(r"((?:[\w'’.&-]+\W+){0,6})$")
_CONTEXT_REACH = 400
"""How far (in characters) context rules look around a cue; keeps huge sentences linear."""
_NEGATIONS = frozenset(
    "not n't never no neither nor without hardly nobody none cannot can't don't doesn't "
    "didn't isn't aren't wasn't weren't hasn't haven't won't wouldn't couldn't".split()
)
_TIME_WORDS = frozenset(
    "now today tonight tomorrow yesterday monday tuesday wednesday thursday friday saturday "
    "sunday january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec recently then later soon "
    "early late mid next last this week weeks month months year years".split()
)
_BE = frozenset("be is are was were been being am 's".split())
_DETERMINERS = frozenset("the a an this that these those its his her their our my your".split())
_QUOTES = ('"', "“", "”")

_MODAL_ANYWHERE = re.compile(
    r"\b(?:will|would|could|may|might|should|can|cannot|shall|must|wo|going\s+to)\b|n['’]t\b"
    r"|['’]ll\b|['’]d\b",
    re.IGNORECASE,
)
_ASKING_BEFORE = re.compile(
    r"\b(?:say|said|says|know|knows|known|ask|asked|asks|wonder|wondered|see|clear|unclear|"
    r"determine|decide|decided|sure|certain|question|tell|check|whether|even)\s+$",
    re.IGNORECASE,
)
_WISH_AFTER = re.compile(
    r"\s+(?:i|we|you|he|she|it|they|the|this|that|god|his|her|their|our|your|all)\b", re.I
)
_MONTH_CONTEXT = re.compile(r"\s*(?:\d|,\s*\d|of\b|\d{4})")
_MONTH_BEFORE = re.compile(
    r"(?:\b(?:in|on|of|since|until|till|by|from|to|through|early|late|mid|last|next|this|"
    r"during|before|after)\s*-?\s*|\d{1,2}\s+)$",
    re.IGNORECASE,
)
_ABILITY_AFTER = re.compile(
    r"(?:n['’]t|\s+not|\s+never|\s+barely|\s+hardly|\s+only)?\s+(?:be\s+)?"
    r"(?:find|found|see|seen|hear|heard|feel|felt|get|reach|reached|locate|located|explain|"
    r"identify|identified|understand|sleep|stop|afford|remember|recall|believe|move|breathe|"
    r"walk|speak|tell|say|sit|stand|wait|escape|help|do|make|leave|enter|access|open|read|"
    r"return|contain|hide|resist|imagine|attend|come|go|use|comment)\b",
    re.IGNORECASE,
)
_NEGATED_AFTER = re.compile(r"(?:n['’]t|\s+not|\s+never)\b", re.IGNORECASE)
_HABIT_OR_REFUSAL = re.compile(
    r"(?:-be\b|\s+(?:often|usually|always|sometimes|regularly|frequently|typically|later)\b|"
    r"(?:n['’]t|\s+not)\s+(?:comment|say|elaborate|identify|disclose|divulge|specify|discuss|"
    r"reveal|name|confirm|answer|give|provide|release|respond|speculate)\b)",
    re.IGNORECASE,
)
_SCHEDULED_BEFORE = re.compile(
    r"(?:\b(?:as|than|had\s+been|have\s+been|has\s+been|was|were|long|widely|been)\s+|"
    r"\b(?:the|an?|its|their|his|her)\s+)$",
    re.IGNORECASE,
)
_SCHEDULED_AFTER = re.compile(
    r"\s+(?:on|at|by|around|before|after|until|later|early|next|this|tomorrow|tonight|today)\b"
    r"|\s*[.,;:)]|\s*$",
    re.IGNORECASE,
)
_DOUBT_NEGATED = re.compile(
    r"\b(?:no|without|little|beyond|not\s+in|never\s+in|no\s+longer\s+in)\s+(?:a\s+)?$",
    re.IGNORECASE,
)
_NEGATION_BEFORE = re.compile(
    r"\b(?:not|never|neither|nor|no|nobody|none|yet\s+to|n['’]t)\b[^.;]{0,40}$", re.IGNORECASE
)
_QUANTITY_BEFORE = re.compile(r"\b(?:as|how|so|too|the|at|very|not)\s+$", re.IGNORECASE)
_QUANTITY_AFTER = re.compile(
    r"\s+(?:\d|as\b|more\b|times\b|years\b|months\b|days\b|hours\b|of\s+(?:them|these|those|which|whom|it)\b)",
    re.IGNORECASE,
)
_NEGATION_WORD = re.compile(r"\b(?:not|never|neither|no|nobody|none)\b(?=[^.;,]*$)", re.I)
_NEGATION_AFTER = re.compile(r"\s+(?:by\s+)?(?:neither|no\s+one|nobody)\b", re.IGNORECASE)

# Sources next to attribution verbs.
_NAME_WORD = r"[A-Z][\w'’.&-]*"
_NAME_JOINER = r"(?:of|de|da|do|dos|der|van|von|al|la|le|del|and|&|the)"
_NAME_BEFORE = re.compile(
    rf"((?:{_NAME_WORD})(?:\s+(?:{_NAME_JOINER}\s+)?{_NAME_WORD})*)['’]?s?\s*$",
)
# A name after the verb may follow a few words of role ("said technology analyst Bill Thompson").
_NAME_AFTER = re.compile(
    rf"\s*(?:the\s+)?(?:[a-z][\w'’-]*\s+){{0,3}}?"
    rf"((?:{_NAME_WORD})(?:\s+(?:{_NAME_JOINER}\s+)?{_NAME_WORD})*)",
)
# A name heading the sentence, maybe after a few words of role ("Labour peer Baroness Kennedy,").
_LEADING_NAME = re.compile(
    rf"^\W*(?:[\w'’-]+\s+){{0,3}}?((?:{_NAME_WORD})(?:\s+(?:{_NAME_JOINER}\s+)?{_NAME_WORD})*)"
    r"\s*,",
)
_PRONOUN_BEFORE = re.compile(r"\b(he|she|they|it|we|i)\s+(?:has\s+|have\s+|had\s+)?$", re.I)
_REPORT_WORDS = r"report|study|article|analysis|survey|document|paper|story|publication"
_REPORT_BEFORE = re.compile(
    rf"\b((?:the|this|that|that|its)\s+(?:new\s+|latest\s+|same\s+)?(?:{_REPORT_WORDS}))\s+"
    r"(?:has\s+|had\s+|also\s+)?$",
    re.IGNORECASE,
)
_REPORT_AFTER = re.compile(
    rf"\s+((?:the|this|that|its)\s+(?:new\s+|latest\s+|same\s+)?(?:{_REPORT_WORDS}))\b",
    re.IGNORECASE,
)
_REPORT_IN_CUE = re.compile(rf"^(?:the|this|that)\s+(?:{_REPORT_WORDS})\b", re.IGNORECASE)
_VAGUE_NOUNS = (
    r"sources?|officials?|analysts?|experts?|observers?|critics|people|insiders?|residents|"
    r"witnesses|diplomats|executives|observers|commentators|economists|investors|traders|"
    r"reports|media|spokesm[ae]n|spokespeople|aides|advisers|advisors|researchers|scientists|"
    r"scholars|historians|officers|authorities|others|some|many|most"
)
_VAGUE_BEFORE = re.compile(
    rf"\b((?:(?:some|many|most|several|other|one|two|three|senior|local|government|"
    r"administration|industry|company|bank|party|western|u\.s\.|foreign|unnamed|anonymous|"
    rf"a\s+few|the)\s+)*(?:{_VAGUE_NOUNS}))\s*$",
    re.IGNORECASE,
)
_SPOKESPERSON = re.compile(r"spokes(?:m[ae]n|woman|women|person|people)\b", re.IGNORECASE)
_NAME_RIGHT_AFTER = re.compile(rf"\s+((?:{_NAME_WORD})(?:\s+(?:{_NAME_JOINER}\s+)?{_NAME_WORD})*)")
_RULE_OUT_AFTER = re.compile(
    r"(?:n['’]t|\s+not)\s+(?:be\s+)?(?:ruled|rule|confirm|exclude)", re.IGNORECASE
)
_TO_AFTER = re.compile(r"\s*to\s")
_PREVIOUS_WORD = re.compile(r"([\w'’.&-]+)\s+$")
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)\]\"“”']|$)")
_VAGUE_AFTER = re.compile(
    rf"\s+((?:(?:some|many|most|several|other|senior|local|government|industry|unnamed|"
    rf"anonymous|political|campaign|the|a\s+few)\s+)*(?:{_VAGUE_NOUNS}))\b",
    re.IGNORECASE,
)
_INSTITUTION_BEFORE = re.compile(
    r"\b((?:the|its|his|her|their)\s+(?:[a-z]+\s+){0,2}?(?:company|firm|group|ministry|"
    r"government|police|agency|department|bank|court|council|union|spokesman|spokeswoman|"
    r"spokesperson|statement|board|administration|carmaker|maker|operator|publication|"
    r"newspaper|network|paper|daily|outlet|website|magazine|broadcaster|minister|president|"
    r"chairman|executive|regulator|authority|office|team|club|party|campaign|military|army|"
    r"embassy|prosecutor|prosecutors|lawyer|lawyers|official|source|author|researchers|"
    r"scientists))\s+(?:has\s+|have\s+|had\s+|also\s+)?$",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset(
    "The A An This That These Those It He She They We I But And However Still Also In On At "
    "For With While When If As So Yet Meanwhile Instead Earlier Later Last Next".split()
)

_WHY_REPORT_NAMED = "Credited to {report}, which the article attributes to {source} earlier."
_WHY_REPORT_UNNAMED = "“{report}” is never identified in the article, so it cannot be traced."
_WHY_VAGUE_SPEAKER = "“{cue}” does not say who the source is, so the claim cannot be checked."


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


def flag_sentences(sentences: Sequence[str]) -> list[list[Flag]]:
    """Flags for each sentence of one document, in order, using the document as context.

    The context is the source named most recently before a sentence: "the report" in a
    later sentence is credited to it instead of being flagged as unidentified.
    """
    lexicon = current_lexicon()
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
    lexicon = lexicon or current_lexicon()
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
            if entry.rules and _rejected(entry, sentence, start, end):
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
        if group.kind is FlagKind.ATTRIBUTION and not group.user:
            flag, source = _attribution(cand, sentence, named_source or named or None)
            if flag is not None:
                flags.append(flag)
            if source:
                named = source
            continue
        if group.kind is FlagKind.VAGUE_SOURCE and _inside_a_name(sentence, cand.start):
            continue  # "Continental Research shows": part of a name, not "research shows"
        start = cand.start
        if "needs_negation" in cand.entry.rules:
            start = _negation_start(sentence, start)
            cue = sentence[start : cand.end]
        flags.append(Flag(group.kind, cue, start, cand.end, _explain(group.why, cue)))
        report = _REPORT_IN_CUE.match(cue)
        if report and group.kind is FlagKind.SPECULATION:
            extra = _report_flag(report.group(), cand.start, named_source or named or None)
            if extra is not None:
                flags.append(extra)
    return _dedupe(flags), named


def _negation_start(sentence: str, start: int) -> int:
    """Where the word that negates a cue begins ("Neither company has confirmed"), if close."""
    window_start = max(0, start - 30)
    found = _NEGATION_WORD.search(sentence, window_start, start)
    return found.start() if found else start


def _inside_a_name(sentence: str, start: int) -> bool:
    """True when a capitalised cue follows a capitalised word: it continues a name."""
    if not sentence[start : start + 1].isupper():
        return False
    previous = _PREVIOUS_WORD.search(sentence, max(0, start - 60), start)
    return bool(previous and previous.group(1)[:1].isupper() and previous.start(1) > 0)


def _explain(template: str, cue: str, source: str = "the source quoted") -> str:
    """Fill a group's explanation; unknown braces in a user's text are left as they are."""
    return template.replace("{cue}", cue).replace("{source}", source)


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


# Context rules -------------------------------------------------------------------------------


def _rejected(entry: CueEntry, sentence: str, start: int, end: int) -> bool:
    """True when one of the entry's context rules says this match is not a cue."""
    for rule in entry.rules:
        check = _RULES.get(rule)
        if check is not None and check(sentence, start, end):
            return True
    return False


def _is_month_may(sentence: str, start: int, end: int) -> bool:
    """ "May" the month: capitalised mid-sentence, or followed by a date, or after "in"."""
    word = sentence[start:end]
    if not word[:1].isupper():
        return False
    if word == "MAY" and not sentence.isupper():
        return True
    if _MONTH_CONTEXT.match(sentence, end) or _MONTH_BEFORE.search(
        sentence, max(0, start - 30), start
    ):
        return True
    if not _at_start(sentence, start):
        return word == "May"  # capitalised mid-sentence: the month, or a name
    # At the start of a sentence "May" is a modal only in a wish or a question ("May I").
    return not _WISH_AFTER.match(sentence, end)


def _conditional_fact(sentence: str, start: int, end: int) -> bool:
    """ "Water boils if it is heated": a condition stated as a rule, with no modal or future.

    An embedded question ("declined to say if") stays flagged: it marks an open question.
    """
    if _MODAL_ANYWHERE.search(sentence, max(0, start - _CONTEXT_REACH), end + _CONTEXT_REACH):
        return False
    return not _ASKING_BEFORE.search(sentence, max(0, start - 25), start)


def _in_quoted_title(sentence: str, start: int, end: int) -> bool:
    """A capitalised modal inside a title ("You May Be Right") or a quotation of one."""
    word = sentence[start:end]
    if not word[:1].isupper() or _at_start(sentence, start):
        return False
    following = _NEXT_WORD.match(sentence, end)
    before = _WORD.findall(sentence, max(0, start - 30), start)
    next_capital = bool(following and following.group(1)[:1].isupper())
    prev_capital = bool(before and before[-1][:1].isupper())
    return next_capital or prev_capital or _inside_quotes(sentence, start)


def _past_ability(sentence: str, start: int, end: int) -> bool:
    """ "could not find", "could see": what someone was (not) able to do, a past fact."""
    if _RULE_OUT_AFTER.match(sentence, end):
        return False
    return bool(_ABILITY_AFTER.match(sentence, end))


def _habitual_or_refusal(sentence: str, start: int, end: int) -> bool:
    """ "would often go" (a past habit), "would-be", "would not comment" (a refusal)."""
    return bool(_HABIT_OR_REFUSAL.match(sentence, end))


def _scheduled(sentence: str, start: int, end: int) -> bool:
    """ "as expected", "than expected", "the expected gain", "is expected on Monday"."""
    if _SCHEDULED_BEFORE.search(sentence, max(0, start - 20), start) and not _TO_AFTER.match(
        sentence, end
    ):
        return True
    return bool(_SCHEDULED_AFTER.match(sentence, end)) and not _TO_AFTER.match(sentence, end)


def _needs_negation(sentence: str, start: int, end: int) -> bool:
    """ "has confirmed" is a fact unless something negates it ("neither ... has confirmed")."""
    window = sentence[max(0, start - 60) : start]
    negated = bool(_NEGATION_BEFORE.search(window)) or bool(_NEGATION_AFTER.match(sentence, end))
    return not negated


def _negated_doubt(sentence: str, start: int, end: int) -> bool:
    """ "no doubt", "without doubt", "beyond doubt": certainty, not doubt."""
    return bool(_DOUBT_NEGATED.search(sentence, max(0, start - 25), start))


def _plain_quantity(sentence: str, start: int, end: int) -> bool:
    """ "as many as twelve", "how many", "the most", "some 200 years": a number, not a source."""
    return bool(_QUANTITY_BEFORE.search(sentence, max(0, start - 8), start)) or bool(
        _QUANTITY_AFTER.match(sentence, end)
    )


_RULES = {
    "month_may": _is_month_may,
    "quoted_title": _in_quoted_title,
    "past_ability": _past_ability,
    "habitual_or_refusal": _habitual_or_refusal,
    "scheduled": _scheduled,
    "needs_negation": _needs_negation,
    "negated_doubt": _negated_doubt,
    "conditional_fact": _conditional_fact,
    "plain_quantity": _plain_quantity,
}
RULE_NAMES = tuple(sorted(_RULES))
"""The context rules a lexicon may name in a group's ``rules`` table."""


def _at_start(sentence: str, position: int) -> bool:
    """True when only spaces, quotes or an opening bracket come before ``position``."""
    return position <= 8 and not sentence[:position].strip(" \"“‘'(")


def _inside_quotes(sentence: str, position: int) -> bool:
    """True when an odd number of quotation marks open before ``position`` (nearby)."""
    floor = max(0, position - _CONTEXT_REACH)
    straight = sentence.count('"', floor, position)
    opened = sentence.count("“", floor, position) - sentence.count("”", floor, position)
    return straight % 2 == 1 or opened > 0


# Features for the learned weighting ----------------------------------------------------------


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
    if _inside_quotes(sentence, start):
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


# Attribution ---------------------------------------------------------------------------------


def _attribution(
    cand: Candidate, sentence: str, named_source: str | None
) -> tuple[Flag | None, str]:
    """Resolve an attribution cue to its source; return the flag and a newly named source."""
    start, end = cand.start, cand.end
    cue_words = normalize_cue(sentence[start:end])
    group = cand.entry.group
    if cue_words in ("according to", "as reported by", "cited by", "quoted by") or (
        cue_words == "in an interview with"
    ):
        return _source_after(cand, sentence, named_source)

    before = sentence[max(0, start - 120) : start]
    report = _REPORT_BEFORE.search(before)
    if report:
        report_start = start - len(before) + report.start(1)
        return _report_attribution(
            report.group(1), report_start, start, end, sentence, named_source
        )
    vague = _VAGUE_BEFORE.search(before)
    if vague and _SPOKESPERSON.search(vague.group(1)):
        owner = _NAME_BEFORE.search(before[: vague.start(1)])
        if owner and owner.group(1) not in _NOT_NAMES:
            source = f"{_trim_name(owner.group(1))} {vague.group(1).split()[-1]}"
            cue = sentence[start:end]
            return Flag(FlagKind.ATTRIBUTION, cue, start, end, _explain(group.why, cue, source)), ""
    if vague:
        vague_start = start - len(before) + vague.start(1)
        cue = sentence[vague_start:end]
        return Flag(
            FlagKind.VAGUE_SOURCE, cue, vague_start, end, _WHY_VAGUE_SPEAKER.format(cue=cue)
        ), ""
    name = _NAME_BEFORE.search(before)
    if name and name.group(1) not in _NOT_NAMES and before.endswith((" ", "’s ", "'s ")):
        source = _trim_name(name.group(1))
        if source:
            source_start = start - len(before) + name.start(1) + name.group(1).find(source)
            cue = sentence[source_start:end]
            return Flag(
                FlagKind.ATTRIBUTION,
                cue,
                source_start,
                end,
                _explain(group.why, cue, source),
            ), source
    institution = _INSTITUTION_BEFORE.search(before)
    if institution:
        cue = sentence[start:end]
        return Flag(
            FlagKind.ATTRIBUTION,
            cue,
            start,
            end,
            _explain(group.why, cue, institution.group(1).lower()),
        ), ""
    if _PRONOUN_BEFORE.search(before):
        cue = sentence[start:end]
        source = "the person quoted"
        return Flag(FlagKind.ATTRIBUTION, cue, start, end, _explain(group.why, cue, source)), ""
    head = sentence[:start].rstrip() if start < _CONTEXT_REACH else ""
    lead = _LEADING_NAME.match(head)
    # "Name, who ..., said": the name's comma opens an aside that closes before the verb.
    if lead and head.endswith(",") and lead.end() < len(head) and lead.group(1) not in _NOT_NAMES:
        source = _trim_name(lead.group(1))
        if source:
            cue = sentence[start:end]
            return Flag(
                FlagKind.ATTRIBUTION, cue, start, end, _explain(group.why, cue, source)
            ), source
    if before.rstrip().endswith((",", '"', "”", "'", "’")):
        return _source_after(cand, sentence, named_source)
    return None, ""


def _source_after(
    cand: Candidate, sentence: str, named_source: str | None
) -> tuple[Flag | None, str]:
    """The source named right after the cue ("according to Reuters", "said Mr. Smith")."""
    start, end = cand.start, cand.end
    group = cand.entry.group
    report = _REPORT_AFTER.match(sentence, end)
    if report:
        return _report_attribution(
            report.group(1), start, start, report.end(1), sentence, named_source
        )
    vague = _VAGUE_AFTER.match(sentence, end)
    owner = _NAME_RIGHT_AFTER.match(sentence, vague.end(1)) if vague else None
    if vague and owner and owner.group(1) not in _NOT_NAMES:
        source = _trim_name(owner.group(1))  # "say analysts Jupiter Research"
        cue_end = owner.start(1) + owner.group(1).find(source) + len(source)
        cue = sentence[start:cue_end]
        return Flag(
            FlagKind.ATTRIBUTION, cue, start, cue_end, _explain(group.why, cue, source)
        ), source
    if vague and _CLAUSE_END.match(sentence, vague.end(1)):
        cue = sentence[start : vague.end(1)]
        return Flag(
            FlagKind.VAGUE_SOURCE, cue, start, vague.end(1), _WHY_VAGUE_SPEAKER.format(cue=cue)
        ), ""
    name = _NAME_AFTER.match(sentence, end)
    if name and name.group(1) not in _NOT_NAMES:
        source = _trim_name(name.group(1))
        if source:
            cue_end = name.start(1) + name.group(1).find(source) + len(source)
            cue = sentence[start:cue_end]
            return Flag(
                FlagKind.ATTRIBUTION, cue, start, cue_end, _explain(group.why, cue, source)
            ), source
    following = _NEXT_WORD.match(sentence, end)
    if following and following.group(1).lower() in ("the", "a", "an", "its", "his", "her"):
        words = _WORD.findall(sentence, end, min(len(sentence), end + 60))[:4]
        source = " ".join(words[:2]) if len(words) >= 2 else ""
        if source:
            cue = sentence[start:end]
            return Flag(FlagKind.ATTRIBUTION, cue, start, end, _explain(group.why, cue, source)), ""
    return None, ""


def _report_attribution(
    report: str, report_start: int, start: int, end: int, sentence: str, named: str | None
) -> tuple[Flag | None, str]:
    """ "the report indicates": credited to the source named earlier, else unidentified."""
    cue = sentence[min(report_start, start) : end]
    cue_start = min(report_start, start)
    if named:
        why = _WHY_REPORT_NAMED.format(report=report.lower(), source=named)
        return Flag(FlagKind.ATTRIBUTION, cue, cue_start, end, why), ""
    why = _WHY_REPORT_UNNAMED.format(report=report.lower())
    return Flag(FlagKind.VAGUE_SOURCE, cue, cue_start, end, why), ""


def _report_flag(report: str, start: int, named: str | None) -> Flag | None:
    """For a hedge like "the report suggests": flag the report itself when never named."""
    if named:
        return None
    why = _WHY_REPORT_UNNAMED.format(report=report.lower())
    return Flag(FlagKind.VAGUE_SOURCE, report, start, start + len(report), why)


def _trim_name(name: str) -> str:
    """Drop leading sentence words and trailing joiners from a capitalised run of words."""
    words = name.split()
    while words and words[0] in _NOT_NAMES:
        words.pop(0)
    while words and not words[-1][:1].isupper():
        words.pop()
    return " ".join(words).rstrip(".,")
