"""SVG snapshots of the screen with verdicts given, at two sizes (check them by eye after
--snapshot-update)."""

from __future__ import annotations

import pytest

from reader.ui.app import ReaderApp
from tests.review_fixtures import desk_analysis

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 45), id="160x45")]


def desk_app() -> ReaderApp:
    analysis = desk_analysis(
        metadata={"site": "Harbour Gazette", "author": "Ana Ribeiro", "date": "2026-03-02"}
    )
    return ReaderApp(analysis=analysis)


@pytest.mark.parametrize("size", SIZES)
def test_screen_with_verdicts(snap_compare, size: tuple[int, int]) -> None:
    # Claim 1 false, claim 2 supported, the reader on claim 2.
    keys = ["right_square_bracket", "v", "v", "v", "right_square_bracket", "v"]
    assert snap_compare(desk_app(), press=keys, terminal_size=size)
