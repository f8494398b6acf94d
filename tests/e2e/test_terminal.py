"""The installed ``reader`` command in a real terminal: tmux types the keys and reads the screen."""

from __future__ import annotations

import shlex
import time
from pathlib import Path

import pytest

import reader
from tests.conftest import SAMPLE_ARTICLE, SEED_ARTICLE, require

pytestmark = pytest.mark.e2e


def _sample_has_claims() -> bool:
    return bool(reader.analyze(SAMPLE_ARTICLE.read_text(encoding="utf-8")).claims)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
def test_reading_the_sample_as_a_new_user(terminal, size: tuple[int, int]) -> None:
    term = terminal(shlex.quote(str(SAMPLE_ARTICLE)), size)
    term.wait_for("LISBON")
    # The sidebar's lists follow the article's first frame.
    screen = term.wait_for("Claims (")
    assert "Harbourline weighs electric ferry order" in screen
    assert "clean view" in screen
    assert "Entities (" in screen
    if _sample_has_claims():
        term.press("]")
        total = term.wait_for("claim 1/").split("claim 1/")[1].split()[0]
        term.press("]")
        term.wait_for(f"claim 2/{total}")
        term.press("[")
        term.wait_for(f"claim 1/{total}")
    term.press("r")
    screen = term.wait_for("raw view")
    assert "hidden: boilerplate" in screen or "hidden: duplicate" in screen or "raw" in screen
    term.press("r")
    term.wait_for("clean view")
    term.press("?")
    term.wait_for("Keys")
    term.press("Escape")
    time.sleep(0.3)
    term.press("q")
    term.wait_for("EXIT=0")


def test_the_seed_article_names_its_people_and_companies(terminal) -> None:
    require(SEED_ARTICLE)
    term = terminal(shlex.quote(str(SEED_ARTICLE)), (160, 45))
    term.wait_for("Hyundai")  # names arrive from the analysis after the first frame
    screen = term.wait_for("Claims (9)")
    for name in ("Lei Jun", "Elon Musk", "Hyundai", "Xiaomi", "Apple Car"):
        assert name in screen
    term.press("q")
    term.wait_for("EXIT=0")


def test_claims_step_with_a_counter(terminal) -> None:
    if not _sample_has_claims():
        pytest.skip("the installed claim flagger marks nothing in the sample yet")
    term = terminal(shlex.quote(str(SAMPLE_ARTICLE)))
    term.wait_for("clean view")
    term.press("]")
    term.wait_for("claim 1/")
    term.press("q")
    term.wait_for("EXIT=0")


def test_markup_and_escape_codes_are_shown_literally(terminal, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_bytes(
        b"Click [@click=app.quit]here[/] now. A [bold]bold[/bold] claim. Stray [/] here.\n\n"
        b"Colour \x1b[31mred\x1b[0m and a title \x1b]0;pwned\x07 and \xe2\x80\xaeflip.\n"
    )
    term = terminal(shlex.quote(str(hostile)), (100, 24))
    screen = term.wait_for("<U+202E>flip")
    assert "[@click=app.quit]here[/]" in screen
    assert "[bold]bold[/bold]" in screen
    assert "Stray [/] here." in screen
    assert "^[[31mred^[[0m" in screen
    assert "<U+202E>flip" in screen
    term.press("Tab", "Enter", "Tab", "Enter", "y")
    time.sleep(0.5)
    assert "EXIT=" not in term.screen()
    term.press("q")
    term.wait_for("EXIT=0")


def test_standard_input_then_keys_from_the_terminal(terminal) -> None:
    term = terminal("-", pipe=f"cat {shlex.quote(str(SAMPLE_ARTICLE))} | ")
    term.wait_for("Harbourline weighs electric ferry order")
    term.press("r")
    term.wait_for("raw view")
    term.press("q")
    term.wait_for("EXIT=0")


def test_a_binary_file_gives_one_line_and_exit_code_2(terminal, tmp_path: Path) -> None:
    binary = tmp_path / "data.bin"
    binary.write_bytes(bytes(range(256)) * 64)
    term = terminal(shlex.quote(str(binary)), (240, 24))
    screen = term.wait_for("EXIT=2")
    assert "reader: " in screen
    assert "Traceback" not in screen
    lines = [line for line in screen.splitlines() if line.strip()]
    assert lines[-1] == "EXIT=2" and lines[-2].startswith("reader: ")
