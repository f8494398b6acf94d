"""Start-up in a real terminal: launch to article visible, and key-to-redraw latency for ``]``.

    python tests/bench/run.py startup

Runs inside a private tmux server (its own socket, no user config, a 160x48 window). Each run
starts a command in the pane and polls the screen every few milliseconds until a phrase from
the article's second paragraph is on it. The same is done for a minimal Textual app that shows
the same file in one ``Static``; runs alternate between the two and the ratio is taken between
the fastest of each (start-up noise on a shared machine only ever adds time).

Figures, for the seed article and for a 5 MB article built at run time from the BBC collection
(removed afterwards):
- ``reader FILE`` against the minimal app on the seed (target: <= 1.25x);
- ``reader`` on the 5 MB article against ``reader`` on the seed (target: <= 3x);
- the time from pressing ``]`` to the screen changing, on the 5 MB article, once the viewer no
  longer says it is "analysing" (big articles are shown first and analysed in the background)
  and the screen has settled.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchlib import (
    MB,
    SEED,
    build_big_article,
    compile_bytecode,
    machine,
    reader_command,
    require_data,
)

from reader.pipeline import analyze

WIDTH, HEIGHT = 160, 48
POLL_SECONDS = 0.01
SEED_RUNS = 5
BIG_RUNS = 3
KEY_RUNS = 5
VISIBLE_TIMEOUT = 120.0
SETTLE_SECONDS = 0.3
KEY_TIMEOUT = 10.0
ANALYSIS_TIMEOUT = 300.0
BUSY_WORD = "analysing"
"""What the viewer shows while its background analysis of a big article runs."""

MINIMAL_APP = '''\
"""The smallest Textual app that shows a file: one Static holding its text."""
import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Static


class Minimal(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(Content(self.text))


Minimal(Path(sys.argv[1]).read_text(encoding="utf-8")).run()
'''


class Terminal:
    """A private tmux server with one pane that commands are (re)started in.

    Commands run with ``TERM=xterm-256color`` and an empty ``READER_CONFIG_DIR``, so neither
    the terminal type of the caller nor a user's configuration changes the figures, and with
    ``READER_DATA_DIR`` beside it, so the runs never reach the user's history.
    """

    def __init__(self, config_dir: Path) -> None:
        self.socket = f"reader-bench-{os.getpid()}"
        self.environment = {
            "TERM": "xterm-256color",
            "READER_CONFIG_DIR": str(config_dir),
            "READER_DATA_DIR": str(config_dir / "data"),
        }
        self._tmux("new-session", "-d", "-s", "bench", "-x", str(WIDTH), "-y", str(HEIGHT))
        self._tmux("set-option", "-g", "remain-on-exit", "on")

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout

    def start(self, argv: Sequence[str]) -> None:
        """Kill whatever runs in the pane and start ``argv`` there (the screen is cleared)."""
        command = " ".join(_quote(part) for part in argv)
        settings = [f"-e{name}={value}" for name, value in self.environment.items()]
        self._tmux("respawn-pane", "-k", *settings, "-t", "bench", command)

    def screen(self) -> str:
        """The text on the pane now."""
        return self._tmux("capture-pane", "-p", "-t", "bench")

    def press(self, key: str) -> None:
        """Send one key to the pane."""
        self._tmux("send-keys", "-t", "bench", key)

    def wait_for(self, phrase: str, timeout: float) -> float | None:
        """Seconds until ``phrase`` is on the screen, measured by the caller's clock start."""
        started = time.perf_counter()
        while time.perf_counter() - started < timeout:
            if phrase in self.screen():
                return time.perf_counter() - started
            time.sleep(POLL_SECONDS)
        return None

    def settle(self, timeout: float = 30.0) -> str:
        """Wait until the screen stays the same for a moment; return it."""
        deadline = time.perf_counter() + timeout
        last = self.screen()
        while time.perf_counter() < deadline:
            time.sleep(SETTLE_SECONDS)
            now = self.screen()
            if now == last:
                return now
            last = now
        return last

    def close(self) -> None:
        """Stop the private tmux server."""
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)


def _quote(part: str) -> str:
    return "'" + part.replace("'", "'\\''") + "'"


@dataclass
class Target:
    """An article file and a phrase that shows it is on the screen."""

    label: str
    path: Path
    phrase: str


def visible_phrase(text: str) -> str:
    """The first words of the second kept paragraph (the first may be echoed as a title)."""
    analysis = analyze(text)
    kept = analysis.kept_paragraphs
    paragraph = kept[1] if len(kept) > 1 else kept[0]
    return " ".join(analysis.paragraph_text(paragraph).split()[:4])


def time_to_visible(terminal: Terminal, argv: Sequence[str], target: Target) -> float | None:
    """Seconds from starting ``argv`` to the target's phrase on the screen."""
    started = time.perf_counter()
    terminal.start(argv)
    seen = terminal.wait_for(target.phrase, VISIBLE_TIMEOUT)
    return None if seen is None else time.perf_counter() - started


def fastest(times: list[float | None]) -> float | None:
    """The fastest run, or None when none finished."""
    done = [t for t in times if t is not None]
    return min(done) if done else None


