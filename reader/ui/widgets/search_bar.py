"""The search field, shown by ``/`` at the bottom of the article."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """A one-line query; enter searches, escape gives up."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", show=False),
    ]

    class Cancelled(Message):
        """The user closed the search field without searching."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search the article (enter: find, esc: cancel)", id=id)

    def action_cancel(self) -> None:
        """Close the field."""
        self.post_message(self.Cancelled())
