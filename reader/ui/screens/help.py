"""The help screen: every key, as currently mapped. Imported only when ``?`` is pressed."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.keys import KEY_SPECS, OTHER_KEYS

_LEGEND = (
    ("speculation", ".help--speculation", "hedges, predictions, things not yet confirmed"),
    ("vague source", ".help--vague-source", "unnamed or weasel sourcing"),
    ("attribution", ".help--attribution", "a claim credited to a named source"),
)


HELP_ORDER = (
    "next_claim",
    "previous_claim",
    "cycle_verdict",
    "note",
    "cycle_filter",
    "toggle_raw",
    "toggle_sidebar",
    "next_mention",
    "previous_mention",
    "search",
    "next_match",
    "previous_match",
    "clear",
    "scroll_down",
    "scroll_up",
    "page_down",
    "page_up",
    "top",
    "bottom",
    "copy_sentence",
    "export",
    "history",
    "help",
    "quit",
)
"""The order keys are explained in: reading first, then moving, then the rest."""


class HelpScreen(ModalScreen[None]):
    """A list of every key and what it does, with the colour legend of the claim kinds."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "close help"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "help--speculation",
        "help--vague-source",
        "help--attribution",
        "help--key",
    }

    def __init__(self, key_names: dict[str, str]) -> None:
        super().__init__()
        self.key_names = key_names
        """Binding id to the keys as currently mapped, as people write them."""

    def compose(self) -> ComposeResult:
        """A heading, then one row per key: the keys on the left, what they do on the right."""
        specs = sorted(KEY_SPECS, key=lambda spec: HELP_ORDER.index(spec.id))
        rows: list[tuple[str, str]] = [
            (self.key_names.get(spec.id, spec.display or spec.keys), spec.help) for spec in specs
        ]
        rows += list(OTHER_KEYS)
        with VerticalScroll(id="help-box"):
            yield Static(Content("Keys").stylize("bold"), classes="help-heading")
            with Grid(id="help-keys"):
                for keys, text in rows:
                    yield Static(Content(keys), classes="help-key", markup=False)
                    yield Static(Content(text), classes="help-text", markup=False)
            yield Static(Content("Claim colours").stylize("bold"), classes="help-heading")
            with Grid(id="help-legend"):
                for name, style, text in _LEGEND:
                    yield Static(Content(f" {name} ").stylize(style), classes="help-key")
                    yield Static(Content(text), classes="help-text", markup=False)
            yield Static(Content("esc, q or ? closes this screen."), classes="help-heading")

    def help_text(self) -> str:
        """Everything the help screen says, as plain text."""
        return "\n".join(str(static.render()) for static in self.query(Static))

    def action_dismiss(self) -> None:  # type: ignore[override]
        """Close the help screen."""
        self.dismiss(None)
