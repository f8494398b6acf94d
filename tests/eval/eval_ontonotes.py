"""Entity extraction measured on OntoNotes 5.0 newswire and broadcast news (whole documents).

    python tests/eval/eval_ontonotes.py                          # ontonotes_dev_news.txt
    python tests/eval/eval_ontonotes.py --errors 40              # also the commonest mistakes
    python tests/eval/eval_ontonotes.py --only nw                # newswire parts only
    python tests/eval/eval_ontonotes.py --file ontonotes_train_news.txt --limit 300

The data (``../shared/data/entities``) is one ``token TAB IOB2-tag`` a line, a ``#doc`` line
before each document part and a blank line after each sentence. Each part is rebuilt as running
text (one sentence a line, tokens glued as running text would be: "Xiaomi's", "U.S.,",
"Soviet-era"),
:func:`reader.extract_entities` runs on the whole part, and every mention is mapped back to
tokens.

Scoring is exact-span precision, recall and F1, untyped and typed. OntoNotes types map to the
reader's: PERSON, ORG, NORP, PRODUCT, EVENT as they are, GPE/LOC/FAC to PLACE; the other gold
types (dates, numbers, works of art, laws, languages) are left out, and a predicted mention
whose span is one of those or inside one is left out too ("US" of "30 US dollars", an amount
for OntoNotes, which marks no name inside another). A leading
"the" and a trailing "'s" are not counted on either side: "the Pentagon" and "Pentagon" are
the same span. The confusion table lists, per gold type, what the mentions with the right span
were typed as, and how many gold mentions were missed or predictions were spurious.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from dataclasses import dataclass, field

from common import Score, data_path
from eval_entities import ConllDocument, RebuiltDocument, print_scores, rebuild

from reader.entities import extract_entities
from reader.model import EntityType

TYPE_MAP = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "NORP",
    "PRODUCT": "PRODUCT",
    "EVENT": "EVENT",
}
SCORED = ("PERSON", "ORG", "PLACE", "NORP", "PRODUCT", "EVENT")
_LEADING = frozenset(["the", "The", "THE"])
_TRAILING = frozenset(["'s", "’s", "'"])


@dataclass
class Part:
    """One OntoNotes document part: its id and its sentences of (token, tag) pairs."""

    name: str
    document: ConllDocument


def read_ontonotes(path: str) -> list[Part]:
    """Parse an OntoNotes IOB2 file into document parts."""
    parts: list[Part] = []
    sentence: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.startswith("#doc "):
                if sentence and parts:
                    parts[-1].document.sentences.append(sentence)
                sentence = []
                parts.append(Part(line[5:].strip(), ConllDocument()))
                continue
            if not line.strip():
                if sentence and parts:
                    parts[-1].document.sentences.append(sentence)
                sentence = []
                continue
            token, _, tag = line.partition("\t")
            sentence.append((token, tag.strip() or "O"))
    if sentence and parts:
        parts[-1].document.sentences.append(sentence)
    return [p for p in parts if p.document.sentences]


def _trim(doc: RebuiltDocument, start: int, end: int) -> tuple[int, int]:
    """A token span without a leading "the" and a trailing "'s"."""
    if end - start > 1 and doc.tokens[start] in _LEADING:
        start += 1
    if end - start > 1 and doc.tokens[end - 1] in _TRAILING:
        end -= 1
    return start, end


def _gold(doc: RebuiltDocument) -> tuple[dict[tuple[int, int], str], set[tuple[int, int]]]:
    """Scored gold spans with their mapped type, and the spans of the types left out."""
    scored: dict[tuple[int, int], str] = {}
    left_out: set[tuple[int, int]] = set()
    for start, end, kind in doc.gold:
        span = _trim(doc, start, end)
        if kind in TYPE_MAP:
            scored[span] = TYPE_MAP[kind]
        else:
            left_out.add(span)
    return scored, left_out


def _predicted(doc: RebuiltDocument) -> tuple[dict[tuple[int, int], str], int]:
    """Predicted spans (trimmed) with their type; mentions off token boundaries count wrong."""
    predicted: dict[tuple[int, int], str] = {}
    misaligned = 0
    for entity in extract_entities(doc.text):
        if entity.type in (EntityType.DATE, EntityType.OTHER):
            continue
        for mention in entity.mentions:
            first = doc.token_starts.get(mention.start)
            last = doc.token_ends.get(mention.end)
            if first is None or last is None:
                misaligned += 1
                predicted[(-mention.start - 1, -mention.end - 1)] = entity.type.value
                continue
            predicted[_trim(doc, first, last + 1)] = entity.type.value
    return predicted, misaligned


def _within(span: tuple[int, int], left_out: set[tuple[int, int]]) -> bool:
    """Whether a span is one of the left-out gold spans or inside one ("US" of "30 US
    dollars", which OntoNotes marks as an amount, not as a place inside it)."""
    if span in left_out:
        return True
    start, end = span
    return start >= 0 and any(s <= start and end <= e for s, e in left_out if e - s > 1)


@dataclass
class Result:
    """Scores over a set of document parts."""

    untyped: Score = field(default_factory=Score)
    typed: Score = field(default_factory=Score)
    by_type: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in SCORED})
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    left_out_typed: Counter[str] = field(default_factory=Counter)
    misaligned: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: Counter[str] = field(default_factory=Counter)


