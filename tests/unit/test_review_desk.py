"""The viewer's review desk, without a screen: cycling, notes, progress, and a busy store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.review import StoreError, Verdict, open_review_store
from reader.review.desk import ReviewDesk, VerdictsOff
from reader.review.store import StoreOpening
from tests.review_fixtures import desk_analysis


@pytest.fixture
def desk(tmp_path: Path):
    opened = ReviewDesk(open_review_store(tmp_path / "reviews.sqlite3", busy_seconds=0.2))
    opened.open_article(desk_analysis())
    yield opened
    opened.close()


def test_cycling_a_verdict_goes_round_and_counts_progress(desk: ReviewDesk) -> None:
    first = desk_analysis().claims[0].index
    seen = [desk.cycle_verdict(first).verdict for _ in range(5)]
    assert seen == [
        Verdict.SUPPORTED,
        Verdict.MISLEADING,
        Verdict.FALSE,
        Verdict.UNPROVEN,
        Verdict.UNCHECKED,
    ]
    desk.set_verdict(first, Verdict.FALSE)
    assert desk.progress() == (1, 5)
    assert desk.verdict(first) is Verdict.FALSE


def test_a_note_the_busy_store_refused_is_kept_as_a_draft(desk: ReviewDesk, tmp_path: Path) -> None:
    claim = desk_analysis().claims[1].index
    desk.set_note(claim, "First note.")
    holder = sqlite3.connect(tmp_path / "reviews.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    with pytest.raises(StoreError, match="locked"):
        desk.set_note(claim, "Typed while another program held the lock.")
    holder.execute("ROLLBACK")
    holder.close()
    assert desk.note_draft(claim) == "Typed while another program held the lock."
    assert desk.claim(claim) is not None and desk.claim(claim).note == "First note."
    desk.set_note(claim, desk.note_draft(claim))
    assert desk.note_draft(claim) == "Typed while another program held the lock."
    assert desk.drafts == {}


def test_verdicts_off_say_why_and_change_nothing(tmp_path: Path) -> None:
    off = ReviewDesk(StoreOpening(None, tmp_path / "x", "verdicts are off: the data dir is gone"))
    off.open_article(desk_analysis())
    assert not off.enabled and off.notice == "verdicts are off: the data dir is gone"
    with pytest.raises(VerdictsOff, match="the data dir is gone"):
        off.cycle_verdict(1)
    assert off.verdict(1) is Verdict.UNCHECKED and off.progress() == (0, 0)


def test_a_sentence_that_is_not_a_claim_takes_no_verdict(desk: ReviewDesk) -> None:
    with pytest.raises(VerdictsOff, match="not a flagged claim"):
        desk.cycle_verdict(0)


def test_cycling_starts_from_what_another_program_stored_meanwhile(
    desk: ReviewDesk, tmp_path: Path
) -> None:
    from reader.review import ReviewStore

    claim = desk_analysis().claims[0].index
    with ReviewStore.connect(tmp_path / "reviews.sqlite3") as other:
        review = other.open_article(desk_analysis())
        other.set_verdict(review.article.id, review.claims[0], Verdict.MISLEADING)
    # This desk still shows "unchecked"; v goes on from "misleading", not from what it shows.
    assert desk.verdict(claim) is Verdict.UNCHECKED
    assert desk.cycle_verdict(claim).verdict is Verdict.FALSE
