"""What the entity sidebar shows on real articles: how much of it is common words.

    python tests/eval/eval_entities_articles.py              # 300 BBC articles, saved pages
    python tests/eval/eval_entities_articles.py --list 60    # longer lists
    python tests/eval/eval_entities_articles.py --corpus html --show   # every page's entities
    python tests/eval/eval_entities_articles.py --corpus rumour        # celebrity and fake news

There is no annotation here, so precision is estimated from the corpora's own word use. Every
article goes through :func:`reader.analyze` (what the reader shows), and for each entity it
lists:

- **sentence-initial singles**: entities all of whose mentions are one word opening a sentence,
  the place where a capital letter proves nothing ("Hopefully", "Failure");
- **common words**: one-word entities (not in capitals) that the whole corpus (all BBC
  articles, all Reuters stories, all saved pages) writes in lower case at least five times and
  more than twice as often as capitalised inside a sentence ("better", "failure"), and
  contractions ("I'm"). These are almost always false entities; the few true ones are names
  that are also words ("Apple", "Orange");
- a bare company suffix ("Inc.", "Ltd") or a word ending in a lower-case hyphenated part
  ("BPA-free") whose first part the article never names.

- **names typed two ways in one article**: one name the article writes as two entities of
  different types ("Bale" a place beside "Christian Bale" a person, "Apple" an organisation in
  one mention's entity and a person in another's). One real-world thing should be one entity
  with one type.

Then the names listed by the most articles, with their commonest type, to read the rest.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from common import DATA

import reader
from reader.model import Analysis, EntityType

BBC_SAMPLE = 300
_WORD = re.compile(r"[A-Za-z][a-z]+(?:['’][a-z]+)?")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\"“‘(]\s*|\n\s*)$")
_CONTRACTION = re.compile(r"['’](?:m|re|ve|ll|d|t)$")
_SUFFIXES = frozenset("inc inc. corp corp. co co. ltd ltd. llc plc limited".split())


@dataclass
class Article:
    """One text to analyse, where it came from."""

    name: str
    text: str
    title: str | None = None


@dataclass
class Tally:
    """What was seen over one corpus."""

    articles: int = 0
    words: int = 0
    entities: int = 0
    initial_singles: Counter[str] = field(default_factory=Counter)
    common_words: Counter[str] = field(default_factory=Counter)
    suffixes_and_hyphens: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    two_types: Counter[str] = field(default_factory=Counter)
    articles_with_two_types: int = 0
    types: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))


def bbc_articles(limit: int = BBC_SAMPLE) -> list[Article]:
    """An evenly spaced sample of BBC articles (every category), title as the first line."""
    records = _jsonl(DATA / "articles" / "bbc.jsonl")
    step = max(1, len(records) // limit)
    return [
        Article(r["id"], f"{r.get('title') or ''}\n\n{r['text']}", r.get("title"))
        for r in records[::step][:limit]
    ]


def rumour_articles() -> list[Article]:
    """Every celebrity-gossip and fake/real news article of ``articles/rumour.jsonl``."""
    return [
        Article(r["id"], f"{r.get('title') or ''}\n\n{r['text']}", r.get("title"))
        for r in _jsonl(DATA / "articles" / "rumour.jsonl")
    ]


def two_types(analysis: Analysis) -> list[str]:
    """Names the article writes as entities of two types: the same surface form in two
    entities, or a person's surname that is an entity of its own with another type."""
    text = analysis.text
    types_of: dict[str, set[str]] = defaultdict(set)
    for entity in analysis.entities:
        if entity.type is EntityType.DATE:
            continue
        for mention in entity.mentions:
            types_of[text[mention.start : mention.end].casefold()].add(entity.type.value)
    found = [
        f"{surface} ({'/'.join(sorted(kinds))})"
        for surface, kinds in types_of.items()
        if len(kinds) > 1
    ]
    surnames = {
        e.name.split()[-1].casefold(): e.name
        for e in analysis.entities
        if e.type is EntityType.PERSON and " " in e.name
    }
    for entity in analysis.entities:
        key = entity.name.casefold()
        if entity.type not in (EntityType.PERSON, EntityType.DATE) and key in surnames:
            found.append(f"{entity.name} ({entity.type.value}) beside {surnames[key]} (PERSON)")
    return found


def html_articles() -> list[Article]:
    """Every saved page of the extraction benchmark, loaded as the reader loads it."""
    articles = []
    for path in sorted((DATA / "extract" / "html").glob("*.html.gz")):
        document = reader.load(str(path))
        articles.append(Article(path.name[:12], document.text, document.title))
    return articles