def show(label: str, times: list[float | None]) -> None:
    """Print one row of start-up times."""
    done = [t for t in times if t is not None]
    if not done:
        print(f"  {label:<38} not visible within {VISIBLE_TIMEOUT:.0f} s")
        return
    ordered = sorted(done)
    print(
        f"  {label:<38} fastest {ordered[0]:6.3f} s  median {ordered[len(ordered) // 2]:6.3f} s"
        f"  ({len(done)}/{len(times)} runs)"
    )


def wait_for_analysis(terminal: Terminal, timeout: float = ANALYSIS_TIMEOUT) -> float | None:
    """Seconds until the viewer no longer says it is analysing (claims are there to step to)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if BUSY_WORD not in terminal.screen().lower():
            return time.perf_counter() - started
        time.sleep(POLL_SECONDS * 10)
    return None


def key_latency(terminal: Terminal, reader: list[str], target: Target) -> None:
    """Time from pressing ``]`` to a changed screen, once the analysis is done and shown."""
    started = time.perf_counter()
    terminal.start([*reader, str(target.path)])
    if terminal.wait_for(target.phrase, VISIBLE_TIMEOUT) is None:
        print("  ] latency: the article never became visible")
        return
    if wait_for_analysis(terminal) is None:
        print(f"  ] latency: still analysing after {ANALYSIS_TIMEOUT:.0f} s")
        return
    ready = time.perf_counter() - started
    print(f"  {target.label}: launch to claims ready (no '{BUSY_WORD}' on screen): {ready:.1f} s")
    latencies: list[float] = []
    for _ in range(KEY_RUNS):
        before = terminal.settle()
        started = time.perf_counter()
        terminal.press("]")
        while time.perf_counter() - started < KEY_TIMEOUT:
            if terminal.screen() != before:
                latencies.append(time.perf_counter() - started)
                break
            time.sleep(POLL_SECONDS)
        else:
            print(f"  ] on {target.label}: no redraw within {KEY_TIMEOUT:.0f} s (no binding yet?)")
            return
    ordered = sorted(latencies)
    print(
        f"  ] on {target.label}: fastest {1000 * ordered[0]:.0f} ms, "
        f"median {1000 * ordered[len(ordered) // 2]:.0f} ms ({len(ordered)} presses)"
    )


def main() -> None:
    """Print start-up times and ratios for the seed and a 5 MB article, then ] latency."""
    print(f"machine: {machine()}")
    if shutil.which("tmux") is None:
        print("skipped: tmux is not installed")
        return
    require_data(SEED)
    # The figures are those of an installed program, whose modules are compiled to bytecode
    # once, at install time (see compile_bytecode): not compiled from source at every start.
    compile_bytecode()
    reader = reader_command()
    with tempfile.TemporaryDirectory(prefix="reader-bench-startup-") as tmp:
        minimal = [sys.executable, str(Path(tmp) / "minimal_app.py")]
        Path(minimal[1]).write_text(MINIMAL_APP, encoding="utf-8")
        big_path = Path(tmp) / "big-article.txt"
        big_text = build_big_article()
        big_path.write_text(big_text, encoding="utf-8")
        seed_text = SEED.read_text(encoding="utf-8")
        seed = Target("seed", SEED, visible_phrase(seed_text))
        big = Target(
            f"{len(big_text.encode()) / MB:.1f} MB article", big_path, visible_phrase(big_text)
        )
        print(f"tmux {WIDTH}x{HEIGHT}; command: {' '.join(reader)} FILE")

        config_dir = Path(tmp) / "config"
        config_dir.mkdir()
        terminal = Terminal(config_dir)
        try:
            seed_reader: list[float | None] = []
            seed_minimal: list[float | None] = []
            for _ in range(SEED_RUNS):
                seed_reader.append(time_to_visible(terminal, [*reader, str(seed.path)], seed))
                seed_minimal.append(time_to_visible(terminal, [*minimal, str(seed.path)], seed))
            print(f"\nlaunch to article visible, {SEED_RUNS} alternating runs each:")
            show("seed: reader", seed_reader)
            show("seed: minimal Textual app", seed_minimal)
            fast_reader, fast_minimal = fastest(seed_reader), fastest(seed_minimal)
            if fast_reader and fast_minimal:
                ratio = fast_reader / fast_minimal
                verdict = "meets" if ratio <= 1.25 else "MISSES"
                print(f"  ratio reader / minimal (fastest): {ratio:.2f}x ({verdict} <= 1.25x)")

            big_reader = [
                time_to_visible(terminal, [*reader, str(big.path)], big) for _ in range(BIG_RUNS)
            ]
            show(f"{big.label}: reader", big_reader)
            fast_big = fastest(big_reader)
            if fast_big and fast_reader:
                ratio = fast_big / fast_reader
                verdict = "meets" if ratio <= 3 else "MISSES"
                print(f"  ratio 5 MB / seed, reader (fastest): {ratio:.2f}x ({verdict} <= 3x)")
            show(
                f"{big.label}: minimal app (1 run)",
                [time_to_visible(terminal, [*minimal, str(big.path)], big)],
            )

            print("\nkey to redraw:")
            key_latency(terminal, reader, big)
        finally:
            terminal.close()


if __name__ == "__main__":
    main()
