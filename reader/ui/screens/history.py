"""The history: the articles opened, newest first, with their progress; enter reopens one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.review.records import HistoryEntry
from reader.ui.display import safe_line
from reader.ui.widgets.title_bar import source_name


def entry_prompt(entry: HistoryEntry) -> Content:
    """One line: when, progress, title and where it came from (all untrusted text made safe)."""
    when = entry.opened[:16].replace("T", " ")
    title = safe_line(entry.title or "untitled")
    where = safe_line(source_name(entry.source or "") or "unknown source")
    return Content.assemble(
        (f"{when}  ", ".history--when"),
        (f"{entry.checked}/{entry.claims} checked  ", ".history--progress"),
        title,
        (f" · {where}", ".history--source"),
    )


class HistoryScreen(ModalScreen[HistoryEntry | None]):
    """Lists the articles opened; dismissed with the one chosen, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        ("escape", "close", "close"),
        ("H", "close", "close"),
        ("q", "close", "close"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "history--when",
        "history--progress",
        "history--source",
    }

    def __init__(self, entries: Sequence[HistoryEntry], current: str | None) -> None:
        """``entries`` newest first; ``current`` is the id of the article on screen."""
        super().__init__()
        self.entries = list(entries)
        self.current = current

    def compose(self) -> ComposeResult:
        """A heading and the list."""
        with Vertical(id="history-box"):
            count = len(self.entries)
            noun = "article" if count == 1 else "articles"
            yield Static(
                f"History: {count} {noun} · enter reopens · esc closes",
                id="history-heading",
                markup=False,
            )
            options: list[Option] = [
                Option(entry_prompt(entry), id=f"entry-{number}")
                for number, entry in enumerate(self.entries)
            ]
            if not options:
                empty = Content("No articles opened yet").stylize("italic")
                options = [Option(empty, disabled=True)]
            yield OptionList(*options, id="history-list", markup=False)

    def on_mount(self) -> None:
        """Start on the first article that is not the one on screen."""
        listing = self.query_one("#history-list", OptionList)
        listing.focus()
        for number, entry in enumerate(self.entries):
            if entry.id != self.current:
                listing.highlighted = number
                break

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on an article: reopen it."""
        event.stop()
        option_id = event.option.id
        if option_id is not None and option_id.startswith("entry-"):
            self.dismiss(self.entries[int(option_id.removeprefix("entry-"))])

    def action_close(self) -> None:
        """Close without reopening anything."""
        self.dismiss(None)
