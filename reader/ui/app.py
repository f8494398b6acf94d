"""The reader app: routes keys and messages to the reading state and tells the widgets to draw.

The app never analyses text itself: a worker thread loads the input and asks the pipeline for
the analysis, and everything on screen comes from the :class:`~reader.model.Analysis` it
returns. What the screen is showing (claim, filter, entity, search) lives in a plain
:class:`~reader.ui.state.ReadingState`; this module only connects it to Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.worker import get_current_worker

from reader.errors import ReaderError
from reader.model import Analysis, Document, Entity
from reader.ui import loading
from reader.ui.display import safe_line
from reader.ui.keys import KEY_SPECS, app_bindings, key_names
from reader.ui.marks import (
    CURRENT_MATCH,
    CURRENT_MENTION,
    KIND_NAMES,
    MATCH,
    MENTION,
    Mark,
    claim_tints,
    cue_marks,
    group_by_paragraph,
    main_kind,
)
from reader.ui.messages import (
    ArticleClicked,
    ClaimChosen,
    EntityChosen,
    SearchCancelled,
    SearchSubmitted,
)
from reader.ui.review import ReviewActions
from reader.ui.state import ReadingState, Span
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.panel_title import PanelTitle
from reader.ui.widgets.status_line import StatusLine
from reader.ui.widgets.title_bar import TitleBar

FIRST_FRAME_SECONDS = 0.1
"""How long the first frame gets to reach the terminal before the analysis worker starts."""

SHORT_SCREEN = 32
"""Below this many rows the sidebar gives the entities most of its height."""

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.theme import Theme

    from reader.ui.widgets.claim_list import ClaimList
    from reader.ui.widgets.entity_list import EntityList


class ReaderApp(ReviewActions, App[None]):
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
        after_first_frame: Callable[[], None] | None = None,
    ) -> None:
        """Open ``target`` (path or URL), an already loaded ``document``, or an ``analysis``.

        ``after_first_frame`` is called once the first frame is drawn.
        """
        super().__init__()
        self.source_target = target
        self.document = document
        self.start_analysis = analysis
        self.start_raw = raw
        self.requested_theme = theme
        self.user_keymap = dict(keymap or {})
        self.export_dir = export_dir
        self.after_first_frame = after_first_frame
        self.load_error: BaseException | None = None
        """Why the input could not be shown, when it could not (the app then exits)."""
        self.state = ReadingState()
        """What the screen is showing: the analysis, claim, filter, entity and search."""
        self._applicable: tuple[bool, bool, bool] = (False, False, False)
        self._sidebar_built = False
        """True once the sidebar's lists are mounted (right after the first frame)."""
        self._kept_theme = ""
        """The theme in use at start or last kept in config.toml."""

    @property
    def analysis(self) -> Analysis | None:
        """The analysis on screen (a preview until :attr:`final`)."""
        return self.state.analysis

    @property
    def final(self) -> bool:
        """True once the full analysis is on screen (not just the preview of a big input)."""
        return self.state.final

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
            PanelTitle(("Entities",), id="entities-title"),
            EntityList(id="entities"),
            PanelTitle(("Claims",), id="claims-title"),
            ClaimList(id="claims"),
            *self.sources_widgets(),
        )
        self._sidebar_built = True
        if self.analysis is not None:
            self._fill_sidebar(self.analysis)
        from reader.ui.widgets.key_footer import KeyFooter

        await self.query_one("#footer-bar").mount(KeyFooter())

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

    @property
    def _title_bar(self) -> TitleBar:
        return self.query_one("#title-bar", TitleBar)

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
        self._kept_theme = self.theme
        self.theme_changed_signal.subscribe(self, self._keep_theme)
        self.article.raw = self.start_raw
        self.article.focus()
        if self.after_first_frame is not None:
            self.call_after_refresh(self.after_first_frame)
        self.call_after_refresh(self._finish_screen)
        document = self.document
        if self.start_analysis is not None:
            self._show(self.start_analysis, final=True)
            return
        source = document.source if document else self.source_target or "-"
        self._title_bar.source = source
        if document is not None and len(document.text) <= loading.SYNC_CHARS:
            # The clean text first (milliseconds); claims and names follow from the worker,
            # started once the first frame is on screen (the analysis holds the interpreter
            # for a while, and would slow the frame down).
            try:
                preview = loading.clean_preview(document)
            except Exception as error:  # every failure ends the app with one clear line
                self._fail(error)
                return
            self._show(preview, False)
            self.set_timer(FIRST_FRAME_SECONDS, self._start_loading)
            return
        self.article.loading = True
        self.status.say("loading…")
        self._start_loading()

    def _keep_theme(self, theme: Theme) -> None:
        """A theme chosen while reading (in the palette) is kept in config.toml for next time."""
        if theme.name == self._kept_theme:
            return  # the theme applied at start, or one already kept
        from reader.ui.settings import save_theme

        self._kept_theme = theme.name
        if not save_theme(theme.name):
            self.notify(
                "The theme could not be kept in config.toml (set it there by hand)",
                severity="warning",
                markup=False,
            )

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

    def _load(self) -> None:
        """Read and analyse the input (in a thread); hand results to the UI thread."""
        worker = get_current_worker()
        target = self.source_target or "-"

        def show(analysis: Analysis, final: bool) -> None:
            if not worker.is_cancelled:
                self.call_from_thread(self._show, analysis, final)

        def progress(received: int, total: int | None) -> None:
            text = loading.progress_text(target, received, total)
            self.call_from_thread(self.status.say, text)

        try:
            loading.load_and_analyse(target, self.document, show, progress)
        except BaseException as error:  # every failure ends the app with one clear line
            if not worker.is_cancelled:
                self.call_from_thread(self._fail, error)

    def _fail(self, error: BaseException) -> None:
        self.load_error = error
        code = error.exit_code if isinstance(error, ReaderError) else 1
        self.exit(return_code=code)

    def _show(self, analysis: Analysis, final: bool) -> None:
        """Put ``analysis`` on screen (a preview first for big inputs, then the real one)."""
        state = self.state
        state.show(analysis, final)
        article = self.article
        article.loading = False
        article.show_analysis(analysis)
        article.set_claim_marks(claim_tints(analysis), cue_marks(analysis))
        title_bar = self._title_bar
        title_bar.article_title = analysis.title or ""
        title_bar.source = analysis.source or ""
        self.show_provenance(analysis)
        if final:
            self.review_opened(analysis)
        self.title = safe_line(analysis.title or analysis.source or "reader")
        self._update_sidebar_titles()
        if self._sidebar_built:
            # The article is what the next frame needs; the sidebar follows right after it.
            self.call_after_refresh(self._fill_sidebar, analysis)
        if state.search:
            self._run_search(state.search.query, jump=False)
        self._update_view_labels()
        self._refresh_focus()
        if not final:
            self.status.say("analysing… (the text is shown; claims and names follow)")
        else:
            self._say_position()
            for action in state.take_pending():
                self.call_later(self.run_action, action)

    def _fill_sidebar(self, analysis: Analysis) -> None:
        if analysis is not self.analysis:
            return  # a newer analysis replaced this one and fills the sidebar itself
        self._entity_list.show_entities(
            analysis.entities, empty="No names found" if self.final else "Analysing…"
        )
        self._fill_claims()
        self.fill_sources(analysis)
        if self.state.claims.index is not None:
            self._claim_list.highlighted = self.state.claims.index

    def _fill_claims(self) -> None:
        """List the claims that pass the filter, under a heading that counts them."""
        self._update_sidebar_titles()
        if self._sidebar_built:
            claims = self.state.claims
            self._claim_list.show_claims(
                claims.shown,
                empty=claims.empty_text(self.final),
                kind_of=claims.shown_kind,
                verdicts=self.verdict_map(),
            )

    def _update_sidebar_titles(self) -> None:
        if not self._sidebar_built:
            return  # the sidebar is titled once it is mounted
        self.query_one("#claims-title", PanelTitle).set(*self.state.claims.heading())
        count = len(self.analysis.entities) if self.analysis else 0
        self.query_one("#entities-title", PanelTitle).set(("Entities",), f"{count}")

    # -- views ------------------------------------------------------------------------------------

    def _update_view_labels(self) -> None:
        title_bar = self._title_bar
        title_bar.view = "raw" if self.article.raw else "clean"
        title_bar.note = self.state.view_note(self.article.raw)

    def action_toggle_raw(self) -> None:
        """Switch between the clean and the raw view, keeping the reading position."""
        self.article.raw = not self.article.raw
        self._update_view_labels()
        if self.state.search:
            self._run_search(self.state.search.query, jump=False)
        view = "raw" if self.article.raw else "clean"
        hidden = self.state.hidden_count()
        extra = f": {hidden} hidden paragraphs shown dimmed" if self.article.raw and hidden else ""
        self.status.say(f"{view} view{extra}")

    def action_toggle_sidebar(self) -> None:
        """Hide the sidebar to give the article the whole width, or show it again."""
        sidebar = self.query_one("#sidebar")
        sidebar.display = not sidebar.display
        if not sidebar.display and self.focused is not None and sidebar in self.focused.ancestors:
            self.article.focus()
        key = self.key_names()["toggle_sidebar"]
        self.status.say("sidebar shown" if sidebar.display else f"sidebar hidden ({key} shows it)")

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

    def action_cycle_filter(self) -> None:
        """Step through claims of one kind only (or all of them again)."""
        claims = self.state.claims
        claims.cycle_filter()
        self._fill_claims()
        self._refresh_focus()
        self.status.say(f"claims: {claims.label} ({len(claims)})")

    def action_next_claim(self) -> None:
        """Go to the next claim, wrapping at the end."""
        self._step_claim("next_claim", forward=True)

    def action_previous_claim(self) -> None:
        """Go to the previous claim, wrapping at the start."""
        self._step_claim("previous_claim", forward=False)

    def _step_claim(self, action: str, *, forward: bool) -> None:
        if self.state.wait_for_analysis(action):
            self.status.say("analysing… (the key is kept and applied in a moment)")
            return
        claims = self.state.claims
        step = claims.step(forward)
        if step is None:
            self.notify(self.state.no_claims_message(), markup=False)
            return
        if step.wrapped and len(claims) > 1:
            where = "first" if forward else "last"
            self.notify(f"Wrapped round to the {where} claim", markup=False, timeout=2)
        self._go_to_claim()

    def _go_to_claim(self) -> None:
        claims = self.state.claims
        claim = claims.current
        if claim is None:
            return
        self.article.scroll_to_offset(claim.paragraph, claim.start, claim.end)
        self._refresh_focus()
        if self._sidebar_built:
            claims_list = self._claim_list
            if claims.index is not None and claims_list.option_count > claims.index:
                claims_list.highlighted = claims.index
        self._say_position()

    def on_article_clicked(self, message: ArticleClicked) -> None:
        """A click on a flagged sentence makes it the current claim."""
        index = self.state.claims.at(message.paragraph, message.offset)
        if index is not None:
            self.state.claims.go(index)
            self._go_to_claim()

    def on_claim_chosen(self, message: ClaimChosen) -> None:
        """Enter or a click on a claim in the sidebar: go to it."""
        if message.index < len(self.state.claims):
            self.state.claims.go(message.index)
            self._go_to_claim()

    # -- entities --------------------------------------------------------------------------------

    def on_entity_chosen(self, message: EntityChosen) -> None:
        """Enter or a click on an entity in the sidebar: select it."""
        self.select_entity(message.entity)

    def select_entity(self, entity: Entity) -> None:
        """Highlight ``entity``'s mentions and go to the first one."""
        mentions = self.state.mentions
        mentions.select(entity)
        self.article.set_mentions(self._marks(mentions.stepper.items, MENTION))
        self._go_to_span(mentions.current)

    def _marks(self, spans: Iterable[Span], style: str) -> dict[int, list[Mark]]:
        """``spans`` as marks drawn in ``style``, by paragraph."""
        paragraph_of = self.state.paragraph_of
        marks = ((paragraph_of(start), (start, end, style)) for start, end in spans)
        return group_by_paragraph((p, m) for p, m in marks if p >= 0)

    def action_next_mention(self) -> None:
        """Go to the next mention of the selected entity."""
        self._step_mention(True)

    def action_previous_mention(self) -> None:
        """Go to the previous mention of the selected entity."""
        self._step_mention(False)

    def _step_mention(self, forward: bool) -> None:
        mentions = self.state.mentions
        if mentions.entity is None:
            self.notify("Select an entity in the sidebar first (tab, then enter)", markup=False)
            return
        step = mentions.step(forward)
        if step is not None and step.wrapped and len(mentions) > 1:
            where = "first" if forward else "last"
            self.notify(f"Wrapped round to the {where} mention", markup=False, timeout=2)
        self._go_to_span(mentions.current)

    def _go_to_span(self, span: Span | None) -> None:
        """Bring a mention or match on screen, and say where the reader is."""
        if span is not None:
            paragraph = self.state.paragraph_of(span[0])
            if paragraph >= 0:
                self.article.scroll_to_offset(paragraph, span[0], span[1])
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
        search.value = self.state.search.query
        search.focus()

    def on_search_submitted(self, message: SearchSubmitted) -> None:
        """Search for the typed text and go to the first match after the reading position."""
        self.query_one("#search").display = False
        self.article.focus()
        self._run_search(message.query, jump=True)

    def on_search_cancelled(self, _message: SearchCancelled) -> None:
        """Close the search field, keeping any earlier search."""
        self.query_one("#search").display = False
        self.article.focus()

    def _run_search(self, query: str, *, jump: bool) -> None:
        search = self.state.search
        if not query or self.analysis is None:
            self._clear_search()
            return
        shown = {p.index for p in self.article.shown_paragraphs}
        found = search.run(query, self.analysis.text, self.state.finder, shown)
        self.article.set_matches(self._marks(found, MATCH))
        if jump and found:
            search.start_at(self._top_offset())
            self._go_to_span(search.current)
        else:
            self._refresh_focus()
            self._say_position()
        if jump and not found:
            self.notify(f"Not found: {safe_line(query)}", markup=False, timeout=3)

    def _top_offset(self) -> int:
        """Where the paragraph at the top of the screen starts (0 when nothing is shown)."""
        top = self.article.top_paragraph()
        if top is None or self.analysis is None:
            return 0
        return self.analysis.paragraphs[top].start

    def action_next_match(self) -> None:
        """Go to the next search match."""
        self._step_match(True)

    def action_previous_match(self) -> None:
        """Go to the previous search match."""
        self._step_match(False)

    def _step_match(self, forward: bool) -> None:
        search = self.state.search
        if not search:
            self.notify("No search yet: press / to search", markup=False)
            return
        step = search.step(forward)
        if step is None:
            self.notify(f"Not found: {safe_line(search.query)}", markup=False)
            return
        if step.wrapped and len(search) > 1:
            self.notify("Search wrapped round", markup=False, timeout=2)
        self._go_to_span(search.current)

    def _clear_search(self) -> None:
        self.state.search.clear()
        self.article.set_matches({})
        self._refresh_focus()
        self._say_position()

    def action_clear(self) -> None:
        """Clear the search; else the selected entity; else the current claim."""
        cleared = self.state.clear_one()
        if cleared == "search":
            self.article.set_matches({})
        elif cleared == "entity":
            self.article.set_mentions({})
        if cleared is not None:
            self._refresh_focus()
            self._say_position()

    # -- what the screen says ----------------------------------------------------------------------

    def _refresh_focus(self) -> None:
        state = self.state
        claim = state.claims.current
        marks: list[tuple[int, Mark]] = []
        for span, style in (
            (state.mentions.current, CURRENT_MENTION),
            (state.search.current, CURRENT_MATCH),
        ):
            if span is not None:
                marks.append((state.paragraph_of(span[0]), (span[0], span[1], style)))
        self.article.set_reading_marks(
            (claim.paragraph, claim.start, claim.end, KIND_NAMES[main_kind(claim)])
            if claim is not None
            else None,
            group_by_paragraph(marks),
        )
        applicable = state.applicable()
        if applicable != self._applicable:
            # The footer rebuilds itself on every refresh: only when its keys change.
            self._applicable = applicable
            self.refresh_bindings()

    def _say_position(self) -> None:
        head, parts = self.review_status(*self.state.status(self.key_names()["next_claim"]))
        self.status.say(head, *parts)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that do not apply now are left out of the footer."""
        return self.state.allows(action)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notice on the footer's line; a new one replaces the one on show."""
        self.clear_notifications()
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # -- copy, export, help ------------------------------------------------------------------------

    def action_copy_sentence(self) -> None:
        """Copy the current sentence to the clipboard (OSC 52)."""
        sentence = self.state.current_sentence(self.article.top_paragraph())
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
                directory,
                report_filename(self.analysis),
                to_markdown(self.analysis, self.review),
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
        yield from self.verdict_commands()
        yield from super().get_system_commands(screen)
