"""Context rules: words that look like claim cues but, here, are not.

Each rule takes the sentence and the span of a matched cue and returns True when the match
should be dropped. A lexicon group names the rules for its cues (``rules`` in the TOML files);
:data:`RULE_NAMES` lists them. Rules look only a bounded distance around the cue, so a huge
sentence costs linear time.
"""

from __future__ import annotations

import re

from reader.cues import CueEntry

_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_NEXT_WORD = re.compile(r"(?:\s|,)*[\"“”']?\s*([\w'’]+)")
CONTEXT_REACH = 400
"""How far (in characters) context rules look around a cue; keeps huge sentences linear."""
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
    r"\s+(?:\d|as\b|more\b|times\b|years\b|months\b|days\b|hours\b|"
    r"of\s+(?:them|these|those|which|whom|it)\b)",
    re.IGNORECASE,
)
_NEGATION_AFTER = re.compile(r"\s+(?:by\s+)?(?:neither|no\s+one|nobody)\b", re.IGNORECASE)
_RULE_OUT_AFTER = re.compile(
    r"(?:n['’]t|\s+not)\s+(?:be\s+)?(?:ruled|rule|confirm|exclude)", re.IGNORECASE
)
_TO_AFTER = re.compile(r"\s*to\s")


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
    if not at_start(sentence, start):
        return word == "May"  # capitalised mid-sentence: the month, or a name
    # At the start of a sentence "May" is a modal only in a wish or a question ("May I").
    return not _WISH_AFTER.match(sentence, end)


def _conditional_fact(sentence: str, start: int, end: int) -> bool:
    """ "Water boils if it is heated": a condition stated as a rule, with no modal or future.

    An embedded question ("declined to say if") stays flagged: it marks an open question.
    """
    if _MODAL_ANYWHERE.search(sentence, max(0, start - CONTEXT_REACH), end + CONTEXT_REACH):
        return False
    return not _ASKING_BEFORE.search(sentence, max(0, start - 25), start)


def _in_quoted_title(sentence: str, start: int, end: int) -> bool:
    """A capitalised modal inside a title ("You May Be Right") or a quotation of one."""
    word = sentence[start:end]
    if not word[:1].isupper() or at_start(sentence, start):
        return False
    following = _NEXT_WORD.match(sentence, end)
    before = _WORD.findall(sentence, max(0, start - 30), start)
    next_capital = bool(following and following.group(1)[:1].isupper())
    prev_capital = bool(before and before[-1][:1].isupper())
    return next_capital or prev_capital or inside_quotes(sentence, start)


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


def rejected(entry: CueEntry, sentence: str, start: int, end: int) -> bool:
    """True when one of the entry's context rules says this match is not a cue."""
    for rule in entry.rules:
        check = _RULES.get(rule)
        if check is not None and check(sentence, start, end):
            return True
    return False


def at_start(sentence: str, position: int) -> bool:
    """True when only spaces, quotes or an opening bracket come before ``position``."""
    return position <= 8 and not sentence[:position].strip(" \"“‘'(")


def inside_quotes(sentence: str, position: int) -> bool:
    """True when an odd number of quotation marks open before ``position`` (nearby)."""
    floor = max(0, position - CONTEXT_REACH)
    straight = sentence.count('"', floor, position)
    opened = sentence.count("“", floor, position) - sentence.count("”", floor, position)
    return straight % 2 == 1 or opened > 0
