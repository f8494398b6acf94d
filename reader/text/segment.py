"""Paragraphs and sentences, as character offsets into a normalised text.

Paragraphs are separated by blank lines. Inside a block of consecutive lines, each line is its
own paragraph (scraped text often puts one paragraph per line, with no blank lines at all)
unless the block looks hard-wrapped: lines of similar, modest width that break mid-sentence.

Sentences are found with a small rule-based splitter that knows about abbreviations, initials,
decimals, ellipses, closing quotes and brackets. It is fast (one regular expression pass per
paragraph) and measured against the alternatives in ``tests/eval/eval_sentences.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.model import Span
from reader.text.words import MONTH_ABBREVIATIONS

# ---------------------------------------------------------------------------------------------
# Paragraphs

_TERMINAL = frozenset(".!?:;\"'”’)]»…。！？")
_HARD_WRAP_MAX_WIDTH = 100
_HARD_WRAP_MIN_AVERAGE = 40


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each line, without its newline."""
    start = 0
    while True:
        nl = text.find("\n", start)
        if nl < 0:
            yield start, len(text)
            return
        yield start, nl
        start = nl + 1


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """True when a block of lines reads as one paragraph wrapped at a fixed width."""
    body = lines[:-1]
    lengths = [end - start for start, end in body]
    if max(lengths) > _HARD_WRAP_MAX_WIDTH:
        return False
    if sum(lengths) / len(lengths) < _HARD_WRAP_MIN_AVERAGE:
        return False
    open_ends = 0
    for start, end in body:
        _, stripped_end = _strip_span(text, start, end)
        if stripped_end > start and text[stripped_end - 1] not in _TERMINAL:
            open_ends += 1
    return open_ends * 2 >= len(body)


def split_paragraphs(text: str) -> list[Span]:
    """Split ``text`` into paragraph spans (stripped of surrounding whitespace), in order."""
    paragraphs: list[Span] = []
    block: list[tuple[int, int]] = []

    def flush() -> None:
        if not block:
            return
        if len(block) > 1 and not _is_hard_wrapped(text, block):
            for start, end in block:
                paragraphs.append(Span(*_strip_span(text, start, end)))
        else:
            paragraphs.append(Span(*_strip_span(text, block[0][0], block[-1][1])))
        block.clear()

    for start, end in _lines(text):
        s, e = _strip_span(text, start, end)
        if s == e:
            flush()
        else:
            block.append((start, end))
    flush()
    return paragraphs


# ---------------------------------------------------------------------------------------------
# Sentences

# Titles and other abbreviations that are (almost) never the last word of a sentence.
_NEVER_FINAL = frozenset(
    """
    mr mrs ms mx dr prof rev hon gen lt col capt cpt sgt maj cmdr adm gov sen rep pres supt insp
    det fr messrs mme mlle st mt ft sr jr e.g i.e cf viz al approx fig figs vol vols pp ch
    no nos art sec para
    """.split()
)
# Abbreviations that often end a sentence too: split after them only when the next word is a
# typical sentence opener.
_MAYBE_FINAL = frozenset(
    """
    inc ltd corp co bros plc llc llp cos etc vs v jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun dept univ assn ave blvd rd est a.m p.m u.s u.k
    u.n e.u d.c
    """.split()
)
_SENTENCE_OPENERS = frozenset(
    """
    the a an it its he she they we i you this that these those there here his her their our my
    but and or so yet if when while after before as since although though however meanwhile
    in on at for from with by to of one two three some many most all no not now then still also
    what who why how where which last next other another each every both such
    """.split()
)
_MONTHS = MONTH_ABBREVIATIONS

_BOUNDARY = re.compile(
    r"(?P<term>\.{2,}|[.!?…]+)(?P<close>[\"'”’)\]»]*)(?P<space>\s+)(?=\S)"
    r"|(?P<cjk>[。！？]+)(?P<cjkclose>[」』”’)）]*)"
    r"|(?<=[a-z])(?P<glued>\.)(?=[A-Z][a-z])"
)
# The last alternative is a full stop with no space after it, between a lower-case letter and a
# capitalised word: "last year.Production began", where a scraper dropped the space.
# Every match of _BOUNDARY starts with one of these characters. Searching for them first is
# several times faster than finditer() with _BOUNDARY, whose leading groups stop the regular
# expression engine from skipping ahead to a possible first character. Keep the two in step.
_BOUNDARY_START = re.compile(r"[.!?…。！？]")
_OPENERS = "\"'“‘([«¿¡"
_CONTINUATIONS = frozenset(".,;:!?-–—)]}")
_REFERENCE_MARK = re.compile(r"\[(?:[a-z]|\d{1,3})\]")
"""A footnote mark a scraper left at the start of a sentence: "[b]", "[12]"."""
_DOMAIN_ENDINGS = frozenset(
    "com org net edu gov int info biz io co uk us eu de fr cn jp in ru au ca es it nl tv ai".split()
)
"""Endings that make "word.Com" a site's name rather than two sentences glued together."""


