"""How long opening an input takes: a text file, a saved page, odd encodings, a 5 MB line.

    python tests/bench/run.py load

Each figure is the median of several runs. The start-up figures run ``reader.load`` in a fresh
interpreter (what a user pays when the command starts), so they include imports: a text file
must not pay for the HTML extractor or the HTTP client. The other figures time ``reader.load``
alone in this process, after a warm-up. Inputs are generated here; when the extraction
benchmark's dev pages are beside the repository (``../shared/data/extract``), the time per
saved page is measured on them too.
"""

from __future__ import annotations

import gzip
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import reader
from tests.eval.common import DATA

RUNS = 7
PARAGRAPH = (
    "Le conseil municipal a voté jeudi la prolongation de la ligne de tramway jusqu'à "
    "l'hôpital, mettant fin à un débat qui durait depuis près de dix ans. "
)
PAGE = (
    "<!doctype html><html><head><title>Tramway</title></head><body><nav><a href='/'>Accueil</a>"
    "</nav><article><h1>Tramway</h1>{}</article><footer>© Journal</footer></body></html>"
)


def median_seconds(action: Callable[[], object], runs: int = RUNS) -> float:
    """The median wall time of ``action`` over ``runs`` runs, after one warm-up."""
    action()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def cold_load_seconds(path: Path) -> float:
    """Median time for a fresh interpreter to import reader and load ``path``."""
    code = "import sys, reader; reader.load(sys.argv[1])"

    def run() -> None:
        subprocess.run([sys.executable, "-c", code, str(path)], check=True)

    return median_seconds(run, runs=5)


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.1f} kB"


def main() -> int:
    """Print the figures."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        text = root / "article.txt"
        text.write_text((PARAGRAPH + "\n\n") * 40, encoding="utf-8")
        page = root / "page.html"
        page.write_text(PAGE.format("".join(f"<p>{PARAGRAPH}</p>" for _ in range(40))), "utf-8")
        latin1 = root / "latin1.txt"
        latin1.write_bytes(((PARAGRAPH + "\n\n") * 40).encode("latin-1"))
        big_line = root / "line.txt"
        big_line.write_text(PARAGRAPH * (5_000_000 // len(PARAGRAPH.encode())), encoding="utf-8")
        big_latin1 = root / "line-latin1.txt"
        big_latin1.write_bytes(big_line.read_text(encoding="utf-8").encode("latin-1"))

        cold_text = cold_load_seconds(text)
        cold_page = cold_load_seconds(page)
        print(f"start-up + load, text file ({_size(text)}):{cold_text * 1000:9.0f} ms")
        print(f"start-up + load, saved page ({_size(page)}):{cold_page * 1000:8.0f} ms")
        print(f"  ratio page / text:{cold_page / cold_text:26.2f}")
        for label, path in (
            ("load, UTF-8 text", text),
            ("load, Latin-1 text (detection)", latin1),
            ("load, saved page (extraction)", page),
            ("load, one UTF-8 line", big_line),
            ("load, one Latin-1 line", big_latin1),
        ):
            seconds = median_seconds(lambda p=path: reader.load(str(p)))
            print(f"{f'{label} ({_size(path)}):':<44}{seconds * 1000:7.1f} ms")

    pages = sorted((DATA / "extract" / "html").glob("*.html.gz"))
    if pages:
        htmls = [gzip.decompress(p.read_bytes()) for p in pages]
        from reader.loading.sources import document_from_bytes

        def load_all() -> None:
            for i, data in enumerate(htmls):
                document_from_bytes(data, source=str(i), name=str(i))

        seconds = median_seconds(load_all, runs=3)
        label = f"load, benchmark dev pages ({len(htmls)}), per page:"
        print(f"{label:<44}{seconds / len(htmls) * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
