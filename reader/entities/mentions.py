"""Finding name mentions: capitalised spans, cut into names by cheap word-list rules.

One compiled regular expression finds every run of capitalised words (with the connectors that
live inside names: "Bank of America", "Diário do Estuário"); the rest is dictionary look-ups on
the words of each run:

- a sentence-initial word is dropped when it is a function word or a common word the text also
  writes in lower case ("However", "Still", "Few");
- words that are never names ("CEO", "EV"), dates, honorifics and capitalised titles
  ("Prime Minister") cut a run in two, and leave evidence on the names beside them;
- "of" and "for" stay inside a name only after words such as "Bank" or "University";
- a nationality before a person's name is its own mention ("Australian Tom Moody");
- headlines in capitals or title case are read word by word, keeping words the rest of the text
  shows to be names;
- possessives are never part of a name ("Xiaomi's" names "Xiaomi").

Each mention carries the evidence of its context (a role before it, a company word after it...)
as votes for a type; :mod:`reader.entities.voting` adds them up over the whole document.
Months and weekdays met on the way, with the numbers beside them, are dates.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from reader.entities import learned
from reader.entities.lexicon import Lexicon, fold, lexicon
from reader.entities.memo import Memos, RunCut, Scores, Votes, WordVotes
from reader.model import EntityType
from reader.text.words import MONTH_ABBREVIATIONS

PERSON, ORG, PLACE, NORP = EntityType.PERSON, EntityType.ORG, EntityType.PLACE, EntityType.NORP
PRODUCT, EVENT, OTHER = EntityType.PRODUCT, EntityType.EVENT, EntityType.OTHER

_UNKNOWN: tuple[EntityType | None, float] = (None, 0.0)

_CONNECTORS = (
    "of the|of|for the|for|and|the|&|de|da|do|dos|das|del|della|di|du|van|von|der|den|ter|ten"
    "|la|le|al|el|bin|ibn|bint|y"
)
_CONNECTOR_KEYS = frozenset(_CONNECTORS.split("|"))
# Connectors kept inside a name wherever they appear ("Diário do Estuário", "Ludwig van ...").
_PARTICLES = frozenset(
    "& de da do dos das del della di du van von der den ter ten la le al el bin ibn bint y".split()
)
_POSSESSIVES = frozenset(["'s", "’s", "s'", "s’"])
_POSSESSIVE_S = ("'s", "’s")
_TRIM_TOKEN = ",.;:!?\"')”’"
_AFTER_WORD_MARKS = frozenset("$€£'’")
_OPENING_MARKS = "\"'“‘([«"
_CLOSING_MARKS = "\"'”’)]»"
_SENTENCE_END = frozenset(".!?:;—–-•*|>\n")
_ABBREVIATIONS = frozenset(
    "inc corp co ltd bros jr sr st mt ft gen col lt sgt capt maj rev gov sen rep dr mr mrs ms prof"
    " no vs".split()
)
_COMMON_ENDINGS = (
    "ing", "ed", "ally", "ently", "antly", "ously", "ively", "ately", "edly", "ingly", "ibly",
    "ably", "ment", "ments", "tion", "tions", "sion", "sions", "ness", "ity", "ities", "ism",
    "ive", "ous", "ful", "less", "able", "ance", "ence", "ists",
)  # fmt: skip
_ADVERB_ENDINGS = (
    "ally", "fully", "ately", "ently", "antly", "ously", "ively", "ingly", "edly", "ibly",
    "ably", "ely", "tly", "arly", "dly", "wly", "ply", "ssly", "ckly",
)  # fmt: skip
_QUOTES = frozenset("\"“‘'")
_DETERMINERS = frozenset(["the", "a", "an", "its", "his", "her", "their"])
_POSSESSIVE_DETERMINERS = frozenset(["my", "your", "his", "her", "its", "our", "their"])
_WEAK_PERSON_SHARE = 0.7
"""How much of the learned person reading moves to organisation for a one-word name that
nothing calls a person and something calls unlike one ("on Twitter")."""
_SPACE_OR_MARK = frozenset(" \t\n\"'“‘([«/—–")
_ARABIC_ARTICLES = frozenset([" al", " el", "\nal", "\nel"])
_BEFORE_MONTH = frozenset(
    "in since until till by from last next early late mid of during before after through".split()
)
_TEAM_ROLES = frozenset(
    "captain coach manager striker midfielder defender goalkeeper keeper batsman bowler"
    " spinner all-rounder skipper v vs".split()
)
_DATELINE_AFTER = re.compile(r"(?:,[^\S\n]+[A-Z][\w.]*)?[^\S\n]+(?:[—–-]|\d{4}-\d\d-\d\d)")
# In a headline in capitals, "SOCCER - JAPAN ..." is a topic, not a dateline: only a date counts.
_DATELINE_DATE = re.compile(r"(?:,[^\S\n]+[A-Z][\w.]*)?[^\S\n]+\d{4}-\d\d-\d\d")
_NORP_ENDINGS = ("an", "ans", "ese", "ish", "i", "is", "en", "ens")
_COORDINATORS = frozenset([" and ", " or ", " & ", " nor "])
_CLOSING_SEPARATORS = frozenset([", and ", ", or "])
_LIST_SEPARATORS = _COORDINATORS | _CLOSING_SEPARATORS | frozenset([", "])
_TRIM_AFTER = ",.;:!?\"'”’)"
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_DAY_AFTER = re.compile(r"[^\S\n]+\d{1,2}(?:st|nd|rd|th)?\b(?:,?[^\S\n]+(?:1[5-9]|20)\d\d\b)?")
_YEAR_AFTER = re.compile(r"[^\S\n]+(?:of[^\S\n]+)?(?:1[5-9]|20)\d\d\b")
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?[^\S\n]+$")
# Runs of letters and digits: the words a long text writes in lower case are among them.
_ALNUM_RUN = re.compile(r"[^\W_]+")
_LARGE_TEXT = 50_000
# "We're", "I'm", "Don't": the capitalised word before it is a pronoun or a verb, not a name.
_CONTRACTION_AFTER = re.compile(r"['’](?:m|re|ve|ll|d|t)\b")
# Abbreviations whose dot does not end a sentence: "Arsenal vs. Chelsea".
_INNER_ABBREVIATIONS = frozenset(["vs", "v", "e.g", "i.e", "cf", "approx", "incl", "ca"])
_HOLIDAY_DAY = re.compile(r"[^\S\n]+(?:Day|Eve|DAY|EVE)\b")
_TABLE_ROW = re.compile(r"[^\S\n]+[(\d][^\n]{0,200}")
_LOWER_WORD_IN_LINE = re.compile(r"\b[a-z]{2,}")
# A number after a brand in mixed case names a model: "PlayStation 5", "GoPro 9".
_MODEL_NUMBER = re.compile(r"[^\S\n]\d{1,2}\b(?![.,%]\d|%)")


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
    # A capitalised word, with inner hyphens, dots, "&" and apostrophes ("O'Neill", "U.S.",
    # "AT&T"), never a possessive "'s" or a contraction ("We're", "Don't"), and an optional final
    # dot that is trimmed later.
    word = rf"{up}\w*(?:[-&.]\w+|['’](?!(?:s|m|re|ve|ll|d|t)\b)\w+)*\.?"
    sep = r"[^\S\n]+"
    # The connectors are matched atomically: "of the" read as one connector or as two must not
    # be tried both ways when no name follows (that backtracking takes exponential time).
    return re.compile(rf"{word}(?:{sep}(?>(?:{_CONNECTORS}){sep})*+{word})*")


@dataclass(slots=True)
class Mention:
    """One place a name appears, with the evidence its context gives for a type."""

    start: int
    end: int
    surface: str
    words: tuple[str, ...]
    """The folded words of the name, connectors included."""
    key: str
    """The folded name: the same for "Xpeng Motor" and "XPENG MOTOR"."""
    votes: Votes = field(default_factory=dict)
    headline: bool = False
    """True when found in a headline in capitals or title case."""
    initial: bool = False
    """True when the name opens a sentence."""
    after_the: bool = False
    """True when "the" comes just before the name ("the Apple Car")."""
    context: tuple[str, str, str, str] = ("", "", "", "")
    """The learned model's classes of the tokens before and after the mention."""
    not_person: bool = False
    """True when the words around it are ones a person's name rarely has ("on Twitter",
    "Twitter account", "her Instagram page")."""


