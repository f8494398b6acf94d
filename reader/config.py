"""The user's configuration directory and the TOML files in it.

The directory is the platform's per-user config location for ``reader`` (on Linux
``~/.config/reader``), or ``$READER_CONFIG_DIR`` when that is set. Files in it are optional:
``config.toml`` (theme, key bindings) and ``lexicon.toml`` (extra cues for the claim flags).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from reader.errors import InputError


def config_dir() -> Path:
    """Where the user's reader configuration lives."""
    override = os.environ.get("READER_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("reader", appauthor=False))


def load_user_toml(name: str) -> dict[str, Any]:
    """The parsed TOML file ``name`` from the config directory, or ``{}`` when it is absent.

    A file that exists but cannot be parsed raises :class:`~reader.errors.InputError` with the
    file and the problem in one line.
    """
    path = config_dir() / name
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"{path} is not valid TOML: {error}") from None


USER_LEXICON = "lexicon.toml"
"""The user's extra cues for the claim flags, in the config directory."""


def load_user_cues() -> dict[str, Any]:
    """The user's cue tables from ``lexicon.toml`` (``{}`` when there is none)."""
    return load_user_toml(USER_LEXICON)


def install_user_analyzer() -> None:
    """Make the process's default analyzer use the user's cues; the edges call this once.

    Reading ``lexicon.toml`` happens here, at the edge, so that analysis itself does no I/O.
    """
    from reader.pipeline import Analyzer, use_analyzer

    use_analyzer(Analyzer(user_cues=load_user_cues()))
