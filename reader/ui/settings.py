"""The viewer's settings from ``config.toml`` in the user's config directory.

::

    theme = "nord"              # any Textual theme name

    [keys]                      # binding id = "key" or "key1,key2" (Textual key names)
    next_claim = "right_square_bracket,l"
    quit = "q,ctrl+q"
"""

from __future__ import annotations

from typing import NamedTuple

from reader.config import config_dir, load_user_toml
from reader.errors import InputError

CONFIG_FILE = "config.toml"


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
