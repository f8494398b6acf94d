"""The article view: a Line-API widget that draws only the lines on screen.

Each visible line is cut from a paragraph's safe displayed text (see :mod:`reader.ui.display`),
styled with the marks that touch it and kept in an LRU cache, so a multi-megabyte article
scrolls as quickly as a short one. Text is never parsed as markup: it goes into
:class:`~textual.content.Content` as plain text and highlights are applied as spans.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content, Span
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from reader.model import Analysis, Paragraph
from reader.ui.display import DisplayText, visible_text
from reader.ui.layout import Layout, LineKind, build_layout
from reader.ui.marks import Mark
from reader.ui.messages import ArticleClicked

MAX_TEXT_WIDTH = 100
"""Lines longer than this are hard to read: wider terminals get a margin instead."""
_CLEAN_GUTTER = 2
_RAW_GUTTER = 6


class ArticleView(ScrollView, can_focus=True):
    """The article text, wrapped to the width, with claims, mentions and matches highlighted."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article--speculation",
        "article--vague-source",
        "article--attribution",
        "article--cue",
        "article--current-speculation",
        "article--current-vague-source",
        "article--current-attribution",
        "article--marker-speculation",
        "article--marker-vague-source",
        "article--marker-attribution",
        "article--mention",
        "article--current-mention",
        "article--match",
        "article--current-match",
        "article--hidden",
        "article--label",
        "article--number",
        "article--headline",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_up", "Scroll up", show=False),
        Binding("down", "scroll_down", "Scroll down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
    ]

    raw: reactive[bool] = reactive(False, init=False)
    """Show every raw paragraph (hidden ones dimmed) instead of the clean view."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.analysis: Analysis | None = None
        self.lines = Layout(width=1, paragraphs=())
        self._displays: dict[int, DisplayText] = {}
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self._tints: dict[int, list[Mark]] = {}
        self._cues: dict[int, list[Mark]] = {}
        self._mentions: dict[int, list[Mark]] = {}
        self._matches: dict[int, list[Mark]] = {}
        self._focus_marks: dict[int, list[Mark]] = {}
        self.current_claim: tuple[int, int, int, str] | None = None
        """``(paragraph, start, end, kind)`` of the claim being read (kind as in CSS names)."""
        self._layout_key: tuple[int, bool, int] | None = None
        self._mark_styles: dict[str, Style] = {}
        self.headline: int | None = None
        """The raw index of the first paragraph when it is the article's title (drawn bold)."""

    # -- data ---------------------------------------------------------------------------------

    def show_analysis(self, analysis: Analysis) -> None:
        """Show ``analysis``, keeping the paragraph at the top of the screen in view."""
        anchor = self.reading_anchor() if self.analysis is not None else None
        self.analysis = analysis
        self._displays.clear()
        self._tints, self._cues = {}, {}
        self._mentions, self._matches, self._focus_marks = {}, {}, {}
        self.current_claim = None
        kept = analysis.kept_paragraphs
        first = kept[0] if kept else None
        title = " ".join((analysis.title or "").split())
        is_title = first is not None and " ".join(analysis.paragraph_text(first).split()) == title
        self.headline = first.index if is_title and first is not None else None
        self._relayout(force=True)
        if anchor is not None:
            self.restore_anchor(anchor)

    def set_claim_marks(self, tints: dict[int, list[Mark]], cues: dict[int, list[Mark]]) -> None:
        """Tint the flagged sentences and mark their cue words."""
        self._tints, self._cues = tints, cues
        self.invalidate()

    def set_mentions(self, mentions: dict[int, list[Mark]]) -> None:
        """Highlight the mentions of the selected entity (empty: none)."""
        self._mentions = mentions
        self.invalidate()

    def set_matches(self, matches: dict[int, list[Mark]]) -> None:
        """Highlight search matches (empty: none)."""
        self._matches = matches
        self.invalidate()

    def set_reading_marks(
        self, claim: tuple[int, int, int, str] | None, marks: dict[int, list[Mark]]
    ) -> None:
        """Mark the claim being read and the current mention or match (drawn on top)."""
        self.current_claim = claim
        self._focus_marks = marks
        self.invalidate()

    def invalidate(self) -> None:
        """Forget drawn lines and redraw the screen."""
        self._cache.clear()
        self.refresh()

    def display_of(self, paragraph: Paragraph) -> DisplayText:
        """The safe displayed text of one paragraph (computed once)."""
        display = self._displays.get(paragraph.index)
        if display is None:
            assert self.analysis is not None
            text = self.analysis.text[paragraph.start : paragraph.end]
            display = self._displays[paragraph.index] = visible_text(text)
        return display

    @property
    def shown_paragraphs(self) -> tuple[Paragraph, ...]:
        """The paragraphs of the current view, in order."""
        if self.analysis is None:
            return ()
        if self.raw:
            return self.analysis.paragraphs
        return self.analysis.kept_paragraphs

    # -- layout -------------------------------------------------------------------------------

    @property
    def gutter_width(self) -> int:
        """Cells left of the text: the current-claim marker, and paragraph numbers when raw."""
        return _RAW_GUTTER if self.raw else _CLEAN_GUTTER

    def _text_width(self) -> int:
        return max(10, min(MAX_TEXT_WIDTH, self.size.width - self.gutter_width - 1))

    @property
    def margin(self) -> int:
        """Blank cells left of the gutter that centre the text on a wide screen."""
        spare = self.size.width - self.gutter_width - 1 - self._text_width()
        return max(0, spare // 2)

    def _relayout(self, *, force: bool = False) -> bool:
        """Wrap the shown paragraphs to the width, unless they already are; True if it did."""
        if self.analysis is None or not self.size.width:
            return False  # not sized yet: the first layout of the screen wraps the article
        width = self._text_width()
        key = (id(self.analysis), self.raw, width)
        if not force and key == self._layout_key:
            return False
        self._layout_key = key
        self.lines = build_layout(self.shown_paragraphs, width, self.display_of, labels=self.raw)
        self.virtual_size = Size(self.size.width, len(self.lines))
        self._cache.clear()
        self.refresh()
        return True

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """Re-wrap for a new width as soon as the layout gives it, keeping the reading position.

        Textual calls this while it arranges the screen, before drawing the frame; the resize
        event comes after that frame. Wrapping here puts the text in the very first frame
        (and in the first one at a new width) instead of one frame later.
        """
        anchor = self.reading_anchor() if self._layout_key is not None else None
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        if self._relayout() and anchor is not None:
            self.restore_anchor(anchor)
        return resized

    def watch_raw(self) -> None:
        """Switch views, keeping the paragraph being read on screen."""
        if self.analysis is None:
            return
        anchor = self.reading_anchor()
        self._relayout(force=True)
        self.restore_anchor(anchor)

    # -- positions ----------------------------------------------------------------------------

    def reading_anchor(self) -> tuple[int, int, int]:
        """``(paragraph, displayed offset, screen row)`` of what is being read.

        That is the current claim when it is on screen, else the top line. A view change or a
        resize puts the same text back on the same row.
        """
        layout = self.lines
        top = round(self.scroll_y)
        if self.current_claim is not None:
            paragraph, start, _, _ = self.current_claim
            line = self.line_of_offset(paragraph, start)
            if line is not None and top <= line < top + max(1, self.size.height):
                return paragraph, self._display_offset(paragraph, start), line - top
        paragraph_index = layout.paragraph_at_line(top)
        if paragraph_index is None:
            return 0, 0, 0
        line = max(top, layout.first_text_line.get(paragraph_index, top))
        if line < len(layout) and layout.owners[line] == paragraph_index:
            return paragraph_index, layout.starts[line], line - top
        return paragraph_index, 0, 0

    def restore_anchor(self, anchor: tuple[int, int, int]) -> None:
        """Scroll so that ``anchor`` (from :meth:`reading_anchor`) is on its row again."""
        paragraph, offset, row = anchor
        target = self._nearest_shown(paragraph)
        if target is None:
            return
        if target != paragraph:
            offset = 0
        line = self.lines.line_of(target, offset)
        if line is not None:
            if offset == 0 and row == 0:
                line = self.lines.first_line.get(target, line)
            self.scroll_to(y=max(0, line - row), animate=False, immediate=True)

    def _nearest_shown(self, paragraph: int) -> int | None:
        """``paragraph`` if the view shows it, else what it repeats, else the one before it."""
        layout = self.lines
        if paragraph in layout.first_line:
            return paragraph
        if self.analysis is None or not layout.paragraphs:
            return None
        if 0 <= paragraph < len(self.analysis.paragraphs):
            repeated = self.analysis.paragraphs[paragraph].duplicate_of
            if repeated is not None and repeated in layout.first_line:
                return repeated
        before = [p.index for p in layout.paragraphs if p.index <= paragraph]
        return before[-1] if before else layout.paragraphs[0].index

    def _display_offset(self, paragraph: int, offset: int) -> int:
        assert self.analysis is not None
        record = self.analysis.paragraphs[paragraph]
        return self.display_of(record).to_display(offset - record.start)

    def line_of_offset(self, paragraph: int, offset: int) -> int | None:
        """The screen line showing ``offset`` of ``Analysis.text`` in ``paragraph``, if shown."""
        if self.analysis is None:
            return None
        return self.lines.line_of(paragraph, self._display_offset(paragraph, offset))

    def scroll_to_offset(self, paragraph: int, offset: int, end: int | None = None) -> None:
        """Bring ``offset`` (to ``end``) on screen, a third of the way down when it must move."""
        line = self.line_of_offset(paragraph, offset)
        if line is None:
            return
        last = self.line_of_offset(paragraph, end) if end is not None else line
        last = line if last is None else last
        height = max(1, self.size.height)
        top = round(self.scroll_y)
        if top <= line and last < top + height:
            return
        target = line - height // 3 if last - line < height * 2 // 3 else line
        self.scroll_to(y=max(0, target), animate=False, immediate=True)

    def top_paragraph(self) -> int | None:
        """The raw index of the paragraph at the top of the screen."""
        return self.lines.paragraph_at_line(round(self.scroll_y))

    def on_click(self, event: events.Click) -> None:
        """Tell the app which character of the article was clicked."""
        line = round(self.scroll_y) + event.y
        layout = self.lines
        if self.analysis is None or not 0 <= line < len(layout):
            return
        if layout.kinds[line] is not LineKind.TEXT:
            return
        paragraph = self.analysis.paragraphs[layout.owners[line]]
        column = event.x - self.margin - self.gutter_width
        if column < 0:
            return
        display = self.display_of(paragraph)
        position = min(
            layout.starts[line] + column, max(layout.starts[line], layout.ends[line] - 1)
        )
        offset = paragraph.start + display.to_original(position)
        self.post_message(ArticleClicked(paragraph.index, offset))

    # -- scrolling actions ---------------------------------------------------------------------

    def action_page_down(self) -> None:
        """Scroll down one screen, keeping a line of context."""
        self.scroll_to(y=self.scroll_y + max(1, self.size.height - 1), animate=False)

    def action_page_up(self) -> None:
        """Scroll up one screen, keeping a line of context."""
        self.scroll_to(y=max(0, self.scroll_y - max(1, self.size.height - 1)), animate=False)

    def action_scroll_home(self) -> None:
        """Go to the top of the article."""
        self.scroll_to(y=0, animate=False)

    def action_scroll_end(self) -> None:
        """Go to the end of the article."""
        self.scroll_to(y=self.max_scroll_y, animate=False)

    def action_scroll_up(self) -> None:
        """Scroll up one line."""
        self.scroll_to(y=max(0, self.scroll_y - 1), animate=False)

    def action_scroll_down(self) -> None:
        """Scroll down one line."""
        self.scroll_to(y=self.scroll_y + 1, animate=False)

    # -- drawing ------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        """Themes and styles changed: drawn lines are stale."""
        super().notify_style_update()
        self._mark_styles.clear()
        self._cache.clear()

    def mark_style(self, component: str) -> Style:
        """The style a component class adds on top of the text: only what its CSS sets.

        A mark that only makes words bold must not paint over the tint beneath it, so the
        background and colour are taken only when the component's rules set them.
        """
        style = self._mark_styles.get(component)
        if style is None:
            rules = self.get_component_styles(component)
            full = self.get_visual_style(component)
            text_style = rules.has_rule("text_style")
            style = Style(
                background=full.background if rules.has_rule("background") else None,
                foreground=full.foreground if rules.has_rule("color") else None,
                bold=full.bold if text_style else None,
                dim=full.dim if text_style else None,
                italic=full.italic if text_style else None,
                underline=full.underline if text_style else None,
                reverse=rules.text_style.reverse if text_style else None,
                strike=full.strike if text_style else None,
            )
            self._mark_styles[component] = style
        return style

    def render_line(self, y: int) -> Strip:
        """Draw screen row ``y`` (cached by article line and width)."""
        line = round(self.scroll_y) + y
        width = self.size.width
        key = (line, width)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._draw_line(line, width)
            self._cache[key] = strip
        return strip

    def _draw_line(self, line: int, width: int) -> Strip:
        base = self.get_visual_style()
        layout = self.lines
        if self.analysis is None or line >= len(layout) or layout.kinds[line] is LineKind.BLANK:
            return Strip.blank(width, base.rich_style)
        paragraph = self.analysis.paragraphs[layout.owners[line]]
        gutter = self._gutter_content(line, paragraph)
        if layout.kinds[line] is LineKind.LABEL:
            label = f"hidden: {paragraph.reason or paragraph.status}"
            body = Content(label).stylize(self.mark_style("article--label"))
        else:
            body = self._text_content(line, paragraph)
            if paragraph.index == self.headline:
                body = body.stylize_before(self.mark_style("article--headline"))
            if not paragraph.kept:
                body = body.stylize_before(self.mark_style("article--hidden"))
        content = gutter + body
        if self.margin:
            content = Content(" " * self.margin) + content
        strip = Strip(content.render_segments(base), content.cell_length)
        return strip.adjust_cell_length(width, base.rich_style)

    def _gutter_content(self, line: int, paragraph: Paragraph) -> Content:
        marker = " "
        marker_style: Style | None = None
        claim = self.current_claim
        if claim is not None and claim[0] == paragraph.index:
            first = self.line_of_offset(claim[0], claim[1])
            last = self.line_of_offset(claim[0], max(claim[1], claim[2] - 1))
            if first is not None and last is not None and first <= line <= last:
                marker = "▌"
                marker_style = self.mark_style(f"article--marker-{claim[3]}")
        gutter = Content(marker)
        if marker_style is not None:
            gutter = gutter.stylize(marker_style)
        if self.raw:
            number = ""
            if line == self.lines.first_line.get(paragraph.index):
                number = f"{paragraph.index:>3}"
            gutter += Content(f"{number:>3}  ").stylize(self.mark_style("article--number"))
        else:
            gutter += Content(" ")
        return gutter

    def _text_content(self, line: int, paragraph: Paragraph) -> Content:
        layout = self.lines
        start, end = layout.starts[line], layout.ends[line]
        display = self.display_of(paragraph)
        text = display.text[start:end]
        spans: list[Span] = []
        index = paragraph.index
        claim = self.current_claim
        current = (
            [(claim[1], claim[2], f"article--current-{claim[3]}")]
            if claim is not None and claim[0] == index
            else []
        )
        layers = (
            self._tints.get(index, ()),
            self._mentions.get(index, ()),
            self._matches.get(index, ()),
            current,
            self._cues.get(index, ()),
            self._focus_marks.get(index, ()),
        )
        for marks in layers:
            for mark_start, mark_end, component in marks:
                left = display.to_display(mark_start - paragraph.start)
                right = display.to_display(mark_end - paragraph.start)
                left, right = max(left, start), min(right, end)
                if left < right:
                    style = self.mark_style(component)
                    spans.append(Span(left - start, right - start, style))
        return Content(text, spans, strip_control_codes=False)
