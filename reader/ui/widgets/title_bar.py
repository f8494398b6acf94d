"""The top line: what the article is and where it comes from, the review's progress, the view.

Left: the title, then the source (a file name, a URL, or "standard input"), then the site,
author and date where known. Right: "4/9 checked", what the view hides, the view. When the
line is too narrow the title is shortened first; the source is kept whole as long as anything
is (a path is never cut in the middle: only its file name is shown).
"""

from __future__ import annotations

from pathlib import PurePath

from rich.cells import cell_len
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from reader.ui.display import safe_line, shorten

MIN_TITLE_CELLS = 16
"""The title is shortened to this before anything else gives way."""

SEPARATOR = " — "
FACT_SEPARATOR = " · "
RIGHT_SEPARATOR = " │ "


def source_name(source: str) -> str:
    """How the header names where the article comes from: a file name (never a whole path),
    a URL without its scheme, or "standard input"."""
    if not source or source == "-":
        return "standard input" if source == "-" else ""
    lowered = source.lower()
    if lowered.startswith(("http://", "https://")):
        address = source.split("://", 1)[1]
        return address.removeprefix("www.").rstrip("/")
    return PurePath(source).name or source


def fit_header(
    width: int,
    *,
    title: str,
    source: str,
    facts: tuple[str, str, str] | tuple[str, ...] = (),
    progress: str = "",
    note: str = "",
    view: str = "clean",
) -> tuple[str, str]:
    """The header's left and right text for ``width`` cells (all parts already safe).

    ``facts`` are the site, author and date ("" where unknown). What gives way, in order: the
    title (down to :data:`MIN_TITLE_CELLS`), the note on hidden paragraphs, the author, the
    date, the site, the rest of the title; the source and the progress stay longest.
    """
    name = source_name(source)
    head = title or name or "reader"
    place = name if title and name else ""
    site, author, date = (*facts, "", "", "")[:3]

    def attempt(shown_facts: list[str], with_note: bool, min_title: int) -> tuple[str, str] | None:
        right_parts = [progress, note if with_note else "", f"{view} view"]
        right = " " + RIGHT_SEPARATOR.join(part for part in right_parts if part) + " "
        tail = SEPARATOR + place if place else ""
        extra = [fact for fact in shown_facts if fact and fact != name]
        if extra:
            tail += FACT_SEPARATOR + FACT_SEPARATOR.join(extra)
        room = width - cell_len(right) - cell_len(tail) - 1
        if cell_len(head) <= room:
            return " " + head + tail, right
        if room < min_title:
            return None
        return " " + shorten(head, room) + tail, right

    for shown_facts, with_note in (
        ([site, author, date], True),
        ([site, author, date], False),
        ([site, date], False),
        ([site], False),
        ([], False),
    ):
        fitted = attempt(shown_facts, with_note, MIN_TITLE_CELLS)
        if fitted is not None:
            return fitted
    fitted = attempt([], False, 8)
    if fitted is not None:
        return fitted
    # Too narrow for a title beside the source: the source alone, then the progress.
    only = place or head
    right = f" {progress} " if progress else " "
    room = max(0, width - cell_len(right) - 1)
    return " " + shorten(only, room), right


class TitleBar(Widget):
    """Title and provenance on the left (the title shortened first), progress and view right."""

    article_title: reactive[str] = reactive("")
    source: reactive[str] = reactive("")
    facts: reactive[tuple[str, ...]] = reactive(())
    """Site, author and date, where known (in that order; an empty string for unknown)."""
    progress: reactive[str] = reactive("")
    """The review's progress ("4/9 checked"), or empty."""
    view: reactive[str] = reactive("clean")
    note: reactive[str] = reactive("")

    def render(self) -> Content:
        """One line; every part of it is untrusted text shown literally."""
        left, right = fit_header(
            self.size.width,
            title=safe_line(self.article_title),
            source=safe_line(self.source),
            facts=tuple(safe_line(fact) for fact in self.facts),
            progress=self.progress,
            note=self.note,
            view=self.view,
        )
        padding = " " * max(0, self.size.width - cell_len(left) - cell_len(right))
        return Content.assemble((left, ".title-bar--title"), padding, (right, ".title-bar--view"))
