"""The command line: reports, and bad input handled with one line and exit code 2.

Most checks call ``reader.cli.main`` in this process; the first runs the real command.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.model import SCHEMA_VERSION
from tests.conftest import SAMPLE_ARTICLE, ReaderCall, run_reader


def test_analyze_prints_the_json_schema() -> None:
    result = run_reader("analyze", str(SAMPLE_ARTICLE), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == SCHEMA_VERSION
    assert {"source", "title", "text", "paragraphs", "sentences", "entities"} <= data.keys()
    for sentence in data["sentences"]:
        assert data["text"][sentence["start"] : sentence["end"]] == sentence["text"]


def test_analyze_markdown_and_text(reader_main: ReaderCall) -> None:
    run = reader_main
    markdown = run("analyze", str(SAMPLE_ARTICLE), "--format", "markdown")
    assert markdown.returncode == 0
    assert markdown.stdout.decode().startswith("# Harbourline")
    text = run("analyze", str(SAMPLE_ARTICLE), "--format", "text").stdout.decode()
    assert "Advertisement" not in text and text.count("Vessen Marine, based in Bergen") == 1


def test_analyze_reads_stdin(reader_main: ReaderCall) -> None:
    result = reader_main("analyze", "-", "--format", "text", stdin=b"Hello there. It works.")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == "Hello there. It works."


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "directory"),
        (lambda d: _write(d / "x.pdf", b"%PDF-1.4 binary"), "PDF"),
        (lambda d: _write(d / "x.bin", bytes(range(256)) * 64), "binary"),
        (lambda d: _write(d / "empty.txt", b" \n\n  \n"), "empty article"),
    ],
)
def test_bad_input_gives_one_line_and_exit_code_2(
    tmp_path: Path, make, message: str, reader_main: ReaderCall
) -> None:
    path = make(tmp_path)
    result = reader_main("analyze", str(path))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_unknown_format_is_a_usage_error(reader_main: ReaderCall) -> None:
    result = reader_main("analyze", str(SAMPLE_ARTICLE), "--format", "yaml")
    assert result.returncode == 2
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_the_input_file_is_never_written(tmp_path: Path, reader_main: ReaderCall) -> None:
    path = _write(tmp_path / "a.txt", SAMPLE_ARTICLE.read_bytes())
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    reader_main("analyze", str(path), "--format", "markdown")
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
