"""Bytes to a Document: unpack gzip, tell a web page from plain text, decode, extract.

Every way in (a file, standard input, a URL) ends here, so a page is recognised, decoded and
extracted the same way whatever brought it. Sniffing goes by content, not by name: a saved page
called ``story.txt`` is still a page. What a web server said about the bytes (media type,
charset) is taken into account when it is given.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib

from reader.errors import InputError
from reader.loading.encoding import decode_bytes
from reader.model import Document

MAX_INPUT_BYTES = 64 * 1024 * 1024
"""Inputs larger than this (after decompression) are refused rather than read into memory."""

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


def media_type(content_type: str | None) -> str:
    """The media type of a ``Content-Type`` value, lower case and without its parameters."""
    return (content_type or "").split(";", 1)[0].strip().lower()


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
    said_type = media_type(content_type)
    said_html = said_type in ("text/html", "application/xhtml+xml")
    said_text = said_type == "text/plain"
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
