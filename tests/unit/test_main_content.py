"""The main-content stage: the article found inside a whole page of text, nothing thrown away."""

from __future__ import annotations

import textwrap

import pytest

from reader.clean.cleaner import clean_paragraphs
from reader.clean.main_content import BlockKind, classify_block, densest_run
from reader.model import Paragraph
from reader.text.segment import split_paragraphs

HEADER = [
    "The Harbour Gazette",
    "Home",
    "Local",
    "Harbour Life",
    "Weather Desk",
    "Ferries",
    "Markets",
    "Obituaries",
    "Island Notes",
    "Tide Tables",
    "Boats And Moorings",
    "Subscribe",
]
"""A page's header: its name and menu (a page dump starts with several such lines that the
line rules do not know, which is how a page is told from an article)."""
ARTICLE = [
    "Ferry crossings to the outer islands will run twice as often from next spring, the harbour "
    "board said on Tuesday, after a year in which queues at the terminal grew longer every month.",
    "The board has leased two smaller boats from a company in the north, and the first of them is "
    "due to arrive in March once its crew have finished their training on the new route.",
    "Residents of the islands have asked for more crossings for years, and many of them said at a "
    "public meeting last week that the change would make it easier to reach work on the mainland.",
    "The fares will not change this year, but the board said that it would look again at the "
    "prices in the autumn, when it knows how many more people are using the service.",
]
TEASERS = [
    "Council Approves New Lighthouse Museum Plans",
    "Fishing Fleet Returns With Record Autumn Catch",
    "Harbour Festival Draws Biggest Crowd Yet",
    "School Rowing Team Wins County Title",
]


def verdicts(text: str) -> list[tuple[str, Paragraph]]:
    """Each paragraph's text and verdict."""
    paragraphs = clean_paragraphs(text, split_paragraphs(text))
    return [(text[p.start : p.end], p) for p in paragraphs]


def clean_view(text: str) -> list[str]:
    """The paragraphs the clean view shows."""
    return [t for t, p in verdicts(text) if p.kept]


def reason_of(text: str, line: str) -> str | None:
    """The reason the paragraph holding ``line`` is hidden (None when it is kept)."""
    for paragraph_text, paragraph in verdicts(text):
        if line in paragraph_text:
            return paragraph.reason
    raise AssertionError(f"no paragraph holds {line!r}")


def page(*parts: list[str]) -> str:
    """A page dump: one block per line."""
    return "\n".join(line for part in parts for line in part)


def test_the_article_of_a_page_dump_is_what_the_clean_view_shows() -> None:
    text = page(HEADER, ARTICLE, TEASERS, ["© 2026 The Harbour Gazette. All rights reserved."])
    assert clean_view(text) == ARTICLE


def test_every_hidden_line_keeps_its_place_and_its_reason() -> None:
    text = page(HEADER, ARTICLE, TEASERS)
    result = verdicts(text)
    assert len(result) == len(HEADER) + len(ARTICLE) + len(TEASERS)
    for _, paragraph in result:
        assert paragraph.kept == (paragraph.reason is None)
    assert reason_of(text, "Harbour Life") == "boilerplate: menu"
    assert reason_of(text, TEASERS[0]) == "boilerplate: teaser headlines"


@pytest.mark.parametrize("bullet", ["* ", "- ", "• ", "1. "])
def test_a_bulleted_menu_goes_like_a_plain_one(bullet: str) -> None:
    text = page([bullet + line for line in HEADER], ARTICLE)
    assert clean_view(text) == ARTICLE
    assert reason_of(text, "Weather Desk") == "boilerplate: menu"


def test_a_run_of_teaser_headlines_inside_the_article_is_hidden() -> None:
    text = page(HEADER, ARTICLE[:2], TEASERS, ARTICLE[2:])
    assert clean_view(text) == ARTICLE
    assert reason_of(text, TEASERS[1]) == "boilerplate: teaser headlines"


def test_share_rows_cookie_and_newsletter_prompts_are_hidden_with_their_reason() -> None:
    share = "Share on Facebook"
    cookie = "We use cookies to improve your experience on our website."
    newsletter = "Sign up for our morning newsletter and get the news in your inbox"
    text = page(HEADER, ARTICLE[:1], [share], ARTICLE[1:3], [cookie, newsletter], ARTICLE[3:])
    assert clean_view(text) == ARTICLE
    assert reason_of(text, share) == "boilerplate: share buttons"
    assert reason_of(text, cookie) == "boilerplate: cookie notice"
    assert reason_of(text, newsletter) == "boilerplate: sign-up prompt"


