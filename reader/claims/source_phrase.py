"""The words that name who says something, and whether they name a traceable source.

Given a cue of saying ("said", "told", "according to", "declined to comment") this module finds
the source phrase next to it: the subject before the verb ("a local police source said"), the
speaker after it ("…," said Maria Lopez), the object of "according to" or "citing", or the head
of a sentence whose subject is followed by an aside ("Carlos Meireles, who ..., told"). Then
:func:`classify` decides from the phrase alone whether the source is named or specific (a person,
an organisation, an outlet, "police", "the company", "a Pentagon spokesman") or vague
("sources", "a source close to the couple", "officials", "people familiar with the matter",
"experts", "a report", "some"). A pronoun ("he", "they") is neither: its kind is that of what it
refers to (see :mod:`reader.claims.sources`).
"""

from __future__ import annotations

import re

from reader.model import SourceKind

MAX_SOURCE_WORDS = 12
"""A longer phrase before a verb is a clause, not the name of a source."""
_REACH = 110

PRONOUNS = frozenset("he she they it we i you".split())
"""Subjects that refer to a source named elsewhere."""
# Where a source phrase stops: punctuation of clauses and quotes, dashes, and words that open
# a clause. Apostrophes are not boundaries ("Clinton’s campaign manager").
_BOUNDARY_BEFORE = re.compile(
    r"(?:[,;:\[\]\"“”!?]|\((?![^()]{1,12}\))|\.\s|\s[-–—]+\s|[‘’'](?=\s|$)|(?<=\s)[‘'](?=\w)"
    r"|\b(?:that|but|while|because|when|whereas|after|before|which|who|where|if|as|so|"
    r"than|and\s+(?:then|now|also)|then|though|although|until|since)\b)",
    re.IGNORECASE,
)
_MARKS = (",", ";", ":", "[", "]", '"', "“", "”", "!", "?", ". ", " - ", " – ", " — ", "’ ", "' ")
_BOUNDARY_AFTER = re.compile(
    r"(?:[,;:()\[\]\"“”!?]|\.(?:\s|$)|\s[-–—]+\s|[‘’'](?=\s|$)"
    r"|\s(?:that|who|which|when|while|after|before|during|on|last|this|as|because|if|about|"
    r"earlier|today|yesterday|tonight|in\s+(?:a|an|his|her|their|its)\s)\b)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w$][\w'’.&/-]*")
