"""Context rules: words that look like claim cues but, here, are not.

Each rule takes the sentence and the span of a matched cue and returns True when the match
should be dropped. A lexicon group names the rules for its cues (``rules`` in the TOML files);
:data:`RULE_NAMES` lists them. Rules look only a bounded distance around the cue, so a huge
sentence costs linear time.
"""

from __future__ import annotations

import re

from reader.claims.lexicon import CueEntry
from reader.text.words import NEXT_WORD as _NEXT_WORD
from reader.text.words import WORD as _WORD

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
_PERCEPTION_AFTER = re.compile(
    r"(?:\s+(?:only|barely|hardly|just|still|clearly))?\s+"
    r"(?:see|seen|hear|heard|feel|felt|smell|sense|tell|remember|recall)\b",
    re.IGNORECASE,
)
# A negated "could" is past inability whatever the verb ("could not reach", "couldn't go").
_ABILITY_AFTER = re.compile(
    r"(?:n['’]t|\s+not|\s+never|\s+barely|\s+hardly)\s+(?:be\s+)?"
    r"(?:find|found|see|seen|hear|heard|feel|felt|get|reach|reached|locate|located|explain|"
    r"identify|identified|understand|sleep|stop|afford|remember|recall|believe|move|breathe|"
    r"walk|speak|tell|say|sit|stand|wait|escape|help|do|make|leave|enter|access|open|read|"
    r"return|contain|hide|resist|imagine|attend|come|go|use|comment)\b",
    re.IGNORECASE,
)
_HABIT_OR_REFUSAL = re.compile(
    r"(?:-be\b|\s+(?:often|usually|always|sometimes|regularly|frequently|typically|later|"
    r"rather)\b|"
    r"(?:\s?n['’]t|\s+not)\s+(?:comment|say|elaborate|identify|disclose|divulge|specify|discuss|"
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
# A verb of judging before "by many" ("is regarded by many as", "was criticised by some").
_OPINION_PASSIVE_BEFORE = re.compile(
    r"\b(?:considered|regarded|seen|viewed|thought|believed|described|criticized|criticised|"
    r"praised|questioned|called|deemed|hailed|said|claimed|perceived|reviled|dismissed|"
    r"accused|disputed|rejected|celebrated|acclaimed|credited|blamed|condemned|derided|"
    r"attacked|challenged|doubted|labelled|labeled|touted|favou?red|admired|despised|"
    r"recognized|recognised|cited)\b(?:\s+[\w'’-]+){0,4}\s+$",
    re.IGNORECASE,
)
_NUMBER_AFTER = re.compile(
    r"\s+(?:\d|(?:a\s+(?:few|dozen|hundred|thousand)|dozens|hundreds|thousands|millions|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred)\b)",
    re.IGNORECASE,
)
# A named agent after a passive ("was criticised by the auditors", "by Reuters"); "by some" or
# "by critics" names no one and does not count.
_AGENT_AFTER = re.compile(
    r"[^.;:!?]{0,50}?\bby\s+(?:the|a|an|his|her|its|their|our|this|that|[A-Z0-9])", re.ASCII
)
# Someone questioned by police: an interrogation, not doubt about a claim.
_INTERROGATION_AFTER = re.compile(
    r"\s+(?:by|over|about|for|on|in|at|after|under|regarding|as\s+part|in\s+connection)\b",
    re.IGNORECASE,
)
_NEGATION_WORD = re.compile(r"\b(?:not|never|neither|no|nobody|none)\b(?=[^.;,]*$)", re.I)
_OPINION_VERBS = (  # after a plural subject: base and past forms ("critics argue", "fans felt")
    r"say|says|said|believe|believed|argue|argued|claim|claimed|contend|contended|think|thought|"
    r"feel|felt|suggest|suggested|consider|considered|maintain|maintained|assert|asserted|note|"
    r"noted|describe|described|regard|regarded|view|viewed|criticize|criticized|criticise|"
    r"criticised|praise|praised|denounce|denounced|agree|agreed|disagree|disagreed|doubt|"
    r"doubted|speculate|speculated|question|questioned|dispute|disputed|insist|insisted|fear|"
    r"feared|worry|worried|suspect|suspected|reject|rejected|dismiss|dismissed|accuse|accused|"
    r"complain|complained|allege|alleged|warn|warned|predict|predicted|charge|charged|contest|"
    r"contested|point\s+out|pointed\s+out"
)
# Right after a quantifier used as a subject ("some argue", "many have long believed"): the
# opinion verbs, less the singular "says" and the forms that are also common nouns after "some"
# ("some doubt", "some praise"), plus verbs of seeing and crediting ("many see it as").
_NOUN_LIKE_VERBS = frozenset("says charge charged dispute doubt praise question suspect".split())
_SUBJECT_VERBS = "|".join(
    [v for v in _OPINION_VERBS.split("|") if v not in _NOUN_LIKE_VERBS]
    + ["see", "attribute", "attributed", "credit", "credited"]
)
_SUBJECT_VERB_AFTER = re.compile(
    r"\s+(?:(?:also|still|even|now|have|had|would|will|may|might|could|do|did|long|often|"
    r"generally|widely|further|instead|however)\s+){0,2}"
    rf"(?:{_SUBJECT_VERBS}|(?:are|were|remain|remained)\s+(?:\w+\s+)?(?:worried|concerned|"
    r"convinced|unconvinced|sceptical|skeptical|critical|opposed|doubtful|divided|uneasy))\b",
    re.IGNORECASE,
)
# Words before a quantifier that make it an object or a measure ("there is some fear", "with
# many"), not the subject of the verb after it.
_NOT_A_SUBJECT_BEFORE = re.compile(
    r"\b(?:is|was|are|were|be|been|being|there|with|of|in|for|without|no|any|has|have|had|to|"
    r"by|on|at|from|than|the|its|their|his|her)\s+$",
    re.IGNORECASE,
)
# The verb a group of unnamed people is the subject of, a few words on ("critics of the plan
# say", "many residents have long complained"); no clause break in between.
_OPINION_VERB_AFTER = re.compile(
    rf"(?:\s+[\w'’-]+){{0,4}}?\s+(?:{_OPINION_VERBS})\b", re.IGNORECASE
)


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
    return bool(_ABILITY_AFTER.match(sentence, end)) or bool(_PERCEPTION_AFTER.match(sentence, end))


_USED_TO_BEFORE = re.compile(r"\bused\s+to\b[^.;:!?]*$", re.IGNORECASE)


def _habitual_or_refusal(sentence: str, start: int, end: int) -> bool:
    """ "would often go" (a past habit), "would-be", "would not comment" (a refusal), and
    "they used to check it and would stop it" (a habit set up earlier in the sentence)."""
    if _HABIT_OR_REFUSAL.match(sentence, end):
        return True
    return bool(_USED_TO_BEFORE.search(sentence, max(0, start - CONTEXT_REACH), start))


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


def _has_agent(sentence: str, start: int, end: int) -> bool:
    """ "was criticised by the auditors": the passive names who said it."""
    return bool(_AGENT_AFTER.match(sentence, end, min(len(sentence), end + CONTEXT_REACH)))


def _interrogation(sentence: str, start: int, end: int) -> bool:
    """ "has been questioned over the theft": questioned by police, not a claim in doubt."""
    return bool(_INTERROGATION_AFTER.match(sentence, end))


def _needs_opinion_verb(sentence: str, start: int, end: int) -> bool:
    """ "many residents were injured": unnamed people who are not the source of a claim."""
    return not _OPINION_VERB_AFTER.match(sentence, end, min(len(sentence), end + 80))


def _after_opinion_verb(sentence: str, start: int, end: int) -> bool:
    """ "used by many passenger trains" names users, not the holders of an opinion."""
    return not _OPINION_PASSIVE_BEFORE.search(sentence, max(0, start - 60), start)


def _before_a_number(sentence: str, start: int, end: int) -> bool:
    """ "by some 20 votes": a number, not "regarded by some as"."""
    return bool(_NUMBER_AFTER.match(sentence, end))


def _needs_subject_verb(sentence: str, start: int, end: int) -> bool:
    """ "some argue" is a claim credited to no one; "some of the ferries" or "with some" is not."""
    if _NOT_A_SUBJECT_BEFORE.search(sentence, max(0, start - 12), start):
        return True
    return not _SUBJECT_VERB_AFTER.match(sentence, end, min(len(sentence), end + 60))


_FIXED_SCHEDULE_AFTER = re.compile(
    r"\s+(?:be\s+)?(?:held|open|opens|close|closes|(?:begin|start)(?!\s+to\b)|run|runs|"
    r"take\s+place|be\s+the\s+last\s+day|speak|be\s+broadcast|air|be\s+shown|"
    r"be\s+played|be\s+payable|be\s+paid|be\s+effective|become\s+effective|"
    r"expire|mature|come\s+into\s+effect|take\s+effect|be\s+available|be\s+screened|"
    r"be\s+traded|go\s+on\s+sale|be\s+able\s+to|be\s+allowed\s+to)\b",
    re.IGNORECASE,
)
# A day or a time right before "will": a timetable ("the board Monday will discuss").
_TIME_BEFORE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight)"
    r"\s+$",
    re.IGNORECASE,
)
# What a review or a bill would do is its remit, not a forecast ("the review would look at").
_REMIT_NOUN_BEFORE = re.compile(
    r"\b(?:review|bill|inquiry|probe|legislation|amendment|scheme|consultation|"
    r"investigation|proposals?|measure)\s+(?=would\b)",
    re.IGNORECASE,
)


