"""The checking desk in the viewer: v, c, the Sources panel, H, the header, and a store that
cannot be used."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Input

from reader.pipeline import analyze
from reader.review import Verdict
from reader.ui.app import ReaderApp
from reader.ui.screens.history import HistoryScreen
from reader.ui.screens.note import NoteScreen
from reader.ui.widgets.claim_list import ClaimList
from reader.ui.widgets.sources_panel import SourcesPanel
from reader.ui.widgets.title_bar import TitleBar
from tests.conftest import SAMPLE_ARTICLE
from tests.review_fixtures import VAGUE, desk_analysis

pytestmark = pytest.mark.asyncio


def notes(app: ReaderApp) -> list[str]:
    """The texts of the notifications on screen."""
    return [str(notification.message) for notification in app._notifications]


def header(app: ReaderApp) -> str:
    return app.query_one(TitleBar).render().plain


def claim_rows(app: ReaderApp) -> list[str]:
    return [str(option.prompt) for option in app.query_one(ClaimList).options]


async def test_v_cycles_the_verdict_and_every_place_shows_it(open_app) -> None:
    async with open_app(desk_analysis()) as (app, pilot):
        assert "0/5 checked" in header(app)
        await pilot.press("right_square_bracket", "v")
        assert "claim 1/5 · ✓ supported ·" in app.status.message
        assert claim_rows(app)[0].startswith("✓")
        assert "1/5 checked" in header(app)
        await pilot.press("v", "v")
        assert "claim 1/5 · ✗ false ·" in app.status.message
        assert claim_rows(app)[0].startswith("✗")
        await pilot.press("v", "v")
        assert "claim 1/5 · unchecked ·" in app.status.message
        assert "0/5 checked" in header(app)
        await pilot.press("v", "v", "v")
    # A new session on the same article finds the verdict.
    async with open_app(desk_analysis()) as (app, pilot):
        assert "1/5 checked" in header(app)
        assert claim_rows(app)[0].startswith("✗")
        await pilot.press("right_square_bracket")
        assert "claim 1/5 · ✗ false ·" in app.status.message


async def test_v_without_a_current_claim_says_what_to_do(open_app) -> None:
    async with open_app(desk_analysis()) as (app, pilot):
        await pilot.press("v")
        assert any("Go to a claim first" in note for note in notes(app))
        assert "0/5 checked" in header(app)


async def test_the_palette_sets_a_verdict_directly(open_app) -> None:
    async with open_app(desk_analysis()) as (app, pilot):
        await pilot.press("right_square_bracket", "right_square_bracket")
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {f"Verdict: {verdict}" for verdict in Verdict} <= set(titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Verdict: misleading")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert "claim 2/5 · ≈ misleading ·" in app.status.message
        assert app.review is not None and app.review.claims[1].verdict is Verdict.MISLEADING


async def test_c_writes_a_note_enter_saves_and_esc_cancels(open_app) -> None:
    async with open_app(desk_analysis()) as (app, pilot):
        await pilot.press("right_square_bracket", "c")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"Yard denies it", "enter")
        assert not isinstance(app.screen, NoteScreen)
        assert app.review is not None and app.review.claims[0].note == "Yard denies it"
        assert "+ note" in app.status.message
        # Esc leaves the note as it was; the field opens with the stored note.
        await pilot.press("c")
        field = app.screen.query_one("#note-input", Input)
        assert field.value == "Yard denies it"
        await pilot.press(*" and more", "escape")
        assert app.review.claims[0].note == "Yard denies it"
    async with open_app(desk_analysis()) as (app, pilot):
        assert app.review is not None and app.review.claims[0].note == "Yard denies it"


async def test_a_note_the_locked_store_refused_is_kept_for_the_next_try(open_app) -> None:
    async with open_app(desk_analysis()) as (app, pilot):
        assert app.desk.store is not None
        app.desk.store._connection.execute("PRAGMA busy_timeout = 100")  # wait 0.1 s, not 2
        holder = sqlite3.connect(app.desk.path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        await pilot.press("right_square_bracket", "c", *"typed while locked", "enter")
        await pilot.pause()
        assert any("locked by another program" in n and "press c" in n for n in notes(app))
        await pilot.press("v")
        await pilot.pause()
        assert any("nothing was saved" in n for n in notes(app))
        holder.execute("ROLLBACK")
        holder.close()
        await pilot.press("c")
        assert app.screen.query_one("#note-input", Input).value == "typed while locked"
        await pilot.press("enter")
        assert app.review is not None and app.review.claims[0].note == "typed while locked"


async def test_the_sources_panel_lists_vague_sources_first_and_steps_through_their_claims(
    open_app,
) -> None:
    async with open_app(desk_analysis(), size=(160, 45)) as (app, pilot):
        panel = app.query_one(SourcesPanel)
        rows = [str(option.prompt) for option in panel.options]
        assert rows == [f" vague  {VAGUE}: 3 claims", " named  Harbour Gazette: 1 claim"]
        panel.focus()
        await pilot.pause()
        await pilot.press("enter")
        assert app.status.message.startswith("claim 1/5")
        assert f"{VAGUE} 1/3" in app.status.message
        await pilot.press("enter")
        assert app.status.message.startswith("claim 3/5") and f"{VAGUE} 2/3" in app.status.message
        await pilot.press("enter", "enter")
        assert app.status.message.startswith("claim 1/5")  # round again
        # Even with a filter that hides the source's claim, choosing it shows the claim.
        await pilot.press("f")  # speculation only
        await pilot.press("down", "enter")
        assert app.status.message.startswith("claim 2/5")


async def test_tab_reaches_the_sources_panel_when_there_are_sources(open_app) -> None:
    async with open_app(desk_analysis()) as (app, pilot):
        await pilot.press("tab", "tab", "tab")
        assert isinstance(app.focused, SourcesPanel)


async def test_an_article_without_sources_says_so_in_the_sidebar(open_app) -> None:
    plain = analyze("The river is wide.\n\nThe ferries are blue and the quay is new.\n")
    assert not plain.sources
    async with open_app(plain) as (app, _pilot):
        assert not app.query_one(SourcesPanel).display
        assert "none named" in str(app.query_one("#sources-title").render())


async def test_the_export_carries_verdicts_and_notes(open_app, tmp_path: Path) -> None:
    async with open_app(desk_analysis(), export_dir=tmp_path) as (_app, pilot):
        await pilot.press("right_square_bracket", "v", "v", "v", "c", *"Gazette fixed it", "enter")
        await pilot.press("x")
        [report] = list(tmp_path.glob("*.report.md"))
        text = report.read_text(encoding="utf-8")
        assert "1. > The order may be signed" in text
        assert "**Verdict: false**" in text and "Note: Gazette fixed it" in text
        assert f"- {VAGUE} (vague): 3 claims (1, 3, 5)" in text


async def test_history_lists_articles_and_reopens_one(open_app, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    shutil.copyfile(SAMPLE_ARTICLE, other)
    async with open_app(target=str(other)) as (app, pilot):
        await app.workers.wait_for_complete()
        await pilot.pause()
    async with open_app(desk_analysis()) as (app, pilot):
        await pilot.press("H")
        assert isinstance(app.screen, HistoryScreen)
        rows = [str(o.prompt) for o in app.screen.query_one("#history-list").options]
        assert len(rows) == 2 and "Tagusline" in rows[0] and "other.txt" in rows[1]
        # The cursor starts on the newest article that is not the one on screen.
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.analysis is not None and app.analysis.title is not None
        assert app.analysis.title.startswith("Harbourline")
        assert "other.txt" in header(app)


async def test_history_says_plainly_when_a_file_has_moved(open_app, tmp_path: Path) -> None:
    other = tmp_path / "gone.txt"
    shutil.copyfile(SAMPLE_ARTICLE, other)
    async with open_app(target=str(other)) as (app, pilot):
        await app.workers.wait_for_complete()
        await pilot.pause()
    other.rename(tmp_path / "moved.txt")
    async with open_app(desk_analysis()) as (app, pilot):
        await pilot.press("H", "enter")
        await pilot.pause()
        assert any(
            f"{other} is no longer there: the file was moved or deleted" in n for n in notes(app)
        )
        assert app.analysis is not None and app.analysis.title.startswith("Tagusline")


async def test_a_read_only_data_directory_leaves_the_viewer_working_with_a_notice(
    open_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(0o555)
    if os.access(locked, os.W_OK):
        locked = Path("/proc")  # root writes anywhere permissions alone protect
    monkeypatch.setenv("READER_DATA_DIR", str(locked))
    try:
        async with open_app(desk_analysis()) as (app, pilot):
            assert any("verdicts are off" in n and "read-only" in n for n in notes(app))
            assert "checked" not in header(app)
            app.clear_notifications()
            await pilot.press("right_square_bracket", "v")
            assert app.status.message.startswith("claim 1/5 · ")
            # v says again why it does nothing (one notice at a time: the footer's line).
            assert any("verdicts are off" in n for n in notes(app))
            await pilot.press("right_square_bracket", "r")
            assert app.status.message.startswith("raw view")
    finally:
        (tmp_path / "ro").chmod(0o755)


async def test_a_damaged_store_is_set_aside_and_the_viewer_starts_a_fresh_one(
    open_app, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path))
    (tmp_path / "reviews.sqlite3").write_bytes(b"garbage" * 1000)
    async with open_app(desk_analysis()) as (app, pilot):
        assert any("was moved to" in n for n in notes(app))
        await pilot.press("right_square_bracket", "v")
        assert "✓ supported" in app.status.message
    assert [p.name for p in tmp_path.iterdir() if ".damaged-" in p.name]


async def test_the_header_keeps_the_file_name_and_shortens_the_title_at_80_columns(
    open_app,
) -> None:
    long_path = "/srv/archive/" + "very-deep-folder/" * 6 + "gazette-story.txt"
    analysis = desk_analysis(
        source=long_path,
        title="Tagusline weighs an electric ferry order that would remake the river " * 2,
        metadata={"site": "Harbour Gazette", "author": "Ana Ribeiro", "date": "2026-03-02T09:00"},
    )
    async with open_app(analysis, size=(80, 24)) as (app, _pilot):
        line = header(app)
        assert "gazette-story.txt" in line and "very-deep-folder" not in line
        assert "0/5 checked" in line
        assert line.startswith(" Tagusline weighs") and "…" in line
    async with open_app(analysis, size=(160, 45)) as (app, _pilot):
        line = header(app)
        for fact in ("gazette-story.txt", "Harbour Gazette", "Ana Ribeiro", "2026-03-02"):
            assert fact in line
        assert "2026-03-02T09" not in line


async def test_a_narrow_sources_panel_shortens_the_name_and_keeps_the_count(open_app) -> None:
    async with open_app(desk_analysis(), size=(80, 24)) as (app, _pilot):
        rows = [str(option.prompt) for option in app.query_one(SourcesPanel).options]
        assert rows[0].startswith(" vague  people") and rows[0].endswith("…: 3 claims")
        width = app.query_one(SourcesPanel).scrollable_content_region.width
        assert all(len(row) <= width for row in rows)