# Words dropped from the start of a subject phrase: conjunctions and sentence adverbs.
_LEADING = frozenset(
    "but and however still also now meanwhile instead earlier later yet so then indeed in fact "
    "moreover separately previously meantime today yesterday tonight".split()
)
# Words dropped from the end of a subject phrase: auxiliaries and adverbs before the verb.
_TRAILING = frozenset(
    "has have had also previously later earlier again then today yesterday recently first "
    "publicly repeatedly exclusively reportedly would will did does do not n't never is are "
    "was were been being has been once further separately had also just already often "
    "always once since initially subsequently finally privately quickly immediately "
    "meanwhile reportedly allegedly apparently officially originally simply told reporters "
    "monday tuesday wednesday thursday friday saturday sunday on last week night".split()
)
_NOT_SUBJECT_START = frozenset(
    "of in on at for with without despite thanks to by from there what how nobody no none "
    "since too about over under into through during against among between like unlike "
    "because unless until whether here where why".split()
)
_AUXILIARIES = frozenset(
    "will would can could may might should must shall is are was were be been being am "
    "do does did have has had get gets got kept keep keeps continued "
    "won't wouldn't can't couldn't isn't aren't wasn't weren't don't doesn't didn't".split()
)
_PASSIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:(?:not|also|widely|yet|now|"
    r"already|never|first|previously|officially|later|publicly|still|only|just)\s+)*$",
    re.IGNORECASE,
)
_ASIDE = re.compile(
    r"\s*(?:who|whose|which|a|an|the|his|her|its|their|now|also|himself|herself|itself|"
    r"\d+|aged|former|chief|head|president|director)\b",
    re.IGNORECASE,
)
_VERB_STOPS = frozenset(
    "is are was were has have had will would can could may might should did does do also said "
    "says told added went made took gave got".split()
)
_NOT_SUBJECT_END = frozenset(
    "the a an this that these those its his her their our my your of to for with by from in on "
    "at into as than and or but not no whose which who what how very more most".split()
)
# Heads that are vague whatever modifies them: anonymous people, hearsay and unnamed writings.
_ALWAYS_VAGUE = frozenset(
    "source sources insider insiders tipster tipsters someone somebody anyone people persons "
    "person friend friends pal pals acquaintance acquaintances confidant confidante relative "
    "relatives neighbour neighbours neighbor neighbors onlookers bystanders witnesses witness "
    "rumours rumors rumour rumor gossip whispers word reports chatter speculation diplomats "
    "diplomat delegates delegate expert experts tipsters".split()
)
# People who are a source only as a category: vague unless a specific body or a name comes
# with them ("analysts at Barclays", "Barclays analyst Bill Thompson").
_CATEGORY_PEOPLE = frozenset(
    "expert experts analyst analysts critic critics observer observers commentator "
    "commentators journalists journalist reporters reporter residents fans diplomats "
    "diplomat delegates delegate businessmen economists economist traders trader dealers "
    "dealer bankers banker producers scientists scientist researchers researcher historians "
    "historian scholars scholar pundits pundit others many some most several few one "
    "officials official spokesman spokeswoman spokesperson spokespeople spokesmen executives "
    "executive aides aide officers officer authorities members member staff employees "
    "employee workers lawmakers legislators politicians investors investor activists "
    "campaigners voters users players doctors lawyers attorneys advisers advisors "
    "consultants engineers sellers buyers operators producers industry market markets "
    "agents agent allies ally supporters opponents detractors skeptics sceptics "
    "protesters students teachers parents locals citizens viewers readers listeners "
    "followers editors editor writers writer authors author".split()
)
# A spokesman speaks for a body by definition: specific unless the phrase hides which one.
_SPOKESPEOPLE = frozenset(
    "spokesman spokeswoman spokesperson spokespeople spokesmen representative "
    "representatives".split()
)
_REPORT_HEADS = frozenset(
    "report reports study studies survey surveys research data figures poll polls article "
    "articles analysis document documents paper papers newspaper newspapers publication "
    "media press statistics evidence story stories estimates accounts account".split()
)
# Publishers that are vague only when the phrase will not say which ("multiple outlets"); "the
# outlet" points back to one the article named.
_OUTLET_WORDS = frozenset("outlet outlets websites sites tabloids magazines publications".split())
_VAGUE_MARKERS = frozenset(
    "anonymous unnamed unidentified multiple various numerous certain other another "
    "some many several".split()
)
# Lower-case bodies that make a category of people specific ("police officials", "a company
# spokesman", "bank officials").
_BODIES = frozenset(
    "police company bank ministry department agency court council party club team campaign "
    "firm union embassy city county school university hospital board "
    "committee league airline exchange government administration cabinet prosecutor "
    "prosecutors prison station network studio label palace fbi cia".split()
)
# Capitalised adjectives of origin do not make a body ("Japanese officials", "a British expert").
_ORIGIN_SUFFIX = re.compile(r"(?:ese|ian|ean|ish|an|i|ic|ch)$")
_ORIGIN_WORDS = frozenset(
    "u.s. us uk u.k. eu western eastern northern southern european american british french "
    "german chinese japanese russian israeli iraqi iranian syrian arab african asian western "
    "foreign local state federal senior top former administration government".split()
)
_TIES = re.compile(
    r"\b(?:close|familiar|with\s+(?:ties|links|knowledge|access)|in\s+the\s+know|who\s+asked|"
    r"near|connected)\b",
    re.IGNORECASE,
)
_OF_NAME = re.compile(r"\b(?:at|of|for|from|in|by|with)\s+(?:the\s+)?(?:[A-Z][\w'’.&-]*|[A-Z]{2,})")


_HEADS = _CATEGORY_PEOPLE | _REPORT_HEADS
_COMMON_WORDS = (
    _HEADS | _ALWAYS_VAGUE | _VAGUE_MARKERS | _NOT_SUBJECT_END | _BODIES | _ORIGIN_WORDS | PRONOUNS
)
_BODY_AFTER = re.compile(r"^(?:at|of|for|from|with)\s+(?:the\s+)?(?:[A-Z][\w'’.&-]*|[A-Z]{2,})")