def test_a_comment_section_after_the_article_is_hidden_as_comments() -> None:
    comments = [
        "12 Comments",
        "harbourwatcher says:",
        "About time too, the queues at the terminal have been a disgrace for as long as I can "
        "remember and nobody on the board seemed to care at all.",
        "islander_jo says:",
        "Twice as often is good news but I would rather they fixed the timetable first, since "
        "the last boat home leaves far too early for anyone who works late.",
    ]
    text = page(HEADER, ARTICLE, comments)
    assert clean_view(text) == ARTICLE
    assert reason_of(text, "islander_jo says:") == "boilerplate: comments"
    assert reason_of(text, "About time too") == "boilerplate: comments"


def test_a_comments_heading_ends_the_article_even_before_prose() -> None:
    after = [
        "Share your thoughts",
        "The lighthouse museum will open next summer after the council agreed to pay for the "
        "repairs to its roof and the old keeper's cottage beside it.",
    ]
    text = page(HEADER, ARTICLE, after)
    assert clean_view(text) == ARTICLE
    assert reason_of(text, "lighthouse museum") == "boilerplate: comments"


def test_a_footer_is_hidden_as_the_page_footer() -> None:
    footer = [
        "About Us",
        "Contact",
        "Privacy Policy",
        "Terms of Use",
        "© 2026 The Harbour Gazette",
    ]
    text = page(HEADER, ARTICLE, footer)
    assert clean_view(text) == ARTICLE
    assert reason_of(text, "Terms of Use") is not None


def test_a_row_of_underscores_and_a_count_are_furniture() -> None:
    text = page(HEADER, ARTICLE[:2], ["________________"], ARTICLE[2:], ["1,204 shares"])
    assert clean_view(text) == ARTICLE
    assert reason_of(text, "______") == "boilerplate: separator"


def test_a_subheading_between_paragraphs_of_a_page_stays() -> None:
    subheading = "What Changes For Passengers"
    text = page(HEADER, ARTICLE[:2], [subheading], ARTICLE[2:], TEASERS)
    assert clean_view(text) == [*ARTICLE[:2], subheading, *ARTICLE[2:]]


def test_a_list_inside_the_article_of_a_page_stays() -> None:
    items = [
        "- Extra crossings on weekday mornings before seven",
        "- A late boat home on Fridays and Saturdays",
        "- More room for bicycles on every crossing",
    ]
    text = page(HEADER, ARTICLE[:2], items, ARTICLE[2:], TEASERS)
    assert clean_view(text) == [*ARTICLE[:2], *items, *ARTICLE[2:]]


def test_a_page_laid_out_by_a_text_browser_gives_the_same_article() -> None:
    blocks = [*HEADER, *ARTICLE, *TEASERS]
    text = "\n\n".join(textwrap.fill(block, 72) for block in blocks)
    kept = [" ".join(line.split()) for line in clean_view(text)]
    assert kept == ARTICLE


def test_an_article_without_furniture_passes_through_untouched() -> None:
    title = "More Ferries For The Islands"
    subheading = "The New Boats"
    items = ["- Two leased boats", "- New crews trained in March", "- Fares unchanged"]
    for text in (
        page([title], ARTICLE),
        page([title], ARTICLE[:2], [subheading], ARTICLE[2:], items),
        "\n\n".join([title, *ARTICLE]),
    ):
        assert all(p.kept for _, p in verdicts(text)), text


def test_a_caption_and_a_tag_line_get_their_own_reasons() -> None:
    caption = "Rendering of the new harbour ferry by Anna Lindqvist"
    tags = "Related roundup: Ferries, Tag: harbourgazette.com"
    text = page(ARTICLE[:2], [caption], ARTICLE[2:], [tags])
    assert reason_of(text, caption) == "boilerplate: caption"
    assert reason_of(text, tags) == "boilerplate: tags"


def test_block_shapes() -> None:
    assert classify_block(ARTICLE[0]).kind is BlockKind.PROSE
    assert classify_block("The board said the fares would not change.").kind is (
        BlockKind.NEAR_PROSE
    )
    assert classify_block("Weather Desk").kind is BlockKind.SHORT
    assert classify_block("_____").kind is BlockKind.FURNITURE
    assert classify_block("* Home").bullet


def test_the_densest_run_is_the_heaviest_stretch() -> None:
    assert densest_run([-1, 5, -2, 6, -20, 3]) == (1, 4)
    assert densest_run([-1, -2]) == (0, 0)
