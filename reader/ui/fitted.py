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
    ) -> None:
        self.text = text
        """The part that gives way (already made safe by the caller)."""
        self.left = left or Content()
        self.right = right or Content()
        self.style = style
        """A style for the text (a component class like ``.entity-list--name``, or "")."""

    def at_width(self, width: int) -> Content:
        """The line as drawn in ``width`` cells."""
        room = width - self.left.cell_length - self.right.cell_length
        text = shorten(self.text, room) if room > 0 else ""
        return Content.assemble(self.left, (text, self.style), self.right)

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
