"""Reading articles from URLs, against a small web server on 127.0.0.1 run in a thread."""

from __future__ import annotations

import gzip
import http.server
import itertools
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import reader
from reader.errors import InputError, NetworkError
from reader.loading.fetch import (
    TIMEOUT_SECONDS,
    fetch_document,
    timeout_from_environment,
    user_agent,
)

ARTICLE_PARAGRAPHS = (
    "The harbour authority in Vessenby confirmed on Tuesday that the old grain pier will close "
    "for repairs at the end of the month, after inspectors found corroded supports beneath the "
    "loading deck.",
    "Ferries will use the northern quay while the work goes on, the authority said in a short "
    "statement. Timetables are not expected to change, although passengers may need to walk a "
    "little further from the bus stop to the new boarding gate.",
    "The pier was built in 1911 and last strengthened in the 1970s. Engineers estimate that "
    "the repairs will take about eight months and cost slightly more than the authority had set "
    "aside in its budget for the year.",
    "Local shop owners said they hoped the closure would be brief. Trade along the waterfront "
    "depends on visitors arriving by boat, and the summer season begins in less than six months.",
)

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Old grain pier to close for repairs | Vessenby Gazette</title>
<meta property="og:site_name" content="Vessenby Gazette">
<meta name="author" content="Marta Lindqvist">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<style>body {{ font-family: serif; }}</style>
<script>window.analytics = {{ track: function () {{}} }};</script>
</head><body>
<header><nav><ul>
<li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li><li><a href="/subscribe">Subscribe to our newsletter</a></li>
</ul></nav></header>
<main><article>
<h1>Old grain pier to close for repairs</h1>
<p class="byline">By Marta Lindqvist</p>
{paragraphs}
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Ferry operator announces new winter routes</a></li>
<li><a href="/b">Council debates parking fees near the market</a></li>
</ul></aside></main>
<footer>
<p>Copyright 2024 Vessenby Gazette. All rights reserved.</p>
<div id="cookie-banner" class="cookie-consent">
<p>We use cookies to improve your experience on our site and to show you relevant adverts.
By clicking accept you agree to our use of cookies.</p>
<button>Accept all cookies</button><button>Manage preferences</button>
</div></footer>
</body></html>
"""


def _page() -> bytes:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    return PAGE.format(paragraphs=paragraphs).encode("utf-8")


class _Handler(http.server.BaseHTTPRequestHandler):
    """Routes for every case the reader must handle."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""

    def _send(self, status: int, body: bytes, content_type: str | None, **headers: str) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        """Answer one request according to its path."""
        route = self.path.split("?", 1)[0]
        if route == "/article":
            self._send(200, _page(), "text/html; charset=utf-8")
        elif route == "/redirect":
            self._send(302, b"", "text/plain", Location="/redirect-2")
        elif route == "/redirect-2":
            self._send(301, b"", "text/plain", Location="/article")
        elif route == "/loop":
            self._send(302, b"", "text/plain", Location="/loop")
        elif route == "/missing":
            self._send(404, b"<h1>Not found</h1>", "text/html")
        elif route == "/broken":
            self._send(500, b"Internal Server Error", "text/plain")
        elif route == "/slow":
            time.sleep(3)
            self._send(200, _page(), "text/html")
        elif route == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"word ")
                self.wfile.flush()
                time.sleep(0.1)
        elif route == "/report.pdf":
            self._send(200, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "application/pdf")
        elif route == "/photo":
            self._send(200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png")
        elif route == "/data":
            self._send(200, b'{"article": "no"}', "application/json")
        elif route == "/large":
            self._send(200, b"All work and no play. " * 100_000, "text/plain")
        elif route == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(500 * 2**20))
            self.end_headers()
        elif route == "/plain":
            body = "Plain news: the café reopened.\n\nIt serves <b>crème brûlée</b> again.\n"
            self._send(200, body.encode("latin-1"), "text/plain; charset=ISO-8859-1")
        elif route == "/windows-1252":
            body = "<html><body><p>“Quoted” words — and a café.</p></body></html>"
            self._send(200, body.encode("cp1252"), "text/html; charset=windows-1252")
        elif route == "/meta-charset":
            body = '<html><head><meta charset="iso-8859-1"></head><body><p>Café au lait, s’il vous plaît.</p></body></html>'  # noqa: E501
            self._send(200, body.encode("cp1252"), "text/html")
        elif route == "/untyped":
            self._send(200, _page(), None)
        elif route == "/gzipped":
            self._send(200, gzip.compress(_page()), "text/html", Content_Encoding="gzip")
        elif route == "/user-agent":
            agent = self.headers.get("User-Agent", "")
            self._send(200, f"You are {agent}.".encode(), "text/plain")
        elif route == "/empty":
            self._send(200, b"", "text/html")
        else:
            self._send(404, b"no such route", "text/plain")


