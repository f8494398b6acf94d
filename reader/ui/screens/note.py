"""A one-line note on the current claim: enter saves, esc cancels."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

NOTE_MAX_CHARS = 2000
"""A note is one line; this keeps a pasted article out of it."""


class NoteScreen(ModalScreen[str | None]):
    """Asks for a note; dismissed with the text (enter) or None (esc)."""

    BINDINGS: ClassVar[list[BindingType]] = [("escape", "cancel", "cancel")]

    def __init__(self, heading: str, note: str) -> None:
        """``heading`` (already safe) names the claim; ``note`` is what the field starts with."""
        super().__init__()
        self.heading = heading
        self.note = note

    def compose(self) -> ComposeResult:
        """A heading and the field, at the bottom of the screen over the status line."""
        with Vertical(id="note-box"):
            yield Static(self.heading, id="note-heading", markup=False)
            yield Input(
                self.note,
                placeholder="a note on this claim (enter saves, esc cancels, empty removes it)",
                max_length=NOTE_MAX_CHARS,
                id="note-input",
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: save what was typed."""
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Esc: keep the note as it was."""
        self.dismiss(None)
