"""Speed of the claim flags: sentences per second through ``flag_sentences``.

    python tests/bench/run.py flags

Real news sentences: the BBC articles in ../shared/data/articles/bbc.jsonl, split with the
reader's own sentence splitter and flagged one article at a time (as ``analyze`` does). Without
the shared data it falls back to the bundled sample article, repeated. Prints the median of
repeated runs in CPU time (the machine is shared, so wall time is noisier), and the one-off cost
of compiling the lexicon when a process first flags a sentence. Target: >= 20,000 sentences/s.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from reader.claims.flagging import flag_sentences  # noqa: E402
from reader.claims.lexicon import build_lexicon  # noqa: E402
from reader.text.segment import split_sentences  # noqa: E402

SHARED = REPO_ROOT.parent / "shared"
ARTICLES = SHARED / "data" / "articles" / "bbc.jsonl"
RUNS = 5
TARGET = 20_000


def documents() -> tuple[str, list[list[str]]]:
    """Where the sentences come from, and the sentences of each document."""
    if ARTICLES.exists():
        texts = [json.loads(line)["text"] for line in ARTICLES.open(encoding="utf-8")]
        origin = f"{ARTICLES.name} ({len(texts)} articles)"
    else:
        sample = (REPO_ROOT / "assets" / "sample-article.txt").read_text(encoding="utf-8")
        texts = [sample] * 200
        origin = "assets/sample-article.txt x 200 (shared data absent)"
    docs = [[text[s.start : s.end] for s in split_sentences(text)] for text in texts]
    return origin, docs


def main() -> int:
    """Print compile time, sentences/s and words/s; exit 1 below the target."""
    compile_times = []
    for _ in range(3):
        started = time.process_time()
        build_lexicon(None)
        compile_times.append(time.process_time() - started)
    origin, docs = documents()
    sentences = sum(len(d) for d in docs)
    words = sum(len(s.split()) for d in docs for s in d)
    flagged = sum(1 for d in flag_sentences(docs[0]) if d)  # warm the cache
    timings = []
    for _ in range(RUNS):
        started = time.process_time()
        flagged = sum(1 for d in docs for flags in flag_sentences(d) if flags)
        timings.append(time.process_time() - started)
    median = statistics.median(timings)
    rate = sentences / median
    print(f"input: {origin}: {sentences} sentences, {words} words")
    print(f"lexicon compile (once per process): {statistics.median(compile_times) * 1000:.0f} ms")
    print(
        f"flag_sentences: {rate:,.0f} sentences/s, {words / median:,.0f} words/s "
        f"(median of {RUNS} runs, CPU time; {flagged} sentences flagged)"
    )
    print(f"target >= {TARGET:,} sentences/s: {'met' if rate >= TARGET else 'NOT MET'}")
    return 0 if rate >= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
