"""The checking desk in the viewer: verdicts (``v``), notes (``c``), the Sources panel, history
(``H``) and the header's provenance and progress.

:class:`ReviewActions` is mixed into the app; it keeps the store behind a
:class:`~reader.review.desk.ReviewDesk` (plain Python, tested on its own) and only connects it
to the screen. A store that cannot be used never stops the viewer: verdicts are off, and a
notice says why once.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand

from reader.model import Analysis, Sentence
from reader.review.verdicts import Verdict
from reader.ui.display import safe_line
from reader.ui.messages import SourceChosen
from reader.ui.verdicts import verdict_label

if TYPE_CHECKING:
    from textual.app import App

    from reader.model import Document
    from reader.review.desk import ReviewDesk
    from reader.review.records import ArticleReview, HistoryEntry
    from reader.ui.state import ReadingState
    from reader.ui.widgets.claim_list import ClaimList
    from reader.ui.widgets.sources_panel import SourcesPanel
    from reader.ui.widgets.status_line import StatusLine
    from reader.ui.widgets.title_bar import TitleBar

    _AppBase = App[None]
else:
    _AppBase = object

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def provenance_facts(analysis: Analysis) -> tuple[str, str, str]:
    """Site, author and date of the article ("" where unknown); an ISO date without its time."""
    metadata = analysis.metadata
    date = metadata.get("date", "")
    if _ISO_DATE.match(date):
        date = date[:10]
    return (metadata.get("site", ""), metadata.get("author", ""), date)


class ReviewActions(_AppBase):
    """Verdicts, notes, sources and history for the reader app (a mixin of ``ReaderApp``)."""

    if TYPE_CHECKING:
        state: ReadingState
        source_target: str | None
        document: Document | None
        start_analysis: Analysis | None
        _sidebar_built: bool

        @property
        def status(self) -> StatusLine: ...
        @property
        def _title_bar(self) -> TitleBar: ...
        @property
        def _claim_list(self) -> ClaimList: ...
        def _go_to_claim(self) -> None: ...
        def _fill_claims(self) -> None: ...
        def _say_position(self) -> None: ...
        def _start_loading(self) -> None: ...
        def key_names(self) -> dict[str, str]: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._desk: ReviewDesk | None = None
        self._source_steps: dict[int, int] = {}
        """The source last chosen in the panel, and which of its claims it went to."""

    # -- the store -------------------------------------------------------------------------------

    @property
    def desk(self) -> ReviewDesk:
        """The review desk (the store is opened the first time it is needed)."""
        if self._desk is None:
            from reader.review.desk import ReviewDesk
            from reader.review.store import open_review_store

            self._desk = ReviewDesk(open_review_store())
        return self._desk

    def review_opened(self, analysis: Analysis) -> None:
        """The final analysis is on screen: record the opening and show the stored verdicts."""
        desk = self.desk
        desk.open_article(analysis)
        self._source_steps = {}
        if desk.notice:
            self.notify(safe_line(desk.notice), severity="warning", timeout=10, markup=False)
            desk.notice = None
        self._show_progress()
        self.fill_sources(analysis)

    @property
    def review(self) -> ArticleReview | None:
        """The stored review of the article on screen (None when verdicts are off)."""
        return self._desk.review if self._desk is not None else None

    def verdict_map(self) -> dict[int, Verdict] | None:
        """Each claim's verdict by sentence index, for the claims list (None: verdicts off)."""
        review = self.review
        if review is None:
            return None
        return {claim.sentence: claim.verdict for claim in review.claims}

    def _show_progress(self) -> None:
        title_bar = self._title_bar
        if self.review is None:
            title_bar.progress = ""
            return
        checked, total = self.desk.progress()
        title_bar.progress = f"{checked}/{total} checked" if total else ""

    def show_provenance(self, analysis: Analysis) -> None:
        """Put the article's site, author and date in the header."""
        self._title_bar.facts = provenance_facts(analysis)

    # -- verdicts and notes ------------------------------------------------------------------------

    def _current_claim(self, action: str) -> Sentence | None:
        """The claim being read, or None after saying what to do instead (a key pressed while
        the claims are still being found is kept, and applied when they are)."""
        if self.state.wait_for_analysis(action):
            self.status.say("analysing… (the key is kept and applied in a moment)")
            return None
        claim = self.state.claims.current
        if claim is None:
            key = self.key_names().get("next_claim", "]")
            self.notify(f"Go to a claim first ({key} next claim)", markup=False, timeout=3)
        return claim

    def action_cycle_verdict(self) -> None:
        """Give the current claim the next verdict: unchecked, supported, misleading, false,
        unproven."""
        claim = self._current_claim("cycle_verdict")
        if claim is not None:
            self._save_verdict(claim, None)

    def action_set_verdict(self, word: str) -> None:
        """Give the current claim the verdict ``word`` (from the command palette)."""
        claim = self._current_claim(f"set_verdict({word!r})")
        if claim is not None:
            self._save_verdict(claim, Verdict(word))

    def _save_verdict(self, claim: Sentence, verdict: Verdict | None) -> None:
        from reader.review.errors import StoreError

        desk = self.desk
        try:
            if verdict is None:
                saved = desk.cycle_verdict(claim.index)
            else:
                saved = desk.set_verdict(claim.index, verdict)
        except StoreError as error:
            self.notify(safe_line(str(error)), severity="error", timeout=8, markup=False)
            return
        if self._sidebar_built:
            self._claim_list.mark_verdict(claim.index, saved.verdict)
        self._show_progress()
        self._say_position()

    def action_note(self) -> None:
        """Open a one-line note on the current claim (enter saves, esc cancels)."""
        claim = self._current_claim("note")
        if claim is None:
            return
        desk = self.desk
        if not desk.enabled:
            self.notify(safe_line(desk.off_reason), severity="warning", markup=False)
            return
        from reader.ui.screens.note import NoteScreen

        number = self._claim_number(claim)
        heading = f"Note on claim {number} (enter saves, esc cancels)"
        self.push_screen(
            NoteScreen(heading, desk.note_draft(claim.index)), partial(self._save_note, claim)
        )

    def _save_note(self, claim: Sentence, note: str | None) -> None:
        from reader.review.errors import StoreError

        if note is None:
            return
        try:
            self.desk.set_note(claim.index, note)
        except StoreError as error:
            self.notify(
                f"{safe_line(str(error))} Your note is kept: press c to try again.",
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        self._say_position()

    def _claim_number(self, claim: Sentence) -> int:
        """The claim's number among all the article's claims, from 1 (as reports count)."""
        for number, sentence in enumerate(self.state.claims.every, start=1):
            if sentence.index == claim.index:
                return number
        return 0

    def review_status(self, head: str, parts: list[str]) -> tuple[str, list[str]]:
        """The status line with the current claim's verdict after its counter, and where the
        reader is among the claims of a chosen source."""
        claim = self.state.claims.current
        if claim is None or self.review is None or not head.startswith("claim "):
            return head, parts
        stored = self.desk.claim(claim.index)
        if stored is None:
            return head, parts
        verdict = verdict_label(stored.verdict) + (" + note" if stored.note else "")
        counter, _, rest = head.partition(" · ")
        head = f"{counter} · {verdict}" + (f" · {rest}" if rest else "")
        return head, [*self._source_position(claim), *parts]

    def verdict_commands(self) -> Iterable[SystemCommand]:
        """Command-palette entries that set the current claim's verdict directly."""
        for verdict in Verdict:
            yield SystemCommand(
                f"Verdict: {verdict}",
                f"Give the current claim the verdict {verdict}",
                partial(self.action_set_verdict, str(verdict)),
            )

    # -- sources ---------------------------------------------------------------------------------

    @property
    def _sources_panel(self) -> SourcesPanel:
        from reader.ui.widgets.sources_panel import SourcesPanel

        return self.query_one("#sources", SourcesPanel)

    def sources_widgets(self) -> list[Any]:
        """The Sources panel and its heading, for the sidebar."""
        from textual.widgets import Static

        from reader.ui.widgets.sources_panel import SourcesPanel

        return [
            Static("Sources", id="sources-title", markup=False),
            SourcesPanel(id="sources"),
        ]

    def fill_sources(self, analysis: Analysis) -> None:
        """List the analysis's sources in the panel (once the sidebar is built)."""
        if not self._sidebar_built or analysis is not self.state.analysis:
            return
        from textual.widgets import Static

        claims = frozenset(sentence.index for sentence in analysis.claims)
        empty = "No sources named" if self.state.final else "Analysing…"
        panel = self._sources_panel
        panel.show_sources(analysis.sources, claims, empty)
        # No sources: the heading says so and the claims keep the room.
        panel.display = bool(analysis.sources) or not self.state.final
        count = len(analysis.sources)
        heading = f"Sources ({count})" if count or not self.state.final else "Sources: none named"
        self.query_one("#sources-title", Static).update(heading)

    def _source_claims(self, source_id: int) -> list[int]:
        analysis = self.state.analysis
        if analysis is None or not 0 <= source_id < len(analysis.sources):
            return []
        claims = {sentence.index for sentence in analysis.claims}
        return sorted(s for s in analysis.sources[source_id].sentences if s in claims)

    def on_source_chosen(self, message: SourceChosen) -> None:
        """A source chosen in the panel: go to its next claim (its first, the first time)."""
        sentences = self._source_claims(message.source)
        if not sentences:
            self.notify("No flagged claim rests on this source", markup=False, timeout=3)
            return
        step = self._source_steps.get(message.source, -1) + 1
        if step >= len(sentences):
            step = 0
        self._source_steps = {message.source: step}
        target = sentences[step]
        claims = self.state.claims
        if all(sentence.index != target for sentence in claims.shown):
            claims.filter_index = 0  # the filter hides it: show every claim again
            claims.refilter()
            self._fill_claims()
        for position, sentence in enumerate(claims.shown):
            if sentence.index == target:
                claims.go(position)
                break
        self._go_to_claim()

    def _source_position(self, claim: Sentence) -> list[str]:
        """ "people familiar with the matter 2/3 (enter)" when the claim is one of the chosen
        source's claims."""
        analysis = self.state.analysis
        for source_id in self._source_steps:
            sentences = self._source_claims(source_id)
            if analysis is not None and claim.index in sentences:
                name = safe_line(analysis.sources[source_id].name)
                return [f"{name} {sentences.index(claim.index) + 1}/{len(sentences)}"]
        return []

    # -- history ---------------------------------------------------------------------------------

    def action_history(self) -> None:
        """Show the articles opened; enter on one reopens it."""
        from reader.review.errors import StoreError
        from reader.ui.screens.history import HistoryScreen

        if isinstance(self.screen, HistoryScreen):
            return
        opening_store = self.desk.store
        if opening_store is None:
            self.notify(safe_line(self.desk.off_reason), severity="warning", markup=False)
            return
        try:
            entries = opening_store.history()
        except StoreError as error:
            self.notify(safe_line(str(error)), severity="error", markup=False)
            return
        current = self.review.article.id if self.review is not None else None
        self.push_screen(HistoryScreen(entries, current), self._reopen)

    def _reopen(self, entry: HistoryEntry | None) -> None:
        if entry is None:
            return
        review = self.review
        if review is not None and entry.id == review.article.id:
            self.notify("That is the article on screen", markup=False, timeout=3)
            return
        source = entry.source
        if not source or source == "-":
            self.notify(
                "That article was read from standard input: pipe it in again to reopen it "
                "(reader -)",
                severity="warning",
                markup=False,
            )
            return
        from reader.errors import ReaderError
        from reader.loading.sources import is_url, load_if_quick

        if not is_url(source) and not os.path.exists(source):
            self.notify(
                f"{safe_line(source)} is no longer there: the file was moved or deleted. "
                f"Open it where it is now (reader PATH) and its verdicts follow it.",
                severity="warning",
                timeout=10,
                markup=False,
            )
            return
        try:
            document = load_if_quick(source)
        except ReaderError as error:
            self.notify(
                f"Cannot reopen it: {safe_line(str(error))}", severity="error", markup=False
            )
            return
        self.source_target = source
        self.document = document
        self.start_analysis = None
        self.status.say(f"opening {safe_line(source)}…")
        self._start_loading()
