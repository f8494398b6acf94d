"""The boilerplate line classifier: its bundled data, its rules and its learned score."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reader.clean import furniture as boilerplate
from reader.clean.furniture import (
    boilerplate_score,
    furniture_reason,
    furniture_rule,
    has_evidence,
    line_features,
    may_show_evidence,
    model,
    vocabulary,
)


def test_the_learned_weights_only_name_words_of_the_bundled_vocabulary() -> None:
    # Editing boilerplate.toml without retraining (tests/eval/train_boilerplate.py) would leave
    # weights for words the extractor no longer produces, or none for new ones.
    vocab = vocabulary()
    for feature in model().weights:
        kind, _, value = feature.partition(":")
        if kind in ("w", "ws", "wm", "wl", "menu", "label"):
            assert value in vocab.category_of, feature
        if kind in ("p", "ps", "pm", "pl"):
            assert all(word in vocab.category_of for word in value.split("_")), feature


def test_every_category_has_a_reason_for_the_reader() -> None:
    vocab = vocabulary()
    assert set(vocab.category_of.values()) <= set(vocab.reasons)
    assert all(reason and len(reason) < 30 for reason in vocab.reasons.values())


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("ADVERTISEMENT", "advert"),
        ("Advertisement - Continue Reading Below", "advert"),
        ("Story continues below advertisement", "advert"),
        ("Facebook Twitter LinkedIn Email", "share"),
        ("Click to share on WhatsApp (Opens in new window)", "share"),
        ("Follow us on Instagram", "share"),
        ("See also: Ferry fares to rise in April…", "related"),
        ("You might also like", "related"),
        ("(Photo credit: Harbour authority)", "media"),
        ("Karin Holm / Getty Images", "media"),
        ("Loading...", "navigation"),
        ("Comments (12)", "navigation"),
        ("Subscribe to our weekly newsletter for the latest news.", "subscribe"),
        (
            "This site uses cookies. By continuing to browse you agree to our use of cookies.",
            "cookie",
        ),
        ("© 2024 Vessby Post. All rights reserved.", "footer"),
    ],
)
def test_rules_recognise_unmistakable_furniture(line: str, category: str) -> None:
    assert furniture_rule(line) == category


@pytest.mark.parametrize(
    "line",
    [
        "Copyright law is changing, and publishers are worried.",
        "The cookies were still warm when the council met, and nobody wanted to continue.",
        "Share prices fell by 4% on Monday after the results.",
        "Photography was her first love, long before she joined the council.",
        "Read the full report before you vote, she told councillors.",
        "More than 400 people wrote to the council.",
    ],
)
def test_rules_leave_article_sentences_alone(line: str) -> None:
    assert furniture_rule(line) is None


def test_a_line_with_no_furniture_word_or_mark_scores_zero() -> None:
    assert boilerplate_score("Overcrowded ferries worsen the risk") == 0.0
    assert boilerplate_score("Karin Holm") == 0.0


def test_long_paragraphs_are_never_scored_as_furniture() -> None:
    long = " ".join(["The council said the share of trips by ferry would rise."] * 4)
    assert boilerplate_score(long) == 0.0


def test_menu_entries_score_high_and_prose_low() -> None:
    assert boilerplate_score("Contact Us") > 0.95
    assert boilerplate_score("Privacy Policy") > 0.95
    assert boilerplate_score("The ferry will leave from the southern terminal.") < 0.5


def test_features_describe_the_shape_of_a_line() -> None:
    features = set(line_features("Karin Holm | Updated 5:32 PM ET, Nov. 20, 2019"))
    assert {"mark:pipe", "mark:time", "mark:date", "mark:year", "end:digit"} <= features
    assert "mark:byline" in line_features("By Karin Holm, Vessby Post")
    assert "mark:byline" not in line_features("By the end of the week the quay was closed.")


def test_the_reason_names_the_strongest_kind_of_evidence() -> None:
    assert furniture_reason("Contact Us") == "page footer"
    assert furniture_reason("Share on Facebook", "share") == "share buttons"


def test_a_replacement_model_can_be_parsed_from_its_toml() -> None:
    parsed = boilerplate.parse_model('bias = -1.5\n\n[weights]\n"w:share" = 2.25\n')
    assert parsed.bias == -1.5 and parsed.weights == {"w:share": 2.25}


_furniture_like = st.lists(
    st.sampled_from(
        [
            "Share",
            "on",
            "Facebook",
            "News",
            "|",
            "©",
            "2019",
            "Nov.",
            "20,",
            "5:32",
            "PM",
            "By",
            "Karin",
            "Holm",
            "@vessby",
            "#ferry",
            "www.vessby.se",
            "(12)",
            "MenuSections",
            "the",
            "quay",
            "said",
            "Updated",
            "Read",
            "more",
            "Privacy",
            "Policy",
            "Ingredients",
            "—",
        ]
    ),
    min_size=1,
    max_size=8,
).map(" ".join)


@given(st.one_of(_furniture_like, st.text(max_size=60)))
def test_the_quick_test_lets_through_every_line_with_evidence(line: str) -> None:
    if has_evidence(line_features(line)):
        assert may_show_evidence(line)


_ANCHORED_RULES = [pattern for _, pattern, needles in boilerplate._RULES if not needles]


@pytest.mark.parametrize("pattern", _ANCHORED_RULES)
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_lines_an_anchored_rule_accepts_pass_its_quick_test(pattern: str, data: st.DataObject):
    # The anchored rules are only tried (and compiled) for lines that pass _ANCHORED_START: a
    # line that any of them accepts must pass it too, or a verdict would be lost.
    rule = re.compile(pattern, re.I)
    line = data.draw(st.from_regex(rule))
    assume(rule.match(line))
    assert boilerplate._ANCHORED_START.match(line), line


def test_prose_skips_the_anchored_rules() -> None:
    prose = "Few details are available right now, but the project is in its early phases."
    assert not boilerplate._ANCHORED_START.match(prose)
    assert furniture_rule(prose) is None


def test_a_learned_word_makes_a_short_menu_line_evidence_but_not_a_sentence() -> None:
    with_learned = vocabulary()._replace(learned=frozenset({"gizmology", "quux"}))
    without = vocabulary()._replace(learned=frozenset())

    entry = line_features("Gizmology", with_learned)
    assert "lw:gizmology" in entry
    assert "lmenu:1" in entry
    assert has_evidence(entry)
    assert not has_evidence(line_features("Gizmology", without))

    pair = line_features("Quux & Gizmology", with_learned)
    assert {"lw:quux", "lw:gizmology", "lmenu:2"} <= set(pair)

    # In prose, or beside a word that is not furniture, a learned word says nothing.
    sentence = line_features("The gizmology fair opened in the old mill on Monday.", with_learned)
    assert not any(f.startswith(("lw:", "lmenu:")) for f in sentence)
    assert not any(f.startswith("lw:") for f in line_features("Gizmology Thursdays", with_learned))


def test_the_bundled_learned_words_are_a_short_list_of_plain_words() -> None:
    vocab = vocabulary()
    learned = [f.removeprefix("lw:") for f in model().weights if f.startswith("lw:")]
    assert 0 < len(learned) <= 300
    assert set(learned) == vocab.learned
    for word in learned:
        assert word.isalpha() and word.islower(), word
        assert word not in vocab.category_of, word
    # A learned word alone on a line is seen by the quick pre-test, and scored.
    word = min(learned)
    assert may_show_evidence(word.title())
    assert boilerplate_score(word.title()) > 0


def test_common_subheadings_are_not_furniture() -> None:
    for heading in ("Ingredients", "Our ruling", "Power and Performance", "Method"):
        assert boilerplate_score(heading) < 0.95, heading


@pytest.mark.parametrize(
    "line",
    [
        "Rendering of the iPad Pro by Martin Hajek",
        "An illustration of the new bridge by Sara Moreno.",
        "Photo of the harbour at dawn via Tom Reed",
        "Screenshot of the app from Lumen Labs",
    ],
)
def test_a_photo_caption_is_called_a_caption(line: str) -> None:
    assert furniture_rule(line) == "caption"
    assert furniture_reason(line, "caption") == "caption"


@pytest.mark.parametrize(
    "line",
    [
        "Related roundup: iPad Pro, Tag: bloomberg.com",
        "Tags: Apple, iPad, tablets",
        "Topics: Ferries, Harbour",
        "Filed under: Local news",
    ],
)
def test_a_tag_line_is_called_tags_not_share_buttons(line: str) -> None:
    assert furniture_rule(line) == "tags"
    assert furniture_reason(line, "tags") == "tags"


@pytest.mark.parametrize(
    "line",
    [
        "The rendering by Martin Hajek shows a thinner bezel than last year's model.",
        "Photos of the event were taken by volunteers, who later shared them online.",
        "Tags are sold at the door for five pounds each.",
    ],
)
def test_sentences_about_pictures_or_tags_are_not_furniture(line: str) -> None:
    assert furniture_rule(line) is None