def _jsonl(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def word_use() -> tuple[Counter[str], Counter[str]]:
    """How often each word is written in lower case, and capitalised inside a sentence, over
    every text at hand."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    texts = [r["text"] for r in _jsonl(DATA / "articles" / "bbc.jsonl")]
    texts += [r["text"] for r in _jsonl(DATA / "articles" / "reuters.jsonl")]
    for path in sorted((DATA / "extract" / "html").glob("*.html.gz")):
        texts.append(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
    for text in texts:
        for match in _WORD.finditer(text):
            word = match.group()
            if word[0].islower():
                lower[word] += 1
            elif not _SENTENCE_OPENING.search(text, max(0, match.start() - 3), match.start()):
                capital[word.casefold()] += 1
    return lower, capital


def _sentence_starts(analysis: Analysis) -> set[int]:
    starts = set()
    text = analysis.text
    for sentence in analysis.sentences:
        i = sentence.start
        while i < sentence.end and text[i] in " \"'“‘(":
            i += 1
        starts.add(i)
    return starts


def tally(articles: list[Article], lower: Counter[str], capital: Counter[str]) -> Tally:
    """Analyse every article and count what its sidebar shows."""
    result = Tally()
    for article in articles:
        analysis = reader.analyze(article.text, article.name, title=article.title)
        text = analysis.text
        starts = _sentence_starts(analysis)
        result.articles += 1
        doubled = two_types(analysis)
        result.articles_with_two_types += bool(doubled)
        result.two_types.update(doubled)
        result.words += len(text.split())
        for entity in analysis.entities:
            if entity.type is EntityType.DATE:
                continue
            result.entities += 1
            name = entity.name
            result.names[name] += 1
            result.types[name][entity.type.value] += 1
            surfaces = [text[m.start : m.end] for m in entity.mentions]
            if all(" " not in s for s in surfaces) and all(
                m.start in starts for m in entity.mentions
            ):
                result.initial_singles[name] += 1
            key = name.casefold()
            if " " not in name and (
                _CONTRACTION.search(key)
                or (name[1:].islower() and lower[key] >= 5 and lower[key] > 2 * capital[key])
            ):
                result.common_words[name] += 1
            if key in _SUFFIXES or re.search(r"-[a-z]+$", name):
                result.suffixes_and_hyphens[name] += 1
    return result


def report(label: str, result: Tally, limit: int) -> None:
    """Print the shares and the lists."""
    n = max(1, result.entities)
    print(f"\n[{label}] {result.articles} articles, {result.words:,} words, {n:,} entities")

    def share(counter: Counter[str], title: str) -> None:
        total = sum(counter.values())
        print(f"{title:<46} {total:6d}  {total / n:6.1%} of entities")
        print("   ", ", ".join(f"{k} {v}" for k, v in counter.most_common(limit)))

    share(result.initial_singles, "only as one sentence-initial word")
    share(result.common_words, "common words and contractions")
    share(result.suffixes_and_hyphens, "bare company suffix, '-lowercase' ending")
    share(result.two_types, "names typed two ways in one article")
    print(f"    articles with such a name: {result.articles_with_two_types} of {result.articles}")
    print("names listed by the most articles (type: commonest):")
    print(
        "   ",
        ", ".join(
            f"{k} {v} {result.types[k].most_common(1)[0][0]}"
            for k, v in result.names.most_common(limit)
        ),
    )


def main() -> int:
    """Print the sidebar figures for each corpus."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=["bbc", "html", "rumour"], action="append")
    parser.add_argument("--list", type=int, default=30, help="how many names each list shows")
    parser.add_argument("--show", action="store_true", help="print every article's entities")
    args = parser.parse_args()
    if not (DATA / "articles" / "bbc.jsonl").exists():
        print(f"skipped: {DATA} is absent (the shared evaluation data is not beside the repo)")
        return 0
    lower, capital = word_use()
    loaders = {"bbc": bbc_articles, "html": html_articles, "rumour": rumour_articles}
    for corpus in args.corpus or ["bbc", "html", "rumour"]:
        articles = loaders[corpus]()
        if args.show:
            for article in articles:
                analysis = reader.analyze(article.text, article.name, title=article.title)
                print(
                    f"== {article.name}: "
                    + "; ".join(
                        f"{e.name}/{e.type.value}/{len(e.mentions)}"
                        for e in analysis.entities
                        if e.type is not EntityType.DATE
                    )
                )
        report(corpus, tally(articles, lower, capital), args.list)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
