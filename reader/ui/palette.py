"""The three claim colours, chosen from each theme's own palette so they always stay apart.

Speculation prefers the theme's warning colour, vague sourcing its error colour, attribution its
primary colour. Some themes make two of those nearly the same hue (solarized's orange warning
and red error) or nearly grey; then the next colour of the theme's palette that is clearly
different is taken instead. A theme can still set ``flag-speculation``, ``flag-vague-source``
and ``flag-attribution`` itself in its ``variables``.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.color import Color

PREFERENCES: dict[str, tuple[str, ...]] = {
    "speculation": ("warning", "accent", "secondary", "success", "error", "primary"),
    "vague-source": ("error", "secondary", "accent", "primary", "success", "warning"),
    "attribution": ("primary", "success", "secondary", "accent", "warning", "error"),
}
"""For each claim kind, the theme colours to try, best first."""

MIN_HUE_GAP = 40.0
"""Degrees of hue that keep two tints apart at a glance."""
MIN_SATURATION = 0.3
"""Below this a colour reads as grey once it is blended into the background."""
GREY_WEIGHT = 0.6
"""How much a greyish colour's hue difference counts when no colour meets both tests."""


def hue_gap(one: Color, other: Color) -> float:
    """The distance between two hues in degrees (0 to 180)."""
    gap = abs(one.hsl[0] - other.hsl[0]) * 360.0
    return min(gap, 360.0 - gap)


def flag_colours(palette: Mapping[str, str]) -> dict[str, str]:
    """CSS variables ``flag-<kind>`` for a theme's generated palette (``$warning`` and so on)."""
    chosen: dict[str, Color] = {}
    variables: dict[str, str] = {}
    for kind, names in PREFERENCES.items():
        best_name, best_score = names[0], -1.0
        for name in names:
            if name not in palette:
                continue
            colour = Color.parse(palette[name])
            gap = min((hue_gap(colour, other) for other in chosen.values()), default=180.0)
            vivid = colour.hsl[1] >= MIN_SATURATION
            if vivid and gap >= MIN_HUE_GAP:
                best_name = name
                break
            # Failing both, a clearly different hue beats a vivid one that is nearly the same.
            score = gap if vivid else gap * GREY_WEIGHT
            if score > best_score:
                best_name, best_score = name, score
        chosen[kind] = Color.parse(palette[best_name])
        variables[f"flag-{kind}"] = palette[best_name]
    return variables