_NOUN_BEFORE = re.compile(
    r"\b(?:no|a|his|her|their|the|living|free|own|political|good|ill)\s+$", re.IGNORECASE
)
# "The goal is to ...": what something is for, not a plan ("is to" only).
_PURPOSE_BEFORE = re.compile(
    r"\b(?:thing|goal|aim|idea|purpose|job|task|point|objective|intention|challenge|priority|"
    r"problem|key|answer|solution|mission|role|trick)(?:\s+of\s+(?:the\s+|a\s+|an\s+|this\s+)?"
    r"[\w'’-]+)?\s+$",
    re.IGNORECASE,
)
_REMIT_BEFORE = re.compile(
    r"\b(?:bill|bills|law|laws|legislation|rule|rules|measure|measures|review|proposal|"
    r"amendment|scheme|policy|regulation|regulations|treaty|deal|plan)\s+(?:that|which)\s+$",
    re.IGNORECASE,
)


def _fixed_schedule(sentence: str, start: int, end: int) -> bool:
    """ "The vote will be held on Monday", "the notes will mature in 1992": a timetable;
    "a bill that would allow": what a rule provides; "leaving no will": the noun."""
    if _FIXED_SCHEDULE_AFTER.match(sentence, end):
        return True
    before = max(0, start - 30)
    if _TIME_BEFORE.search(sentence, before, start):
        return True
    if sentence[start:end].lower() == "would" and _REMIT_NOUN_BEFORE.search(sentence, before, end):
        return True
    noun = _NOUN_BEFORE.search(sentence, before, start)
    purpose = sentence[start : start + 3].lower() in ("is ", "are") and _PURPOSE_BEFORE.search(
        sentence, before, start
    )
    return bool(noun or purpose or _REMIT_BEFORE.search(sentence, before, start))