def add_vote(votes: Votes, kind: EntityType, weight: float) -> None:
    """Add ``weight`` to the vote for ``kind``."""
    votes[kind] = votes.get(kind, 0.0) + weight


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    key: str
    final: bool = False
    """True when a sentence-ending period followed the word."""
    surname: bool = False
    """True for a month name that is a surname here: "Theresa May", "Brian May"."""
    derived: bool = False
    """True when a lower-case part ("-based" of "London-based") was cut from the word: the name
    ends with it."""


def _fold(word: str, memos: Memos) -> str:
    """:func:`fold`, remembered (the same few thousand words come back in every article)."""
    key = memos.folded.get(word)
    if key is None:
        key = memos.folded.remember(word, fold(word))
    return key


_PARTICIPLE_ENDINGS = ("ed", "ing")


def derived_cut(word: str, derived_parts: frozenset[str], memos: Memos) -> int:
    """Where the name ends in a word made of a name and a lower-case part, or -1.

    "London-based", "Oscar-nominated", "Trump-era", "EU-wide", "Jedi-in-training": the part after
    the hyphen is a common word (a participle, or one of ``derived_parts``), so the name is the
    part before it ("London"). Parts that are syllables of the name stay: "Jong-un", "Ing-wen",
    "Hau-yip"; and so do capitalised parts: "Coca-Cola", "Jean-Pierre".
    """
    found = memos.derived_cuts.get(word)
    if found is not None:
        return found
    cut = -1
    dash = word.find("-", 1)
    while dash > 0:
        tail = word[dash + 1 :]
        if tail[:1].islower():
            last = tail.rsplit("-", 1)[-1]
            if (
                last.isalpha()
                and last.islower()
                and word[dash - 1].isalnum()
                and (
                    last in derived_parts or (len(last) >= 5 and last.endswith(_PARTICIPLE_ENDINGS))
                )
            ):
                cut = dash
            break
        dash = word.find("-", dash + 1)
    return memos.derived_cuts.remember(word, cut)


def _words_of(text: str, start: int, surface: str, lex: Lexicon, memos: Memos) -> list[_Word]:
    words: list[_Word] = []
    position = 0
    for piece in surface.split():
        s = surface.index(piece, position)
        position = s + len(piece)
        final = False
        key = ""
        if piece[-1] == "." and len(piece) > 1:
            bare = piece[:-1]
            folded = bare.casefold()
            if folded in MONTH_ABBREVIATIONS:
                key = folded + "."
            elif folded in lex.state_abbreviations:
                # "Sacramento, Calif.": the dot is the name's; a capital after it opens a sentence.
                after = start + s + len(piece)
                final = text[after : after + 1] == " " and text[after + 1 : after + 2].isupper()
            elif not ("." in bare or len(bare) == 1 or folded in _ABBREVIATIONS):
                piece, final = bare, True
        derived = False
        if "-" in piece and (cut := derived_cut(piece, lex.derived_parts, memos)) > 0:
            piece, key, derived = piece[:cut], "", True
        word = _Word(start + s, start + s + len(piece), key or _fold(piece, memos), final)
        if derived:
            word.derived = True
        words.append(word)
    return words


def _is_sentence_start(text: str, start: int) -> bool:
    """Whether a word at ``start`` opens a sentence (or a line, or a quotation)."""
    if (
        start >= 2
        and text[start - 1] == " "
        and (text[start - 2].isalnum() or text[start - 2] == ",")
    ):
        return False  # the common case: a word or a comma just before
    i = start - 1
    quoted = False
    while i >= 0 and (text[i] == " " or text[i] in _OPENING_MARKS or text[i] == "\t"):
        quoted = quoted or text[i] != " "
        i -= 1
    if i < 0 or (quoted and text[i] == ","):
        return True  # the text's start; a quotation: 'I said, "Tell them ..."'
    if text[i] in _CLOSING_MARKS:
        # "... he said.” Smith agreed": a quotation closing a sentence
        while i > 0 and text[i] in _CLOSING_MARKS:
            i -= 1
        return text[i] in ".!?"
    if text[i] == "." and i and text[i - 1].islower():
        low = max(0, i - 8)
        space = text.rfind(" ", low, i)
        return text[space + 1 if space >= 0 else low : i] not in _INNER_ABBREVIATIONS
    return text[i] in _SENTENCE_END


_CAPITALS, _TITLE_CASE, _DATELINE = 1, 2, 3

# What a capitalised word standing alone is, by its surface: a date word, something to skip
# (a function word, a title, a lone letter, a company suffix), or a possible name.
_DATE, _SKIP, _NAME = "date", "skip", "name"


def _single_word(surface: str, lex: Lexicon, memos: Memos) -> tuple[str, str]:
    """The folded key of a one-word run and what it is (remembered)."""
    key = _fold(surface, memos)
    if key in lex.single_word_stops:
        kind = _DATE if key in lex.date_words else _SKIP
    elif len(surface) == 1 or key in lex.openers or _is_bare_suffix(key, surface, lex):
        kind = _SKIP  # a lone letter (a list marker, an initial); "However"; "Inc."
    else:
        kind = _NAME
    return memos.single_words.remember(surface, (key, kind))


def _is_headline(line: str, lex: Lexicon) -> int:
    """``_CAPITALS`` for a line in capitals, ``_TITLE_CASE`` for a short line with most words
    capitalised, ``_DATELINE`` for such a line that holds a month and commas, else 0."""
    if line.isupper():
        return _CAPITALS if sum(c.isalpha() for c in line) >= 4 else 0
    if len(line) > 160 or ". " in line or line.rstrip().endswith("."):
        return 0
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 4:
        return 0
    capitalised = sum(w[0].isupper() for w in words)
    lowered = [w for w in words if not w[0].isupper()]
    if capitalised >= 0.75 * len(words) or (
        capitalised >= 3 and all(fold(w) in lex.openers for w in lowered)
    ):
        if "," in line and any(fold(w.strip(",")) in lex.months for w in words):
            return _DATELINE  # "Xinhua News Agency, Beijing, February 16th"
        return _TITLE_CASE
    return 0


