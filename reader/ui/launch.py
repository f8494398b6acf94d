"""Start the viewer from the command line: settings, standard input, and exit codes."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from reader.errors import InputError
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
    from reader.loading.sources import load

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

    Start-up allocates many long-lived objects and little garbage, so the garbage collector
    only slows the first frame down: it is off from here until that frame is drawn, and what
    start-up made is frozen out of its sight before the app runs (this is the one place that
    switches it).
    """
    gc.disable()
    try:
        return _run_viewer(target, raw=raw, theme=theme)
    finally:
        gc.enable()


def _run_viewer(target: str | None, *, raw: bool, theme: str | None) -> int:
    from reader.config import install_user_analyzer
    from reader.loading.sources import STDIN, load_if_quick
    from reader.ui.keys import KEY_SPECS
    from reader.ui.settings import load_settings

    if target == STDIN and sys.stdin.isatty():
        raise InputError(
            "'-' reads the article from standard input: pipe one in, e.g. "
            "cat article.txt | reader -"
        )
    # A path that cannot be an article is refused before the screen is taken over, and a
    # plain-text file is read now (milliseconds); web pages and URLs load in the viewer.
    document = load_if_quick(target) if target else None
    settings = load_settings({spec.id for spec in KEY_SPECS})
    # The user's cues are read here, at the edge, like the settings: a broken lexicon.toml is
    # one line before the screen is taken over, and the analysis itself reads no file.
    install_user_analyzer()
    if not sys.stdout.isatty():
        raise InputError(
            "the viewer needs a terminal; for a report without one use: reader analyze TARGET"
        )
    if target == STDIN:
        document = read_stdin_then_use_terminal()
    from reader.ui.app import ReaderApp

    app = ReaderApp(
        target or str(sample_article_path()),
        document=document,
        raw=raw,
        theme=theme or settings.theme,
        keymap=settings.keymap,
        after_first_frame=gc.enable,
    )
    # Everything made so far lives as long as the program: the collector need never look at it.
    gc.freeze()
    app.run()
    if app.load_error is not None:
        raise app.load_error
    return app.return_code or 0
