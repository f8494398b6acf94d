"""The status line under the article: where you are among claims, mentions and matches."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Static

from reader.ui.display import shorten

SEPARATOR = " │ "
MIN_HEAD_CELLS = 12
"""The head is only shortened while at least this much of it stays readable."""


class StatusLine(Static):
    """One line of plain (never markup) text, replaced as the reader moves.

    The line is a head (where you are among the claims) and tail parts (the selected entity's
    mention, the search). On a narrow screen the head is shortened first, so the tail parts,
    which are short and change with every key, stay in view; whatever is cut ends in "…".
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
        self.update(Content(self.fitted(self.content_size.width)))

    def fitted(self, width: int) -> str:
        """The line as it fits in ``width`` cells: the head shortened first, then the whole."""
        line = self.message
        if not width or cell_len(line) <= width:
            return line
        if self._head and self._tail:
            rest = SEPARATOR.join(self._tail)
            room = width - cell_len(rest) - cell_len(SEPARATOR)
            if room >= MIN_HEAD_CELLS:
                return shorten(self._head, room) + SEPARATOR + rest
        return shorten(line, width)

    def on_resize(self) -> None:
        """Fit the line to its new width."""
        self._show()
