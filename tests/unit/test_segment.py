"""Paragraph and sentence segmentation."""

from __future__ import annotations

import pytest

from reader.text.segment import split_paragraphs, split_sentences


def paragraphs(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_paragraphs(text)]


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_blank_lines_separate_paragraphs() -> None:
    text = "First one.\n\n  Second one.  \n\n\n\nThird."
    assert paragraphs(text) == ["First one.", "Second one.", "Third."]


def test_one_paragraph_per_line_when_there_are_no_blank_lines() -> None:
    line = "A long line that is a whole paragraph of a scraped article, ending properly. " * 3
    text = "\n".join([line.strip()] * 3)
    assert len(paragraphs(text)) == 3


def test_hard_wrapped_block_stays_one_paragraph() -> None:
    text = (
        "This paragraph was wrapped by an editor at a fixed width so that\n"
        "every line ends somewhere in the middle of a sentence and the next\n"
        "line carries on where the previous one stopped.\n\nNext paragraph."
    )
    assert paragraphs(text) == [text.split("\n\n")[0], "Next paragraph."]


def test_short_lines_of_furniture_are_separate_paragraphs() -> None:
    text = "Advertisement\nShare on Facebook\nThe article starts here."
    assert paragraphs(text) == ["Advertisement", "Share on Facebook", "The article starts here."]


def test_whitespace_only_text_has_no_paragraphs() -> None:
    assert split_paragraphs(" \n\t\n ") == []
    assert split_paragraphs("") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith went to Washington. He stayed.",
            ["Mr. Smith went to Washington.", "He stayed."],
        ),
        ("Dr. Jones met Prof. Lee at noon. They talked.", 2),
        ("It grew 3.5 percent. Analysts were surprised.", 2),
        ("J. K. Rowling wrote it. George W. Bush read it.", 2),
        (
            "Shares of Apple Inc. rose. The company said so.",
            ["Shares of Apple Inc. rose.", "The company said so."],
        ),
        ("Apple Inc. Chief Executive Tim Cook spoke.", 1),
        ("He lives in the U.S. The weather is fine.", 2),
        ("The U.S. Senate voted on it.", 1),
        ("Bring fruit, e.g. apples. Then leave.", 2),
        ('"We will win." Then he left.', ['"We will win."', "Then he left."]),
        ("He said “it is over.” Nobody agreed.", ["He said “it is over.”", "Nobody agreed."]),
        (
            "The plan (announced in May.) Was it wise? Yes!",
            ["The plan (announced in May.)", "Was it wise?", "Yes!"],
        ),
        ("We had some issues ... we fixed them.", 1),
        ("Wait... What happened next? Nobody knows.", 3),
        ("It opens on Jan. 5 at noon. Come early.", 2),
        ("It was ranked No. 1 in the world. Fans cheered.", 2),
        ("1. Introduction to the topic", 1),
        ("Cells were stimulated for 6 h. These results held.", 2),
        ("Stocks rose at Salomon Brothers Inc. Ms. Applebaum agreed.", 2),
        ("The Saudi window . . . is closing fast.", 1),
        ("Two makers -- Armco Inc. -- reported losses.", 1),
        ("No terminal punctuation here", 1),
        ("这是第一句。这是第二句！", ["这是第一句。", "这是第二句！"]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str] | int) -> None:
    found = sentences(text)
    if isinstance(expected, int):
        assert len(found) == expected, found
    else:
        assert found == expected


def test_sentence_offsets_point_into_the_text() -> None:
    text = "Intro.\n\nFirst sentence here. Second one!  Third?"
    start = text.index("First")
    spans = split_sentences(text, start, len(text))
    assert [text[s.start : s.end] for s in spans] == [
        "First sentence here.",
        "Second one!",
        "Third?",
    ]
    assert all(start <= s.start < s.end <= len(text) for s in spans)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Output rose last year.Production began in May.",
            ["Output rose last year.", "Production began in May."],
        ),
        ("The minister said.This was new.", ["The minister said.", "This was new."]),
        (
            "It was denied. [b]Some analysts disagree.",
            ["It was denied.", "[b]Some analysts disagree."],
        ),
    ],
)
def test_sentences_glued_by_a_lost_space_are_split(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_sentences(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Book a room at Booking.Com today.",
        "The bill was signed by Gov.Newsom on Friday.",
        "Some abbreviations, e.g.The Times, stay whole.",
        "The site example.com was down.",
    ],
)
def test_abbreviations_and_site_names_are_not_split(text: str) -> None:
    assert len(split_sentences(text)) == 1
