"""Throughput of the whole analysis in one process: 2,000 BBC articles, in words per second.

    python tests/bench/run.py pipeline

Target: >= 150,000 words/s (for scale: spaCy's small English model, NER alone, runs at about
9,000 words/s on this kind of machine). Also shown: the same with each analysis turned into its
JSON line, as corpus mode does.
"""

from __future__ import annotations

import statistics
import time

from benchlib import load_articles, machine, word_count

from reader.batch.corpus import analysis_line
from reader.pipeline import analyze

ARTICLES = 2000
PASSES = 5
TARGET_WORDS_PER_SECOND = 150_000


def main() -> None:
    """Print words per second of analyze(), alone and with JSON output."""
    print(f"machine: {machine()}")
    articles = load_articles("bbc", ARTICLES)
    words = word_count([a.text for a in articles])
    print(f"{len(articles):,} BBC articles, {words:,} words, median of {PASSES} passes")

    def analyse_only() -> None:
        for a in articles:
            analyze(a.text, source=a.id, title=a.title)

    def analyse_and_serialise() -> None:
        for a in articles:
            analysis_line(analyze(a.text, source=a.id, title=a.title))

    variants = (("analyze()", analyse_only), ("analyze() + JSON line", analyse_and_serialise))
    wall: dict[str, list[float]] = {label: [] for label, _ in variants}
    cpu: dict[str, list[float]] = {label: [] for label, _ in variants}
    for _ in range(PASSES):  # interleaved, so load from elsewhere hits both alike
        for label, work in variants:
            started, started_cpu = time.perf_counter(), time.process_time()
            work()
            wall[label].append(time.perf_counter() - started)
            cpu[label].append(time.process_time() - started_cpu)
    for label, _ in variants:
        seconds, cpu_seconds = statistics.median(wall[label]), statistics.median(cpu[label])
        rate, cpu_rate = words / seconds, words / cpu_seconds
        verdict = "meets" if rate >= TARGET_WORDS_PER_SECOND else "MISSES"
        print(
            f"  {label:<24}{seconds:6.2f} s wall {rate:>9,.0f} words/s  "
            f"{cpu_seconds:6.2f} s CPU {cpu_rate:>9,.0f} words/s  "
            f"(wall {verdict} the {TARGET_WORDS_PER_SECOND:,} target)"
        )


if __name__ == "__main__":
    main()
