"""Load an article from a path, a URL or stdin into a :class:`~reader.model.Document`.

Files are only ever read. Gzip-compressed files are unpacked in memory; HTML is recognised by
its content (not its name) and handed to :mod:`reader.html` for extraction, which is imported
only when a page needs it.
"""

from __future__ import annotations

import gzip
import io
import re
import sys
import zlib
from pathlib import Path

from reader.encoding import decode_bytes
from reader.errors import InputError
from reader.model import Document

MAX_INPUT_BYTES = 64 * 1024 * 1024
"""Inputs larger than this (after decompression) are refused rather than read into memory."""

_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(
    r"<(?:p|div|br|a|span|article|section|h[1-6]|script|style|ul|li)\b[^>]*>", re.IGNORECASE
)


def is_url(target: str) -> bool:
    """True when ``target`` is an http or https address."""
    return target.lower().startswith(("http://", "https://"))


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML page or fragment rather than plain prose."""
    head = text[:4096].encode("utf-8", "replace")
    if _HTML_START.match(head):
        return True
    sample = text[:65536]
    tags = len(_HTML_TAGS.findall(sample))
    return tags >= 5 and tags * 40 > len(sample.split("\n"))


def load(target: str) -> Document:
    """Read ``target`` (a path, an http(s) URL, or ``-`` for stdin) into a Document."""
    if target == "-":
        return document_from_bytes(_read_stdin(), source="-", name="standard input")
    if is_url(target):
        from reader.fetch import fetch_document

        return fetch_document(target)
    return document_from_bytes(_read_file(target), source=target, name=target)


def document_from_bytes(
    data: bytes,
    *,
    source: str,
    name: str,
    url: str | None = None,
    content_type: str | None = None,
) -> Document:
    """Decode (and, for HTML, extract) raw bytes into a Document."""
    data = _maybe_gunzip(data, name)
    text, encoding = decode_bytes(data, name)
    is_html = content_type is not None and "html" in content_type.lower()
    if is_html or looks_like_html(text):
        from reader.html import extract_document

        document = extract_document(text, source=source, url=url, encoding=encoding)
    else:
        document = Document(text=text, source=source, url=url, encoding=encoding)
    if not document.text.strip():
        raise InputError(f"{name} is an empty article: there is no text to read")
    return document


def _read_stdin() -> bytes:
    stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None:
        raise InputError("standard input is not available")
    data = stream.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"standard input is larger than {MAX_INPUT_BYTES // 2**20} MB")
    return data


def _read_file(target: str) -> bytes:
    path = Path(target)
    try:
        if path.is_dir():
            raise InputError(f"{target} is a directory, not an article")
        if not path.exists():
            raise InputError(f"{target}: no such file")
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
