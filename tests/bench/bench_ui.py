"""How fast the reader shows an article, against a minimal Textual app showing the same text.

    python tests/bench/run.py ui

Start-up: a real terminal (tmux, 160x45) runs each command; the time is from launch until the
article's first words are on the screen (polled every 10 ms), median and fastest of several
runs taken in turns. Peers: a minimal Textual app with one ``Static`` holding the seed text; the
same app after importing ``reader`` and running ``analyze()`` (what any viewer of the clean
text must do first); ``reader`` on the seed; ``reader`` on a 5 MB article built from
../shared/data/articles (never copied anywhere).

Scrolling: headless, the time to page down through a 5 MB article and draw each screen,
against the same on the seed, per page.
"""

from __future__ import annotations

import asyncio
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from benchlib import compile_bytecode

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("READER_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "seed-article.txt"
ARTICLES = SHARED / "data" / "articles" / "bbc.jsonl"
READER = Path(sys.executable).with_name("reader")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))

MINIMAL_APP = """
import sys
from textual.app import App
from textual.content import Content
from textual.widgets import Static

TEXT = open(sys.argv[1], encoding="utf-8").read()
if len(sys.argv) > 2:  # the same, after importing and running the analysis pipeline
    import reader

    TEXT = reader.analyze(TEXT).clean_text


class Minimal(App):
    def compose(self):
        yield Static(Content(TEXT))


Minimal().run()
"""


def build_big_article(target: Path, size: int = 5_000_000) -> str:
    """Concatenate development articles until ``size`` bytes; return the first words."""
    pieces: list[str] = []
    total = 0
    with ARTICLES.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            piece = f"{record['title']}\n\n{record['text']}\n\n"
            pieces.append(piece)
            total += len(piece.encode("utf-8"))
            if total >= size:
                break
    target.write_text("".join(pieces), encoding="utf-8")
    return pieces[0].split("\n")[0][:12]


def time_to_screen(command: str, marker: str, size: tuple[int, int] = (160, 45)) -> float:
    """Seconds from starting ``command`` in tmux until ``marker`` is on the screen."""
    socket = f"reader-bench-{uuid.uuid4().hex[:8]}"
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
    scratch = shlex.quote(tempfile.gettempdir())
    # The runs' history goes to a scratch directory, never the user's data directory.
    env = (
        f"TERM=xterm-256color READER_CONFIG_DIR={scratch} "
        f"READER_DATA_DIR={shlex.quote(str(Path(tempfile.gettempdir()) / 'reader-bench-data'))}"
    )
    start = time.perf_counter()
    subprocess.run(
        [
            *tmux,
            "new-session",
            "-d",
            "-x",
            str(size[0]),
            "-y",
            str(size[1]),
            "sh",
            "-c",
            f"{env} {command}; sleep 30",
        ],
        check=True,
    )
    try:
        deadline = start + 60
        while time.perf_counter() < deadline:
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p"], capture_output=True, text=True, check=False
            ).stdout
            if marker in screen:
                return time.perf_counter() - start
            time.sleep(0.01)
        raise RuntimeError(f"{marker!r} never appeared for: {command}")
    finally:
        subprocess.run([*tmux, "kill-server"], check=False, capture_output=True)


def median_times(peers: dict[str, tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Median and fastest :func:`time_to_screen` of each ``name: (command, marker)``.

    The peers take turns (one run of each, ``RUNS`` times, after a warm-up round), so a change
    in the machine's load during the benchmark affects them alike.
    """
    samples: dict[str, list[float]] = {name: [] for name in peers}
    for round_number in range(RUNS + 1):
        for name, (command, marker) in peers.items():
            seconds = time_to_screen(command, marker)
            if round_number:
                samples[name].append(seconds)
    return {name: (statistics.median(values), min(values)) for name, values in samples.items()}


async def seconds_per_page(path: Path, pages: int = 40) -> float:
    """Median seconds to page down once and draw the screen (headless, 160x45)."""
    from reader.model import Document
    from reader.pipeline import preview
    from reader.ui.app import ReaderApp

    text = path.read_text(encoding="utf-8")
    analysis = preview(Document(text=text, source=str(path)), clean=False)
    app = ReaderApp(analysis=analysis)
    timings: list[float] = []
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        for _ in range(pages):
            start = time.perf_counter()
            await pilot.press("space")
            await pilot.pause()
            timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> int:
    """Print the start-up and scrolling figures."""
    if shutil.which("tmux") is None:
        print("skipped: tmux is not installed")
        return 0
    if not SEED.exists() or not ARTICLES.exists():
        print(f"skipped: {SEED} or {ARTICLES} is absent")
        return 0
    # The figures are those of an installed program, whose modules are compiled to bytecode
    # once, at install time (see benchlib.compile_bytecode): not compiled at every start.
    compile_bytecode()
    seed_marker = SEED.read_text(encoding="utf-8")[:24]
    with tempfile.TemporaryDirectory() as tmp:
        minimal = Path(tmp) / "minimal.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        big = Path(tmp) / "big.txt"
        big_marker = build_big_article(big)
        size_mb = big.stat().st_size / 1e6
        q = shlex.quote
        medians = median_times(
            {
                "minimal": (f"{q(sys.executable)} {q(str(minimal))} {q(str(SEED))}", seed_marker),
                "analysed": (
                    f"{q(sys.executable)} {q(str(minimal))} {q(str(SEED))} analyse",
                    seed_marker,
                ),
                "seed": (f"{q(str(READER))} {q(str(SEED))}", seed_marker),
                "big": (f"{q(str(READER))} {q(str(big))}", big_marker),
            }
        )
        print(f"start-up to text on screen, median and fastest of {RUNS} (tmux 160x45):")
        rows = (
            ("minimal Textual app, seed", "minimal", None),
            ("minimal app + analyze()", "analysed", "minimal"),
            ("reader, seed", "seed", "minimal"),
            (f"reader, {size_mb:.1f} MB article", "big", "seed"),
        )
        for label, name, peer in rows:
            median, fastest = medians[name]
            line = (
                f"  {label:<26}: {median * 1000:6.0f} ms median, {fastest * 1000:6.0f} ms fastest"
            )
            if peer is not None:
                line += (
                    f"  ({median / medians[peer][0]:.2f}x / {fastest / medians[peer][1]:.2f}x"
                    f" {'minimal' if peer == 'minimal' else 'the seed'})"
                )
            print(line)
        seed_page = asyncio.run(seconds_per_page(SEED, pages=5))
        big_page = asyncio.run(seconds_per_page(big))
        print("page down and redraw, median (headless 160x45):")
        print(f"  seed                      : {seed_page * 1000:7.1f} ms")
        print(f"  {size_mb:.1f} MB article            : {big_page * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
