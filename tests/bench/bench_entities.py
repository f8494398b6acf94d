"""Entity extraction speed in words per second (targets: the entity stage at least 300,000, the
whole of ``reader.analyze`` at least 150,000 over BBC articles).

    python tests/bench/run.py entities
    python tests/bench/bench_entities.py                       # the same
    python tests/bench/bench_entities.py --baseline ../main    # against another checkout

Texts: the bundled sample article, 300 BBC news articles and 300 Reuters stories from
``../shared/data/articles`` (when present), the CoNLL dev documents, and one 5 MB article (BBC
articles joined until 5 MB). Each corpus is timed with :func:`reader.extract_entities`, one
call per article, and the BBC articles and the 5 MB article also through ``reader.analyze``,
with the share of its time the entity stage takes. Figures are the median of several runs of
this process's CPU time (the machine is shared: the wall clock also counts time spent waiting
for a core). The one-off cost of loading the word lists and country data is reported apart.

Then the inputs that once took more than linear time: each is timed at two sizes, and the
ratio of the times should stay near 2 when the size doubles.

With ``--baseline DIR``, every figure is measured for this checkout and for the one in DIR in
turns (fresh processes, alternating), so that both see the same load, and the ratio is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import string
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("READER_SHARED", REPO_ROOT.parent / "shared")) / "data"
ARTICLES = 300
BIG = 5_000_000
TIMEOUT = 120


def _jsonl_texts(path: Path, limit: int | None = None) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            texts.append(f"{record.get('title') or ''}\n\n{record['text']}")
            if limit is not None and len(texts) >= limit:
                break
    return texts


DOCUMENT_START = "-DOC" + "START-"
"""The token of the line that opens a document in CoNLL files (spelt in two parts, so that a
search for CoNLL data in the repository does not find this parser)."""


def _conll_texts(path: Path) -> list[str]:
    documents: list[list[str]] = []
    sentence: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and parts[0] == DOCUMENT_START:
            documents.append([])
        elif parts:
            sentence.append(parts[0])
        elif sentence:
            documents[-1].append(" ".join(sentence))
            sentence = []
    return ["\n".join(d) for d in documents if d]


def _big_article(texts: list[str]) -> str:
    """Articles joined, as paragraphs of one long article, until ``BIG`` characters."""
    pieces: list[str] = []
    size = 0
    while size < BIG:
        for text in texts:
            pieces.append(text)
            size += len(text) + 2
            if size >= BIG:
                break
    return "\n\n".join(pieces)


def corpora() -> dict[str, list[str]]:
    """The texts to time, by corpus name."""
    found = {"sample article": [(REPO_ROOT / "assets" / "sample-article.txt").read_text()]}
    bbc = DATA / "articles" / "bbc.jsonl"
    if bbc.exists():
        found[f"bbc ({ARTICLES} articles)"] = _jsonl_texts(bbc, ARTICLES)
    reuters = DATA / "articles" / "reuters.jsonl"
    if reuters.exists():
        found[f"reuters ({ARTICLES} stories)"] = _jsonl_texts(reuters, ARTICLES)
    conll = DATA / "entities" / "conllpp_dev.txt"
    if conll.exists():
        found["conll dev (216 documents)"] = _conll_texts(conll)
    if bbc.exists():
        found["one 5 MB article (bbc)"] = [_big_article(_jsonl_texts(bbc))]
    return found


def _scaling_inputs() -> dict[str, Callable[[int], str]]:
    """Text makers for the inputs that once took more than linear time, by the size asked."""

    def capitalised_run(n: int) -> str:
        rng = random.Random(1)
        words = [rng.choice(["Alpha", "Bravo", "Charlie", "Delta", "Echo"]) for _ in range(n)]
        run, other = " ".join(words), " ".join([*words[:-1], "Zulu"])
        return f"He met the {run} today.\nShe met the {other} too.\nThe {run} Corp won."

    def distinct_names(n: int) -> str:
        rng = random.Random(2)
        return " ".join(
            "Then {} {} said yes.".format(
                "".join(rng.choices(string.ascii_lowercase, k=8)).title(),
                "".join(rng.choices(string.ascii_lowercase, k=7)).title(),
            )
            for _ in range(n)
        )

    def shared_first_word(n: int) -> str:
        rng = random.Random(3)
        words = ("".join(rng.choices(string.ascii_lowercase, k=7)).title() for _ in range(n))
        return " ".join(f"the Abcdefgh {word} rose." for word in words)

    def single_line(n: int) -> str:
        line = " ".join(" ".join(_jsonl_texts(DATA / "articles" / "bbc.jsonl", 400)).split())
        return (line * (1 + n // max(1, len(line))))[:n]

    makers: dict[str, Callable[[int], str]] = {
        "'of the' repeated after a name (words)": lambda n: "Bank " + "of the " * n + "x",
        "capitalised words in a row, twice (words)": capitalised_run,
        "distinct names (names)": distinct_names,
        "names sharing a first word (names)": shared_first_word,
    }
    if (DATA / "articles" / "bbc.jsonl").exists():
        makers["one line, no line breaks (characters)"] = single_line
    return makers


_SCALING_SIZES = {
    "'of the' repeated after a name (words)": 50_000,
    "capitalised words in a row, twice (words)": 50_000,
    "distinct names (names)": 25_000,
    "names sharing a first word (names)": 25_000,
    "one line, no line breaks (characters)": 2_500_000,
}


def _cpu_seconds(action: Callable[[], object], runs: int) -> float:
    """The median CPU time of ``runs`` calls of ``action``."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        action()
        times.append(time.process_time() - started)
    return statistics.median(times)


