"""The help screen: every key, as currently mapped. Imported only when ``?`` is pressed."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.keys import KEY_SPECS, OTHER_KEYS

_LEGEND = (
    ("speculation", ".help--speculation", "hedges, predictions, things not yet confirmed"),
    ("vague source", ".help--vague-source", "unnamed or weasel sourcing"),
    ("attribution", ".help--attribution", "a claim credited to a named source"),
)


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
        """The table of keys in a scrollable box."""
        with VerticalScroll(id="help-box"):
            yield Static(self._table(), id="help-text", markup=False)

    def _table(self) -> Content:
        rows: list[tuple[str, str]] = [
            (self.key_names.get(spec.id, spec.display or spec.keys), spec.help)
            for spec in KEY_SPECS
        ]
        rows += list(OTHER_KEYS)
        width = max(len(key) for key, _ in rows) + 2
        parts: list[str | tuple[str, str]] = [("Keys\n\n", "bold")]
        for key, text in rows:
            parts += [(f"  {key:<{width}}", ".help--key"), f"{text}\n"]
        parts.append(("\nClaim colours\n\n", "bold"))
        for name, style, text in _LEGEND:
            parts += ["  ", (f" {name} ", style), f"  {text}\n"]
        parts.append("\nesc, q or ? closes this screen.")
        return Content.assemble(*parts)

    def action_dismiss(self) -> None:  # type: ignore[override]
        """Close the help screen."""
        self.dismiss(None)