_FURNITURE_AFTER = re.compile(
    r"(?:\s+not)?\s+be\s+(?:published|broadcast|rewritten|redistributed|reproduced|copied|"
    r"reprinted|distributed|used|stored|transmitted)\b",
    re.IGNORECASE,
)


def _page_furniture(sentence: str, start: int, end: int) -> bool:
    """ "This material may not be published, broadcast, rewritten": a notice, not a claim."""
    return bool(_FURNITURE_AFTER.match(sentence, end))


_PENDING_BEFORE = re.compile(
    r"\b(?:until|unless|if|whether)\b"
    r"(?:(?!\b(?:where|who|which|when|and|but)\b)[^,.;:!?\"“”]){0,60}$",
    re.IGNORECASE,
)
"""A condition still open, reaching up to the cue within its own clause."""


_NOT_YET_BEFORE = re.compile(
    r"\b(?:has|have|had|is|are|was|were|’s|'s)(?:\s+not|n[’']t)(?:\s+yet)?\s+$"
    r"|\b(?:never|yet to)\s+$",
    re.IGNORECASE,
)
"""Words that turn a reporting verb into the absence of a statement ("has not confirmed")."""


def _pending_condition(sentence: str, start: int, end: int) -> bool:
    """ "Until Xiaomi itself confirms the plan", "she has not confirmed anything": a statement
    awaited, not one made."""
    if _NOT_YET_BEFORE.search(sentence, max(0, start - 20), start):
        return True
    return bool(_PENDING_BEFORE.search(sentence, max(0, start - 70), start))