class LowercaseUse:
    """Whether the text uses a word in lower case somewhere ("still" for "Still"): as a whole
    run of letters, with no letter or digit right before or after it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[str, bool] = {}
        self.words: frozenset[str] | None = None

    def __call__(self, key: str) -> bool:
        """Whether ``key`` (a folded word) is written in lower case somewhere in the text."""
        if len(self.text) > _LARGE_TEXT:
            # One pass over a long text, rather than one search for each word asked about.
            if self.words is None:
                self.words = _lowercase_words(self.text)
            return key in self.words
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = self._search(key)
        return found

    def _search(self, key: str) -> bool:
        text, n = self.text, len(key)
        if not key.isalpha():
            return False
        i = text.find(key)
        while i >= 0:
            before = text[i - 1] if i else " "
            after = text[i + n : i + n + 1]
            if not before.isalnum() and not (after.isalnum() if after else False):
                return True
            i = text.find(key, i + 1)
        return False


def _lowercase_words(text: str) -> frozenset[str]:
    """Every run of letters in lower case with no letter or digit beside it."""
    words: set[str] = set()
    for token in set(text.split()):
        if token.isalpha():
            if token.islower():
                words.add(token)
        else:
            words.update(r for r in _ALNUM_RUN.findall(token) if r.islower() and r.isalpha())
    return frozenset(words)


def _mark_month_surnames(text: str, words: list[_Word], lex: Lexicon) -> None:
    """A month right after a given name, with no day or year after it, is a surname."""
    for i in range(1, len(words)):
        word, previous = words[i], words[i - 1]
        if (
            word.key in lex.months
            and not word.key.endswith(".")
            and not previous.final
            and previous.key not in lex.date_words
            and previous.key not in _CONNECTOR_KEYS
            and previous.key not in lex.openers
            and previous.key not in lex.not_names
            and previous.key not in lex.title_words
            and previous.key not in lex.honorifics
            and not _DAY_AFTER.match(text, word.end)
            and not _YEAR_AFTER.match(text, word.end)
        ):
            word.surname = True


def _looks_common(key: str, lowercase: LowercaseUse) -> bool:
    """A word shaped like a common word: a participle, an adverb, an abstract noun, or the plural
    of a word the text writes in lower case ("Revised", "Currently", "Proposals")."""
    if len(key) < 5:
        return False
    if key.endswith(_COMMON_ENDINGS) or _is_adverb(key):
        return True
    return key[-1] == "s" and (lowercase(key[:-1]) or (key[-2] == "e" and lowercase(key[:-2])))


def _is_adverb(key: str) -> bool:
    """An adverb in -ly ("Hopefully", "Shortly"), not a name ("Kelly", "Vasily", "Beverly")."""
    return len(key) >= 6 and key.endswith(_ADVERB_ENDINGS)


def _is_bare_suffix(key: str, surface: str, lex: Lexicon) -> bool:
    """A company suffix alone: "Inc.", "Ltd", "Co." (but not "CO", Colorado)."""
    return key in lex.bare_suffixes or (
        key in lex.bare_suffixes_unless_capitals and not surface.isupper()
    )


def _is_mixed_case(surface: str) -> bool:
    """A last word with a capital inside that is not in capitals: "PlayStation", "GoPro"."""
    last = surface[surface.rfind(" ") + 1 :]
    return not last.isupper() and not last[1:].islower() and last[1:].isalpha()


def _name_shaped(surface: str) -> bool:
    """A short word in capitals, capitals inside a word or a digit say it is a name, wherever it
    stands: "NASA", "WeWork", "G8" (not "BOXING", a topic in capitals)."""
    if surface.isupper():
        return len(surface) <= 5
    return not surface[1:].islower()


def _segments(
    words: list[_Word], initial: bool, lowercase: LowercaseUse, lex: Lexicon
) -> list[tuple[list[_Word], Votes]]:
    """Cut the words of one capitalised run into names, each with the votes its cuts leave."""
    names: list[tuple[list[_Word], Votes]] = []
    current: list[_Word] = []
    votes: Votes = {}

    def close(next_votes: Votes | None = None) -> None:
        nonlocal current, votes
        while current and current[-1].key in _CONNECTOR_KEYS:
            current.pop()
        if current:
            names.append((current, votes))
        current, votes = [], next_votes if next_votes is not None else {}

    i, n = 0, len(words)
    while i < n:
        word = words[i]
        key = word.key
        if (initial or (i and words[i - 1].final)) and not current:
            initial = False
            common = key in lex.openers or (
                key not in lex.gazetteer
                and (
                    key in lex.initial_never
                    or _is_adverb(key)
                    or lowercase(key)
                    or (i + 1 == n and _looks_common(key, lowercase))
                )
            )
            if common and not (i + 1 < n and f"{key} {words[i + 1].key}" in lex.gazetteer):
                # drop "The", "Still", "Hopefully", "Improvements" (alone), keep "New York"
                i += 1
                continue
        initial = False
        if not current and (key == "a" or key == "an"):
            i += 1  # "A Digital Britain": an article never opens a name
            continue
        if key in _CONNECTOR_KEYS:
            if not current and _opens_name(words, i):
                current.append(word)  # "Al Gore", "De Beers", "El Salvador"
            elif current and (
                key in _PARTICLES
                or (key == "and" and _joins_and(words, i, current, lowercase, lex))
                or ((key == "of" or key == "for") and current[-1].key in lex.joins_of)
                or (key == "the" and (current[-1].key == "of" or current[-1].key == "for"))
            ):
                current.append(word)
            else:
                close()
            i += 1
            continue
        if key in lex.honorifics:
            close({PERSON: 4.0})
        elif key in lex.not_names or (key in lex.date_words and not word.surname):
            role = key in lex.title_heads
            if role and current:
                add_vote(votes, ORG, 1.0)  # "Xiaomi CEO ..."
            close({PERSON: 2.0} if role else None)
            if key in lex.holidays and i + 1 < n and words[i + 1].key in ("day", "eve"):
                i += 1  # "Christmas Day" is a date
        elif key in lex.title_words:
            j = _title_end(words, i, lex)
            if j < 0:
                current.append(word)  # "General Motors", "State Street"
            else:
                # A title is never part of a name: the name after it is a person's, and a name
                # just before it ("UN Secretary General") is the organisation it belongs to.
                if current and lex.gazetteer.get(current[-1].key, _UNKNOWN)[0] is not PLACE:
                    add_vote(votes, ORG, 2.0)
                close()
                if j + 2 < n and words[j].key == "of" and words[j + 1].key not in _CONNECTOR_KEYS:
                    # "Secretary of Defense William Cohen": the department is an organisation.
                    names.append(([words[j + 1]], {ORG: 2.0}))
                    j += 2
                if j < n and words[j].key not in _CONNECTOR_KEYS:
                    votes = {PERSON: 3.0}
                i = j
                continue
        else:
            current.append(word)
        if word.final or word.derived:
            close()
        i += 1
    close()

    # A nationality before a person's name: "Australian Tom Moody".
    result: list[tuple[list[_Word], Votes]] = []
    for name, name_votes in names:
        if (
            len(name) >= 3
            and lex.gazetteer.get(name[0].key, _UNKNOWN)[0] is NORP
            and not any(w.key in lex.org_heads or w.key in _CONNECTOR_KEYS for w in name[1:])
        ):
            result.append(([name[0]], {}))
            add_vote(name_votes, PERSON, 1.0)
            result.append((name[1:], name_votes))
        else:
            result.append((name, name_votes))
    return result


def _opens_name(words: list[_Word], i: int) -> bool:
    """A particle opening a name: "Al Gore", "De Beers", "El Salvador", "Van Gogh"."""
    key = words[i].key
    return (
        key in _PARTICLES
        and len(key) > 1
        and i + 1 < len(words)
        and words[i + 1].key not in _CONNECTOR_KEYS
    )


def _joins_and(
    words: list[_Word], i: int, current: list[_Word], lowercase: LowercaseUse, lex: Lexicon
) -> bool:
    """Whether "and" is inside an agency's name: "Securities and Exchange Commission", "Food and
    Drug Administration" (a common word before it, an organisation's head word ending it)."""
    if len(current) != 1 or i + 1 >= len(words) or words[i + 1].key in _CONNECTOR_KEYS:
        return False
    first = current[0].key
    if first in lex.gazetteer or not (lowercase(first) or _looks_common(first, lowercase)):
        return False
    head = words[-1].key
    for position in range(i + 1, len(words)):
        if words[position].key in ("of", "for"):
            head = words[position - 1].key  # "Import and Export Bank of China"
            break
    return head in lex.org_heads


