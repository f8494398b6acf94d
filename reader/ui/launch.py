"""Start the viewer from the command line."""

from __future__ import annotations

from pathlib import Path

from reader.analysis import analyze
from reader.sources import load


def sample_article_path() -> Path:
    """The bundled sample article (inside the installed package, or the source tree)."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "sample-article.txt", here.parent / "assets" / "sample-article.txt"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("the bundled sample article is missing")


def run_viewer(target: str | None, *, raw: bool = False, theme: str | None = None) -> int:
    """Load ``target`` (or the sample), open the viewer, and return the exit code."""
    from reader.ui.app import ReaderApp

    document = load(target or str(sample_article_path()))
    analysis = analyze(document.text, source=document.source, title=document.title)
    app = ReaderApp(analysis)
    app.run()
    return app.return_code or 0
