"""Speed of the review store (``reader.review``): what a key press in the viewer waits for.

    python tests/bench/bench_review.py

Measured on the bundled sample article in a fresh store in a temporary directory: creating the
store (all migrations), recording an opening, setting a verdict (one transaction, synchronous
FULL, so a verdict survives a power cut), and reopening the store as the next session does.
Target: a verdict or note saved well under one frame (16 ms) at the median.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

import reader  # noqa: E402
from reader.review import Verdict, open_review_store  # noqa: E402

SAMPLE = REPO_ROOT / "assets" / "sample-article.txt"
WRITES = 300


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    """Print the timings."""
    analysis = reader.analyze(SAMPLE.read_text(encoding="utf-8"), source=str(SAMPLE))
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "reviews.sqlite3"
        started = time.perf_counter()
        opening = open_review_store(path)
        created = time.perf_counter() - started
        store = opening.store
        assert store is not None, opening.warning
        started = time.perf_counter()
        review = store.open_article(analysis)
        first_opening = time.perf_counter() - started
        writes = []
        verdicts = list(Verdict)
        for n in range(WRITES):
            claim = review.claims[n % len(review.claims)]
            started = time.perf_counter()
            store.set_verdict(review.article.id, claim, verdicts[n % len(verdicts)])
            writes.append(time.perf_counter() - started)
        store.close()
        started = time.perf_counter()
        again = open_review_store(path)
        reopened = time.perf_counter() - started
        assert again.store is not None
        started = time.perf_counter()
        again.store.open_article(analysis)
        next_opening = time.perf_counter() - started
        again.store.close()
    writes.sort()
    print(f"create the store (migrations)  {_ms(created)}")
    print(f"record the first opening      {_ms(first_opening)}")
    print(
        f"set a verdict ({WRITES}x)         median {_ms(statistics.median(writes))}, "
        f"p95 {_ms(writes[int(WRITES * 0.95)])}"
    )
    print(f"reopen the store              {_ms(reopened)}")
    print(f"record the next opening       {_ms(next_opening)} ({len(review.claims)} claims)")


if __name__ == "__main__":
    main()
