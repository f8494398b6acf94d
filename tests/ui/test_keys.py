"""Every key of the reader, pressed as a user would, and what the screen says after it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.claim_list import ClaimList
from reader.ui.widgets.entity_list import EntityList
from reader.ui.widgets.sources_panel import SourcesPanel
from reader.ui.widgets.title_bar import TitleBar


def notes(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_opens_at_the_top_with_no_claim_selected(open_app) -> None:
    async with open_app() as (app, _pilot):
        assert app.state.claims.current is None
        assert app.article.scroll_y == 0
        assert app.article.current_claim is None
        assert "7 claims" in app.status.message


async def test_brackets_step_through_claims_with_a_counter(open_app) -> None:
    async with open_app() as (app, pilot):
        total = len(app.analysis.claims)
        await pilot.press("right_square_bracket")
        assert app.status.message.startswith(f"claim 1/{total}")
        assert app.state.claims.current is app.analysis.claims[0]
        await pilot.press("right_square_bracket")
        assert app.status.message.startswith(f"claim 2/{total}")
        await pilot.press("left_square_bracket")
        assert app.status.message.startswith(f"claim 1/{total}")
        assert app.article.current_claim[1] == app.analysis.claims[0].start


async def test_claims_wrap_at_both_ends_with_a_notice(open_app) -> None:
    async with open_app() as (app, pilot):
        total = len(app.analysis.claims)
        await pilot.press("left_square_bracket")
        assert app.status.message.startswith(f"claim {total}/{total}")
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.status.message.startswith(f"claim 1/{total}")
        assert any("Wrapped round to the first claim" in n for n in notes(app))


async def test_the_current_claim_is_scrolled_into_view(open_app) -> None:
    async with open_app(size=(80, 24)) as (app, pilot):
        await pilot.press("left_square_bracket")  # the last claim, far down
        claim = app.state.claims.current
        line = app.article.line_of_offset(claim.paragraph, claim.start)
        top = app.article.scroll_y
        assert top > 0
        assert top <= line < top + app.article.size.height


async def test_r_toggles_raw_and_clean_and_says_so(open_app) -> None:
    async with open_app() as (app, pilot):
        title = app.query_one(TitleBar)
        assert title.view == "clean"
        clean_lines = len(app.article.lines)
        await pilot.press("r")
        assert title.view == "raw"
        assert app.status.message.startswith("raw view")
        assert len(app.article.lines) > clean_lines
        assert "8 paragraphs dimmed" in title.note
        await pilot.press("r")
        assert title.view == "clean"
        assert app.status.message.startswith("clean view")
        assert "8 paragraphs hidden" in title.note


async def test_raw_view_labels_hidden_paragraphs(open_app) -> None:
    async with open_app(raw=True) as (app, _pilot):
        article = app.article
        shown = [article.render_line(y).text for y in range(article.size.height)]
        assert any("hidden: boilerplate" in line for line in shown)
        await _scroll_until(app, "hidden: duplicate of ¶")


async def _scroll_until(app, text: str) -> None:
    article = app.article
    for top in range(0, len(article.lines)):
        article.scroll_to(y=top, animate=False, immediate=True)
        if any(text in article.render_line(y).text for y in range(article.size.height)):
            return
    raise AssertionError(f"{text!r} never appeared")


async def test_toggling_keeps_the_paragraph_being_read_on_screen(open_app) -> None:
    async with open_app(size=(80, 24)) as (app, pilot):
        article = app.article
        for _ in range(5):
            await pilot.press("right_square_bracket")
        claim = app.state.claims.current
        for _ in range(2):
            await pilot.press("r")
            await pilot.pause()
            line = article.line_of_offset(claim.paragraph, claim.start)
            assert article.scroll_y <= line < article.scroll_y + article.size.height


async def test_toggling_without_a_claim_keeps_the_top_paragraph(open_app) -> None:
    async with open_app(size=(80, 24)) as (app, pilot):
        article = app.article
        kept = app.analysis.kept_paragraphs
        target = kept[len(kept) // 2]
        article.scroll_to(y=article.lines.first_line[target.index], animate=False, immediate=True)
        await pilot.press("r")
        assert article.top_paragraph() == target.index
        await pilot.press("r")
        assert article.top_paragraph() == target.index


async def test_f_cycles_the_claim_filter(open_app) -> None:
    async with open_app() as (app, pilot):
        claims = app.query_one(ClaimList)
        assert len(claims.claims) == 7
        await pilot.press("f")
        assert app.status.message.startswith("claims: speculation")
        assert all(any(f.kind == "speculation" for f in s.flags) for s in claims.claims)
        speculation = len(claims.claims)
        await pilot.press("right_square_bracket")
        assert app.status.message.startswith(f"claim 1/{speculation}")
        await pilot.press("f", "f")
        assert app.status.message.startswith("claims: attribution")
        await pilot.press("f")
        assert app.status.message.startswith("claims: all")
        assert len(claims.claims) == 7


async def test_tab_moves_focus_article_entities_claims_sources(open_app) -> None:
    async with open_app() as (app, pilot):
        assert app.analysis is not None and app.analysis.sources, "the sample names sources"
        assert isinstance(app.focused, ArticleView)
        await pilot.press("tab")
        assert isinstance(app.focused, EntityList)
        await pilot.press("tab")
        assert isinstance(app.focused, ClaimList)
        await pilot.press("tab")
        assert isinstance(app.focused, SourcesPanel)
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleView)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, SourcesPanel)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ClaimList)


async def test_enter_on_an_entity_selects_it_and_e_steps_through_mentions(open_app) -> None:
    async with open_app() as (app, pilot):
        await pilot.press("tab", "enter")
        entity = app.state.mentions.entity
        assert entity is not None
        count = len(entity.mentions)
        assert f"{entity.name} 1/{count}" in app.status.message
        marks = [m for ms in app.article._mentions.values() for m in ms]
        assert len(marks) == count
        await pilot.press("e")
        assert f"{entity.name} {min(2, count)}/{count}" in app.status.message
        await pilot.press("E")
        assert f"{entity.name} 1/{count}" in app.status.message


async def test_a_narrow_status_line_shortens_the_claim_and_keeps_the_mention(open_app) -> None:
    async with open_app(size=(80, 24)) as (app, pilot):
        await pilot.press("right_square_bracket", "tab", "enter")
        await pilot.pause()
        entity = app.state.mentions.entity
        shown = str(app.status.content)
        assert app.status.message.startswith("claim 1/")
        assert shown.startswith("claim 1/")
        assert shown.endswith(f"{entity.name} 1/{len(entity.mentions)} (e/E)")
        assert "…" in shown
        assert len(shown) <= app.status.content_size.width


async def test_the_most_mentioned_entity_of_a_group_comes_first(open_app) -> None:
    async with open_app() as (app, _pilot):
        entities = app.query_one(EntityList)
        organisations = [e for e in entities.entities if e.type == "ORG"]
        assert organisations[0].name == "Harbourline"
        counts = [len(e.mentions) for e in organisations]
        assert counts == sorted(counts, reverse=True)


async def test_clicking_an_entity_selects_it(open_app) -> None:
    async with open_app() as (app, pilot):
        entities = app.query_one(EntityList)
        await pilot.click(EntityList, offset=(4, 1))
        await pilot.pause()
        assert app.state.mentions.entity is entities.entities[0]


async def test_enter_on_a_claim_jumps_to_it(open_app) -> None:
    async with open_app() as (app, pilot):
        await pilot.press("tab", "tab", "down", "down", "enter")
        assert app.state.claims.current is app.analysis.claims[2]
        assert app.status.message.startswith("claim 3/7")


async def test_search_counts_matches_and_n_steps_through_them(open_app) -> None:
    async with open_app() as (app, pilot):
        await pilot.press("slash")
        await pilot.press(*"vessen")
        await pilot.press("enter")
        assert isinstance(app.focused, ArticleView)
        count = len(app.state.search)
        assert count >= 2
        assert f"search “vessen” 1/{count}" in app.status.message
        await pilot.press("n")
        assert f"2/{count}" in app.status.message
        await pilot.press("N")
        assert f"1/{count}" in app.status.message
        await pilot.press("N")
        assert f"{count}/{count}" in app.status.message
        await pilot.press("escape")
        assert "search" not in app.status.message
        assert app.article._matches == {}


async def test_search_for_missing_text_says_so(open_app) -> None:
    async with open_app() as (app, pilot):
        await pilot.press("slash", *"zzzq", "enter")
        assert "no matches" in app.status.message
        assert any("Not found" in n for n in notes(app))


async def test_escape_in_the_search_field_cancels(open_app) -> None:
    async with open_app() as (app, pilot):
        await pilot.press("slash", "a", "escape")
        assert isinstance(app.focused, ArticleView)
        assert app.state.search.query == ""


async def test_scroll_keys(open_app) -> None:
    async with open_app(size=(80, 24)) as (app, pilot):
        article = app.article
        await pilot.press("j", "j")
        assert article.scroll_y == 2
        await pilot.press("k")
        assert article.scroll_y == 1
        await pilot.press("down")
        assert article.scroll_y == 2
        await pilot.press("up")
        assert article.scroll_y == 1
        await pilot.press("space")
        assert article.scroll_y == 1 + article.size.height - 1
        await pilot.press("b")
        assert article.scroll_y == 1
        await pilot.press("G")
        assert article.scroll_y == article.max_scroll_y > 0
        await pilot.press("g")
        assert article.scroll_y == 0
        await pilot.press("pagedown")
        assert article.scroll_y == article.size.height - 1
        await pilot.press("pageup")
        assert article.scroll_y == 0
        await pilot.press("end")
        assert article.scroll_y == article.max_scroll_y
        await pilot.press("home")
        assert article.scroll_y == 0


async def test_y_copies_the_current_sentence(open_app) -> None:
    async with open_app() as (app, pilot):
        await pilot.press("right_square_bracket", "y")
        assert app.clipboard == app.analysis.claims[0].text
        assert any(n.startswith("Copied") for n in notes(app))


async def test_x_writes_a_new_report_each_time(open_app, tmp_path: Path) -> None:
    async with open_app(export_dir=tmp_path) as (app, pilot):
        await pilot.press("x")
        await pilot.press("x")
        reports = sorted(p.name for p in tmp_path.iterdir())
        assert reports == ["sample-article-2.report.md", "sample-article.report.md"]
        text = (tmp_path / "sample-article.report.md").read_text(encoding="utf-8")
        assert "## Claims" in text and "Harbourline" in text
        assert any(str(tmp_path / "sample-article-2.report.md") in n for n in notes(app))


async def test_question_mark_shows_help_with_every_key(open_app) -> None:
    async with open_app() as (app, pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.help_text()
        for key in ("]", "[", "esc", "ctrl+p", "tab / shift+tab", "Copy the current sentence"):
            assert key in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_the_palette_offers_every_action(open_app) -> None:
    async with open_app() as (app, pilot):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in (
            "Go to the next flagged claim",
            "Write a Markdown report into the current directory",
        ):
            assert title in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"


async def test_q_quits_with_status_0(open_app) -> None:
    async with open_app() as (app, pilot):
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0


async def test_footer_shows_mention_keys_only_with_an_entity(open_app) -> None:
    async with open_app() as (app, pilot):
        assert app.check_action("next_mention", ()) is False
        await pilot.press("tab", "enter")
        assert app.check_action("next_mention", ()) is True
        await pilot.press("escape")
        assert app.state.mentions.entity is None


async def test_a_keymap_moves_a_command_to_another_key(open_app) -> None:
    async with open_app(keymap={"next_claim": "l"}) as (app, pilot):
        await pilot.press("l")
        assert app.status.message.startswith("claim 1/")
        await pilot.press("question_mark")
        assert "l " in app.screen.help_text()


async def test_sidebar_lists_are_option_lists_without_markup(open_app) -> None:
    async with open_app() as (app, _pilot):
        for widget in app.query(OptionList):
            assert widget._markup is False


async def test_a_theme_change_recolours_the_claims(open_app) -> None:
    async with open_app() as (app, pilot):
        await pilot.press("right_square_bracket")
        article = app.article
        claim = app.state.claims.current
        line = article.line_of_offset(claim.paragraph, claim.start) - round(article.scroll_y)

        def styles() -> set[str]:
            return {str(s.style) for s in article.render_line(line) if s.style}

        dark = styles()
        app.theme = "textual-light"
        await pilot.pause()
        assert styles() != dark


async def test_no_color_keeps_kinds_apart_by_text_style(open_app, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    async with open_app() as (app, pilot):
        assert app.article.has_class("-no-color")
        await pilot.press("right_square_bracket")
        kind = app.article.current_claim[3]
        assert app.article.mark_style(f"article--current-{kind}").reverse


async def test_a_theme_from_the_settings_is_applied(open_app) -> None:
    async with open_app(theme="nord") as (app, _pilot):
        assert app.theme == "nord"


async def test_clicking_a_flagged_sentence_makes_it_the_current_claim(open_app) -> None:
    async with open_app() as (app, pilot):
        article = app.article
        target = app.analysis.claims[1]
        line = article.line_of_offset(target.paragraph, target.start + 3)
        row = line - round(article.scroll_y)
        await pilot.click(ArticleView, offset=(article.margin + article.gutter_width + 3, row))
        await pilot.pause()
        assert app.state.claims.current is target
        assert app.status.message.startswith("claim 2/")


async def test_the_headline_is_bold(open_app) -> None:
    async with open_app() as (app, _pilot):
        assert app.article.headline == app.analysis.kept_paragraphs[0].index
        first = app.article.render_line(0)
        assert any(segment.style and segment.style.bold for segment in first)


async def test_an_unknown_theme_is_reported_and_the_default_kept(open_app) -> None:
    async with open_app(theme="no-such-theme") as (app, pilot):
        await pilot.pause()
        assert app.theme == "textual-dark"
        assert any("Unknown theme" in n for n in notes(app))


async def test_scroll_letters_move_the_article_even_from_the_sidebar(open_app) -> None:
    async with open_app(size=(80, 24)) as (app, pilot):
        await pilot.press("tab")
        assert isinstance(app.focused, EntityList)
        await pilot.press("j", "j", "space")
        assert app.article.scroll_y == 2 + app.article.size.height - 1
        await pilot.press("g")
        assert app.article.scroll_y == 0
        assert isinstance(app.focused, EntityList)


async def test_the_palette_key_covers_the_footers_last_cell(open_app) -> None:
    # Keys that do not fit scroll under the palette key; none may show beside it.
    async with open_app(size=(80, 24)) as (app, pilot):
        await pilot.press("right_square_bracket", "tab", "enter")
        await pilot.pause()
        palette = next(key for key in app.query("FooterKey") if key.has_class("-command-palette"))
        assert palette.region.right == app.size.width
