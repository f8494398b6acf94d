"""The search field, shown by ``/`` at the bottom of the article."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input

from reader.ui.messages import SearchCancelled, SearchSubmitted


class SearchBar(Input):
    """A one-line query; enter searches, escape gives up."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search the article (enter: find, esc: cancel)", id=id)

    def action_cancel(self) -> None:
        """Close the field."""
        self.post_message(SearchCancelled())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Hand the query to the app as a search of the article."""
        event.stop()
        self.post_message(SearchSubmitted(event.value))
