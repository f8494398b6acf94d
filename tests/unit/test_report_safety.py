"""Reports for people never carry the article's control characters; JSON stays exact.

Every class of character a terminal acts on is planted in an article (in the headline, in a
flagged sentence, in an entity's name and in a paragraph the cleaner hides), and the Markdown
and text reports are checked for each of them, through the command a user runs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import reader
from reader.report.markdown import report_filename, to_markdown, to_text
from reader.text.printable import error_line, printable, printable_line, stand_in
from tests.conftest import run_reader

CONTROL_CLASSES = {
    "ESC (CSI clear screen)": "\x1b[2J",
    "ESC (OSC retitle, BEL)": "\x1b]0;owned\x07",
    "BEL": "\x07",
    "backspace": "\x08",
    "carriage return": "\r",
    "other C0": "\x01\x0e\x1f",
    "DEL": "\x7f",
    "C1 (CSI)": "\x9b",
    "C1 (NEL)": "\x85",
    "bidi override": "\u202e",
    "bidi isolate": "\u2066",
    "line separator": "\u2028",
}
"""One sample of each class of character a report must not carry."""

LINE_BREAKS = ("\r", "\x85", "\u2028")
"""Read as line breaks when the text is normalised: they end lines, and are not shown."""

FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def hostile_article(controls: str) -> str:
    """A short article with ``controls`` in its headline, a claim, a name and a repeat."""
    repeated = f"Officials said the ferry{controls} line may close next year, people say."
    return (
        f"Harbour{controls} news today\n\n"
        f"Marta Quintela{controls} runs the port of Lisbon. {repeated}\n\n"
        "The port said in March that it would likely add a second berth.\n\n"
        f"{repeated}\n"
    )


@pytest.mark.parametrize("name", list(CONTROL_CLASSES))
@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_reports_carry_no_control_character(tmp_path: Path, name: str, fmt: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(hostile_article(CONTROL_CLASSES[name]), encoding="utf-8", newline="")
    result = run_reader("analyze", str(path), "--format", fmt)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert not FORBIDDEN.search(out), f"{name}: {out!r}"
    assert "Harbour" in out
    if CONTROL_CLASSES[name] not in LINE_BREAKS:
        # Shown, not silently dropped: the reader can see something was there.
        assert "^" in out or "<U+" in out


def test_the_export_carries_no_control_character() -> None:
    article = hostile_article("".join(CONTROL_CLASSES.values()))
    report = to_markdown(reader.analyze(article, source="a\x1b[2J.txt"))
    assert not FORBIDDEN.search(report)
    assert "a^[[2J.txt" in report


def test_json_keeps_the_text_exact() -> None:
    article = hostile_article("\x1b]0;owned\x07 \x9b \u202e")
    result = run_reader("analyze", "-", "--format", "json", stdin=article.encode("utf-8"))
    assert result.returncode == 0, result.stderr
    raw = result.stdout.decode("utf-8")
    assert not FORBIDDEN.search(raw.replace("\n", ""))  # escaped by JSON itself
    assert "\x1b" in json.loads(raw)["text"]


def test_stand_ins_are_the_viewers() -> None:
    assert printable("a\x1b[2Jb\x07c\u202ed\x9b") == "a^[[2Jb^Gc<U+202E>d<U+009B>"
    assert printable("two\nlines\tand a tab") == "two\nlines\tand a tab"
    assert printable_line("one\n line\x1b") == "one line^["
    assert stand_in("\x7f") == "^?"


def test_error_lines_escape_what_does_not_print() -> None:
    assert error_line("no such file: evil\nname\x1b[2J.txt") == (
        "no such file: evil name\\x1b[2J.txt"
    )
    assert error_line(ValueError()) == "ValueError"


def test_paragraphs_are_numbered_from_one_with_one_pair_of_brackets() -> None:
    first = "The ferry operator said on Tuesday that it will add three new routes to the islands."
    cut = "The ferry operator said on Tuesday that it will add three new routes…"
    article = f"Ferries\n\n{first}\n\nA second paragraph about the port.\n\n{cut}\n\n{first}\n"
    report = to_markdown(reader.analyze(article))
    hidden = [line for line in report.splitlines() if line.startswith("- ¶")]
    assert "- ¶5 (duplicate of ¶2): " in "\n".join(hidden)
    assert any(line.startswith("- ¶4 (near-duplicate of ¶2, truncated): ") for line in hidden)
    assert all(line.count("(") == 1 for line in hidden)


def test_a_report_from_standard_input_is_named_cleanly() -> None:
    article = (
        "Apple may release a new phone that would play Steve Jobs' favourite songs, "
        "according to people familiar with the plans of the company\n\nBody text here.\n"
    )
    analysis = reader.analyze(article, source="-")
    name = report_filename(analysis)
    assert name.endswith(".report.md")
    stem = name.removesuffix(".report.md")
    assert stem.startswith("apple-may-release")
    assert not stem.endswith("-") and len(stem) <= 60
    assert "Source: standard input" in to_markdown(analysis)
    assert "`-`" not in to_markdown(analysis)


def test_text_report_shows_the_clean_text() -> None:
    analysis = reader.analyze("Headline\n\nBody \x1b[31mred\x1b[0m text.\n")
    assert to_text(analysis) == "Headline\n\nBody ^[[31mred^[[0m text.\n"
