"""Tell page furniture from article text, one paragraph at a time.

Scraped articles keep bits of the page around them: navigation ("Politics", "Skip to main
content"), share buttons ("Share on Facebook"), adverts, sign-up and cookie prompts, links to
other stories ("Read more: ..."), photo credits, bylines, date lines, legal footers. Such lines
have a recognisable *shape*: short, few function words, no closing full stop, capitalised like a
menu, made of words pages use for furniture, with pipes, bullets, dates, counts or handles.

Two layers decide:

- :func:`furniture_rule`: strict whole-line patterns for furniture that is unmistakable
  anywhere (an "Advertisement" line, a row of share buttons, "Read more: <headline>", a photo
  credit, a cookie or newsletter notice).
- :func:`boilerplate_score`: for everything else, binary features of the line's shape (see
  :func:`line_features`) weighed by a small logistic model. The vocabulary is generic
  (``reader/data/boilerplate.toml``); the weights were learned from the lines of real news
  pages that are not part of their article (``reader/data/boilerplate_weights.toml``, rebuilt
  by ``tests/eval/train_boilerplate.py``). No page text is stored, only feature weights. Some
  of the weighted features are words learned from the furniture of many sites (``lw:<word>``);
  they count only in short lines that read as menu entries.

A line without any furniture word or mark (a subheading, a name, a headline) is never called
furniture: removing real text costs the reader more than keeping a stray line of the page.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from typing import NamedTuple

from reader.data import DATA_DIR
from reader.text.words import LETTERS_WORD, MONTHS, LazyPattern

MAX_LINE_WORDS = 20
"""The learned model scores lines of up to this many words; longer paragraphs are prose unless
a rule recognises them (cookie, newsletter and rights notices)."""


_WORD = LETTERS_WORD
_LATIN = LazyPattern(r"[A-Za-zÀ-ÿ]")
_NON_LATIN_LETTER = LazyPattern(
    r"[\u0400-\u04ff\u0590-\u06ff\u0900-\u0dff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)
"""Letters of other scripts (only lines without a Latin letter need them)."""
_TIME = LazyPattern(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\b|\b\d{1,2}\s*[ap]\.?m\b", re.I)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = LazyPattern(
    rf"\b{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?|(?:19|20)\d\d)\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b"
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b|\b\d{4}年",
    re.I,
)
_MONTH_WORDS = MONTHS
_NUMERIC_DATE = LazyPattern(r"\d[/.-]\d{1,2}[/.-]\d|\d年")


def _may_hold_date(line: str, lowered_words: Iterable[str]) -> bool:
    """A cheap test that lets most lines skip the date pattern."""
    return not _MONTH_WORDS.isdisjoint(lowered_words) or bool(_NUMERIC_DATE().search(line))


_YEAR = LazyPattern(r"\b(?:19|20)\d{2}\b")
_URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|co\.uk|io|gov|edu|tv|news)\b", re.I)
_EMAIL = LazyPattern(r"[\w.+-]+@[\w-]+\.\w")
_HANDLE = LazyPattern(r"(?<![\w@])@\w{2,}")
_HASHTAG = LazyPattern(r"(?<![\w&])#[^\W\d_]")
_GLUED = re.compile(r"[a-z]{2}[A-Z][a-z]")
"""Words glued together by a scraper ("MenuSections")."""
_BYLINE = re.compile(r"^(?:by|por|par|von|di|door)\s+\S", re.I)
_LABEL_PREFIX = LazyPattern(r"^[^\W\d_][\w'’ .-]{0,24}:\s*\S")
_COUNT = LazyPattern(r"^\(?\d[\d,.]*[kKmM]?\)?$|\(\d[\d,.]*\)$")
_SEPARATORS = (
    ("pipe", "|"),
    ("bullet", "•"),
    ("middot", "·"),
    ("arrow", "»"),
    ("arrow", "›"),
    ("arrow", "→"),
    ("arrow", ">"),
    ("copyright", "©"),
    ("registered", "®"),
    ("slash", " / "),
)
_TERMINALS = {
    ".": "period",
    "!": "bang",
    "?": "question",
    ":": "colon",
    ";": "semicolon",
    ",": "comma",
    ")": "paren",
    "]": "bracket",
    '"': "quote",
    "”": "quote",
    "’": "quote",
    "'": "quote",
    "»": "quote",
    "…": "ellipsis",
}
_STOPWORDS = frozenset(
    """
    a an the and or but if of to in on at by for with from as is are was were be been being has
    have had do does did will would can could should may might must that this these those it its
    he she they we i you his her their our my your him them us who which what when where while
    not no than then there here so also said says about after before into over under between
    """.split()
)
_MAX_MENU_WORDS = 3
"""Lines of up to this many words made only of furniture words count as menu entries."""
_MAX_SKIPPED = 2
"""At most this many function words may stand between the two words of a phrase pair."""
LEARNED_PREFIX = "lw:"
"""The feature name of a learned furniture word is this prefix and the word."""
LEARNED_MENU = "lmenu:"
"""A short line of furniture words, one or more of them learned ("lmenu:<word count>")."""


class Vocabulary(NamedTuple):
    """The furniture words, their categories and reasons, and the words skipped in phrases."""

    category_of: Mapping[str, str]
    """Every furniture word (distinctive or phrase-only) and its category."""
    distinctive: frozenset[str]
    """Words that suggest furniture on their own; the others count only in pairs."""
    function_words: frozenset[str]
    reasons: Mapping[str, str]
    """Category → the few words shown to the user ("share buttons")."""
    words: frozenset[str] = frozenset()
    """Every furniture word, distinctive or phrase-only."""
    learned: frozenset[str] = frozenset()
    """Words learned from the furniture of many sites ("horoscopes", "classifieds"), named by
    the ``lw:`` features of the bundled weights: no list of them is written by hand."""


class Model(NamedTuple):
    """A logistic model over named binary features."""

    bias: float
    weights: Mapping[str, float]


@cache
def vocabulary() -> Vocabulary:
    """The furniture vocabulary bundled in ``reader/data/boilerplate.toml``."""
    data = tomllib.loads(_lexicon_text("boilerplate.toml"))
    category_of: dict[str, str] = {}
    distinctive: set[str] = set()
    reasons: dict[str, str] = {}
    for name, entry in data["categories"].items():
        reasons[name] = entry["reason"]
        for word in entry["words"].split():
            category_of.setdefault(word.lower(), name)
            distinctive.add(word.lower())
        for word in entry.get("phrase_words", "").split():
            category_of.setdefault(word.lower(), name)
    function_words = frozenset(data["phrases"]["function_words"].split()) - set(category_of)
    learned = frozenset(
        f[len(LEARNED_PREFIX) :] for f in model().weights if f.startswith(LEARNED_PREFIX)
    )
    return Vocabulary(
        category_of,
        frozenset(distinctive),
        function_words,
        reasons,
        frozenset(category_of),
        learned - set(category_of),
    )


@cache
def model() -> Model:
    """The learned weights bundled in ``reader/data/boilerplate_weights.toml``."""
    return parse_model(_lexicon_text("boilerplate_weights.toml"))


def parse_model(text: str) -> Model:
    """A model from the TOML text written by ``tests/eval/train_boilerplate.py``."""
    data = tomllib.loads(text)
    return Model(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()})


_LEXICON_DIR = DATA_DIR


def _lexicon_text(name: str) -> str:
    return (_LEXICON_DIR / name).read_text(encoding="utf-8")


def _bucket(value: float, edges: Iterable[float]) -> int:
    """The index of the first edge ``value`` does not exceed (or one past the last)."""
    n = 0
    for n, edge in enumerate(edges):
        if value <= edge:
            return n
    return n + 1


def _vocabulary_features(lowered: list[str], size: str, vocab: Vocabulary) -> list[str]:
    """Distinctive words, phrase pairs (function words skipped) and the share of furniture."""
    features: list[str] = []
    previous: str | None = None
    skipped = 0
    content = known = 0
    categories: set[str] = set()
    for word in lowered:
        if word in vocab.function_words:
            skipped += 1
            continue
        content += 1
        category = vocab.category_of.get(word)
        if category is None:
            previous = None
            continue
        known += 1
        if word in vocab.distinctive:
            categories.add(category)
            features += (f"w:{word}", f"w{size}:{word}")
        if previous is not None and skipped <= _MAX_SKIPPED:
            features += (f"p:{previous}_{word}", f"p{size}:{previous}_{word}")
            categories.add(category)
            categories.add(vocab.category_of[previous])
        previous, skipped = word, 0
    if content:
        share = known / content
        features.append(f"vocab:{_bucket(share, (0.0, 0.25, 0.5, 0.75, 0.99))}")
        if share == 1.0:
            features.append(f"vocab_all:{min(content, 4)}")
            if content <= _MAX_MENU_WORDS:
                # A short line made only of furniture words reads as a menu entry ("News",
                # "Contact Us"): each of its words is a feature of its own.
                features += [f"menu:{w}" for w in lowered if w in vocab.category_of]
                categories.update(vocab.category_of[w] for w in lowered if w in vocab.category_of)
    for category in sorted(categories):
        features += (f"cat:{category}", f"cat{size}:{category}")
    return features


def _is_date_line(line: str, vocab: Vocabulary) -> bool:
    """True when a line says nothing but when ("Updated 5:32 PM ET, Wed November 20, 2019")."""
    rest = _TIME().sub(" ", _DATE().sub(" ", line))
    rest = _YEAR().sub(" ", rest)
    allowed = ("on", "at", "wed", "thu", "tue", "fri")
    for word in _WORD.findall(rest):
        lowered = word.lower()
        if (
            vocab.category_of.get(lowered) != "dateline"
            and lowered not in vocab.function_words
            and not (lowered.isdigit() or lowered in allowed)
        ):
            return False
    return True


def line_features(text: str, vocab: Vocabulary | None = None) -> list[str]:
    """The names of the shape features that hold for one paragraph (whitespace-normalised)."""
    vocab = vocab or vocabulary()
    line = " ".join(text.split())
    features = ["bias_line"]
    words = _WORD.findall(line)
    lowered = _WORD.findall(line.lower().replace("’", "'"))
    n_words, n_chars = len(words), len(line)

    features.append(f"chars:{_bucket(n_chars, (2, 6, 12, 25, 50, 100, 200))}")
    features.append(f"words:{_bucket(n_words, (0, 1, 2, 3, 5, 9, 19, 39))}")
    latin = bool(_LATIN().search(line))
    if not latin and _NON_LATIN_LETTER().search(line):
        features.append("script:other")

    last = line[-1] if line else ""
    if line.endswith("...") or last == "…":
        features.append("end:ellipsis")
    elif last in _TERMINALS:
        features.append(f"end:{_TERMINALS[last]}")
    elif last.isdigit():
        features.append("end:digit")
    elif last.isalpha():
        features.append("end:letter")
    else:
        features.append("end:symbol")
    first = line[:1]
    if first.isupper():
        features.append("start:upper")
    elif first.islower():
        features.append("start:lower")
    elif first.isdigit():
        features.append("start:digit")
    elif first in "\"“‘'«":
        features.append("start:quote")
    elif first in "([":
        features.append("start:bracket")
    else:
        features.append("start:symbol")

    alphabetic = [w for w in words if w[0].isalpha() and len(w) > 1]
    if alphabetic:
        capitalised = sum(w[0].isupper() for w in alphabetic) / len(alphabetic)
        features.append(f"caps:{_bucket(capitalised, (0.0, 0.3, 0.6, 0.99))}")
        if line.isupper() and sum(len(w) for w in alphabetic) >= 3:
            features.append("caps:all_upper")
        if latin:
            stop = sum(map(_STOPWORDS.__contains__, lowered)) / n_words
            features.append(f"stop:{_bucket(stop, (0.0, 0.1, 0.2, 0.3))}")
    digits = sum(map(str.isdigit, line))
    if digits:
        features.append(f"digits:{_bucket(digits / max(n_chars, 1), (0.1, 0.3, 0.6))}")

    for name, mark in _SEPARATORS:
        if mark in line:
            features.append(f"mark:{name}")
    # Each mark is looked for only when the character it needs is there: most lines have none.
    if "@" in line:
        if _EMAIL().search(line):
            features.append("mark:email")
        elif _HANDLE().search(line):
            features.append("mark:handle")
    if "#" in line and _HASHTAG().search(line):
        features.append("mark:hashtag")
    if "." in line and _URL.search(line):
        features.append("mark:url")
    if digits:
        if _may_hold_date(line, lowered) and _DATE().search(line):
            features.append("mark:date")
            if _is_date_line(line, vocab):
                features.append("mark:date_only")
        if _TIME().search(line):
            features.append("mark:time")
        if _YEAR().search(line):
            features.append("mark:year")
    if _GLUED.search(line):
        features.append("mark:glued")
    if _BYLINE.match(line) and n_words <= 8:
        features.append("mark:byline")
    if _LABEL_PREFIX().match(line):
        features.append("mark:label_prefix")
        if lowered and lowered[0] in vocab.category_of:
            features.append(f"label:{lowered[0]}")
    if _COUNT().search(line):
        features.append("mark:count")
    if line[:1] in "([" and line[-1:] in ")]":
        features.append("mark:wrapped")

    size = "s" if n_words <= 4 else "m" if n_words <= 12 else "l"
    features += _vocabulary_features(lowered, size, vocab)
    features += learned_features(lowered, vocab)
    return list(dict.fromkeys(features))


def learned_features(lowered: Iterable[str], vocab: Vocabulary) -> list[str]:
    """Features of the learned furniture words of a short line that reads as a menu entry.

    Only a line of up to :data:`_MAX_MENU_WORDS` words made only of furniture words, at least
    one of them learned ("Horoscopes", "Classifieds Obituaries"), has them: each learned word
    is a feature, and so is the line's length. A learned word in a longer line says nothing.
    """
    if not vocab.learned:
        return []
    content = [w for w in lowered if w not in vocab.function_words]
    if not content or len(content) > _MAX_MENU_WORDS or vocab.learned.isdisjoint(content):
        return []
    if not all(w in vocab.learned or w in vocab.category_of for w in content):
        return []
    found = [LEARNED_PREFIX + w for w in content if w in vocab.learned]
    return [*found, f"{LEARNED_MENU}{len(content)}"]


_EVIDENCE_MARKS = frozenset(
    "mark:" + name
    for name in (
        "pipe bullet middot arrow copyright registered url email handle hashtag time date "
        "date_only "
        "byline count glued"
    ).split()
)


_SPECIAL_MARKS = re.compile(r"[|•·»›→>©®@#]")


def may_show_evidence(text: str) -> bool:
    """A quick test, true for every line that :func:`has_evidence` accepts (and some others).

    Most article lines have no furniture word and no mark: they are let go without computing
    all their features.
    """
    line = " ".join(text.split())
    lowered = _WORD.findall(line.lower().replace("’", "'"))
    vocab = vocabulary()
    if not vocab.words.isdisjoint(lowered) or _SPECIAL_MARKS.search(line):
        return True
    if not vocab.learned.isdisjoint(lowered):
        return True
    if ("." in line and _URL.search(line)) or _GLUED.search(line) or _BYLINE.match(line):
        return True
    if _DIGIT.search(line):
        return bool(
            _TIME().search(line)
            or _COUNT().search(line)
            or (_may_hold_date(line, lowered) and _DATE().search(line))
        )
    return False


def has_evidence(features: Iterable[str]) -> bool:
    """True when a line shows some sign of furniture beyond its bare shape."""
    return any(
        f[:2] in ("w:", "p:")
        or f.startswith(("label:", "menu:", LEARNED_MENU))
        or f in _EVIDENCE_MARKS
        for f in features
    )


# ---------------------------------------------------------------------------------------------
# Rules: furniture that is unmistakable wherever it stands.

_SHARE_WORDS = frozenset(
    """
    share shares sharing tweet email e-mail print facebook twitter linkedin whatsapp pinterest
    reddit messenger telegram flipboard tumblr pocket sms copy
    """.split()
)
_SHARE_FILLER = frozenset(
    "on via this the article story page post it to by with in new window opens a link url save"
    " click pin mail comment comments google plus more".split()
)
_SHARE_MAX_CHARS = 120


_SHARE_ROW = re.compile(
    r"[\W_]*(?:(?:"
    + "|".join(re.escape(w) for w in sorted(_SHARE_WORDS | _SHARE_FILLER, key=len, reverse=True))
    + r")\b[\W_]*)+",
    re.I,
)
_SHARE_CORE = LazyPattern(
    r"\b(?:" + "|".join(re.escape(w) for w in sorted(_SHARE_WORDS, key=len, reverse=True)) + r")\b",
    re.I,
)


def _is_share_row(line: str) -> bool:
    """True for a line made only of share buttons ("Share on Facebook", "Tweet Email Print")."""
    if len(line) > _SHARE_MAX_CHARS or not _SHARE_ROW.fullmatch(line):
        return False
    return bool(_SHARE_CORE().search(line)) and not re.search(r"[.!?]\s+\S", line)


_RULES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # (category, pattern (case-insensitive), words the line must contain for an unanchored
    # pattern to be tried; none for a pattern anchored at the start of the line)
    (
        "tags",
        (
            r"^(?:tags?|tagged(?: with| in| as)?|topics?|filed (?:under|in)|categories|category"
            r"|keywords|related (?:roundups?|topics?|tags?|categories))\s*:\s*\S.{0,200}$"
        ),
        (),
    ),
    (
        "caption",
        (
            r"^(?:an? |the )?(?:rendering|render|photo|photograph|picture|image|illustration|"
            r"screenshot|mock-?up|concept(?: art| image)?|drawing|artist['’]?s (?:impression|"
            r"rendering)|still)s?\s+(?:of|shows?|showing|from)\s[^.!?]{1,120}?\s"
            r"(?:by|via|from|courtesy of)\s+(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}"
            r"\s*[.)]?$"
        ),
        (),
    ),
    (
        "advert",
        (
            r"^(?:advertisement|advertising|ad|sponsored(?: content| post| links?)?|"
            r"paid (?:content|post|partner content)|promoted(?: content| stories)?|"
            r"partner content)"
            r"(?:\s*[-–—:|]\s*(?:continue reading|story continues|scroll)[\w ]*)?\W*$"
        ),
        (),
    ),
    (
        "advert",
        (
            r"^(?:the )?(?:story|article|text|content) continues (?:below|after)"
            r"(?: (?:this )?(?:advertisement|ad))?\W*$|^continue reading(?: the main story|"
            r" below| the story| this article| after the ad(?:vertisement)?)?\W*$"
        ),
        (),
    ),
    (
        "related",
        (
            r"^(?:read more|read also|also read|see also|related(?: coverage| content| articles?|"
            r" stories| story| news| posts?| reading)?|recommended(?: reading| stories)?|more|"
            r"more on this(?: story)?|more from [\w .&'’-]{1,30}|watch|listen|trending(?: now)?|"
            r"popular(?: now)?|most (?:read|popular|viewed|shared)|don['’]t miss|must read|"
            r"editor['’]s picks?|top stories|latest(?: news)?|up next|next up|"
            r"you (?:may|might) (?:also )?like)"
            r"\s*(?:[:|»›>]|\s[-–—])\s*\S.{0,250}$"
        ),
        (),
    ),
    (
        "related",
        (
            r"^(?:read more|related(?: articles?| stories| content| coverage| posts| news| links)?|"
            r"recommended(?: for you| stories| reading| articles| videos)?|"
            r"most (?:popular|read|viewed|shared|commented|recent)|"
            r"you (?:may|might) (?:also )?(?:like|enjoy)|more (?:stories|news|articles|videos)|"
            r"more from [\w .&'’-]{1,30}|trending(?: now| stories| topics)?|"
            r"popular (?:stories|now|posts|articles)|top stories|latest (?:news|stories|videos)|"
            r"don['’]t miss|must read|editor['’]s picks?|in case you missed it|up next|next up|"
            r"what to read next|further reading|(?:view )?recent (?:articles|posts|stories)|"
            r"more (?:on|in|about) (?-i:[A-Z])[\w .&'’-]{0,40}|(?:\S+ bloggers? )?like this)"
            r"\W*$"
        ),
        (),
    ),
    (
        "media",
        (
            r"^[(\[]?(?:file )?(?:photo|photograph|image|picture|video|graphic|illustration|"
            r"caption|images?)s?(?: credits?| source| by| courtesy(?: of)?)?\s*[:/]\s*"
            r".{1,80}?[)\]]?$|^[(\[]?(?:credits?|source|courtesy)\s*:\s*.{1,60}?[)\]]?$"
        ),
        (),
    ),
    (
        "media",
        (
            r"^[^.!?]{0,80}\b(?:getty images|shutterstock|ap photo|afp via getty|"
            r"reuters/[a-z]|epa-efe)\b[^.!?]{0,60}$"
        ),
        (),
    ),
    (
        "navigation",
        (
            r"^(?:skip to (?:main |the )?(?:content|navigation|main)|back to (?:top|home)|"
            r"(?:return|scroll|go) to top|loading(?:\.{3}|…)?|(?:show|view|hide|read|load) "
            r"(?:all )?comments?(?: \(\d+\))?|comments? \(\d+\)|\d+ comments?|leave a comment|"
            r"sign in|log in|sign up|subscribe(?: now| today)?|menu|search|close|"
            r"click here(?: to [\w ]{1,40})?|view (?:gallery|slideshow|all)|"
            r"(?:previous|next) (?:article|story|post|slide|page))\W*$"
        ),
        (),
    ),
    (
        "subscribe",
        (
            r"^(?:sign up|subscribe|register)\b.{0,120}\b(?:newsletters?|inbox|alerts)\b"
            r"|^(?:get|receive)\b.{0,80}\b(?:newsletters?|inbox)\b"
        ),
        (),
    ),
    (
        "cookie",
        (
            r"\b(?:we|this (?:web)?site|our (?:web)?site)\b.{0,80}\bcookies?\b|"
            r"\bcookies?\b.{0,120}\b(?:browser|browsing|website|our site|this site)\b|"
            r"^(?:accept|allow|reject|manage)(?: all)? cookies?\b|\buse of cookies\b|"
            r"\bcookie (?:policy|settings|preferences|notice)\b"
        ),
        ("cookie",),
    ),
    (
        "footer",
        (
            r"^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4})).{0,200}$|\ball rights reserved\b|"
            r"\bmay not be (?:published|reproduced|copied)\b.{0,80}\b(?:broadcast|redistributed)"
        ),
        ("©", "(c)", "copyright", "rights reserved", "may not be"),
    ),
    (
        "social",
        (
            r"^(?:follow|like|join) us(?: on [\w ,&]{1,60})?\W*$|^follow (?:@\w+|[\w .]{1,40} on "
            r"(?:twitter|facebook|instagram|linkedin))\W*$"
        ),
        (),
    ),
)


@cache
def _anchored_rules() -> re.Pattern[str]:
    """The rules anchored at the start of the line, in one pattern tried in one pass.

    Compiling it takes ~3 ms, and only lines that pass :data:`_ANCHORED_START` need it (most
    articles have none): it is compiled the first time one does.
    """
    return re.compile(
        "|".join(
            f"(?P<rule{n}>{pattern})"
            for n, (_, pattern, needles) in enumerate(_RULES)
            if not needles
        ),
        re.I,
    )


_ANCHORED_START = re.compile(
    r"[(\[]?(?:file |photo|image|picture|video|graphic|illustration|caption|credit|source|courtesy)"
    r"|tag|topic|filed |categor|keywords|(?:an? |the )?(?:rendering|render|photo|picture|image"
    r"|illustration|screenshot|mock|concept|drawing|artist|still)"
    r"|(?:the )?(?:story|article|text|content)|continue reading"
    r"|ad|sponsored|paid |promoted|partner content"
    r"|read |also read|see also|related|recommended|more|watch|listen|trending|popular|most "
    r"|don['’]t miss|must read|editor['’]s pick|top stories|latest|up next|next |you (?:may|might) "
    r"|in case you missed it|what to read next|further reading|view |recent "
    r"|like |\S+ bloggers? like this"
    r"|skip to |back to |(?:return|scroll|go) to top|loading|show |hide |load |comment|\d+ comment"
    r"|leave a comment|sign in|log in|sign up|subscribe|menu|search|close|click here|previous "
    r"|register|get|receive|follow|join us"
    r"|[^.!?]{0,80}\b(?:getty images|shutterstock|ap photo|afp via getty|reuters/[a-z]|epa-efe)\b",
    re.I,
)
"""How every line an anchored rule accepts begins: the start of one of the rules' alternatives.

