"""The checking desk in a real terminal: a verdict given, the viewer closed and opened again."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_ARTICLE
from tests.e2e.test_terminal import READER, TMUX, Terminal

pytestmark = pytest.mark.e2e


@pytest.fixture
def desk(tmp_path: Path):
    """Start the reader on a copy of the sample, with its own config and data directories."""
    if TMUX is None:
        pytest.skip("tmux is not installed: the end-to-end tests drive a real terminal with it")
    if not READER.exists():
        pytest.skip(f"the reader command is not installed beside {sys.executable}")
    article = tmp_path / "story.txt"
    shutil.copyfile(SAMPLE_ARTICLE, article)
    env = {
        "TERM": "xterm-256color",
        "READER_CONFIG_DIR": str(tmp_path / "config"),
        "READER_DATA_DIR": str(tmp_path / "data"),
        "READER_DEBUG": "",
    }
    opened: list[Terminal] = []

    def start(size: tuple[int, int] = (100, 30)) -> Terminal:
        command = f"cd {shlex.quote(str(tmp_path))} && {shlex.quote(str(READER))} story.txt"
        term = Terminal(command, size, env)
        opened.append(term)
        return term

    yield start
    for term in opened:
        term.close()


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
