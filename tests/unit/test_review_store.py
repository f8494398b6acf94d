"""The review store: verdicts and notes kept per claim, articles recognised again, history."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from reader.model import Analysis
from reader.review import ReviewStore, Verdict, open_review_store
from reader.review.identity import article_id, sentence_digest
from tests.review_fixtures import DESK_SENTENCES, desk_analysis


@pytest.fixture
def store(tmp_path: Path):
    with ReviewStore.connect(tmp_path / "reviews.sqlite3") as opened:
        yield opened


def test_verdicts_cycle_in_the_documented_order() -> None:
    order = [Verdict.UNCHECKED]
    for _ in range(5):
        order.append(order[-1].next())
    assert [str(v) for v in order] == [
        "unchecked",
        "supported",
        "misleading",
        "false",
        "unproven",
        "unchecked",
    ]
    assert Verdict.parse(" False ") is Verdict.FALSE
    with pytest.raises(ValueError, match="choose one of unchecked, supported"):
        Verdict.parse("maybe")


def test_a_new_article_has_every_claim_unchecked(store: ReviewStore) -> None:
    analysis = desk_analysis()
    review = store.open_article(analysis)
    assert [c.number for c in review.claims] == [1, 2, 3, 4, 5]
    assert [c.sentence for c in review.claims] == [c.index for c in analysis.claims]
    assert {c.verdict for c in review.claims} == {Verdict.UNCHECKED}
    assert review.checked == 0
    assert review.article.claims == 5
    assert review.article.id == article_id(analysis.text)


def test_a_verdict_and_a_note_survive_closing_the_store(tmp_path: Path) -> None:
    path = tmp_path / "reviews.sqlite3"
    analysis = desk_analysis()
    with ReviewStore.connect(path) as store:
        review = store.open_article(analysis)
        store.set_verdict(review.article.id, review.claims[2], Verdict.FALSE)
        store.set_note(review.article.id, review.claims[2], "The Gazette corrected it on Friday.")
    with ReviewStore.connect(path) as store:
        again = store.open_article(analysis)
    third = again.claims[2]
    assert third.verdict is Verdict.FALSE
    assert third.note == "The Gazette corrected it on Friday."
    assert third.updated is not None
    assert again.checked == 1


def test_setting_a_verdict_keeps_the_note_and_the_other_way_round(store: ReviewStore) -> None:
    review = store.open_article(desk_analysis())
    claim = review.claims[0]
    store.set_note(review.article.id, claim, "Ask the yard.")
    after_verdict = store.set_verdict(review.article.id, claim, Verdict.UNPROVEN)
    assert (after_verdict.verdict, after_verdict.note) == (Verdict.UNPROVEN, "Ask the yard.")
    after_note = store.set_note(review.article.id, claim, "Yard confirmed nothing.")
    assert (after_note.verdict, after_note.note) == (Verdict.UNPROVEN, "Yard confirmed nothing.")
    cleared = store.set_note(review.article.id, claim, "")
    assert cleared.note is None and cleared.verdict is Verdict.UNPROVEN


def test_the_same_text_from_another_path_is_the_same_article(store: ReviewStore) -> None:
    first = store.open_article(desk_analysis(source="a/desk.txt"))
    store.set_verdict(first.article.id, first.claims[0], Verdict.SUPPORTED)
    moved = desk_analysis(source="b/renamed.txt")
    # Different line breaks and spacing are the same article.
    moved = dataclasses.replace(moved, text=moved.text.replace("\n\n", "\n\n\n"))
    again = store.open_article(moved)
    assert again.article.id == first.article.id
    assert again.article.source is not None and again.article.source.endswith("b/renamed.txt")
    assert again.claims[0].verdict is Verdict.SUPPORTED
    assert len(store.history()) == 1


def test_a_file_source_is_stored_as_an_absolute_path_and_stdin_does_not_replace_it(
    store: ReviewStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    store.open_article(desk_analysis(source="desk.txt"))
    store.open_article(desk_analysis(source="-"))
    [entry] = store.history()
    assert entry.source == str(tmp_path / "desk.txt")


def test_history_is_newest_first_with_checked_counts(tmp_path: Path) -> None:
    ticks = iter(f"2026-12-0{day}T10:00:00.000Z" for day in range(1, 9))
    with ReviewStore.connect(tmp_path / "r.sqlite3", clock=lambda: next(ticks)) as store:
        older = store.open_article(desk_analysis(title="Older"))
        store.set_verdict(older.article.id, older.claims[0], Verdict.FALSE)
        store.set_verdict(older.article.id, older.claims[1], Verdict.SUPPORTED)
        store.set_note(older.article.id, older.claims[2], "a note is not a verdict")
        other = desk_analysis(
            title="Newer",
            sentences=(("Prices are likely to rise in Porto.", DESK_SENTENCES[7][1]),),
        )
        store.open_article(other)
        history = store.history()
    assert [(h.title, h.claims, h.checked) for h in history] == [("Newer", 1, 0), ("Older", 5, 2)]
    assert history[0].opened > history[1].opened
    assert set(history[0].to_dict()) == {"id", "source", "title", "opened", "claims", "checked"}


def _merged_split() -> Analysis:
    """The same text as a newer reader might split it: sentences 4 and 5 read as one."""
    sentences = list(DESK_SENTENCES)
    (said, said_flags), (likely, likely_flags) = sentences[6], sentences[7]
    sentences[6:8] = [(f"{said} {likely}", (*said_flags, *likely_flags))]
    return desk_analysis(sentences=tuple(sentences))


def test_a_newer_split_keeps_verdicts_where_it_can_and_orphans_the_rest(
    store: ReviewStore,
) -> None:
    analysis = desk_analysis()
    review = store.open_article(analysis)
    first, merged_away, moved = review.claims[0], review.claims[3], review.claims[4]
    store.set_verdict(review.article.id, first, Verdict.SUPPORTED)
    store.set_verdict(review.article.id, merged_away, Verdict.FALSE)
    store.set_note(review.article.id, moved, "Seixal route: council minutes say otherwise.")
    resplit = _merged_split()
    assert resplit.text == analysis.text
    again = store.open_article(resplit)
    assert again.article.id == review.article.id
    # Same index and text: kept. Same text at a new index: follows its text.
    assert again.claims[0].verdict is Verdict.SUPPORTED
    assert again.claims[-1].sentence == moved.sentence - 1
    assert again.claims[-1].note == "Seixal route: council minutes say otherwise."
    # The sentence that was merged into another matches nothing: reported, not dropped.
    [orphan] = again.orphaned
    assert (orphan.sentence, orphan.verdict) == (merged_away.sentence, Verdict.FALSE)
    assert orphan.text == merged_away.text


def test_a_claim_that_matches_nothing_is_reported_as_orphaned_not_dropped(
    store: ReviewStore,
) -> None:
    analysis = desk_analysis()
    review = store.open_article(analysis)
    claim = review.claims[3]
    store.set_verdict(review.article.id, claim, Verdict.FALSE)
    store.set_note(review.article.id, claim, "The yard denies it.")
    # A stored claim whose text no sentence has any more (as after a different split).
    with sqlite3.connect(store.path) as raw:
        raw.execute(
            "UPDATE claims SET digest = ?, text = ? WHERE sentence = ?",
            (sentence_digest("An older split of it."), "An older split of it.", claim.sentence),
        )
    again = store.open_article(analysis)
    assert again.claims[3].verdict is Verdict.UNCHECKED
    [orphan] = again.orphaned
    assert (orphan.text, orphan.verdict, orphan.note) == (
        "An older split of it.",
        Verdict.FALSE,
        "The yard denies it.",
    )
    assert orphan.why == "sentence not found"
    # Orphans do not count as checked in the history, and stay in the file.
    assert store.history()[0].checked == 0
    with sqlite3.connect(store.path) as raw:
        assert raw.execute("SELECT count(*) FROM claims").fetchone()[0] == 1


def test_a_sentence_no_longer_flagged_is_orphaned_with_that_reason(store: ReviewStore) -> None:
    review = store.open_article(desk_analysis())
    store.set_verdict(review.article.id, review.claims[0], Verdict.SUPPORTED)
    unflagged = [(text, () if n == 1 else flags) for n, (text, flags) in enumerate(DESK_SENTENCES)]
    again = store.open_article(desk_analysis(sentences=tuple(unflagged)))
    [orphan] = again.orphaned
    assert orphan.why == "no longer flagged"
    assert orphan.verdict is Verdict.SUPPORTED


def test_review_without_an_opening_changes_nothing(store: ReviewStore) -> None:
    analysis = desk_analysis()
    assert store.review(analysis) is None
    first = store.open_article(analysis)
    assert store.review(analysis) == first
    assert len(store.history()) == 1


def test_the_store_file_is_in_wal_mode(tmp_path: Path) -> None:
    opening = open_review_store(tmp_path / "data" / "reviews.sqlite3")
    assert opening.store is not None and opening.warning is None
    with sqlite3.connect(opening.path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    opening.store.close()


def test_the_data_directory_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.review import store_path

    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "desk"))
    assert store_path() == tmp_path / "desk" / "reviews.sqlite3"
    monkeypatch.delenv("READER_DATA_DIR")
    assert store_path().name == "reviews.sqlite3"
    assert "reader" in store_path().parts
