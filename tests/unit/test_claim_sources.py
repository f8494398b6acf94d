"""Who a claim rests on: named or vague sources, their words, and the article's source list."""

from __future__ import annotations

import pytest

import reader
from reader.claims.flagging import flag_sentence
from reader.model import Flag, FlagKind, SourceKind

SPEC = FlagKind.SPECULATION
VAGUE = FlagKind.VAGUE_SOURCE
ATTR = FlagKind.ATTRIBUTION


def sourced(sentence: str) -> list[tuple[FlagKind, str]]:
    """(kind, source words) of every attribution or vague_source flag of ``sentence``."""
    found = []
    for flag in flag_sentence(sentence):
        if flag.kind in (ATTR, VAGUE):
            assert flag.source_start is not None and flag.source_end is not None, flag
            found.append((flag.kind, sentence[flag.source_start : flag.source_end]))
    return found


# The source phrase decides the kind ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("LatePost indicates that the project is young.", "LatePost"),
        ("Police said the driver was arrested.", "Police"),
        ("The company said the ferry was sold.", "The company"),
        ("A Pentagon spokesman said the drill was routine.", "A Pentagon spokesman"),
        ("Marta Quintela told reporters the fleet is old.", "Marta Quintela"),
        ("The White House said the visit was cancelled.", "The White House"),
        ("Ministry of Transport officials said the bridge is safe.", "Ministry of Transport"),
    ],
)
def test_a_named_or_specific_source_is_an_attribution(sentence: str, source: str) -> None:
    found = sourced(sentence)
    assert [kind for kind, _ in found] == [ATTR], found
    assert source in found[0][1]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Sources with ties to the group told BuzzFeed News the attack was planned.", "Sources"),
        ("Journalists in Havana said the ship had sailed.", "Journalists in Havana"),
        ("The ferry sank, according to a local police source.", "a local police source"),
        ("According to a report, the deal is off.", "a report"),
        ("A British military expert has revealed that the missile failed.", "expert"),
        ("An anonymous Secret Service official said she fainted.", "official"),
        ("Multiple sources said the couple split.", "Multiple sources"),
        ("Officials said the talks collapsed.", "Officials"),
        ("Japanese officials said they would seek a deal.", "Japanese officials"),
        ("Some experts say the dam is unsafe.", "Some experts"),
        ("Insiders told the paper the merger is off.", "Insiders"),
        ("A spokesman for one of the banks said rates would rise.", "one of the banks"),
    ],
)
def test_an_unnamed_source_is_vague_whatever_the_verb(sentence: str, source: str) -> None:
    found = sourced(sentence)
    assert found and all(kind is VAGUE for kind, _ in found), found
    assert any(source in words for _, words in found), found


def test_an_outlet_that_carries_an_anonymous_source_is_only_the_channel() -> None:
    found = sourced('"It is over," a source told Us Weekly.')
    assert found == [(VAGUE, "a source")]


def test_a_quote_credits_its_speaker_before_or_after_the_verb() -> None:
    assert sourced('"The fleet is old," said Maria Lopez, a union official.') == [
        (ATTR, "Maria Lopez")
    ]
    assert sourced('"The fleet is old," Maria Lopez said.') == [(ATTR, "Maria Lopez")]


def test_according_to_takes_the_source_after_it() -> None:
    assert sourced("According to Reuters, the talks collapsed.") == [(ATTR, "Reuters")]
    assert sourced("According to people familiar with the matter, the talks collapsed.") == [
        (VAGUE, "people familiar with the matter")
    ]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The minister declined to comment.", "The minister"),
        ("Xiaomi wrote on Twitter that the car is real.", "Xiaomi"),
        ("The Post has learned that the senator resigned.", "The Post"),
        ("Reuters reported, citing the central bank, that rates will rise.", "Reuters"),
    ],
)
def test_other_ways_of_crediting_a_named_source(sentence: str, source: str) -> None:
    found = sourced(sentence)
    assert (ATTR, source) in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Treat the plan with care, at least until the ferry company itself confirms it.",
        "Unless the ministry confirms the sale, the deal is off.",
        "The harbour authority has not confirmed the sale.",
        "“She’s not confirmed anything.”",
    ],
)
def test_a_statement_still_awaited_credits_no_one(sentence: str) -> None:
    assert sourced(sentence) == []


