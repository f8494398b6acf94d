"""The header's provenance: the title gives way first, the source stays, a path is never cut."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from reader.ui.widgets.title_bar import fit_header, source_name

LONG_TITLE = (
    "Harbour operator weighs an order for a dozen electric ferries as the river routes grow"
)
LONG_PATH = "/home/desk/archive/2026/03/" + "nested-folder/" * 5 + "ferry-story.txt"
FACTS = ("Harbour Gazette", "Ana Ribeiro", "2026-03-02")


@pytest.mark.parametrize("width", [80, 100, 120, 160, 200])
def test_the_file_name_and_progress_stay_and_the_title_is_shortened_first(width: int) -> None:
    left, right = fit_header(
        width,
        title=LONG_TITLE,
        source=LONG_PATH,
        facts=FACTS,
        progress="4/9 checked",
        note="6 paragraphs hidden",
    )
    assert cell_len(left) + cell_len(right) <= width
    assert "ferry-story.txt" in left and "nested-folder" not in left
    assert "4/9 checked" in right and "clean view" in right
    assert left.startswith(" Harbour operator")
    if LONG_TITLE not in left:
        assert "…" in left  # cut with a sign


def test_at_80_columns_the_facts_give_way_before_the_title_is_cut_short() -> None:
    left, _ = fit_header(80, title=LONG_TITLE, source=LONG_PATH, facts=FACTS, progress="4/9")
    title = left.split(" — ")[0].strip()
    assert len(title) >= 16
    assert "Ana Ribeiro" not in left


def test_at_160_columns_everything_known_is_shown() -> None:
    left, right = fit_header(
        160, title="Ferry order weighed", source=LONG_PATH, facts=FACTS, progress="0/5 checked"
    )
    assert (
        left
        == " Ferry order weighed — ferry-story.txt · Harbour Gazette · Ana Ribeiro · 2026-03-02"
    )
    assert right == " 0/5 checked │ clean view "


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("-", "standard input"),
        ("https://www.example.org/news/ferries/", "example.org/news/ferries"),
        ("story.txt", "story.txt"),
        ("/a/b/c/story.txt", "story.txt"),
    ],
)
def test_sources_are_named_for_people(source: str, name: str) -> None:
    assert source_name(source) == name


def test_without_a_title_the_source_names_the_article() -> None:
    left, _ = fit_header(80, title="", source="-", progress="0/2 checked")
    assert left == " standard input"


def test_a_very_narrow_header_keeps_the_source_over_the_title() -> None:
    left, right = fit_header(40, title=LONG_TITLE, source=LONG_PATH, progress="4/9 checked")
    assert "ferry-story.txt" in left and "Harbour" not in left
    assert cell_len(left) + cell_len(right) <= 40
