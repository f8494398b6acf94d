"""Claim flags: what a reader sees marked as speculation, vague sourcing or attribution."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reader
from reader.claims.flagging import flag_sentence, flag_sentences
from reader.model import Flag, FlagKind

SPEC = FlagKind.SPECULATION
VAGUE = FlagKind.VAGUE_SOURCE
ATTR = FlagKind.ATTRIBUTION


def cues(sentence: str, kind: FlagKind | None = None) -> list[str]:
    """The cues flagged on ``sentence`` (of one kind, when given), lower-cased."""
    return [f.cue.lower() for f in flag_sentence(sentence) if kind is None or f.kind is kind]


def kinds(flags: list[Flag]) -> set[FlagKind]:
    return {f.kind for f in flags}


# The seed article ------------------------------------------------------------------------------


def test_seed_flags_the_nine_hedged_sentences_and_not_the_two_facts(seed_text: str) -> None:
    analysis = reader.analyze(seed_text)
    sentences = analysis.sentences
    assert len(sentences) == 11
    factual = [s for s in sentences if "Micar" in s.text or "Xpeng Motor and Nio" in s.text]
    assert len(factual) == 2
    for sentence in factual:
        assert sentence.flags == (), sentence.text
    flagged = [s for s in sentences if s.flags]
    assert len(flagged) == 9

    def flags_with(cue: str) -> list[Flag]:
        return [
            f for s in sentences for f in s.flags if f.cue.lower() == cue.lower() or cue == f.cue
        ]

    for cue in (
        "the report suggests",
        "not yet clear",
        "could very well",
        "would most likely",
        "treated with skepticism",
    ):
        found = flags_with(cue)
        assert found and all(f.kind is SPEC for f in found), cue
    for cue in ("according to people familiar with the matter", "a recent report from local media"):
        found = flags_with(cue)
        assert found and all(f.kind is VAGUE for f in found), cue
    latepost = flags_with("Chinese publication LatePost indicates")
    assert latepost and latepost[0].kind is ATTR
    for _, flag in analysis.iter_flags():
        assert analysis.text[flag.start : flag.end] == flag.cue


def test_seed_report_is_credited_to_latepost_named_before_it(seed_text: str) -> None:
    analysis = reader.analyze(seed_text)
    report = next(s for s in analysis.sentences if "the report indicates" in s.text)
    assert [f.kind for f in report.flags] == [ATTR]
    assert "LatePost" in report.flags[0].why
    suggests = next(s for s in analysis.sentences if "the report suggests" in s.text)
    assert VAGUE not in kinds(list(suggests.flags))
    assert ATTR in kinds(list(suggests.flags))  # the report is LatePost's


# One sentence per cue group ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "cue"),
    [
        # modals of possibility, alone and hedged
        ("The merger may be delayed.", SPEC, "may be"),
        ("The talks could collapse.", SPEC, "could"),
        ("The company may well abandon the project.", SPEC, "may well"),
        # hedging adverbs and verbs
        ("The company reportedly cut 200 jobs.", SPEC, "reportedly"),
        ("The figures were apparently wrong.", SPEC, "apparently"),
        ("The data suggests that sales are falling.", SPEC, "the data suggests"),
        ("The figures appear to show a decline.", SPEC, "appear to"),
        # suspicions and allegations
        ("The claim could not be verified.", SPEC, "could not be verified"),
        # predictions and plans
        ("The plant is expected to open next year.", SPEC, "is expected to"),
        ("The company is considering a sale of its ferry unit.", SPEC, "is considering"),
        # conditions
        ("If the talks fail, prices will rise.", SPEC, "if"),
        ("Unless the company pays, the ministry could act.", SPEC, "could"),
        # open questions
        ("It remains unclear who ordered the strike.", SPEC, "remains unclear"),
        ("It is not yet clear whether the ferries will be built.", SPEC, "not yet clear"),
        # rumour and confirmation
        ("The rumoured merger was never announced.", SPEC, "rumoured"),
        ("Neither side has confirmed the talks.", SPEC, "neither side has confirmed"),
        # skepticism and doubt
        ("The claims were met with skepticism.", SPEC, "met with skepticism"),
        ("The report casts doubt on the figures.", SPEC, "casts doubt"),
        ("There is no evidence that the plan works.", SPEC, "no evidence"),
        # anonymous sources and unnamed reports
        ("Sources said the deal was close.", VAGUE, "sources said"),
        (
            "A source close to the talks said no deal was near.",
            VAGUE,
            "a source close to the talks said",
        ),
        ("Media reports say the deal is off.", VAGUE, "media reports say"),
        # weasel phrases and vague quantities of people
        ("It is widely believed that the minister will resign.", VAGUE, "it is widely believed"),
        ("It is often said that the city never sleeps.", VAGUE, "it is often said"),
        ("The minister is said to be furious.", VAGUE, "is said to"),
        ("Some historians argue that the treaty failed.", VAGUE, "some historians"),
        ("Many believe the tax is unfair.", VAGUE, "many believe"),
        ("Critics say the plan is overdue.", VAGUE, "critics say"),
        ("Officials said the talks collapsed.", VAGUE, "officials said"),
        # attribution to a named source
        ("According to Reuters, the talks collapsed.", ATTR, "according to reuters"),
        (
            "Chinese publication LatePost indicates the project is young.",
            ATTR,
            "chinese publication latepost indicates",
        ),
        ("The talks collapsed, said Maria Lopez, a union official.", ATTR, "said maria lopez"),
        (
            "Harbour chief Marta Quintela said the fleet is old.",
            ATTR,
            "harbour chief marta quintela said",
        ),
        ("A spokesperson declined to comment.", ATTR, "a spokesperson declined to comment"),
    ],
)
def test_each_cue_group_flags_its_cue(sentence: str, kind: FlagKind, cue: str) -> None:
    assert cue in cues(sentence, kind), flag_sentence(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Vessen Marine delivered its first ferry to a Danish operator in 2022.",
        "The vessel carries 400 passengers and charges in about ten minutes.",
        "Xiaomi has already invested in several EV companies, most of them based in China.",
        "The company has many customers in Spain.",
        "Some of the passengers were injured.",
    ],
)
def test_plain_facts_carry_no_speculation_or_vague_flag(sentence: str) -> None:
    assert not kinds(flag_sentence(sentence)) & {SPEC, VAGUE}, flag_sentence(sentence)


# Context rules ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The plant opened in May 2021.",
        "The plant closed on 3 May after a fire.",
        "May is the busiest month for the ferries.",
        "Theresa May met the president.",
        "Sales rose in early May.",
    ],
)
def test_may_the_month_or_a_name_is_not_a_modal(sentence: str) -> None:
    assert cues(sentence, SPEC) == []


def test_may_the_modal_is_flagged() -> None:
    assert cues("The deal may collapse.", SPEC) == ["may"]
    assert cues("May God bless you.", SPEC) == ["may"]


def test_may_inside_a_quoted_title_is_not_a_modal() -> None:
    assert cues('The band played "You May Be Right" twice.', SPEC) == []
    assert cues("Her novel Things We Might Have Said sold well.", SPEC) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Rescuers could not find the boat.",
        "Rescuers couldn't reach the island.",
        "Rescuers could see the boat from the shore.",
        "He could not be reached for comment.",
    ],
)
def test_could_of_past_ability_is_not_speculation(sentence: str) -> None:
    assert cues(sentence, SPEC) == []


def test_could_of_possibility_and_could_not_rule_out_are_speculation() -> None:
    assert cues("The talks could collapse.", SPEC) == ["could"]
    assert cues("Police could not rule out arson.", SPEC) == ["could not rule out"]


def test_negated_doubt_is_certainty() -> None:
    assert cues("There is no doubt that the plan works.", SPEC) == []
    assert cues("The result is beyond doubt.", SPEC) == []
    assert cues("The plan works without a doubt.", SPEC) == []


def test_confirmation_is_flagged_only_when_negated() -> None:
    assert cues("The company confirmed the deal.", SPEC) == []
    assert cues("The company has confirmed the deal.", SPEC) == []
    assert cues("The company has not confirmed the deal.", SPEC) == ["has not confirmed"]
    assert cues("Neither company has confirmed the talks.", SPEC) == [
        "neither company has confirmed"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Results were better than expected.",
        "As expected, the bank raised rates.",
        "The approval had been expected.",
        "The ruling is expected on Monday.",
    ],
)
def test_expected_meaning_already_known_or_scheduled_is_not_a_prediction(sentence: str) -> None:
    assert cues(sentence, SPEC) == []


def test_expected_to_is_a_prediction() -> None:
    assert cues("The bank is expected to raise rates.", SPEC) == ["is expected to"]


@pytest.mark.parametrize(
    "sentence",
    [
        "He would not comment on the report.",
        "The ministry wouldn't say how many ferries were bought.",
        "As a boy he would often walk to school.",
        "The would-be buyer withdrew.",
    ],
)
def test_would_of_habit_or_refusal_states_a_fact(sentence: str) -> None:
    assert cues(sentence, SPEC) == []


def test_conditional_fact_without_a_modal_is_not_flagged() -> None:
    assert cues("Water boils if it is heated to 100 degrees.", SPEC) == []
    assert "if" in cues("If the talks fail, prices will rise.", SPEC)
    assert "if" in cues("He declined to say if the weapons included missiles.", SPEC)


def test_as_many_as_is_a_number_not_a_vague_source() -> None:
    assert cues("The ferry carries as many as 400 passengers.") == []


def test_report_named_earlier_is_credited_not_flagged_as_unnamed() -> None:
    named = flag_sentences(
        ["LatePost indicates the project is young.", "The report suggests Lei leads it."]
    )
    assert [f.kind for f in named[0]] == [ATTR]
    assert [(f.kind, f.cue) for f in named[1]] == [
        (SPEC, "The report suggests"),
        (ATTR, "The report"),
    ]
    assert "LatePost" in named[1][1].why
    unnamed = flag_sentences(["The report suggests Lei leads it."])[0]
    assert (VAGUE, "The report") in [(f.kind, f.cue) for f in unnamed]
    assert (SPEC, "The report suggests") in [(f.kind, f.cue) for f in unnamed]


def test_report_indicates_without_a_named_source_is_vague() -> None:
    flags = flag_sentence("The report indicates that the chief met the founder.")
    assert [(f.kind, f.cue) for f in flags] == [(VAGUE, "The report indicates")]


# Offsets, explanations, duplicates -------------------------------------------------------------

SENTENCES = [
    "According to people familiar with the matter, Apple is seeking a partner.",
    "Xiaomi would most likely join forces with a carmaker, the report suggests.",
    "It’s still not clear if Xiaomi wants to launch its very own car.",
    "Some analysts believe the bank could finance part of the order.",
    "“It may rain,” said Ana, who couldn’t confirm the forecast.",
    "The company, which is considered a rival, may or may not sell.",
    "ÉTAT: İstanbul officials said the ferry may be late.",
    "",
    "May",
    "could",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_flag_offsets_cut_the_cue_out_of_the_sentence(sentence: str) -> None:
    for flag in flag_sentence(sentence):
        assert 0 <= flag.start < flag.end <= len(sentence)
        assert sentence[flag.start : flag.end] == flag.cue


def test_offsets_hold_when_lower_casing_changes_length() -> None:
    sentence = "İİİ officials said the ferry may be late."
    flags = flag_sentence(sentence)
    assert flags
    for flag in flags:
        assert sentence[flag.start : flag.end] == flag.cue


def test_every_flag_has_a_short_readable_why() -> None:
    for sentence in SENTENCES:
        for flag in flag_sentence(sentence):
            assert flag.why.endswith(".")
            assert "{" not in flag.why
            assert len(flag.why) <= 140


def test_no_two_flags_of_one_kind_cover_the_same_words() -> None:
    for sentence in [*SENTENCES, "It may be that the company may well be sold."]:
        flags = flag_sentence(sentence)
        for a in flags:
            for b in flags:
                if a is not b and a.kind is b.kind:
                    assert not (a.start <= b.start and b.end <= a.end), (a, b)


def test_longest_cue_wins_over_its_parts() -> None:
    assert cues("Xiaomi would most likely join forces.", SPEC) == ["would most likely"]
    assert cues("Xiaomi could very well serve as a maker.", SPEC) == ["could very well"]


def test_flag_sentences_keeps_order_and_length() -> None:
    result = flag_sentences(["The sky is blue.", "The deal may collapse.", ""])
    assert [len(flags) for flags in result] == [0, 1, 0]


def test_public_api_exposes_flag_sentence() -> None:
    assert reader.flag_sentence("The deal may collapse.")[0].cue == "may"


# The bundled sample ----------------------------------------------------------------------------


def test_sample_article_gets_sensible_flags(sample_text: str) -> None:
    analysis = reader.analyze(sample_text)
    by_text = {s.text: s for s in analysis.sentences}

    def flagged(prefix: str) -> set[FlagKind]:
        sentence = next(s for text, s in by_text.items() if text.startswith(prefix))
        return {f.kind for f in sentence.flags}

    assert flagged("LISBON") >= {SPEC, VAGUE}
    assert SPEC in flagged("The Lisbon daily")
    assert ATTR in flagged("The Lisbon daily")
    assert SPEC in flagged("Neither company")
    assert flagged("Some analysts") >= {SPEC, VAGUE}
    assert ATTR in flagged("A spokesperson")  # declining to comment is a response
    assert SPEC in flagged("It is not yet clear")
    assert VAGUE in flagged("Critics say")
    assert VAGUE in flagged("According to a recent report")
    assert flagged("Vessen Marine, based in Bergen") == set()
    assert flagged("The vessel carries") == set()


# Finding the source of an attribution ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "cue", "source"),
    [
        (
            "A Rosneft spokesman has said the deal is done.",
            ATTR,
            "A Rosneft spokesman has said",
            "Rosneft spokesman",
        ),
        (
            "Labour peer Baroness Kennedy, who chairs it, said voters were angry.",
            ATTR,
            "Labour peer Baroness Kennedy, who chairs it, said",
            "Baroness Kennedy",
        ),
        (
            "Life is online, at least for some, argues technology analyst Bill Thompson.",
            ATTR,
            "argues technology analyst Bill Thompson",
            "Bill Thompson",
        ),
        (
            "Viewers are leaving TV, say analysts Jupiter Research.",
            ATTR,
            "say analysts Jupiter Research",
            "Jupiter Research",
        ),
        ("The talks collapsed, said analysts.", VAGUE, "said analysts", None),
        ("He said the fleet is old.", ATTR, "He said", None),
    ],
)
def test_attribution_finds_the_speaker(
    sentence: str, kind: FlagKind, cue: str, source: str | None
) -> None:
    flags = [f for f in flag_sentence(sentence) if f.kind in (ATTR, VAGUE)]
    assert [(f.kind, f.cue) for f in flags] == [(kind, cue)]
    if source:
        assert source in flags[0].why


def test_a_cue_inside_a_name_is_not_a_vague_source() -> None:
    assert cues("Figures gathered by Continental Research shows that 36% never sent one.") == []
    assert cues("Research shows that 36% never sent one.", VAGUE) == ["research shows"]


# Any text at all -------------------------------------------------------------------------------


_WORDS = st.sampled_from(
    [
        "may",
        "May",
        "could",
        "not",
        "n't",
        "said",
        "according",
        "to",
        "Reuters",
        "the",
        "report",
        "suggests",
        "people",
        "familiar",
        "with",
        "matter",
        "if",
        "İ",
        "’",
        '"',
        "“",
        "”",
        ",",
        ".",
        "  ",
        "\n",
        "would",
        "most",
        "likely",
        "Some",
        "analysts",
        "neither",
        "has",
        "confirmed",
        "expected",
        "as",
        "doubt",
        "no",
        "ß",
        "\u202e",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(max_size=4)), max_size=40))
def test_any_text_gets_consistent_flags(parts: list[str]) -> None:
    sentence = " ".join(parts)
    flags = flag_sentence(sentence)
    for flag in flags:
        assert 0 <= flag.start < flag.end <= len(sentence)
        assert sentence[flag.start : flag.end] == flag.cue
        assert flag.why
    assert flag_sentence(sentence) == flags


# Names, open questions and conditions ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The United States and the League of Arab States agreed to talk.",
        "She joined the Office of National Statistics Reports unit in 2004.",
        'The film "The Man Who Said No" opened in Lisbon.',
    ],
)
def test_a_capitalised_word_inside_a_name_is_never_a_reporting_verb(sentence: str) -> None:
    assert [f for f in flag_sentence(sentence) if f.kind is ATTR] == []


def test_a_reporting_verb_after_a_name_still_credits_it() -> None:
    flags = flag_sentence("The United States says the talks will go ahead.")
    assert [(f.kind, f.cue) for f in flags if f.kind is ATTR] == [(ATTR, "The United States says")]
    assert "United States" in flags[0].why


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("It’s still not clear if Xiaomi wants to launch its very own car.", "still not clear"),
        ("It is not yet clear whether the ferries will be built.", "not yet clear"),
        ("It remains unclear, for now, whether the plant will reopen.", "remains unclear"),
        ("The ministry has not confirmed whether the order was signed.", "has not confirmed"),
    ],
)
def test_if_or_whether_opening_the_question_of_a_cue_adds_no_flag(sentence: str, cue: str) -> None:
    found = cues(sentence, SPEC)
    assert cue in found and "if" not in found and "whether" not in found


def test_if_or_whether_on_its_own_still_marks_an_open_question() -> None:
    assert cues("The board decides next month whether the ferries are built.", SPEC) == ["whether"]
    assert "if" in cues("If the talks fail, prices will rise.", SPEC)


@pytest.mark.parametrize(
    "sentence",
    [
        "All details should be treated with skepticism, at least until the company confirms it.",
        "The bridge stays closed until Monday.",
        "He worked at the port until 2019.",
    ],
)
def test_until_is_a_time_not_a_condition(sentence: str) -> None:
    assert "until" not in cues(sentence, SPEC)


def test_seed_hedges_carry_no_extra_if_or_until_flag(seed_text: str) -> None:
    analysis = reader.analyze(seed_text)
    extra = [f.cue for _, f in analysis.iter_flags() if f.cue.lower() in ("if", "until")]
    assert extra == []


# Explanations ----------------------------------------------------------------------------------


def test_why_is_one_plain_sentence_that_does_not_repeat_the_cue() -> None:
    sentences = [
        *SENTENCES,
        "The United States says the talks will go ahead.",
        "The report indicates that the chief met the founder.",
        "Some historians argue that the treaty failed.",
        "The talks collapsed, said analysts.",
    ]
    seen = 0
    for sentence in sentences:
        for flag in flag_sentence(sentence):
            seen += 1
            # a vague flag may quote its source, which can be all of its cue
            assert flag.cue not in flag.why or flag.kind is VAGUE, flag
            assert "“" not in flag.why and '"' not in flag.why, flag
            assert flag.why.endswith("."), flag
            assert ". " not in flag.why.rstrip("."), flag  # one sentence
            assert len(flag.why) <= 90, flag
    assert seen >= 15


# Weasel sourcing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        # agentless passives of reporting and judging
        ("It was also reported that the mayor had resigned.", "it was also reported"),
        ("It has been suggested that the letters are forgeries.", "it has been suggested"),
        ("The decision has been questioned.", "has been questioned"),
        ("The album has been criticised as repetitive.", "has been criticised"),
        ("The tower has been described as the ugliest in the city.", "has been described as"),
        ("The bridge is widely regarded as a masterpiece.", "widely regarded"),
        ("The castle is thought to date from the twelfth century.", "is thought to"),
        ("The poem is regarded by many as his finest.", "by many"),
        ("There are claims that the vote was rigged.", "there are claims that"),
        # unnamed people as the subject of a verb of saying or believing
        ("Some describe the law as a triumph.", "some describe"),
        ("Some note that the figures were revised.", "some note"),
        ("Most agree that the reform came too late.", "most agree"),
        ("Some would argue the war was lost in 1943.", "some would argue"),
        ("Many have long believed the wreck lies offshore.", "many have long believed"),
        ("Some are worried the plant will close.", "some are worried"),
        ("The law pleased some, while others denounce it.", "others denounce"),
        # quantities of people whose names are withheld
        ("Several scholars doubt the attribution.", "several scholars"),
        ("A number of historians reject the date.", "a number of historians"),
        ("Many fans believe the sequel was rushed.", "many fans believe"),
        # groups as bare subjects of a verb of saying
        ("Supporters argue that the tax is fair.", "supporters"),
        ("Critics of the plan say it comes too late.", "critics of the plan say"),
        ("Opponents claim the dam will flood the valley.", "opponents"),
    ],
)
def test_weasel_sourcing_is_a_vague_source(sentence: str, cue: str) -> None:
    assert cue in cues(sentence, VAGUE), flag_sentence(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a passive that names its agent, or a police interrogation
        "The decision has been questioned by the auditors.",
        "The team was praised by the coach.",
        "He has been questioned over the theft.",
        # quantities of things or people who are not the source of a claim
        "Many people were injured in the fire.",
        "Some passengers waited for hours.",
        "Several companies bid for the contract.",
        "Some of the passengers were injured.",
        "There is some doubt about the figures.",
        "Some shares rose sharply.",
        "The line was used by many passenger trains.",
        "The motion passed by some 20 votes.",
        # generalising adverbs and naming
        "The ferry usually leaves at noon.",
        "The ferries are often late in winter.",
        "It is known as the Iron Bridge.",
        "The festival was held in Lisbon.",
    ],
)
def test_plain_quantities_and_named_agents_are_not_vague(sentence: str) -> None:
    assert cues(sentence, VAGUE) == [], flag_sentence(sentence)


def test_a_vague_group_flag_covers_the_verb_that_makes_it_a_source() -> None:
    sentence = "Some describe the law as a triumph."
    (flag,) = [f for f in flag_sentence(sentence) if f.kind is VAGUE]
    assert sentence[flag.start : flag.end] == "Some describe"
    assert sentence[flag.source_start : flag.source_end] == "Some"
    assert flag.why == "The source is not named: 'Some'."
