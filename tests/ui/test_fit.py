"""The reader at 80x24: nothing cut without a sign, notices that hide nothing being read, the
filtered kind in the list, paragraphs counted from 1, and search that finds what was meant."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from reader.model import FlagKind, Sentence
from reader.ui.fitted import FittedLine
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.claim_list import ClaimList, claim_prompt
from reader.ui.widgets.entity_list import EntityList
from reader.ui.widgets.panel_title import PanelTitle

SMALL = (80, 24)


def lines_of(widget) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


async def test_a_long_status_line_ends_in_an_ellipsis_at_a_word(open_app) -> None:
    async with open_app(size=SMALL) as (app, pilot):
        await pilot.press("right_square_bracket", "right_square_bracket")
        full = app.status.message
        shown = str(app.status.content)
        assert len(full) > app.status.content_size.width
        assert len(shown) <= app.status.content_size.width
        assert shown.endswith("…")
        kept = shown[:-1]
        assert full.startswith(kept) and full[len(kept)] in " ,;:", (kept, full)


async def test_the_filter_heading_keeps_its_count_and_brackets(open_app) -> None:
    async with open_app(size=SMALL) as (app, pilot):
        await pilot.press("f", "f")
        title = app.query_one("#claims-title", PanelTitle)
        text = lines_of(title)[0].strip()
        assert text.endswith(")") and "(3 of 7)" in text, text
        assert "vague source" in text.lower()


async def test_footer_keys_are_whole_and_the_ones_in_use_are_kept(open_app) -> None:
    async with open_app(size=SMALL) as (app, pilot):
        await pilot.press("right_square_bracket", "tab", "down", "enter")
        await pilot.pause()
        keys = list(app.query(FooterKey))
        palette = next(key for key in keys if key.has_class("-command-palette"))
        shown = [key for key in keys if key is not palette]
        assert "next_mention" in {key.action for key in shown}
        for key in shown:
            assert key.region.right <= palette.region.x, key.description
            assert key.region.width >= len(key.key_display) + 1 + len(key.description)


async def test_every_entity_shows_its_count(open_app) -> None:
    async with open_app(size=SMALL) as (app, _pilot):
        entities = app.query_one(EntityList)
        rows = lines_of(entities)
        long_name = "European Investment Bank"
        row = next(line for line in rows if line.strip().startswith("European"))
        entity = next(e for e in entities.entities if e.name == long_name)
        assert row.endswith(f"  {len(entity.mentions)}"), row
        assert "…" in row


async def test_cut_claims_end_in_an_ellipsis(open_app) -> None:
    async with open_app(size=SMALL) as (app, _pilot):
        claims = app.query_one(ClaimList)
        rows = [row for row in lines_of(claims) if row.strip()]
        assert rows and all(row.endswith("…") for row in rows), rows


async def test_s_hides_and_shows_the_sidebar(open_app) -> None:
    async with open_app(size=(50, 24)) as (app, pilot):
        narrow = app.article.size.width
        await pilot.press("tab")  # the focus in the sidebar moves back to the article
        await pilot.press("s")
        assert not app.query_one("#sidebar").display
        assert isinstance(app.focused, ArticleView)
        assert app.article.size.width > narrow + 15
        assert "sidebar hidden" in app.status.message
        await pilot.press("s")
        assert app.query_one("#sidebar").display
        assert app.article.size.width == narrow


async def test_a_notice_takes_the_footer_line_and_leaves_nothing_behind(open_app) -> None:
    async with open_app(size=SMALL, notifications=True) as (app, pilot):
        await pilot.press("right_square_bracket", "y")
        await pilot.pause(0.2)
        toast = app.screen.query_one("Toast")
        assert toast.region.y == app.size.height - 1 and toast.region.height == 1
        assert not toast.region.overlaps(app.status.region)
        assert not toast.region.overlaps(app.query_one("#main").region)
        app.clear_notifications()
        await pilot.pause(0.2)
        footer = app.export_screenshot()
        assert "Copied" not in footer and "claim" in footer


async def test_one_notice_at_a_time(open_app) -> None:
    async with open_app(size=SMALL, notifications=True) as (app, pilot):
        await pilot.press("right_square_bracket", "y", "y", "y")
        await pilot.pause(0.2)
        assert len(app.screen.query("Toast")) == 1


async def test_the_claims_list_shows_the_filtered_kind(open_app) -> None:
    async with open_app(size=SMALL) as (app, pilot):
        for _ in range(3):
            await pilot.press("f")
        claims = app.query_one(ClaimList)
        mixed = [c for c in claims.claims if len({f.kind for f in c.flags}) > 1]
        assert mixed, "the sample needs a claim of two kinds"
        prompts = [str(option.prompt) for option in claims.options]
        # Each line: the verdict's mark, then the tag of the filtered kind.
        tags = [prompt[:10] for prompt in prompts]
        assert tags and all(" ATTR " in tag and "SPEC" not in tag for tag in tags), prompts


async def test_the_raw_view_counts_paragraphs_from_one(open_app) -> None:
    async with open_app(size=SMALL, raw=True) as (app, _pilot):
        first = app.article.render_line(0).text
        assert first[:6].strip() == "1", first
        text = "\n".join(lines_of(app.article))
        assert "¶0" not in text


async def search(app, pilot, query: str) -> list[str]:
    await pilot.press("slash", *query, "enter")
    text = app.analysis.text
    return [text[start:end] for start, end in app.state.search.matches]


async def test_search_is_smart_about_case(open_app) -> None:
    async with open_app(size=SMALL) as (app, pilot):
        assert set(await search(app, pilot, "lisbon")) == {"LISBON", "Lisbon"}
        await pilot.press("escape")
        assert set(await search(app, pilot, "Lisbon")) == {"Lisbon"}


async def test_search_matches_whole_words_with_word_edges(open_app) -> None:
    async with open_app(size=SMALL) as (app, pilot):
        inside = await search(app, pilot, "port")
        assert len(inside) > 1
        await pilot.press("escape")
        assert await search(app, pilot, "\\bport") == ["Port"]


async def test_no_matches_says_so_without_the_step_keys(open_app) -> None:
    async with open_app(size=SMALL) as (app, pilot):
        await search(app, pilot, "zzzq")
        assert app.status.message.endswith("search “zzzq”: no matches")


def test_a_narrow_claims_list_trades_the_long_tag_for_a_letter_to_show_more_claim() -> None:
    text = "The harbour board may sell the ferry fleet to a private buyer next year."
    sentence = Sentence(index=0, paragraph=0, start=0, end=len(text), text=text)
    line = claim_prompt(sentence, FlagKind.SPECULATION)
    wide, narrow = str(line.at_width(100)), str(line.at_width(30))
    assert wide.startswith(" SPEC  ") and wide.endswith("next year.")
    assert narrow.startswith(" S ") and "SPEC" not in narrow and narrow.endswith("…")
    with_long_tag = str(FittedLine(line.text, left=line.left).at_width(30))
    assert len(narrow.removeprefix(" S ")) > len(with_long_tag.removeprefix(" SPEC  "))
