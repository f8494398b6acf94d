"""Start the viewer from the command line: settings, standard input, and exit codes."""

from __future__ import annotations

import gc
import os
import re
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


def check_local_path(target: str) -> None:
    """Fail at once, before the screen is taken over, on a path that cannot be an article.

    Reading and decoding happen later in the viewer's worker; this only catches what needs no
    reading: a missing path, a directory, a file we may not read.
    """
    path = Path(target)
    if path.is_dir():
        raise InputError(f"{target} is a directory, not an article")
    if not path.exists():
        raise InputError(f"{target}: no such file")
    if not os.access(path, os.R_OK):
        raise InputError(f"{target}: permission denied")


def might_be_a_web_page(path: Path) -> bool:
    """True when the file may need HTML extraction (or unpacking first): a tag near its start."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    if head.startswith(b"\x1f\x8b"):
        return True
    return b"\x00" not in head and re.search(rb"<[A-Za-z!?/]", head) is not None


def run_viewer(target: str | None, *, raw: bool = False, theme: str | None = None) -> int:
    """Open the viewer on ``target`` (or the sample) and return the exit code.

    A failure to load raises the :class:`~reader.errors.ReaderError` behind it, after the
    terminal has been restored, so the command prints one line and exits with its code.
    """
    from reader.loading.sources import is_url
    from reader.ui.keys import KEY_SPECS
    from reader.ui.settings import load_settings

    if target == "-" and sys.stdin.isatty():
        raise InputError(
            "'-' reads the article from standard input: pipe one in, e.g. "
            "cat article.txt | reader -"
        )
    document: Document | None = None
    if target and target != "-" and not is_url(target):
        check_local_path(target)
        if not might_be_a_web_page(Path(target)):
            # Reading and decoding take milliseconds; a bad file is refused before the screen
            # is taken over. Web pages need the extractor and load in the viewer's worker.
            from reader.loading.sources import load

            document = load(target)
    settings = load_settings({spec.id for spec in KEY_SPECS})
    if not sys.stdout.isatty():
        raise InputError(
            "the viewer needs a terminal; for a report without one use: reader analyze TARGET"
        )
    if target == "-":
        document = read_stdin_then_use_terminal()
    from reader.ui.app import ReaderApp

    app = ReaderApp(
        target or str(sample_article_path()),
        document=document,
        raw=raw,
        theme=theme or settings.theme,
        keymap=settings.keymap,
    )
    # Everything made so far lives as long as the program: the collector need never look at it.
    gc.freeze()
    app.run()
    if app.load_error is not None:
        raise app.load_error
    return app.return_code or 0
