"""Start the viewer from the command line: settings, standard input, and exit codes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from reader.errors import InputError, ReaderError
from reader.model import Document


def sample_article_path() -> Path:
    """The bundled sample article (inside the installed package, or the source tree)."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "sample-article.txt", here.parent / "assets" / "sample-article.txt"):
        if candidate.is_file():
            return candidate
    raise InputError("the bundled sample article is missing")


def read_stdin_then_use_terminal() -> Document:
    """Read the article from standard input, then make the terminal the keyboard again.

    After a pipe (``cat article.txt | reader -``) standard input is at its end; the viewer
    needs keys, so file descriptor 0 is pointed at the controlling terminal.
    """
    from reader.sources import load

    document = load("-")
    if not sys.stdin.isatty():
        try:
            terminal = os.open("/dev/tty", os.O_RDONLY)
        except OSError:
            raise InputError("no terminal to read keys from after reading standard input") from None
        os.dup2(terminal, 0)
        os.close(terminal)
    return document


def run_viewer(target: str | None, *, raw: bool = False, theme: str | None = None) -> int:
    """Open the viewer on ``target`` (or the sample) and return the exit code.

    A failure to load raises the :class:`~reader.errors.ReaderError` behind it, after the
    terminal has been restored, so the command prints one line and exits with its code.
    """
    from reader.ui.keys import KEY_SPECS
    from reader.ui.settings import load_settings

    settings = load_settings({spec.id for spec in KEY_SPECS})
    document = read_stdin_then_use_terminal() if target == "-" else None
    from reader.ui.app import ReaderApp

    app = ReaderApp(
        target or str(sample_article_path()),
        document=document,
        raw=raw,
        theme=theme or settings.theme,
        keymap=settings.keymap,
    )
    app.run()
    if app.load_error is not None:
        if isinstance(app.load_error, ReaderError | KeyboardInterrupt):
            raise app.load_error
        raise app.load_error
    return app.return_code or 0
