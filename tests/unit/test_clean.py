"""The paragraph cleaner: every status, legitimate repetition kept, offsets, determinism."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.clean.cleaner import clean_paragraphs
from reader.clean.repeats import normalized_key
from reader.model import Paragraph, ParagraphStatus
from reader.text.segment import split_paragraphs

KEPT = ParagraphStatus.KEPT
DUPLICATE = ParagraphStatus.DUPLICATE
NEAR = ParagraphStatus.NEAR_DUPLICATE
BOILERPLATE = ParagraphStatus.BOILERPLATE

# Invented article paragraphs (long enough to read as prose).
P = [
    "The harbour authority in Vessby said on Monday that it would close the northern quay for "
    "repairs from March, moving the ferry to Alvik to the southern terminal for six weeks.",
    "Officials expect the work to cost about 4 million crowns, most of it for new piles under "
    "the quay, which was built in 1962 and last strengthened two decades ago.",
    "Local businesses near the northern quay have asked for a temporary bus link, saying that "
    "the detour could cut their trade by a third during the spring season.",
    "A spokesperson for the ferry operator declined to comment on the timetable, but said the "
    "company was in talks with the authority about extra sailings at weekends.",
    "The council will vote on the bus link at its next meeting, a week before the quay closes, "
    "after a public consultation that drew more than 400 written responses.",
    "Engineers first warned about the state of the piles in a report two years ago, according "
    "to minutes of a board meeting published by the harbour authority last autumn.",
]


def clean(paragraphs: list[str]) -> tuple[str, list[Paragraph]]:
    """Clean paragraphs joined the way a text file separates them."""
    text = "\n\n".join(paragraphs)
    return text, clean_paragraphs(text, split_paragraphs(text))


def statuses(paragraphs: list[str]) -> list[ParagraphStatus]:
    """The status of each paragraph."""
    return [p.status for p in clean(paragraphs)[1]]


# --- duplicates --------------------------------------------------------------------------------


def test_a_pattern_repeated_three_times_points_every_copy_to_a_shown_paragraph() -> None:
    # A B A B A: the last A could be matched to the A before it, which is itself hidden.
    _, result = clean([P[0], P[1], P[0], P[1], P[0], P[5]])
    assert [p.status for p in result] == [KEPT, KEPT, DUPLICATE, DUPLICATE, DUPLICATE, KEPT]
    assert [p.duplicate_of for p in result[2:5]] == [0, 1, 0]
    assert result[4].reason == "duplicate of ¶1"


def test_a_block_pasted_three_times_is_hidden_but_a_refrain_between_new_text_is_kept() -> None:
    _, looped = clean([P[0], P[1], P[2], P[0], P[1], P[2], P[0], P[1], P[2], P[5]])
    assert [p.status for p in looped] == [KEPT] * 3 + [DUPLICATE] * 6 + [KEPT]
    assert [p.duplicate_of for p in looped[3:9]] == [0, 1, 2, 0, 1, 2]
    refrain = statuses([P[0], P[5], P[1], P[5], P[2], P[5], P[3]])
    assert refrain == [KEPT] * 7


def test_a_copied_run_of_paragraphs_is_hidden_and_points_to_the_first_copies() -> None:
    _, result = clean([*P[:4], P[1], P[2], P[3], P[4]])
    assert [p.status for p in result] == [KEPT] * 4 + [DUPLICATE] * 3 + [KEPT]
    assert [p.duplicate_of for p in result[4:7]] == [1, 2, 3]
    assert result[4].reason == "duplicate of ¶2"


def test_a_doubled_body_keeps_the_first_copy_only() -> None:
    result = statuses(P + P)
    assert result == [KEPT] * len(P) + [DUPLICATE] * len(P)


def test_case_whitespace_quotes_and_punctuation_do_not_hide_a_repeat() -> None:
    copy = P[2].upper().replace(",", "").replace(" the ", "  the ") + "!!"
    quoted = "“It will be fine,” she said, “and we’ll reopen by summer with a new quay.”"
    requoted = '"It will be fine," she said, "and we\'ll reopen by summer with a new quay."'
    result = statuses([P[0], quoted, P[1], P[2], P[3], copy, requoted])
    assert result[5] is DUPLICATE
    assert result[6] is DUPLICATE  # a re-punctuated copy of a quote


def test_a_long_paragraph_repeated_on_its_own_is_damage() -> None:
    result = statuses([*P[:5], P[1]])
    assert result[-1] is DUPLICATE


# --- near duplicates ---------------------------------------------------------------------------


def test_an_edited_copy_is_a_near_duplicate() -> None:
    edited = P[1].replace("most of it for", "most of for").replace("last strengthened", "last")
    _, result = clean([*P[:4], edited, P[4]])
    assert result[4].status is NEAR
    assert result[4].duplicate_of == 1
    assert result[4].reason == "near-duplicate of ¶2"


def test_a_teaser_cut_off_with_an_ellipsis_is_a_truncated_near_duplicate() -> None:
    teaser = P[2][:70].rsplit(" ", 1)[0] + "…"
    _, result = clean([*P[:5], teaser])
    assert result[-1].status is NEAR
    assert result[-1].duplicate_of == 2
    assert result[-1].reason == "near-duplicate of ¶3, truncated"


def test_a_copy_that_lost_its_last_sentence_is_a_near_duplicate() -> None:
    two_sentences = P[3] + " The authority has not said when the talks will end."
    _, result = clean([P[0], two_sentences, P[1], P[2], P[3].rstrip("."), P[4]])
    assert result[4].status is NEAR
    assert result[4].duplicate_of == 1


def test_short_copy_with_two_words_swapped_is_a_near_duplicate() -> None:
    result = statuses([P[0], "What was the investigation about?", P[1], P[2],
                       "What was investigation the about?", P[3]])  # fmt: skip
    assert result[4] is NEAR


def test_list_items_built_on_one_pattern_are_not_near_duplicates() -> None:
    items = [
        "- Ferry operator: Nordlink; route: Vessby to Alvik; sailings: 14 a day; crossing: 25 min",
        "- Ferry operator: Baltline; route: Vessby to Holm; sailings: 9 a day; crossing: 40 min",
        "- Ferry operator: Sundway; route: Vessby to Ekerö; sailings: 6 a day; crossing: 55 min",
    ]
    assert statuses([P[0], *items, P[1]]) == [KEPT] * 5


# --- legitimate repetition ---------------------------------------------------------------------


def test_a_question_asked_twice_in_an_interview_is_kept() -> None:
    question = "Q: Why now?"
    paragraphs = [P[0], question, P[1], P[2], question, P[3]]
    assert statuses(paragraphs) == [KEPT] * 6


def test_a_refrain_that_comes_back_between_verses_is_kept() -> None:
    refrain = "And still the ferry sails, and still the harbour waits for spring to come again."
    paragraphs = [P[0], refrain, P[1], refrain, P[2], refrain, P[3]]
    assert statuses(paragraphs) == [KEPT] * 7


def test_the_same_line_in_every_item_of_a_list_is_kept() -> None:
    items = []
    for name, price in (("Kettle", 30), ("Toaster", 45), ("Lamp", 25), ("Radio", 60)):
        items += [f"{name} with a two-year guarantee, ${price}", "Buy now", "Available online"]
    assert statuses([P[0], *items, P[1]]) == [KEPT] * (len(items) + 2)


def test_a_repeated_section_of_short_items_in_a_list_article_is_kept() -> None:
    plan = ["Breakfast", "Eat within an hour of waking", "Lunch", "Eat every three hours"]
    paragraphs = [P[0], "Plan A", *plan, "Extra snack", "Plan B", *plan, "Plan C", *plan, P[1]]
    assert all(status is KEPT for status in statuses(paragraphs))


# --- boilerplate -------------------------------------------------------------------------------


def test_page_furniture_between_paragraphs_is_boilerplate_with_a_reason() -> None:
    furniture = {
        "Advertisement": "advertisement",
        "Share on Facebook": "share buttons",
        "Read more: Council approves new cycle lanes along the river": "link to other stories",
        "Photo: Harbour authority": "photo or video credit",
        "Sign up for our morning newsletter to get the news delivered to your inbox.": (
            "sign-up prompt"
        ),
        "We use cookies to give you the best experience on our website. Accept": "cookie notice",
        "Skip to main content": "navigation",
        "Privacy Policy": "cookie notice",
    }
    for line, reason in furniture.items():
        _, result = clean([P[0], P[1], line, P[2]])
        assert result[2].status is BOILERPLATE, line
        assert result[2].reason == f"boilerplate: {reason}", line
        assert result[2].duplicate_of is None
        assert [p.status for p in result if p.index != 2] == [KEPT] * 3


def test_navigation_words_interrupting_the_article_are_boilerplate() -> None:
    for line in ("Politics", "Contact Us", "Updated 5:32 PM ET, Wed November 20, 2019"):
        assert statuses([P[0], P[1], line, P[2], P[3]])[2] is BOILERPLATE, line


def test_short_article_lines_are_not_boilerplate() -> None:
    lines = [
        "The background",
        "“We will not let this quay fall into the sea,” she said.",
        "The authority declined to comment.",
        "What happens next?",
        "Karin Holm, harbour master",
        "LISBON — The city council met on Tuesday.",
        "Ingredients",
        "Q: Who pays for the repairs?",
    ]
    for line in lines:
        assert statuses([P[0], P[1], line, P[2], P[3]]) == [KEPT] * 5, line


def test_the_items_of_a_list_are_not_boilerplate() -> None:
    items = ["- Share of trips by ferry: 12%", "- Share of trips by bus: 40%", "- More cycle lanes"]
    assert statuses([P[0], *items, P[1]]) == [KEPT] * 5


def test_the_first_line_of_an_article_can_be_its_headline() -> None:
    headline = "Vessby to close northern quay for repairs as ferry moves south"
    assert statuses([headline, *P[:3]])[0] is KEPT


def test_real_articles_bundled_with_the_package_lose_nothing() -> None:
    assert statuses(P) == [KEPT] * len(P)


# --- offsets, references and determinism --------------------------------------------------------


def test_offsets_cut_each_paragraph_out_of_the_text() -> None:
    paragraphs = [P[0], "Advertisement", P[1], P[0], P[2], "  Share on Facebook  ", P[2][:60] + "…"]
    text, result = clean(paragraphs)
    assert [p.index for p in result] == list(range(len(paragraphs)))
    assert [text[p.start : p.end] for p in result] == [p.strip() for p in paragraphs]


def test_hidden_paragraphs_point_to_kept_ones_and_explain_themselves() -> None:
    _, result = clean([*P, P[2], P[3], "Advertisement", P[4][:80] + "…", "Tweet", *P[:3]])
    for paragraph in result:
        if paragraph.kept:
            assert paragraph.duplicate_of is None and paragraph.reason is None
            continue
        assert paragraph.reason
        if paragraph.status is BOILERPLATE:
            assert paragraph.duplicate_of is None
        else:
            source = result[paragraph.duplicate_of]
            assert source.kept and source.index < paragraph.index


def test_cleaning_is_the_same_in_every_process() -> None:
    # Word triples are hashed with Python's per-process string hashing: the verdicts must not
    # depend on it.
    paragraphs = [*P, P[2], P[3], P[1].replace("about", "roughly"), "Advertisement", P[0][:90]]
    code = (
        "import json, sys; from reader.clean.cleaner import clean_paragraphs; "
        "from reader.text.segment import split_paragraphs; t = sys.stdin.read(); "
        "print(json.dumps([p.to_dict() for p in clean_paragraphs(t, split_paragraphs(t))]))"
    )
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", code],
            input="\n\n".join(paragraphs),
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert any(p["status"] != "kept" for p in json.loads(outputs.pop()))


def test_no_paragraphs_gives_no_verdicts() -> None:
    assert clean_paragraphs("", []) == []


# --- properties ---------------------------------------------------------------------------------

_NON_WORD = re.compile(r"[\W_]+")


def _reference_key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


@given(st.text())
def test_the_key_shortcut_agrees_with_the_full_normalisation(text: str) -> None:
    assert normalized_key(text) == _reference_key(text)


_lines = st.one_of(
    st.sampled_from([*P, "Advertisement", "Share", "Q: Why?", "…", "***", "Read more"]),
    st.text(min_size=1, max_size=80),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_lines, max_size=25))
def test_any_document_gets_a_consistent_verdict_for_every_paragraph(lines: list[str]) -> None:
    text = "\n\n".join(lines)
    spans = split_paragraphs(text)
    result = clean_paragraphs(text, spans)
    assert [(p.start, p.end) for p in result] == [(s.start, s.end) for s in spans]
    for paragraph in result:
        if paragraph.duplicate_of is not None:
            assert result[paragraph.duplicate_of].kept
            assert paragraph.duplicate_of < paragraph.index
        assert paragraph.kept == (paragraph.reason is None)
    assert clean_paragraphs(text, spans) == result
