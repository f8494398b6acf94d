"""The sidebar's lists (entities, claims, sources): option lists that never parse markup."""

from __future__ import annotations

from textual.widgets import OptionList


class SidebarList(OptionList):
    """An option list of the sidebar: plain text only, and ready to act when tab reaches it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def on_focus(self) -> None:
        """Arriving by tab puts the cursor on the first item, so enter acts at once."""
        if self.highlighted is None:
            for index, option in enumerate(self.options):
                if not option.disabled:
                    self.highlighted = index
                    break
