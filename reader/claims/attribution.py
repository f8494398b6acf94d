"""Who a claim is credited to: the source next to "said", "according to", "indicates".

A capitalised name next to the verb ("LatePost indicates", "said Maria Lopez") or heading the
sentence before an aside ("Carlos Meireles, who ..., told reporters") makes an ``attribution``
flag; unnamed people ("officials said", "said analysts") a ``vague_source`` flag. "The report"
is credited to the source the article named before it, or flagged as never identified.
"""

from __future__ import annotations

import re

from reader.claims.lexicon import CueEntry, normalize_cue
from reader.claims.rules import CONTEXT_REACH
from reader.model import Flag, FlagKind
from reader.text.words import NEXT_WORD as _NEXT_WORD
from reader.text.words import WORD as _WORD

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
REPORT_IN_CUE = re.compile(rf"^(?:the|this|that)\s+(?:{_REPORT_WORDS})\b", re.IGNORECASE)
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
_WHY_REPORT_NAMED = "Credited to {source}, named earlier in the article as the source."
_WHY_REPORT_UNNAMED = "The article never says whose report this is, so it cannot be traced."
_WHY_VAGUE_SPEAKER = "Does not say who the source is, so the claim cannot be checked."


def explain(template: str, cue: str, source: str = "the source quoted") -> str:
    """Fill a group's explanation; unknown braces in a user's text are left as they are."""
    return template.replace("{cue}", cue).replace("{source}", source)


def attribution_flag(
    entry: CueEntry, start: int, end: int, sentence: str, named_source: str | None
) -> tuple[Flag | None, str]:
    """Resolve an attribution cue to its source; return the flag and a newly named source."""
    cue_words = normalize_cue(sentence[start:end])
    group = entry.group
    if cue_words in ("according to", "as reported by", "cited by", "quoted by") or (
        cue_words == "in an interview with"
    ):
        return _source_after(entry, start, end, sentence, named_source)

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
            return Flag(FlagKind.ATTRIBUTION, cue, start, end, explain(group.why, cue, source)), ""
    if vague:
        vague_start = start - len(before) + vague.start(1)
        cue = sentence[vague_start:end]
        return Flag(FlagKind.VAGUE_SOURCE, cue, vague_start, end, _WHY_VAGUE_SPEAKER), ""
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
                explain(group.why, cue, source),
            ), source
    institution = _INSTITUTION_BEFORE.search(before)
    if institution:
        cue = sentence[start:end]
        return Flag(
            FlagKind.ATTRIBUTION,
            cue,
            start,
            end,
            explain(group.why, cue, institution.group(1).lower()),
        ), ""
    if _PRONOUN_BEFORE.search(before):
        cue = sentence[start:end]
        source = "the person quoted"
        return Flag(FlagKind.ATTRIBUTION, cue, start, end, explain(group.why, cue, source)), ""
    head = sentence[:start].rstrip() if start < CONTEXT_REACH else ""
    lead = _LEADING_NAME.match(head)
    # "Name, who ..., said": the name's comma opens an aside that closes before the verb.
    if lead and head.endswith(",") and lead.end() < len(head) and lead.group(1) not in _NOT_NAMES:
        source = _trim_name(lead.group(1))
        if source:
            cue = sentence[start:end]
            return Flag(
                FlagKind.ATTRIBUTION, cue, start, end, explain(group.why, cue, source)
            ), source
    if before.rstrip().endswith((",", '"', "”", "'", "’")):
        return _source_after(entry, start, end, sentence, named_source)
    return None, ""


def _source_after(
    entry: CueEntry, start: int, end: int, sentence: str, named_source: str | None
) -> tuple[Flag | None, str]:
    """The source named right after the cue ("according to Reuters", "said Mr. Smith")."""
    group = entry.group
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
            FlagKind.ATTRIBUTION, cue, start, cue_end, explain(group.why, cue, source)
        ), source
    if vague and _CLAUSE_END.match(sentence, vague.end(1)):
        cue = sentence[start : vague.end(1)]
        return Flag(FlagKind.VAGUE_SOURCE, cue, start, vague.end(1), _WHY_VAGUE_SPEAKER), ""
    name = _NAME_AFTER.match(sentence, end)
    if name and name.group(1) not in _NOT_NAMES:
        source = _trim_name(name.group(1))
        if source:
            cue_end = name.start(1) + name.group(1).find(source) + len(source)
            cue = sentence[start:cue_end]
            return Flag(
                FlagKind.ATTRIBUTION, cue, start, cue_end, explain(group.why, cue, source)
            ), source
    following = _NEXT_WORD.match(sentence, end)
    if following and following.group(1).lower() in ("the", "a", "an", "its", "his", "her"):
        words = _WORD.findall(sentence, end, min(len(sentence), end + 60))[:4]
        source = " ".join(words[:2]) if len(words) >= 2 else ""
        if source:
            cue = sentence[start:end]
            return Flag(FlagKind.ATTRIBUTION, cue, start, end, explain(group.why, cue, source)), ""
    return None, ""


def _report_attribution(
    report: str, report_start: int, start: int, end: int, sentence: str, named: str | None
) -> tuple[Flag | None, str]:
    """ "the report indicates": credited to the source named earlier, else unidentified."""
    cue = sentence[min(report_start, start) : end]
    cue_start = min(report_start, start)
    if named:
        why = _WHY_REPORT_NAMED.format(source=named)
        return Flag(FlagKind.ATTRIBUTION, cue, cue_start, end, why), ""
    return Flag(FlagKind.VAGUE_SOURCE, cue, cue_start, end, _WHY_REPORT_UNNAMED), ""


def report_flag(report: str, start: int, named: str | None) -> Flag | None:
    """For a hedge like "the report suggests": flag the report itself when never named."""
    if named:
        return None
    return Flag(FlagKind.VAGUE_SOURCE, report, start, start + len(report), _WHY_REPORT_UNNAMED)


def _trim_name(name: str) -> str:
    """Drop leading sentence words and trailing joiners from a capitalised run of words."""
    words = name.split()
    while words and words[0] in _NOT_NAMES:
        words.pop(0)
    while words and not words[-1][:1].isupper():
        words.pop()
    return " ".join(words).rstrip(".,")
