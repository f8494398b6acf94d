"""Stores written by every earlier schema open with their verdicts and notes intact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.review import ReviewStore, Verdict, open_review_store, schema
from reader.review.identity import article_id, sentence_digest
from tests.review_fixtures import desk_analysis


def _store_at(path: Path, version: int) -> None:
    """A store file at schema ``version``, as a reader of that version left it, with one
    verdict and one note written in that version's tables."""
    analysis = desk_analysis()
    claim = analysis.claims[1]
    with sqlite3.connect(path, isolation_level=None) as db:
        schema.migrate(db, target=version)
        assert schema.version(db) == version
        db.execute(
            "INSERT INTO articles (id, source, title, claims, first_opened, last_opened) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                article_id(analysis.text),
                "/old/desk-article.txt",
                analysis.title,
                len(analysis.claims),
                "2026-01-02T03:04:05.000Z",
                "2026-01-02T03:04:05.000Z",
            ),
        )
        db.execute(
            "INSERT INTO claims (article, sentence, digest, text, verdict, note, updated) "
            "VALUES (?, ?, ?, ?, 'misleading', 'Written by an older reader.', ?)",
            (
                article_id(analysis.text),
                claim.index,
                sentence_digest(claim.text),
                claim.text,
                "2026-01-02T03:05:00.000Z",
            ),
        )
    db.close()


@pytest.mark.parametrize("version", range(1, schema.LATEST + 1))
def test_a_store_from_each_schema_is_migrated_with_nothing_lost(
    tmp_path: Path, version: int
) -> None:
    path = tmp_path / "reviews.sqlite3"
    _store_at(path, version)
    with ReviewStore.connect(path) as store:
        review = store.open_article(desk_analysis())
        claim = review.claims[1]
        assert (claim.verdict, claim.note) == (Verdict.MISLEADING, "Written by an older reader.")
        assert review.article.first_opened == "2026-01-02T03:04:05.000Z"
        # The migrated store takes new writes, and logs them.
        store.set_note(review.article.id, claim, "Checked again.")
        assert [c[1] for c in store.changes(review.article.id, claim)][-1] == "Checked again."
    with sqlite3.connect(path) as db:
        assert schema.version(db) == schema.LATEST


def test_the_first_schema_rows_become_the_first_entries_of_the_change_log(
    tmp_path: Path,
) -> None:
    path = tmp_path / "reviews.sqlite3"
    _store_at(path, 1)
    with ReviewStore.connect(path) as store:
        review = store.open_article(desk_analysis())
        log = store.changes(review.article.id, review.claims[1])
    assert log == [
        ("verdict", "misleading", "2026-01-02T03:05:00.000Z"),
        ("note", "Written by an older reader.", "2026-01-02T03:05:00.000Z"),
    ]


def test_an_overwritten_note_stays_in_the_change_log(tmp_path: Path) -> None:
    with ReviewStore.connect(tmp_path / "r.sqlite3") as store:
        review = store.open_article(desk_analysis())
        claim = review.claims[0]
        store.set_note(review.article.id, claim, "First thought.")
        store.set_note(review.article.id, claim, "Second thought.")
        store.set_verdict(review.article.id, claim, Verdict.FALSE)
        notes = [new for field, new, _ in store.changes(review.article.id, claim)]
    assert notes == ["First thought.", "Second thought.", "false"]


def test_a_new_store_runs_every_migration_from_the_first(tmp_path: Path) -> None:
    path = tmp_path / "reviews.sqlite3"
    ReviewStore.connect(path).close()
    with sqlite3.connect(path) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        assert schema.version(db) == schema.LATEST
    assert {"articles", "claims", "changes"} <= tables


def test_a_store_from_a_newer_reader_is_left_alone_and_verdicts_are_off(tmp_path: Path) -> None:
    path = tmp_path / "reviews.sqlite3"
    _store_at(path, schema.LATEST)
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    db.close()
    before = path.read_bytes()
    opening = open_review_store(path)
    assert opening.store is None
    assert opening.warning is not None and "newer reader" in opening.warning
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if "damaged" in p.name] == []
