"""A damaged, read-only, busy or unreadable store: one line, a working reader, nothing lost."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from reader.review import ReviewStore, StoreBusyError, Verdict, open_review_store
from tests.review_fixtures import desk_analysis


def _damaged(path: Path) -> Path:
    [moved] = [
        p
        for p in path.parent.iterdir()
        if p.name.startswith(path.name + ".damaged-") and not p.name.endswith(("-wal", "-shm"))
    ]
    return moved


def _good_store(path: Path) -> None:
    with ReviewStore.connect(path) as store:
        review = store.open_article(desk_analysis())
        for claim in review.claims:
            store.set_note(review.article.id, claim, f"Note on claim {claim.number}. " * 40)


def test_a_file_that_is_not_a_database_is_moved_aside_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "reviews.sqlite3"
    garbage = b"these are not the bytes of a database\x00\xff" * 200
    path.write_bytes(garbage)
    opening = open_review_store(path)
    assert opening.store is not None
    moved = _damaged(path)
    assert moved.read_bytes() == garbage
    assert opening.warning is not None
    assert str(moved) in opening.warning and "\n" not in opening.warning
    # The fresh store works.
    review = opening.store.open_article(desk_analysis())
    opening.store.set_verdict(review.article.id, review.claims[0], Verdict.SUPPORTED)
    opening.store.close()


def test_a_truncated_store_is_moved_aside_with_its_wal(tmp_path: Path) -> None:
    path = tmp_path / "reviews.sqlite3"
    _good_store(path)
    whole = path.read_bytes()
    assert len(whole) > 8192
    path.write_bytes(whole[: len(whole) // 2])
    wal = path.with_name(path.name + "-wal")
    wal.write_bytes(b"a stale write-ahead log")
    opening = open_review_store(path)
    assert opening.store is not None, opening.warning
    moved = _damaged(path)
    assert moved.read_bytes() == whole[: len(whole) // 2]
    assert moved.with_name(moved.name + "-wal").read_bytes() == b"a stale write-ahead log"
    opening.store.close()


def test_another_programs_database_is_not_taken_for_a_store(tmp_path: Path) -> None:
    path = tmp_path / "reviews.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
    db.close()
    opening = open_review_store(path)
    assert opening.store is not None
    with sqlite3.connect(_damaged(path)) as db:
        assert db.execute("SELECT name FROM sqlite_master").fetchall() == [("recipes",)]
    db.close()
    opening.store.close()


@pytest.fixture
def read_only_dir(tmp_path: Path) -> Path:
    """A directory no file can be made in (``/proc`` when running as root, who may write
    anywhere that permissions alone protect)."""
    directory = tmp_path / "locked-down"
    directory.mkdir()
    directory.chmod(0o555)
    try:
        (directory / "probe").touch()
    except OSError:
        yield directory
    else:
        (directory / "probe").unlink()
        proc = Path("/proc")
        if not proc.is_dir():
            pytest.skip("running as root with no read-only directory to test with")
        yield proc
    directory.chmod(0o755)


def test_a_read_only_data_directory_turns_verdicts_off_with_a_notice(read_only_dir: Path) -> None:
    opening = open_review_store(read_only_dir / "reviews.sqlite3")
    assert opening.store is None
    assert opening.warning is not None
    assert "verdicts are off" in opening.warning and "read-only" in opening.warning


def test_a_data_directory_that_cannot_be_made_turns_verdicts_off(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    opening = open_review_store(blocker / "data" / "reviews.sqlite3")
    assert opening.store is None
    assert opening.warning is not None and "cannot create" in opening.warning


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_store_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "reviews.sqlite3"
    _good_store(path)
    path.chmod(0)
    opening = open_review_store(path)
    assert opening.store is not None
    assert _damaged(path).exists()
    opening.store.close()


def test_a_locked_store_waits_briefly_then_says_so_and_keeps_what_was_there(
    tmp_path: Path,
) -> None:
    path = tmp_path / "reviews.sqlite3"
    with ReviewStore.connect(path, busy_seconds=0.3) as store:
        review = store.open_article(desk_analysis())
        claim = store.set_note(review.article.id, review.claims[0], "Kept safe.")
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        started = time.monotonic()
        with pytest.raises(StoreBusyError, match="locked by another program; nothing was saved"):
            store.set_note(review.article.id, claim, "Written while locked.")
        waited = time.monotonic() - started
        other.execute("ROLLBACK")
        other.close()
        assert 0.2 <= waited < 5
        assert store.open_article(desk_analysis()).claims[0].note == "Kept safe."
        # Once the lock is gone, the same write goes through.
        assert store.set_note(review.article.id, claim, "Written after.").note == "Written after."


def test_a_store_locked_while_opening_turns_verdicts_off_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "reviews.sqlite3"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        opening = open_review_store(path, busy_seconds=0.2)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert opening.store is None
    assert opening.warning is not None and "locked by another program" in opening.warning
    assert "\n" not in opening.warning
    assert [p for p in tmp_path.iterdir() if "damaged" in p.name] == []
