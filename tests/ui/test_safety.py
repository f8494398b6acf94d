"""Untrusted text: markup is shown literally and does nothing; control characters never reach
the terminal but are shown as visible stand-ins."""

from __future__ import annotations

import re

from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.entity_list import EntityList
from reader.ui.widgets.title_bar import TitleBar

UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def screen_text(app) -> str:
    """Everything drawn on the screen, as the terminal would receive it (text only)."""
    return app.export_screenshot()


async def test_markup_in_the_article_is_shown_literally(open_app, hostile) -> None:
    async with open_app(hostile) as (app, _pilot):
        lines = [app.article.render_line(y).text for y in range(app.article.size.height)]
        joined = "\n".join(lines)
        assert "[bold]markup[/bold]" in joined
        assert "[@click=app.quit]here[/]" in joined
        assert "A stray [/] closes" in joined
        assert "[link=x]y[/link]" in joined


async def test_control_characters_are_shown_as_stand_ins(open_app, hostile) -> None:
    async with open_app(hostile) as (app, _pilot):
        lines = [app.article.render_line(y) for y in range(app.article.size.height)]
        joined = "\n".join(strip.text for strip in lines)
        assert "^[[31mred^[[0m" in joined
        assert "bell ^G" in joined
        assert "abc<U+202E>dcba<U+202C>" in joined
        assert "<U+009B>31m" in joined
        for strip in lines:
            for segment in strip:
                assert not UNSAFE.search(segment.text), repr(segment.text)
        svg = screen_text(app)
        assert not UNSAFE.search(svg.replace("\n", "").replace("\t", ""))


async def test_title_and_entity_names_are_untrusted_too(open_app, hostile) -> None:
    async with open_app(hostile) as (app, _pilot):
        title = app.query_one(TitleBar).render().plain
        # The header names the file ("[b]hostile[/" is its directory), escape code visible.
        assert "Hostile [bold]markup[/bold] test — b]^[[2J.txt" in title
        entities = app.query_one(EntityList)
        prompts = [str(option.prompt) for option in entities.options]
        assert any("[@click=app.quit]here[/]" in prompt for prompt in prompts)


async def test_selecting_a_markup_named_entity_triggers_nothing(open_app, hostile) -> None:
    async with open_app(hostile) as (app, pilot):
        await pilot.press("tab", "enter")
        entity = app.state.mentions.entity
        assert entity is not None and entity.name.startswith("[@click")
        assert app.return_code is None
        assert "[@click=app.quit]here[/] 1/1" in app.status.message
        await pilot.press("y")
        await pilot.pause()
        assert app.return_code is None


async def test_clicking_markup_text_triggers_nothing(open_app, hostile) -> None:
    async with open_app(hostile) as (app, pilot):
        article = app.article
        for y in range(article.size.height):
            text = article.render_line(y).text
            if "here[/]" in text:
                await pilot.click(ArticleView, offset=(text.index("here[/]") + 1, y))
                break
        else:
            raise AssertionError("the hostile line is not on screen")
        await pilot.pause()
        assert app.return_code is None
        assert app.is_running


async def test_searching_for_markup_is_safe(open_app, hostile) -> None:
    async with open_app(hostile) as (app, pilot):
        await pilot.press("slash", *"[/]", "enter")
        assert app.return_code is None
        assert "search “[/]” 1/2" in app.status.message
        await pilot.press("slash", *"[/nothing]", "enter")
        await pilot.pause()
        assert app.is_running


async def test_claims_with_hostile_text_are_listed_literally(open_app, hostile) -> None:
    async with open_app(hostile) as (app, pilot):
        await pilot.press("right_square_bracket")
        assert app.status.message.startswith("claim 1/")
        await pilot.press("r", "r")
        assert app.is_running


async def test_a_wide_title_is_cut_to_fit_and_the_view_stays_visible(open_app) -> None:
    import reader

    analysis = reader.analyze("很长的标题" * 30 + "\n\nBody text.", source="wide.txt")
    async with open_app(analysis, size=(80, 24)) as (app, _pilot):
        from rich.cells import cell_len

        line = app.query_one(TitleBar).render().plain
        assert cell_len(line) == 80
        assert line.endswith("clean view ")
