"""Speed of the paragraph cleaner (``reader.clean.clean_paragraphs``).

    python tests/bench/run.py clean
    python tests/bench/bench_clean.py

Targets: a typical article well under 5 ms; a 5,000-paragraph document in at most 0.25 s; a
1 MB page dump (menus, teasers, footers around articles) well under a second.

Documents measured (segmentation is done once, outside the timing):

- the bundled sample article, and real damaged articles from ../shared/data/clean/dedup_dev.jsonl
  (the "mixed" kind: doubled body, near-duplicates and boilerplate) when the data is there;
- 1 MB of whole-page text: the dev page dumps of ../shared/data/clean/pagedumps_dev.jsonl one
  after another when the data is there, else generated pages (a menu, an article, teasers), in
  both layouts (one block per line; wrapped blocks with blank lines between them);
- a generated 5,000-paragraph document with scraper damage (runs of copied paragraphs, edited
  copies, teasers cut off with an ellipsis, furniture lines), and one made of real Reuters
  paragraphs damaged the same way when the data is there.

The peer: every paragraph of a 1,000-paragraph document compared with rapidfuzz against all the
earlier ones (``process.extractOne`` with a score cut-off) against the cleaner on the same
paragraphs, in the same run, so that the ratio holds even when the machine is busy.
"""

from __future__ import annotations

import json
import os
import platform
import random
import statistics
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))
SHARED_DATA = Path(os.environ.get("READER_SHARED", REPO_ROOT.parent / "shared")) / "data"

from rapidfuzz import fuzz, process  # noqa: E402

from reader.clean.cleaner import clean_paragraphs  # noqa: E402
from reader.clean.repeats import normalized_key  # noqa: E402
from reader.text.segment import split_paragraphs  # noqa: E402

FURNITURE = (
    "Advertisement",
    "Share on Facebook",
    "Read more",
    "Politics",
    "Sign up for our newsletter",
    "Photo: Staff",
    "Skip to main content",
)


def timed(function: Callable[[], object], repeats: int, number: int = 1) -> tuple[float, float]:
    """Median and minimum seconds per call over ``repeats`` rounds of ``number`` calls."""
    function()  # warm caches (the model and vocabulary are loaded on first use)
    rounds = []
    for _ in range(repeats):
        start = time.process_time()
        for _ in range(number):
            function()
        rounds.append((time.process_time() - start) / number)
    return statistics.median(rounds), min(rounds)


def generated_paragraphs(count: int, seed: int = 20240601) -> list[str]:
    """Article-like paragraphs of invented words with a Zipf-like vocabulary."""
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ren", "sto", "va", "dun", "pe", "ri", "sol", "tam", "en"]
    vocabulary = sorted(
        {"".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))) for _ in range(6000)}
    )
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    paragraphs = []
    for _ in range(count):
        sentences = []
        for _ in range(rng.randint(1, 3)):
            words = rng.choices(vocabulary, weights, k=rng.randint(6, 28))
            sentences.append(" ".join(words).capitalize() + ".")
        paragraphs.append(" ".join(sentences))
    return paragraphs


