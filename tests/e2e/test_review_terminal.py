"""The checking desk in a real terminal: a verdict given, the viewer closed and opened again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_ARTICLE

pytestmark = pytest.mark.e2e


@pytest.fixture
def desk(terminal, tmp_path: Path):
    """Start the reader on a copy of the sample; its data directory lasts the whole test."""
    shutil.copyfile(SAMPLE_ARTICLE, tmp_path / "story.txt")
    return lambda size=(100, 30): terminal("story.txt", size)


def test_a_verdict_given_is_there_after_quitting_and_reopening(desk) -> None:
    term = desk()
    term.wait_for("Claims (")
    term.wait_for("0/")  # the header's progress: nothing checked yet
    term.press("]")
    term.wait_for("claim 1/")
    term.press("v")
    term.wait_for("supported")
    term.wait_for("1/")
    term.press("q")
    term.wait_for("EXIT=0")

    again = desk()
    screen = again.wait_for("checked")
    assert "1/" in screen.splitlines()[0], screen.splitlines()[0]
    again.press("]")
    screen = again.wait_for("claim 1/")
    status = next(line for line in screen.splitlines() if "claim 1/" in line)
    assert "supported" in status
    again.press("q")
    again.wait_for("EXIT=0")
