"""Reports of a review: an editor reads verdicts, notes and sources; JSON keeps text exact."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from reader.model import SourceKind
from reader.report.markdown import to_markdown
from reader.report.review import review_text, review_to_dict, sources_by_weight
from reader.review import ReviewStore, Verdict
from tests.review_fixtures import VAGUE, desk_analysis


def _reviewed(tmp_path: Path):
    analysis = desk_analysis()
    with ReviewStore.connect(tmp_path / "r.sqlite3") as store:
        review = store.open_article(analysis)
        first = store.set_verdict(review.article.id, review.claims[0], Verdict.FALSE)
        first = store.set_note(review.article.id, first, "The yard says no order exists.")
        second = store.set_verdict(review.article.id, review.claims[1], Verdict.SUPPORTED)
        review = review.replaced(first).replaced(second)
    return analysis, review


def test_the_markdown_report_numbers_claims_with_verdicts_notes_and_sources(
    tmp_path: Path,
) -> None:
    analysis, review = _reviewed(tmp_path)
    markdown = to_markdown(analysis, review)
    assert "2 of 5 checked (1 supported, 1 false)." in markdown
    first = markdown.index("1. > The order may be signed")
    assert markdown.index("**Verdict: false**", first) < markdown.index("2. > The Harbour")
    assert "   - Note: The yard says no order exists." in markdown
    assert "Source: people familiar with the matter (vague)" in markdown
    assert markdown.count("**Verdict: unchecked**") == 3
    sources = markdown[markdown.index("## Sources") :]
    assert sources.index(f"- {VAGUE} (vague): 3 claims (1, 3, 5)") < sources.index(
        "- Harbour Gazette (named): 1 claim (2)"
    )


def test_vague_sources_come_first_even_when_a_named_one_carries_more_claims() -> None:
    analysis = desk_analysis()
    named, vague = analysis.sources[1], analysis.sources[0]
    busier = dataclasses.replace(named, sentences=(1, 2, 4, 6))
    listed = sources_by_weight(dataclasses.replace(analysis, sources=(busier, vague)))
    assert [source.kind for source, _ in listed] == [SourceKind.VAGUE, SourceKind.NAMED]
    assert listed[1][1] == [1, 2, 3, 5]


def test_the_report_without_a_review_keeps_the_claims_by_kind_and_adds_sources() -> None:
    markdown = to_markdown(desk_analysis())
    assert "### Vague source (3)" in markdown and "Verdict" not in markdown
    assert "## Sources" in markdown
    no_sources = to_markdown(dataclasses.replace(desk_analysis(), sources=()))
    assert "## Sources" not in no_sources


def test_json_names_each_claims_source_and_kinds(tmp_path: Path) -> None:
    analysis, review = _reviewed(tmp_path)
    data = review_to_dict(analysis, review)
    first, second = data["claims"][0], data["claims"][1]
    assert first["kinds"] == ["speculation", "vague_source"]
    assert first["source"] == VAGUE and second["source"] == "Harbour Gazette"
    assert data["claims"][3]["source"] is None  # speculation rests on no one
    assert (first["verdict"], first["note"]) == ("false", "The yard says no order exists.")


def test_hostile_source_names_and_notes_are_shown_visibly_in_text_and_markdown(
    tmp_path: Path,
) -> None:
    analysis, review = _reviewed(tmp_path)
    hostile = dataclasses.replace(analysis.sources[0], name="insiders \x1b[31m\u202e")
    analysis = dataclasses.replace(analysis, sources=(hostile, analysis.sources[1]))
    bad_note = dataclasses.replace(review.claims[0], note="bell\x07 and \x9b1m")
    review = review.replaced(bad_note)
    for output in (to_markdown(analysis, review), review_text(analysis, review)):
        assert "insiders ^[[31m <U+202E>" in output or "insiders ^[[31m<U+202E>" in output
        assert "bell^G and <U+009B>1m" in output
        assert not any(ch in output for ch in "\x1b\x07\x9b\u202e")
