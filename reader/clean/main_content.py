"""Find the article inside a whole page of plain text (a page dump).

People paste what "select all, copy" gives, or open what a scraper or a text browser saved: the
article sits among menus, teaser headlines, share rows, cookie notes, footers and comments.
This stage finds the article's *extent* and the furniture inside it, from what a page dump
shows:

- Every block (paragraph) is sorted by its shape: **prose** (long enough, dense in function
  words: "the", "of", "was" are what running text is made of), **near prose** (a sentence or
  two), **short** (a heading, a name, a menu entry, a teaser headline) or **furniture** (a row of
  underscores, a count, a link-like line, a line the furniture rules or the learned line weights
  recognise, a long line with almost no function words: a menu written on one line).
- The article is the densest run of prose: the stretch of blocks whose prose outweighs the
  short lines and furniture inside it most (the maximum-sum run, each block weighed by its
  words of prose minus a cost for a non-prose block). Everything outside it is hidden, with a
  reason: "menu" before the article, "teaser headlines", "comments" or "page footer" after.
- Inside the extent, context decides: a short line between prose paragraphs is a subheading
  and stays; a run of short title-case lines (three or more, none of them a sentence) is a list
  of other stories' headlines or a menu and is hidden; list items that read as text stay.

The stage works on whole pages only. Text whose lines are nearly all prose, or that has little
besides its densest run of prose, is an article already: it passes through untouched (an
article with short subheadings, a list, a byline and a date line keeps them all).

Both layouts give the same blocks: the paragraph splitter (``reader.text.segment``) makes a
block of each line of a one-block-per-line dump, and joins the wrapped lines of a text
browser's blank-line separated blocks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import IntEnum
from typing import NamedTuple

from reader.text.words import LETTERS_WORD, LazyPattern

__all__ = ["Block", "BlockKind", "classify_block", "densest_run", "main_content_reasons"]


class BlockKind(IntEnum):
    """The shape of one block of a page."""

    PROSE = 0
    NEAR_PROSE = 1
    SHORT = 2
    FURNITURE = 3


class Block(NamedTuple):
    """What the stage knows of one block: its kind, size and the marks of its shape."""

    kind: BlockKind
    words: int
    title_case: bool
    """Most of its content words are capitalised, as in a menu or a headline (worked out for
    short blocks and one-line menus only)."""
    sentence: bool
    """It ends as a sentence ends (full stop, question or exclamation mark, closing quote)."""
    bullet: bool
    """It starts with a bullet or a number ("* Home", "- News", "• Sport", "3.")."""
    reason: str | None
    """For furniture recognised by its own shape, the reason ("separator", "counts")."""


FUNCTION_WORDS = frozenset(
    """
    a about above after again against all also although am among an and another any are around
    as at be because been before being below between both but by can could did do does doing
    down during each either even ever every few for from further had has have having he her here
    hers herself him himself his how however i if in into is it its itself just least less like
    many may me might more most much must my myself neither no nor not now of off often on once
    one only or other our ours ourselves out over own per perhaps quite rather said says same
    shall she should since so some still such than that the their theirs them themselves then
    there therefore these they this those though through thus to too under until up upon us very
    was we were what whatever when where whether which while who whom whose why will with within
    without would yet you your yours yourself
    """.split()
)
"""English words that running text is dense in and furniture is not (jusText's idea)."""

OTHER_FUNCTION_WORDS = frozenset(
    """
    der die das den dem des ein eine einer eines und oder aber ist sind war wird wurde werden
    nicht mit von zu auf für im ist sich auch als wie bei aus nach noch wenn dass es sie er wir
    le la les un une des du de et est sont dans pour pas sur au aux avec qui que il elle ce cette
    ne se par plus son sa ses ont été être
    el los las del y en por con para su sus es una lo al como más pero sus fue ha han sobre
    o os as um uma do da dos das em no na nos nas com não se ao pelo pela foi são mais mas
    il lo gli di che è non per una della delle nel nella sono anche ma questo
    het een en van op te dat niet zijn voor met ook maar bij er wordt om
    yang dan di ini itu dengan untuk dari tidak dalam akan pada juga ke ada adalah kita
    и в не на что с по как это из за от но о к же для то он она они был была были бы все
    так его её их у уже или если только
    """.split()
)
"""The same for the languages news pages are most often written in besides English."""
_ALL_FUNCTION_WORDS = FUNCTION_WORDS | OTHER_FUNCTION_WORDS
_CJK = LazyPattern(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CJK_CHARS_PER_WORD = 2
"""In Chinese, Japanese and Korean text a word is about this many characters."""
_CJK_SENTENCE = re.compile(r"[。！？.!?]")

PROSE_MIN_WORDS = 15
"""A block of at least this many words, dense enough in function words, is prose."""
PROSE_MIN_DENSITY = 0.26
"""The share of function words from which a long block reads as prose."""
NEAR_PROSE_MIN_WORDS = 7
"""A sentence of at least this many words, dense enough in function words, is near prose."""
NEAR_PROSE_MIN_DENSITY = 0.2
LOW_DENSITY = 0.12
"""A long block with fewer function words than this is a list of links written on one line."""
SHORT_COST = 6.0
"""How many words of prose one short block inside the article's extent costs."""
FURNITURE_COST = 8.0
"""How many words of prose one furniture block inside the article's extent costs."""
PROSE_MAX_WEIGHT = 50
"""A block of prose counts for its words up to this many: an article is several paragraphs,
where a legal notice or a site's blurb is often one long one."""
TEXT_FRAGMENT_COST = 1.0
"""The cost of a short block that is not title case ("Eat before your workout"): a piece of
text, a list item, rather than a menu entry."""
NEAR_PROSE_WEIGHT = 0.5
"""A near-prose block counts for this share of its words."""
TEASER_RUN = 3
"""From this many short title-case lines in a row, a run is a list of headlines or a menu."""
MIN_PAGE_BLOCKS = 12
"""A text of fewer blocks is an article, not a page: the stage leaves it alone."""
MIN_HEADER_BLOCKS = 6
"""A text is a page when at least this many short or furniture blocks stand before its densest
run of prose: the site's name, menus, a search box, sign-in links. An article pasted alone
starts with its title, perhaps a byline and a date, and then its text."""

_BULLET = re.compile(r"^\s*(?:[-–—•*·▪►▸◦‣+>]+\s+|\(?\d{1,3}[.)]\s+|\(?[a-z][.)]\s+)")
_RULE_LINE = re.compile(r"^[\W_]+$")
_COUNT_LINE = re.compile(
    r"^\(?[\d.,]+[kKmM]?\)?(?:\s+(?:comments?|shares?|views?|likes?|replies|votes?|reads?"
    r"|points?|min(?:ute)?s?(?: read)?|photos?|videos?))?$",
    re.I,
)
_LINK_LIKE = re.compile(
    r"(?:https?://\S+|www\.\S+|\S+\.(?:com|org|net|co\.uk|io)(?:/\S*)?)$"
    r"|(?:more|see all|view all|read more|full story)\b.{0,30}$",
    re.I,
)
_LINK_ENDS = ("»", "›", "→", ">>")
_SHAPE_MAX_CHARS = 80
"""Counts and links are short lines."""
_CLOSERS = "\"'”’)]» "
_SENTENCE_ENDS = frozenset(".!?…")
_COMMENT_MARK = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|discussion|conversation|reader comments"
    r"|join the (?:conversation|discussion)|leave a (?:reply|comment)|add (?:a |your )?comment"
    r"|post a comment|show comments|view comments|comments? \(\d+\)"
    r"|share your thoughts(?: with [\w ]{1,20})?|what do you think)\W*(?:\(\d+\))?\W*$"
    r"|^\d+\s+(?:comments?|responses?|replies)\b",
    re.I,
)
_FOOTER_MARK = re.compile(
    r"©|\bcopyright\b|\ball rights reserved\b|\bprivacy policy\b|\bterms of (?:use|service)\b",
    re.I,
)


def classify_block(text: str) -> Block:
    """Sort one block by its shape (see the module's docstring)."""
    line = " ".join(text.split())
    words = LETTERS_WORD.findall(line)
    n = len(words)
    bullet = bool(_BULLET.match(line))
    sentence = line.rstrip(_CLOSERS)[-1:] in _SENTENCE_ENDS
    function = sum(map(_ALL_FUNCTION_WORDS.__contains__, map(str.lower, words)))
    density = function / n if n else 0.0
    if not line.isascii() and (cjk := len(_CJK().findall(line))) * 2 > len(line):
        # No spaces between words: count characters, and read sentence marks as density.
        n = cjk // _CJK_CHARS_PER_WORD
        sentence = sentence or line.endswith(("。", "다.", "요."))
        marks = len(_CJK_SENTENCE.findall(line)) + line.count("、") + line.count("，")
        density = PROSE_MIN_DENSITY if marks * 40 >= cjk and cjk >= 40 else 0.0
    reason: str | None = None
    if n == 0 or _RULE_LINE.match(line):
        reason = "separator"
    elif len(line) < _SHAPE_MAX_CHARS and _COUNT_LINE.match(line):
        reason = "counts"
    elif len(line) < _SHAPE_MAX_CHARS and (line.endswith(_LINK_ENDS) or _LINK_LIKE.match(line)):
        reason = "link"
    title_case = False  # worked out only where it matters: prose is prose in any case
    if reason is not None:
        kind = BlockKind.FURNITURE
    elif n >= PROSE_MIN_WORDS and density >= PROSE_MIN_DENSITY:
        kind = BlockKind.PROSE
    elif n >= NEAR_PROSE_MIN_WORDS and density >= NEAR_PROSE_MIN_DENSITY and sentence:
        kind = BlockKind.NEAR_PROSE
    elif (
        n >= PROSE_MIN_WORDS
        and density < LOW_DENSITY
        and not sentence
        and (title_case := _is_title_case(words))
    ):
        kind, reason = BlockKind.FURNITURE, "menu"
    else:
        kind = BlockKind.SHORT
        title_case = _is_title_case(words)
    return Block(kind, n, title_case, sentence, bullet, reason)


MENU_MAX_WORDS = 6
_MENU_MAX_CHARS = 100
"""No line with a menu's few words is longer (a quick test before any block is sorted)."""
MIN_HEADER_SHARE = 0.5
"""...and when they are at least this share of the blocks before it..."""
MIN_UNKNOWN = 6
"""...and at least this many of them are not furniture the line rules know (a page's own menu
entries: "Scores", "Standings"), where damaged article text carries only known furniture."""


def _menu_like(block: Block, furniture: str | None) -> bool:
    """True for a block shaped like a menu entry or page furniture ("Sport", "Sign in")."""
    if furniture is not None or block.kind is BlockKind.FURNITURE:
        return True
    return (
        block.kind is BlockKind.SHORT
        and block.title_case
        and not block.sentence
        and block.words <= MENU_MAX_WORDS
    )


def _is_title_case(words: Sequence[str]) -> bool:
    """True when most of the words that are not function words are capitalised."""
    capitalised = alphabetic = 0
    for word in words:
        if word[0].isalpha() and word.lower() not in _ALL_FUNCTION_WORDS:
            alphabetic += 1
            capitalised += word[0].isupper()
    return alphabetic > 0 and capitalised >= 0.6 * alphabetic


def _weight(block: Block, furniture: bool) -> float:
    """What a block adds to a run of the article: its prose words, or a cost."""
    if furniture or block.kind is BlockKind.FURNITURE:
        return -FURNITURE_COST
    if block.kind is BlockKind.PROSE:
        return float(min(block.words, PROSE_MAX_WEIGHT))
    if block.kind is BlockKind.NEAR_PROSE:
        return NEAR_PROSE_WEIGHT * block.words
    return -SHORT_COST if block.title_case else -TEXT_FRAGMENT_COST


def densest_run(weights: Sequence[float]) -> tuple[int, int]:
    """The ``[start, end)`` run of blocks whose weights sum highest (empty: ``(0, 0)``)."""
    best, best_start, best_end = 0.0, 0, 0
    total, start = 0.0, 0
    for i, weight in enumerate(weights):
        if total <= 0.0:
            total, start = 0.0, i
        total += weight
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return best_start, best_end


def main_content_reasons(texts: Sequence[str], furniture: Sequence[str | None]) -> list[str | None]:
    """For each block of a page, why it is not the article (None: article text, or not a page).

    ``furniture`` holds what the line rules and learned weights already found (those lines
    count against the article's extent); the reasons returned are for the other lines only.
    """
    reasons: list[str | None] = [None] * len(texts)
    if len(texts) < MIN_PAGE_BLOCKS:
        return reasons
    short_lines = sum(
        f is None and len(t) <= _MENU_MAX_CHARS for t, f in zip(texts, furniture, strict=True)
    )
    if short_lines < MIN_UNKNOWN:
        return reasons  # too few lines a menu could be made of: an article, maybe damaged
    shapes: dict[str, Block] = {}  # a menu repeated down the page is sorted once
    blocks = [shapes.get(t) or shapes.setdefault(t, classify_block(t)) for t in texts]
    weights = [_weight(b, f is not None) for b, f in zip(blocks, furniture, strict=True)]
    start, end = densest_run(weights)
    if end <= start:
        return reasons
    start, end = _heaviest_part(blocks, weights, start, end)
    start, end = _bridge_furniture(blocks, furniture, start, end)
    end = _comments_start(texts, start, end)
    header = sum(_menu_like(blocks[i], furniture[i]) for i in range(start))
    unknown = sum(furniture[i] is None and _menu_like(blocks[i], None) for i in range(start))
    if header < MIN_HEADER_BLOCKS or header < MIN_HEADER_SHARE * start or unknown < MIN_UNKNOWN:
        return reasons  # an article already, perhaps with a title, a byline and a list
    _reasons_before(blocks, start, reasons)
    _reasons_after(texts, blocks, end, reasons)
    _reasons_inside(blocks, furniture, start, end, reasons)
    return reasons


GAP_BLOCKS = 8
"""A run of this many blocks that are not text splits the densest run into parts..."""
ATTACH_SHARE = 0.2
"""...and a part joins the heaviest one only when it weighs at least this share of it."""


def _heaviest_part(
    blocks: Sequence[Block], weights: Sequence[float], start: int, end: int
) -> tuple[int, int]:
    """Narrow ``[start, end)`` to its heaviest part and the heavy parts next to it.

    Prose teasers after an article (a headline and its summary on one line), or a blurb
    before it, can outweigh the few short lines between them and the article; a stretch of
    :data:`GAP_BLOCKS` lines that are not text marks where the article ends.
    """
    parts: list[tuple[int, int]] = []
    part_start = start
    i = start
    while i < end:
        j = i
        while j < end and not _reads_as_text(blocks[j]):
            j += 1
        if j - i >= GAP_BLOCKS:
            if i > part_start:
                parts.append((part_start, i))
            part_start = j
        i = j + 1 if j == i else j
    if end > part_start:
        parts.append((part_start, end))
    if len(parts) <= 1:
        return start, end
    weight = [sum(weights[a:b]) for a, b in parts]
    best = max(range(len(parts)), key=weight.__getitem__)
    first = last = best
    while first > 0 and weight[first - 1] >= ATTACH_SHARE * weight[best]:
        first -= 1
    while last + 1 < len(parts) and weight[last + 1] >= ATTACH_SHARE * weight[best]:
        last += 1
    return parts[first][0], parts[last][1]


BRIDGE_MAX = 5
"""The article's extent grows across at most this many lines of known furniture..."""


def _reads_as_text(block: Block) -> bool:
    """True for prose, or a sentence of some length ("Garcia finished second in the 50.")."""
    return block.kind <= BlockKind.NEAR_PROSE or (
        block.kind is BlockKind.SHORT and block.sentence and block.words >= NEAR_PROSE_MIN_WORDS
    )


def _bridge_furniture(
    blocks: Sequence[Block], furniture: Sequence[str | None], start: int, end: int
) -> tuple[int, int]:
    """Grow ``[start, end)`` across known furniture to text just beyond it, on either side.

    An advert or a share row between two paragraphs is furniture inside the article (it is
    hidden for its own reason), not the article's edge.
    """
    while True:
        j = end
        while j < len(blocks) and j - end < BRIDGE_MAX and furniture[j] is not None:
            j += 1
        if j == end or j >= len(blocks) or not _reads_as_text(blocks[j]):
            break
        end = j + 1
    while True:
        j = start - 1
        while j >= 0 and start - j <= BRIDGE_MAX and furniture[j] is not None:
            j -= 1
        if j == start - 1 or j < 0 or not _reads_as_text(blocks[j]):
            break
        start = j
    return start, end


_AUTHOR_LINE = re.compile(
    r"^\S.{0,60}?\b(?:says|said|wrote|writes|replied|commented)\s*:?\s*$"
    r"|^\S.{0,40}\bon\s+\S.{0,40}\d.{0,20}\b(?:said|wrote)\s*:?$",
    re.I,
)
"""The line that opens a comment ("jane_doe says:", "Alex on May 3, 2018 at 6:34 am said:")."""
_RESPONSES = re.compile(r"^\d+\s+(?:responses?|comments?|replies|thoughts)\b", re.I)
_MARK_MAX_CHARS = 200
"""A line that opens the comments or the footer is short."""
MIN_COMMENTS = 2
"""From this many comment-opening lines, the comments end the article."""


def _comments_start(texts: Sequence[str], start: int, end: int) -> int:
    """Where the comments begin inside the run ``[start, end)`` (``end`` when there are none).

    Comments read as prose, so the densest run often takes them in; but they open with a
    heading ("34 responses to ...", "Comments", "Share your thoughts") and each with its
    author ("jane says:"). In a page, a line that is nothing but such a heading ends the
    article.
    """
    heading: int | None = None
    authors: list[int] = []
    for i in range(start + 1, end):
        if len(texts[i]) > _MARK_MAX_CHARS:
            continue
        line = " ".join(texts[i].split())
        if heading is None and (_RESPONSES.match(line) or _COMMENT_MARK.match(line)):
            heading = i
        elif _AUTHOR_LINE.match(line):
            authors.append(i)
    if heading is not None:
        return heading
    if len(authors) >= MIN_COMMENTS:
        return authors[0]
    return end


def _reasons_before(blocks: Sequence[Block], start: int, reasons: list[str | None]) -> None:
    """Everything before the article: the page's header and menus."""
    for i in range(start):
        block = blocks[i]
        if block.reason is not None:
            reasons[i] = block.reason
        elif block.kind >= BlockKind.SHORT:
            reasons[i] = "menu"
        else:
            reasons[i] = "before the article"


def _reasons_after(
    texts: Sequence[str], blocks: Sequence[Block], end: int, reasons: list[str | None]
) -> None:
    """Everything after the article: other stories, comments, the page's footer."""
    in_comments = in_footer = False
    for i in range(end, len(blocks)):
        block = blocks[i]
        if not in_footer and len(texts[i]) <= _MARK_MAX_CHARS:
            line = " ".join(texts[i].split())
            if not in_comments and (
                _COMMENT_MARK.match(line) or _RESPONSES.match(line) or _AUTHOR_LINE.match(line)
            ):
                in_comments = True
            if _FOOTER_MARK.search(line):
                in_footer = True
        if block.reason is not None:
            reasons[i] = block.reason
        elif in_footer:
            reasons[i] = "page footer"
        elif in_comments:
            reasons[i] = "comments"
        elif block.kind is BlockKind.SHORT and block.words >= 4:
            reasons[i] = "teaser headlines"
        elif block.kind is BlockKind.SHORT:
            reasons[i] = "menu"
        else:
            reasons[i] = "after the article"


def _reasons_inside(
    blocks: Sequence[Block],
    furniture: Sequence[str | None],
    start: int,
    end: int,
    reasons: list[str | None],
) -> None:
    """Inside the article: furniture shapes, and runs of short title-case lines."""
    i = start
    while i < end:
        block = blocks[i]
        if block.kind is BlockKind.FURNITURE and block.reason is not None:
            reasons[i] = block.reason
        if block.kind is not BlockKind.SHORT or furniture[i] is not None:
            i += 1
            continue
        j = i
        while j < end and (
            (blocks[j].kind is BlockKind.SHORT and not blocks[j].sentence)
            or furniture[j] is not None
        ):
            j += 1
        run = [k for k in range(i, j) if furniture[k] is None]
        if len(run) >= TEASER_RUN and all(blocks[k].title_case for k in run):
            long_lines = sum(blocks[k].words >= 4 for k in run)
            label = "teaser headlines" if long_lines * 2 >= len(run) else "menu"
            for k in run:
                reasons[k] = label
        i = max(j, i + 1)
