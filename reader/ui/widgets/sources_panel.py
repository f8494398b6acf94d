"""The sources in the sidebar: who the claims rest on, vague ones first, with a claim count.

"people familiar with the matter: 3 claims". Choosing a source goes to its first claim;
choosing it again goes to the next one (the status line says which of its claims it is).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import Source, SourceKind
from reader.ui.display import safe_line, shorten
from reader.ui.messages import SourceChosen
from reader.ui.widgets.sidebar_list import SidebarList


def ordered_sources(sources: Sequence[Source]) -> list[Source]:
    """Vague sources first, then the ones more claims rest on, then by name."""
    return sorted(
        sources, key=lambda s: (s.kind is not SourceKind.VAGUE, -len(s.sentences), s.name)
    )


def claims_phrase(count: int) -> str:
    """ "1 claim", "3 claims"."""
    return f"{count} claim" if count == 1 else f"{count} claims"


def source_prompt(source: Source, claims: int, width: int | None = None) -> Content:
    """One line of the panel: kind tag, the source's name (safe) and how many claims rest on it.
    Within ``width`` cells the name is shortened with "…" and the count is kept whole."""
    tag, style = (
        (" vague ", ".sources-panel--vague")
        if source.kind is SourceKind.VAGUE
        else (" named ", ".sources-panel--named")
    )
    count = f": {claims_phrase(claims)}"
    name = safe_line(source.name)
    if width is not None:
        name = shorten(name, max(1, width - cell_len(tag) - 1 - cell_len(count)))
    return Content.assemble((tag, style), " ", name, (count, ".sources-panel--count"))


class SourcesPanel(SidebarList):
    """The article's sources; choosing one steps through the claims resting on it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *SidebarList.COMPONENT_CLASSES,
        "sources-panel--vague",
        "sources-panel--named",
        "sources-panel--count",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.sources: list[Source] = []
        self.counts: list[int] = []
        """How many claims rest on each listed source."""
        self.can_focus = False

    def show_sources(
        self, sources: Sequence[Source], claim_sentences: frozenset[int], empty: str
    ) -> None:
        """List ``sources`` in panel order, counting only the sentences that are claims."""
        self.sources = ordered_sources(sources)
        self.counts = [len(set(source.sentences) & claim_sentences) for source in self.sources]
        # An empty panel is passed over by tab.
        self.can_focus = bool(self.sources)
        if not self.sources:
            self.set_options([Option(Content(empty).stylize("italic"), disabled=True)])
            return
        width = self._text_width()
        self.set_options(
            Option(source_prompt(source, count, width), id=f"source-{source.id}")
            for source, count in zip(self.sources, self.counts, strict=True)
        )

    def _text_width(self) -> int | None:
        """Cells for one line of text (None before the panel has a size)."""
        width = self.scrollable_content_region.width
        return width if width > 0 else None

    def on_resize(self) -> None:
        """Shorten the names again for the new width, keeping every count whole."""
        width = self._text_width()
        for index, (source, count) in enumerate(zip(self.sources, self.counts, strict=True)):
            if index < self.option_count:
                self.replace_option_prompt_at_index(index, source_prompt(source, count, width))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on a source: tell the app which one."""
        event.stop()
        option_id = event.option.id
        if option_id is not None and option_id.startswith("source-"):
            self.post_message(SourceChosen(int(option_id.removeprefix("source-"))))
