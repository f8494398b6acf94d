"""The ``reader`` command: open the viewer, ``reader analyze`` for reports, ``reader review``
and ``reader history`` for the checking desk's store.

Exit codes: 0 success, 1 an unexpected internal error, 2 bad input or usage, 3 a network error,
4 corpus mode finished with failures, 5 the review store cannot be used (read-only, locked by
another program, written by a newer reader), 130 interrupted. Failures print one line on
stderr, never a traceback (set ``READER_DEBUG=1`` to see one).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader import __version__
from reader.errors import ReaderError
from reader.text.printable import error_line

if TYPE_CHECKING:
    from reader.review.store import ReviewStore

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
            "Use 'reader analyze --help' for machine-readable reports, 'reader review --help' "
            "and 'reader history --help' for verdicts and the articles opened."
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
    from reader.report.markdown import FORMATS

    parser = _Parser(
        prog="reader analyze",
        description=(
            "Analyse an article and print the result without opening the viewer. With "
            "--format jsonl, analyse many articles (files and directories, recursively) on "
            "every core and print one JSON line per article, in input order."
        ),
    )
    parser.add_argument(
        "targets",
        nargs="+",
        metavar="TARGET",
        help="a text file, a saved web page, an http(s) URL, or - for standard input; "
        "with --format jsonl, any number of files and directories",
    )
    parser.add_argument(
        "--format",
        "-f",
        default="json",
        choices=(*FORMATS, _JSONL),
        help="json (the whole analysis, see the README for the schema), markdown (a report), "
        "text (the clean article), or jsonl (corpus mode: one compact JSON line per article); "
        "default: json",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=_positive_int,
        default=None,
        metavar="N",
        help="corpus mode: worker processes (default: one per CPU; 1 works in this process)",
    )
    parser.add_argument(
        "--no-progress",
        dest="progress",
        action="store_false",
        help="corpus mode: no progress bar (it is only drawn when stderr is a terminal)",
    )
    return parser


_JSONL = "jsonl"
EXIT_SOME_FAILED = 4
"""Corpus mode: the batch ran to the end, but at least one article could not be analysed."""


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _run_analyze(argv: Sequence[str]) -> int:
    parser = _analyze_parser()
    args = parser.parse_args(argv)
    if args.format == _JSONL:
        return _run_corpus(args.targets, jobs=args.jobs, progress=args.progress)
    if len(args.targets) > 1:
        parser.error(f"{len(args.targets)} inputs given: use --format jsonl for several")
    from reader.config import install_user_analyzer
    from reader.errors import InputError
    from reader.loading.sources import load
    from reader.pipeline import analyze_document
    from reader.report.markdown import render

    target = args.targets[0]
    if os.path.isdir(target):
        raise InputError(
            f"{target} is a directory, not an article (--format jsonl analyses every file in it)"
        )
    install_user_analyzer()
    analysis = analyze_document(load(target))
    sys.stdout.write(render(analysis, args.format))
    sys.stdout.flush()
    return EXIT_OK


def _run_corpus(targets: Sequence[str], *, jobs: int | None, progress: bool) -> int:
    """Corpus mode: one JSON line per article on stdout, errors and a summary on stderr."""
    import time

    from reader.batch.corpus import analyze_corpus, default_jobs, expand_targets
    from reader.batch.progress import ProgressBar
    from reader.config import install_user_analyzer
    from reader.errors import InputError

    started = time.monotonic()
    install_user_analyzer()
    paths = expand_targets(targets)
    if not paths:
        raise InputError(f"no articles found in {', '.join(targets)}")
    jobs = jobs or default_jobs()
    bar = ProgressBar(len(paths), sys.stderr) if progress and sys.stderr.isatty() else None
    out = sys.stdout.buffer
    articles = words = flagged = failures = 0
    try:
        for result in analyze_corpus(paths, jobs=jobs):
            out.write(result.line.encode("utf-8") + b"\n")
            articles += 1
            words += result.words
            flagged += result.flagged
            if result.error is not None:
                failures += 1
                message = f"reader: {error_line(result.error)}"
                if bar:
                    bar.note(message)
                else:
                    print(message, file=sys.stderr, flush=True)
            if bar:
                bar.advance()
        out.flush()
    finally:
        if bar:
            bar.close()
    seconds = time.monotonic() - started
    print(
        f"reader: {articles} articles, {words:,} words, {flagged:,} flagged sentences, "
        f"{failures} failed ({seconds:.1f} s, {_plural(min(jobs, len(paths)), 'job')})",
        file=sys.stderr,
    )
    return EXIT_SOME_FAILED if failures else EXIT_OK


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _review_parser() -> argparse.ArgumentParser:
    from reader.review.verdicts import Verdict

    parser = _Parser(
        prog="reader review",
        description=(
            "Show the stored review of an article: each flagged claim, numbered from 1 as in "
            "the viewer, with its kinds, source, verdict and note. With --claim N and "
            "--verdict or --note, set them (for scripts)."
        ),
    )
    parser.add_argument(
        "target", metavar="TARGET", help="a text file, a saved web page, a URL, or - for stdin"
    )
    parser.add_argument(
        "--format",
        "-f",
        default="text",
        choices=("text", "json", "markdown"),
        help="text (a listing), json (see the README for the shape) or markdown (a report "
        "with verdicts, notes and sources); default: text",
    )
    parser.add_argument(
        "--claim", type=_positive_int, metavar="N", help="the claim to set, numbered from 1"
    )
    parser.add_argument(
        "--verdict",
        type=str.lower,
        choices=[str(verdict) for verdict in Verdict],
        help="the claim's verdict",
    )
    parser.add_argument(
        "--note", metavar="TEXT", help="the claim's note (an empty TEXT removes it)"
    )
    return parser


def _history_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader history",
        description=(
            "The articles opened, newest first, with where they came from and how many of "
            "their claims are checked."
        ),
    )
    parser.add_argument(
        "--format",
        "-f",
        default="text",
        choices=("text", "json"),
        help="text (one line per article) or json (a list); default: text",
    )
    return parser


def _open_store() -> ReviewStore:
    """The review store, or :class:`~reader.review.errors.StoreError` when it cannot be used;
    a warning (a damaged store moved aside) is one line on stderr."""
    from reader.review.errors import StoreError
    from reader.review.store import open_review_store

    opening = open_review_store()
    if opening.store is None:
        raise StoreError(opening.warning or f"the review store {opening.path} cannot be used")
    if opening.warning:
        print(f"reader: warning: {error_line(opening.warning)}", file=sys.stderr)
    return opening.store


def _run_review(argv: Sequence[str]) -> int:
    import json

    from reader.config import install_user_analyzer
    from reader.errors import InputError
    from reader.loading.sources import load
    from reader.pipeline import analyze_document
    from reader.report.markdown import to_markdown
    from reader.report.review import review_text, review_to_dict
    from reader.review.verdicts import Verdict

    parser = _review_parser()
    args = parser.parse_args(argv)
    setting = args.verdict is not None or args.note is not None
    if setting and args.claim is None:
        parser.error("--verdict and --note need --claim N (the claim's number, from 1)")
    if args.claim is not None and not setting:
        parser.error("--claim needs --verdict or --note")
    if os.path.isdir(args.target):
        raise InputError(f"{args.target} is a directory, not an article")
    install_user_analyzer()
    analysis = analyze_document(load(args.target))
    store = _open_store()
    with store:
        review = store.open_article(analysis)
        if args.claim is not None:
            total = len(review.claims)
            if args.claim > total:
                has = {0: "no flagged claims", 1: "1 claim"}.get(
                    total, f"{total} claims (1-{total})"
                )
                raise InputError(f"claim {args.claim} does not exist: the article has {has}")
            claim = review.claims[args.claim - 1]
            if args.verdict is not None:
                claim = store.set_verdict(review.article.id, claim, Verdict(args.verdict))
            if args.note is not None:
                claim = store.set_note(review.article.id, claim, args.note)
            review = review.replaced(claim)
    if args.format == "json":
        sys.stdout.write(json.dumps(review_to_dict(analysis, review), ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
    elif args.format == "markdown":
        sys.stdout.write(to_markdown(analysis, review))
    else:
        sys.stdout.write(review_text(analysis, review, only=args.claim))
    sys.stdout.flush()
    return EXIT_OK


def _run_history(argv: Sequence[str]) -> int:
    import json

    from reader.report.review import history_text

    args = _history_parser().parse_args(argv)
    with _open_store() as store:
        entries = store.history()
    if args.format == "json":
        data = [entry.to_dict() for entry in entries]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(history_text(entries))
    sys.stdout.flush()
    return EXIT_OK


def _run_viewer(argv: Sequence[str]) -> int:
    args = _viewer_parser().parse_args(argv)
    from reader.ui.launch import run_viewer

    return run_viewer(args.target, raw=args.raw, theme=args.theme)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``reader`` command; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "analyze":
            return _run_analyze(argv[1:])
        if argv and argv[0] == "review":
            return _run_review(argv[1:])
        if argv and argv[0] == "history":
            return _run_history(argv[1:])
        return _run_viewer(argv)
    except ReaderError as error:
        print(f"reader: {error_line(str(error))}", file=sys.stderr)
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
        message = error_line(f"{type(error).__name__}: {error}")
        print(f"reader: internal error: {message}", file=sys.stderr)
        return EXIT_INTERNAL
