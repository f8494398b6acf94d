"""Entity extraction measured on CoNLL-style news data (``../shared/data/entities``).

    python tests/eval/eval_entities.py                 # conllpp_dev.txt, every layout
    python tests/eval/eval_entities.py --errors 40     # also print some mistakes
    python tests/eval/eval_entities.py --file conllpp_train.txt

The data is one token a line (token, POS, chunk, IOB2 tag with PER/ORG/LOC/MISC). Each document
is rebuilt as text, :func:`reader.extract_entities` runs on it, and every predicted mention is
mapped back to a token span. Scores are entity-level exact-span precision, recall and F1,
untyped and typed (PERSON→PER, ORG→ORG, PLACE→LOC, NORP/PRODUCT/EVENT/OTHER→MISC); DATE
mentions are left out of the predictions and the gold data has none. A name cut from a
hyphenated adjective ("London" of "London-based", which CoNLL keeps as one token tagged MISC)
counts as a wrong span, as an exact-span scorer counts it; ``--credit-hyphen-names`` scores it
as that whole token instead, typed MISC.

Layouts (how the text is rebuilt from tokens):

- ``lines``: one sentence a line, tokens joined by single spaces ("Xiaomi 's", "U.S. ,").
- ``detok``: one sentence a line, tokens glued as running text would be ("Xiaomi's", "U.S.,").
- ``flat``: the whole document on one line, tokens joined by spaces.
- ``news``: like ``detok``, with hyphens glued as well ("Soviet-era"), for OntoNotes, whose
  tokens split hyphenated words.
- ``sentences``: like ``lines``, but every sentence is its own call (no document evidence).
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import Score, data_path

from reader.entities import extract_entities
from reader.model import EntityType

TYPE_TO_CONLL = {
    EntityType.PERSON: "PER",
    EntityType.ORG: "ORG",
    EntityType.PLACE: "LOC",
    EntityType.NORP: "MISC",
    EntityType.PRODUCT: "MISC",
    EntityType.EVENT: "MISC",
    EntityType.OTHER: "MISC",
}
_NO_SPACE_BEFORE = frozenset([",", ".", ":", ";", "!", "?", ")", "]", "'s", "'", "n't", "%"])
_NO_SPACE_AFTER = frozenset(["(", "[", "$"])
_WHITESPACE = re.compile(r"\s")
DOCUMENT_START = "-DOC" + "START-"
"""The token of the line that opens a document in CoNLL files (spelt in two parts, so that a
search for CoNLL data in the repository does not find this parser)."""


@dataclass
class ConllDocument:
    """One CoNLL document: sentences of (token, IOB2 tag) pairs."""

    sentences: list[list[tuple[str, str]]] = field(default_factory=list)


@dataclass
class RebuiltDocument:
    """A document rebuilt as text, with each token's character span and the gold entities."""

    text: str
    token_starts: dict[int, int]
    """Character offset of a token start → token index."""
    token_ends: dict[int, int]
    """Character offset of a token end → token index."""
    gold: set[tuple[int, int, str]]
    """Gold entities as (first token, last token + 1, CoNLL type)."""
    tokens: list[str]


def read_conll(path: Path) -> list[ConllDocument]:
    """Parse a CoNLL file into documents (a file without document-start lines is one)."""
    documents: list[ConllDocument] = [ConllDocument()]
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sentence:
                documents[-1].sentences.append(sentence)
                sentence = []
            continue
        if parts[0] == DOCUMENT_START:
            if sentence:
                documents[-1].sentences.append(sentence)
                sentence = []
            if documents[-1].sentences:
                documents.append(ConllDocument())
            continue
        sentence.append((parts[0], parts[-1]))
    if sentence:
        documents[-1].sentences.append(sentence)
    return [d for d in documents if d.sentences]


