"""What the reading screen is showing, as plain objects that tests drive without Textual.

The app keeps one :class:`ReadingState`: the analysis on screen, the claim being read and the
claim filter, the selected entity and its mention, the search with its matches. The widgets
draw what it says; the app routes keys and messages to it. Nothing here touches the terminal.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from reader.model import Analysis, Entity, FlagKind, Sentence
from reader.ui.display import safe_line
from reader.ui.marks import ParagraphFinder, main_kind
from reader.ui.navigation import Step, Stepper
from reader.ui.search import find_matches

FILTERS: tuple[FlagKind | None, ...] = (
    None,
    FlagKind.SPECULATION,
    FlagKind.VAGUE_SOURCE,
    FlagKind.ATTRIBUTION,
)
"""The claim filters ``f`` cycles through: all claims, then one kind at a time."""

Span = tuple[int, int]
"""``(start, end)`` offsets of ``Analysis.text``."""


class ClaimCursor:
    """The flagged sentences ``]`` / ``[`` step through, narrowed by the claim filter."""

    def __init__(self) -> None:
        self.every: tuple[Sentence, ...] = ()
        """Every flagged sentence of the analysis, in reading order."""
        self.filter_index = 0
        """Which of :data:`FILTERS` is on."""
        self.stepper: Stepper[Sentence] = Stepper()
        """The claims that pass the filter, and the one being read."""

    @property
    def kind(self) -> FlagKind | None:
        """The kind of claim the filter lets through (``None``: every kind)."""
        return FILTERS[self.filter_index]

    @property
    def label(self) -> str:
        """The filter in words: "all", or the kind's label."""
        return "all" if self.kind is None else self.kind.label

    @property
    def shown(self) -> tuple[Sentence, ...]:
        """The claims that pass the filter."""
        return self.stepper.items

    @property
    def current(self) -> Sentence | None:
        """The claim being read, if any."""
        return self.stepper.current

    @property
    def index(self) -> int | None:
        """The position of the claim being read among the shown claims."""
        return self.stepper.index

    def __len__(self) -> int:
        return len(self.stepper)

    def load(self, claims: Sequence[Sentence]) -> None:
        """Take the claims of a new analysis; no claim is being read."""
        self.every = tuple(claims)
        self.stepper.reset(self._passing())

    def refilter(self) -> None:
        """Apply the filter again, staying on the current claim when it still passes."""
        self.stepper.reset(self._passing(), keep=self.stepper.current)

    def cycle_filter(self) -> None:
        """Turn to the next filter (all, then each kind, then all again)."""
        self.filter_index = (self.filter_index + 1) % len(FILTERS)
        self.refilter()

    def _passing(self) -> list[Sentence]:
        kind = self.kind
        if kind is None:
            return list(self.every)
        return [s for s in self.every if any(f.kind is kind for f in s.flags)]

    def step(self, forward: bool) -> Step | None:
        """Go to the next (or previous) shown claim, wrapping; ``None`` when there is none."""
        return self.stepper.step(forward)

    def go(self, index: int) -> None:
        """Make shown claim ``index`` the one being read."""
        self.stepper.go(index)

    def clear(self) -> None:
        """Read no claim."""
        self.stepper.clear()

    def at(self, paragraph: int, offset: int) -> int | None:
        """The position among the shown claims of the one holding ``offset``, if any."""
        for number, claim in enumerate(self.stepper.items):
            if claim.paragraph == paragraph and claim.start <= offset < claim.end:
                return number
        return None

    def shown_kind(self, claim: Sentence) -> FlagKind:
        """The kind a claim is shown as: the filtered kind, else the one it is coloured by."""
        kind = self.kind
        if kind is not None and any(flag.kind is kind for flag in claim.flags):
            return kind
        return main_kind(claim)

    def title(self) -> str:
        """The heading of the claims list: "Claims (7)" or "Claims: speculation (3 of 7)"."""
        total = len(self.every)
        if self.kind is None:
            return f"Claims ({total})"
        return f"Claims: {self.label} ({len(self.shown)} of {total})"

    def empty_text(self, final: bool) -> str:
        """What the claims list says when no claim passes the filter."""
        if not final:
            return "Analysing…"
        return "No flagged claims" if self.kind is None else f"No {self.label} claims"

    def describe(self) -> str:
        """The status line's words for the claim being read ("" when there is none)."""
        claim = self.current
        if claim is None or self.index is None:
            return ""
        # The kind being filtered for (else the one the sentence is coloured by) comes first,
        # with its first cue and reason.
        kind = self.shown_kind(claim)
        flag = next(f for f in claim.flags if f.kind is kind)
        kinds = ", ".join(dict.fromkeys([kind.label, *(f.kind.label for f in claim.flags)]))
        return (
            f"claim {self.index + 1}/{len(self)} · {kinds} · "
            f"“{safe_line(flag.cue)}”: {safe_line(flag.why)}"
        )


class MentionCursor:
    """The entity selected in the sidebar and the mention of it being looked at."""

    def __init__(self) -> None:
        self.entity: Entity | None = None
        """The selected entity, if any."""
        self.stepper: Stepper[Span] = Stepper()
        """Its mentions in reading order, and the one being looked at."""

    @property
    def current(self) -> Span | None:
        """The mention being looked at, if any."""
        return self.stepper.current

    def __len__(self) -> int:
        return len(self.stepper)

    def select(self, entity: Entity) -> None:
        """Select ``entity`` and go to its first mention."""
        self.entity = entity
        self.stepper.reset(sorted((m.start, m.end) for m in entity.mentions))
        self.stepper.step(True)

    def clear(self) -> None:
        """Select no entity."""
        self.entity = None
        self.stepper.reset(())

    def step(self, forward: bool) -> Step | None:
        """Go to the next (or previous) mention, wrapping; ``None`` when there is none."""
        return self.stepper.step(forward)

    def describe(self) -> str:
        """The status line's words for the selected entity ("" when there is none)."""
        if self.entity is None or self.stepper.index is None:
            return ""
        where = f"{self.stepper.index + 1}/{len(self.stepper)}"
        return f"{safe_line(self.entity.name)} {where} (e/E)"


class SearchState:
    """The search: what was asked, where it was found, and the match being looked at."""

    def __init__(self) -> None:
        self.query = ""
        """The text searched for ("" when there is no search)."""
        self.stepper: Stepper[Span] = Stepper()
        """The matches in reading order, and the one being looked at."""

    @property
    def matches(self) -> tuple[Span, ...]:
        """Every match of the query in the paragraphs on show."""
        return self.stepper.items

    @property
    def current(self) -> Span | None:
        """The match being looked at, if any."""
        return self.stepper.current

    def __len__(self) -> int:
        return len(self.stepper)

    def __bool__(self) -> bool:
        return bool(self.query)

    def run(
        self, query: str, text: str, finder: ParagraphFinder, shown: Collection[int]
    ) -> tuple[Span, ...]:
        """Search for ``query`` in the ``shown`` paragraphs, staying on the current match."""
        self.query = query
        found = find_matches(text, query, finder, shown) if query else []
        self.stepper.reset(found, keep=self.stepper.current)
        return self.matches

    def start_at(self, offset: int) -> Step | None:
        """Go to the first match at or after ``offset`` (wrapping to the first match)."""
        self.stepper.clear()
        start = next(
            (number for number, (at, _) in enumerate(self.matches) if at >= offset),
            len(self.matches),
        )
        return self.stepper.step(True, start=start)

    def step(self, forward: bool) -> Step | None:
        """Go to the next (or previous) match, wrapping; ``None`` when there is none."""
        return self.stepper.step(forward)

    def clear(self) -> None:
        """Forget the search."""
        self.query = ""
        self.stepper.reset(())

    def describe(self) -> str:
        """The status line's words for the search ("" when there is none)."""
        if not self.query:
            return ""
        where = self.stepper.index
        position = f"{where + 1}/{len(self.stepper)}" if where is not None else "—"
        if not self.matches:
            position = "no matches"
        return f"search “{safe_line(self.query)}” {position} (n/N)"


class ReadingState:
    """Everything the reading screen shows beyond the text itself."""

    def __init__(self) -> None:
        self.analysis: Analysis | None = None
        """The analysis on screen (a preview until :attr:`final`)."""
        self.final = False
        """True once the full analysis is on screen (not just the preview of a big input)."""
        self.claims = ClaimCursor()
        self.mentions = MentionCursor()
        self.search = SearchState()
        self.finder = ParagraphFinder(())
        """Finds the paragraph holding an offset of the text on screen."""
        self.pending: list[str] = []
        """Claim keys pressed before the analysis was ready, applied when it is."""

    def show(self, analysis: Analysis, final: bool) -> None:
        """Put a new analysis on screen: no claim, no entity; the search query is kept."""
        self.analysis = analysis
        self.final = final
        self.finder = ParagraphFinder(analysis.paragraphs)
        self.mentions.clear()
        self.claims.load(analysis.claims)

    def paragraph_of(self, offset: int) -> int:
        """The raw index of the paragraph holding ``offset`` (``-1``: none)."""
        paragraph = self.finder.find(offset)
        return -1 if paragraph is None else paragraph.index

    def wait_for_analysis(self, action: str) -> bool:
        """While claims are still being found, keep ``action`` for later; True if kept."""
        if self.final or self.analysis is None:
            return False
        self.pending.append(action)
        return True

    def take_pending(self) -> list[str]:
        """The kept actions, now that the analysis is ready (they are forgotten here)."""
        pending, self.pending = self.pending, []
        return pending

    def no_claims_message(self) -> str:
        """Why ``]`` found nothing to go to."""
        if self.analysis is not None and not self.final:
            return "Still analysing: claims will be marked shortly"
        if self.claims.kind is None:
            return "No flagged claims in this article"
        return f"No {self.claims.kind.label} claims (f changes the filter)"

    def hidden_count(self) -> int:
        """How many paragraphs the clean view hides."""
        return len(self.analysis.hidden_paragraphs) if self.analysis else 0

    def view_note(self, raw: bool) -> str:
        """The title bar's note on what the view hides."""
        hidden = self.hidden_count()
        if not self.final:
            return f"{hidden} hidden · analysing…" if hidden else "analysing…"
        if not hidden:
            return ""
        noun = "paragraph" if hidden == 1 else "paragraphs"
        return f"{hidden} {noun} {'dimmed' if raw else 'hidden'}"

    def status(self, next_claim_key: str) -> tuple[str, list[str]]:
        """The status line: where the reader is among the claims, then mention and search."""
        head = self.claims.describe()
        if not head and self.analysis is not None and self.final:
            total = len(self.claims)
            noun = "claim" if total == 1 else "claims"
            head = f"{total} {noun} · {next_claim_key} next claim" if total else "no flagged claims"
        parts = [part for part in (self.mentions.describe(), self.search.describe()) if part]
        return head, parts

    def applicable(self) -> tuple[bool, bool, bool]:
        """Whether there is a search, a selected entity, a current claim (the footer's keys)."""
        return (
            bool(self.search),
            self.mentions.entity is not None,
            self.claims.current is not None,
        )

    def allows(self, action: str) -> bool:
        """Whether ``action`` applies now (keys that do not are left out of the footer)."""
        search, entity, claim = self.applicable()
        if action in ("next_mention", "previous_mention"):
            return entity
        if action in ("next_match", "previous_match"):
            return search
        if action == "clear":
            return search or entity or claim
        return True

    def clear_one(self) -> str | None:
        """Clear the search; else the selected entity; else the current claim. What was cleared."""
        if self.search:
            self.search.clear()
            return "search"
        if self.mentions.entity is not None:
            self.mentions.clear()
            return "entity"
        if self.claims.current is not None:
            self.claims.clear()
            return "claim"
        return None

    def current_sentence(self, top_paragraph: int | None) -> Sentence | None:
        """The sentence being read: the current claim, else the one at the current match or
        mention, else the first sentence at the top of the screen."""
        if self.analysis is None:
            return None
        if self.claims.current is not None:
            return self.claims.current
        for span in (self.search.current, self.mentions.current):
            if span is not None:
                for sentence in self.analysis.sentences:
                    if sentence.start <= span[0] < sentence.end:
                        return sentence
        for sentence in self.analysis.sentences:
            if top_paragraph is not None and sentence.paragraph >= top_paragraph:
                return sentence
        return None
