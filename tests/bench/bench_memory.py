"""One 5 MB article: ``reader analyze`` wall time and peak memory, and where the time goes.

    python tests/bench/run.py memory

The article is built at run time from the BBC collection (about 2,200 stories joined by blank
lines, the first paragraph of every tenth one repeated as scraper damage) and written to a
temporary file that is removed afterwards. ``reader analyze FILE --format json`` runs in a
child process with its output thrown away; its peak resident set size comes from ``wait4``.
Targets: <= 10 s and <= 400 MB.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from bench_stages import stage_times
from benchlib import MB, build_big_article, machine, reader_command, run_child

RUNS = 3
TARGET_SECONDS = 10.0
TARGET_MB = 400.0


def main() -> None:
    """Print the command's time and peak memory on the big article, then the stage split."""
    print(f"machine: {machine()}")
    text = build_big_article()
    size = len(text.encode("utf-8"))
    with tempfile.TemporaryDirectory(prefix="reader-bench-big-") as tmp:
        path = Path(tmp) / "big-article.txt"
        path.write_text(text, encoding="utf-8")
        print(
            f"a {size / MB:.2f} MB article ({len(text.split()):,} words, "
            f"{text.count(chr(10) + chr(10)) + 1:,} paragraphs), median of {RUNS} runs"
        )
        for output in ("json", "jsonl"):
            runs = [
                run_child([*reader_command(), "analyze", str(path), "--format", output])
                for _ in range(RUNS)
            ]
            seconds = statistics.median(r.seconds for r in runs)
            cpu = statistics.median(r.cpu_seconds for r in runs)
            peak = max(r.max_rss_mb for r in runs)
            verdict = "meets" if seconds <= TARGET_SECONDS and peak <= TARGET_MB else "MISSES"
            print(
                f"  reader analyze --format {output:<6}{seconds:6.2f} s wall {cpu:6.2f} s CPU"
                f"  peak RSS {peak:4.0f} MB"
                f"  ({verdict} the {TARGET_SECONDS:.0f} s / {TARGET_MB:.0f} MB targets)"
            )
    print("\nwhere analyze() spends its CPU time on it (one pass of each stage, in-process):")
    times = stage_times([text], passes=1)
    total = times["whole analyze()"]
    for stage, seconds in times.items():
        print(f"  {stage:<16}{seconds:7.2f} s  {100 * seconds / total:5.1f}%")


if __name__ == "__main__":
    main()
