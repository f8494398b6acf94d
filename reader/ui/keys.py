"""Every key of the reader in one table: the app's bindings, the help screen and the palette.

Each binding has an id; ``[keys]`` in ``config.toml`` maps ids to other keys (see the README).
"""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding


class KeySpec(NamedTuple):
    """One remappable command: its id, default keys, action and words for people."""

    id: str
    keys: str
    """Textual key names, comma-separated."""
    action: str
    label: str
    """Short, for the footer."""
    help: str
    """A sentence for the help screen and the command palette."""
    show: bool = True
    """Shown in the footer (when it applies)."""
    display: str | None = None
    """How the help screen writes the default keys, when Textual's names are unwieldy."""


KEY_SPECS: tuple[KeySpec, ...] = (
    KeySpec(
        "next_claim",
        "right_square_bracket",
        "next_claim",
        "claim",
        "Go to the next flagged claim (wraps at the end)",
        display="]",
    ),
    KeySpec(
        "previous_claim",
        "left_square_bracket",
        "previous_claim",
        "prev claim",
        "Go to the previous flagged claim (wraps at the start)",
        show=False,
        display="[",
    ),
    KeySpec(
        "toggle_raw",
        "r",
        "toggle_raw",
        "raw/clean",
        "Switch between the clean view and the raw view with hidden paragraphs",
    ),
    KeySpec(
        "toggle_sidebar",
        "s",
        "toggle_sidebar",
        "sidebar",
        "Hide or show the sidebar of entities and claims",
        show=False,
    ),
    KeySpec(
        "cycle_filter",
        "f",
        "cycle_filter",
        "filter",
        "Cycle the claim filter: all, speculation, vague source, attribution",
    ),
    KeySpec(
        "search",
        "slash",
        "search",
        "search",
        "Search the article (a capital letter makes it match case; \\b at the start or end "
        "matches whole words: \\bEV\\b)",
        display="/",
    ),
    KeySpec("help", "question_mark", "help", "help", "Show every key", display="?"),
    KeySpec("quit", "q", "quit", "quit", "Quit"),
    KeySpec("next_match", "n", "next_match", "match", "Go to the next search match"),
    KeySpec(
        "previous_match",
        "N",
        "previous_match",
        "prev match",
        "Go to the previous search match",
        show=False,
    ),
    KeySpec(
        "next_mention",
        "e",
        "next_mention",
        "mention",
        "Go to the next mention of the selected entity",
    ),
    KeySpec(
        "previous_mention",
        "E",
        "previous_mention",
        "prev mention",
        "Go to the previous mention of the selected entity",
        show=False,
    ),
    KeySpec(
        "clear",
        "escape",
        "clear",
        "clear",
        "Clear the search, then the selected entity, then the current claim",
        display="esc",
    ),
    KeySpec(
        "copy_sentence",
        "y",
        "copy_sentence",
        "copy",
        "Copy the current sentence to the clipboard",
        show=False,
    ),
    KeySpec(
        "cycle_verdict",
        "v",
        "cycle_verdict",
        "verdict",
        "Cycle the current claim's verdict: unchecked, supported, misleading, false, unproven",
    ),
    KeySpec(
        "note",
        "c",
        "note",
        "note",
        "Write a note on the current claim (enter saves, esc cancels)",
        show=False,
    ),
    KeySpec(
        "history",
        "H",
        "history",
        "history",
        "Show the articles opened and reopen one",
        show=False,
    ),
    KeySpec(
        "export",
        "x",
        "export",
        "export",
        "Write a Markdown report into the current directory",
        show=False,
    ),
    KeySpec(
        "scroll_down",
        "j",
        "scroll_article('down')",
        "down",
        "Scroll down a line",
        show=False,
        display="j ↓",
    ),
    KeySpec(
        "scroll_up",
        "k",
        "scroll_article('up')",
        "up",
        "Scroll up a line",
        show=False,
        display="k ↑",
    ),
    KeySpec(
        "page_down",
        "space",
        "scroll_article('page_down')",
        "page down",
        "Scroll down a screen",
        show=False,
        display="space pgdn",
    ),
    KeySpec(
        "page_up",
        "b",
        "scroll_article('page_up')",
        "page up",
        "Scroll up a screen",
        show=False,
        display="b pgup",
    ),
    KeySpec(
        "top", "g", "scroll_article('top')", "top", "Go to the top", show=False, display="g home"
    ),
    KeySpec(
        "bottom",
        "G",
        "scroll_article('bottom')",
        "bottom",
        "Go to the end",
        show=False,
        display="G end",
    ),
)


def app_bindings() -> list[Binding]:
    """The bindings of the app, with ids so a keymap can change their keys."""
    return [
        Binding(spec.keys, spec.action, spec.label, show=spec.show, id=spec.id)
        for spec in KEY_SPECS
    ]


OTHER_KEYS: tuple[tuple[str, str], ...] = (
    ("tab / shift+tab", "Move the focus: article, entities, claims"),
    ("enter", "In the sidebar: select the entity or jump to the claim"),
    ("ctrl+p", "The command palette: every action by name"),
)
"""Keys the app does not define itself, listed on the help screen."""

_PEOPLE_NAMES = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "slash": "/",
    "question_mark": "?",
    "escape": "esc",
}


def bound_keys(keymap: dict[str, str]) -> dict[str, list[str]]:
    """Binding id to its Textual key names, as ``keymap`` (the user's overrides) maps them."""
    return {
        spec.id: [key.strip() for key in keymap.get(spec.id, spec.keys).split(",") if key.strip()]
        for spec in KEY_SPECS
    }


def key_clashes(keymap: dict[str, str]) -> list[tuple[str, str, str]]:
    """``(key, first id, second id)`` for every key that ``keymap`` leaves bound to two actions.

    A key bound twice does one of the two and silently loses the other (with ``quit = "q"`` and
    ``help = "q"``, ``q`` opens help and nothing quits), so such a keymap is refused.
    """
    owner: dict[str, str] = {}
    clashes: list[tuple[str, str, str]] = []
    for binding_id, keys in bound_keys(keymap).items():
        for key in keys:
            first = owner.setdefault(key, binding_id)
            if first != binding_id:
                clashes.append((key, first, binding_id))
    return clashes


def key_names(keymap: dict[str, str]) -> dict[str, str]:
    """Binding id to its keys, as ``keymap`` (the user's overrides) maps them, for people."""
    names: dict[str, str] = {}
    for spec in KEY_SPECS:
        keys = keymap.get(spec.id)
        if keys is None:
            names[spec.id] = spec.display or spec.keys
        else:
            names[spec.id] = " ".join(
                _PEOPLE_NAMES.get(key.strip(), key.strip()) for key in keys.split(",")
            )
    return names
