"""The app on generated hostile documents, with every key pressed in random order.

Whatever the article holds and whatever the reader presses, the app keeps running: no
exception, no early exit, and the screen never receives a raw control character.
"""

from __future__ import annotations

import asyncio
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reader
from reader.ui.app import ReaderApp
from tests.strategies import hostile_text

KEYS = [
    "right_square_bracket",
    "left_square_bracket",
    "r",
    "f",
    "e",
    "E",
    "n",
    "N",
    "y",
    "x",
    "j",
    "k",
    "down",
    "up",
    "space",
    "b",
    "g",
    "G",
    "pagedown",
    "pageup",
    "home",
    "end",
    "tab",
    "shift+tab",
    "enter",
    "escape",
    "question_mark",
    "slash",
    "a",
    "ctrl+p",
]
# App runs are slow: a dozen in the normal suite, many more in the long fuzz profile.
EXAMPLES = 300 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 12
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


async def _drive(text: str, keys: list[str], size: tuple[int, int]) -> None:
    analysis = reader.analyze(text, source="generated.txt")
    app = ReaderApp(None, analysis=analysis)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        assert app.return_code is None, "the app exited on its own"
        assert app.is_running
        assert not UNSAFE.search(app.export_screenshot())


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    text=hostile_text(),
    keys=st.lists(st.sampled_from(KEYS), min_size=5, max_size=40),
    size=st.sampled_from([(80, 24), (160, 45), (40, 12)]),
)
def test_any_keys_on_any_document_keep_the_app_running(
    text: str,
    keys: list[str],
    size: tuple[int, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # "x" writes its report into the current directory
    asyncio.run(_drive(text, keys, size))
