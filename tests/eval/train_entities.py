"""Fit the learned type weights (``reader/data/entity_type_weights.tsv``).

    python tests/eval/train_entities.py            # fit on 4/5 of train, report on the rest
    python tests/eval/train_entities.py --write    # the same, then refit on all of train and save

The extractor's own mentions of ``../shared/data/entities/conllpp_train.txt`` that match an
annotated entity exactly are the examples: their general features (see
:mod:`reader.entities.learned`) and the annotated type (PER, ORG, LOC, MISC). A multinomial
logistic regression is fitted by AdaGrad. Only features seen often enough are kept, and they
are word endings of at most three letters, lower-case context words and flags: the file
carries no names or other text from the data. Every fifth document is held out, and the
accuracy of the type given to held-out mentions is printed for the rules alone, the weights
alone, and both together, so that overfitting shows.
"""

from __future__ import annotations

import argparse
import math
import random
import tempfile
from collections import Counter
from pathlib import Path

from common import data_path
from eval_entities import evaluate, read_conll, rebuild
from eval_ontonotes import read_ontonotes

from reader.entities import learned
from reader.entities.lexicon import lexicon
from reader.entities.mentions import find_mentions, name_features, place_features
from reader.entities.voting import provisional_type
from reader.model import EntityType

LABELS = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}
ONTONOTES_LABELS = {
    "PERSON": 0,
    "ORG": 1,
    "GPE": 2,
    "LOC": 2,
    "FAC": 2,
    "NORP": 3,
    "PRODUCT": 3,
    "EVENT": 3,
    "WORK_OF_ART": 3,
    "LAW": 3,
    "LANGUAGE": 3,
}
"""OntoNotes types as the four columns of the weights (names of other types are no examples)."""
MIN_COUNT = 8
EPOCHS = 12
RATE = 0.1
L2 = 1e-5
Example = tuple[list[str], int, dict[EntityType, float], tuple[str, ...]]


def examples(
    documents: list, layout: str = "lines", labels: dict[str, int] = LABELS
) -> list[Example]:
    """(features, label, rule votes, words) for every mention that matches a gold entity of a
    type ``labels`` knows, the documents rebuilt as text in ``layout``."""
    lex = lexicon()
    found: list[Example] = []
    for document in documents:
        doc = rebuild(document, layout)
        char_start = {v: k for k, v in doc.token_starts.items()}
        char_end = {v: k for k, v in doc.token_ends.items()}
        gold = {}
        for s, e, kind in doc.gold:
            if kind in labels:
                gold[(char_start[s], char_end[e - 1])] = labels[kind]
        groups, _ = find_mentions(doc.text)
        for group in groups.values():
            names = name_features(group[0], lex)
            for mention in group:
                label = gold.get((mention.start, mention.end))
                if label is not None:
                    features = names + place_features(mention, doc.text)
                    found.append((features, label, dict(mention.votes), mention.words))
    return found


def fit(train: list[Example], seed: int = 0) -> dict[str, list[float]]:
    """Multinomial logistic regression by AdaGrad over the frequent features."""
    counts = Counter(f for features, *_ in train for f in set(features))
    kept = {f for f, c in counts.items() if c >= MIN_COUNT}
    weights = {f: [0.0] * 4 for f in sorted(kept)}
    squares = {f: [1e-8] * 4 for f in sorted(kept)}
    order = list(range(len(train)))
    rng = random.Random(seed)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for index in order:
            features, label = train[index][0], train[index][1]
            active = [f for f in features if f in weights]
            scores = [sum(weights[f][k] for f in active) for k in range(4)]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            norm = sum(exps)
            for k in range(4):
                gradient = exps[k] / norm - (1.0 if k == label else 0.0)
                for f in active:
                    g = gradient + L2 * weights[f][k]
                    squares[f][k] += g * g
                    weights[f][k] -= RATE * g / math.sqrt(squares[f][k])
    return weights


def predict(features: list[str], weights: dict[str, list[float]]) -> list[float]:
    """Class probabilities."""
    scores = [sum(weights[f][k] for f in features if f in weights) for k in range(4)]
    return learned.probabilities(scores)