def evaluate(parts: list[Part]) -> Result:
    """Score the extractor on every part, each rebuilt as running text."""
    result = Result()
    for part in parts:
        doc = rebuild(part.document, "news")
        gold, left_out = _gold(doc)
        started = time.perf_counter()
        predicted, misaligned = _predicted(doc)
        result.seconds += time.perf_counter() - started
        result.words += len(doc.text.split())
        result.misaligned += misaligned
        for span in [s for s in predicted if _within(s, left_out)]:
            result.left_out_typed[predicted.pop(span)] += 1
        _count(result, doc, gold, predicted)
    return result


def _count(
    result: Result,
    doc: RebuiltDocument,
    gold: dict[tuple[int, int], str],
    predicted: dict[tuple[int, int], str],
) -> None:
    def words(span: tuple[int, int]) -> str:
        return "<misaligned>" if span[0] < 0 else " ".join(doc.tokens[span[0] : span[1]])

    for span, kind in predicted.items():
        expected = gold.get(span)
        if expected is None:
            result.untyped.fp += 1
            result.typed.fp += 1
            result.by_type[kind].fp += 1
            result.confusion[("-", kind)] += 1
            result.errors[f"FP {kind:<7} {words(span)!r}"] += 1
            continue
        result.untyped.tp += 1
        result.confusion[(expected, kind)] += 1
        if expected == kind:
            result.typed.tp += 1
            result.by_type[kind].tp += 1
        else:
            result.typed.fp += 1
            result.typed.fn += 1
            result.by_type[kind].fp += 1
            result.by_type[expected].fn += 1
            result.errors[f"TY {kind:<7} {words(span)!r} gold {expected}"] += 1
    for span, expected in gold.items():
        if span not in predicted:
            result.untyped.fn += 1
            result.typed.fn += 1
            result.by_type[expected].fn += 1
            result.confusion[(expected, "-")] += 1
            result.errors[f"FN {expected:<7} {words(span)!r}"] += 1


def print_result(label: str, result: Result, errors: int = 0) -> None:
    """Print the scores, the confusion table and optionally the commonest mistakes."""
    print_scores(label, result)
    columns = [*SCORED, "-"]
    print("\nconfusion (rows gold, columns predicted; '-' = none)")
    print(" " * 9 + "".join(f"{c:>9}" for c in columns))
    for row in [*SCORED, "-"]:
        cells = "".join(f"{result.confusion.get((row, c), 0):>9}" for c in columns)
        print(f"{row:<9}{cells}")
    if result.left_out_typed:
        shown = ", ".join(f"{k} {v}" for k, v in result.left_out_typed.most_common())
        print(f"spans of left-out gold types (works, laws, numbers...) predicted as: {shown}")
    for error, count in result.errors.most_common(errors):
        print(f"  {count:4d}  {error}")


def main() -> int:
    """Print the scores on the chosen OntoNotes file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", default="ontonotes_dev_news.txt")
    parser.add_argument("--only", help="keep the parts whose id starts with this (nw, bn)")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N parts")
    parser.add_argument("--errors", type=int, default=0, help="print the N commonest mistakes")
    args = parser.parse_args()
    parts = read_ontonotes(str(data_path("entities", args.file)))
    if args.only:
        parts = [p for p in parts if p.name.startswith(args.only)]
    if args.limit:
        parts = parts[: args.limit]
    print(f"{args.file}: {len(parts)} document parts")
    print_result("all", evaluate(parts), args.errors)
    for genre in ("nw", "bn"):
        chosen = [p for p in parts if p.name.startswith(genre)]
        if chosen and len(chosen) != len(parts):
            result = evaluate(chosen)
            print(f"[{genre}] " + result.typed.line("typed").strip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
