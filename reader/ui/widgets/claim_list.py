"""The flagged claims in the sidebar: verdict mark, kind and first words; choosing one jumps to
it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import FlagKind, Sentence
from reader.review.verdicts import Verdict
from reader.ui.display import safe_line, shorten
from reader.ui.fitted import FittedLine
from reader.ui.marks import main_kind
from reader.ui.messages import ClaimChosen
from reader.ui.verdicts import VERDICT_MARKS
from reader.ui.widgets.sidebar_list import SidebarList

_KIND_TAGS: dict[FlagKind, tuple[str, str]] = {
    FlagKind.SPECULATION: (" SPEC  ", ".claim-list--speculation"),
    FlagKind.VAGUE_SOURCE: (" VAGUE ", ".claim-list--vague-source"),
    FlagKind.ATTRIBUTION: (" ATTR  ", ".claim-list--attribution"),
}
_NARROW_TAGS: dict[FlagKind, str] = {
    FlagKind.SPECULATION: " S ",
    FlagKind.VAGUE_SOURCE: " V ",
    FlagKind.ATTRIBUTION: " A ",
}
"""One-letter tags for a narrow sidebar, so that more of each claim shows (80 columns)."""
_NARROW_BELOW = 24
"""The long tags give way to the one-letter ones when they would leave fewer cells than this."""
_FIRST_CHARS = 120
"""The most of a claim the list shows, however wide it is."""


def claim_prompt(sentence: Sentence, kind: FlagKind, verdict: Verdict | None = None) -> FittedLine:
    """One line of the list: the verdict's mark (when verdicts are on), the tag of ``kind`` and
    the sentence's first words (safe), shortened with "…" to the list's width."""
    tag, style = _KIND_TAGS[kind]
    words = safe_line(sentence.text[: _FIRST_CHARS * 2])
    left = Content.assemble((tag, style), " ")
    narrow = Content.assemble((_NARROW_TAGS[kind], style), " ")
    if verdict is not None:
        mark_style = ".claim-list--checked" if verdict.checked else ".claim-list--unchecked"
        mark = (VERDICT_MARKS[verdict], mark_style)
        left, narrow = Content.assemble(mark, left), Content.assemble(mark, narrow)
    return FittedLine(
        shorten(words, _FIRST_CHARS),
        left=left,
        narrow_left=narrow,
        narrow_below=_NARROW_BELOW,
    )


class ClaimList(SidebarList):
    """The claims that pass the current filter, in reading order."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *SidebarList.COMPONENT_CLASSES,
        "claim-list--speculation",
        "claim-list--vague-source",
        "claim-list--attribution",
        "claim-list--checked",
        "claim-list--unchecked",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.claims: list[Sentence] = []
        self.kind_of: Callable[[Sentence], FlagKind] = main_kind
        """Which kind's tag each claim shows (the filtered kind, when a filter is on)."""
        self.verdicts: Mapping[int, Verdict] | None = None
        """Each claim's verdict by sentence index (None: verdicts are off, no marks)."""

    def show_claims(
        self,
        claims: Sequence[Sentence],
        empty: str = "No flagged claims",
        kind_of: Callable[[Sentence], FlagKind] = main_kind,
        verdicts: Mapping[int, Verdict] | None = None,
    ) -> None:
        """List ``claims`` (replacing what was listed), each tagged with ``kind_of(claim)`` and
        marked with its verdict when ``verdicts`` (by sentence index) is given."""
        self.claims = list(claims)
        self.kind_of = kind_of
        if verdicts is not None:
            self.verdicts = verdicts
        if not self.claims:
            self.set_options([Option(Content(empty).stylize("italic"), disabled=True)])
            return
        self.set_options(
            Option(
                claim_prompt(sentence, self.kind_of(sentence), self._verdict(sentence)),
                id=f"claim-{number}",
            )
            for number, sentence in enumerate(self.claims)
        )

    def _verdict(self, sentence: Sentence) -> Verdict | None:
        if self.verdicts is None:
            return None
        return self.verdicts.get(sentence.index, Verdict.UNCHECKED)

    def mark_verdict(self, sentence_index: int, verdict: Verdict) -> None:
        """Show a claim's new verdict (when the claim is listed)."""
        if self.verdicts is not None:
            self.verdicts = {**self.verdicts, sentence_index: verdict}
        for number, sentence in enumerate(self.claims):
            if sentence.index == sentence_index and number < self.option_count:
                self.replace_option_prompt_at_index(
                    number, claim_prompt(sentence, self.kind_of(sentence), verdict)
                )

    def claim_index(self, option: Option) -> int | None:
        """The position (among the listed claims) of a chosen option."""
        if option.id is None or not option.id.startswith("claim-"):
            return None
        return int(option.id.removeprefix("claim-"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on a claim: tell the app which one."""
        event.stop()
        index = self.claim_index(event.option)
        if index is not None:
            self.post_message(ClaimChosen(index))
