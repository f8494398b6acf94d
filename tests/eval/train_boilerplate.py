"""Learn the weights of the boilerplate line classifier from real news pages.

    python tests/eval/train_boilerplate.py            # cross-validate, then write the weights
    python tests/eval/train_boilerplate.py --check    # cross-validate only

Examples come from ../shared/data (never copied into the project; only feature weights are):

- furniture: every text line of the extraction-benchmark pages (``extract/html/*.html.gz``)
  that is not part of the page's hand-checked article body (``extract/ground-truth.json``);
- article text: the paragraphs of those bodies, and paragraphs of the BBC and Reuters
  articles (``articles/*.jsonl``).

A line is turned into the shape features of :func:`reader.boilerplate.line_features`; a
logistic model is fitted with L2 regularisation. Besides the hand-written vocabulary, words are
learned: those that short furniture lines of at least ``MIN_SITES`` sites use, that article
paragraphs rarely use and do not capitalise as names (``learn_words``). They count only in lines
of up to three words made of furniture words (menu entries); their weights name them
(``lw:<word>``), which is all the project keeps of them. Cross-validation holds out whole
pages, so the figures say how well the weights carry over to pages (and sites) never seen in
training; each fold chooses its learned words from its training pages only. The weights are
written to ``reader/data/boilerplate_weights.toml``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlparse

from common import REPO_ROOT, data_path

import reader
from reader.clean import furniture as boilerplate
from reader.clean.furniture import (
    LEARNED_PREFIX,
    MAX_LINE_WORDS,
    Vocabulary,
    furniture_rule,
    has_evidence,
    learned_features,
    line_features,
)
from reader.text.segment import split_paragraphs

WEIGHTS_PATH = REPO_ROOT / "reader" / "lexicon" / "boilerplate_weights.toml"
FOLDS = 5
SEED = 20240601
MIN_FEATURE_COUNT = 3
L2 = 1e-4
EPOCHS = 30
ARTICLE_PARAGRAPHS = 30000
MIN_WORDS_IN_BODY = 4
"""A shorter page line found inside the body ("Twitter") is a menu entry, not article text."""
BODY_WEIGHT = 3.0
"""Short lines of real article bodies are the text that must not be lost: they count more."""

MIN_SITES = 3
"""A word is learned as furniture when furniture lines of this many sites (or more) use it..."""
LEARNED_MAX_LINE_WORDS = 4
"""...in lines of up to this many words (menus, buttons)..."""
LEARNED_MAX_ARTICLE_RATE = 0.001
"""...and no more than this share of article paragraphs do."""
LEARNED_MAX_WORDS = 300
"""At most this many words are learned (those used by the most sites)."""
NAME_SHARE = 0.5
"""A word that article text capitalises this often inside a paragraph is a name ("Trump"),
news of its day and not furniture: it is never learned."""
"""At most this many words are learned (those used by the most sites)."""

_SIMULATED_MAX_CHARS = 120
_BUNDLED_MODEL = boilerplate.model
_BUNDLED_VOCABULARY = boilerplate.vocabulary
BASE_VOCABULARY = boilerplate.vocabulary()._replace(learned=frozenset())
"""The hand-written vocabulary alone: learned words are chosen again for every model fitted."""
_LOWERED_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

_BLOCK_TAGS = frozenset(
    """
    p div li ul ol h1 h2 h3 h4 h5 h6 td th tr table section article header footer nav aside br
    figure figcaption blockquote pre dt dd dl form button option select label main address hr
    caption summary details menu legend fieldset title img
    """.split()
)
_SKIPPED_TAGS = frozenset("script style noscript template svg head iframe object".split())
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_NON_WORD = re.compile(r"[\W_]+")


@dataclass
class Example:
    """One line, the group it is held out with, and whether it is furniture."""

    features: list[str]
    furniture: bool
    group: str
    text: str
    weight: float = 1.0
    site: str | None = None
    """The host of the page a line comes from (None for article paragraphs)."""


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


def page_lines(html: str) -> list[str]:
    """The visible text of a page, one line per block element, whitespace collapsed."""
    import lxml.html

    root = lxml.html.fromstring(html)
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        line = " ".join("".join(buffer).split())
        if line:
            lines.append(line)
        buffer.clear()

    def walk(element: object) -> None:
        tag = getattr(element, "tag", None)
        tail = getattr(element, "tail", None)
        if not isinstance(tag, str) or tag.lower() in _SKIPPED_TAGS:
            if tail:
                buffer.append(tail)
            return
        block = tag.lower() in _BLOCK_TAGS
        if block:
            flush()
        if element.text:  # type: ignore[attr-defined]
            buffer.append(element.text)  # type: ignore[attr-defined]
        for child in element:  # type: ignore[attr-defined]
            walk(child)
        if block:
            flush()
        if tail:
            buffer.append(tail)

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    return lines


def page_examples() -> Iterator[Example]:
    """Furniture lines and article paragraphs from the extraction-benchmark pages."""
    truth = json.loads(data_path("extract", "ground-truth.json").read_text(encoding="utf-8"))
    for page_id, entry in sorted(truth.items()):
        body = entry["articleBody"]
        site = urlparse(entry["url"]).hostname or page_id
        site = site.removeprefix("www.")
        body_key = f" {_key(body)} "
        paragraph_keys: set[str] = set()
        for span in split_paragraphs(body):
            text = body[span.start : span.end]
            paragraph_keys.add(_key(text))
            yield Example(
                line_features(text, BASE_VOCABULARY), False, page_id, text, BODY_WEIGHT, site
            )
        html_path = data_path("extract", "html", f"{page_id}.html.gz")
        html = gzip.decompress(html_path.read_bytes()).decode("utf-8", errors="replace")
        seen: set[str] = set()
        for line in page_lines(html):
            key = _key(line)
            if not key or key in seen or key in paragraph_keys:
                continue
            if len(key.split()) >= MIN_WORDS_IN_BODY and f" {key} " in body_key:
                continue  # a piece of the article (a line of a longer paragraph)
            seen.add(key)
            yield Example(line_features(line, BASE_VOCABULARY), True, page_id, line, site=site)


def article_examples(limit: int) -> Iterator[Example]:
    """Paragraphs of real articles (all article text), a seeded sample of them."""
    paragraphs: list[tuple[str, str]] = []
    for name in ("bbc", "reuters"):
        with data_path("articles", f"{name}.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                article = json.loads(line)
                text = article["text"]
                for span in split_paragraphs(text):
                    paragraph = text[span.start : span.end]
                    if len(paragraph.split()) <= 60:
                        paragraphs.append((article["id"], paragraph))
    rng = random.Random(SEED)
    short = [p for p in paragraphs if len(p[1].split()) <= 12]
    rest = [p for p in paragraphs if len(p[1].split()) > 12]
    chosen = short[: limit // 2] if len(short) > limit // 2 else short
    chosen += rng.sample(rest, min(len(rest), limit - len(chosen)))
    for group, text in chosen:
        yield Example(line_features(text, BASE_VOCABULARY), False, group, text)


def lowered_words(text: str) -> list[str]:
    """The lower-cased words of a line, as :func:`reader.boilerplate.line_features` reads them."""
    return _LOWERED_WORD.findall(" ".join(text.split()).lower().replace("’", "'"))


def learn_words(examples: Sequence[Example]) -> frozenset[str]:
    """Words that the short furniture lines of many sites use and article paragraphs rarely do.

    Only the given (training) examples are read, so a held-out page never chooses a word.
    """
    sites_of: dict[str, set[str]] = {}
    article_count: Counter[str] = Counter()
    inner: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    articles = 0
    skipped = BASE_VOCABULARY.words | BASE_VOCABULARY.function_words
    for example in examples:
        words = set(lowered_words(example.text))
        if not example.furniture:
            articles += 1
            article_count.update(words)
            for word in _LOWERED_WORD.findall(example.text)[1:]:
                inner[word.lower()] += 1
                capitalised[word.lower()] += word[0].isupper()
        elif example.site and len(example.text.split()) <= LEARNED_MAX_LINE_WORDS:
            for word in words:
                if word not in skipped and len(word) > 1 and word.isalpha():
                    sites_of.setdefault(word, set()).add(example.site)
    limit = LEARNED_MAX_ARTICLE_RATE * articles
    chosen = [
        (-len(sites), article_count[word], word)
        for word, sites in sites_of.items()
        if len(sites) >= MIN_SITES
        and article_count[word] <= limit
        and not (inner[word] >= 3 and capitalised[word] > NAME_SHARE * inner[word])
    ]
    return frozenset(word for _, _, word in sorted(chosen)[:LEARNED_MAX_WORDS])


def with_learned_words(
    examples: Sequence[Example], learned: frozenset[str]
) -> tuple[Vocabulary, list[Example]]:
    """The vocabulary with ``learned`` words, and the examples with their features added."""
    vocab = BASE_VOCABULARY._replace(learned=learned)
    extended = [
        replace(e, features=e.features + learned_features(lowered_words(e.text), vocab))
        if not learned.isdisjoint(lowered_words(e.text))
        else e
        for e in examples
    ]
    return vocab, extended


def in_model_domain(example: Example) -> bool:
    """Lines the model decides: short, with some furniture evidence, not settled by a rule."""
    return (
        len(example.text.split()) <= MAX_LINE_WORDS
        and has_evidence(example.features)
        and furniture_rule(example.text) is None
    )


def fit(examples: Sequence[Example], vocabulary: set[str]) -> tuple[float, dict[str, float]]:
    """Fit a class-balanced, L2-regularised logistic model with AdaGrad."""
    positives = sum(e.furniture for e in examples)
    negatives = len(examples) - positives
    weight_of = {True: len(examples) / (2 * positives), False: len(examples) / (2 * negatives)}
    weights: dict[str, float] = dict.fromkeys(vocabulary, 0.0)
    history: dict[str, float] = dict.fromkeys(vocabulary, 1e-8)
    bias, bias_history = 0.0, 1e-8
    rate = 0.3
    order = list(range(len(examples)))
    rng = random.Random(SEED)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            example = examples[i]
            active = [f for f in example.features if f in weights]
            z = bias + sum(weights[f] for f in active)
            p = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
            g = (p - example.furniture) * weight_of[example.furniture] * example.weight
            bias_history += g * g
            bias -= rate * g / math.sqrt(bias_history)
            for f in active:
                gf = g + L2 * weights[f] * len(examples) / 1000
                history[f] += gf * gf
                weights[f] -= rate * gf / math.sqrt(history[f])
    return bias, {f: w for f, w in weights.items() if abs(w) >= 0.005}


def feature_vocabulary(examples: Sequence[Example]) -> set[str]:
    """Features seen often enough to get a weight."""
    counts = Counter(f for e in examples for f in e.features)
    return {f for f, n in counts.items() if n >= MIN_FEATURE_COUNT}


def score(bias: float, weights: dict[str, float], features: Sequence[str]) -> float:
    """The model's probability for one feature set."""
    z = bias + sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def cross_validate(
    all_examples: Sequence[Example], thresholds: Sequence[float], excluded: set[str]
) -> None:
    """Hold out whole pages (and articles) in turn; print recall and false-positive rates.

    Each fold learns its furniture words and its weights from its training pages only. Then the
    cleaner itself is run, with each fold's model, on the held-out pages' article bodies with
    some of the same pages' own furniture lines put between their paragraphs.
    """
    groups = sorted({e.group for e in all_examples})
    rng = random.Random(SEED)
    rng.shuffle(groups)
    fold_of = {g: i % FOLDS for i, g in enumerate(groups)}
    scored: list[tuple[float, Example]] = []
    models: list[tuple[Vocabulary, float, dict[str, float]]] = []
    for fold in range(FOLDS):
        learned = learn_words(
            [e for e in all_examples if fold_of[e.group] != fold and e.group not in excluded]
        )
        vocab, extended = with_learned_words(all_examples, learned)
        examples = [e for e in extended if in_model_domain(e) and e.group not in excluded]
        train = [e for e in examples if fold_of[e.group] != fold]
        test = [e for e in examples if fold_of[e.group] == fold]
        bias, weights = fit(train, feature_vocabulary(train))
        models.append((vocab, bias, weights))
        scored.extend((score(bias, weights, e.features), e) for e in test)
    learned_sizes = ", ".join(str(len(v.learned)) for v, _, _ in models)
    print(f"learned words per fold: {learned_sizes}")
    print(f"cross-validation over {len(groups)} pages/articles, {FOLDS} folds (held out by page)")
    furniture = [s for s, e in scored if e.furniture]
    short_furniture = [s for s, e in scored if e.furniture and len(e.text.split()) <= 8]
    text = [s for s, e in scored if not e.furniture]
    short_text = [s for s, e in scored if not e.furniture and len(e.text.split()) <= 8]
    print("  the model alone, on lines it decides (short, with a furniture word or mark, no rule):")
    print(
        f"  furniture lines {len(furniture)} (short {len(short_furniture)}), "
        f"article paragraphs {len(text)} (short {len(short_text)})"
    )
    for t in thresholds:
        print(
            f"  threshold {t:.2f}: furniture recall {_rate(furniture, t):.3f} "
            f"(short {_rate(short_furniture, t):.3f}); article text flagged "
            f"{_rate(text, t):.4f} (short {_rate(short_text, t):.4f})"
        )
    for min_pages in (1, 3):
        simulate_held_out_pages(all_examples, fold_of, models, min_pages)