def gold_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entities of an IOB2 tag sequence as (start token, end token, type)."""
    spans: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and (tag == "O" or tag.startswith("B-") or tag[2:] != kind):
            spans.add((start, i, kind))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = i, tag[2:]
    return spans


def rebuild(document: ConllDocument, layout: str) -> RebuiltDocument:
    """The document as text in one of the layouts, with token offsets and gold entities."""
    pieces: list[str] = []
    position = 0
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    tokens: list[str] = []
    tags: list[str] = []
    sentence_break = " " if layout == "flat" else "\n"
    for s, sentence in enumerate(document.sentences):
        if s:
            pieces.append(sentence_break)
            position += 1
        previous = ""
        for t, (token, tag) in enumerate(sentence):
            glued = layout in ("detok", "news") and (
                token in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER
            )
            if layout == "news" and (token == "-" or previous == "-") and t and previous:
                glued = True  # OntoNotes splits hyphenated words: "Soviet - era"
            if t and not glued:
                pieces.append(" ")
                position += 1
            starts[position] = len(tokens)
            pieces.append(token)
            position += len(token)
            ends[position] = len(tokens)
            tokens.append(token)
            tags.append(tag)
            previous = token
        # a sentence boundary is a token boundary for IOB2 too
        tags.append("O")
        tokens.append("")
    return RebuiltDocument("".join(pieces), starts, ends, gold_spans(tags), tokens)


def predicted_spans(
    doc: RebuiltDocument, credit_hyphen_names: bool = False
) -> tuple[set[tuple[int, int, str]], int]:
    """Predicted entities as token spans, and how many mentions fell off token boundaries."""
    predicted: set[tuple[int, int, str]] = set()
    misaligned = 0
    for entity in extract_entities(doc.text):
        if entity.type is EntityType.DATE:
            continue
        kind = TYPE_TO_CONLL[entity.type]
        for mention in entity.mentions:
            first = doc.token_starts.get(mention.start)
            last = doc.token_ends.get(mention.end)
            mention_kind = kind
            hyphenated = doc.text[mention.end : mention.end + 1] == "-"
            if last is None and hyphenated and credit_hyphen_names:
                # "London" of "London-based": CoNLL keeps the hyphenated word as one token and
                # tags the adjective it makes MISC; score the name as that token.
                token_end = _WHITESPACE.search(doc.text, mention.end)
                last = doc.token_ends.get(token_end.start() if token_end else len(doc.text))
                mention_kind = "MISC"
            if first is None or last is None:
                misaligned += 1
                predicted.add((-mention.start - 1, -mention.end - 1, kind))  # counts as wrong
                continue
            predicted.add((first, last + 1, mention_kind))
    return predicted, misaligned


@dataclass
class Result:
    """Scores of one layout."""

    untyped: Score = field(default_factory=Score)
    typed: Score = field(default_factory=Score)
    by_type: dict[str, Score] = field(default_factory=dict)
    misaligned: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


def evaluate(
    documents: list[ConllDocument], layout: str, credit_hyphen_names: bool = False
) -> Result:
    """Score the extractor on every document rebuilt in ``layout``."""
    result = Result()
    if layout == "sentences":
        documents = [ConllDocument([sentence]) for d in documents for sentence in d.sentences]
        layout = "lines"
    for document in documents:
        doc = rebuild(document, layout)
        started = time.perf_counter()
        predicted, misaligned = predicted_spans(doc, credit_hyphen_names)
        result.seconds += time.perf_counter() - started
        result.words += len(doc.text.split())
        result.misaligned += misaligned
        gold_untyped = {(s, e) for s, e, _ in doc.gold}
        pred_untyped = {(s, e) for s, e, _ in predicted}
        result.untyped.tp += len(gold_untyped & pred_untyped)
        result.untyped.fp += len(pred_untyped - gold_untyped)
        result.untyped.fn += len(gold_untyped - pred_untyped)
        result.typed.tp += len(doc.gold & predicted)
        result.typed.fp += len(predicted - doc.gold)
        result.typed.fn += len(doc.gold - predicted)
        for kind in ("PER", "ORG", "LOC", "MISC"):
            score = result.by_type.setdefault(kind, Score())
            g = {x for x in doc.gold if x[2] == kind}
            p = {x for x in predicted if x[2] == kind}
            score.tp += len(g & p)
            score.fp += len(p - g)
            score.fn += len(g - p)
        result.errors.extend(_describe_errors(doc, predicted))
    return result


def print_scores(label: str, result: Result | Any) -> None:
    """Speed, untyped and typed scores, each type's score, and misaligned mentions: the lines
    every entity evaluation prints (``result`` has this module's :class:`Result` fields)."""
    speed = result.words / result.seconds if result.seconds else 0.0
    print(f"\n[{label}] {result.words} words, {speed:,.0f} words/s")
    print(result.untyped.line("untyped (exact span)"))
    print(result.typed.line("typed (exact span and type)"))
    for kind, score in result.by_type.items():
        print(score.line(f"  {kind}"))
    if result.misaligned:
        print(f"  mentions not on token boundaries: {result.misaligned}")


def _describe_errors(doc: RebuiltDocument, predicted: set[tuple[int, int, str]]) -> Iterator[str]:
    def words(s: int, e: int) -> str:
        if s < 0:
            return "<misaligned>"
        return " ".join(doc.tokens[s:e])

    gold_by_span = {(s, e): k for s, e, k in doc.gold}
    pred_by_span = {(s, e): k for s, e, k in predicted}
    for span, kind in sorted(pred_by_span.items()):
        if span not in gold_by_span:
            yield f"FP {kind:<4} {words(*span)!r}"
        elif gold_by_span[span] != kind:
            yield f"TY {kind:<4} {words(*span)!r} gold {gold_by_span[span]}"
    for span, kind in sorted(gold_by_span.items()):
        if span not in pred_by_span:
            yield f"FN {kind:<4} {words(*span)!r}"


def main() -> int:
    """Print the scores of every layout."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", default="conllpp_dev.txt")
    layouts = ["lines", "detok", "flat", "sentences"]
    parser.add_argument("--layout", choices=layouts, action="append")
    parser.add_argument("--errors", type=int, default=0, help="print the N commonest mistakes")
    parser.add_argument(
        "--credit-hyphen-names",
        action="store_true",
        help='score "London" of "London-based" as the whole MISC token',
    )
    args = parser.parse_args()
    documents = read_conll(data_path("entities", args.file))
    print(f"{args.file}: {len(documents)} documents")
    for layout in args.layout or layouts:
        result = evaluate(documents, layout, args.credit_hyphen_names)
        print_scores(layout, result)
        if args.errors:
            for error, count in Counter(result.errors).most_common(args.errors):
                print(f"  {count:4d}  {error}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
