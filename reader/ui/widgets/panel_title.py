"""A sidebar heading: what the panel lists, and how many, with the count always whole."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.widget import Widget

from reader.ui.display import shorten


class PanelTitle(Widget):
    """ "Entities (11)", "Claims: vague source (2 of 7)": the words give way, the count never.

    :attr:`labels` are the ways of saying what the panel lists, longest first; the first that
    fits beside the count is shown, else the last one shortened with "…".
    """

    def __init__(self, labels: tuple[str, ...], count: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels = labels
        self.count = count

    def set(self, labels: tuple[str, ...], count: str) -> None:
        """Change the heading."""
        if (labels, count) != (self.labels, self.count):
            self.labels, self.count = labels, count
            self.refresh()

    def text_at(self, width: int) -> str:
        """The heading as it fits in ``width`` cells."""
        count = f" ({self.count})" if self.count else ""
        room = width - cell_len(count)
        for label in self.labels:
            if cell_len(label) <= room:
                return label + count
        last = self.labels[-1] if self.labels else ""
        return (shorten(last, room) if room > 0 else "") + count

    def render(self) -> Content:
        """One line of plain text (never markup)."""
        return Content(self.text_at(self.content_size.width))
