"""Entity extraction speed in words per second (target: at least 300,000).

    python tests/bench/run.py entities
    python tests/bench/bench_entities.py

Texts: the bundled sample article, 300 BBC news articles and 300 Reuters stories from
``../shared/data/articles`` (when present), and the CoNLL dev documents. Each corpus is run
five times through :func:`reader.extract_entities`, one call per article; the median run is
reported, both as wall-clock time and as this process's CPU time (the machine is shared, so
the wall clock also counts time spent waiting for a core). The one-off cost of loading the word
lists and country data is reported apart.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))
DATA = Path(os.environ.get("READER_SHARED", REPO_ROOT.parent / "shared")) / "data"
RUNS = 5
ARTICLES = 300


def _jsonl_texts(path: Path, limit: int) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            texts.append(f"{record.get('title') or ''}\n\n{record['text']}")
            if len(texts) >= limit:
                break
    return texts


def _conll_texts(path: Path) -> list[str]:
    documents: list[list[str]] = []
    sentence: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and parts[0] == "-DOCSTART-":
            documents.append([])
        elif parts:
            sentence.append(parts[0])
        elif sentence:
            documents[-1].append(" ".join(sentence))
            sentence = []
    return ["\n".join(d) for d in documents if d]


def corpora() -> dict[str, list[str]]:
    """The texts to time, by corpus name."""
    found = {"sample article": [(REPO_ROOT / "assets" / "sample-article.txt").read_text()]}
    for name in ("bbc", "reuters"):
        path = DATA / "articles" / f"{name}.jsonl"
        if path.exists():
            found[f"{name} ({ARTICLES} articles)"] = _jsonl_texts(path, ARTICLES)
    conll = DATA / "entities" / "conllpp_dev.txt"
    if conll.exists():
        found["conll dev (216 documents)"] = _conll_texts(conll)
    return found


def main() -> int:
    """Print load time and words per second for each corpus."""
    started = time.perf_counter()
    from reader.entities import extract_entities

    extract_entities("Warm-up in Lisbon.")
    print(f"first call (imports, word lists, country data): {time.perf_counter() - started:.3f} s")
    for name, texts in corpora().items():
        words = sum(len(t.split()) for t in texts)
        repeat = max(1, 20_000 // words)  # time at least ~20k words per run
        wall, cpu = [], []
        for _ in range(RUNS):
            started, started_cpu = time.perf_counter(), time.process_time()
            for _ in range(repeat):
                for text in texts:
                    extract_entities(text)
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        total = words * repeat
        print(
            f"{name:<28} {total / statistics.median(wall):>10,.0f} words/s wall"
            f" {total / statistics.median(cpu):>10,.0f} words/s cpu  ({total} words/run)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
