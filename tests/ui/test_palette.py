"""The claim colours stay apart in every built-in theme, light or dark."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from reader.ui.palette import flag_colours, hue_gap


@pytest.mark.parametrize("name", sorted(BUILTIN_THEMES))
def test_three_distinct_hues_in_every_built_in_theme(name: str) -> None:
    palette = BUILTIN_THEMES[name].to_color_system().generate()
    colours = flag_colours(palette)
    assert set(colours) == {"flag-speculation", "flag-vague-source", "flag-attribution"}
    parsed = [Color.parse(value) for value in colours.values()]
    gaps = [hue_gap(a, b) for i, a in enumerate(parsed) for b in parsed[i + 1 :]]
    assert min(gaps) >= 30, (name, colours)


def test_the_usual_colours_are_kept_when_they_differ() -> None:
    palette = BUILTIN_THEMES["catppuccin-latte"].to_color_system().generate()
    colours = flag_colours(palette)
    assert colours["flag-speculation"] == palette["warning"]
    assert colours["flag-vague-source"] == palette["error"]
    assert colours["flag-attribution"] == palette["primary"]


def test_a_close_pair_is_replaced() -> None:
    palette = BUILTIN_THEMES["solarized-dark"].to_color_system().generate()
    colours = flag_colours(palette)
    assert hue_gap(Color.parse(palette["warning"]), Color.parse(palette["error"])) < 40
    assert colours["flag-vague-source"] != palette["error"]


async def test_the_app_offers_the_colours_as_theme_variables(open_app) -> None:
    async with open_app() as (app, pilot):
        app.theme = "solarized-light"
        await pilot.pause()
        variables = app.get_css_variables()
        palette = app.current_theme.to_color_system().generate()
        assert variables["flag-speculation"] == flag_colours(palette)["flag-speculation"]