_TO_LABEL = {
    EntityType.PERSON: 0,
    EntityType.ORG: 1,
    EntityType.PLACE: 2,
    EntityType.NORP: 3,
    EntityType.PRODUCT: 3,
    EntityType.EVENT: 3,
    EntityType.OTHER: 3,
}


def report(title: str, mentions: list[Example], weights: dict[str, list[float]]) -> None:
    """Type accuracy on some mentions: rules alone, weights alone, both."""
    lex = lexicon()
    rules = model = both = 0
    for features, gold, votes, words in mentions:
        rules += _TO_LABEL[provisional_type(votes, words, lex)] == gold
        probabilities = predict(features, weights)
        model += max(range(4), key=probabilities.__getitem__) == gold
        combined = dict(votes)
        for kind, p in zip(learned.CLASSES, probabilities, strict=True):
            combined[kind] = combined.get(kind, 0.0) + learned.SCALE * p
        both += _TO_LABEL[provisional_type(combined, words, lex)] == gold
    n = len(mentions)
    print(f"{title}: {n}")
    print(f"  rules alone    {rules / n:.3f}")
    print(f"  weights alone  {model / n:.3f}")
    print(f"  rules+weights  {both / n:.3f}")


def pipeline_on_held_out(held_docs: list, weights: dict[str, list[float]]) -> None:
    """Whole-extractor F1 on the held-out documents, with weights fitted without them."""
    from reader import entities

    installed = learned.WEIGHTS_PATH
    with tempfile.TemporaryDirectory() as folder:
        learned.WEIGHTS_PATH = Path(folder) / "weights.tsv"
        save(weights)
        learned.weights.cache_clear()
        entities.clear_memos()
        result = evaluate(held_docs, "lines")
    learned.WEIGHTS_PATH = installed
    learned.weights.cache_clear()
    entities.clear_memos()
    print("whole extractor on the held-out documents (one sentence a line):")
    print(result.untyped.line("  untyped (exact span)"))
    print(result.typed.line("  typed (exact span and type)"))


def save(weights: dict[str, list[float]]) -> None:
    """Write the weights file, largest weights first."""
    rows = sorted(weights.items(), key=lambda item: (-round(max(map(abs, item[1])), 3), item[0]))
    lines = [
        "# Learned type weights for the entity extractor: feature, then PERSON ORG PLACE OTHER.",
        "# Fitted by tests/eval/train_entities.py; see reader/entities/learned.py.",
    ]
    for feature, values in rows:
        if max(abs(v) for v in values) >= 0.01:
            lines.append("\t".join([feature, *(f"{v:.3f}" for v in values)]))
    learned.WEIGHTS_PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 2} features to {learned.WEIGHTS_PATH.name}")


def main() -> int:
    """Fit, report on held-out documents, and optionally refit on everything and save."""
    # The examples' rule votes must not already contain the installed weights.
    installed = learned.WEIGHTS_PATH
    learned.WEIGHTS_PATH = installed.with_name("absent-while-training.tsv")
    learned.weights.cache_clear()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="refit on all of train and save")
    parser.add_argument(
        "--conll-only", action="store_true", help="fit on CoNLL train alone (the old weights)"
    )
    args = parser.parse_args()
    documents = read_conll(data_path("entities", "conllpp_train.txt"))
    train_docs = [d for i, d in enumerate(documents) if i % 5]
    held_docs = [d for i, d in enumerate(documents) if not i % 5]
    train, held_out = examples(train_docs), examples(held_docs)
    if not args.conll_only:
        parts = read_ontonotes(str(data_path("entities", "ontonotes_train_news.txt")))
        news = [p.document for i, p in enumerate(parts) if i % 5]
        news_held = [p.document for i, p in enumerate(parts) if not i % 5]
        train += examples(news, "news", ONTONOTES_LABELS)
        held_out += examples(news_held, "news", ONTONOTES_LABELS)
    print(f"training mentions: {len(train)}")
    weights = fit(train)
    print(f"features kept: {len(weights)}")
    report("mentions of held-out documents", held_out, weights)
    report("as many training mentions, for comparison", train[: len(held_out)], weights)
    pipeline_on_held_out(held_docs, weights)
    if args.write:
        weights = fit(train + held_out)
        learned.WEIGHTS_PATH = learned.WEIGHTS_PATH.with_name("entity_type_weights.tsv")
        save(weights)
        learned.weights.cache_clear()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
