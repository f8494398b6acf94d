"""The status line under the article: where you are among claims, mentions and matches."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Static

SEPARATOR = " │ "
MIN_HEAD_CELLS = 12
"""The head is only shortened while at least this much of it stays readable."""


def shorten(text: str, cells: int) -> str:
    """``text`` cut to at most ``cells`` terminal cells, ending in "…" when something was cut."""
    if cell_len(text) <= cells:
        return text
    kept: list[str] = []
    used = 1  # the ellipsis
    for char in text:
        width = cell_len(char)
        if used + width > cells:
            break
        kept.append(char)
        used += width
    return "".join(kept).rstrip() + "…"


class StatusLine(Static):
    """One line of plain (never markup) text, replaced as the reader moves.

    The line is a head (where you are among the claims) and tail parts (the selected entity's
    mention, the search). On a narrow screen the head is shortened first, so the tail parts,
    which are short and change with every key, stay in view.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.message = ""
        self._head = ""
        self._tail: tuple[str, ...] = ()

    def say(self, text: str, *tail: str) -> None:
        """Show ``text`` followed by the ``tail`` parts (all already made safe by the caller)."""
        self._head, self._tail = text, tail
        self.message = SEPARATOR.join(part for part in (text, *tail) if part)
        self._show()

    def _show(self) -> None:
        line = self.message
        width = self.content_size.width
        if width and self._head and self._tail and cell_len(line) > width:
            rest = SEPARATOR.join(self._tail)
            room = width - cell_len(rest) - cell_len(SEPARATOR)
            if room >= MIN_HEAD_CELLS:
                line = shorten(self._head, room) + SEPARATOR + rest
        self.update(Content(line))

    def on_resize(self) -> None:
        """Fit the line to its new width."""
        self._show()