def _title_end(words: list[_Word], i: int, lex: Lexicon) -> int:
    """Where the title starting at word ``i`` ends ("Vice President", "Secretary General",
    "Chief Executive"), or -1 when these words are no title here: none of them is a title's
    head, or the run is an organisation's name ("Defense Intelligence Agency")."""
    j = i
    titles = lex.title_words
    while j < len(words) and words[j].key in titles:
        j += 1
    if words[-1].key in lex.org_heads or not any(
        words[k].key in lex.title_heads for k in range(i, j)
    ):
        return -1
    return j


def _headline_names(
    text: str, words: list[_Word], known: frozenset[str], lex: Lexicon
) -> list[list[_Word]]:
    """The names inside a headline run: names the rest of the document (``known``) or the
    gazetteer knows, read longest first. A run opening a dateline ("NEW YORK 1996-08-30") is a
    name."""
    if (
        (words[0].start == 0 or text[words[0].start - 1] == "\n")
        and _DATELINE_DATE.match(text, words[-1].end)
        and not any(w.key in lex.openers or w.key in lex.not_names for w in words)
    ):
        return [words]
    names: list[list[_Word]] = []
    i, n = 0, len(words)
    while i < n:
        for size in range(min(4, n - i), 0, -1):
            chunk = words[i : i + size]
            key = " ".join(w.key for w in chunk)
            if (key in known or key in lex.gazetteer) and (
                size > 1
                or not (key in lex.openers or key in lex.not_names or key in lex.date_words)
            ):
                names.append(chunk)
                i += size
                break
        else:
            i += 1
    return names


def _date_span(
    text: str, start: int, end: int, key: str, lex: Lexicon, memos: Memos
) -> tuple[int, int] | None:
    """The whole date around a month or weekday name ("3 March 2021"), or None for "May I"."""
    if key in lex.months:
        day_after = _DAY_AFTER.match(text, end) or _YEAR_AFTER.match(text, end)
        day_before = _DAY_BEFORE.search(text, max(0, start - 8), start)
        if (
            key == "may"
            and not day_after
            and not day_before
            and _word_before(text, start, memos)[0] not in _BEFORE_MONTH
        ):
            return None  # more likely the verb
        if day_before:
            start = day_before.start()
        if day_after:
            end = day_after.end()
    elif key in lex.holidays and (day := _HOLIDAY_DAY.match(text, end)):
        end = day.end()  # "Christmas Day", "Christmas Eve"
    return start, end


def _years(text: str) -> list[tuple[int, int]]:
    """Years and ISO dates: "2018", "the 1990s", "1996-08-30" (not "12018" or "2018.5")."""
    found = []
    n = len(text)
    for match in _YEAR.finditer(text):
        start, end = match.span()
        if start and (text[start - 1].isalnum() or text[start - 1] in ".,$€£-"):
            continue
        if text[end : end + 6] and text[end] == "-" and text[end + 1 : end + 3].isdigit():
            if text[end + 3 : end + 4] == "-" and text[end + 4 : end + 6].isdigit():
                end += 6
        elif end < n and text[end] == "s" and (end + 1 == n or not text[end + 1].isalnum()):
            end += 1
        if end < n and (
            text[end].isalnum()
            or text[end] in "%-"
            or (text[end] in ".," and text[end + 1 : end + 2].isdigit())
        ):
            continue
        found.append((start, end))
    return found


def find_mentions(
    text: str, lowercase: LowercaseUse | None = None, memos: Memos | None = None
) -> tuple[dict[str, list[Mention]], list[tuple[int, int]]]:
    """The name mentions of ``text`` grouped by folded name, with their votes; the date spans.

    Groups come in the order of their first mention; each group is in reading order.
    ``lowercase`` answers which words the text writes in lower case (made here if not given);
    ``memos`` are the memo tables to use (fresh ones if not given).
    """
    lex = lexicon()
    scan = _Scan(text, lex, lowercase or LowercaseUse(text), memos or Memos())
    read = scan.read
    for match in _span_pattern().finditer(text):
        start, end = match.span()
        read(start, end, text[start:end])
    mentions = scan.finish()
    groups = _grouped(mentions)
    _vote_groups(groups, mentions, text, lex, scan.memos)
    scan.dates.extend(_years(text))
    return groups, _without_overlaps(scan.dates)


