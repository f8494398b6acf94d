"""Safe display text and wrapping: pure functions behind the article view."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.model import Paragraph, ParagraphStatus
from reader.ui.display import safe_line, stand_in, visible_text
from reader.ui.layout import LineKind, build_layout, wrap_starts

TRICKY = st.text(
    alphabet=st.sampled_from([*list("ab c.漢字"), "\x1b", "\x07", "\x9b", "\u202e", "\n", "\t"]),
    max_size=60,
)


def test_stand_ins_are_visible_and_printable() -> None:
    assert stand_in("\x1b") == "^["
    assert stand_in("\x00") == "^@"
    assert stand_in("\x7f") == "^?"
    assert stand_in("\u202e") == "<U+202E>"
    assert stand_in("\x85") == "<U+0085>"
    assert stand_in("\n") == " "


def test_plain_text_is_left_alone() -> None:
    display = visible_text("Plain [bold] text, “quoted”.")
    assert display.text == "Plain [bold] text, “quoted”."
    assert display.changes == ()
    assert display.to_display(7) == 7


@given(TRICKY)
def test_every_original_character_maps_to_what_is_drawn_for_it(text: str) -> None:
    display = visible_text(text)
    for offset, char in enumerate(text):
        start, end = display.to_display(offset), display.to_display(offset + 1)
        drawn = display.text[start:end]
        expected = stand_in(char) if char in "\x1b\x07\x9b\u202e\n\t" else char
        assert drawn == expected
        assert display.to_original(start) == offset
    assert display.to_display(len(text)) == len(display.text)


@given(TRICKY)
def test_nothing_unsafe_is_left(text: str) -> None:
    drawn = visible_text(text).text
    assert not any(c in drawn for c in "\x1b\x07\x9b\u202e\n\t")


def test_safe_line_flattens_whitespace_and_shows_escapes() -> None:
    assert safe_line("  A\n title \x1b[2J ") == "A title ^[[2J"


@given(st.text(alphabet=st.sampled_from(list("abc 漢")), max_size=200), st.integers(4, 30))
def test_wrapped_lines_fit_and_lose_only_spaces(text: str, width: int) -> None:
    starts = wrap_starts(text, width)
    assert starts[0] == 0
    assert starts == sorted(set(starts))
    pieces = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    for piece in pieces:
        assert cell_len(piece.rstrip(" ")) <= width
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")


def test_words_are_not_broken_when_they_fit() -> None:
    text = "the quick brown fox jumps over the lazy dog"
    starts = wrap_starts(text, 10)
    lines = [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    assert lines == ["the quick", "brown fox", "jumps over", "the lazy", "dog"]


def test_layout_labels_hidden_paragraphs_only_when_asked() -> None:
    text = "First paragraph here.\n\nFirst paragraph here."
    paragraphs = [
        Paragraph(0, 0, 21),
        Paragraph(1, 23, 44, ParagraphStatus.DUPLICATE, 0, "duplicate of ¶1"),
    ]

    def display(p: Paragraph):
        return visible_text(text[p.start : p.end])

    raw = build_layout(paragraphs, 40, display, labels=True)
    assert raw.kinds == [LineKind.TEXT, LineKind.BLANK, LineKind.LABEL, LineKind.TEXT]
    assert raw.first_line[1] == 2 and raw.first_text_line[1] == 3
    clean = build_layout(paragraphs[:1], 40, display)
    assert clean.kinds == [LineKind.TEXT]
    assert raw.line_of(1, 5) == 3
    assert raw.paragraph_at_line(1) == 1


def test_search_is_literal_case_blind_and_limited_to_shown_paragraphs() -> None:
    from reader.ui.marks import ParagraphFinder
    from reader.ui.search import find_matches

    text = "Apple [a.b] pie.\n\napple a.b again.\n\nAPPLE hidden."
    paragraphs = [Paragraph(0, 0, 16), Paragraph(1, 18, 34), Paragraph(2, 36, 49)]
    finder = ParagraphFinder(paragraphs)
    assert find_matches(text, "apple", finder, {0, 1}) == [(0, 5), (18, 23)]
    assert find_matches(text, "apple", finder, {0, 1, 2}) == [(0, 5), (18, 23), (36, 41)]
    assert find_matches(text, "[a.b]", finder, {0, 1, 2}) == [(6, 11)]
    assert find_matches(text, "a.b", finder, {0, 1, 2}) == [(7, 10), (24, 27)]
    assert find_matches(text, "", finder, {0}) == []
