"""How well the clean view finds the article in whole-page plain text (page dumps).

    python tests/eval/eval_pagedumps.py              # figures, both layouts
    python tests/eval/eval_pagedumps.py --pages      # also one line per page, worst first
    python tests/eval/eval_pagedumps.py --lines ID   # every paragraph of one page and its verdict
    python tests/eval/eval_pagedumps.py --cv         # page-held-out check of the tuned settings

Data: ``../shared/data/clean/pagedumps_dev.jsonl``, the 91 dev pages of the article-extraction
benchmark as whole-page text (html-text's dump: menus, teasers, share rows, footers and cookie
notes around the article) with the hand-checked body.

Two layouts are scored:

- ``lines``: the dump as it is, one block of the page per line (what html-text and most
  scrapers write).
- ``wrapped``: the same pages as a text browser shows them: every block wrapped at 76 columns,
  a blank line between blocks (lynx, w3m, a copy from a browser).

The stage's few settings (``reader/clean/main_content.py``) were tuned on these 91 pages, so
``--cv`` checks how much of the gain is fitted to them: the pages are split in five folds by a
hash of their id; for each fold the best settings on a grid are chosen on the other four folds
and scored on the held-out one. The held-out F1 (over all pages, each scored by settings chosen
without it) is printed beside the F1 of the shipped settings.

Score: the benchmark's 4-token shingle precision and recall, averaged over pages, and the F1 of
those means (see ``eval_extract.py``, whose scoring this reuses). Beside the clean view: keeping
everything, and jusText (stopword density and context, 2008) when it is installed: it is a
dev-only comparison, not something the reader uses.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.clean.cleaner import clean_paragraphs
from reader.model import Paragraph
from reader.text.normalize import normalize_text
from reader.text.segment import split_paragraphs
from tests.eval.common import data_path
from tests.eval.eval_extract import PageScore, System, shingles

WRAP_WIDTH = 76


def load_pages() -> list[dict[str, str]]:
    """The dev page dumps (id, url, raw, clean)."""
    path = data_path("clean", "pagedumps_dev.jsonl")
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def as_wrapped(raw: str, width: int = WRAP_WIDTH) -> str:
    """The page as a text browser lays it out: wrapped blocks, a blank line between them."""
    blocks = [line.strip() for line in raw.splitlines() if line.strip()]
    return "\n\n".join(textwrap.fill(block, width) for block in blocks)


def cleaned(raw: str) -> tuple[str, list[Paragraph]]:
    """The normalised text and the cleaner's verdict on each of its paragraphs."""
    text = normalize_text(raw)
    return text, clean_paragraphs(text, split_paragraphs(text))


def clean_view(raw: str) -> str:
    """The text the clean view shows for ``raw``."""
    text, paragraphs = cleaned(raw)
    return "\n\n".join(text[p.start : p.end] for p in paragraphs if p.kept)


def justext_view(raw: str) -> str:
    """jusText's article text (its English stoplist and defaults)."""
    import justext  # type: ignore[import-not-found]

    html = (
        "<html><body>"
        + "".join(f"<p>{_escape(block)}</p>" for block in _blocks(raw))
        + "</body></html>"
    )
    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _blocks(raw: str) -> list[str]:
    """The page's blocks: its lines, or for a wrapped page its blank-line separated blocks."""
    if "\n\n" in raw and all(len(line) <= WRAP_WIDTH for line in raw.splitlines()):
        return [" ".join(b.split()) for b in raw.split("\n\n") if b.strip()]
    return [line for line in raw.splitlines() if line.strip()]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _have_justext() -> bool:
    try:
        import justext  # type: ignore[import-not-found]  # noqa: F401
    except ImportError:
        return False
    return True


def score_layout(
    pages: list[dict[str, str]], layout: Callable[[str], str], with_justext: bool
) -> dict[str, System]:
    """Score keep-all, the clean view and (optionally) jusText on every page in one layout."""
    systems = {name: System(name) for name in ("keep everything", "clean view", "jusText")}
    elapsed = 0.0
    for page in pages:
        raw = layout(page["raw"])
        true = shingles(page["clean"])
        systems["keep everything"].pages[page["id"]] = PageScore.of(true, shingles(raw))
        started = time.perf_counter()
        view = clean_view(raw)
        elapsed += time.perf_counter() - started
        systems["clean view"].pages[page["id"]] = PageScore.of(true, shingles(view))
        if with_justext:
            systems["jusText"].pages[page["id"]] = PageScore.of(true, shingles(justext_view(raw)))
    if not with_justext:
        del systems["jusText"]
    systems["clean view"].name = f"clean view ({elapsed * 1000 / len(pages):.1f} ms/page)"
    return systems