class _Scan:
    """One pass over the runs of capitalised words of a text: what was found so far."""

    __slots__ = (
        "dateline",
        "dates",
        "headline",
        "headline_runs",
        "lex",
        "line_end",
        "line_start",
        "lowercase",
        "memos",
        "mentions",
        "suspects",
        "text",
    )

    def __init__(self, text: str, lex: Lexicon, lowercase: LowercaseUse, memos: Memos) -> None:
        self.text, self.lex, self.lowercase, self.memos = text, lex, lowercase, memos
        self.mentions: list[Mention] = []
        self.dates: list[tuple[int, int]] = []
        self.headline_runs: list[list[_Word]] = []
        self.suspects: list[tuple[Mention, bool]] = []
        """One-word names opening a sentence, kept only if something confirms them."""
        self.line_start, self.line_end, self.headline, self.dateline = 0, -1, 0, False

    def read(self, start: int, end: int, surface: str) -> None:
        """Read one run of capitalised words found at ``start``."""
        text = self.text
        if start >= self.line_end:
            self._enter_line(start)
        if (
            (start and text[start - 1] not in _SPACE_OR_MARK)
            or text[end : end + 1] in _AFTER_WORD_MARKS
            or text[end + 1 : end + 2].isdigit()
        ):
            span = _name_span(text, start, end, surface)
            if span is None:
                return
            start, end, surface = span
        if self.headline and (self.headline == _TITLE_CASE or surface.count(" ") >= 2):
            self.headline_runs.append(_words_of(text, start, surface, self.lex, self.memos))
            return
        if "-" in surface and " " not in surface and surface[-1] != ".":
            # "London-based": the name is "London".
            cut = derived_cut(surface, self.lex.derived_parts, self.memos)
            if cut > 0:
                surface, end = surface[:cut], start + cut
        if " " not in surface and surface[-1] != ".":
            self._read_word(start, end, surface)
        else:
            self._read_run(start, surface)

    def _enter_line(self, start: int) -> None:
        """Note the line ``start`` is on, and whether it is a headline."""
        text = self.text
        self.line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        self.line_end = len(text) if line_end < 0 else line_end
        kind = _is_headline(text[self.line_start : self.line_end], self.lex)
        self.dateline = kind == _DATELINE
        self.headline = 0 if self.dateline else kind

    def _read_word(self, start: int, end: int, surface: str) -> None:
        """One word, the common case: a date word, a word to skip, or a name."""
        text, lex = self.text, self.lex
        key, kind = self.memos.single_words.get(surface) or _single_word(surface, lex, self.memos)
        if kind is not _NAME:
            if kind is _DATE:
                span = _date_span(text, start, end, key, lex, self.memos)
                if span is not None:
                    self.dates.append(span)
            return
        if (
            self.headline
            and text[end : end + 2] == " -"
            and not text[self.line_start : start].strip()
        ):
            return  # a topic before a headline in capitals: "SOCCER - JAPAN GET ..."
        initial = _is_sentence_start(text, start)
        if initial and key not in lex.gazetteer:
            if (
                key in lex.initial_never
                or self.lowercase(key)
                or text[end : end + 2].lstrip(" ")[:1] == ":"
            ):
                return  # "Be sure"; "Still" (the text has "still"); "Attendance: 4,000"
            self._add_opening(Mention(start, end, surface, (key,), key, {}, False, True))
            return
        # In a dateline, a name after a comma is where the story comes from.
        votes: Votes = {PLACE: 6.0} if self.dateline and text[start - 2 : start] == ", " else {}
        self.mentions.append(Mention(start, end, surface, (key,), key, votes, False, initial))

    def _add_opening(self, mention: Mention) -> None:
        """A one-word name opening a sentence: kept when shaped like a name or typed by its
        context, else a suspect for :func:`_confirmed`."""
        if mention.votes or _name_shaped(mention.surface):
            self.mentions.append(mention)  # "NASA", "WeWork"
        else:
            self.suspects.append((mention, _looks_common(mention.key, self.lowercase)))

    def _read_run(self, start: int, surface: str) -> None:
        """A run of several words (or one with a final dot): cut into names."""
        text, lex, memos = self.text, self.lex, self.memos
        initial = _is_sentence_start(text, start)
        if not initial and (known_run := memos.runs.get(surface)) is not None:
            # A run met before, inside a sentence: it is cut the same way wherever it stands.
            for offset, size, keys, key, votes in known_run:
                s = start + offset
                self.mentions.append(
                    Mention(s, s + size, surface[offset : offset + size], keys, key, dict(votes))
                )
            return
        words = _words_of(text, start, surface, lex, memos)
        if len(words) >= 3 and surface.isupper():
            self.headline_runs.append(words)  # a headline in capitals inside a longer line
            return
        _mark_month_surnames(text, words, lex)
        has_date = self._note_dates(words)
        # Where a sentence starts inside the run: its start, and after a word ending one.
        openings = {b.start for a, b in pairwise(words) if a.final}
        if initial:
            openings.add(start)
        # How this run is cut depends on nothing around it when it does not open a sentence
        # and holds no date and no full stop: then the cut is remembered for the next time.
        remember: RunCut | None = None if openings or has_date else []
        for name, votes in _segments(words, initial, self.lowercase, lex):
            self._add_name(name, votes, start, initial, openings, remember)
        if remember is not None:
            memos.runs.remember(surface, remember)

    def _note_dates(self, words: list[_Word]) -> bool:
        """Add the dates among a run's words ("3 March 2021"); whether it holds a date word."""
        found = False
        for word in words:
            if word.key in self.lex.date_words:
                found = True
                if not word.surname:
                    span = _date_span(
                        self.text, word.start, word.end, word.key, self.lex, self.memos
                    )
                    if span is not None:
                        self.dates.append(span)
        return found

    def _add_name(
        self,
        name: list[_Word],
        votes: Votes,
        start: int,
        initial: bool,
        openings: set[int],
        remember: RunCut | None,
    ) -> None:
        """Add one name cut from a run that starts at ``start``."""
        text, lex = self.text, self.lex
        s, e = name[0].start, name[-1].end
        keys = tuple(w.key for w in name)
        if len(name) == 1:
            key = keys[0]
            if key in lex.openers or _is_bare_suffix(key, text[s:e], lex):
                return
            if s in openings and key not in lex.gazetteer:
                if key not in lex.initial_never:
                    self._add_opening(Mention(s, e, text[s:e], keys, key, votes, initial=True))
                return
        key = " ".join(keys)
        if remember is not None:
            remember.append((s - start, e - s, keys, key, dict(votes)))
        self.mentions.append(
            Mention(s, e, text[s:e], keys, key, votes, False, initial and s == start)
        )

    def finish(self) -> list[Mention]:
        """Every mention in reading order, with the confirmed suspects and the names of
        headlines added."""
        text, lex, mentions = self.text, self.lex, self.mentions
        if self.suspects:
            mentions.extend(_confirmed(self.suspects, mentions, text, lex, self.memos))
            mentions.sort(key=lambda m: m.start)
        mentions = _without_unnamed_derivations(mentions, lex)
        if self.headline_runs:
            mentions.extend(_headline_mentions(text, self.headline_runs, mentions, lex))
            mentions.sort(key=lambda m: m.start)
        return mentions


def _name_span(text: str, start: int, end: int, surface: str) -> tuple[int, int, str] | None:
    """The run as a name: with an Arabic article before it ("al-Aqsa"), without a contraction
    ("We're"), with a model number after it ("PlayStation 5"); None inside a word or an amount."""
    n = len(text)
    if start and text[start - 1] not in _SPACE_OR_MARK:
        if text[start - 1] == "-" and text[start - 4 : start - 1].lower() in _ARABIC_ARTICLES:
            start -= 3  # "al-Aqsa", "el-Sisi": the article belongs to the name
            surface = text[start:end]
        elif _brand_in_lower_case(text, start):
            start -= 1  # "iPhone", "eBay": the small letter belongs to the name
            surface = text[start:end]
        elif text[start - 1].isalnum() or text[start - 1] in "$€£":
            return None  # inside a word or an amount
    if end < n and text[end] in _AFTER_WORD_MARKS:
        if text[end] in "$€£":
            return None  # a currency: "C$", "A$"
        if _CONTRACTION_AFTER.match(text, end):
            # "We're", "Don't": the last word is a pronoun or a verb.
            cut = surface.rfind(" ")
            if cut < 0:
                return None
            surface = surface[:cut]
            end = start + cut
    if (
        text[end + 1 : end + 2].isdigit()
        and text[end] == " "
        and _is_mixed_case(surface)
        and (model := _MODEL_NUMBER.match(text, end))
    ):
        end = model.end()  # "PlayStation 5"
        surface = text[start:end]
    return start, end, surface


def _brand_in_lower_case(text: str, start: int) -> bool:
    """Whether the capitalised word at ``start`` follows one small letter that opens a word:
    "iPhone", "eBay" (not "pH", "mRNA", nor "desk@eBay" or "www.iPhone")."""
    return (
        text[start - 1].islower()
        and text[start + 1 : start + 2].islower()
        and (start == 1 or text[start - 2] in _SPACE_OR_MARK)
    )


def _headline_mentions(
    text: str, runs: list[list[_Word]], mentions: list[Mention], lex: Lexicon
) -> list[Mention]:
    """The names in headline runs that the rest of the text (or the gazetteer) shows to be names."""
    known = frozenset(m.key for m in mentions) | frozenset(
        w for m in mentions for w in m.words if w not in _CONNECTOR_KEYS
    )
    found = []
    for words in runs:
        for name in _headline_names(text, words, known, lex):
            s, e = name[0].start, name[-1].end
            keys = tuple(w.key for w in name)
            found.append(Mention(s, e, text[s:e], keys, " ".join(keys), {}, True))
    return found


