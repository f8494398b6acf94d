"""Finding name mentions: capitalised spans, cut into names by cheap word-list rules.

One compiled regular expression finds every run of capitalised words (with the connectors that
live inside names: "Bank of America", "Diário do Estuário"); the rest is dictionary look-ups on
the words of each run:

- a sentence-initial word is dropped when it is a function word or a common word the text also
  writes in lower case ("However", "Still", "Few");
- words that are never names ("CEO", "EV"), dates, honorifics and capitalised titles
  ("Prime Minister") cut a run in two, and leave evidence on the names beside them;
- "of", "for" and "&" stay inside a name only after words such as "Bank" or "University";
- a nationality before a person's name is its own mention ("Australian Tom Moody");
- headlines in capitals or title case are read word by word, keeping words the rest of the text
  shows to be names;
- possessives are never part of a name ("Xiaomi's" names "Xiaomi").

Each mention carries the evidence of its context (a role before it, a company word after it...)
as votes for a type; :mod:`reader.entities.typing` adds them up over the whole document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from reader.entities.lexicon import Lexicon, fold, lexicon
from reader.model import EntityType

_CONNECTORS = (
    "of the|of|for the|for|and|the|&|de|da|do|dos|das|del|della|di|du|van|von|der|den|ter|ten"
    "|la|le|al|el|bin|ibn|bint|y"
)
# Connectors kept inside a name wherever they appear ("Diário do Estuário", "Ludwig van ...").
_PARTICLES = frozenset(
    "& de da do dos das del della di du van von der den ter ten la le al el bin ibn bint y".split()
)
_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z]+(?![\w'’-])")
_POSSESSIVES = frozenset(["'s", "’s", "s'", "s’"])
_CLOSE_QUOTES = "\"'“‘([«"
_SENTENCE_END = frozenset(".!?:;—–-•*|>")
_ABBREVIATIONS = frozenset(
    "inc corp co ltd bros jr sr st mt ft gen col lt sgt capt maj rev gov sen rep dr mr mrs ms prof"
    " no vs".split()
)


def _capital_ranges(low: int, high: int) -> str:
    """A character-class body for the capital letters between two code points, as ranges."""
    ranges: list[list[int]] = []
    for code in range(low, high):
        char = chr(code)
        if char.isupper() or char.istitle():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


@cache
def _span_pattern() -> re.Pattern[str]:
    """The one regex that finds runs of capitalised words (built on first use)."""
    up = f"[A-Z{_capital_ranges(0x80, 0x2000)}]"
    word = rf"(?:{up}|[a-z]{{1,2}}{up})\w*(?:[-&.]\w+|['’](?!s\b)\w+)*\.?"
    sep = r"[^\S\n]+"
    return re.compile(rf"{word}(?:{sep}(?:(?:{_CONNECTORS}){sep})*{word})*")


@dataclass(slots=True)
class Mention:
    """One place a name appears, with the evidence its context gives for a type."""

    start: int
    end: int
    surface: str
    words: tuple[str, ...]
    """The folded words of the name, connectors included."""
    votes: Counter[EntityType] = field(default_factory=Counter)
    headline: bool = False
    """True when found in a headline in capitals or title case."""
    initial: bool = False
    """True when the name opens a sentence."""

    @property
    def key(self) -> str:
        """The folded name: the same for "Xpeng Motor", "XPENG MOTOR" and "Xpeng motor"."""
        return " ".join(self.words)


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    text: str
    key: str
    final: bool = False
    """True when a sentence-ending period followed the word."""


def _words_of(text: str, start: int, end: int) -> list[_Word]:
    words: list[_Word] = []
    position = start
    for piece in text[start:end].split():
        s = text.index(piece, position)
        e = s + len(piece)
        position = e
        final = False
        if piece.endswith(".") and len(piece) > 1:
            bare = piece[:-1]
            if not ("." in bare or len(bare) == 1 or bare.casefold() in _ABBREVIATIONS):
                piece, e, final = bare, e - 1, True
        words.append(_Word(s, e, piece, fold(piece), final))
    return words


def _is_sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and (text[i] in _CLOSE_QUOTES or text[i] in " \t"):
        i -= 1
    return i < 0 or text[i] == "\n" or text[i] in _SENTENCE_END


def _line_bounds(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def _is_headline(line: str, lex: Lexicon) -> bool:
    """A line in capitals, or a short line in title case (most words capitalised)."""
    if line.isupper():
        return sum(c.isalpha() for c in line) >= 4
    if len(line) > 160 or ". " in line or line.rstrip().endswith("."):
        return False
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 4:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    lowered = [w for w in words if not w[0].isupper()]
    return capitalised >= 0.75 * len(words) or (
        capitalised >= 3 and all(fold(w) in lex.openers for w in lowered)
    )


class _Context:
    """The words around a span of text, folded, for the context votes."""

    __slots__ = ("after", "before", "before2", "comma_after", "possessive")

    def __init__(self, text: str, start: int, end: int) -> None:
        left = text[max(0, start - 40) : start].rsplit(None, 2)
        if left and start > 0 and not text[start - 1].isspace():
            left = []  # glued to something: a quote or a bracket
        self.before = fold(left[-1]) if left else ""
        self.before2 = fold(left[-2]) if len(left) >= 2 else ""
        right = text[end : end + 40].split(None, 2)
        self.comma_after = text[end : end + 1] == ","
        self.possessive = text[end : end + 3].lstrip(" ")[:2] in _POSSESSIVES
        first = right[0] if right else ""
        if self.comma_after and len(right) >= 2:
            first = right[1] if first == "," else first[1:] or right[1]
        self.after = fold(first.strip(",.;:!?\"'”’)"))


def _vote_context(mention: Mention, text: str, lex: Lexicon) -> None:
    context = _Context(text, mention.start, mention.end)
    votes = mention.votes
    before, before2, after = context.before, context.before2, context.after
    if before in lex.honorifics:
        votes[EntityType.PERSON] += 4
    elif before in lex.person_before:
        votes[EntityType.PERSON] += 2
    if before in lex.org_before:
        votes[EntityType.ORG] += 2
    if (before2, before) in lex.org_before_pairs:
        votes[EntityType.ORG] += 2
    if (before2, before) in lex.place_before_pairs:
        votes[EntityType.PLACE] += 2
    elif before in lex.place_before and not context.possessive:
        # "in Lisbon", but not "in Apple's footsteps": there "in" governs "footsteps".
        votes[EntityType.PLACE] += 0.5
    if before in lex.product_before:
        votes[EntityType.PRODUCT] += 2
    if context.comma_after:
        if after in lex.person_before or after == "who":
            votes[EntityType.PERSON] += 2
        elif after in lex.org_before or after == "which":
            votes[EntityType.ORG] += 1
    elif after in lex.org_after:
        votes[EntityType.ORG] += 1.5
    elif after in lex.person_after:
        votes[EntityType.PERSON] += 1 if after in ("who", "whose") else 0.5


def _vote_shape(mention: Mention, lex: Lexicon) -> None:
    votes, words = mention.votes, mention.words
    known = lex.gazetteer.get(mention.key)
    if known is not None:
        votes[known] += 4
    last = words[-1]
    if len(words) > 1:
        if last in lex.org_heads:
            votes[EntityType.ORG] += 3
        elif last in lex.event_heads:
            votes[EntityType.EVENT] += 3
        elif last in lex.place_heads:
            votes[EntityType.PLACE] += 2
        if any(any(c.isdigit() for c in w) for w in words[1:]):
            votes[EntityType.PRODUCT] += 2
    surface = mention.surface
    if len(words) == 1 and surface.isupper() and 2 <= len(surface) <= 6 and known is None:
        votes[EntityType.ORG] += 1


def _segments(words: list[_Word], initial: bool, lower_words: frozenset[str], lex: Lexicon):
    """Cut the words of one capitalised run into names; yield (words, votes) per name."""
    names: list[tuple[list[_Word], Counter[EntityType]]] = []
    current: list[_Word] = []
    votes: Counter[EntityType] = Counter()

    def close(next_votes: Counter[EntityType] | None = None) -> None:
        nonlocal current, votes
        while current and current[-1].key in _CONNECTOR_KEYS:
            current.pop()
        if current:
            names.append((current, votes))
        current, votes = [], next_votes if next_votes is not None else Counter()

    def opens_sentence(key: str) -> bool:
        return key in lex.openers or (key in lower_words and key not in lex.gazetteer)

    i, n = 0, len(words)
    while i < n:
        word = words[i]
        key = word.key
        if (initial or (i and words[i - 1].final)) and not current and opens_sentence(key):
            i += 1
            initial = False
            continue
        initial = False
        if key in _CONNECTOR_KEYS:
            if not current:
                i += 1
                continue
            if key in _PARTICLES:
                current.append(word)
            elif key in ("of", "for", "of the", "for the") and current[-1].key in lex.joins_of:
                current.append(word)
            else:
                close()
            i += 1
            continue
        if key in lex.honorifics:
            close(Counter({EntityType.PERSON: 4}))
            i += 1
            continue
        if key in lex.not_names or key in lex.date_words:
            role = key in lex.title_heads
            if role and current:
                votes[EntityType.ORG] += 1  # "Xiaomi CEO ..."
            close(Counter({EntityType.PERSON: 2}) if role else None)
            i += 1
            continue
        if key in lex.title_heads or key in lex.title_modifiers:
            j = i
            while j < n and (
                words[j].key in lex.title_heads or words[j].key in lex.title_modifiers
            ):
                j += 1
            run = words[i:j]
            if (
                run[-1].key in lex.title_heads
                and j < n
                and words[j].key not in _CONNECTOR_KEYS
                and words[-1].key not in lex.org_heads
            ):
                close(Counter({EntityType.PERSON: 3}))
                i = j
                continue
        current.append(word)
        if word.final:
            close()
        i += 1
    close()

    # A nationality before a person's name: "Australian Tom Moody".
    result = []
    for name, name_votes in names:
        if (
            len(name) >= 3
            and lex.gazetteer.get(name[0].key) is EntityType.NORP
            and not any(w.key in lex.org_heads or w.key in _CONNECTOR_KEYS for w in name[1:])
        ):
            result.append(([name[0]], Counter()))
            result.append((name[1:], name_votes + Counter({EntityType.PERSON: 1})))
        else:
            result.append((name, name_votes))
    return result


_CONNECTOR_KEYS = frozenset(_CONNECTORS.split("|"))


def _headline_names(
    words: list[_Word], name_words: frozenset[str], lower_words: frozenset[str], lex: Lexicon
) -> list[list[_Word]]:
    """The names inside a headline run: words the rest of the document shows to be names."""
    names: list[list[_Word]] = []
    current: list[_Word] = []
    for word in words:
        key = word.key
        is_name = (
            key not in lex.openers
            and key not in lex.not_names
            and key not in lex.date_words
            and key not in _CONNECTOR_KEYS
            and (key in name_words or key in lex.gazetteer or key not in lower_words)
            and (key in name_words or key in lex.gazetteer)
        )
        if is_name:
            current.append(word)
        else:
            if current:
                names.append(current)
            current = []
    if current:
        names.append(current)
    return names


def find_mentions(text: str) -> list[Mention]:
    """Every name mention in ``text``, in reading order, with its context votes."""
    lex = lexicon()
    lower_words = frozenset(_LOWER_WORD.findall(text))
    mentions: list[Mention] = []
    headline_runs: list[tuple[list[_Word], bool]] = []
    line_start, line_end, headline = -1, -1, False
    for match in _span_pattern().finditer(text):
        start, end = match.span()
        if start >= line_end:
            line_start, line_end = _line_bounds(text, start)
            headline = _is_headline(text[line_start:line_end], lex)
        words = _words_of(text, start, end)
        initial = _is_sentence_start(text, start)
        if headline:
            headline_runs.append((words, initial))
            continue
        for name, votes in _segments(words, initial, lower_words, lex):
            s, e = name[0].start, name[-1].end
            mention = Mention(
                s,
                e,
                text[s:e],
                tuple(w.key for w in name),
                votes,
                initial=initial and s == start,
            )
            mentions.append(mention)

    if headline_runs:
        name_words = frozenset(w for m in mentions for w in m.words)
        for words, _initial in headline_runs:
            for name in _headline_names(words, name_words, lower_words, lex):
                s, e = name[0].start, name[-1].end
                mentions.append(
                    Mention(s, e, text[s:e], tuple(w.key for w in name), Counter(), headline=True)
                )
        mentions.sort(key=lambda m: m.start)

    for mention in mentions:
        _vote_context(mention, text, lex)
    _share_coordinated_votes(mentions, text)
    for mention in mentions:
        _vote_shape(mention, lex)
    return mentions


def _share_coordinated_votes(mentions: list[Mention], text: str) -> None:
    """Names in a list share their context: "routes to Barreiro and Seixal"."""
    for left, right in zip(mentions, mentions[1:], strict=False):
        between = text[left.end : right.start]
        if between in _COORDINATORS:
            shared = left.votes + right.votes
            left.votes, right.votes = Counter(shared), Counter(shared)


_COORDINATORS = frozenset([" and ", " or ", ", ", " & ", " , ", " nor "])
