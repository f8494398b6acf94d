"""The status line under the article: where you are among claims, mentions and matches."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class StatusLine(Static):
    """One line of plain (never markup) text, replaced as the reader moves."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.message = ""

    def say(self, text: str) -> None:
        """Show ``text`` (already made safe by the caller)."""
        self.message = text
        self.update(Content(text))
