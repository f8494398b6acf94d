"""Untrusted text made safe to draw: control characters become visible, offsets stay mapped.

Article text may hold terminal escape sequences, C1 controls or bidirectional overrides. None of
them may reach the terminal. :func:`visible_text` replaces each with a printable stand-in
(``^[`` for ESC, ``<U+202E>`` for a right-to-left override) and returns a :class:`DisplayText`
that maps every offset in the original string to its position in the displayed one, so spans
from the model (sentences, cues, mentions) land on the right characters while the model keeps
its own offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from rich.cells import cell_len

from reader.text.printable import CONTROLS, stand_in

_UNSAFE = re.compile(f"[\n\t{CONTROLS}]")
"""Characters never drawn as themselves: the controls of :mod:`reader.text.printable`, and
newlines and tabs (the view wraps text itself)."""


class DisplayText(NamedTuple):
    """Text ready to draw, with the mapping from original offsets to displayed offsets."""

    text: str
    """What is drawn: the original with every unsafe character replaced by its stand-in."""
    changes: tuple[tuple[int, int, int], ...] = ()
    """``(original offset, displayed offset, stand-in length)`` of each replaced character."""

    def to_display(self, offset: int) -> int:
        """The displayed offset of original offset ``offset`` (a position between characters)."""
        if not self.changes:
            return offset
        k = bisect_right(self.changes, (offset, -1, -1)) - 1
        if k < 0:
            return offset
        original, displayed, width = self.changes[k]
        return displayed + width + (offset - original - 1)

    def to_original(self, offset: int) -> int:
        """The original offset drawn at displayed ``offset`` (inside a stand-in: its start)."""
        result = offset
        for original, displayed, width in self.changes:
            if displayed > offset:
                break
            if offset < displayed + width:
                return original
            result = original + 1 + (offset - displayed - width)
        return result


def visible_text(text: str) -> DisplayText:
    """``text`` with newlines and tabs as spaces and every unsafe character shown as a stand-in.

    Newlines and tabs inside a paragraph become single spaces (the view wraps text itself);
    every other unsafe character becomes a longer, visible stand-in.
    """
    if _UNSAFE.search(text) is None:
        return DisplayText(text)
    pieces: list[str] = []
    changes: list[tuple[int, int, int]] = []
    position = 0
    grown = 0
    for match in _UNSAFE.finditer(text):
        index = match.start()
        pieces.append(text[position:index])
        replacement = stand_in(match.group())
        pieces.append(replacement)
        if len(replacement) != 1:
            changes.append((index, index + grown, len(replacement)))
            grown += len(replacement) - 1
        position = index + 1
    pieces.append(text[position:])
    return DisplayText("".join(pieces), tuple(changes))


def safe_line(text: str) -> str:
    """Untrusted text (a title, a name, a cue) as one safe line for labels and lists."""
    return visible_text(" ".join(text.split())).text


def shorten(text: str, cells: int) -> str:
    """``text`` cut to at most ``cells`` terminal cells, ending in "…" when something was cut.

    The cut falls after the last whole word that fits, unless that would lose more than a
    third of the room (one long word is cut inside instead).
    """
    if cell_len(text) <= cells:
        return text
    if cells <= 1:
        return "…"[:cells]
    kept: list[str] = []
    used = 1  # the ellipsis
    for char in text:
        width = cell_len(char)
        if used + width > cells:
            break
        kept.append(char)
        used += width
    cut = "".join(kept)
    at_space = cut.rfind(" ")
    if at_space > 0 and at_space >= len(cut) * 2 // 3:
        cut = cut[:at_space]
    return cut.rstrip(" ,;:·│") + "…"
