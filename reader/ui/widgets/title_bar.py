"""The top line: the article's title and source, the view, and what the view hides."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from reader.ui.display import safe_line


class TitleBar(Widget):
    """Title and source on the left (shortened to fit), the view and a note on the right."""

    article_title: reactive[str] = reactive("")
    source: reactive[str] = reactive("")
    view: reactive[str] = reactive("clean")
    note: reactive[str] = reactive("")

    def render(self) -> Content:
        """One line; every part of it is untrusted text shown literally."""
        right = f" {self.note} │ {self.view} view " if self.note else f" {self.view} view "
        left_parts = [safe_line(self.article_title or "reader")]
        if self.source:
            left_parts.append(safe_line(self.source))
        left = " " + " — ".join(left_parts)
        width = self.size.width
        room = max(0, width - cell_len(right))
        if cell_len(left) > room:
            left = set_cell_size(left, max(0, room - 1)).rstrip() + "…" if room else ""
        padding = " " * max(0, width - cell_len(left) - cell_len(right))
        return Content.assemble((left, ".title-bar--title"), padding, (right, ".title-bar--view"))
