"""Fixtures for the UI tests: apps on hand-made analyses, opened at a fixed size."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
from textual.pilot import Pilot

from reader.model import Analysis
from reader.ui.app import ReaderApp
from tests.ui.fixtures import hostile_analysis, sample_analysis

SIZE = (100, 30)

Opener = Callable[..., Any]


@pytest.fixture(autouse=True)
def _no_user_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep the tests away from the user's own config.toml."""
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))


@pytest.fixture
def open_app() -> Opener:
    """``async with open_app(analysis, **options) as (app, pilot):`` runs the reader."""

    @asynccontextmanager
    async def opener(
        analysis: Analysis | None = None, size: tuple[int, int] = SIZE, **options: Any
    ) -> AsyncIterator[tuple[ReaderApp, Pilot[None]]]:
        if analysis is None and "document" not in options and not options.get("target"):
            analysis = sample_analysis()
        target = options.pop("target", None)
        notifications = options.pop("notifications", False)
        app = ReaderApp(target, analysis=analysis, **options)
        async with app.run_test(size=size, notifications=notifications) as pilot:
            await pilot.pause()
            yield app, pilot

    return opener


@pytest.fixture
def hostile() -> Analysis:
    """An article full of markup and control characters."""
    return hostile_analysis()
