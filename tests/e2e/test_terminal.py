"""The installed ``reader`` command in a real terminal: tmux types the keys and reads the screen."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import reader
from tests.conftest import SAMPLE_ARTICLE, SEED_ARTICLE, require

pytestmark = pytest.mark.e2e

TMUX = shutil.which("tmux")
READER = Path(sys.executable).with_name("reader")


class Terminal:
    """One tmux session, on its own server, running one command."""

    def __init__(self, command: str, size: tuple[int, int], env: dict[str, str]) -> None:
        self.socket = f"reader-test-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        # A size in COLUMNS / LINES (which some runners leave in the environment) would win
        # over the pane's real size.
        shell = f"unset COLUMNS LINES; {exports} {command}; echo EXIT=$?; sleep 30"
        self._tmux("new-session", "-d", "-x", str(size[0]), "-y", str(size[1]), "sh", "-c", shell)

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            [TMUX, "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
        return result.stdout

    def screen(self) -> str:
        """The visible screen as text."""
        return self._tmux("capture-pane", "-p")

    def press(self, *keys: str) -> None:
        """Type keys (tmux key names, or literal text with ``-l``)."""
        for key in keys:
            self._tmux("send-keys", key)
            time.sleep(0.15)

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        """Wait until ``text`` is on screen; return the screen."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear; the screen was:\n{screen}")

    def close(self) -> None:
        """End the session and its server."""
        self._tmux("kill-server")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator:
    """Start ``reader ARGS`` in tmux: ``terminal("args", size)``."""
    if TMUX is None:
        pytest.skip("tmux is not installed: the end-to-end tests drive a real terminal with it")
    if not READER.exists():
        pytest.skip(f"the reader command is not installed beside {sys.executable}")
    opened: list[Terminal] = []
    env = {"TERM": "xterm-256color", "READER_CONFIG_DIR": str(tmp_path), "READER_DEBUG": ""}

    def start(args: str, size: tuple[int, int] = (80, 24), pipe: str = "") -> Terminal:
        command = f"cd {shlex.quote(str(tmp_path))} && {pipe}{shlex.quote(str(READER))} {args}"
        term = Terminal(command, size, env)
        opened.append(term)
        return term

    yield start
    for term in opened:
        term.close()


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
