"""Bad input at the command line, tried as a new user would: a short message and an exit code.

Every case must exit non-zero (2 for input and usage, 3 for the network) with at most three
lines on stderr, the message first, and never a traceback. Both ``reader analyze`` and the
viewer command are tried: the viewer must fail before it takes over the terminal.

``reader analyze`` is called in this process (``reader.cli.main``); the viewer's cases and
one of the analysis cases run the real command, as a user would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_ARTICLE, ReaderCall


def _as_text(result: subprocess.CompletedProcess[bytes]) -> subprocess.CompletedProcess[str]:
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


def _command(*args: str, stdin: bytes | None = b"") -> subprocess.CompletedProcess[str]:
    """The real command, in a new process."""
    result = subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, "READER_DEBUG": ""},
        timeout=60,
        check=False,
    )
    return _as_text(result)


@pytest.fixture
def _run(reader_main: ReaderCall) -> Callable[..., subprocess.CompletedProcess[str]]:
    """``reader ARGS`` in this process, with stdout and stderr as text."""

    def run(*args: str, stdin: bytes | None = b"") -> subprocess.CompletedProcess[str]:
        return _as_text(reader_main(*args, stdin=stdin))

    return run


Run = Callable[..., subprocess.CompletedProcess[str]]


def _assert_short_failure(result: subprocess.CompletedProcess[str], code: int, text: str) -> None:
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert 1 <= len(lines) <= 3, result.stderr
    assert text in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def _file(name: str, data: bytes) -> Callable[[Path], str]:
    def make(directory: Path) -> str:
        path = directory / name
        path.write_bytes(data)
        return str(path)

    return make


BAD_INPUT: list[tuple[str, Callable[[Path], str], str]] = [
    ("missing", lambda d: str(d / "missing.txt"), "no such file"),
    ("directory", lambda d: str(d), "is a directory"),
    ("pdf", _file("report.pdf", b"%PDF-1.5\n%\xb5\xed\xae\xfb\n"), "is a PDF document"),
    ("image", _file("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"), "is a JPEG image"),
    ("binary", _file("data.bin", bytes(range(256)) * 32), "binary data"),
    ("empty", _file("empty.txt", b""), "empty article"),
    ("blank", _file("blank.txt", b"\n  \n\t\n"), "empty article"),
    ("empty-page", _file("empty.html", b"<html><body></body></html>"), "empty article"),
    ("bad-gzip", _file("x.gz", b"\x1f\x8b\x08\x00garbage"), "damaged gzip"),
]


@pytest.mark.parametrize(
    ("make", "message"),
    [(make, message) for _, make, message in BAD_INPUT],
    ids=[name for name, _, _ in BAD_INPUT],
)
def test_analyze_bad_input_exits_2(tmp_path: Path, make, message: str, _run: Run) -> None:
    _assert_short_failure(_run("analyze", make(tmp_path)), 2, message)


@pytest.mark.parametrize(
    ("make", "message"),
    [(make, message) for name, make, message in BAD_INPUT if name in ("missing", "binary")],
    ids=["missing", "binary"],
)
def test_the_viewer_fails_before_opening(tmp_path: Path, make, message: str) -> None:
    _assert_short_failure(_command(make(tmp_path)), 2, message)


def test_the_command_fails_on_bad_input_in_one_line(tmp_path: Path) -> None:
    make = dict((name, make) for name, make, _ in BAD_INPUT)["binary"]
    _assert_short_failure(_command("analyze", make(tmp_path)), 2, "binary data")


def test_a_file_name_with_a_newline_and_an_escape_stays_on_one_line(
    tmp_path: Path, _run: Run
) -> None:
    result = _run("analyze", str(tmp_path / "evil\nname\x1b[2J.txt"))
    _assert_short_failure(result, 2, "no such file")
    assert "\x1b" not in result.stderr
    assert "\\x1b" in result.stderr


def test_an_unknown_format_is_a_usage_error(_run: Run) -> None:
    result = _run("analyze", str(SAMPLE_ARTICLE), "--format", "yaml")
    _assert_short_failure(result, 2, "invalid choice: 'yaml'")


def test_an_unknown_option_is_a_usage_error(_run: Run) -> None:
    _assert_short_failure(_run("analyze", str(SAMPLE_ARTICLE), "--colour"), 2, "unrecognized")


@pytest.mark.parametrize(
    "address", ["http://", "https:///path", "http://example.com:99999/", "http://exa mple.com/"]
)
def test_an_invalid_web_address_is_bad_input(address: str, _run: Run) -> None:
    _assert_short_failure(_run("analyze", address), 2, "is not a valid web address")


def test_empty_stdin_is_an_empty_article(_run: Run) -> None:
    _assert_short_failure(_run("analyze", "-", stdin=b""), 2, "standard input is an empty")


def test_binary_stdin_is_refused(_run: Run) -> None:
    result = _run("analyze", "-", stdin=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    _assert_short_failure(result, 2, "standard input is a PNG image")


def test_stdin_in_any_encoding_is_analysed(_run: Run) -> None:
    text = "Le café a fermé. Les habitués sont tristes, dit-on."
    result = _run("analyze", "-", "--format", "text", stdin=text.encode("latin-1"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == text


def test_a_saved_page_on_stdin_is_extracted(_run: Run) -> None:
    page = (
        "<!doctype html><html><head><title>Bridge reopens</title></head><body>"
        "<nav><a href='/'>Home</a></nav><article><p>The old bridge reopened to traffic on "
        "Monday after two years of repairs, the city said.</p></article></body></html>"
    )
    result = _run("analyze", "-", "--format", "text", stdin=page.encode())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "The old bridge reopened to traffic on Monday after two years of repairs, the city said."
    )