def simulate_held_out_pages(
    all_examples: Sequence[Example],
    fold_of: dict[str, int],
    models: Sequence[tuple[Vocabulary, float, dict[str, float]]],
    min_pages: int,
) -> None:
    """Insert real furniture lines into real bodies; count what the whole cleaner removes.

    Lines are drawn from the page's own lines outside its article (up to 120 characters);
    with ``min_pages`` > 1 only from lines that appear on that many pages or more (menus,
    share buttons, footers: the furniture sites repeat everywhere).
    """
    truth = json.loads(data_path("extract", "ground-truth.json").read_text(encoding="utf-8"))
    lines_of: dict[str, list[str]] = {}
    pages_with: Counter[str] = Counter()
    for e in all_examples:
        if e.furniture and e.group in truth and len(e.text) <= _SIMULATED_MAX_CHARS:
            lines_of.setdefault(e.group, []).append(e.text)
    for lines in lines_of.values():
        pages_with.update({_key(line) for line in lines})
    counts: Counter[str] = Counter()
    for page_id in sorted(truth):
        vocab, bias, weights = models[fold_of[page_id]]
        boilerplate.model = lambda b=bias, w=weights: boilerplate.Model(b, w)  # type: ignore[misc]
        boilerplate.vocabulary = lambda v=vocab: v  # type: ignore[misc]
        body = [p.strip() for p in truth[page_id]["articleBody"].split("\n\n") if p.strip()]
        pool = [line for line in lines_of.get(page_id, []) if pages_with[_key(line)] >= min_pages]
        rng = random.Random(page_id)
        if not pool or not body:
            continue
        inserted = rng.sample(pool, min(len(pool), max(3, len(body) // 3)))
        document = [(p, False) for p in body]
        for line in inserted:
            document.insert(rng.randrange(len(document) + 1), (line, True))
        analysis = reader.analyze("\n\n".join(p for p, _ in document))
        hidden = {analysis.paragraph_text(p) for p in analysis.hidden_paragraphs}
        kept = {analysis.paragraph_text(p) for p in analysis.kept_paragraphs}
        exact = True
        for paragraph, is_furniture in document:
            removed = paragraph in hidden and paragraph not in kept
            counts["furniture" if is_furniture else "text"] += 1
            counts["found" if is_furniture else "lost"] += removed
            exact &= removed == is_furniture
        counts["documents"] += 1
        counts["exact"] += exact
    boilerplate.model = _BUNDLED_MODEL
    boilerplate.vocabulary = _BUNDLED_VOCABULARY
    which = "every line" if min_pages == 1 else f"lines found on {min_pages}+ pages"
    print(
        f"  cleaner on held-out bodies with their pages' furniture ({which}): "
        f"{counts['found'] / counts['furniture']:.3f} of {counts['furniture']} furniture lines "
        f"removed, {counts['lost'] / counts['text']:.4f} of {counts['text']} article paragraphs "
        f"removed, {counts['exact'] / counts['documents']:.3f} of {counts['documents']} "
        f"documents exact"
    )


def _rate(scores: Sequence[float], threshold: float) -> float:
    return sum(s >= threshold for s in scores) / len(scores) if scores else 0.0


def write_weights(path: Path, bias: float, weights: dict[str, float]) -> None:
    """Write the model as TOML, features sorted by name."""
    lines = [
        "# Learned weights of the boilerplate line classifier (reader/clean/furniture.py).",
        "# Generated by tests/eval/train_boilerplate.py from real news pages; do not edit.",
        "# Keys are feature names (see line_features), values their logistic weights.",
        "",
        f"bias = {bias:.4f}",
        "",
        "[weights]",
    ]
    lines += [f"{json.dumps(f, ensure_ascii=False)} = {weights[f]:.4f}" for f in sorted(weights)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    """Cross-validate and (unless --check) fit on everything and write the weights."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="cross-validate only")
    parser.add_argument("--no-cv", action="store_true", help="skip cross-validation")
    parser.add_argument(
        "--exclude-dedup-sources",
        action="store_true",
        help="leave out the pages whose bodies clean/dedup_dev.jsonl is built from, so that "
        "eval_clean.py --weights can measure the cleaner on bodies the model never saw",
    )
    parser.add_argument("--output", type=Path, default=WEIGHTS_PATH, help="where to write")
    args = parser.parse_args(argv)

    all_examples = list(page_examples()) + list(article_examples(ARTICLE_PARAGRAPHS))
    excluded: set[str] = set()
    if args.exclude_dedup_sources:
        dedup = data_path("clean", "dedup_dev.jsonl")
        excluded = {json.loads(line)["source_id"] for line in dedup.open(encoding="utf-8")}
    if not args.no_cv:
        cross_validate(all_examples, (0.5, 0.7, 0.8, 0.9, 0.95, 0.98), excluded)
    if args.check:
        return 0
    training = [e for e in all_examples if e.group not in excluded]
    _, extended = with_learned_words(all_examples, learn_words(training))
    examples = [e for e in extended if in_model_domain(e) and e.group not in excluded]
    bias, weights = fit(examples, feature_vocabulary(examples))
    write_weights(args.output, bias, weights)
    learned = sum(f.startswith(LEARNED_PREFIX) for f in weights)
    print(f"wrote {len(weights)} weights ({learned} learned words) to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
