"""The reader app: the article, a sidebar of entities and claims, and keys to step through them.

The app never analyses text itself: a worker thread loads the input and calls
:func:`reader.analyze`, and everything on screen comes from the :class:`~reader.model.Analysis`
it returns. Big inputs are shown before the analysis ends (every paragraph, unhighlighted); the
clean view and the highlights replace that preview when the analysis arrives.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.worker import get_current_worker

from reader.errors import ReaderError
from reader.model import Analysis, Document, Entity, FlagKind, Sentence
from reader.ui.display import safe_line
from reader.ui.keys import KEY_SPECS, app_bindings, key_names
from reader.ui.loading import analyse_document, clean_preview, preview_analysis
from reader.ui.marks import (
    CURRENT_MATCH,
    CURRENT_MENTION,
    KIND_NAMES,
    MATCH,
    MENTION,
    Mark,
    ParagraphFinder,
    claim_tints,
    cue_marks,
    group_by_paragraph,
    main_kind,
)
from reader.ui.navigation import Stepper
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.status_line import StatusLine
from reader.ui.widgets.title_bar import TitleBar

FIRST_FRAME_SECONDS = 0.1
"""How long the first frame gets to reach the terminal before the analysis worker starts."""

SYNC_CHARS = 100_000
"""Loaded inputs up to this many characters are cleaned and shown before the first frame."""

SHORT_SCREEN = 32
"""Below this many rows the sidebar gives the entities most of its height."""

if TYPE_CHECKING:
    from textual.widgets import Input

    from reader.ui.widgets.claim_list import ClaimList
    from reader.ui.widgets.entity_list import EntityList

PREVIEW_CHARS = 200_000
"""Inputs longer than this are shown paragraph by paragraph before the analysis finishes."""

FILTERS: tuple[FlagKind | None, ...] = (
    None,
    FlagKind.SPECULATION,
    FlagKind.VAGUE_SOURCE,
    FlagKind.ATTRIBUTION,
)
"""The claim filters ``f`` cycles through: all claims, then one kind at a time."""


class ReaderApp(App[None]):
    """Read one article: clean or raw text, entities, and its flagged claims."""

    CSS_PATH = Path(__file__).with_name("reader.tcss")
    TITLE = "reader"
    BINDINGS: ClassVar[list[BindingType]] = app_bindings()  # type: ignore[assignment]

    def __init__(
        self,
        target: str | None = None,
        *,
        document: Document | None = None,
        analysis: Analysis | None = None,
        raw: bool = False,
        theme: str | None = None,
        keymap: dict[str, str] | None = None,
        export_dir: Path | None = None,
    ) -> None:
        """Open ``target`` (path or URL), an already loaded ``document``, or an ``analysis``."""
        super().__init__()
        self.source_target = target
        self.document = document
        self.analysis: Analysis | None = analysis
        self.start_raw = raw
        self.requested_theme = theme
        self.user_keymap = dict(keymap or {})
        self.export_dir = export_dir
        self.load_error: BaseException | None = None
        """Why the input could not be shown, when it could not (the app then exits)."""
        self.final = False
        """True once the full analysis is on screen (not just the preview of a big input)."""
        self.claims: Stepper[Sentence] = Stepper()
        self.filter_index = 0
        self.entity: Entity | None = None
        self.mentions: Stepper[tuple[int, int]] = Stepper()
        self.search_text = ""
        self.matches: Stepper[tuple[int, int]] = Stepper()
        self._finder = ParagraphFinder(())
        self._applicable: tuple[bool, bool, bool] = (False, False, False)
        self._pending: list[str] = []
        """Claim keys pressed before the analysis was ready, applied when it is."""
        self._sidebar_built = False
        """True once the sidebar's lists are mounted (right after the first frame)."""

    # -- building the screen -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Title bar, article and sidebar side by side, status line, footer (the search field
        is mounted when first needed; the sidebar's lists and the footer after the first frame)."""
        yield TitleBar(id="title-bar")
        with Horizontal(id="main"):
            with Vertical(id="reading"):
                yield ArticleView(id="article")
            # An empty panel in the first frame: it holds the sidebar's place, so the article
            # is wrapped once, and its lists are mounted right after that frame (they hold
            # nothing before the analysis anyway, and setting them up takes a frame's time).
            yield Vertical(id="sidebar")
        yield StatusLine(id="status")
        # The footer's keys only appear once the bindings are settled, after the first frame:
        # until then its line is an empty bar, and the footer is mounted into it afterwards.
        yield Widget(id="footer-bar")

    async def _finish_screen(self) -> None:
        """Mount what the first frame leaves out (sidebar lists, footer) and fill the sidebar."""
        from reader.ui.widgets.claim_list import ClaimList
        from reader.ui.widgets.entity_list import EntityList

        await self.query_one("#sidebar").mount(
            Static("Entities", id="entities-title", markup=False),
            EntityList(id="entities"),
            Static("Claims", id="claims-title", markup=False),
            ClaimList(id="claims"),
        )
        self._sidebar_built = True
        if self.analysis is not None:
            self._fill_sidebar(self.analysis)
        from textual.widgets import Footer

        await self.query_one("#footer-bar").mount(Footer(compact=True))

    @property
    def article(self) -> ArticleView:
        """The article view."""
        return self.query_one("#article", ArticleView)

    @property
    def _entity_list(self) -> EntityList:
        """The sidebar's entity list (mounted right after the first frame)."""
        from reader.ui.widgets.entity_list import EntityList

        return self.query_one("#entities", EntityList)

    @property
    def _claim_list(self) -> ClaimList:
        """The sidebar's claim list (mounted right after the first frame)."""
        from reader.ui.widgets.claim_list import ClaimList

        return self.query_one("#claims", ClaimList)

    @property
    def status(self) -> StatusLine:
        """The status line."""
        return self.query_one("#status", StatusLine)

    def on_mount(self) -> None:
        """Apply settings, then show the analysis or start loading in a worker."""
        if self.no_color:
            self.article.add_class("-no-color")
        if self.requested_theme:
            if self.requested_theme in self.available_themes:
                self.theme = self.requested_theme
            else:
                self.notify(
                    f"Unknown theme {safe_line(self.requested_theme)!r}; "
                    "see the theme list in the command palette.",
                    severity="warning",
                    markup=False,
                )
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        self.article.raw = self.start_raw
        self.article.focus()
        # The command line turns the garbage collector off for start-up; on again after the
        # first frame, which the sidebar's lists and the footer follow.
        self.call_after_refresh(gc.enable)
        self.call_after_refresh(self._finish_screen)
        document = self.document
        if self.analysis is not None:
            self._show(self.analysis, final=True)
            return
        source = document.source if document else self.source_target or "-"
        self.query_one("#title-bar", TitleBar).source = source
        if document is not None and len(document.text) <= SYNC_CHARS:
            # The clean text first (milliseconds); claims and names follow from the worker,
            # started once the first frame is on screen (the analysis holds the interpreter
            # for a while, and would slow the frame down).
            self._show_clean_preview(document)
            if self.load_error is None:
                self.set_timer(FIRST_FRAME_SECONDS, self._start_loading)
            return
        self.article.loading = True
        self.status.say("loading…")
        self._start_loading()

    def _start_loading(self) -> None:
        self.run_worker(self._load, thread=True, exclusive=True, name="load")

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """The claim colours for the current theme (a theme may set its own)."""
        from reader.ui.palette import flag_colours

        return flag_colours(self.current_theme.to_color_system().generate())

    def on_resize(self) -> None:
        """On short screens the claims list stays small until it has the focus."""
        self.query_one("#sidebar").set_class(self.size.height < SHORT_SCREEN, "-short")

    # -- loading --------------------------------------------------------------------------------

    def _show_clean_preview(self, document: Document) -> None:
        """Show the clean view of a short input before its claims and names are found."""
        try:
            preview = clean_preview(document)
        except Exception as error:  # every failure ends the app with one clear line
            self._fail(error)
            return
        self._show(preview, False)

    def _load(self) -> None:
        """Read and analyse the input (in a thread); hand results to the UI thread."""
        worker = get_current_worker()
        try:
            document = self.document or self._read_target()
            from reader.text.normalize import normalize_text

            text = normalize_text(document.text)
            if len(text) > PREVIEW_CHARS:
                preview = preview_analysis(text, document)
                if not worker.is_cancelled:
                    self.call_from_thread(self._show, preview, False)
            analysis = analyse_document(document)
        except BaseException as error:  # every failure ends the app with one clear line
            if not worker.is_cancelled:
                self.call_from_thread(self._fail, error)
            return
        if not worker.is_cancelled:
            self.call_from_thread(self._show, analysis, True)

    def _read_target(self) -> Document:
        from reader.loading.sources import is_url, load

        target = self.source_target or "-"
        if is_url(target):
            return self._fetch(target)
        return load(target)

    def _fetch(self, url: str) -> Document:
        from reader.loading.fetch import fetch_document

        self.call_from_thread(self.status.say, f"fetching {safe_line(url)}…")
        return fetch_document(url, progress=self._fetch_progress)

    def _fetch_progress(self, received: int, total: int | None) -> None:
        """Called from the worker as bytes arrive: show how far the download is."""
        text = f"fetching… {received / 1024:,.0f} kB"
        if total:
            text += f" of {total / 1024:,.0f} kB"
        self.call_from_thread(self.status.say, text)

    def _fail(self, error: BaseException) -> None:
        self.load_error = error
        code = error.exit_code if isinstance(error, ReaderError) else 1
        self.exit(return_code=code)

    def _show(self, analysis: Analysis, final: bool) -> None:
        """Put ``analysis`` on screen (a preview first for big inputs, then the real one)."""
        self.analysis = analysis
        self.final = final
        self._finder = ParagraphFinder(analysis.paragraphs)
        article = self.article
        article.loading = False
        article.show_analysis(analysis)
        article.set_claim_marks(claim_tints(analysis), cue_marks(analysis))
        title_bar = self.query_one("#title-bar", TitleBar)
        title_bar.article_title = analysis.title or ""
        title_bar.source = analysis.source or ""
        self.title = safe_line(analysis.title or analysis.source or "reader")
        self.entity = None
        self.mentions.reset(())
        self.claims.reset(())
        self._apply_filter(fill_list=False)
        if self._sidebar_built:
            # The article is what the next frame needs; the sidebar follows right after it.
            self.call_after_refresh(self._fill_sidebar, analysis)
        if self.search_text:
            self._run_search(self.search_text, jump=False)
        self._update_view_labels()
        self._refresh_focus()
        if not final:
            self.status.say("analysing… (the text is shown; claims and names follow)")
        else:
            self._say_position()
            pending, self._pending = self._pending, []
            for action in pending:
                self.call_later(self.run_action, action)

    def _fill_sidebar(self, analysis: Analysis) -> None:
        if analysis is not self.analysis:
            return  # a newer analysis replaced this one and fills the sidebar itself
        self._entity_list.show_entities(
            analysis.entities, empty="No names found" if self.final else "Analysing…"
        )
        self._apply_filter()
        if self.claims.index is not None:
            self._claim_list.highlighted = self.claims.index

    # -- views ------------------------------------------------------------------------------------

    def _update_view_labels(self) -> None:
        title_bar = self.query_one("#title-bar", TitleBar)
        title_bar.view = "raw" if self.article.raw else "clean"
        hidden = len(self.analysis.hidden_paragraphs) if self.analysis else 0
        if not self.final:
            title_bar.note = f"{hidden} hidden · analysing…" if hidden else "analysing…"
        elif hidden:
            noun = "paragraph" if hidden == 1 else "paragraphs"
            verb = "dimmed" if self.article.raw else "hidden"
            title_bar.note = f"{hidden} {noun} {verb}"
        else:
            title_bar.note = ""

    def action_toggle_raw(self) -> None:
        """Switch between the clean and the raw view, keeping the reading position."""
        self.article.raw = not self.article.raw
        self._update_view_labels()
        if self.search_text:
            self._run_search(self.search_text, jump=False)
        view = "raw" if self.article.raw else "clean"
        hidden = len(self.analysis.hidden_paragraphs) if self.analysis else 0
        extra = f": {hidden} hidden paragraphs shown dimmed" if self.article.raw and hidden else ""
        self.status.say(f"{view} view{extra}")

    def action_scroll_article(self, how: str) -> None:
        """Scroll the article from anywhere: down, up, page_down, page_up, top, bottom."""
        article = self.article
        actions: dict[str, Callable[[], None]] = {
            "down": article.action_scroll_down,
            "up": article.action_scroll_up,
            "page_down": article.action_page_down,
            "page_up": article.action_page_up,
            "top": article.action_scroll_home,
            "bottom": article.action_scroll_end,
        }
        if how in actions:
            actions[how]()

    # -- claims -------------------------------------------------------------------------------

    @property
    def claim_filter(self) -> FlagKind | None:
        """The kind of claim ``]`` / ``[`` step through (``None``: every kind)."""
        return FILTERS[self.filter_index]

    def _filtered_claims(self) -> list[Sentence]:
        if self.analysis is None:
            return []
        kind = self.claim_filter
        claims = self.analysis.claims
        if kind is None:
            return list(claims)
        return [s for s in claims if any(f.kind is kind for f in s.flags)]

    def _apply_filter(self, *, fill_list: bool = True) -> None:
        claims = self._filtered_claims()
        self.claims.reset(claims, keep=self.claims.current)
        if not self._sidebar_built:
            return  # the sidebar lists the claims once it is mounted
        label = "all" if self.claim_filter is None else self.claim_filter.label
        total = len(self.analysis.claims) if self.analysis else 0
        shown = len(claims)
        count = f"{total}" if self.claim_filter is None else f"{shown} of {total}"
        title = self.query_one("#claims-title", Static)
        title.update(
            f"Claims ({count})" if self.claim_filter is None else f"Claims: {label} ({count})"
        )
        empty = "No flagged claims" if self.claim_filter is None else f"No {label} claims"
        if not self.final:
            empty = "Analysing…"
        if fill_list:
            self._claim_list.show_claims(claims, empty=empty)
        entities_title = self.query_one("#entities-title", Static)
        count_entities = len(self.analysis.entities) if self.analysis else 0
        entities_title.update(f"Entities ({count_entities})")

    def action_cycle_filter(self) -> None:
        """Step through claims of one kind only (or all of them again)."""
        self.filter_index = (self.filter_index + 1) % len(FILTERS)
        self._apply_filter()
        self._refresh_focus()
        label = "all" if self.claim_filter is None else self.claim_filter.label
        self.status.say(f"claims: {label} ({len(self.claims)})")

    def action_next_claim(self) -> None:
        """Go to the next claim, wrapping at the end."""
        if self._wait_for_analysis("next_claim"):
            return
        self._step_claim(forward=True)

    def action_previous_claim(self) -> None:
        """Go to the previous claim, wrapping at the start."""
        if self._wait_for_analysis("previous_claim"):
            return
        self._step_claim(forward=False)

    def _wait_for_analysis(self, action: str) -> bool:
        """While the claims are still being found, keep ``action`` for when they are."""
        if self.final or self.analysis is None:
            return False
        self._pending.append(action)
        self.status.say("analysing… (the key is kept and applied in a moment)")
        return True

    def _step_claim(self, forward: bool) -> None:
        step = self.claims.step(forward)
        if step is None:
            self.notify(self._no_claims_message(), markup=False)
            return
        if step.wrapped and len(self.claims) > 1:
            where = "first" if forward else "last"
            self.notify(f"Wrapped round to the {where} claim", markup=False, timeout=2)
        self._go_to_claim()

    def _no_claims_message(self) -> str:
        if self.analysis is not None and not self.final:
            return "Still analysing: claims will be marked shortly"
        if self.claim_filter is None:
            return "No flagged claims in this article"
        return f"No {self.claim_filter.label} claims (f changes the filter)"

    def _go_to_claim(self) -> None:
        claim = self.claims.current
        if claim is None:
            return
        self.article.scroll_to_offset(claim.paragraph, claim.start, claim.end)
        self._refresh_focus()
        if self._sidebar_built:
            claims_list = self._claim_list
            if self.claims.index is not None and claims_list.option_count > self.claims.index:
                claims_list.highlighted = self.claims.index
        self._say_position()

    def on_article_view_clicked(self, event: ArticleView.Clicked) -> None:
        """A click on a flagged sentence makes it the current claim."""
        for number, claim in enumerate(self.claims.items):
            if claim.paragraph == event.paragraph and claim.start <= event.offset < claim.end:
                self.claims.go(number)
                self._go_to_claim()
                return

    # -- entities --------------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click in the sidebar: select an entity or jump to a claim."""
        entities, claims = self._entity_list, self._claim_list
        if event.option_list is entities:
            entity = entities.entity_of(event.option)
            if entity is not None:
                self.select_entity(entity)
        elif event.option_list is claims:
            index = claims.claim_index(event.option)
            if index is not None and index < len(self.claims):
                self.claims.go(index)
                self._go_to_claim()

    def select_entity(self, entity: Entity) -> None:
        """Highlight ``entity``'s mentions and go to the first one."""
        self.entity = entity
        spans = sorted((m.start, m.end) for m in entity.mentions)
        self.mentions.reset(spans)
        marks = ((self._paragraph_of(s), (s, e, MENTION)) for s, e in spans)
        self.article.set_mentions(group_by_paragraph((p, m) for p, m in marks if p >= 0))
        self.mentions.step(True)
        self._go_to_mention()

    def _paragraph_of(self, offset: int) -> int:
        paragraph = self._finder.find(offset)
        return -1 if paragraph is None else paragraph.index

    def action_next_mention(self) -> None:
        """Go to the next mention of the selected entity."""
        self._step_mention(True)

    def action_previous_mention(self) -> None:
        """Go to the previous mention of the selected entity."""
        self._step_mention(False)

    def _step_mention(self, forward: bool) -> None:
        if self.entity is None:
            self.notify("Select an entity in the sidebar first (tab, then enter)", markup=False)
            return
        step = self.mentions.step(forward)
        if step is not None and step.wrapped and len(self.mentions) > 1:
            where = "first" if forward else "last"
            self.notify(f"Wrapped round to the {where} mention", markup=False, timeout=2)
        self._go_to_mention()

    def _go_to_mention(self) -> None:
        mention = self.mentions.current
        if mention is not None:
            paragraph = self._paragraph_of(mention[0])
            if paragraph >= 0:
                self.article.scroll_to_offset(paragraph, mention[0], mention[1])
        self._refresh_focus()
        self._say_position()

    # -- search ---------------------------------------------------------------------------------

    async def action_search(self) -> None:
        """Open the search field (created the first time it is needed)."""
        from reader.ui.widgets.search_bar import SearchBar

        found = self.query("#search")
        if found:
            search = found.first(SearchBar)
        else:
            search = SearchBar(id="search")
            await self.query_one("#reading").mount(search)
        search.display = True
        search.value = self.search_text
        search.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Search for the typed text and go to the first match after the reading position."""
        event.input.display = False
        self.article.focus()
        self._run_search(event.value, jump=True)

    def on_search_bar_cancelled(self) -> None:
        """Close the search field, keeping any earlier search."""
        self.query_one("#search").display = False
        self.article.focus()

    def _run_search(self, query: str, *, jump: bool) -> None:
        self.search_text = query
        if not query or self.analysis is None:
            self._clear_search()
            return
        shown = {p.index for p in self.article.shown_paragraphs}
        from reader.ui.search import find_matches

        found = find_matches(self.analysis.text, query, self._finder, shown)
        self.matches.reset(found, keep=self.matches.current)
        marks = ((self._paragraph_of(s), (s, e, MATCH)) for s, e in found)
        self.article.set_matches(group_by_paragraph(marks))
        if jump and found:
            self.matches.clear()
            self.matches.step(True, start=self._first_match_after_top(found))
            self._go_to_match()
        else:
            self._refresh_focus()
            self._say_position()
        if jump and not found:
            self.notify(f"Not found: {safe_line(query)}", markup=False, timeout=3)

    def _first_match_after_top(self, found: list[tuple[int, int]]) -> int:
        top = self.article.top_paragraph()
        if top is None or self.analysis is None:
            return 0
        start = self.analysis.paragraphs[top].start
        for number, (offset, _) in enumerate(found):
            if offset >= start:
                return number
        return len(found)

    def action_next_match(self) -> None:
        """Go to the next search match."""
        self._step_match(True)

    def action_previous_match(self) -> None:
        """Go to the previous search match."""
        self._step_match(False)

    def _step_match(self, forward: bool) -> None:
        if not self.search_text:
            self.notify("No search yet: press / to search", markup=False)
            return
        step = self.matches.step(forward)
        if step is None:
            self.notify(f"Not found: {safe_line(self.search_text)}", markup=False)
            return
        if step.wrapped and len(self.matches) > 1:
            self.notify("Search wrapped round", markup=False, timeout=2)
        self._go_to_match()

    def _go_to_match(self) -> None:
        match = self.matches.current
        if match is not None:
            paragraph = self._paragraph_of(match[0])
            if paragraph >= 0:
                self.article.scroll_to_offset(paragraph, match[0], match[1])
        self._refresh_focus()
        self._say_position()

    def _clear_search(self) -> None:
        self.search_text = ""
        self.matches.reset(())
        self.article.set_matches({})
        self._refresh_focus()
        self._say_position()

    def action_clear(self) -> None:
        """Clear the search; else the selected entity; else the current claim."""
        if self.search_text:
            self._clear_search()
        elif self.entity is not None:
            self.entity = None
            self.mentions.reset(())
            self.article.set_mentions({})
            self._refresh_focus()
            self._say_position()
        elif self.claims.current is not None:
            self.claims.clear()
            self._refresh_focus()
            self._say_position()

    # -- what the screen says ----------------------------------------------------------------------

    def _refresh_focus(self) -> None:
        claim = self.claims.current
        marks: list[tuple[int, Mark]] = []
        for stepper, style in ((self.mentions, CURRENT_MENTION), (self.matches, CURRENT_MATCH)):
            span = stepper.current
            if span is not None:
                marks.append((self._paragraph_of(span[0]), (span[0], span[1], style)))
        self.article.set_reading_marks(
            (claim.paragraph, claim.start, claim.end, KIND_NAMES[main_kind(claim)])
            if claim is not None
            else None,
            group_by_paragraph(marks),
        )
        applicable = (bool(self.search_text), self.entity is not None, claim is not None)
        if applicable != self._applicable:
            # The footer rebuilds itself on every refresh: only when its keys change.
            self._applicable = applicable
            self.refresh_bindings()

    def _say_position(self) -> None:
        head = ""
        parts: list[str] = []
        claim = self.claims.current
        total = len(self.claims)
        if claim is not None and self.claims.index is not None:
            # The kind being filtered for (else the one the sentence is coloured by) comes first,
            # with its first cue and reason.
            kind = self.claim_filter or main_kind(claim)
            flag = next(f for f in claim.flags if f.kind is kind)
            kinds = ", ".join(dict.fromkeys([kind.label, *(f.kind.label for f in claim.flags)]))
            head = (
                f"claim {self.claims.index + 1}/{total} · {kinds} · "
                f"“{safe_line(flag.cue)}”: {safe_line(flag.why)}"
            )
        elif self.analysis is not None and self.final:
            noun = "claim" if total == 1 else "claims"
            key = self.key_names()["next_claim"]
            head = f"{total} {noun} · {key} next claim" if total else "no flagged claims"
        if self.entity is not None and self.mentions.index is not None:
            parts.append(
                f"{safe_line(self.entity.name)} {self.mentions.index + 1}/{len(self.mentions)}"
                " (e/E)"
            )
        if self.search_text:
            where = self.matches.index
            position = f"{where + 1}/{len(self.matches)}" if where is not None else "—"
            if not self.matches.items:
                position = "no matches"
            parts.append(f"search “{safe_line(self.search_text)}” {position} (n/N)")
        self.status.say(head, *parts)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that do not apply now are left out of the footer."""
        if action in ("next_mention", "previous_mention"):
            return self.entity is not None
        if action in ("next_match", "previous_match"):
            return bool(self.search_text)
        if action == "clear":
            return bool(
                self.search_text or self.entity is not None or self.claims.current is not None
            )
        return True

    # -- copy, export, help ------------------------------------------------------------------------

    def current_sentence(self) -> Sentence | None:
        """The sentence being read: the current claim, else the one at the current mention or
        match, else the first sentence at the top of the screen."""
        if self.analysis is None:
            return None
        if self.claims.current is not None:
            return self.claims.current
        for stepper in (self.matches, self.mentions):
            span = stepper.current
            if span is not None:
                for sentence in self.analysis.sentences:
                    if sentence.start <= span[0] < sentence.end:
                        return sentence
        top = self.article.top_paragraph()
        for sentence in self.analysis.sentences:
            if top is not None and sentence.paragraph >= top:
                return sentence
        return None

    def action_copy_sentence(self) -> None:
        """Copy the current sentence to the clipboard (OSC 52)."""
        sentence = self.current_sentence()
        if sentence is None:
            self.notify("Nothing to copy here", markup=False)
            return
        self.copy_to_clipboard(sentence.text)
        words = safe_line(sentence.text)
        short = words if len(words) <= 50 else words[:49] + "…"
        self.notify(f"Copied: {short}", markup=False, timeout=3)

    def action_export(self) -> None:
        """Write the Markdown report to a new file in the current directory."""
        if self.analysis is None or not self.final:
            self.notify("Still analysing: try again in a moment", markup=False)
            return
        from reader.report.markdown import report_filename, to_markdown, write_new_file

        directory = self.export_dir or Path.cwd()
        try:
            path = write_new_file(
                directory, report_filename(self.analysis), to_markdown(self.analysis)
            )
        except OSError as error:
            self.notify(
                f"Could not write the report in {safe_line(str(directory))}: "
                f"{safe_line(error.strerror or str(error))}",
                severity="error",
                markup=False,
            )
            return
        self.notify(f"Report written to {safe_line(str(path))}", markup=False, timeout=6)

    def action_help(self) -> None:
        """Show every key."""
        from reader.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.key_names()))

    def key_names(self) -> dict[str, str]:
        """Binding id to its keys as currently mapped, written for people."""
        return key_names(self.user_keymap)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette: every reader action by name, then Textual's own commands."""
        names = self.key_names()
        for spec in KEY_SPECS:
            title = spec.help.split(" (")[0]
            yield SystemCommand(
                title, f"key: {names[spec.id]}", partial(self.run_action, spec.action)
            )
        yield from super().get_system_commands(screen)
