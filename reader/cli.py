"""The ``reader`` command: open the viewer, or ``reader analyze`` for reports.

Exit codes: 0 success, 1 an unexpected internal error, 2 bad input or usage, 3 a network error,
130 interrupted. Failures print one line on stderr, never a traceback (set ``READER_DEBUG=1``
to see one).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from reader import __version__
from reader.errors import ReaderError

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _viewer_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader",
        description=(
            "Read a news article in the terminal: cleaned of scraper damage, with the people, "
            "organisations and places it names, and every hedged or vaguely sourced claim "
            "marked. With no TARGET, opens a bundled sample article. "
            "Use 'reader analyze --help' for machine-readable reports."
        ),
        epilog=(
            "Keys: ] and [ step through claims, r switches clean/raw, / searches, tab moves "
            "to the sidebar, ? lists every key, q quits. Theme and keys can be set in "
            "config.toml in the config directory (see the README)."
        ),
    )
    parser.add_argument(
        "target",
        nargs="?",
        help="a text file, a saved web page, an http(s) URL, or - for standard input",
    )
    parser.add_argument("--raw", action="store_true", help="start in the raw view")
    parser.add_argument("--theme", help="a Textual theme name, e.g. textual-light")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def _analyze_parser() -> argparse.ArgumentParser:
    from reader.export import FORMATS

    parser = _Parser(
        prog="reader analyze",
        description="Analyse an article and print the result without opening the viewer.",
    )
    parser.add_argument(
        "target", help="a text file, a saved web page, an http(s) URL, or - for standard input"
    )
    parser.add_argument(
        "--format",
        "-f",
        default="json",
        choices=FORMATS,
        help="json (the whole analysis, see the README for the schema), markdown (a report), "
        "or text (the clean article); default: json",
    )
    return parser


def _run_analyze(argv: Sequence[str]) -> int:
    args = _analyze_parser().parse_args(argv)
    from reader.analysis import analyze
    from reader.export import render
    from reader.sources import load

    document = load(args.target)
    analysis = analyze(
        document.text,
        source=document.source,
        title=document.title,
        metadata=_metadata(document),
    )
    sys.stdout.write(render(analysis, args.format))
    sys.stdout.flush()
    return EXIT_OK


def _metadata(document: object) -> dict[str, str]:
    keys = ("site", "author", "date", "url")
    return {key: value for key in keys if (value := getattr(document, key, None))}


def _run_viewer(argv: Sequence[str]) -> int:
    args = _viewer_parser().parse_args(argv)
    # Start-up allocates many long-lived objects and little garbage: the collector only slows
    # the first frame down. The viewer turns it back on once that frame is drawn.
    import gc

    gc.disable()
    from reader.ui.launch import run_viewer

    return run_viewer(args.target, raw=args.raw, theme=args.theme)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``reader`` command; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "analyze":
            return _run_analyze(argv[1:])
        return _run_viewer(argv)
    except ReaderError as error:
        print(f"reader: {_one_printable_line(str(error))}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (`reader analyze x | head`): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:  # the last line of defence against tracebacks
        if os.environ.get("READER_DEBUG"):
            raise
        message = _one_printable_line(f"{type(error).__name__}: {error}")
        print(f"reader: internal error: {message}", file=sys.stderr)
        return EXIT_INTERNAL


def _one_printable_line(message: str) -> str:
    """The message on one line, with control characters (from a file name, say) made visible."""
    return "".join(
        ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in " ".join(message.split())
    )
