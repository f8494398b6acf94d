"""Corpus mode: analyse many articles, on every core, into one JSON line each.

:func:`analyze_corpus` turns a list of paths into :class:`ArticleResult` objects in input order,
whichever worker finishes first. Work goes to a pool of processes in chunks (one message per
chunk, not per article, so thousands of small articles do not drown in inter-process traffic),
and only a bounded window of chunks is in flight, so memory stays flat however long the list.

Each result carries its JSON line ready to print: the same object as ``reader analyze --format
json``, compact, or ``{"schema": 2, "source": ..., "error": ...}`` for an article that could not
be read. :func:`analyze_path` (a file) and :func:`analyze_record` (a mapping with ``text``) are
the units of work; a cluster framework (Dask, Spark) can map them over an archive too big for
one machine.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from reader.errors import ReaderError
from reader.model import SCHEMA_VERSION, Analysis
from reader.text.printable import json_escaped

_MAX_CHUNK = 16
_CHUNKS_PER_WORKER = 8
_WINDOW_PER_WORKER = 4


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What corpus mode reports for one input: its JSON line, counts, or an error."""

    source: str
    line: str
    """One line of JSON without the newline: the analysis, or the error record."""
    words: int = 0
    """Words in the analysed text (whitespace-separated), 0 on error."""
    sentences: int = 0
    flagged: int = 0
    """Sentences carrying at least one flag."""
    error: str | None = None
    """One human line saying why the article could not be analysed, or None."""

    @property
    def ok(self) -> bool:
        """True when the article was analysed."""
        return self.error is None


