"""Learn the weights that decide, in context, which ambiguous cues are flagged.

    python tests/eval/train_speculation.py            # writes reader/data/claim_weights.toml

Only the tuning part of each corpus is used (70% of documents by md5, see
speculation_data.py): the news sentences labelled by news_claims_guidelines.md
(news_claims_dev.jsonl) with the most weight, and FactBank news as a second, lighter opinion
(its annotation calls beliefs uncertain and most "will" certain, where the guidelines do the
opposite). Each sentence's candidate cues of *weighted* groups (could, can, should, hedging
adverbs and verbs, allegations, conditions, doubt words) are scored with a logistic model over
the cue, its group and a few context features; the sentence is speculative when any of its cues
is (noisy-OR, trained as multiple-instance learning against the sentence labels; where the
Szeged annotation marks its cue words, those label the cues directly).

Next- and previous-word features are left out: on a few hundred news sentences they overfit.
Cues that are nearly always speculation in news (may, might, will, would, explicit plans) are
in unweighted groups instead. The threshold is chosen on out-of-fold scores of the tuning part
for news F1 with a precision floor, and weights too small to matter are dropped, so the file
stays small and every flag can still be read as "this cue, in this context".
"""

from __future__ import annotations

import hashlib
import math
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO_ROOT, Score  # type: ignore[import-not-found]
from speculation_data import load  # type: ignore[import-not-found]

from reader.claims.flagging import candidates
from reader.claims.lexicon import WEIGHTS_FILE, build_lexicon
from reader.model import FlagKind

SPEC = FlagKind.SPECULATION
# corpus -> (kinds that count, weight of its sentences in the loss)
CORPORA: dict[str, tuple[frozenset[FlagKind], float]] = {
    "news_claims": (frozenset({FlagKind.SPECULATION}), 4.0),
    "szeged_factbank": (frozenset({FlagKind.SPECULATION}), 0.5),
}
EPOCHS = 25
RATE = 0.15
L2 = 1e-4
MIN_COUNT = 3
MIN_LEXICAL = 10**9
"""Next/previous-word features are left out (see above)."""
FOLDS = 3
NEWS_PRECISION_FLOOR = 0.72
INSTANCE_LABELS = True
PRUNE = 0.05


@dataclass
class Bag:
    """One sentence: its label, weight, whether a fixed cue fires, and its weighted cues."""

    label: bool
    weight: float
    fixed: bool
    instances: list[list[str]]
    kinds: list[FlagKind]
    corpus: str
    fold: int
    labels: list[bool | None] | None = None
    """Per-cue labels where the corpus marks its cue words (Szeged marks speculation cues);
    None where it does not."""


def bags(part: str) -> list[Bag]:
    """Candidate cues for every sentence of ``part`` of the training corpora."""
    lexicon = build_lexicon(None)
    lexicon = type(lexicon)(lexicon.pattern, lexicon.entries, {}, {})
    result: list[Bag] = []
    for corpus, (kinds, weight) in CORPORA.items():
        for example in load(corpus):
            if example.part != part:
                continue
            fixed = False
            instances: list[list[str]] = []
            inst_kinds: list[FlagKind] = []
            labels: list[bool | None] = []
            cue_words = {w for cue in example.cues for w in cue.lower().split()}
            for cand in candidates(example.text, lexicon):
                group = cand.entry.group
                if group.kind not in kinds:
                    continue
                if group.weighted:
                    instances.append(list(cand.features))
                    inst_kinds.append(group.kind)
                    words = example.text[cand.start : cand.end].lower().split()
                    marked = example.uncertain and bool(cue_words.intersection(words))
                    labels.append(marked if group.kind is SPEC else None)
                else:
                    fixed = True
            result.append(
                Bag(
                    example.uncertain,
                    weight,
                    fixed,
                    instances,
                    inst_kinds,
                    corpus,
                    int(hashlib.md5(("fold" + example.doc).encode()).hexdigest(), 16) % FOLDS,
                    labels if corpus.startswith("szeged") and INSTANCE_LABELS else None,
                )
            )
    return result


