"""The reading screen's state, driven without Textual: claims, filter, entity, search, status."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.model import FlagKind
from reader.ui.state import ReadingState
from tests.ui.fixtures import sample_analysis


@pytest.fixture(scope="module")
def state_factory():
    analysis = sample_analysis()

    def make() -> ReadingState:
        state = ReadingState()
        state.show(analysis, final=True)
        return state

    return make


def test_the_state_needs_no_textual() -> None:
    code = "import sys, reader.ui.state; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_new_analysis_starts_on_no_claim_and_says_how_many(state_factory) -> None:
    state = state_factory()
    assert state.claims.current is None
    head, parts = state.status("]")
    assert head == "7 claims · ] next claim"
    assert parts == []


def test_stepping_claims_wraps_and_counts(state_factory) -> None:
    state = state_factory()
    claims = state.analysis.claims
    step = state.claims.step(forward=False)
    assert step is not None and not step.wrapped
    assert state.claims.current is claims[-1]
    step = state.claims.step(forward=True)
    assert step is not None and step.wrapped and state.claims.current is claims[0]
    head, _ = state.status("]")
    assert head.startswith("claim 1/7 · ")


def test_the_filter_keeps_the_current_claim_when_it_still_passes(state_factory) -> None:
    state = state_factory()
    claims = state.analysis.claims
    hedged = next(
        i for i, c in enumerate(claims) if any(f.kind is FlagKind.SPECULATION for f in c.flags)
    )
    state.claims.go(hedged)
    state.claims.cycle_filter()
    assert state.claims.kind is FlagKind.SPECULATION
    assert state.claims.current is claims[hedged]
    assert state.claims.title().startswith("Claims: speculation (")
    assert all(any(f.kind is FlagKind.SPECULATION for f in c.flags) for c in state.claims.shown)
    state.claims.cycle_filter()  # vague source: the hedge alone does not pass
    if all(f.kind is not FlagKind.VAGUE_SOURCE for f in claims[hedged].flags):
        assert state.claims.current is None


def test_the_filter_cycles_through_every_kind_and_back(state_factory) -> None:
    state = state_factory()
    seen = []
    for _ in range(4):
        state.claims.cycle_filter()
        seen.append(state.claims.kind)
    assert seen == [FlagKind.SPECULATION, FlagKind.VAGUE_SOURCE, FlagKind.ATTRIBUTION, None]
    assert state.claims.title() == "Claims (7)"


def test_no_claims_of_a_kind_is_said_with_the_filter_key(state_factory) -> None:
    state = state_factory()
    state.claims.load([s for s in state.analysis.claims if len(s.flags) == 0])
    assert state.claims.step(True) is None
    assert state.no_claims_message() == "No flagged claims in this article"
    state.claims.cycle_filter()
    assert "f changes the filter" in state.no_claims_message()


def test_selecting_an_entity_goes_to_its_first_mention(state_factory) -> None:
    state = state_factory()
    entity = next(e for e in state.analysis.entities if e.name == "Harbourline")
    state.mentions.select(entity)
    assert state.mentions.current == min((m.start, m.end) for m in entity.mentions)
    _, parts = state.status("]")
    assert parts == [f"Harbourline 1/{len(entity.mentions)} (e/E)"]
    assert state.allows("next_mention") and not state.allows("next_match")


def test_search_starts_at_the_reading_position_and_wraps(state_factory) -> None:
    state = state_factory()
    analysis = state.analysis
    shown = {p.index for p in analysis.kept_paragraphs}
    found = state.search.run("harbourline", analysis.text, state.finder, shown)
    assert len(found) >= 3
    assert all(analysis.text[s:e].lower() == "harbourline" for s, e in found)
    state.search.start_at(found[1][0])
    assert state.search.current == found[1]
    state.search.start_at(found[-1][0] + 1)  # past the last match: round to the first
    assert state.search.current == found[0]
    _, parts = state.status("]")
    assert parts == [f"search “harbourline” 1/{len(found)} (n/N)"]


def test_search_for_missing_text_says_no_matches(state_factory) -> None:
    state = state_factory()
    analysis = state.analysis
    state.search.run("zzzq", analysis.text, state.finder, {p.index for p in analysis.paragraphs})
    assert state.search.current is None
    assert "no matches" in state.status("]")[1][0]


def test_escape_clears_search_then_entity_then_claim(state_factory) -> None:
    state = state_factory()
    analysis = state.analysis
    state.claims.step(True)
    state.mentions.select(analysis.entities[0])
    state.search.run("the", analysis.text, state.finder, {p.index for p in analysis.paragraphs})
    assert [state.clear_one() for _ in range(4)] == ["search", "entity", "claim", None]
    assert not state.allows("clear")


def test_keys_pressed_while_analysing_are_kept_for_later(state_factory) -> None:
    state = state_factory()
    state.show(state.analysis, final=False)
    assert state.wait_for_analysis("next_claim")
    assert state.view_note(raw=False).endswith("analysing…")
    state.show(state.analysis, final=True)
    assert state.take_pending() == ["next_claim"]
    assert not state.wait_for_analysis("next_claim")


def test_the_sentence_being_read_follows_claim_then_match_then_screen(state_factory) -> None:
    state = state_factory()
    analysis = state.analysis
    top = analysis.kept_paragraphs[2].index
    first_on_screen = next(s for s in analysis.sentences if s.paragraph >= top)
    assert state.current_sentence(top) is first_on_screen
    found = state.search.run(
        "Bergen", analysis.text, state.finder, {p.index for p in analysis.paragraphs}
    )
    state.search.start_at(0)
    assert found[0][0] in range(state.current_sentence(top).start, state.current_sentence(top).end)
    state.claims.step(True)
    assert state.current_sentence(top) is analysis.claims[0]