def phrase_before(sentence: str, cue_start: int) -> tuple[int, int] | None:
    """The subject phrase ending just before a verb of saying, or None."""
    floor = max(0, cue_start - _REACH)
    window = sentence[floor:cue_start]
    # The last mark of punctuation first (plain string searches), then the boundary regex over
    # the few words after it: the same result as the regex over the whole window, faster.
    marked = 0
    for mark in _MARKS:
        found = window.rfind(mark)
        if found >= 0 and found + len(mark) > marked:
            marked = found + len(mark)
    boundaries = [m.end() for m in _BOUNDARY_BEFORE.finditer(window, max(0, marked - 1))]
    begin = floor + (boundaries[-1] if boundaries else marked)
    words = [(m.start(), m.end()) for m in _WORD.finditer(sentence, begin, cue_start)]
    return _trimmed(sentence, words)


def phrase_after(sentence: str, cue_end: int, *, inverted: bool = False) -> tuple[int, int] | None:
    """The speaker or source named just after a cue (", said Lopez", "according to Reuters").

    ``inverted`` (a verb after a quote or a comma): the speaker must be short and end the
    clause, so that "said the union expected ..." is not taken for a speaker.
    """
    stop = _BOUNDARY_AFTER.search(sentence, cue_end, min(len(sentence), cue_end + _REACH))
    end = stop.start() if stop else min(len(sentence), cue_end + _REACH)
    words = [(m.start(), m.end()) for m in _WORD.finditer(sentence, cue_end, end)]
    words = [(s, e) for s, e in words if not sentence[s:e].endswith(".") or e - s <= 4] or words
    if not words or len(words) > MAX_SOURCE_WORDS:
        return None
    if inverted and (len(words) > 8 or (stop is None and end < len(sentence))):
        return None
    while words and sentence[words[-1][0] : words[-1][1]].lower() in _NOT_SUBJECT_END:
        words.pop()
    if not words or _has_auxiliary(sentence, words):
        return None
    return words[0][0], words[-1][1]


def phrase_subject(sentence: str, cue_start: int, *, aside: bool = False) -> tuple[int, int] | None:
    """The subject heading the sentence ("Lopez, who ..., said"; "Us Weekly was ..., saying").

    With ``aside`` the whole head before the first comma must be the subject, and what follows
    the comma must read as an aside about it ("who ...", "a lawyer", "50,").
    """
    stop = _BOUNDARY_BEFORE.search(sentence, 0, cue_start)
    end = stop.start() if stop else cue_start
    if stop and not sentence[: stop.start()].strip():
        return None  # the sentence opens with a quote or a bracket: no plain subject
    if aside and not (stop and _is_aside(sentence, stop.end(), cue_start)):
        return None
    words: list[tuple[int, int]] = []
    for match in _WORD.finditer(sentence, 0, end):
        word = match.group().lower()
        if words and (word in _VERB_STOPS or (word.endswith("ed") and len(word) > 4)):
            if aside:
                return None
            break
        words.append((match.start(), match.end()))
    if not words or len(words) > 8:
        return None
    return _trimmed(sentence, words)


def _is_aside(sentence: str, start: int, end: int) -> bool:
    """True when the words between a subject's comma and the verb read as an aside about it:
    "who ...", "a lawyer", "56", "Democrat of California"."""
    if _ASIDE.match(sentence, start):
        return True
    words = _WORD.findall(sentence, start, end)
    return 0 < len(words) <= 8 and not any(w.lower() in _AUXILIARIES for w in words)


