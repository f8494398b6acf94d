"""The viewer's settings from ``config.toml`` in the user's config directory.

::

    theme = "nord"              # a Textual theme name (one chosen in the palette is kept here)

    [keys]                      # binding id = "key" or "key1,key2" (Textual key names)
    next_claim = "right_square_bracket,l"
    quit = "q,ctrl+q"
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from typing import NamedTuple

from reader.config import config_dir, load_user_toml
from reader.errors import InputError

CONFIG_FILE = "config.toml"

_TABLE_HEADER = re.compile(r"^\s*\[")
_THEME_LINE = re.compile(
    r"""^(?P<key>\s*theme\s*=\s*)(?P<value>"(?:[^"\\]|\\.)*"|'[^']*')(?P<rest>\s*(?:\#.*)?)$"""
)


class Settings(NamedTuple):
    """What the user configured: a theme name and key overrides by binding id."""

    theme: str | None
    keymap: dict[str, str]


def load_settings(known_ids: set[str]) -> Settings:
    """Read ``config.toml``; unknown keys and bad values are errors with one clear line."""
    data = load_user_toml(CONFIG_FILE)
    where = config_dir() / CONFIG_FILE
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        raise InputError(f'{where}: theme must be a string, like "nord"')
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        raise InputError(f'{where}: [keys] must be a table of id = "key"')
    keymap: dict[str, str] = {}
    for binding_id, value in keys.items():
        if binding_id not in known_ids:
            known = ", ".join(sorted(known_ids))
            raise InputError(f"{where}: unknown key id {binding_id!r} (known: {known})")
        if not isinstance(value, str) or not value.strip():
            raise InputError(f'{where}: keys.{binding_id} must be a key name, like "l"')
        keymap[binding_id] = value
    _refuse_clashes(keymap, where)
    return Settings(theme=theme, keymap=keymap)


def _refuse_clashes(keymap: dict[str, str], where: object) -> None:
    """One clear line when a key is left bound to two actions."""
    from reader.ui.keys import key_clashes

    clashes = key_clashes(keymap)
    if clashes:
        key, first, second = clashes[0]
        raise InputError(
            f"{where}: the key {key!r} is bound to both {first} and {second}; "
            "give one of them another key in [keys]"
        )


def with_theme(text: str, theme: str) -> str | None:
    """``text`` (a config.toml) with ``theme`` set, every other line as it was.

    The top-level ``theme = ...`` line has its value replaced (its comment kept); without one,
    a line is added after the top-level settings, before the first table. ``None`` when the
    file sets the theme in a way this does not rewrite safely (it is then left alone).
    """
    value = '"' + theme.replace("\\", "\\\\").replace('"', '\\"') + '"'
    lines = text.splitlines(keepends=True)
    top = next((i for i, line in enumerate(lines) if _TABLE_HEADER.match(line)), len(lines))
    for number in range(top):
        body = lines[number].rstrip("\r\n")
        match = _THEME_LINE.match(body)
        if match is not None:
            ending = lines[number][len(body) :]
            lines[number] = match["key"] + value + match["rest"] + ending
            break
    else:
        insert = top
        while insert > 0 and not lines[insert - 1].strip():
            insert -= 1  # after the last top-level line, before the blank lines that end it
        if insert > 0 and not lines[insert - 1].endswith("\n"):
            lines[insert - 1] += "\n"
        lines.insert(insert, f"theme = {value}\n")
    result = "".join(lines)
    try:
        parsed = tomllib.loads(result)
    except tomllib.TOMLDecodeError:
        return None
    return result if parsed.get("theme") == theme else None


def save_theme(theme: str) -> bool:
    """Keep ``theme`` in ``config.toml`` for the next start; False when it could not be kept.

    Only the theme line changes (see :func:`with_theme`); the file is replaced atomically, so
    an interrupted write never leaves half a config behind.
    """
    path = config_dir() / CONFIG_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError):
        return False
    new_text = with_theme(text, theme)
    if new_text is None:
        return False
    if new_text == text:
        return True
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".config-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(new_text)
            if path.exists():
                os.chmod(temporary, path.stat().st_mode & 0o777)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        return False
    return True