def _word_before(text: str, pos: int, floor: int) -> tuple[str, int]:
    """The token that ends just before ``pos`` (letters, digits, dots, hyphens), and its start."""
    start = pos
    while start > floor and (text[start - 1].isalnum() or text[start - 1] in ".-&'’"):
        start -= 1
    return text[start:pos], start


def _word_after(text: str, pos: int, limit: int) -> str:
    """The word starting at ``pos`` after skipping a footnote mark, opening quotes and brackets."""
    mark = _REFERENCE_MARK.match(text, pos, limit)
    if mark is not None:
        pos = mark.end()
    while pos < limit and text[pos] in _OPENERS:
        pos += 1
    end = pos
    while end < limit and (text[end].isalnum() or text[end] in "'’"):
        end += 1
    return text[pos:end]


def _is_boundary(text: str, match: re.Match[str], floor: int, limit: int) -> bool:
    """Decide whether a candidate punctuation mark really ends a sentence."""
    nxt = _word_after(text, match.end(), limit)
    if not nxt:
        # No word follows: a spaced ellipsis (". . .") or a dash continues the sentence; any
        # other symbol is taken to open the next one.
        return text[match.end()] not in _CONTINUATIONS
    first = nxt[0]
    if first.islower():
        return False
    term = match.group("term")
    if term != ".":
        return True  # "!", "?", "...", "…": enough on their own before a capital or digit.
    token, token_start = _word_before(text, match.start("term"), floor)
    key = token.lower().rstrip(".")
    if not key:
        return True
    if token_start == floor and len(token) <= 3 and (token.isdigit() or token.isalpha()):
        return False  # a list marker such as "1." or "a." opening the paragraph
    if len(token) == 1 and token.isupper():
        return False  # an initial: "J. K. Rowling", "George W. Bush"
    if key in _NEVER_FINAL:
        return False
    dotted = "." in key and all(len(part) <= 2 for part in key.split("."))
    if dotted or key in _MAYBE_FINAL:
        if first.isdigit() and (key in _MONTHS or key == "no"):
            return False
        return nxt.lower() in _SENTENCE_OPENERS or nxt.lower() in _NEVER_FINAL
    return True


def _is_glued_boundary(text: str, match: re.Match[str], floor: int, limit: int) -> bool:
    """Whether "word.Word" (no space) is two sentences glued together by a lost space.

    Not when the word before is an abbreviation ("Gov.Smith", "e.g.The") or the pair reads as
    a site's name ("Booking.Com"), or the dot sits inside a longer dotted token.
    """
    token, _ = _word_before(text, match.start(), floor)
    if "." in token or not token.isalpha() or len(token) < 2:
        return False
    key = token.lower()
    if key in _NEVER_FINAL or key in _MAYBE_FINAL:
        return False
    after = _word_after(text, match.end(), limit)
    rest = match.end() + len(after)
    if after.lower() in _DOMAIN_ENDINGS and (rest >= limit or not text[rest].isalpha()):
        return False
    return not (rest < limit and text[rest] == ".")


def _boundaries(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The same matches as ``_BOUNDARY.finditer(text, start, end)``, found faster."""
    search, match = _BOUNDARY_START.search, _BOUNDARY.match
    pos = start
    while (candidate := search(text, pos, end)) is not None:
        found = match(text, candidate.start(), end)
        if found is None:
            pos = candidate.start() + 1
        else:
            yield found
            pos = found.end()


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split ``text[start:end]`` into sentence spans (offsets into ``text``)."""
    if end is None:
        end = len(text)
    spans: list[Span] = []
    sentence_start = start
    for match in _boundaries(text, start, end):
        if match.group("cjk") is not None:
            cut, resume = match.end(), match.end()
        elif match.group("glued") is not None:
            if not _is_glued_boundary(text, match, sentence_start, end):
                continue
            cut, resume = match.end(), match.end()
        else:
            if not _is_boundary(text, match, sentence_start, end):
                continue
            cut, resume = match.end("close"), match.end()
        s, e = _strip_span(text, sentence_start, cut)
        if s < e:
            spans.append(Span(s, e))
        sentence_start = resume
    s, e = _strip_span(text, sentence_start, end)
    if s < e:
        spans.append(Span(s, e))
    return spans
