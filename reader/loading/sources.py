"""Load an article from a path, a URL or stdin into a :class:`~reader.model.Document`.

Files are only ever read. Gzip-compressed files are unpacked in memory. HTML is recognised by
its content, not its name (a saved page called ``article`` or ``story.txt`` is still a page),
and handed to :mod:`reader.loading.html` for extraction; plain text is kept exactly as
decoded. Every failure is an :class:`~reader.errors.InputError` (or, for URLs, a
:class:`~reader.errors.NetworkError`) whose message names the input and what is wrong with it.
"""

from __future__ import annotations

import gzip
import io
import re
import sys
import zlib
from pathlib import Path
from urllib.parse import unquote, urlparse

from reader.errors import InputError
from reader.loading.encoding import decode_bytes
from reader.model import Document

MAX_INPUT_BYTES = 64 * 1024 * 1024
"""Inputs larger than this (after decompression) are refused rather than read into memory."""

STDIN = "-"
"""The target that means standard input."""

_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|meta|title|link|base)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(
    r"<(?:p|div|br|a|span|article|section|h[1-6]|script|style|ul|li|table|td|img)\b[^>]*>",
    re.IGNORECASE,
)
_META_CHARSET = re.compile(
    rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE
)
_MIN_TAGS = 5
_CHARS_PER_TAG = 40


def is_url(target: str) -> bool:
    """True when ``target`` is an http or https address."""
    return target.lower().startswith(("http://", "https://"))


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML page or fragment rather than plain prose."""
    head = text[:4096].lstrip("\ufeff").encode("utf-8", "replace")
    if _HTML_START.match(head):
        return True
    sample = text[:65536]
    tags = len(_HTML_TAGS.findall(sample))
    return tags >= _MIN_TAGS and tags * _CHARS_PER_TAG > len(sample.split("\n"))


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page names in a ``<meta>`` tag near its start, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def load(target: str) -> Document:
    """Read ``target`` (a path, an http(s) URL, or ``-`` for stdin) into a Document.

    Raises :class:`~reader.errors.InputError` for input that cannot be read as an article and
    :class:`~reader.errors.NetworkError` when a URL cannot be fetched.
    """
    if target == STDIN:
        return document_from_bytes(read_stdin(), source=STDIN, name="standard input")
    if is_url(target):
        from reader.loading.fetch import fetch_document

        return fetch_document(target)
    if target.lower().startswith("file://"):
        target = unquote(urlparse(target).path)
    return document_from_bytes(read_file(target), source=target, name=target)


def document_from_bytes(
    data: bytes,
    *,
    source: str,
    name: str,
    url: str | None = None,
    content_type: str | None = None,
    charset: str | None = None,
) -> Document:
    """Decode (and, for HTML, extract) raw bytes into a Document.

    ``content_type`` and ``charset`` are what a web server said about the bytes: a
    ``text/html`` type means a page, ``text/plain`` means text even if it holds tags, and the
    charset is used when the bytes are not UTF-8. Without them the content decides.
    """
    data = _maybe_gunzip(data, name)
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    said_html = media_type in ("text/html", "application/xhtml+xml")
    said_text = media_type == "text/plain"
    declared = charset
    if declared is None and not said_text and (said_html or _HTML_START.match(data[:4096])):
        declared = declared_charset(data)
    text, encoding = decode_bytes(data, name, declared)
    if not said_text and (said_html or looks_like_html(text)):
        from reader.loading.html import extract_document

        document = extract_document(text, source=source, url=url, encoding=encoding)
    else:
        document = Document(text=text, source=source, url=url, encoding=encoding)
    if not document.text.strip():
        raise InputError(f"{name} is an empty article: there is no text to read")
    return document


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


def _maybe_gunzip(data: bytes, name: str) -> bytes:
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out = handle.read(MAX_INPUT_BYTES + 1)
    except (OSError, EOFError, zlib.error):
        raise InputError(f"{name} is damaged gzip data") from None
    if len(out) > MAX_INPUT_BYTES:
        raise InputError(f"{name} unpacks to more than {MAX_INPUT_BYTES // 2**20} MB")
    return out
