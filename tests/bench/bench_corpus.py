"""Corpus mode over every shared article: ``--jobs 2`` against ``--jobs 1``, and chunk sizes.

    python tests/bench/run.py corpus

Every article of ``../shared/data/articles/*.jsonl`` is first written as its own text file
(title, blank line, body) into a temporary directory, which is removed afterwards; then
``reader analyze DIR --format jsonl`` runs over it with its output thrown away, alternating
``--jobs 1`` and ``--jobs 2`` runs. Target: ``--jobs 2`` at least 1.7x as fast as ``--jobs 1``.
The peer is two ``--jobs 1`` processes started together on alternate halves of the files: the
best two processes can do on this machine with nothing passed between them.

A second table shows why work is sent to the workers in chunks: the same library call
(:func:`reader.batch.corpus.analyze_corpus`, two workers) over the 5,000 first Reuters stories with
one article per message and with larger chunks.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from benchlib import ChildRun, load_articles, machine, reader_command, run_child, word_count

from reader.batch.corpus import analyze_corpus, chunk_size_for, expand_targets

ROUNDS = 3
TARGET_SPEED_UP = 1.7


def write_corpus(root: Path) -> tuple[int, int]:
    """Write every shared article under ``root``; return (articles, words)."""
    articles = load_articles()
    for article in articles:
        collection = article.id.split("-", 1)[0]
        folder = root / collection
        folder.mkdir(exist_ok=True)
        (folder / f"{article.id}.txt").write_text(
            f"{article.title}\n\n{article.text}\n", encoding="utf-8"
        )
    return len(articles), word_count([f"{a.title} {a.text}" for a in articles])


def split_run(halves: list[list[str]]) -> tuple[float, float]:
    """Two ``--jobs 1`` processes started together, one per half: (wall, CPU) seconds.

    This is the peer for ``--jobs 2``: the same work on two cores with no messages between
    processes at all, so it shows what this machine gives two processes at best.
    """
    started = time.perf_counter()
    processes = [
        subprocess.Popen(
            [*reader_command(), "analyze", *half, "-f", "jsonl", "--jobs", "1"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for half in halves
    ]
    cpu = 0.0
    for process in processes:
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise SystemExit("reader analyze failed on half of the corpus")
        cpu += usage.ru_utime + usage.ru_stime
    return time.perf_counter() - started, cpu


def jobs_comparison(root: Path, words: int) -> None:
    """Alternate --jobs 1, --jobs 2 and the two-halves peer; print medians and ratios."""
    paths = expand_targets([str(root)])
    halves = [paths[0::2], paths[1::2]]
    runs: dict[int, list[ChildRun]] = {1: [], 2: []}
    split: list[tuple[float, float]] = []
    for _ in range(ROUNDS):
        for jobs in (1, 2):
            argv = [*reader_command(), "analyze", str(root), "-f", "jsonl", "--jobs", str(jobs)]
            run = run_child(argv)
            if run.returncode != 0:
                raise SystemExit(f"reader analyze failed with --jobs {jobs}")
            runs[jobs].append(run)
        split.append(split_run(halves))
    wall = {jobs: statistics.median(r.seconds for r in rs) for jobs, rs in runs.items()}
    cpu = {jobs: statistics.median(r.cpu_seconds for r in rs) for jobs, rs in runs.items()}
    split_wall = statistics.median(w for w, _ in split)
    split_cpu = statistics.median(c for _, c in split)
    for jobs in (1, 2):
        peak = max(r.max_rss_mb for r in runs[jobs])
        print(
            f"  --jobs {jobs}:            {wall[jobs]:6.2f} s wall {words / wall[jobs]:>9,.0f} "
            f"words/s  {cpu[jobs]:6.2f} s CPU  (largest process {peak:.0f} MB)"
        )
    print(
        f"  two --jobs 1 on halves: {split_wall:6.2f} s wall {words / split_wall:>9,.0f} "
        f"words/s  {split_cpu:6.2f} s CPU  (the peer: no messages between processes)"
    )
    ratio = wall[1] / wall[2]
    verdict = "meets" if ratio >= TARGET_SPEED_UP else "MISSES"
    print(
        f"  speed-up --jobs 2 / --jobs 1: {ratio:.2f}x wall "
        f"({verdict} the {TARGET_SPEED_UP}x target); two halves / --jobs 1: "
        f"{wall[1] / split_wall:.2f}x; --jobs 2 reaches {split_wall / wall[2]:.0%} of the peer"
    )
    # Other work on a shared machine steals cores from the workers but not CPU time from the
    # job: the CPU figures say what two idle cores would give.
    print(
        f"  CPU time against --jobs 1: --jobs 2 {cpu[2] / cpu[1]:.2f}x, two halves "
        f"{split_cpu / cpu[1]:.2f}x; on 2 idle cores --jobs 2 would reach at most "
        f"{2 * cpu[1] / cpu[2]:.2f}x"
    )


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed_batch(paths: list[str], jobs: int, size: int | None) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), _cpu_seconds()
    for _result in analyze_corpus(paths, jobs=jobs, chunk_size=size):
        pass
    return time.perf_counter() - wall, _cpu_seconds() - cpu


def chunk_comparison(root: Path) -> None:
    """Two workers, one article per message against the chunk sizes corpus mode picks."""
    paths = expand_targets([str(root / "reuters")])[:5000]
    adaptive = chunk_size_for(len(paths), 2)
    variants = [(1, None), *((2, size) for size in sorted({1, 8, 64, adaptive}))]
    samples: dict[tuple[int, int | None], list[tuple[float, float]]] = {v: [] for v in variants}
    for _ in range(ROUNDS):
        for jobs, size in variants:
            samples[(jobs, size)].append(_timed_batch(paths, jobs, size))
    print(f"\n{len(paths):,} Reuters stories, library call analyze_corpus(), median of {ROUNDS}:")
    base_wall = statistics.median(w for w, _ in samples[(1, None)])
    base_cpu = statistics.median(c for _, c in samples[(1, None)])
    for (jobs, size), runs in samples.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        label = "in-process (jobs=1)" if jobs == 1 else f"jobs=2, {size:>2} per message"
        note = "  (the default for this batch)" if size == adaptive else ""
        print(
            f"  {label:<24}{wall:6.2f} s wall {base_wall / wall:5.2f}x   "
            f"{cpu:6.2f} s CPU {cpu / base_cpu:5.2f}x{note}"
        )


def main() -> None:
    """Write the corpus to a temporary directory and print both comparisons."""
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="reader-bench-corpus-") as tmp:
        root = Path(tmp)
        count, words = write_corpus(root)
        print(
            f"reader analyze DIR --format jsonl over {count:,} articles ({words:,} words), "
            f"median of {ROUNDS} alternating runs, output to /dev/null"
        )
        jobs_comparison(root, words)
        chunk_comparison(root)


if __name__ == "__main__":
    main()
