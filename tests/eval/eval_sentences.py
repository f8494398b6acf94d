"""Sentence-boundary accuracy of ``reader.segment.split_sentences``.

Gold boundaries come from corpora that store one sentence per record with a document id
(FactBank news, Wikipedia, BioScope abstracts): the sentences of each document are joined with
one space, and a predicted boundary counts when it falls exactly between two gold sentences.
When pysbd is installed, the same figures are printed for it, as a peer.

    python tests/eval/eval_sentences.py
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable

from common import Score, data_path

from reader.text.segment import split_sentences

CORPORA = {
    "FactBank news": "szeged_factbank_train.jsonl",
    "Wikipedia": "szeged_wiki_train.jsonl",
    "BioScope abstracts": "bioscope_train.jsonl",
}

Splitter = Callable[[str], list[int]]


def documents(name: str) -> list[list[str]]:
    """The sentences of each document of one corpus, in order."""
    docs: dict[str, list[str]] = defaultdict(list)
    with data_path("speculation", name).open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            text = " ".join(row["text"].split())
            if text:
                docs[row["doc"]].append(text)
    return [sentences for sentences in docs.values() if len(sentences) > 1]


def ours(text: str) -> list[int]:
    """Start offsets of the sentences after the first, from our splitter."""
    return [span.start for span in split_sentences(text)[1:]]


def pysbd_splitter() -> Splitter | None:
    """A splitter built on pysbd, or None when it is not installed."""
    try:
        import pysbd
    except ImportError:
        return None
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def split(text: str) -> list[int]:
        return [span.start for span in segmenter.segment(text)[1:]]

    return split


def evaluate(split: Splitter, docs: list[list[str]]) -> tuple[Score, float]:
    """Boundary score and sentences per second of one splitter over the documents."""
    score = Score()
    sentences = 0
    started = time.perf_counter()
    for doc in docs:
        text = " ".join(doc)
        gold: set[int] = set()
        position = 0
        for sentence in doc[:-1]:
            position += len(sentence) + 1
            gold.add(position)
        predicted = set(split(text))
        score.tp += len(predicted & gold)
        score.fp += len(predicted - gold)
        score.fn += len(gold - predicted)
        sentences += len(doc)
    elapsed = time.perf_counter() - started
    return score, sentences / elapsed if elapsed else 0.0


def main() -> None:
    """Print boundary precision, recall and F1 per corpus, for us and for pysbd."""
    peers: dict[str, Splitter | None] = {"reader": ours, "pysbd": pysbd_splitter()}
    for label, name in CORPORA.items():
        docs = documents(name)
        for peer, split in peers.items():
            if split is None:
                print(f"{label} / {peer}: not installed")
                continue
            score, rate = evaluate(split, docs)
            print(score.line(f"{label} / {peer}") + f"  {rate:,.0f} sentences/s")


if __name__ == "__main__":
    main()
