"""``reader review`` and ``reader history``: the stored review for scripts and for people."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import SAMPLE_ARTICLE

CONTROL_NOTE = "Checked \x1b]0;pwned\x07 with \x1b[2J the port \u202eauthority"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data directory (the store is made there)."""
    directory = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(directory))
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path / "config"))
    return directory


class Result:
    """What one command printed, and its exit code."""

    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]):
    """Run ``reader ARGS`` in this process (the subprocess tests in test_cli.py cover the
    installed command); ``run(*args)`` returns a :class:`Result`."""

    def runner(*args: str) -> Result:
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse's usage errors
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return runner


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """A copy of the sample article (the tests check it is never written)."""
    path = tmp_path / "article.txt"
    path.write_bytes(SAMPLE_ARTICLE.read_bytes())
    return path


def _review(run, *args: str) -> dict:
    result = run("review", *args, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_review_lists_every_claim_unchecked_in_the_documented_shape(run, article: Path) -> None:
    data = _review(run, str(article))
    assert data["schema"] == 1
    assert set(data["article"]) == {"id", "source", "title"}
    assert data["article"]["source"] == str(article)
    assert data["article"]["title"].startswith("Harbourline")
    claims = data["claims"]
    assert claims, "the sample article has flagged claims"
    assert [c["claim"] for c in claims] == list(range(1, len(claims) + 1))
    for claim in claims:
        assert set(claim) >= {
            "claim",
            "sentence",
            "text",
            "kinds",
            "source",
            "verdict",
            "note",
            "updated",
        }
        assert claim["verdict"] == "unchecked" and claim["note"] is None
        assert claim["kinds"] and set(claim["kinds"]) <= {
            "speculation",
            "vague_source",
            "attribution",
        }


def test_a_verdict_and_a_note_set_from_the_command_line_are_kept(run, article: Path) -> None:
    before = (article.read_bytes(), article.stat().st_mtime_ns)
    result = run("review", str(article), "--claim", "2", "--verdict", "False", "--note", "Port: no")
    assert result.returncode == 0, result.stderr
    assert "false" in result.stdout and "Port: no" in result.stdout
    # The note alone changes the note and keeps the verdict.
    assert run("review", str(article), "--claim", "2", "--note", "Port: no, twice").returncode == 0
    claim = _review(run, str(article))["claims"][1]
    assert (claim["verdict"], claim["note"]) == ("false", "Port: no, twice")
    assert claim["updated"].endswith("Z")
    assert (article.read_bytes(), article.stat().st_mtime_ns) == before


def test_the_same_article_moved_elsewhere_keeps_its_verdicts(
    run, article: Path, tmp_path: Path
) -> None:
    assert run("review", str(article), "--claim", "1", "--verdict", "supported").returncode == 0
    moved = tmp_path / "elsewhere" / "renamed.txt"
    moved.parent.mkdir()
    article.rename(moved)
    data = _review(run, str(moved))
    assert data["claims"][0]["verdict"] == "supported"
    assert data["article"]["source"] == str(moved)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--claim", "999", "--verdict", "false"], "claim 999 does not exist: the article has"),
        (["--claim", "0", "--verdict", "false"], "must be at least 1"),
        (["--claim", "1", "--verdict", "maybe"], "invalid choice: 'maybe'"),
        (["--note", "orphan note"], "need --claim N"),
        (["--claim", "1"], "--claim needs --verdict or --note"),
    ],
)
def test_bad_review_arguments_give_one_line_and_exit_code_2(
    run, article: Path, args: list[str], message: str
) -> None:
    result = run("review", str(article), *args)
    assert result.returncode == 2
    err = result.stderr
    assert message in err and len(err.strip().splitlines()) == 1, err


def test_review_of_a_missing_file_is_one_line(run, tmp_path: Path) -> None:
    result = run("review", str(tmp_path / "gone.txt"))
    assert result.returncode == 2
    assert "no such file" in result.stderr


def test_history_lists_articles_newest_first_with_checked_counts(
    run, article: Path, tmp_path: Path
) -> None:
    assert run("history").stdout == "No articles opened yet.\n"
    other = tmp_path / "other.txt"
    other.write_text(
        "Officials may delay the bridge. Residents say the plan would likely fail.\n",
        encoding="utf-8",
    )
    assert run("review", str(article), "--claim", "1", "--verdict", "misleading").returncode == 0
    assert run("review", str(other)).returncode == 0
    result = run("history", "--format", "json")
    assert result.returncode == 0
    entries = json.loads(result.stdout)
    assert [Path(e["source"]).name for e in entries] == ["other.txt", "article.txt"]
    for entry in entries:
        assert set(entry) == {"id", "source", "title", "opened", "claims", "checked"}
    assert entries[1]["checked"] == 1 and entries[1]["claims"] >= 1
    text = run("history").stdout.splitlines()
    assert "other.txt" in text[0] and f"1/{entries[1]['claims']} checked" in text[1]


def test_markdown_review_carries_verdicts_and_notes_and_no_control_codes(
    run, article: Path
) -> None:
    assert run("review", str(article), "--claim", "3", "--verdict", "unproven").returncode == 0
    assert run("review", str(article), "--claim", "3", "--note", CONTROL_NOTE).returncode == 0
    markdown = run("review", str(article), "--format", "markdown").stdout
    assert "**Verdict: unproven**" in markdown
    assert "Note: Checked ^[]0;pwned^G with ^[[2J the port <U+202E>authority" in markdown
    assert "1 of " in markdown and "(1 unproven)" in markdown
    text = run("review", str(article)).stdout
    for output in (markdown, text):
        assert "\x1b" not in output and "\x07" not in output and "\u202e" not in output
    # JSON keeps the note exactly as written.
    assert _review(run, str(article))["claims"][2]["note"] == CONTROL_NOTE


def test_a_damaged_store_is_set_aside_with_a_warning_and_the_command_works(
    run, article: Path, data_dir: Path
) -> None:
    data_dir.mkdir()
    (data_dir / "reviews.sqlite3").write_bytes(b"not a database at all" * 100)
    result = run("review", str(article), "--claim", "1", "--verdict", "false")
    assert result.returncode == 0
    err = result.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("reader: warning: the review store was damaged")
    [kept] = [p for p in data_dir.iterdir() if ".damaged-" in p.name]
    assert kept.read_bytes() == b"not a database at all" * 100
    assert _review(run, str(article))["claims"][0]["verdict"] == "false"


def test_a_store_that_cannot_be_used_exits_5_with_one_line(
    run, article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the data directory should be")
    monkeypatch.setenv("READER_DATA_DIR", str(blocker))
    for args in (["review", str(article)], ["history"]):
        result = run(*args)
        assert result.returncode == 5
        err = result.stderr.strip()
        assert "verdicts are off" in err and len(err.splitlines()) == 1
        assert "Traceback" not in err


def test_a_locked_store_exits_5_saying_so(run, article: Path, data_dir: Path) -> None:
    assert run("review", str(article)).returncode == 0
    holder = sqlite3.connect(data_dir / "reviews.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run("review", str(article), "--claim", "1", "--verdict", "false")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 5
    err = result.stderr.strip()
    assert "locked by another program" in err and len(err.splitlines()) == 1
    assert _review(run, str(article))["claims"][0]["verdict"] == "unchecked"


def test_the_installed_command_sets_and_lists(article: Path) -> None:
    from tests.conftest import run_reader

    result = run_reader("review", str(article), "--claim", "1", "--verdict", "false")
    assert result.returncode == 0, result.stderr.decode()
    history = run_reader("history", "--format", "json")
    assert json.loads(history.stdout)[0]["checked"] == 1
