"""Fetch an article from an http(s) URL with httpx (imported only when a URL is opened).

Redirects are followed; the response is streamed and abandoned as soon as it passes the size
cap; a whole-request deadline backs up the timeout on silence, so a server that trickles bytes
cannot hold the reader forever. Web pages go to the HTML extractor, plain text is read as
text, and anything else (PDFs, images, audio, video, data) is refused with a message that says
what the address holds. Every failure is a :class:`~reader.errors.NetworkError` (exit code 3)
with one line that names the address and the reason.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from reader.errors import InputError, NetworkError
from reader.loading.document import document_from_bytes, media_type
from reader.model import Document
from reader.text.printable import error_line

if TYPE_CHECKING:
    import httpx

ProgressCallback = Callable[[int, int | None], None]
"""Called as bytes arrive: ``(bytes received so far, expected total or None)``."""

TIMEOUT_SECONDS = 10.0
"""How long the server may stay silent (connecting, or between bytes) before the reader gives
up. ``READER_TIMEOUT`` in the environment overrides it."""

DEADLINE_FACTOR = 3
"""The whole request (redirects and download included) may take this many timeouts."""

MAX_RESPONSE_BYTES = 20 * 1024 * 1024
"""Responses larger than this are abandoned: no news article is this big."""

MAX_REDIRECTS = 10

_READABLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_REFUSED_TYPES = {
    "application/pdf": "a PDF document",
    "image/": "an image",
    "audio/": "audio",
    "video/": "a video",
    "font/": "a font",
    "application/zip": "a ZIP archive",
    "application/gzip": "gzip data",
    "application/json": "JSON data",
    "application/javascript": "a script",
    "text/javascript": "a script",
    "text/css": "a style sheet",
    "application/msword": "a Word document",
    "application/vnd.": "an office document or other application data",
}
# Served as generic data or not labelled: the bytes decide.
_SNIFFED_TYPES = ("", "application/octet-stream", "binary/octet-stream")


def user_agent() -> str:
    """The User-Agent the reader sends: its name and version."""
    from reader import __version__

    return f"reader/{__version__} (terminal news reader)"


def fetch_document(
    url: str,
    *,
    progress: ProgressCallback | None = None,
    timeout: float | None = None,
    max_bytes: int = MAX_RESPONSE_BYTES,
) -> Document:
    """Download ``url`` and turn it into a Document.

    ``progress`` is told how many bytes have arrived (and how many are expected, when the
    server says) so a caller can show it. ``timeout`` is how long the server may stay silent
    (default :data:`TIMEOUT_SECONDS`, or ``READER_TIMEOUT``); the whole request may take
    :data:`DEADLINE_FACTOR` times as long. Raises :class:`NetworkError` for an unreachable
    host, an HTTP error status, a timeout, an oversized response or content that is not an
    article, and :class:`InputError` for an address that is not a valid URL.
    """
    _check_address(url)
    import httpx

    if timeout is None:
        timeout = timeout_from_environment()
    limit = timeout * DEADLINE_FACTOR
    deadline = time.monotonic() + limit
    headers = {
        "User-Agent": user_agent(),
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
    }
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=httpx.Timeout(timeout),
                headers=headers,
            ) as client,
            client.stream("GET", url) as response,
        ):
            _check_status(url, response)
            said_type = media_type(response.headers.get("content-type", ""))
            _check_media_type(url, said_type)
            data = _read_body(url, response, deadline, max_bytes, progress)
            final_url = str(response.url)
            charset = response.charset_encoding
    except _DeadlinePassed:
        raise NetworkError(f"cannot fetch {url}: the download took over {limit:g} s") from None
    except httpx.InvalidURL as error:
        raise InputError(f"{url} is not a valid web address ({error_line(error)})") from None
    except httpx.TimeoutException:
        raise NetworkError(f"cannot fetch {url}: no answer within {timeout:g} s") from None
    except httpx.TooManyRedirects:
        raise NetworkError(f"cannot fetch {url}: more than {MAX_REDIRECTS} redirects") from None
    except httpx.ConnectError as error:
        host = urlsplit(url).hostname or url
        raise NetworkError(f"cannot reach {host}: {error_line(error)}") from None
    except httpx.HTTPError as error:
        raise NetworkError(f"cannot fetch {url}: {error_line(error)}") from None

    content_type = None if said_type in _SNIFFED_TYPES else said_type
    return document_from_bytes(
        data, source=url, name=url, url=final_url, content_type=content_type, charset=charset
    )


class _DeadlinePassed(Exception):
    """The whole request took longer than its deadline."""


def timeout_from_environment() -> float:
    """``READER_TIMEOUT`` (seconds) when it is a positive number, else :data:`TIMEOUT_SECONDS`."""
    try:
        value = float(os.environ.get("READER_TIMEOUT", ""))
    except ValueError:
        return TIMEOUT_SECONDS
    return value if value > 0 else TIMEOUT_SECONDS


def _check_address(url: str) -> None:
    """Refuse, as bad input, an address with no host or an impossible port."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as error:
        raise InputError(f"{url} is not a valid web address ({error})") from None
    if not parts.hostname or any(ch.isspace() for ch in parts.netloc):
        raise InputError(f"{url} is not a valid web address (no host name)")


def _check_status(url: str, response: httpx.Response) -> None:
    if response.status_code >= 400:
        answer = f"{response.status_code} {response.reason_phrase or ''}".rstrip()
        raise NetworkError(f"cannot fetch {url}: the server answered {answer}")


def _check_media_type(url: str, media_type: str) -> None:
    """Refuse content that is not a web page or text, naming what it is."""
    if media_type in _READABLE_TYPES or media_type in _SNIFFED_TYPES:
        return
    for prefix, description in _REFUSED_TYPES.items():
        if media_type.startswith(prefix):
            raise NetworkError(f"{url} is {description} ({media_type}), not a web page or text")
    if media_type.startswith("text/") or media_type.endswith(("+xml", "/xml")):
        return  # text of some other kind (markdown, XML): the bytes decide
    raise NetworkError(f"{url} is {media_type}, not a web page or text")


def _read_body(
    url: str,
    response: httpx.Response,
    deadline: float,
    max_bytes: int,
    progress: ProgressCallback | None,
) -> bytes:
    """The (decompressed) body, abandoned past the size cap or the deadline.

    Progress counts bytes as they come over the wire, against the declared length.
    """
    too_large = f"cannot fetch {url}: the page is larger than {max_bytes / 2**20:g} MB"
    total = _declared_length(response)
    if total is not None and total > max_bytes:
        raise NetworkError(too_large)
    chunks: list[bytes] = []
    received = 0
    if progress is not None:
        progress(0, total)
    for chunk in response.iter_bytes():
        received += len(chunk)
        if received > max_bytes:
            raise NetworkError(too_large)
        if time.monotonic() > deadline:
            raise _DeadlinePassed
        chunks.append(chunk)
        if progress is not None:
            progress(response.num_bytes_downloaded, total)
    return b"".join(chunks)


def _declared_length(response: httpx.Response) -> int | None:
    try:
        return int(response.headers["content-length"])
    except (KeyError, ValueError):
        return None