def _trimmed(sentence: str, words: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The words of a subject phrase without leading conjunctions or trailing auxiliaries."""
    while words and sentence[words[0][0] : words[0][1]].lower() in _LEADING:
        words.pop(0)
    while words and sentence[words[-1][0] : words[-1][1]].lower().rstrip(".") in _TRAILING:
        words.pop()
    if not words or len(words) > MAX_SOURCE_WORDS:
        return None
    lowered = [sentence[s:e].lower() for s, e in words]
    if lowered[-1] in _NOT_SUBJECT_END or lowered[0] in _NOT_SUBJECT_START:
        return None
    if _has_auxiliary(sentence, words):
        return None  # a clause ("they will see their hopes"), not the name of a source
    return words[0][0], words[-1][1]


def _has_auxiliary(sentence: str, words: list[tuple[int, int]]) -> bool:
    """True when a verb like "will" or "were" sits among the words (not inside a name, as
    "do" in "Diário do Estuário")."""
    texts = [sentence[s:e] for s, e in words]
    for i, word in enumerate(texts):
        if word.lower() in _AUXILIARIES:
            inside_name = 0 < i < len(texts) - 1 and texts[i - 1][:1].isupper()
            if not (inside_name and texts[i + 1][:1].isupper()):
                return True
    return False


def passive_before(sentence: str, cue_start: int) -> bool:
    """True when the verb is a passive participle ("was announced", "could not be agreed")."""
    return bool(_PASSIVE_BEFORE.search(sentence, max(0, cue_start - 40), cue_start))


def classify(phrase: str, *, sentence_start: bool = False) -> SourceKind | None:
    """Named or vague, from the words of a source phrase; None for a pronoun.

    ``sentence_start`` says the phrase opens its sentence, so its first capital proves nothing.
    """
    tokens = _WORD.findall(phrase)
    if not tokens:
        return SourceKind.VAGUE
    lowered = [t.lower().rstrip(".,") for t in tokens]
    if len(tokens) == 1 and lowered[0].removesuffix("’s").removesuffix("'s") in PRONOUNS:
        return None
    if lowered[0] == "it" and len(tokens) <= 2:
        return None
    if lowered[0] == "it" and any(
        w in ("believed", "said", "thought", "rumoured") for w in lowered
    ):
        return SourceKind.VAGUE
    capitals = [
        t
        for i, t in enumerate(tokens)
        if t[:1].isupper() and not (i == 0 and sentence_start and not _looks_like_name(t))
    ]
    names = [t for t in capitals if not _is_origin(t)]
    if any(
        w in ("expert", "experts", "diplomat", "delegate", "analyst")
        and i + 1 < len(tokens)
        and _looks_like_name(tokens[i + 1])
        for i, w in enumerate(lowered)
    ):
        return SourceKind.NAMED  # "terrorism expert Jane Doe"
    if any(w in _ALWAYS_VAGUE for w in lowered):
        # "reports in the Hollywood Reporter" names its outlet; "a source close to Kim" does not.
        if (
            lowered[0] in ("reports", "report", "a", "the")
            and any(w in ("report", "reports") for w in lowered)
            and _OF_NAME.search(phrase)
            and not _TIES.search(phrase)
        ):
            return SourceKind.NAMED
        return SourceKind.VAGUE
    if any(w in ("anonymous", "unnamed", "unidentified") for w in lowered):
        return SourceKind.VAGUE
    if any(w in _OUTLET_WORDS for w in lowered) and any(w in _VAGUE_MARKERS for w in lowered[:2]):
        return SourceKind.VAGUE  # "multiple outlets are reporting"
    if "one of" in " ".join(lowered):
        return SourceKind.VAGUE  # "a spokesman for one of the banks"
    head = next((w for w in reversed(lowered) if w in _HEADS), None)
    if head is None:
        return SourceKind.NAMED  # a name, "police", "the company", "my client", "the couple"
    head_at = max(i for i, w in enumerate(lowered) if w == head)
    before_head = " ".join(tokens[:head_at])
    after_head = " ".join(tokens[head_at + 1 :])
    specific = (
        any(n in before_head.split() for n in names)
        or any(w in _BODIES for w in lowered)
        or bool(_BODY_AFTER.match(after_head))
        or (bool(after_head) and after_head[:1].isupper() and not _is_origin(after_head.split()[0]))
    )
    if head in _REPORT_HEADS:
        specific = specific or bool(_OF_NAME.search(after_head))
    if head in _REPORT_HEADS:
        if specific or lowered[0] in ("his", "her", "their", "its"):
            return SourceKind.NAMED  # "the World Bank report", "a report by Reuters"
        if head in ("document", "documents", "minutes") or lowered[0] in ("this", "that"):
            return SourceKind.NAMED
        return SourceKind.VAGUE  # "a report", "figures show", "the survey"
    if head in _SPOKESPEOPLE and not any(w in _VAGUE_MARKERS for w in lowered):
        return SourceKind.NAMED  # "a spokesman said" speaks for the body the story is about
    if any(w in _VAGUE_MARKERS for w in lowered[:2]) and not specific:
        return SourceKind.VAGUE
    return SourceKind.NAMED if specific else SourceKind.VAGUE


def _looks_like_name(token: str) -> bool:
    """A sentence-initial capitalised word that is more than a capitalised common word."""
    return token[:1].isupper() and token.lower() not in _COMMON_WORDS


def _is_origin(token: str) -> bool:
    """ "Japanese", "British", "U.S.": where a source is from, which does not name it."""
    lowered = token.lower()
    if lowered in _ORIGIN_WORDS:
        return True
    return (
        token[1:].islower()
        and bool(_ORIGIN_SUFFIX.search(lowered))
        and len(token) > 4
        and (lowered.endswith(("ese", "ian", "ean", "ish", "ch")))
    )
