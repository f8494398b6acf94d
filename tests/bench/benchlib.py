"""Helpers shared by the speed and memory benchmarks: data, timing, child processes.

The articles come from ``../shared/data/articles/*.jsonl`` and are read at benchmark time;
nothing derived from them is ever written inside the repository (generated inputs go to a
temporary directory that is removed afterwards).
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))
SHARED = Path(os.environ.get("READER_SHARED", REPO_ROOT.parent / "shared"))
ARTICLES = SHARED / "data" / "articles"
SEED = SHARED / "seed" / "seed-article.txt"
MB = 1_000_000


@dataclass(frozen=True)
class Article:
    """One article of the shared collections."""

    id: str
    title: str
    text: str


def require_data(path: Path = ARTICLES) -> Path:
    """``path``, or exit 0 with a clear message when the shared data is absent."""
    if not path.exists():
        print(f"skipped: {path} is absent (the shared evaluation data is not beside the repo)")
        raise SystemExit(0)
    return path


def load_articles(name: str | None = None, limit: int | None = None) -> list[Article]:
    """Articles of ``<name>.jsonl`` (or of every collection), in file order."""
    files = [require_data() / f"{name}.jsonl"] if name else sorted(require_data().glob("*.jsonl"))
    articles: list[Article] = []
    for file in files:
        with file.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                articles.append(Article(record["id"], record.get("title") or "", record["text"]))
                if limit is not None and len(articles) >= limit:
                    return articles
    return articles


def word_count(texts: Sequence[str]) -> int:
    """Whitespace-separated words in all ``texts``."""
    return sum(len(text.split()) for text in texts)


def build_big_article(size: int = 5 * MB, repeat_every: int = 10) -> str:
    """A made-at-run-time article of about ``size`` bytes of UTF-8 from the BBC collection.

    Articles are joined by blank lines, and the first paragraph of every ``repeat_every``-th
    article appears twice, as scraper damage does, so the cleaner has duplicates to find.
    """
    parts: list[str] = []
    total = 0
    for number, article in enumerate(load_articles("bbc")):
        body = article.text
        if repeat_every and number % repeat_every == 0:
            first = body.split("\n\n", 1)[0]
            body = f"{body}\n\n{first}"
        parts.append(body)
        total += len(body.encode("utf-8")) + 2
        if total >= size:
            break
    return "\n\n".join(parts)


def median_seconds(
    work: Callable[[], object], repeat: int = 5, clock: Callable[[], float] = time.perf_counter
) -> float:
    """The median time of ``repeat`` runs of ``work`` (wall clock unless told otherwise).

    Pass ``clock=time.process_time`` for this process's CPU time: on a machine shared with
    other work it varies far less than the wall clock, and for one process it is the cost.
    """
    times: list[float] = []
    for _ in range(repeat):
        started = clock()
        work()
        times.append(clock() - started)
    return statistics.median(times)


@dataclass(frozen=True)
class ChildRun:
    """Wall time, peak memory and exit status of one child process."""

    seconds: float
    cpu_seconds: float
    """User and system CPU time of the child and of the processes it waited for."""
    max_rss_mb: float
    returncode: int


def run_child(argv: Sequence[str], *, stdout: int | None = subprocess.DEVNULL) -> ChildRun:
    """Run ``argv``, waiting with ``wait4`` so the peak memory is that child's alone.

    On Linux the usage ``wait4`` reports covers the child and the processes it waited for
    (corpus mode's workers): CPU time is their sum, peak memory the largest resident set size
    of any one of them (Linux reports it in KiB).
    """
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode != 0:
        print(f"  (exit {process.returncode}) {stderr.strip()[-300:]}")
    rss_kib = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss // 1024
    cpu = usage.ru_utime + usage.ru_stime
    return ChildRun(seconds, cpu, rss_kib / 1024, process.returncode)


def reader_command() -> list[str]:
    """The installed ``reader`` command beside this Python, or ``python -m reader``."""
    script = Path(sys.executable).with_name("reader")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reader"]


def compile_bytecode() -> None:
    """Write the ``.pyc`` files of the package under test, as installing it does.

    Start-up figures must reflect an installed program: ``pip install`` compiles every module
    to bytecode at install time, but an editable install run with ``PYTHONDONTWRITEBYTECODE``
    set (as on the machines these figures come from) never caches it, so every start would
    compile the package's ~30 modules from source again (about 50 ms).
    """
    import compileall

    import reader

    compileall.compile_dir(Path(reader.__file__).parent, quiet=1)


def machine() -> str:
    """One line describing the machine the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {load:.2f}"
    )