CV_GRID: dict[str, tuple[float, ...]] = {
    "GAP_BLOCKS": (3, 4, 6, 8, 1000),
    "ATTACH_SHARE": (0.1, 0.2, 0.3, 0.5),
    "SHORT_COST": (2.0, 4.0, 6.0),
}
"""The settings of the main-content stage searched by ``--cv`` (1000 gaps: never split)."""
CV_FOLDS = 5


def _f1(scores: list[PageScore]) -> float:
    """The F1 of the mean precision and mean recall of some pages."""
    p = sum(s.precision for s in scores) / len(scores)
    r = sum(s.recall for s in scores) / len(scores)
    return 2 * p * r / (p + r) if p + r else 0.0


def cross_validate(pages: list[dict[str, str]]) -> None:
    """Choose the grid's best settings on four folds, score them on the fifth, for each fold."""
    import hashlib
    import itertools

    from reader.clean import main_content

    names = list(CV_GRID)
    shipped = tuple(getattr(main_content, name) for name in names)
    combos = list(itertools.product(*CV_GRID.values()))
    if shipped not in combos:
        combos.append(shipped)
    true = {p["id"]: shingles(p["clean"]) for p in pages}
    table: dict[tuple[float, ...], dict[str, PageScore]] = {}
    try:
        for combo in combos:
            for name, value in zip(names, combo, strict=True):
                setattr(main_content, name, value)
            table[combo] = {
                p["id"]: PageScore.of(true[p["id"]], shingles(clean_view(p["raw"]))) for p in pages
            }
    finally:
        for name, value in zip(names, shipped, strict=True):
            setattr(main_content, name, value)
    fold = {p["id"]: int(hashlib.sha1(p["id"].encode()).hexdigest(), 16) % CV_FOLDS for p in pages}
    held_out: list[PageScore] = []
    for k in range(CV_FOLDS):
        train = [i for i, f in fold.items() if f != k]
        test = [i for i, f in fold.items() if f == k]
        best = max(combos, key=lambda c: _f1([table[c][i] for i in train]))
        held_out += [table[best][i] for i in test]
        chosen = ", ".join(f"{n}={v:g}" for n, v in zip(names, best, strict=True))
        print(
            f"  fold {k}: {len(test)} pages, chosen {chosen}, held-out F1 "
            f"{_f1([table[best][i] for i in test]):.3f}"
        )
    every = list(table[shipped].values())
    print(
        f"  shipped settings on all pages F1={_f1(every):.3f}; page-held-out F1={_f1(held_out):.3f}"
    )


def show_lines(page: dict[str, str], wrapped: bool) -> None:
    """Print every paragraph of one page with its verdict and whether the body holds it."""
    raw = as_wrapped(page["raw"]) if wrapped else page["raw"]
    text, paragraphs = cleaned(raw)
    body = shingles(page["clean"])
    for p in paragraphs:
        own = shingles(text[p.start : p.end])
        in_body = sum((own & body).values()) >= 0.5 * max(sum(own.values()), 1)
        mark = ("B" if in_body else "-") + ("K" if p.kept else "H")
        line = " ".join(text[p.start : p.end].split())[:100]
        print(f"{mark} {p.index:4d} {p.reason or '':32.32} {line}")


def main(argv: list[str]) -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="store_true", help="one line per page, worst first")
    parser.add_argument("--lines", metavar="ID", help="every paragraph of one page")
    parser.add_argument("--wrapped", action="store_true", help="with --lines: wrapped layout")
    parser.add_argument("--no-justext", action="store_true", help="skip jusText")
    parser.add_argument("--cv", action="store_true", help="page-held-out cross-validation")
    args = parser.parse_args(argv)
    try:
        pages = load_pages()
    except FileNotFoundError as error:
        print(f"skipped: {error}", file=sys.stderr)
        return 0
    if args.lines:
        chosen = [p for p in pages if p["id"].startswith(args.lines)]
        for page in chosen[:1]:
            show_lines(page, args.wrapped)
        return 0 if chosen else 1
    if args.cv:
        print(f"{CV_FOLDS}-fold page-held-out cross-validation, layout: lines")
        cross_validate(pages)
        return 0
    with_justext = not args.no_justext and _have_justext()
    print(f"{len(pages)} dev page dumps; 4-token shingles, mean P and R over pages, F1 of means")
    if not with_justext:
        print("(jusText is not installed: its line is left out)")
    for name, layout in (("lines", lambda raw: raw), ("wrapped", as_wrapped)):
        print(f"\nlayout: {name}")
        systems = score_layout(pages, layout, with_justext)
        for system in systems.values():
            print("  " + system.line())
        if args.pages:
            clean = next(s for s in systems.values() if s.name.startswith("clean view"))
            for page_id, score in sorted(clean.pages.items(), key=lambda kv: kv[1].f1):
                print(
                    f"    {page_id[:12]} P={score.precision:.2f} R={score.recall:.2f}"
                    f" F1={score.f1:.2f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