def default_jobs() -> int:
    """The number of CPUs this process may run on (what ``--jobs`` defaults to)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def expand_targets(targets: Iterable[str]) -> list[str]:
    """Paths to analyse: files as given, directories replaced by every regular file inside.

    Directories are walked recursively in a stable order (entries sorted by name at every
    level); symbolic links to directories are not followed, so a link loop cannot trap the
    walk. Anything else (a missing path, a URL, ``-``) is passed through and fails, or not,
    when it is loaded.
    """
    expanded: list[str] = []
    for target in targets:
        if os.path.isdir(target):
            expanded.extend(_walk(target))
        else:
            expanded.append(target)
    return expanded


def _walk(directory: str) -> Iterator[str]:
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(entry.path)
            elif entry.is_file():
                yield entry.path
        except OSError:
            continue


def analysis_line(analysis: Analysis) -> str:
    """The analysis as one compact line of JSON (no newline), as printed by corpus mode."""
    return json_escaped(json.dumps(analysis.to_dict(), ensure_ascii=False, separators=(",", ":")))


def error_line(source: str, error: str) -> str:
    """The JSON line printed in place of an article that could not be analysed."""
    record = {"schema": SCHEMA_VERSION, "source": source, "error": error}
    return json_escaped(json.dumps(record, ensure_ascii=False, separators=(",", ":")))


def analyze_path(target: str) -> ArticleResult:
    """Load and analyse one article; any failure becomes an error result, never an exception."""
    from reader.loading.sources import load
    from reader.pipeline import analyze_document

    try:
        analysis = analyze_document(load(target))
        line = analysis_line(analysis)
    except ReaderError as error:
        return _failure(target, str(error))
    except (MemoryError, RecursionError) as error:
        return _failure(target, f"{target}: too large to analyse ({type(error).__name__})")
    except Exception as error:  # one bad article must not stop the batch
        return _failure(target, f"{target}: internal error: {type(error).__name__}: {error}")
    return _success(target, analysis, line)


def _success(source: str, analysis: Analysis, line: str) -> ArticleResult:
    return ArticleResult(
        source=source,
        line=line,
        words=len(analysis.text.split()),
        sentences=len(analysis.sentences),
        flagged=sum(1 for sentence in analysis.sentences if sentence.flags),
    )


def analyze_record(record: Mapping[str, Any]) -> ArticleResult:
    """Analyse an article given as a mapping (a line of a JSONL archive, a dataframe row).

    ``text`` is required; ``source`` (or ``id``) names it and ``title`` is used when present.
    Like :func:`analyze_path`, failures come back as error results, never as exceptions.
    """
    from reader.pipeline import analyze

    source = str(record.get("source") or record.get("id") or "")
    try:
        text = record["text"]
        if not isinstance(text, str) or not text.strip():
            return _failure(source, f"{source or 'record'}: no article text")
        title = record.get("title")
        analysis = analyze(text, source=source or None, title=title if title else None)
        line = analysis_line(analysis)
    except KeyError:
        return _failure(source, f"{source or 'record'}: no 'text' field")
    except Exception as error:  # one bad record must not stop the batch
        return _failure(source, f"{source}: internal error: {type(error).__name__}: {error}")
    return _success(source, analysis, line)


def _failure(target: str, message: str) -> ArticleResult:
    message = " ".join(message.split())  # one line, whatever the error said
    return ArticleResult(source=target, line=error_line(target, message), error=message)


def chunk_size_for(count: int, jobs: int) -> int:
    """How many articles go to a worker in one message.

    Large enough that the cost of a message is small beside the work it carries, small enough
    that every worker gets several chunks (so one slow chunk does not leave the others idle at
    the end) and that results come back steadily for the progress bar.
    """
    return max(1, min(_MAX_CHUNK, count // (jobs * _CHUNKS_PER_WORKER)))


def analyze_corpus(
    targets: Sequence[str],
    *,
    jobs: int | None = None,
    chunk_size: int | None = None,
    analyze_one: Callable[[str], ArticleResult] = analyze_path,
) -> Iterator[ArticleResult]:
    """Analyse every target and yield one result per target, in the order given.

    ``jobs`` is the number of worker processes (default: every CPU); with 1 the work runs in
    this process. ``analyze_one`` must be a module-level function (it is sent to the workers).
    """
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    if jobs == 1 or len(targets) <= 1:
        for target in targets:
            yield analyze_one(target)
        return
    size = chunk_size or chunk_size_for(len(targets), jobs)
    chunks = [list(targets[i : i + size]) for i in range(0, len(targets), size)]
    workers = min(jobs, len(chunks))
    stop = multiprocessing.get_context().Event()
    executor = ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(stop, _parent_analyzer())
    )
    pending: deque[Future[list[ArticleResult]]] = deque()
    try:
        next_chunk = 0
        while next_chunk < len(chunks) or pending:
            while next_chunk < len(chunks) and len(pending) < workers * _WINDOW_PER_WORKER:
                pending.append(executor.submit(_analyze_chunk, chunks[next_chunk], analyze_one))
                next_chunk += 1
            yield from pending.popleft().result()
    finally:
        # Reached early on Ctrl-C, a closed pipe or a dead worker: workers finish the article
        # they are on, queued chunks are dropped.
        stop.set()
        executor.shutdown(wait=True, cancel_futures=True)


_stop_event: Any = None


def _parent_analyzer() -> Any:
    """The analyzer in force here, without its compiled lexicon (workers compile their own)."""
    from reader.pipeline import Analyzer, default_analyzer

    return Analyzer(user_cues=default_analyzer().user_cues)


def _init_worker(stop: Any, analyzer: Any) -> None:
    """Worker set-up: Ctrl-C is the parent's to handle; remember the stop signal; analyse with
    the parent's analyzer (its user cues)."""
    global _stop_event
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _stop_event = stop
    from reader.pipeline import use_analyzer

    use_analyzer(analyzer)


def _analyze_chunk(
    targets: Sequence[str], analyze_one: Callable[[str], ArticleResult]
) -> list[ArticleResult]:
    results: list[ArticleResult] = []
    for target in targets:
        if _stop_event is not None and _stop_event.is_set():
            break
        results.append(analyze_one(target))
    return results
