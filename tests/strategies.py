"""Hypothesis strategies for hostile article text and the invariants every analysis must keep."""

from __future__ import annotations

import json

from hypothesis import strategies as st

from reader.model import Analysis, ParagraphStatus
from tests.conftest import SAMPLE_ARTICLE, SEED_ARTICLE


def _article_paragraphs() -> list[str]:
    paragraphs = [p for p in SAMPLE_ARTICLE.read_text(encoding="utf-8").split("\n\n") if p]
    if SEED_ARTICLE.exists():
        paragraphs += SEED_ARTICLE.read_text(encoding="utf-8").splitlines()
    return paragraphs


ARTICLE_PARAGRAPHS = _article_paragraphs()

CONTROL = [chr(c) for c in range(0, 32) if chr(c) not in "\n"] + ["\x7f"]
C1 = [chr(c) for c in range(0x80, 0xA0)]
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
NEWLINES = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\n \n", "\u2028", "\u2029", "\x0b", "\x0c"]
MARKUP = [
    "[@click=app.quit]x[/]",
    "[bold]",
    "[/]",
    "[/bold]",
    "[link=https://example.com]here[/link]",
    "[red on blue]",
    "\x1b[31mred\x1b[0m",
    "\x1b]52;c;aGVsbG8=\x07",
    "\x1b[2J\x1b[H",
]
HTML = [
    "<p>Hello</p>",
    "<script>alert(1)</script>",
    "<div class='x'>",
    "</div>",
    "&amp; &lt;b&gt; &#x202E;",
    "<!-- comment -->",
    "<br/>",
]
WORDS = [
    "Mr.",
    "U.S.",
    "Inc.",
    "e.g.",
    "3.5",
    "...",
    "…",
    "“",
    "”",
    "’s",
    "May",
    "may",
    "could",
    "reportedly",
    "according to",
    "Apple",
    "Apple Car",
    "Elon Musk",
    "Musk",
    "(",
    ")",
    "'",
    '"',
    "-",
    "—",
    "e\u0301",
    "ﬁ",
    "Ω",
    "😀",
    "👩\u200d👩\u200d👧",
    "中文。",
    "עברית",
    "العربية",
    "\U0001d400",
    "\U0010fffd",
]


@st.composite
def _mangled_paragraph(draw: st.DrawFn) -> str:
    paragraph = draw(st.sampled_from(ARTICLE_PARAGRAPHS))
    how = draw(st.sampled_from(["as is", "truncate", "upper", "lower", "strip punctuation"]))
    if how == "truncate":
        return paragraph[: draw(st.integers(0, len(paragraph)))]
    if how == "upper":
        return paragraph.upper()
    if how == "lower":
        return paragraph.lower()
    if how == "strip punctuation":
        return "".join(ch for ch in paragraph if ch.isalnum() or ch.isspace())
    return paragraph


_piece = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(codec="utf-8"), max_size=20),
    st.sampled_from(CONTROL + C1 + BIDI + ZERO_WIDTH),
    st.sampled_from(NEWLINES),
    st.sampled_from(MARKUP + HTML),
    st.sampled_from(WORDS),
    _mangled_paragraph(),
    st.builds(lambda ch, n: ch * n, st.sampled_from("aA.\n -x中"), st.integers(1, 3000)),
)


@st.composite
def hostile_text(draw: st.DrawFn) -> str:
    """Article-like text mixed with everything the web throws at a reader."""
    pieces = draw(st.lists(_piece, max_size=30))
    if draw(st.booleans()):
        # Repeat a run of pieces: the kind of block a scraper duplicates.
        pieces = pieces + pieces[: draw(st.integers(0, len(pieces)))]
    glue = draw(st.sampled_from([" ", "\n", "\n\n", "", "\r\n"]))
    return glue.join(pieces)


def check_invariants(analysis: Analysis) -> None:
    """Assert every structural promise of an Analysis (see docs/robustness.md)."""
    text = analysis.text
    n = len(text)
    previous_end = 0
    for i, paragraph in enumerate(analysis.paragraphs):
        assert paragraph.index == i
        assert previous_end <= paragraph.start < paragraph.end <= n
        previous_end = paragraph.end
        if paragraph.status is ParagraphStatus.KEPT:
            assert paragraph.duplicate_of is None
        elif paragraph.status is ParagraphStatus.BOILERPLATE:
            assert paragraph.reason
        else:
            assert paragraph.duplicate_of is not None and paragraph.reason
            assert 0 <= paragraph.duplicate_of < i
            assert analysis.paragraphs[paragraph.duplicate_of].kept
    previous_end = 0
    for i, sentence in enumerate(analysis.sentences):
        assert sentence.index == i
        paragraph = analysis.paragraphs[sentence.paragraph]
        assert paragraph.kept
        assert paragraph.start <= sentence.start < sentence.end <= paragraph.end
        assert previous_end <= sentence.start
        previous_end = sentence.end
        assert text[sentence.start : sentence.end] == sentence.text
        for flag in sentence.flags:
            assert sentence.start <= flag.start < flag.end <= sentence.end
            assert text[flag.start : flag.end] == flag.cue
            assert flag.why
    kept_spans = [(p.start, p.end) for p in analysis.kept_paragraphs]
    for entity in analysis.entities:
        assert entity.mentions and entity.name
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= n
            surface = text[mention.start : mention.end]
            assert "\n" not in surface
            assert surface in entity.aliases
            assert any(s <= mention.start and mention.end <= e for s, e in kept_spans)
    assert analysis.clean_text == "\n\n".join(
        text[p.start : p.end] for p in analysis.kept_paragraphs
    )
    assert Analysis.from_dict(json.loads(json.dumps(analysis.to_dict()))) == analysis
