"""Cost of each analysis stage, per article and per MB, on the shared article collections.

    python tests/bench/run.py stages
    python tests/bench/bench_stages.py --profile     # also a cProfile of the whole pipeline

Each stage is timed over a whole collection with its inputs prepared beforehand, so the figures
are the stage alone: normalise, paragraphs, clean, sentences, flags, entities. Times are the
median of several passes in CPU time of this process, which other work on a shared machine
disturbs far less than the wall clock. "whole analyze()" is the real pipeline. What it costs
beyond the sum of the stages ("interleaving") is mostly the price of running every stage on one
article before the next (colder caches, more garbage collection), not the code in analysis.py:
the same stage calls made article by article cost as much as analyze().
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import time
from collections.abc import Callable, Iterable

from benchlib import MB, load_articles, machine, median_seconds

from reader.claims.flagging import flag_sentences
from reader.clean.cleaner import clean_paragraphs
from reader.entities import extract_entities
from reader.pipeline import analyze
from reader.text.normalize import normalize_text
from reader.text.segment import split_paragraphs, split_sentences

COLLECTIONS = (("bbc", None), ("reuters", 5000))
PASSES = 5


def stage_times(texts: list[str], passes: int = PASSES) -> dict[str, float]:
    """Median seconds of one pass over ``texts`` for each stage and for the whole pipeline."""
    normalised = [normalize_text(t) for t in texts]
    spans = [split_paragraphs(t) for t in normalised]
    paragraphs = [clean_paragraphs(t, s) for t, s in zip(normalised, spans, strict=True)]
    kept = [[p for p in ps if p.kept] for ps in paragraphs]
    sentence_spans = [
        [s for p in ks for s in split_sentences(t, p.start, p.end)]
        for t, ks in zip(normalised, kept, strict=True)
    ]
    sentence_texts = [
        [t[s.start : s.end] for s in ss] for t, ss in zip(normalised, sentence_spans, strict=True)
    ]
    clean_texts = [
        "\n\n".join(t[p.start : p.end] for p in ks) for t, ks in zip(normalised, kept, strict=True)
    ]
    pairs = list(zip(normalised, spans, strict=True))
    kept_pairs = list(zip(normalised, kept, strict=True))
    work = {
        "normalise": lambda: _each(normalize_text, ((t,) for t in texts)),
        "paragraphs": lambda: _each(split_paragraphs, ((t,) for t in normalised)),
        "clean": lambda: _each(clean_paragraphs, pairs),
        "sentences": lambda: _each(
            split_sentences, ((t, p.start, p.end) for t, ks in kept_pairs for p in ks)
        ),
        "flags": lambda: _each(flag_sentences, ((ts,) for ts in sentence_texts)),
        "entities": lambda: _each(extract_entities, ((c,) for c in clean_texts)),
        "whole analyze()": lambda: _each(analyze, ((t,) for t in texts)),
    }
    # Rounds interleave the stages, so a burst of load from elsewhere on the machine spreads
    # over all of them instead of landing on one.
    samples: dict[str, list[float]] = {name: [] for name in work}
    for _ in range(passes):
        for name, fn in work.items():
            samples[name].append(median_seconds(fn, 1, clock=time.process_time))
    return {name: statistics.median(times) for name, times in samples.items()}


def _each(function: Callable[..., object], calls: Iterable[tuple[object, ...]]) -> None:
    """Call ``function`` on each argument tuple, keeping no result alive (as a batch does)."""
    for arguments in calls:
        function(*arguments)


def report(name: str, texts: list[str]) -> None:
    """Print the stage table for one collection."""
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / MB
    words = sum(len(t.split()) for t in texts)
    print(f"\n{name}: {len(texts):,} articles, {size_mb:.2f} MB, {words:,} words")
    times = stage_times(texts)
    total = times["whole analyze()"]
    staged = sum(v for k, v in times.items() if k != "whole analyze()")
    print(f"  {'stage':<16}{'us/article':>12}{'ms/MB':>10}{'share':>8}")
    for stage, seconds in times.items():
        share = "" if stage == "whole analyze()" else f"{100 * seconds / total:6.1f}%"
        print(
            f"  {stage:<16}{1e6 * seconds / len(texts):12.1f}{1e3 * seconds / size_mb:10.1f}"
            f"{share:>8}"
        )
    print(
        f"  {'interleaving':<16}{1e6 * (total - staged) / len(texts):12.1f}"
        f"{1e3 * (total - staged) / size_mb:10.1f}{100 * (total - staged) / total:7.1f}%"
    )
    print(f"  whole pipeline: {words / total:,.0f} words/s, {size_mb / total:.2f} MB/s")


def profile(texts: list[str], top: int = 20) -> None:
    """Print the functions where the whole pipeline spends its time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        analyze(text)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    print("\nprofile of analyze() over the BBC collection, by own time:")
    print("\n".join(out.getvalue().splitlines()[6:]))


def main() -> None:
    """Print the per-stage table for each collection."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--profile", action="store_true", help="also print a cProfile")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    print(f"per-stage CPU time, median of {PASSES} interleaved passes (one process)")
    for name, limit in COLLECTIONS:
        texts = [a.text for a in load_articles(name, limit)]
        report(f"{name}" + (f" (first {limit:,})" if limit else ""), texts)
    if args.profile:
        profile([a.text for a in load_articles("bbc")])


if __name__ == "__main__":
    main()