A line that does not begin so cannot match :func:`_anchored_rules`, which need not be tried
(nor compiled). Keep the two in step: a property test checks lines generated from each rule."""
_ANCHORED_CATEGORY = {
    f"rule{n}": category for n, (category, _, needles) in enumerate(_RULES) if not needles
}
_NEEDLES = re.compile("|".join(re.escape(n) for _, _, needles in _RULES for n in needles))
"""Any of the words an unanchored rule needs: most lines have none and skip those rules."""
_RULE_REASON = {"social": "share", "related": "related", "footer": "footer"}
_RULE_MAX_CHARS = 600
_STAMP_MAX_CHARS = 80
_DIGIT = re.compile(r"\d")
_ANCHORED_MAX_CHARS = 320
"""Longer lines can only be the notices found by the unanchored rules."""


_STAMP_WORD = LazyPattern(r"\b(?:updated|published|posted|modified)\b", re.I)


def _is_stamp(line: str) -> bool:
    """True for a line that only says when the page was written ("Updated 5:32 PM ET, ...")."""
    if len(line) > _STAMP_MAX_CHARS or not _DIGIT.search(line):
        return False
    if not (_TIME().search(line) or _STAMP_WORD().search(line)):
        return False
    words = [w.lower() for w in _WORD.findall(line)]
    return (
        _may_hold_date(line, words)
        and bool(_DATE().search(line))
        and _is_date_line(line, vocabulary())
    )


def furniture_rule(text: str) -> str | None:
    """The category of furniture a strict whole-line pattern recognises, or None."""
    if len(text) > _RULE_MAX_CHARS * 2:
        return None
    lowered = text.lower()
    if len(text) <= _ANCHORED_MAX_CHARS:
        line = " ".join(text.split())
        if not line:
            return None
        if _is_share_row(line):
            return "share"
        found = _anchored_rules().match(line) if _ANCHORED_START.match(line) else None
        if found and found.lastgroup:
            category = _ANCHORED_CATEGORY[found.lastgroup]
            return _RULE_REASON.get(category, category)
        if _is_stamp(line):
            return "dateline"
    if not _NEEDLES.search(lowered):
        return None
    for number, (category, _, needles) in enumerate(_RULES):
        if needles and any(n in lowered for n in needles):
            line = " ".join(text.split())
            if len(line) <= _RULE_MAX_CHARS and _unanchored_rule(number).search(line):
                return _RULE_REASON.get(category, category)
    return None


@cache
def _unanchored_rule(number: int) -> re.Pattern[str]:
    """Rule ``number`` of :data:`_RULES`, compiled the first time a line needs it."""
    return re.compile(_RULES[number][1], re.I)


# ---------------------------------------------------------------------------------------------
# The learned score.


def _logistic(value: float) -> float:
    if value < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-value))


def boilerplate_score(text: str) -> float:
    """The learned score (0..1) that a short paragraph is page furniture, not article text.

    Paragraphs longer than :data:`MAX_LINE_WORDS` words, and lines with no furniture word or
    mark at all, score 0.
    """
    if len(text.split()) > MAX_LINE_WORDS or not may_show_evidence(text):
        return 0.0
    features = line_features(text)
    if not has_evidence(features):
        return 0.0
    weights = model()
    return _logistic(weights.bias + sum(weights.weights.get(f, 0.0) for f in features))


def furniture_reason(text: str, rule: str | None = None) -> str:
    """A short human label for why a line reads as furniture ("share buttons", "byline"...)."""
    vocab = vocabulary()
    if rule is not None:
        return vocab.reasons.get(rule, "page furniture")
    weights = model().weights
    best, best_weight = "page furniture", 0.0
    for feature in line_features(text, vocab):
        weight = weights.get(feature, 0.0)
        category = _category_of_feature(feature, vocab)
        if category and weight > best_weight:
            best, best_weight = vocab.reasons[category], weight
    return best


def _category_of_feature(feature: str, vocab: Vocabulary) -> str | None:
    kind, _, value = feature.partition(":")
    if kind not in ("label", "mark"):
        kind = kind.rstrip("sml")
    if kind in ("w", "label", "menu"):
        return vocab.category_of.get(value)
    if kind == "p":
        for word in value.split("_"):
            if word in vocab.distinctive:
                return vocab.category_of[word]
        return vocab.category_of.get(value.split("_")[-1])
    if kind == "cat":
        return value
    if feature == "mark:byline":
        return "byline"
    if feature in ("mark:time", "mark:date"):
        return "dateline"
    if feature in ("mark:copyright", "mark:registered"):
        return "footer"
    if feature in ("mark:handle", "mark:hashtag", "mark:url"):
        return "share"
    return None
