"""Two programs writing to the store at once (two viewers, or the viewer and the command line)."""

from __future__ import annotations

import itertools
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.review import ReviewStore, Verdict
from tests.conftest import REPO_ROOT
from tests.review_fixtures import desk_analysis

ROUNDS = 40

WRITER = """
import sys
import time
from pathlib import Path
from reader.review import ReviewStore, Verdict
from tests.review_fixtures import desk_analysis

path, role, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
checked = [v for v in Verdict if v.checked]
with ReviewStore.connect(path, busy_seconds=30) as store:
    review = store.open_article(desk_analysis())
    path.with_name(f"ready-{role}").touch()
    while not path.with_name("go").exists():  # both start writing at the same moment
        time.sleep(0.01)
    for r in range(rounds):
        for claim in review.claims:
            if role == "verdicts":
                store.set_verdict(review.article.id, claim, checked[(r + claim.number) % 4])
            else:
                store.set_note(review.article.id, claim, f"note {r} on claim {claim.number}")
            time.sleep(0.002)  # a script does some work between writes
"""


def _run_two_writers(path: Path) -> None:
    roles = ("verdicts", "notes")
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), role, str(ROUNDS)],
            cwd=REPO_ROOT,
            stderr=subprocess.PIPE,
        )
        for role in roles
    ]
    deadline = time.monotonic() + 60
    while not all(path.with_name(f"ready-{role}").exists() for role in roles):
        assert time.monotonic() < deadline and all(w.poll() is None for w in writers)
        time.sleep(0.01)
    path.with_name("go").touch()
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err.decode()


@pytest.mark.parametrize("existing", [True, False], ids=["existing-store", "new-store"])
def test_verdicts_and_notes_written_at_once_are_all_kept(tmp_path: Path, existing: bool) -> None:
    path = tmp_path / "reviews.sqlite3"
    if existing:
        ReviewStore.connect(path).close()
    _run_two_writers(path)
    checked = [v for v in Verdict if v.checked]
    with ReviewStore.connect(path) as store:
        review = store.open_article(desk_analysis())
        for claim in review.claims:
            assert claim.verdict is checked[(ROUNDS - 1 + claim.number) % 4]
            assert claim.note == f"note {ROUNDS - 1} on claim {claim.number}"
    with sqlite3.connect(path) as db:
        fields = [row[0] for row in db.execute("SELECT field FROM changes ORDER BY id")]
    db.close()
    claims = len(desk_analysis().claims)
    assert fields.count("verdict") == fields.count("note") == ROUNDS * claims
    # The two programs really did write at the same time: their changes interleave.
    switches = sum(1 for one, other in itertools.pairwise(fields) if one != other)
    assert switches > 10
    assert review.checked == claims


def test_a_second_store_sees_what_the_first_wrote_without_reopening(tmp_path: Path) -> None:
    path = tmp_path / "reviews.sqlite3"
    with ReviewStore.connect(path) as viewer, ReviewStore.connect(path) as command_line:
        review = viewer.open_article(desk_analysis())
        command_line.set_note(review.article.id, review.claims[0], "From a script.")
        # The viewer's next write returns the claim as stored, the script's note with it.
        after = viewer.set_verdict(review.article.id, review.claims[0], Verdict.FALSE)
    assert (after.verdict, after.note) == (Verdict.FALSE, "From a script.")
