"""config.toml: a theme and key overrides; mistakes are one clear line, exit code 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.errors import InputError
from reader.ui.keys import KEY_SPECS
from reader.ui.settings import load_settings, save_theme
from tests.conftest import SAMPLE_ARTICLE

IDS = {spec.id for spec in KEY_SPECS}


def write_config(directory: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    (directory / "config.toml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("READER_CONFIG_DIR", str(directory))


def test_theme_and_keys_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_config(
        tmp_path, 'theme = "nord"\n[keys]\nnext_claim = "l,right_square_bracket"\n', monkeypatch
    )
    settings = load_settings(IDS)
    assert settings.theme == "nord"
    assert settings.keymap == {"next_claim": "l,right_square_bracket"}


def test_moving_a_key_away_frees_it_for_another_action(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_config(tmp_path, '[keys]\nquit = "ctrl+q"\nhelp = "q"\n', monkeypatch)
    assert load_settings(IDS).keymap == {"quit": "ctrl+q", "help": "q"}


def test_no_config_means_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    assert load_settings(IDS).theme is None
    assert load_settings(IDS).keymap == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("theme = 3\n", "theme must be a string"),
        ('[keys]\nfly = "z"\n', "unknown key id 'fly'"),
        ("[keys]\nquit = 5\n", "keys.quit must be a key name"),
        ("theme = \n", "is not valid TOML"),
        ('[keys]\nhelp = "q"\n', "the key 'q' is bound to both help and quit"),
        ('[keys]\nsearch = "f,slash"\n', "the key 'f' is bound to both cycle_filter and search"),
    ],
)
def test_mistakes_are_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    write_config(tmp_path, text, monkeypatch)
    with pytest.raises(InputError, match=message):
        load_settings(IDS)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("config.toml", "[keys\n"),
        ("config.toml", '[keys]\nquit = "q"\nhelp = "q"\n'),
        ("lexicon.toml", "[whispers\n"),
    ],
)
def test_the_command_reports_a_broken_config_in_one_line(
    tmp_path: Path, name: str, text: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    env = {**os.environ, "READER_CONFIG_DIR": str(tmp_path), "READER_DEBUG": ""}
    result = subprocess.run(
        [sys.executable, "-m", "reader", str(SAMPLE_ARTICLE)],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: ") and name in lines[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [(["/no/such/article.txt"], "no such file"), (["/"], "directory"), (["-"], "pipe one in")],
)
def test_the_viewer_refuses_bad_targets_before_taking_the_screen(
    args: list[str], message: str, tmp_path: Path
) -> None:
    env = {**os.environ, "READER_CONFIG_DIR": str(tmp_path), "READER_DEBUG": ""}
    stdin = None
    if args == ["-"]:
        pytest.importorskip("pty")
        import pty

        _, slave = pty.openpty()
        stdin = slave
    result = subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
        stdin=stdin,
    )
    assert result.returncode == 2
    err = result.stderr.decode()
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


HAND_WRITTEN = """\
# my reader settings
theme = "gruvbox"   # the dark one

[keys]
# vim-ish
next_claim = "l,right_square_bracket"
"""


def test_a_kept_theme_changes_only_the_theme_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_config(tmp_path, HAND_WRITTEN, monkeypatch)
    assert save_theme("nord")
    text = (tmp_path / "config.toml").read_text(encoding="utf-8")
    assert text == HAND_WRITTEN.replace('"gruvbox"', '"nord"')
    settings = load_settings(IDS)
    assert settings.theme == "nord"
    assert settings.keymap == {"next_claim": "l,right_square_bracket"}


def test_a_theme_is_added_above_the_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_config(tmp_path, '# mine\n\n[keys]\nquit = "ctrl+q"\n', monkeypatch)
    assert save_theme("dracula")
    text = (tmp_path / "config.toml").read_text(encoding="utf-8")
    assert text == '# mine\ntheme = "dracula"\n\n[keys]\nquit = "ctrl+q"\n'
    assert load_settings(IDS) == ("dracula", {"quit": "ctrl+q"})


def test_a_theme_set_in_an_unusual_way_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_config(tmp_path, '"theme" = "nord"\n', monkeypatch)
    assert not save_theme("dracula")
    assert (tmp_path / "config.toml").read_text(encoding="utf-8") == '"theme" = "nord"\n'


async def test_a_theme_chosen_while_reading_is_there_at_the_next_start(
    open_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    async with open_app(theme="nord") as (app, pilot):
        await pilot.pause()
        assert not (tmp_path / "config.toml").exists()  # the start theme is not written
        app.theme = "dracula"
        await pilot.pause()
    assert load_settings(IDS).theme == "dracula"