class _QuietServer(http.server.ThreadingHTTPServer):
    """A server that does not print a traceback when a client hangs up early (on purpose)."""

    def handle_error(self, request: object, client_address: object) -> None:
        """Ignore the broken pipes of the timeout and size-cap tests."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The base URL of a threaded web server on the loopback interface."""
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_page_keeps_the_article_and_drops_navigation_and_the_cookie_footer(server: str) -> None:
    document = reader.load(f"{server}/article")
    clean = reader.analyze(document.text).clean_text
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in clean
    for furniture in ("Subscribe", "Weather", "cookies", "Manage preferences", "Related stories"):
        assert furniture not in clean
    assert document.format == "html"
    assert document.title == "Old grain pier to close for repairs"
    assert document.site == "Vessenby Gazette"
    assert document.author == "Marta Lindqvist"
    assert document.date == "2024-03-05"
    assert document.url == f"{server}/article"


def test_paragraphs_are_separated_by_blank_lines(server: str) -> None:
    text = reader.load(f"{server}/article").text
    for first, second in itertools.pairwise(ARTICLE_PARAGRAPHS):
        assert f"{first}\n\n{second}" in text


def test_redirects_are_followed_and_the_final_address_kept(server: str) -> None:
    document = reader.load(f"{server}/redirect")
    assert ARTICLE_PARAGRAPHS[0] in document.text
    assert document.source == f"{server}/redirect"
    assert document.url == f"{server}/article"


def test_a_redirect_loop_is_a_network_error(server: str) -> None:
    with pytest.raises(NetworkError, match="redirects"):
        reader.load(f"{server}/loop")


@pytest.mark.parametrize(("route", "status"), [("/missing", "404"), ("/broken", "500")])
def test_http_errors_name_the_status(server: str, route: str, status: str) -> None:
    with pytest.raises(NetworkError, match=f"answered {status}"):
        reader.load(f"{server}{route}")