def test_outlets_the_sentence_will_not_name_are_vague() -> None:
    assert sourced("Multiple outlets are reporting the split.") == [(VAGUE, "Multiple outlets")]
    assert sourced("The outlet noted the coach has left.") == [(ATTR, "The outlet")]


def test_a_condition_closed_before_the_verb_leaves_the_attribution() -> None:
    sentence = "She lived in Porto unless she was touring Spain, where she declared herself a fan."
    assert sourced(sentence) == [(ATTR, "she")]


def test_a_pronoun_alone_counts_as_the_source_already_named() -> None:
    assert sourced("He said the fleet is old.") == [(ATTR, "He")]
    assert sourced('"We are done," they said.') == [(ATTR, "they")]


def test_the_why_says_who_in_one_short_sentence() -> None:
    (flag,) = flag_sentence("The ferry sank, according to a local police source.")
    assert flag.why == "The source is not named: 'a local police source'."
    (named,) = flag_sentence("Police said the driver was arrested.")
    assert "Police" in named.why and named.why.endswith(".")


def test_source_spans_cut_the_source_out_of_the_sentence() -> None:
    for sentence in (
        "Chinese publication LatePost indicates the project is young.",
        "Labour peer Baroness Kennedy, who chairs it, said voters were angry.",
        "Sources said the deal was close.",
        "It is widely believed that the minister will resign.",
        "The company reportedly cut 200 jobs.",
    ):
        for flag in flag_sentence(sentence):
            if flag.kind is SPEC:
                assert flag.source_start is None and flag.source_end is None
                continue
            assert flag.source_start is not None and flag.source_end is not None
            assert 0 <= flag.source_start < flag.source_end <= len(sentence)
            words = sentence[flag.source_start : flag.source_end]
            assert words == words.strip() and words, flag


# Speculation per the news guidelines -----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        # beliefs, feelings and opinions reported as such
        "Protesters believe the law is unfair.",
        "He thought the film was too long.",
        "Many voters feel the tax is unfair.",
        # past inability, and a past habit
        "Rescuers could not find the boat.",
        "The old keepers used to watch the pier and would ring the bell at dusk.",
        # a wish, a feeling reported as such
        "I wish that I could say more about the ferry, but the rules forbid it.",
        # a point granted in order to turn it
        "The singer may be famous across the world, but she still queues for coffee.",
        "The sheriff may not be in office any more, yet he still speaks for the county.",
        # a rule or a plain condition
        "Water boils if it is heated to 100 degrees.",
        # a denial, which is itself a fact about the denial
        "The minister declined to comment on the report.",
        "A spokesman would not comment on the talks.",
        # facts stated as facts
        "The plant closed on 3 May after a fire.",
        "Results were better than expected.",
    ],
)
def test_what_the_guidelines_exclude_is_not_speculation(sentence: str) -> None:
    assert SPEC not in {f.kind for f in flag_sentence(sentence)}, flag_sentence(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The merger may be delayed.",
        "The bank is expected to raise rates.",
        "The company is said to be planning a sale.",
        "It is not yet clear whether the ferries will be built.",
        "The couple are rumoured to have split.",
        "The claim could not be verified.",
    ],
)
def test_hedges_predictions_and_rumours_are_speculation(sentence: str) -> None:
    assert SPEC in {f.kind for f in flag_sentence(sentence)}, flag_sentence(sentence)


def test_page_furniture_is_never_flagged() -> None:
    text = (
        "Ferry operator may sell its fleet\n\n"
        "The operator may sell its fleet, sources said.\n\n"
        "This material may not be published, broadcast, rewritten or redistributed.\n\n"
        "All rights reserved."
    )
    analysis = reader.analyze(text)
    furniture = [s for s in analysis.sentences if "may not be published" in s.text]
    assert all(not s.flags for s in furniture)
    notice = "This material may not be published, broadcast, rewritten or redistributed."
    assert flag_sentence(notice) == []
    assert [f.cue for f in flag_sentence("The report may not be accurate.")] == ["may not"]


# The article's sources -------------------------------------------------------------------------


def sources_of(text: str) -> tuple[reader.Analysis, dict[str, reader.model.Source]]:
    analysis = reader.analyze(text)
    return analysis, {source.name: source for source in analysis.sources}


def flags_of(analysis: reader.Analysis) -> list[Flag]:
    return [flag for sentence in analysis.sentences for flag in sentence.flags]


