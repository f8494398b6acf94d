"""Accuracy of the paragraph cleaner on ../shared/data.

    python tests/eval/eval_clean.py            # figures
    python tests/eval/eval_clean.py --errors   # also list every wrong decision

1. ``clean/dedup_dev.jsonl``: real article bodies with scraper damage added (doubled bodies,
   repeated blocks, near-duplicates, boilerplate lines, all mixed) plus untouched controls and
   bodies that legitimately repeat paragraphs. Each document goes through the real pipeline,
   ``reader.analyze(raw)``, so segmentation is included. Printed: documents whose clean view
   equals the expected clean text exactly, and removal precision / recall (a paragraph labelled
   dup, near_dup or boilerplate is a removal), by kind and overall.
2. False removals on text that has no damage at all: the hand-checked bodies of the extraction
   benchmark (``extract/ground-truth.json``) and the BBC and Reuters articles
   (``articles/*.jsonl``). Every paragraph there is article text, so every removal is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from common import Score, data_path

import reader
from reader.clean import furniture as boilerplate
from reader.model import Analysis
from reader.text.normalize import normalize_text

REMOVAL_LABELS = {"dup", "near_dup", "boilerplate"}


def _paragraph_owners(analysis: Analysis, raw_paras: list[str]) -> list[list[int]] | None:
    """For each labelled raw paragraph, the indices of the analysed paragraphs inside it."""
    text = analysis.text
    bounds: list[tuple[int, int]] = []
    position = 0
    for para in raw_paras:
        para = normalize_text(para).strip()
        start = text.find(para, position)
        if start < 0:
            return None
        bounds.append((start, start + len(para)))
        position = start + len(para)
    owners: list[list[int]] = [[] for _ in raw_paras]
    k = 0
    for paragraph in analysis.paragraphs:
        while k < len(bounds) and bounds[k][1] <= paragraph.start:
            k += 1
        if k < len(bounds) and bounds[k][0] <= paragraph.start < bounds[k][1]:
            owners[k].append(paragraph.index)
    return owners


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def evaluate_dedup(path: Path, show_errors: bool) -> None:
    """Exact recovery and removal precision/recall on the damaged documents."""
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    exact: Counter[str] = Counter()
    total: Counter[str] = Counter()
    by_kind: dict[str, Score] = defaultdict(Score)
    by_label: Counter[tuple[str, bool]] = Counter()
    overall = Score()
    split_paragraphs = merged_paragraphs = 0
    errors: list[str] = []
    for doc in docs:
        kind = doc["kind"]
        analysis = reader.analyze(doc["raw"])
        total[kind] += 1
        exact[kind] += analysis.clean_text == doc["clean"]
        owners = _paragraph_owners(analysis, doc["raw_paras"])
        if owners is None:
            print(f"  {doc['id']}: raw paragraphs not found in the text", file=sys.stderr)
            continue
        for label, para, parts in zip(doc["labels"], doc["raw_paras"], owners, strict=True):
            split_paragraphs += len(parts) > 1
            merged_paragraphs += not parts
            removed = bool(parts) and all(not analysis.paragraphs[i].kept for i in parts)
            actual = label in REMOVAL_LABELS
            for score in (by_kind[kind], overall):
                score.add(removed, actual)
            by_label[label, removed] += 1
            if show_errors and removed != actual:
                reasons = {analysis.paragraphs[i].reason for i in parts}
                what = "FALSE REMOVAL" if removed else "MISSED"
                errors.append(f"{what:<13} {doc['id']} [{label}] {reasons} {_short(para)}")

    print(f"dedup_dev: {len(docs)} documents ({path})")
    print(f"{'kind':<16} {'docs':>5} {'exact':>7}")
    for kind in sorted(total):
        print(f"{kind:<16} {total[kind]:>5} {exact[kind] / total[kind]:>7.3f}")
    n_docs, n_exact = sum(total.values()), sum(exact.values())
    print(f"{'overall':<16} {n_docs:>5} {n_exact / n_docs:>7.3f}")
    print()
    print("removal (dup, near_dup, boilerplate are removals):")
    for kind in sorted(by_kind):
        print("  " + by_kind[kind].line(kind))
    print("  " + overall.line("OVERALL"))
    print("removed / labelled, by label (for 'keep' every removal is a mistake):")
    for label in sorted({label for label, _ in by_label}):
        found, count = by_label[label, True], by_label[label, True] + by_label[label, False]
        print(f"  {label:<12} {found:>5}/{count:<5} {found / count:.3f}")
    print(
        f"segmentation: {split_paragraphs} labelled paragraphs split in several, "
        f"{merged_paragraphs} merged into a neighbour"
    )
    for line in errors:
        print("  " + line)


def _bodies_from_ground_truth(path: Path) -> Iterator[tuple[str, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    for key, entry in sorted(data.items()):
        yield key[:12], entry["articleBody"]


def _bodies_from_articles(path: Path, limit: int | None) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if limit is not None and n >= limit:
                return
            article = json.loads(line)
            yield article["id"], article["text"]


def false_removals(label: str, bodies: Iterator[tuple[str, str]], show_errors: bool) -> None:
    """Count paragraphs hidden in text that has no damage (every hidden one is a mistake)."""
    paragraphs = removed = docs = touched = 0
    by_status: Counter[str] = Counter()
    errors: list[str] = []
    for doc_id, body in bodies:
        analysis = reader.analyze(body)
        docs += 1
        paragraphs += len(analysis.paragraphs)
        hidden = analysis.hidden_paragraphs
        removed += len(hidden)
        touched += bool(hidden)
        for p in hidden:
            by_status[str(p.status)] += 1
            if show_errors:
                errors.append(f"{doc_id} {p.reason}: {_short(analysis.paragraph_text(p))}")
    rate = removed / paragraphs if paragraphs else 0.0
    statuses = ", ".join(f"{k} {v}" for k, v in sorted(by_status.items())) or "none"
    print(
        f"{label:<28} {docs:>6} docs {paragraphs:>7} paragraphs  removed {removed:>4} "
        f"({rate:.4%}; {statuses}); documents touched {touched}"
    )
    for line in errors:
        print("    " + line)


def main(argv: list[str]) -> int:
    """Run every evaluation and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every wrong decision")
    parser.add_argument("--limit", type=int, default=None, help="articles per articles file")
    parser.add_argument(
        "--weights",
        type=Path,
        help="boilerplate weights to use instead of the bundled ones (for instance a model "
        "trained with train_boilerplate.py --exclude-dedup-sources)",
    )
    args = parser.parse_args(argv)
    if args.weights:
        replacement = boilerplate.parse_model(args.weights.read_text(encoding="utf-8"))
        boilerplate.model = lambda: replacement  # type: ignore[assignment]
        print(f"boilerplate weights: {args.weights}")

    evaluate_dedup(data_path("clean", "dedup_dev.jsonl"), args.errors)
    print()
    print("false removals on undamaged text (every removal is wrong):")
    gt = data_path("extract", "ground-truth.json")
    false_removals("extract ground-truth bodies", _bodies_from_ground_truth(gt), args.errors)
    for name in ("bbc", "reuters"):
        path = data_path("articles", f"{name}.jsonl")
        false_removals(f"articles/{name}", _bodies_from_articles(path, args.limit), args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