def test_a_slow_server_times_out(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(NetworkError, match=r"no answer within 0\.5 s"):
        fetch_document(f"{server}/slow", timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_a_trickling_server_is_cut_off_at_the_deadline(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(NetworkError, match=r"the download took over 0\.9 s"):
        fetch_document(f"{server}/trickle", timeout=0.3)
    assert time.monotonic() - started < 2


@pytest.mark.parametrize(
    ("route", "what"),
    [("/report.pdf", "a PDF document"), ("/photo", "an image"), ("/data", "JSON data")],
)
def test_content_that_is_not_an_article_is_refused_by_name(
    server: str, route: str, what: str
) -> None:
    with pytest.raises(NetworkError, match=f"is {what} .*not a web page or text"):
        reader.load(f"{server}{route}")


def test_a_large_body_is_abandoned_at_the_cap(server: str) -> None:
    with pytest.raises(NetworkError, match="larger than 1 MB"):
        fetch_document(f"{server}/large", max_bytes=2**20)


def test_a_declared_huge_body_is_refused_before_reading(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(NetworkError, match="larger than"):
        reader.load(f"{server}/huge")
    assert time.monotonic() - started < 2


def test_plain_text_is_read_as_text_with_the_declared_charset(server: str) -> None:
    document = reader.load(f"{server}/plain")
    assert document.format == "text"
    assert document.text.startswith("Plain news: the café reopened.")
    assert "<b>crème brûlée</b>" in document.text  # text/plain is never parsed as HTML


def test_the_header_charset_decodes_a_page(server: str) -> None:
    assert "“Quoted” words — and a café." in reader.load(f"{server}/windows-1252").text


def test_a_meta_charset_decodes_a_page(server: str) -> None:
    assert "Café au lait, s’il vous plaît." in reader.load(f"{server}/meta-charset").text


def test_an_untyped_response_is_recognised_by_its_content(server: str) -> None:
    assert ARTICLE_PARAGRAPHS[1] in reader.load(f"{server}/untyped").text


def test_a_compressed_response_is_unpacked(server: str) -> None:
    assert ARTICLE_PARAGRAPHS[2] in reader.load(f"{server}/gzipped").text


def test_the_user_agent_names_the_reader_and_its_version(server: str) -> None:
    text = reader.load(f"{server}/user-agent").text
    assert f"reader/{reader.__version__}" in text
    assert user_agent() in text


def test_an_empty_page_is_an_empty_article(server: str) -> None:
    with pytest.raises(InputError, match="empty article"):
        reader.load(f"{server}/empty")


def test_an_unreachable_host_is_a_network_error() -> None:
    with pytest.raises(NetworkError, match=r"cannot reach 127\.0\.0\.1"):
        reader.load(f"http://127.0.0.1:{_closed_port()}/article")


def test_progress_is_reported_up_to_the_whole_body(server: str) -> None:
    calls: list[tuple[int, int | None]] = []
    fetch_document(f"{server}/article", progress=lambda got, total: calls.append((got, total)))
    assert calls[0] == (0, len(_page()))
    assert calls[-1] == (len(_page()), len(_page()))
    assert [got for got, _ in calls] == sorted(got for got, _ in calls)


def test_loading_a_text_file_does_not_import_httpx_or_trafilatura(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Just a plain article.\n", encoding="utf-8")
    code = (
        "import sys, reader; reader.load(sys.argv[1]); "
        "print(sorted(m for m in ('httpx', 'trafilatura', 'lxml') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# ---------------------------------------------------------------------------------------------
# The command line: exit code 3 and one line on stderr for network failures


def _cli(*args: str, timeout: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "analyze", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "READER_DEBUG": "", "READER_TIMEOUT": timeout},
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("route", "code", "message"),
    [
        ("/missing", 3, "answered 404"),
        ("/broken", 3, "answered 500"),
        ("/report.pdf", 3, "PDF"),
        ("/photo", 3, "image"),
        ("/huge", 3, "larger than"),
    ],
)
def test_cli_network_failures_exit_3_with_one_line(
    server: str, route: str, code: int, message: str
) -> None:
    result = _cli(f"{server}{route}")
    assert result.returncode == code
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: ") and message in lines[0]
    assert "Traceback" not in result.stderr


def test_cli_timeout_exits_3_and_follows_reader_timeout(server: str) -> None:
    started = time.monotonic()
    result = _cli(f"{server}/slow", timeout="0.5")
    assert result.returncode == 3
    assert result.stderr.strip().splitlines() == [
        f"reader: cannot fetch {server}/slow: no answer within 0.5 s"
    ]
    assert time.monotonic() - started < 2.9


def test_the_default_timeout_and_a_bad_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_TIMEOUT", "soon")
    assert timeout_from_environment() == TIMEOUT_SECONDS == 10
    monkeypatch.setenv("READER_TIMEOUT", "2.5")
    assert timeout_from_environment() == 2.5


def test_cli_unreachable_host_exits_3() -> None:
    result = _cli(f"http://127.0.0.1:{_closed_port()}/")
    assert result.returncode == 3
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_reads_a_page_from_a_url(server: str) -> None:
    result = _cli(f"{server}/article", "--format", "text")
    assert result.returncode == 0, result.stderr
    assert ARTICLE_PARAGRAPHS[3] in result.stdout
    assert "cookies" not in result.stdout
    assert result.stderr == ""
