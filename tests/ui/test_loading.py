"""Loading runs in a worker: the sample appears, big inputs show a preview first, and a bad
input ends the app with the error's exit code."""

from __future__ import annotations

from pathlib import Path

import pytest

import reader.ui.loading as loading_module
from reader.errors import InputError
from reader.model import Document
from reader.pipeline import preview as pipeline_preview
from reader.ui.app import ReaderApp
from tests.conftest import SAMPLE_ARTICLE


async def wait_until(pilot, condition, seconds: float = 20.0) -> None:
    """Let the app run until ``condition()`` holds (the analysis runs in a worker thread)."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            await pilot.pause()  # and let the screen catch up
            return
        await pilot.pause(0.05)
    raise AssertionError("the app never got there")


async def test_a_path_is_loaded_and_analysed_in_a_worker() -> None:
    app = ReaderApp(str(SAMPLE_ARTICLE))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.final)
        assert app.final
        assert app.analysis is not None and app.analysis.source == str(SAMPLE_ARTICLE)
        assert not app.article.loading
        assert "Harbourline" in app.article.render_line(0).text


async def test_a_missing_file_ends_the_app_with_exit_code_2(tmp_path: Path) -> None:
    app = ReaderApp(str(tmp_path / "missing.txt"))
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(100):
            if app.return_code is not None:
                break
            await pilot.pause(0.05)
    assert isinstance(app.load_error, InputError)
    assert app.return_code == 2
    assert "no such file" in str(app.load_error)


async def test_a_big_input_is_shown_before_its_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading_module, "PREVIEW_CHARS", 100)
    monkeypatch.setattr(loading_module, "SYNC_CHARS", 50)
    shown: list[bool] = []
    original = ReaderApp._show

    def spy(self: ReaderApp, analysis, final: bool) -> None:
        shown.append(final)
        original(self, analysis, final)

    monkeypatch.setattr(ReaderApp, "_show", spy)
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    app = ReaderApp(document=Document(text=text, source="big.txt"))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.final)
        assert shown == [False, True]
        assert app.final
        assert len(app.article.shown_paragraphs) == len(app.analysis.kept_paragraphs)


async def test_the_preview_keeps_the_reading_position(monkeypatch: pytest.MonkeyPatch) -> None:
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    preview = pipeline_preview(Document(text=text, source="x"), clean=False)
    assert len(preview.paragraphs) > len(preview.kept_paragraphs) - 1
    app = ReaderApp(analysis=preview)
    async with app.run_test(size=(80, 24)) as pilot:
        article = app.article
        duplicate = next(
            p for p in __import__("reader").analyze(text).paragraphs if p.duplicate_of is not None
        )
        article.scroll_to(y=article.lines.first_line[duplicate.index], immediate=True)
        await pilot.pause()
        final = __import__("reader").analyze(text, source="x")
        app._show(final, True)
        await pilot.pause()
        top = article.top_paragraph()
        assert top == duplicate.duplicate_of or top <= duplicate.index


async def test_an_unreachable_url_ends_the_app_with_exit_code_3() -> None:
    from reader.errors import NetworkError

    app = ReaderApp("http://127.0.0.1:9/article")  # the discard port: nothing listens
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):
            if app.return_code is not None:
                break
            await pilot.pause(0.05)
    assert isinstance(app.load_error, NetworkError)
    assert app.return_code == 3


async def test_a_short_input_shows_its_clean_text_while_claims_are_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    from tests.ui.fixtures import sample_analysis

    release = threading.Event()
    finished = sample_analysis()

    def slow_analysis(document: Document):
        release.wait(10)
        return finished

    monkeypatch.setattr(loading_module, "analyse_document", slow_analysis)
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    app = ReaderApp(document=Document(text=text, source="sample-article.txt"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.final
        assert "Harbourline" in app.article.render_line(0).text
        hidden = [p.index for p in app.analysis.hidden_paragraphs]
        assert hidden and all(p not in app.article.lines.first_line for p in hidden)
        assert "analysing" in app.query_one("#title-bar").note
        await pilot.press("right_square_bracket")
        assert app.state.claims.current is None
        assert "analysing" in app.status.message
        release.set()
        await wait_until(pilot, lambda: app.final)
        assert app.state.claims.current is finished.claims[0]
        assert app.status.message.startswith(f"claim 1/{len(finished.claims)}")
