"""The footer: the keys that matter now, each shown whole or not at all.

Textual's footer lets keys that do not fit run off its right edge, cut mid-word ("e next
menti"). This one leaves out whole keys instead, the least needed first, so what is shown can
always be read; every key is still on the help screen (``?``).
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

FOOTER_PRIORITY: tuple[str, ...] = (
    "next_claim",
    "next_mention",
    "next_match",
    "clear",
    "search",
    "help",
    "cycle_filter",
    "toggle_raw",
    "quit",
)
"""Actions by how much the footer needs them; the last are left out first when space is short."""

PALETTE_CELLS = 11
"""What the command palette's key takes at the right end ("▏^p palette")."""


def key_cells(key: FooterKey) -> int:
    """The cells one compact footer key takes, with the gap after it."""
    description = 1 + cell_len(key.description) if key.description else 0
    return cell_len(key.key_display) + description + 1


def keys_to_leave_out(keys: list[FooterKey], room: int) -> set[int]:
    """Positions of the keys to leave out so that the rest fit in ``room`` cells."""
    used = sum(key_cells(key) for key in keys)
    rank = {action: number for number, action in enumerate(FOOTER_PRIORITY)}
    order = sorted(
        range(len(keys)),
        key=lambda i: (rank.get(keys[i].action, len(FOOTER_PRIORITY)), i),
        reverse=True,
    )
    left_out: set[int] = set()
    for position in order:
        if used <= room:
            break
        left_out.add(position)
        used -= key_cells(keys[position])
    return left_out


class KeyFooter(Footer):
    """A compact footer that shows only whole keys."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._width = 0

    def compose(self) -> ComposeResult:
        """Textual's keys, less the ones that would not fit whole."""
        widgets: list[Widget] = list(super().compose())
        width = self.size.width
        if not width:
            yield from widgets
            return
        keys = [w for w in widgets if isinstance(w, FooterKey)]
        plain = [k for k in keys if not k.has_class("-command-palette")]
        palette = PALETTE_CELLS if len(plain) < len(keys) else 0
        left_out = {id(plain[i]) for i in keys_to_leave_out(plain, width - palette)}
        for widget in widgets:
            if id(widget) not in left_out:
                yield widget

    def on_resize(self) -> None:
        """A new width may fit more keys, or fewer."""
        if self.size.width != self._width:
            self._width = self.size.width
            self.call_after_refresh(self.recompose)
