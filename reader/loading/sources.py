"""Load an article from a path, a URL or stdin into a :class:`~reader.model.Document`.

Files are only ever read. Gzip-compressed files are unpacked in memory. HTML is recognised by
its content, not its name (a saved page called ``article`` or ``story.txt`` is still a page),
and handed to :mod:`reader.loading.html` for extraction; plain text is kept exactly as
decoded. Every failure is an :class:`~reader.errors.InputError` (or, for URLs, a
:class:`~reader.errors.NetworkError`) whose message names the input and what is wrong with it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

from reader.errors import InputError
from reader.loading.document import MAX_INPUT_BYTES as MAX_INPUT_BYTES
from reader.loading.document import document_from_bytes as document_from_bytes
from reader.loading.document import looks_like_html as looks_like_html
from reader.model import Document

if TYPE_CHECKING:
    from reader.loading.fetch import ProgressCallback

STDIN = "-"
"""The target that means standard input."""


def is_url(target: str) -> bool:
    """True when ``target`` is an http or https address."""
    return target.lower().startswith(("http://", "https://"))


def load(target: str, *, progress: ProgressCallback | None = None) -> Document:
    """Read ``target`` (a path, an http(s) URL, or ``-`` for stdin) into a Document.

    ``progress`` is told how many bytes of a web page have arrived (see
    :func:`~reader.loading.fetch.fetch_document`). Raises :class:`~reader.errors.InputError`
    for input that cannot be read as an article and :class:`~reader.errors.NetworkError` when
    a URL cannot be fetched.
    """
    if target == STDIN:
        return document_from_bytes(read_stdin(), source=STDIN, name="standard input")
    if is_url(target):
        from reader.loading.fetch import fetch_document

        return fetch_document(target, progress=progress)
    path = _file_path(target)
    return document_from_bytes(read_file(path), source=path, name=path)


_TAG = re.compile(rb"<[A-Za-z!?/]")
"""Anything that may start a tag: a file holding one may be a web page."""


def load_if_quick(target: str) -> Document | None:
    """``target`` loaded now when that takes milliseconds (a local plain-text file), else None.

    Standard input, URLs and files that may need unpacking or HTML extraction are left for
    :func:`load` (the viewer loads them in the background). A path that cannot be an article
    (missing, a directory, unreadable) raises :class:`~reader.errors.InputError` at once.
    """
    if target == STDIN or is_url(target):
        return None
    path = _file_path(target)
    data = read_file(path)
    head = data[:4096]
    if head.startswith(b"\x1f\x8b") or (b"\x00" not in head and _TAG.search(head)):
        return None
    return document_from_bytes(data, source=path, name=path)


def _file_path(target: str) -> str:
    """The path a local target names (a ``file://`` address is unquoted)."""
    if target.lower().startswith("file://"):
        return unquote(urlparse(target).path)
    return target


def read_stdin() -> bytes:
    """All of standard input, as bytes (refused when it is a terminal or too large)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("standard input is not available")
    if _is_terminal(stream):
        raise InputError("nothing is piped into standard input (try: curl -s URL | reader -)")
    try:
        data: bytes = stream.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise InputError(f"cannot read standard input: {error.strerror or error}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"standard input is larger than {MAX_INPUT_BYTES // 2**20} MB")
    return data


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def read_file(target: str) -> bytes:
    """The bytes of the file at ``target``, with a clear error for anything that is not one."""
    path = Path(target)
    try:
        if path.is_dir():
            raise InputError(f"{target} is a directory, not an article")
        if not path.exists():
            hint = " (for a web page, give the whole address: https://...)"
            raise InputError(
                f"{target}: no such file{hint if target.lower().startswith('www.') else ''}"
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except PermissionError:
        raise InputError(f"{target}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{target} is a directory, not an article") from None
    except OSError as error:
        raise InputError(f"{target}: {error.strerror or error}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{target} is larger than {MAX_INPUT_BYTES // 2**20} MB")
    return data
