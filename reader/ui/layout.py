"""The article laid out as screen lines: paragraphs wrapped to a width, for one view.

A :class:`Layout` is plain data computed once per (view, width): for every screen line, which
paragraph it shows and which slice of that paragraph's displayed text. The article widget draws
any line from it on demand, so the cost of a layout is a few string searches per line and the
cost of drawing does not grow with the article.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from enum import IntEnum

from rich.cells import cell_len, get_character_cell_size

from reader.model import Paragraph
from reader.ui.display import DisplayText


class LineKind(IntEnum):
    """What one screen line shows."""

    TEXT = 0
    BLANK = 1
    LABEL = 2
    """The reason a hidden paragraph is hidden (raw view only)."""


def wrap_starts(text: str, width: int) -> list[int]:
    """Offsets where each wrapped line of ``text`` starts, breaking at spaces within ``width``.

    A line holds at most ``width`` cells, not counting the spaces it breaks at; a word longer
    than the width is cut. Wide (East Asian) characters count as two cells.
    """
    width = max(width, 1)
    if len(text) <= width and (text.isascii() or cell_len(text) <= width):
        return [0]
    if text.isascii() or cell_len(text) == len(text):
        return _wrap_single_width(text, width)
    return _wrap_by_cells(text, width)


def _wrap_single_width(text: str, width: int) -> list[int]:
    starts = [0]
    position = 0
    length = len(text)
    find_space = text.rfind
    while length - position > width:
        cut = find_space(" ", position, position + width + 1)
        if cut <= position:
            position += width
        else:
            position = cut + 1
            while position < length and text[position] == " ":
                position += 1
            if position >= length:
                break
        starts.append(position)
    return starts


def _wrap_by_cells(text: str, width: int) -> list[int]:
    starts = [0]
    line_start = 0
    cells = 0
    last_space = -1
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        size = get_character_cell_size(char)
        if char == " ":
            last_space = index
        if cells + size > width and index > line_start:
            if char == " ":
                next_start = index + 1
            elif last_space > line_start:
                next_start = last_space + 1
            else:
                next_start = index
            while next_start < length and text[next_start] == " ":
                next_start += 1
            if next_start >= length:
                break
            starts.append(next_start)
            line_start = next_start
            last_space = -1
            cells = 0
            index = next_start
            continue
        cells += size
        index += 1
    return starts


class Layout:
    """Screen lines for one view of the article at one text width (filled by build_layout)."""

    __slots__ = (
        "ends",
        "first_line",
        "first_text_line",
        "kinds",
        "owners",
        "paragraphs",
        "starts",
        "width",
    )

    def __init__(self, width: int, paragraphs: tuple[Paragraph, ...]) -> None:
        self.width = width
        """Cells available for text on each line."""
        self.paragraphs = paragraphs
        """The paragraphs shown, in order (the clean view: kept ones; the raw view: all)."""
        self.kinds: list[LineKind] = []
        """What each line shows."""
        self.owners: list[int] = []
        """The raw index of the paragraph each line belongs to (``-1`` for blank lines)."""
        self.starts: list[int] = []
        """Start of each line in its paragraph's displayed text."""
        self.ends: list[int] = []
        """End of each line in its paragraph's displayed text (trailing spaces excluded)."""
        self.first_line: dict[int, int] = {}
        """The first line (label or text) of each shown paragraph, by raw index."""
        self.first_text_line: dict[int, int] = {}
        """The first text line of each shown paragraph, by raw index."""

    def __len__(self) -> int:
        return len(self.kinds)

    def paragraph_at_line(self, line: int) -> int | None:
        """The raw index of the paragraph on ``line``, or of the next one after a blank line."""
        if not self.kinds:
            return None
        line = min(max(line, 0), len(self.kinds) - 1)
        for probe in range(line, len(self.kinds)):
            if self.owners[probe] >= 0:
                return self.owners[probe]
        for probe in range(line, -1, -1):
            if self.owners[probe] >= 0:
                return self.owners[probe]
        return None

    def line_of(self, paragraph: int, display_offset: int) -> int | None:
        """The line showing displayed offset ``display_offset`` of ``paragraph``, if shown."""
        first = self.first_text_line.get(paragraph)
        if first is None:
            return None
        last = first
        total = len(self.kinds)
        while last + 1 < total and self.owners[last + 1] == paragraph:
            last += 1
        k = bisect_right(self.starts, display_offset, first, last + 1) - 1
        return max(first, k)


def build_layout(
    paragraphs: Sequence[Paragraph],
    width: int,
    display: Callable[[Paragraph], DisplayText],
    *,
    labels: bool = False,
) -> Layout:
    """Wrap ``paragraphs`` to ``width`` cells; with ``labels``, hidden ones get a label line."""
    layout = Layout(width=max(width, 1), paragraphs=tuple(paragraphs))
    kinds, owners, starts, ends = layout.kinds, layout.owners, layout.starts, layout.ends
    first_line, first_text_line = layout.first_line, layout.first_text_line
    text_width = layout.width
    for position, paragraph in enumerate(paragraphs):
        if position:
            kinds.append(LineKind.BLANK)
            owners.append(-1)
            starts.append(0)
            ends.append(0)
        first_line[paragraph.index] = len(kinds)
        if labels and not paragraph.kept:
            kinds.append(LineKind.LABEL)
            owners.append(paragraph.index)
            starts.append(0)
            ends.append(0)
        text = display(paragraph).text
        line_starts = wrap_starts(text, text_width)
        first_text_line[paragraph.index] = len(kinds)
        for k, start in enumerate(line_starts):
            end = line_starts[k + 1] if k + 1 < len(line_starts) else len(text)
            while end > start and text[end - 1] == " ":
                end -= 1
            kinds.append(LineKind.TEXT)
            owners.append(paragraph.index)
            starts.append(start)
            ends.append(end)
    return layout