def sigmoid(x: float) -> float:
    """The logistic function, safe for large arguments."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def train(data: list[Bag]) -> dict[str, float]:
    """Multiple-instance logistic regression (noisy-OR) with AdaGrad and L2."""
    counts = Counter(f for bag in data for inst in bag.instances for f in set(inst))
    keep = {
        f
        for f, n in counts.items()
        if n >= (MIN_LEXICAL if "=" in f else MIN_COUNT) or (f.startswith("g:") and "|" not in f)
    }
    weights: dict[str, float] = {}
    history: dict[str, float] = {}
    rng = random.Random(7)
    order = [
        bag
        for bag in data
        if bag.instances and (bag.labels is not None or not (bag.fixed and bag.label))
    ]
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for bag in order:
            feats = [[f for f in inst if f in keep] for inst in bag.instances]
            probs = [sigmoid(sum(weights.get(f, 0.0) for f in inst)) for inst in feats]
            miss = 1.0
            for p in probs:
                miss *= 1.0 - p
            hit = max(1e-9, 1.0 - miss)
            for k, (inst, p) in enumerate(zip(feats, probs, strict=True)):
                known = bag.labels[k] if bag.labels is not None else None
                if known is not None:  # the corpus says which words are its cues
                    grad = bag.weight * ((1.0 if known else 0.0) - p)
                else:
                    # d log P(hit) / d score for a positive bag, d log P(miss) / d score otherwise
                    grad = bag.weight * (miss * p / hit if bag.label else -p)
                for f in inst:
                    w = weights.get(f, 0.0)
                    g = grad - L2 * w
                    history[f] = history.get(f, 0.0) + g * g
                    weights[f] = w + RATE * g / math.sqrt(history[f] + 1e-8)
    return {f: w for f, w in weights.items() if abs(w) >= PRUNE}


def instance_scores(data: list[Bag], weights: dict[str, float]) -> list[list[float]]:
    """The learned score of every candidate cue of every sentence."""
    return [[sum(weights.get(f, 0.0) for f in inst) for inst in bag.instances] for bag in data]


def evaluate(
    data: list[Bag], scored: list[list[float]], thresholds: dict[FlagKind, float]
) -> dict[str, Score]:
    """Sentence-level scores per corpus (for the kinds each corpus trains)."""
    scores = {name: Score() for name in CORPORA}
    for bag, values in zip(data, scored, strict=True):
        guess = bag.fixed or any(
            value > thresholds[kind] for value, kind in zip(values, bag.kinds, strict=True)
        )
        scores[bag.corpus].add(guess, bag.label)
    return scores


def news_objective(scores: dict[str, Score]) -> float:
    """The speculation threshold is chosen for F1 on the labelled news sentences, with a
    precision floor, and FactBank F1 as a second opinion."""
    news = scores["news_claims"]
    factbank = scores["szeged_factbank"]
    penalty = 10 * max(0.0, NEWS_PRECISION_FLOOR - news.precision)
    return news.f() + 0.25 * factbank.f() - penalty


def main() -> int:
    """Train on the tuning part, pick the thresholds, write claim_weights.toml, print figures."""
    tune = bags("tune")
    dev = bags("dev")
    # Thresholds are chosen on out-of-fold scores (each fold scored by weights learned on the
    # other folds), which behave like scores on unseen sentences; then the weights are
    # learned once more on the whole tuning part.
    ordered = sorted(tune, key=lambda bag: bag.fold)
    out_of_fold: list[list[float]] = []
    for fold in range(FOLDS):
        held = [bag for bag in ordered if bag.fold == fold]
        fitted = train([bag for bag in ordered if bag.fold != fold])
        out_of_fold.extend(instance_scores(held, fitted))
    grid = [t / 10 for t in range(-25, 26)]
    spec = max(grid, key=lambda t: news_objective(evaluate(ordered, out_of_fold, {SPEC: t})))
    thresholds = {SPEC: spec}
    weights = train(tune)
    for label, data in (("tune", tune), ("dev", dev)):
        for name, score in evaluate(data, instance_scores(data, weights), thresholds).items():
            print(score.line(f"{name} [{label}]"))
    lines = [
        "# Learned weights for cues of weighted groups. Generated by",
        "# tests/eval/train_speculation.py from the tuning part of the annotated train files;",
        "# do not edit by hand. A cue is flagged when the sum of the weights of its features",
        "# (c: the cue, g: its group, |name: a context feature, n=/p=: the next/previous word)",
        "# exceeds the threshold of its flag kind.",
        "",
        "[threshold]",
        f"speculation = {thresholds[SPEC]}",
        "",
        "[weights]",
    ]
    for feature, weight in sorted(weights.items()):
        escaped = feature.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'"{escaped}" = {weight:.3f}')
    WEIGHTS_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    where = WEIGHTS_FILE.relative_to(REPO_ROOT)
    print(f"threshold {spec}, {len(weights)} weights -> {where}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
