"""Corpus mode: many articles in, one well-formed JSON line each out, in input order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.batch.corpus import (
    ArticleResult,
    analyze_corpus,
    analyze_path,
    analyze_record,
    expand_targets,
)
from reader.model import SCHEMA_VERSION
from tests.conftest import SAMPLE_ARTICLE
from tests.conftest import run_reader as run

EXIT_SOME_FAILED = 4


def article(number: int) -> str:
    """A small made-up article whose text says which one it is."""
    return (
        f"Report number {number} on the harbour\n\n"
        f"The council met on day {number} to discuss ferry routes. It is believed that "
        f"the plan could change.\n\n"
        f"Officials said the vote would happen later. Nothing was settled on day {number}.\n"
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A directory of 30 articles in nested folders, with names that sort non-trivially."""
    root = tmp_path / "corpus"
    for number in range(30):
        folder = root / f"group-{number % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"article-{number:02d}.txt").write_text(article(number), encoding="utf-8")
    return root


def lines_of(stdout: bytes) -> list[dict]:
    text = stdout.decode("utf-8")
    assert text.endswith("\n")
    return [json.loads(line) for line in text.split("\n")[:-1]]


def test_each_line_is_the_same_object_as_format_json(corpus: Path) -> None:
    paths = [*sorted(str(p) for p in corpus.rglob("*.txt"))[:3], str(SAMPLE_ARTICLE)]
    result = run("analyze", *paths, "--format", "jsonl", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    records = lines_of(result.stdout)
    assert len(records) == len(paths)
    for path, record in zip(paths, records, strict=True):
        single = run("analyze", path, "--format", "json")
        assert record == json.loads(single.stdout)


def test_directories_are_walked_recursively_in_sorted_order(corpus: Path) -> None:
    result = run("analyze", str(corpus), "--format", "jsonl", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    sources = [record["source"] for record in lines_of(result.stdout)]
    expected = [
        str(corpus / f"group-{g}" / f"article-{n:02d}.txt")
        for g in range(3)
        for n in range(30)
        if n % 3 == g
    ]
    assert sources == expected


def test_jobs_1_and_jobs_2_print_identical_output(corpus: Path) -> None:
    one = run("analyze", str(corpus), str(SAMPLE_ARTICLE), "-f", "jsonl", "--jobs", "1")
    two = run("analyze", str(corpus), str(SAMPLE_ARTICLE), "-f", "jsonl", "--jobs", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert len(lines_of(one.stdout)) == 31


def test_failures_are_reported_per_file_without_stopping_the_batch(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(article(1), encoding="utf-8")
    binary = tmp_path / "binary.bin"
    binary.write_bytes(bytes(range(256)) * 64)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\n ")
    missing = tmp_path / "missing.txt"
    later = tmp_path / "later.txt"
    later.write_text(article(2), encoding="utf-8")
    order = [good, binary, missing, empty, later]

    result = run("analyze", *map(str, order), "--format", "jsonl", "--jobs", "2")

    assert result.returncode == EXIT_SOME_FAILED
    records = lines_of(result.stdout)
    assert [r["source"] for r in records] == [str(p) for p in order]
    assert [("error" in r) for r in records] == [False, True, True, True, False]
    for record in records:
        assert record["schema"] == SCHEMA_VERSION
        if "error" in record:
            assert set(record) == {"schema", "source", "error"}
            assert record["source"] in record["error"]
    assert "Report number 2" in records[-1]["text"]
    err = result.stderr.decode().strip().splitlines()
    assert "Traceback" not in result.stderr.decode()
    assert len(err) == 4  # one line per failure, then the summary
    assert "binary" in err[0] and "no such file" in err[1] and "empty" in err[2]
    assert err[-1].startswith("reader: 5 articles,") and "3 failed" in err[-1]


def test_summary_counts_articles_words_and_failures(corpus: Path) -> None:
    result = run("analyze", str(corpus), "--format", "jsonl")
    records = lines_of(result.stdout)
    words = sum(len(r["text"].split()) for r in records)
    flagged = sum(1 for r in records for s in r["sentences"] if s["flags"])
    summary = result.stderr.decode().strip()
    assert summary.startswith(
        f"reader: 30 articles, {words:,} words, {flagged:,} flagged sentences, 0 failed"
    )
    assert "\r" not in summary and "\x1b" not in summary  # no progress bar off a terminal


def test_every_record_is_exactly_one_line_even_with_unicode_line_separators(
    tmp_path: Path,
) -> None:
    path = tmp_path / "separators.txt"
    path.write_text("First line\u2028still the first paragraph.\x85 Next\u2029end.\n", "utf-8")
    result = run("analyze", str(path), str(path), "--format", "jsonl")
    assert result.returncode == 0
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == 2
    assert "\u2028" in json.loads(lines[0])["text"]


def test_several_inputs_need_jsonl(corpus: Path) -> None:
    paths = [str(p) for p in sorted(corpus.rglob("*.txt"))[:2]]
    result = run("analyze", *paths, "--format", "json")
    assert result.returncode == 2
    assert "--format jsonl" in result.stderr.decode()


def test_an_empty_directory_is_a_usage_error(tmp_path: Path) -> None:
    result = run("analyze", str(tmp_path), "--format", "jsonl")
    assert result.returncode == 2
    assert result.stdout == b""
    assert "no articles found" in result.stderr.decode()


@pytest.mark.parametrize("jobs", ["0", "-3", "many"])
def test_jobs_must_be_a_positive_number(jobs: str) -> None:
    result = run("analyze", str(SAMPLE_ARTICLE), "--format", "jsonl", "--jobs", jobs)
    assert result.returncode == 2
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_expand_targets_keeps_files_and_order_and_survives_a_link_loop(tmp_path: Path) -> None:
    (tmp_path / "d" / "inner").mkdir(parents=True)
    (tmp_path / "d" / "b.txt").write_text("b")
    (tmp_path / "d" / "a.txt").write_text("a")
    (tmp_path / "d" / "inner" / "c.txt").write_text("c")
    (tmp_path / "d" / "inner" / "loop").symlink_to(tmp_path / "d")
    single = tmp_path / "z.txt"
    single.write_text("z")
    targets = expand_targets([str(single), str(tmp_path / "d"), "missing.txt"])
    assert targets == [
        str(single),
        str(tmp_path / "d" / "a.txt"),
        str(tmp_path / "d" / "b.txt"),
        str(tmp_path / "d" / "inner" / "c.txt"),
        "missing.txt",
    ]


def slow_first(target: str) -> ArticleResult:
    """Analyses ``target``, taking much longer for the first article than for the rest."""
    if target.endswith("article-00.txt"):
        time.sleep(0.5)
    return analyze_path(target)


def test_results_come_back_in_input_order_whichever_worker_finishes_first(
    corpus: Path,
) -> None:
    paths = [
        str(corpus / "group-0" / "article-00.txt"),
        *sorted(str(p) for p in corpus.rglob("*.txt") if not p.name.endswith("-00.txt")),
    ]
    results = list(analyze_corpus(paths, jobs=2, chunk_size=1, analyze_one=slow_first))
    assert [r.source for r in results] == paths
    assert all(r.ok for r in results)
    first = json.loads(results[0].line)
    assert first["title"] == "Report number 0 on the harbour"


def test_in_process_and_pool_results_agree(corpus: Path) -> None:
    paths = expand_targets([str(corpus)])
    assert list(analyze_corpus(paths, jobs=1)) == list(analyze_corpus(paths, jobs=2))


def test_analyze_path_turns_failures_into_results(tmp_path: Path) -> None:
    result = analyze_path(str(tmp_path / "nothing-here.txt"))
    assert not result.ok
    assert json.loads(result.line) == {
        "schema": SCHEMA_VERSION,
        "source": str(tmp_path / "nothing-here.txt"),
        "error": result.error,
    }


def test_a_progress_bar_is_drawn_when_stderr_is_a_terminal(corpus: Path) -> None:
    import pty

    primary, secondary = pty.openpty()
    env = {**os.environ, "READER_DEBUG": ""}
    process = subprocess.run(
        [sys.executable, "-m", "reader", "analyze", str(corpus), "-f", "jsonl", "-j", "2"],
        stdout=subprocess.PIPE,
        stderr=secondary,
        env=env,
        timeout=120,
        check=False,
    )
    os.close(secondary)
    err = b""
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        err += chunk
    os.close(primary)
    assert process.returncode == 0
    assert len(lines_of(process.stdout)) == 30
    text = err.decode()
    assert "30/30 articles" in text and "\r\x1b[K" in text
    assert text.rstrip().splitlines()[-1].split("\x1b[K")[-1].startswith("reader: 30 articles")


def test_analyze_record_reads_a_mapping_and_reports_bad_records() -> None:
    result = analyze_record({"id": "x1", "title": "A title", "text": "Body. It may rain."})
    record = json.loads(result.line)
    assert result.ok and record["source"] == "x1" and record["title"] == "A title"
    assert record["text"] == "Body. It may rain."
    missing = analyze_record({"id": "x2"})
    assert not missing.ok and json.loads(missing.line)["error"] == missing.error
    assert not analyze_record({"id": "x3", "text": "   "}).ok
