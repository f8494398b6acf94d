"""The speculation corpora under ../shared/data/speculation, split into tuning and dev parts.

The train files are split by document so that no document lends sentences to both parts:
a sentence goes to ``dev`` when the md5 of its document id falls in the last 30 of 100 buckets.
CoNLL-2010 Wikipedia has no document ids; its sentences take the id of the same sentence in
the Szeged Wikipedia file when it is there (the two annotate the same articles), otherwise
their own text, so a sentence shared by both annotations lands in the same part for both.
Weights are learned on ``tune`` only; ``dev`` is for honest figures.

Real news without labels (:func:`news_documents`) measures how much of an ordinary article the
reader marks: a fixed sample of the BBC and Reuters articles under ../shared/data/articles.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from common import data_path  # type: ignore[import-not-found]

from reader.text.segment import split_paragraphs, split_sentences

DEV_SHARE = 30
CORPORA = ("szeged_factbank", "szeged_wiki", "conll2010_wiki", "bioscope", "sfu_review")
NEWS_SAMPLE = {"bbc": 10, "reuters": 50}
"""News file -> every how many articles of it are taken (in file order): about 4,900 BBC and
2,100 Reuters sentences."""


@dataclass(frozen=True, slots=True)
class Example:
    """One annotated sentence."""

    text: str
    uncertain: bool
    corpus: str
    doc: str
    part: str
    """``tune`` or ``dev``."""
    cues: tuple[str, ...] = ()


def part_of(doc: str) -> str:
    """``dev`` for 30% of documents (by md5 of the id), ``tune`` for the rest."""
    bucket = int(hashlib.md5(doc.encode("utf-8")).hexdigest(), 16) % 100
    return "dev" if bucket >= 100 - DEV_SHARE else "tune"


def _rows(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load(corpus: str) -> list[Example]:
    """Every sentence of one train file, each with its part."""
    if corpus == "news_claims":
        return load_news_claims()
    path = data_path("speculation", f"{corpus}_train.jsonl")
    doc_by_text: dict[str, str] = {}
    if corpus == "conll2010_wiki":
        wiki = path.with_name("szeged_wiki_train.jsonl")
        if wiki.exists():
            doc_by_text = {r["text"]: r["doc"] for r in _rows(wiki) if r.get("doc")}
    examples = []
    for row in _rows(path):
        doc = row.get("doc") or doc_by_text.get(row["text"]) or row["text"]
        examples.append(
            Example(
                text=row["text"],
                uncertain=bool(row["uncertain"]),
                corpus=corpus,
                doc=doc,
                part=part_of(doc),
                cues=tuple(row.get("cues") or ()),
            )
        )
    return examples


def load_news_claims(kind: str = "speculation") -> list[Example]:
    """The labelled news sentences (``news_claims_dev.jsonl``) for one flag kind, each with its
    part of the same document split (``tune`` or ``dev``)."""
    examples = []
    for row in _rows(data_path("speculation", "news_claims_dev.jsonl")):
        examples.append(
            Example(
                text=row["text"],
                uncertain=bool(row[kind]),
                corpus="news_claims",
                doc=row["doc"],
                part=part_of(row["doc"]),
            )
        )
    return examples


def news_documents() -> dict[str, list[list[str]]]:
    """The sentences of each sampled news article, by source (``bbc``, ``reuters``).

    Sentences are split as the reader does: paragraphs first, then sentences inside each.
    """
    sampled: dict[str, list[list[str]]] = {}
    for name, step in NEWS_SAMPLE.items():
        rows = list(_rows(data_path("articles", f"{name}.jsonl")))
        documents = []
        for row in rows[::step]:
            text = row["text"]
            documents.append(
                [
                    text[s.start : s.end]
                    for p in split_paragraphs(text)
                    for s in split_sentences(text, p.start, p.end)
                ]
            )
        sampled[name] = documents
    return sampled
