"""The end-to-end tests' terminal: the installed ``reader`` command run in tmux."""

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
    env = {
        "TERM": "xterm-256color",
        "READER_CONFIG_DIR": str(tmp_path),
        "READER_DATA_DIR": str(tmp_path / "data"),  # kept for every start within one test
        "READER_DEBUG": "",
    }

    def start(args: str, size: tuple[int, int] = (80, 24), pipe: str = "") -> Terminal:
        command = f"cd {shlex.quote(str(tmp_path))} && {pipe}{shlex.quote(str(READER))} {args}"
        term = Terminal(command, size, env)
        opened.append(term)
        return term

    yield start
    for term in opened:
        term.close()
