"""One line that fits its width: untrusted text shortened with "…", what matters kept whole.

Sidebar lines end (or start) with something that must stay readable however narrow the
sidebar is: an entity's mention count, a claim's kind tag, a heading's count in brackets. A
:class:`FittedLine` is drawn at the width it is given, so the text in the middle is shortened
to the room that is left, and the parts around it are never cut.
"""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from reader.ui.display import shorten


class FittedLine(Visual):
    """``left``, then ``text`` shortened to fit, then ``right``: one line at any width."""

    def __init__(
        self,
        text: str,
        *,
        left: Content | None = None,
        right: Content | None = None,
        style: str = "",
        narrow_left: Content | None = None,
        narrow_below: int = 0,
    ) -> None:
        self.text = text
        """The part that gives way (already made safe by the caller)."""
        self.left = left or Content()
        self.right = right or Content()
        self.style = style
        """A style for the text (a component class like ``.entity-list--name``, or "")."""
        self.narrow_left = narrow_left
        """A shorter ``left`` for narrow lines (a one-letter tag), or None to keep ``left``."""
        self.narrow_below = narrow_below
        """Use ``narrow_left`` when ``left`` would leave the text fewer cells than this."""

    def at_width(self, width: int) -> Content:
        """The line as drawn in ``width`` cells."""
        left = self.left
        room = width - left.cell_length - self.right.cell_length
        if self.narrow_left is not None and room < self.narrow_below:
            left = self.narrow_left
            room = width - left.cell_length - self.right.cell_length
        text = shorten(self.text, room) if room > 0 else ""
        return Content.assemble(left, (text, self.style), self.right)

    def __str__(self) -> str:
        return str(Content.assemble(self.left, self.text, self.right))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        """Draw the line at ``width``."""
        return self.at_width(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        """Wide enough for everything, uncut."""
        return self.left.cell_length + Content(self.text).cell_length + self.right.cell_length

    def get_height(self, rules: RulesMap, width: int) -> int:
        """Always one line."""
        return 1
