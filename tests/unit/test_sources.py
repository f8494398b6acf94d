"""Loading files and standard input: every encoding, every kind of bad input."""

from __future__ import annotations

import codecs
import gzip
import io
import os
import sys
from pathlib import Path

import pytest

import reader
from reader.errors import InputError
from reader.loading import sources

ARTICLE = (
    "Le café de la gare a fermé lundi. « C’est la fin d’une époque », dit le patron, Zoë Müller.\n"
    "\n"
    "Les habitués ont payé 5 € pour un dernier crème, servi à 7 h précises.\n"
)
LATIN1 = ARTICLE.replace("’", "'").replace("€", "francs")
CHINESE = (
    "小米公司正在研究一项长期计划，希望进入汽车行业。\n\n据当地媒体报道，目标是制造电动汽车。\n"
)


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("encode", "expected"),
    [
        (lambda: ARTICLE.encode("utf-8"), ARTICLE),
        (lambda: codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), ARTICLE),
        (lambda: LATIN1.encode("latin-1"), LATIN1),
        (lambda: ARTICLE.encode("cp1252"), ARTICLE),
        (lambda: ARTICLE.encode("utf-16"), ARTICLE),
        (lambda: codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), ARTICLE),
        (lambda: CHINESE.encode("gb18030"), CHINESE),
    ],
    ids=["utf-8", "utf-8-bom", "latin-1", "cp1252", "utf-16-le-bom", "utf-16-be-bom", "gb18030"],
)
def test_text_files_in_every_common_encoding(tmp_path: Path, encode, expected: str) -> None:
    document = reader.load(_write(tmp_path / "article.txt", encode()))
    assert document.text == expected
    assert document.format == "text"


def test_a_short_latin1_file_is_not_read_as_a_baltic_code_page(tmp_path: Path) -> None:
    assert reader.load(_write(tmp_path / "cafe.txt", "Café".encode("latin-1"))).text == "Café"


def test_crlf_files_give_the_same_paragraphs_as_lf(tmp_path: Path) -> None:
    lf = reader.analyze(reader.load(_write(tmp_path / "lf.txt", ARTICLE.encode())).text)
    crlf_data = ARTICLE.replace("\n", "\r\n").encode()
    crlf = reader.analyze(reader.load(_write(tmp_path / "crlf.txt", crlf_data)).text)
    assert crlf.clean_text == lf.clean_text
    assert len(crlf.paragraphs) == 2


def test_a_single_5_mb_line_is_read_whole(tmp_path: Path) -> None:
    line = "A very long line without any break in it, " * 120_000
    assert len(line.encode()) > 5_000_000
    document = reader.load(_write(tmp_path / "long.txt", line.encode()))
    assert document.text == line


def test_nul_and_control_characters_are_kept(tmp_path: Path) -> None:
    data = b"Before a NUL \x00 and an escape \x1b[2J and a bell \x07 after."
    document = reader.load(_write(tmp_path / "controls.txt", data))
    assert document.text == data.decode()


def test_a_gzipped_file_is_unpacked(tmp_path: Path) -> None:
    path = _write(tmp_path / "article.txt.gz", gzip.compress(ARTICLE.encode()))
    assert reader.load(path).text == ARTICLE


def test_a_damaged_gzip_file_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.gz", gzip.compress(ARTICLE.encode())[:30])
    with pytest.raises(InputError, match="damaged gzip"):
        reader.load(path)


def test_a_saved_page_is_extracted_whatever_its_name(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Ferry strike ends</title></head><body><article>"
        "<p>The ferry strike ended on Friday after the union accepted a new offer from the "
        "operator, which includes a pay rise and shorter shifts for the crews.</p>"
        "</article></body></html>"
    )
    document = reader.load(_write(tmp_path / "saved", html.encode()))
    assert document.format == "html"
    assert document.text.startswith("The ferry strike ended on Friday")
    assert document.title == "Ferry strike ends"


def test_a_page_declaring_latin1_in_a_meta_tag(tmp_path: Path) -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "</head><body><p>Le café est fermé.</p></body></html>"
    )
    document = reader.load(_write(tmp_path / "page.html", html.encode("latin-1")))
    assert document.text == "Le café est fermé."


def test_a_file_url_is_a_path(tmp_path: Path) -> None:
    path = Path(_write(tmp_path / "with space.txt", ARTICLE.encode()))
    assert reader.load(path.as_uri()).text == ARTICLE


# ---------------------------------------------------------------------------------------------
# Bad input: one clear InputError each


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt: no such file$"):
        reader.load(str(tmp_path / "missing.txt"))


def test_a_web_address_without_a_scheme_gets_a_hint() -> None:
    with pytest.raises(InputError, match=r"no such file \(for a web page, give the whole"):
        reader.load("www.example.invalid/news/story")


def test_a_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory, not an article"):
        reader.load(str(tmp_path))


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="running as root: file permissions do not stop root from reading",
)
def test_a_file_without_read_permission(tmp_path: Path) -> None:
    path = Path(_write(tmp_path / "secret.txt", ARTICLE.encode()))
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            reader.load(str(path))
    finally:
        path.chmod(0o600)


def test_permission_denied_is_reported_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "locked.txt", ARTICLE.encode())

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match=r"locked\.txt: permission denied$"):
        reader.load(path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "is a PDF document, not an article"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a PNG image, not an article"),
        (bytes(range(256)) * 64, "looks like binary data"),
        (os.urandom(4096), "binary|not an article"),
    ],
    ids=["pdf", "png", "bytes", "random"],
)
def test_binary_files(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        reader.load(_write(tmp_path / "thing.txt", data))


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \r\n", codecs.BOM_UTF8, b"\n" * 1000])
def test_empty_files_are_an_empty_article(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(InputError, match="is an empty article"):
        reader.load(_write(tmp_path / "empty.txt", data))


def test_an_oversized_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_INPUT_BYTES", 1000)
    with pytest.raises(InputError, match="larger than"):
        reader.load(_write(tmp_path / "big.txt", b"word " * 1000))


# ---------------------------------------------------------------------------------------------
# Standard input


class _Stdin:
    """A stand-in for ``sys.stdin`` with a byte buffer."""

    def __init__(self, data: bytes, *, tty: bool = False) -> None:
        self.buffer = io.BytesIO(data)
        self.buffer.isatty = lambda: tty  # type: ignore[method-assign]


def test_stdin_is_read_as_bytes_and_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(ARTICLE.encode("cp1252")))
    document = reader.load("-")
    assert document.text == ARTICLE
    assert document.source == "-"


def test_stdin_can_be_a_web_page(monkeypatch: pytest.MonkeyPatch) -> None:
    html = b"<!doctype html><html><body><p>Piped from a web page.</p></body></html>"
    monkeypatch.setattr(sys, "stdin", _Stdin(html))
    assert reader.load("-").text == "Piped from a web page."


def test_empty_stdin_is_an_empty_article(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b""))
    with pytest.raises(InputError, match="standard input is an empty article"):
        reader.load("-")


def test_stdin_from_a_terminal_is_refused_instead_of_waiting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"", tty=True))
    with pytest.raises(InputError, match="nothing is piped into standard input"):
        reader.load("-")


def test_closed_stdin_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(InputError, match="standard input is not available"):
        reader.load("-")
