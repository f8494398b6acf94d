"""SVG snapshots of the main screens at two sizes (check them by eye after --snapshot-update)."""

from __future__ import annotations

import pytest

from reader.ui.app import ReaderApp
from tests.ui.fixtures import sample_analysis

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 45), id="160x45")]


def sample_app() -> ReaderApp:
    return ReaderApp(analysis=sample_analysis())


@pytest.mark.parametrize("size", SIZES)
def test_main_screen_with_a_claim(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(sample_app(), press=["right_square_bracket"] * 2, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_raw_view(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(sample_app(), press=["r"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(sample_app(), press=["question_mark"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_entity_selected(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(sample_app(), press=["tab", "down", "enter"], terminal_size=size)
