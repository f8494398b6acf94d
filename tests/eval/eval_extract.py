"""How much of each saved news page's article the clean view keeps, and how little else.

    python tests/eval/eval_extract.py            # the figures
    python tests/eval/eval_extract.py --lines    # also list article lines the cleaner hid
    python tests/eval/eval_extract.py --pages    # also one line per page, worst first

Data: the dev half of the article-extraction benchmark in ``../shared/data/extract`` (saved
pages as ``html/<id>.html.gz``, hand-checked bodies in ``ground-truth.json``).

What is compared, for every page: the clean view a user sees, i.e.
``reader.analyze(doc.text, ...).clean_text`` after ``doc = reader.load(path)``, against the
page's hand-checked body.

How it is scored (the benchmark's own rule, reimplemented here):

- Text is split into word tokens with the regular expression ``\\w+`` (case kept), and every
  run of 4 consecutive tokens is a shingle; a text of fewer than 4 tokens is one shingle.
- Per page, shingles are counted as multisets: true positives are the shingles shared (the
  smaller count of each), false positives the extra predicted ones, false negatives the
  missing true ones. Precision = tp / (tp + fp), recall = tp / (tp + fn); both are 1 when the
  two texts match exactly, and 0 when there is nothing to compare against.
- ``P`` and ``R`` are the means over pages of the per-page precision and recall, and
  ``F1 = 2PR / (P + R)`` of those means: this is the benchmark's headline F1, the one the
  published figures (0.948 / 0.964 for trafilatura, 0.970 best) use. ``meanF1`` is the mean of
  the per-page F1 values, printed too because it punishes a single bad page harder.

The same run scores trafilatura alone (its defaults, as the benchmark ran it, and with
``favor_precision``), the reader's extraction before cleaning (``doc.text``), and the clean
view, so the loss can be split into what extraction missed and what the cleaner hid.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.eval.common import data_path

_TOKEN = re.compile(r"\w+")
_SHINGLE = 4
_WRONGLY_HIDDEN = 0.5
"""A hidden paragraph counts as article text when this share of its shingles is in the body."""


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The multiset of 4-token shingles of ``text`` (one short shingle for a short text)."""
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < _SHINGLE:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + _SHINGLE]) for i in range(len(tokens) - _SHINGLE + 1))


@dataclass
class PageScore:
    """Shingle counts of one prediction against one true body."""

    tp: int
    fp: int
    fn: int

    @classmethod
    def of(cls, true: Counter, pred: Counter) -> PageScore:
        """Compare two shingle multisets."""
        tp = sum((true & pred).values())
        return cls(tp, sum(pred.values()) - tp, sum(true.values()) - tp)

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1 for an exact match of two empty texts."""
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1 for an exact match of two empty texts."""
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of this page's precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class System:
    """The per-page scores of one way of getting the article out of a page."""

    name: str
    pages: dict[str, PageScore] = field(default_factory=dict)

    def line(self) -> str:
        """Mean precision, mean recall, F1 of those means, mean per-page F1."""
        scores = list(self.pages.values())
        p = statistics.fmean(s.precision for s in scores)
        r = statistics.fmean(s.recall for s in scores)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        mean_f1 = statistics.fmean(s.f1 for s in scores)
        return f"{self.name:<40} P={p:.3f} R={r:.3f} F1={f1:.3f} meanF1={mean_f1:.3f}"


def main(argv: list[str]) -> int:
    """Score every dev page; print the figures (and, on request, the details)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", action="store_true", help="list article lines the cleaner hid")
    parser.add_argument("--pages", action="store_true", help="one line per page, worst first")
    args = parser.parse_args(argv)

    from importlib.metadata import version

    import trafilatura

    import reader

    folder = data_path("extract")
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    systems = {
        key: System(name)
        for key, name in (
            ("traf_default", f"trafilatura {version('trafilatura')} alone, defaults"),
            ("traf_precision", f"trafilatura {version('trafilatura')} alone, favor_precision"),
            ("extracted", "reader.load (before cleaning)"),
            ("clean", "reader clean view (load + analyze)"),
        )
    }
    failures: list[str] = []
    hidden_article_lines: list[tuple[str, str, str]] = []
    cleaner_lost = cleaner_removed_junk = 0
    started = time.perf_counter()
    reader_seconds = 0.0
    for page_id, entry in sorted(truth.items()):
        path = folder / "html" / f"{page_id}.html.gz"
        true = shingles(entry["articleBody"])
        html = gzip.decompress(path.read_bytes()).decode("utf-8")
        for key, options in (("traf_default", {}), ("traf_precision", {"favor_precision": True})):
            text = trafilatura.extract(html, include_comments=False, **options) or ""
            systems[key].pages[page_id] = PageScore.of(true, shingles(text))

        t0 = time.perf_counter()
        try:
            document = reader.load(str(path))
            analysis = reader.analyze(document.text, source=str(path), title=document.title)
        except reader.ReaderError as error:
            failures.append(f"{page_id}: {error}")
            for key in ("extracted", "clean"):
                systems[key].pages[page_id] = PageScore.of(true, Counter())
            continue
        reader_seconds += time.perf_counter() - t0
        extracted = shingles(document.text)
        clean = shingles(analysis.clean_text)
        systems["extracted"].pages[page_id] = before = PageScore.of(true, extracted)
        systems["clean"].pages[page_id] = after = PageScore.of(true, clean)
        cleaner_lost += before.tp - after.tp
        cleaner_removed_junk += before.fp - after.fp
        missing = true - clean
        for paragraph in analysis.hidden_paragraphs:
            own = shingles(analysis.paragraph_text(paragraph))
            if own and sum((own & missing).values()) >= _WRONGLY_HIDDEN * sum(own.values()):
                text = analysis.paragraph_text(paragraph)
                hidden_article_lines.append((page_id[:10], paragraph.reason or "", text))

    total_true = sum(sum(shingles(e["articleBody"]).values()) for e in truth.values())
    print(f"{len(truth)} dev pages of the article-extraction benchmark; 4-token shingles")
    for system in systems.values():
        print(system.line())
    print(f"pages that failed to open: {len(failures)}")
    for failure in failures:
        print(f"  {failure}")
    extracted_fn = sum(s.fn for s in systems["extracted"].pages.values())
    print(
        f"true shingles: {total_true}; missed by extraction: {extracted_fn} "
        f"({extracted_fn / total_true:.2%}); hidden by the cleaner: {cleaner_lost} "
        f"({cleaner_lost / total_true:.2%})"
    )
    print(f"junk shingles the cleaner removed: {cleaner_removed_junk}")
    print(f"hidden paragraphs that are article text: {len(hidden_article_lines)}")
    if args.lines:
        for page, reason, text in hidden_article_lines:
            print(f"  [{page}] ({reason}) {' '.join(text.split())[:160]}")
    if args.pages:
        clean_pages = systems["clean"].pages
        for page_id in sorted(clean_pages, key=lambda k: clean_pages[k].f1):
            s, t = clean_pages[page_id], systems["traf_precision"].pages[page_id]
            print(
                f"  {page_id[:10]} clean F1={s.f1:.3f} P={s.precision:.3f} R={s.recall:.3f}"
                f"  traf-precision F1={t.f1:.3f}  {truth[page_id]['url'][:70]}"
            )
    print(
        f"reader load+analyze: {reader_seconds:.1f} s for {len(truth)} pages; "
        f"whole run {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