def measure(task: str) -> dict[str, float]:
    """Run one measurement in this process and return its figures (seconds, words)."""
    started = time.process_time()
    import reader
    from reader.entities import extract_entities

    extract_entities("Warm-up in Lisbon.")
    if task == "load":
        return {"seconds": time.process_time() - started}
    reader.analyze("Warm-up in Lisbon.")
    kind, _, name = task.partition(":")
    if kind == "scaling":
        label, _, size = name.rpartition("@")
        text = _scaling_inputs()[label](int(size))
        return {"seconds": _cpu_seconds(lambda: extract_entities(text), 1)}
    texts = corpora()[name]
    words = sum(len(t.split()) for t in texts)
    runs = 3 if len(texts) == 1 and len(texts[0]) > 1_000_000 else 5
    repeat = max(1, 20_000 // words)  # at least ~20k words per run

    def entities() -> None:
        for _ in range(repeat):
            for text in texts:
                extract_entities(text)

    def analyses() -> None:
        for _ in range(repeat):
            for text in texts:
                reader.analyze(text)

    figures = {"words": float(words * repeat), "entities": _cpu_seconds(entities, runs)}
    if kind == "analyze":
        figures["analyze"] = _cpu_seconds(analyses, runs)
    return figures


def _in_process(checkout: Path, task: str) -> dict[str, float]:
    """:func:`measure` in a fresh interpreter that imports ``reader`` from ``checkout`` (an
    input that takes longer than ``TIMEOUT`` is stopped and reported as taking that long)."""
    env = dict(os.environ, PYTHONPATH=str(checkout))
    try:
        result = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--measure", task],
            capture_output=True,
            text=True,
            check=True,
            env=env,
            cwd=checkout,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return {"seconds": float(TIMEOUT), "stopped": 1.0}
    return json.loads(result.stdout.strip().splitlines()[-1])


def _paired(task: str, baseline: Path | None, turns: int) -> list[dict[str, float]]:
    """Figures for this checkout, then for the baseline (medians over alternating turns)."""
    checkouts = [REPO_ROOT] + ([baseline] if baseline else [])
    results: list[list[dict[str, float]]] = [[] for _ in checkouts]
    for _ in range(turns if baseline else 1):
        for index, checkout in enumerate(checkouts):
            results[index].append(_in_process(checkout, task))
    return [{key: statistics.median(r[key] for r in runs) for key in runs[0]} for runs in results]


def _growth(small: dict[str, float], large: dict[str, float]) -> str:
    if small.get("stopped") or large.get("stopped"):
        return f"stopped after {TIMEOUT} s"
    ratio = large["seconds"] / max(small["seconds"], 1e-3)
    return f"{small['seconds']:.2f} s -> {large['seconds']:.2f} s (x{ratio:.1f})"


def main() -> int:
    """Print load time, words per second for each corpus, and the scaling checks."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    parser.add_argument("--turns", type=int, default=3, help="alternating turns with a baseline")
    args = parser.parse_args()
    if args.measure:
        sys.path.insert(0, str(Path.cwd()))
        print(json.dumps(measure(args.measure)))
        return 0
    baseline = args.baseline.resolve() if args.baseline else None
    names = ["this checkout"] + ([f"baseline {baseline}"] if baseline else [])

    def show(label: str, figures: list[dict[str, float]], key: str) -> None:
        cells = []
        for figure in figures:
            rate = figure["words"] / figure[key] if figure[key] else float("inf")
            cells.append(f"{rate:>10,.0f} words/s ({figure[key]:.3f} s)")
        ratio = f"  x{figures[1][key] / figures[0][key]:.2f}" if len(figures) > 1 else ""
        print(f"  {label:<40} " + "   ".join(cells) + ratio)

    print("columns: " + " | ".join(names) + " (CPU time, median of runs)")
    load = _paired("load", baseline, args.turns)
    print(
        "first call (imports, word lists, country data): "
        + " | ".join(f"{f['seconds']:.3f} s" for f in load)
    )
    print("entity stage (reader.extract_entities, one call per article):")
    analysed = {f"bbc ({ARTICLES} articles)", "one 5 MB article (bbc)"}
    pipeline: dict[str, list[dict[str, float]]] = {}
    for name in corpora():
        kind = "analyze" if name in analysed else "corpus"
        figures = _paired(f"{kind}:{name}", baseline, args.turns)
        show(name, figures, "entities")
        if kind == "analyze":
            pipeline[name] = figures
    print("whole pipeline (reader.analyze); below, the entity stage alone as a share of it:")
    for name, figures in pipeline.items():
        show(name, figures, "analyze")
        print(
            "  "
            + " " * 41
            + "   ".join(f"entities {f['entities'] / f['analyze']:.0%}" for f in figures)
        )
    print("inputs that once took more than linear time (CPU s at n and 2n; near 2x is linear):")
    for label, size in _SCALING_SIZES.items():
        if label not in _scaling_inputs():
            continue
        small = _paired(f"scaling:{label}@{size}", baseline, 1)
        large = _paired(f"scaling:{label}@{2 * size}", baseline, 1)
        cells = [_growth(s, b) for s, b in zip(small, large, strict=True)]
        print(f"  {label:<44} n={size:<9,} " + "   ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