def _grouped(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """Mentions grouped by folded name, in the order of each name's first mention."""
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        group = groups.get(mention.key)
        if group is None:
            groups[mention.key] = [mention]
        else:
            group.append(mention)
    return groups


def _vote_groups(
    groups: dict[str, list[Mention]], mentions: list[Mention], text: str, lex: Lexicon, memos: Memos
) -> None:
    """Add every vote: the name's own words, the words around each mention, lists of names,
    and the learned model."""
    shapes = memos.shapes
    for group in groups.values():
        shape = shapes.get(group[0].surface)
        if shape is None:
            shape = shapes.remember(group[0].surface, _shape_votes(group[0], lex))
        for mention in group:
            votes = mention.votes
            for kind, weight in shape.items():
                votes[kind] = votes.get(kind, 0.0) + weight
            mention.context = _vote_context(mention, text, lex, memos)
    _share_coordinated_votes(mentions, text)
    table = learned.weights()
    if table:
        _vote_learned(groups, lex, table, memos)


def _confirmed(
    suspects: list[tuple[Mention, bool]],
    mentions: list[Mention],
    text: str,
    lex: Lexicon,
    memos: Memos,
) -> list[Mention]:
    """The one-word names opening a sentence that something else shows to be names.

    A capital letter proves nothing there, so such a word is kept only when the text also uses
    it as a name (alone, or as the last word of a longer name: "Musk" after "Elon Musk"), or,
    unless it is shaped like a common word ("Revised", "Hopefully"), when its context types it
    ("Harbourline's", "Harbourline, which", "Harbourline said").
    """
    names = {m.key for m in mentions}
    names.update(m.words[-1] for m in mentions if len(m.words) > 1)
    openings: dict[str, int] = {}
    for mention, common in suspects:
        if not common:
            openings[mention.key] = openings.get(mention.key, 0) + 1
    kept = []
    for mention, common in suspects:
        if mention.key in names or (
            not common
            and (
                openings[mention.key] > 1
                or _in_table_row(text, mention.end)
                or _has_name_cue(mention, text, lex, memos)
            )
        ):
            kept.append(mention)
    return kept


def _in_table_row(text: str, end: int) -> bool:
    """A word opening a line of results or a table: numbers follow it and no lower-case word
    does ("Stoke 4 3 1 0 9", "Pohang 3 Ulsan 2")."""
    match = _TABLE_ROW.match(text, end)
    return match is not None and not _LOWER_WORD_IN_LINE.search(match.group())


def _has_name_cue(mention: Mention, text: str, lex: Lexicon, memos: Memos) -> bool:
    """Whether the context of a mention says it is a name: a possessive, or any typing cue."""
    if text[mention.end : mention.end + 3].lstrip(" ")[:2] in _POSSESSIVES:
        return True  # "Everton's", "Everton 's"
    _vote_context(mention, text, lex, memos)
    votes, mention.votes = mention.votes, {}
    mention.after_the = mention.not_person = False
    if mention.key.endswith("s") and votes.keys() == {PERSON} and votes[PERSON] <= 1.0:
        return False  # "Officials said", "Critics say"
    return bool(votes)


def _without_unnamed_derivations(mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """Drop adjectives made from a name the text does not name: "BPA-free", "Oscar-winning"
    (kept: "London-based", and "Oscar-winning" when "Oscar" is named too)."""
    derived: list[tuple[Mention, str]] = []
    for mention in mentions:
        last = mention.words[-1]
        dash = last.rfind("-")
        if dash < 0:
            continue
        part = last[dash + 1 :]
        if not part.isalpha() or not mention.surface.endswith(part):
            continue  # "Weston-super-Mare", "Coca-Cola"
        if len(mention.words) == 1 or part in lex.derived_parts:
            cut = mention.surface.find("-", len(mention.surface) - len(last))
            derived.append((mention, fold(mention.surface[:cut])))
    if not derived:
        return mentions
    names = {m.key for m in mentions} - {m.key for m, _ in derived}
    dropped = {id(m) for m, head in derived if head not in names and head not in lex.gazetteer}
    return [m for m in mentions if id(m) not in dropped]


def _without_overlaps(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


def _word_before(text: str, start: int, memos: Memos) -> tuple[str, int]:
    """The folded word just before ``start`` (separated by one space) and where it starts."""
    if start < 2 or text[start - 1] != " ":
        return "", -1
    low = max(0, start - 32)
    i = text.rfind(" ", low, start - 1) + 1
    if not i and low:
        return "", -1  # a word too long to be one the lists know
    word = text[i : start - 1]
    if "\n" in word:
        return "", -1
    return (memos.folded.get(word) or _fold(word, memos)), i


def _vote_context(
    mention: Mention, text: str, lex: Lexicon, memos: Memos
) -> tuple[str, str, str, str]:
    """Add the votes the words around a mention give; return the learned model's classes of
    the tokens around it (as :func:`learned.context_token` gives them)."""
    place_before, place_after = _vote_near_words(mention, text, lex, memos)
    before2 = after2 = ""
    if place_before.islower() and place_before.isalpha():
        before2 = _second_before(text, mention.start - 1 - len(place_before), place_before, memos)
    elif place_before in _QUOTES and _names_a_work(text, mention.start - 1, lex, memos):
        add_vote(mention.votes, OTHER, 6.0)  # 'the song "Bad Blood"'
        mention.not_person = True
    if place_after.islower() and place_after.isalpha():
        word_end = mention.end + 1 + len(place_after)
        if text[mention.end + 1 : word_end].casefold() == place_after:
            after2 = _token_after(text[word_end : word_end + 40], memos)
    return place_before, place_after, before2, after2


def _second_before(text: str, word_start: int, word: str, memos: Memos) -> str:
    """The class of the token before ``word`` (a lower-case word at ``word_start``), as
    :func:`learned.second_before` gives it, or "" when the word is not there."""
    if word_start < 0 or text[word_start : word_start + len(word)].casefold() != word:
        return ""
    if word_start == 0:
        return "<s>"
    previous = text[word_start - 1]
    if previous != " ":
        return "<s>" if previous == "\n" else previous
    space = text.rfind(" ", max(0, word_start - 32), word_start - 1)
    if space < 0 and word_start > 32:
        space = text.rfind(" ", 0, word_start - 1)  # a long token: its start is further back
    token = text[space + 1 : word_start - 1]
    newline = token.rfind("\n")
    if newline >= 0:
        token = token[newline + 1 :]
    return memos.token_classes.get(token) or _token_class(token, memos)


def _names_a_work(text: str, quote: int, lex: Lexicon, memos: Memos) -> bool:
    """Whether the word before the opening quote at ``quote`` is a work's noun ("song")."""
    before, _ = _word_before(text, quote, memos)
    return before in lex.work_nouns


def _vote_near_words(mention: Mention, text: str, lex: Lexicon, memos: Memos) -> tuple[str, str]:
    """Add the votes the words just around a mention give; return the learned model's classes
    of the token before and after it."""
    votes = mention.votes
    start, end = mention.start, mention.end
    # The token before: one look back serves the rules and the learned model.
    before, before_start = "", -1
    if start == 0:
        place_before = "<s>"
    elif (previous := text[start - 1]) != " ":
        place_before = "<s>" if previous == "\n" else previous
    else:
        low = max(0, start - 32)
        space = text.rfind(" ", low, start - 1)
        if space < 0 and start > 32:
            space = text.rfind(" ", 0, start - 1)  # a long token: its start is further back
        token = text[space + 1 : start - 1]
        newline = token.rfind("\n")
        if newline >= 0:
            place_before = _token_class(token[newline + 1 :], memos)
        else:
            place_before = memos.token_classes.get(token) or _token_class(token, memos)
            if start >= 2:
                before_start = space + 1
                before = memos.folded.get(token) or _fold(token, memos)
    after_text = text[end : end + 40]
    # The common case, a word after one space: read once for the learned model and the rules.
    next_word = ""
    if after_text[:1] == " " and after_text[1:2].isalpha():
        next_word = after_text[1:].split(None, 1)[0]
        if next_word[-1].isalpha() and len(next_word) < 31:
            place_after = memos.token_classes.get(next_word) or _token_class(next_word, memos)
        else:
            place_after = _token_after(after_text, memos)
    else:
        place_after = _token_after(after_text, memos)
    if (before and before in lex.not_person_before) or (next_word and next_word[0].islower()):
        _mark_not_person(mention, before, next_word, lex)
    if before:
        _vote_word_before(mention, text, before, before_start, after_text, lex, memos)
    if not after_text:
        return place_before, place_after
    if after_text[:2] in _POSSESSIVE_S and after_text[2:3] == " ":
        _mark_possessed(mention, after_text, lex, memos)
    if start == 0 or text[start - 1] == "\n":
        _vote_dateline(votes, text, end, after_text)
    if after_text[0] == ",":
        _vote_apposition(votes, after_text, lex, memos)
    elif after_text[0] == " ":
        pieces = [next_word] if next_word else after_text.split(None, 1)
        if pieces and pieces[0][0] != "(":
            # A word after the name: what it says depends on the word alone.
            token = pieces[0]
            after_words = memos.after_words
            vote = after_words[token] if token in after_words else _after_word(token, lex, memos)
            if vote is not None:
                add_vote(votes, vote[0], vote[1])
        else:
            _vote_parenthesis_after(votes, after_text, lex, memos)
    return place_before, place_after


def _vote_word_before(
    mention: Mention,
    text: str,
    before: str,
    before_start: int,
    after_text: str,
    lex: Lexicon,
    memos: Memos,
) -> None:
    """The votes of the folded word ``before`` just before a mention (and of the word before
    that when the two make a context: "invested in")."""
    votes = mention.votes
    if before == "the":
        mention.after_the = True
    person_or_org, second_of_pair, place_word, product = memos.before_words.get(
        before
    ) or _before_word(before, lex, memos)
    for kind, weight in person_or_org:
        add_vote(votes, kind, weight)  # "Mr", "founder"; "maker", "rival"
    pair: tuple[str, str] | None = None
    if second_of_pair:
        pair = (_word_before(text, before_start, memos)[0], before)
    if pair is not None and pair in lex.org_before_pairs:
        add_vote(votes, ORG, 3.0)  # "invested in Xpeng", "shares of Apple"
    elif pair is not None and pair in lex.place_before_pairs:
        add_vote(votes, PLACE, 2.0)  # "based in Bergen"
    elif place_word and after_text[:3].lstrip(" ")[:2] not in _POSSESSIVES:
        # "in Lisbon", but not "in Apple's footsteps": there "in" governs "footsteps".
        add_vote(votes, PLACE, 0.5)
    if product:
        add_vote(votes, PRODUCT, 3.0)  # "called Micar"


def _mark_possessed(mention: Mention, after_text: str, lex: Lexicon, memos: Memos) -> None:
    """A possessive followed by a noun a person rarely has: "Instagram's platform"."""
    following = after_text[3:].split(None, 1)
    if (
        following
        and _fold(following[0].strip(_TRIM_AFTER), memos) in lex.not_person_after_possessive
    ):
        mention.not_person = True


def _vote_dateline(votes: Votes, text: str, end: int, after_text: str) -> None:
    """A name opening a line as a dateline is a place: "LISBON — The city ...", "LONDON
    1996-08-30"; not a topic before a headline in capitals ("SOCCER - JAPAN GET LUCKY WIN")."""
    dateline = _DATELINE_AFTER.match(after_text)
    if dateline is None:
        return
    rest = text[end + dateline.end() : end + dateline.end() + 30]
    if dateline.group().endswith(tuple("0123456789")) or not rest.isupper():
        add_vote(votes, PLACE, 6.0)


def _vote_apposition(votes: Votes, after_text: str, lex: Lexicon, memos: Memos) -> None:
    """What follows a comma after a name: "Lei Jun, founder and CEO", "Harbourline, the
    operator of ...", "Collective Bias, Inc."."""
    pieces = after_text[1:].split(None, 4)[:4]
    after = _fold(pieces[0].strip(_TRIM_AFTER), memos) if pieces else ""
    if after in _DETERMINERS or (pieces and pieces[0][:1].isupper()):
        # "..., the operator of", "..., Vessen Marine's managing director"
        nouns = [_fold(p.strip(_TRIM_AFTER), memos) for p in pieces[1:]]
    else:
        nouns = [after]
    if pieces and (after in lex.droppable_suffixes or _is_bare_suffix(after, pieces[0], lex)):
        add_vote(votes, ORG, 3.0)  # "Collective Bias, Inc."
    elif after == "who" or any(n in lex.person_before for n in nouns):
        add_vote(votes, PERSON, 2.0)
    elif after == "which" or any(n in lex.org_before for n in nouns):
        add_vote(votes, ORG, 1.5)


def _vote_parenthesis_after(votes: Votes, after_text: str, lex: Lexicon, memos: Memos) -> None:
    """A parenthesis after a name: a player and their country ("Edberg (Sweden)")."""
    pieces = after_text.split(None, 1)
    after = _fold(pieces[0].strip(_TRIM_AFTER), memos) if pieces else ""
    if after in lex.org_after:
        add_vote(votes, ORG, 1.5)
    elif after in _TEAM_ROLES:
        add_vote(votes, ORG, 1.5)  # a team: "Surrey captain", "Barcelona coach"
    elif after_text[1:3].lstrip(" ")[:1] == "(":
        inside = _fold(after_text.split("(", 1)[1].split(")", 1)[0].strip(), memos)
        if lex.gazetteer.get(inside, _UNKNOWN)[0] is PLACE:
            add_vote(votes, PERSON, 2.0)
    elif after in lex.person_after:
        add_vote(votes, PERSON, 1.0 if after in ("who", "whose") else 0.5)


def _mark_not_person(mention: Mention, before: str, next_word: str, lex: Lexicon) -> None:
    """Note words around a mention that a person's name rarely has: "on Twitter", "Twitter
    account", "her Instagram page" (a name between a possessive and a noun modifies the noun)."""
    if before in lex.not_person_before:
        mention.not_person = True
    elif next_word and next_word[0].islower():
        after = next_word.rstrip(_TRIM_AFTER)
        if after in lex.not_person_after or (before in _POSSESSIVE_DETERMINERS and after.isalpha()):
            mention.not_person = True


def _before_word(before: str, lex: Lexicon, memos: Memos) -> WordVotes:
    """What a folded word before a name says: its person or organisation votes, whether it ends
    a two-word context ("invested in"), whether it says place ("in"), and product ("called")."""
    votes: list[tuple[EntityType, float]] = []
    if before in lex.honorifics:
        votes.append((PERSON, 4.0))
    elif before in lex.person_before:
        votes.append((PERSON, 3.0))
    if before in lex.org_before:
        votes.append((ORG, 2.0))
    return memos.before_words.remember(
        before,
        (
            tuple(votes),
            before in lex.pair_seconds,
            before in lex.place_before,
            before in lex.product_before,
        ),
    )


def _after_word(token: str, lex: Lexicon, memos: Memos) -> tuple[EntityType, float] | None:
    """The vote a word after a name gives ("Apple shares", "Surrey captain", "Musk said")."""
    after = _fold(token.strip(_TRIM_AFTER), memos)
    vote: tuple[EntityType, float] | None = None
    if after in lex.org_after:
        vote = (ORG, 1.5)
    elif after in _TEAM_ROLES:
        vote = (ORG, 1.5)  # a team: "Surrey captain", "Barcelona coach"
    elif after in lex.person_after:
        vote = (PERSON, 1.0 if after in ("who", "whose") else 0.5)
    return memos.after_words.remember(token, vote)


def _token_class(token: str, memos: Memos) -> str:
    """:func:`learned.token_class`, remembered."""
    found = memos.token_classes.get(token)
    if found is None:
        found = memos.token_classes.remember(token, learned.token_class(token))
    return found


def _token_after(after_text: str, memos: Memos) -> str:
    """The learned model's class of the token after a mention, from the text that follows it."""
    if after_text[:1] == " " and after_text[1:2].isalpha():
        # The common case: a word after one space.
        token = after_text[1:32].split(None, 1)[0]
        if token[-1].isalpha():
            return memos.token_classes.get(token) or _token_class(token, memos)
    following = after_text[:32]
    if not following or following[0] == "\n":
        return "<s>"
    if following[0] != " ":
        return "'s" if following[:2] in _POSSESSIVE_S else following[0]
    if following[1:2] == "\n" or not following[1:].strip():
        return "<s>"
    token = following[1:].split(None, 1)[0]
    if token in _POSSESSIVE_S:
        return "'s"
    return _token_class(token.rstrip(_TRIM_TOKEN) or token, memos)


def name_features(mention: Mention, lex: Lexicon) -> list[str]:
    """The learned model's features of the name itself (see :mod:`reader.entities.learned`)."""
    # The model was not shown the cities as known places: they vote through the gazetteer.
    known = None if mention.key in lex.cities else lex.gazetteer.get(mention.key)
    return learned.shape_features(
        mention.words, mention.surface, known[0] if known else None, lex.head_words
    )


def place_features(mention: Mention, text: str) -> list[str]:
    """The learned model's features of where the mention stands."""
    return learned.context_features(
        *learned.context_token(text, mention.start, mention.end), mention.initial, mention.headline
    )


def _vote_learned(
    groups: dict[str, list[Mention]], lex: Lexicon, table: learned.Weights, memos: Memos
) -> None:
    """Add the learned model's opinion once per name: its probabilities averaged over the
    mentions, so that a name mentioned often is not decided by the model alone.

    A mention's probabilities are the softmax of its name's scores plus its context's scores;
    with the exponentials of both remembered, that is a product and a division.
    """
    scale = learned.SCALE
    person, organisation, place, other = learned.CLASSES
    name_memo, place_memo, pairs = memos.name_scores, memos.context_scores, memos.pair_scores
    for group in groups.values():
        first = group[0]
        name_scores = name_memo.get(first.surface)
        if name_scores is None:
            name_scores = name_memo.remember(
                first.surface, _exponentials(learned.score(name_features(first, lex), table))
            )
        a0, a1, a2, a3 = name_scores
        t0 = t1 = t2 = t3 = 0.0
        for mention in group:
            before, after, before2, after2 = mention.context
            place_key = (before, after, mention.initial, mention.headline)
            scores = place_memo.get(place_key)
            if scores is None:
                features = learned.context_features(before, after, "", "", *place_key[2:])
                scores = place_memo.remember(
                    place_key, _exponentials(learned.score(features, table))
                )
            b0, b1, b2, b3 = scores
            # The two-word features, remembered apart: their exponentials multiply.
            if before2:
                pair = pairs.get(f"pp={before2}_{before}") or _pair_scores(
                    f"pp={before2}_{before}", table, memos
                )
                b0, b1, b2, b3 = b0 * pair[0], b1 * pair[1], b2 * pair[2], b3 * pair[3]
            if after2:
                pair = pairs.get(f"nn={after}_{after2}") or _pair_scores(
                    f"nn={after}_{after2}", table, memos
                )
                b0, b1, b2, b3 = b0 * pair[0], b1 * pair[1], b2 * pair[2], b3 * pair[3]
            x0, x1, x2, x3 = a0 * b0, a1 * b1, a2 * b2, a3 * b3
            norm = x0 + x1 + x2 + x3
            t0 += x0 / norm
            t1 += x1 / norm
            t2 += x2 / norm
            t3 += x3 / norm
        votes = first.votes
        share = scale / len(group)
        if len(first.words) == 1 and _weak_person(group):
            # One word that nothing calls a person and its context calls unlike one ("on
            # Twitter", "Instagram account"): the word's ending alone is too weak a reason for
            # "person"; most of that reading goes to the organisation one.
            moved = t0 * _WEAK_PERSON_SHARE
            t0 -= moved
            t1 += moved
        votes[person] = votes.get(person, 0.0) + share * t0
        votes[organisation] = votes.get(organisation, 0.0) + share * t1
        votes[place] = votes.get(place, 0.0) + share * t2
        votes[other] = votes.get(other, 0.0) + share * t3


def _pair_scores(feature: str, table: learned.Weights, memos: Memos) -> Scores:
    """The exponentials of one two-word feature's scores, remembered."""
    return memos.pair_scores.remember(feature, _exponentials(learned.score([feature], table)))


def _weak_person(group: list[Mention]) -> bool:
    """Whether some mention's context is unlike a person's and none gives person evidence."""
    unlike = False
    for mention in group:
        if PERSON in mention.votes:
            return False
        unlike = unlike or mention.not_person
    return unlike


def _exponentials(scores: list[float]) -> tuple[float, float, float, float]:
    """The exponentials of four class scores (kept within the range of a float)."""
    s0, s1, s2, s3 = (s if -300.0 < s < 300.0 else math.copysign(300.0, s) for s in scores)
    return math.exp(s0), math.exp(s1), math.exp(s2), math.exp(s3)


def _shape_votes(mention: Mention, lex: Lexicon) -> Votes:
    """Votes from the name itself (the same for every mention of it): its last word, gazetteer."""
    votes: Votes = {}
    words = mention.words
    known = lex.gazetteer.get(mention.key)
    if known is not None:
        add_vote(votes, known[0], known[1])
    if len(words) > 1:
        last = words[-1]
        for position, word in enumerate(words[1:-1], 1):
            if word == "of" or word == "for":
                last = words[position - 1]  # "Reserve Bank of Australia" is a bank
                break
        if last in lex.org_heads:
            add_vote(votes, ORG, 3.0)
        elif last in lex.event_heads:
            add_vote(votes, EVENT, 3.0)
        elif last in lex.place_heads:
            add_vote(votes, PLACE, 2.0)
        if _DIGIT.search(mention.surface, mention.surface.find(" ") + 1):
            add_vote(votes, PRODUCT, 2.0)
    if known is None and mention.surface[0].islower():
        add_vote(votes, PRODUCT, 2.0)  # "iPhone", "iPad Pro"
    elif known is None and len(words) == 1:
        surface = mention.surface
        key = mention.key
        if 2 <= len(surface) <= 6 and surface.isupper():
            add_vote(votes, ORG, 1.0)
        elif (
            len(key) >= 6
            and key.endswith(_NORP_ENDINGS)
            and (key[:5] in lex.place_stems or key[:4] in lex.place_stems)
        ):
            add_vote(votes, NORP, 3.0)  # "Bosnian", "Pakistanis"
    return votes


def _share_coordinated_votes(mentions: list[Mention], text: str) -> None:
    """Names in a list share their evidence: "routes to Barreiro and Seixal", "Siemens, Alstom
    and Hitachi Rail Ltd".

    A list is a chain of names joined by "and", "or", "&", "nor", or by commas when one of
    those closes it. A nationality's evidence is not shared: it is an adjective as often as a
    name, and "Chinese" in "Trump and Chinese officials" says nothing about "Trump".
    """
    chain: list[Mention] = []
    closed = False
    for left, right in pairwise(mentions):
        if right.start - left.end > 6:
            gap = ""
        else:
            gap = text[left.end : right.start]
            if (left.not_person or right.not_person) and gap in _LIST_SEPARATORS:
                left.not_person = right.not_person = True  # "on Facebook, Twitter and Instagram"
        joined = gap in _COORDINATORS or gap in _CLOSING_SEPARATORS
        if joined or (gap == ", " and not closed):
            if not chain:
                chain = [left]
            chain.append(right)
            closed = closed or joined
            continue
        if closed:
            _pool_votes(chain)
        chain, closed = [], False
    if closed:
        _pool_votes(chain)


def _pool_votes(chain: list[Mention]) -> None:
    """Give every name of a list the evidence of all (a nationality keeps its own)."""
    pooled: Votes = {}
    for mention in chain:
        for kind, weight in mention.votes.items():
            if kind is not NORP:
                pooled[kind] = pooled.get(kind, 0.0) + weight
    for mention in chain:
        own = mention.votes.get(NORP)
        mention.votes = dict(pooled)
        if own is not None:
            mention.votes[NORP] = own