def test_a_pronoun_takes_the_kind_of_its_vague_antecedent() -> None:
    analysis, _ = sources_of(
        "A source close to the couple said the wedding is off. "
        "She said the ring was returned last week."
    )
    second = analysis.sentences[1].flags
    assert [f.kind for f in second] == [VAGUE]
    source = analysis.sources[second[0].source or 0]
    assert source.kind is SourceKind.VAGUE
    assert source.name == "A source close to the couple"
    assert source.sentences == (0, 1)


def test_a_pronoun_takes_its_named_antecedent() -> None:
    analysis, _ = sources_of(
        "Elon Musk visited the factory on Monday. He said production would double."
    )
    (flag,) = [f for f in analysis.sentences[1].flags if f.kind in (ATTR, VAGUE)]
    assert flag.kind is ATTR
    assert analysis.sources[flag.source or 0].entity == "Elon Musk"


def test_mentions_of_one_source_merge_through_the_entity() -> None:
    analysis, _ = sources_of(
        "Elon Musk said the car is ready. Musk told reporters the price would fall."
    )
    named = [s for s in analysis.sources if s.entity == "Elon Musk"]
    assert len(named) == 1
    assert named[0].kind is SourceKind.NAMED
    assert named[0].sentences == (0, 1)
    assert len(named[0].mentions) == 2


def test_a_vague_source_is_one_source_whatever_its_article() -> None:
    text = (
        "The ferry will be renamed, a source says.\n\n"
        "“It is a done deal,” says the source, “and the crew know it.”\n"
    )
    analysis = reader.analyze(text)
    assert [(s.name, s.kind, s.sentences) for s in analysis.sources] == [
        ("a source", SourceKind.VAGUE, (0, 1))
    ]


def test_an_outlet_that_has_learned_something_is_credited() -> None:
    sentence = "The Harbour Gazette has exclusively learned that the ferry was sold."
    assert sourced(sentence) == [(ATTR, "The Harbour Gazette")]


def test_a_description_merges_with_the_source_named_before_it() -> None:
    analysis, _ = sources_of(
        "Chinese publication LatePost reported that the project is young. "
        "The Chinese publication said the team has 300 engineers."
    )
    assert [s.name for s in analysis.sources] == ["LatePost"]
    assert analysis.sources[0].sentences == (0, 1)


def test_every_sourced_flag_points_at_its_source_and_mentions_hold() -> None:
    analysis, _ = sources_of(
        "Officials said the bridge is unsafe. Police said the road is closed. "
        "Officials said repairs will take a year."
    )
    officials = [s for s in analysis.sources if s.kind is SourceKind.VAGUE]
    assert len(officials) == 1 and officials[0].sentences == (0, 2)
    for flag in flags_of(analysis):
        if flag.kind is SPEC:
            assert flag.source is None
            continue
        assert flag.source is not None
        source = analysis.sources[flag.source]
        assert source.id == flag.source
        assert any(
            m.start == flag.source_start and m.end == flag.source_end for m in source.mentions
        )
    for source in analysis.sources:
        for mention in source.mentions:
            assert analysis.text[mention.start : mention.end].strip()


def test_sources_survive_the_json_round_trip() -> None:
    analysis = reader.analyze("Sources said the deal was close. Reuters reported the same.")
    data = analysis.to_dict()
    assert data["schema"] == 2
    assert [s["kind"] for s in data["sources"]] == ["vague", "named"]
    assert reader.Analysis.from_dict(data).sources == analysis.sources


# The seed article ------------------------------------------------------------------------------


def test_seed_latepost_is_named_and_people_familiar_are_vague(seed_text: str) -> None:
    analysis = reader.analyze(seed_text)
    by_name = {source.name: source for source in analysis.sources}
    assert by_name["LatePost"].kind is SourceKind.NAMED
    assert by_name["LatePost"].entity == "LatePost"
    familiar = by_name["people familiar with the matter"]
    assert familiar.kind is SourceKind.VAGUE
    assert familiar.entity is None
    # "the report" later in the article is LatePost's, not a source of its own
    report = next(s for s in analysis.sentences if "the report indicates" in s.text)
    assert report.index in by_name["LatePost"].sentences
    assert len(by_name["LatePost"].sentences) >= 2
    for flag in (f for s in analysis.sentences for f in s.flags if f.kind is not SPEC):
        assert flag.source_start is not None and flag.source_end is not None
        assert analysis.text[flag.source_start : flag.source_end].strip()