_CONCESSION_AFTER = re.compile(r"[^.;:!?]{0,120}?,\s*(?:but|yet)\b", re.IGNORECASE)


def _concession(sentence: str, start: int, end: int) -> bool:
    """ "She may be a star, but she fangirls too": granting a point in order to turn it."""
    return bool(_CONCESSION_AFTER.match(sentence, end))


_WISH_BEFORE = re.compile(r"\bwish(?:es|ed)?\s+(?:that\s+)?[\w'’]+\s+$", re.IGNORECASE)


def _wish(sentence: str, start: int, end: int) -> bool:
    """ "I wish that I could speak more about it": a wish, a feeling reported as such."""
    return bool(_WISH_BEFORE.search(sentence, max(0, start - 40), start))


_RULES = {
    "wish": _wish,
    "concession": _concession,
    "pending_condition": _pending_condition,
    "page_furniture": _page_furniture,
    "fixed_schedule": _fixed_schedule,
    "month_may": _is_month_may,
    "quoted_title": _in_quoted_title,
    "past_ability": _past_ability,
    "habitual_or_refusal": _habitual_or_refusal,
    "scheduled": _scheduled,
    "needs_negation": _needs_negation,
    "negated_doubt": _negated_doubt,
    "conditional_fact": _conditional_fact,
    "plain_quantity": _plain_quantity,
    "has_agent": _has_agent,
    "interrogation": _interrogation,
    "needs_opinion_verb": _needs_opinion_verb,
    "needs_subject_verb": _needs_subject_verb,
    "before_a_number": _before_a_number,
    "after_opinion_verb": _after_opinion_verb,
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


def widen(entry: CueEntry, sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span a flag should mark for an accepted cue, widened by the words its rules found.

    "has confirmed" takes in the word that negates it ("neither company has confirmed");
    "some" as a subject takes in its verb ("some argue").
    """
    if "needs_negation" in entry.rules:
        found = _NEGATION_WORD.search(sentence, max(0, start - 30), start)
        if found:
            start = found.start()
    if "needs_subject_verb" in entry.rules:
        verb = _SUBJECT_VERB_AFTER.match(sentence, end, min(len(sentence), end + 60))
        if verb:
            end = verb.end()
    return start, end


def at_start(sentence: str, position: int) -> bool:
    """True when only spaces, quotes or an opening bracket come before ``position``."""
    return position <= 8 and not sentence[:position].strip(" \"“‘'(")


def inside_quotes(sentence: str, position: int) -> bool:
    """True when an odd number of quotation marks open before ``position`` (nearby)."""
    floor = max(0, position - CONTEXT_REACH)
    straight = sentence.count('"', floor, position)
    opened = sentence.count("“", floor, position) - sentence.count("”", floor, position)
    return straight % 2 == 1 or opened > 0