def damaged(paragraphs: list[str], total: int, seed: int = 7) -> list[str]:
    """Insert scraper damage into ``paragraphs`` until there are ``total`` of them."""
    rng = random.Random(seed)
    document = list(paragraphs)
    while len(document) < total:
        roll = rng.random()
        i = rng.randrange(len(document) - 6)
        if roll < 0.35:
            document[i + 4 : i + 4] = document[i : i + rng.randint(2, 4)]  # a copied run
        elif roll < 0.6:
            words = document[i].split()
            if len(words) > 4:
                del words[rng.randrange(len(words))]
            document.insert(i + rng.randint(1, 5), " ".join(words))  # an edited copy
        elif roll < 0.75:
            cut = document[i][: max(20, len(document[i]) * 2 // 3)].rsplit(" ", 1)[0]
            document.insert(i + rng.randint(1, 9), cut + "…")  # a teaser
        else:
            document.insert(i, rng.choice(FURNITURE))
    return document[:total]


def real_paragraphs(count: int) -> list[str] | None:
    """The first ``count`` paragraphs of the Reuters articles, when the data is there."""
    path = SHARED_DATA / "articles" / "reuters.jsonl"
    if not path.exists():
        return None
    paragraphs: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"]
            paragraphs += [p.strip() for p in text.split("\n\n") if p.strip()]
            if len(paragraphs) >= count:
                break
    return paragraphs[:count]


def mixed_articles() -> list[str]:
    """Real articles with every kind of damage, when the data is there."""
    path = SHARED_DATA / "clean" / "dedup_dev.jsonl"
    if not path.exists():
        return []
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    return [d["raw"] for d in docs if d["kind"] == "mixed"]


def page_dump_megabyte(seed: int = 11) -> str:
    """About 1 MB of page dumps: the dev pages when the data is there, else generated pages."""
    path = SHARED_DATA / "clean" / "pagedumps_dev.jsonl"
    pages: list[str] = []
    if path.exists():
        pages = [json.loads(line)["raw"] for line in path.open(encoding="utf-8")]
    else:
        rng = random.Random(seed)
        prose = generated_paragraphs(3000, seed)
        menu = ["Home", "World", "Business", "Sport", "Weather", "Opinion", "Culture", "Video"]
        for n in range(0, len(prose) - 12, 12):
            teasers = [p.split(".")[0][:60].title() for p in rng.sample(prose, 6)]
            pages.append("\n".join([*menu, *prose[n : n + 12], *teasers, "© 2026 Example"]))
    text = ""
    while len(text) < 1_000_000:
        text += "\n".join(pages) + "\n"
    return text[:1_000_000].rsplit("\n", 1)[0]


def bench_document(label: str, text: str, repeats: int, number: int = 1) -> float:
    """Time cleaning one document; print and return the median seconds."""
    spans = split_paragraphs(text)
    median, best = timed(lambda: clean_paragraphs(text, spans), repeats, number)
    print(
        f"{label:<48} {len(spans):>5} paragraphs  median {median * 1000:8.2f} ms  "
        f"min {best * 1000:8.2f} ms"
    )
    return median


def brute_force(keys: list[str]) -> int:
    """Near-duplicates by comparing each paragraph with all earlier ones (the peer)."""
    found = 0
    for i in range(1, len(keys)):
        if process.extractOne(keys[i], keys[:i], scorer=fuzz.ratio, score_cutoff=88):
            found += 1
    return found


def main() -> int:
    """Run every measurement and print the figures."""
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    sample = (REPO_ROOT / "assets" / "sample-article.txt").read_text(encoding="utf-8")
    bench_document("sample article (assets/sample-article.txt)", sample, 15, 20)
    articles = mixed_articles()
    if articles:
        spans = [split_paragraphs(a) for a in articles]

        def clean_all() -> None:
            for text, paragraphs in zip(articles, spans, strict=True):
                clean_paragraphs(text, paragraphs)

        median, best = timed(clean_all, 9)
        n = len(articles)
        average = sum(len(s) for s in spans) / n
        print(
            f"{f'{n} damaged real articles (dedup_dev, mixed)':<48} {average:>5.0f} paragraphs  "
            f"median {median / n * 1000:8.2f} ms  min {best / n * 1000:8.2f} ms  (per article)"
        )

    dump = page_dump_megabyte()
    bench_document("1 MB of page dumps, one block per line", dump, 3)
    wrapped = "\n\n".join(textwrap.fill(line, 76) for line in dump.splitlines() if line.strip())
    bench_document("the same, wrapped blocks (text browser)", wrapped, 3)

    generated = "\n\n".join(damaged(generated_paragraphs(4000), 5000))
    bench_document("generated document with damage", generated, 7)
    real = real_paragraphs(4000)
    if real:
        bench_document("Reuters paragraphs with damage", "\n\n".join(damaged(real, 5000)), 7)

    small = damaged(generated_paragraphs(800), 1000)
    text = "\n\n".join(small)
    spans = split_paragraphs(text)
    keys = [normalized_key(p) for p in small]
    ours, _ = timed(lambda: clean_paragraphs(text, spans), 5)
    peer, _ = timed(lambda: brute_force(keys), 3)
    print(
        f"1,000 paragraphs: cleaner {ours * 1000:.1f} ms (everything), all-pairs rapidfuzz "
        f"{peer * 1000:.1f} ms (near-duplicates only): {peer / ours:.1f}x"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
