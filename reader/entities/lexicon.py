"""The word lists the entity rules consult, loaded once.

Plain vocabulary lives in ``reader/lexicon/entities.toml``. Countries, their capitals, provinces
and nationalities come from the ``countryinfo`` package. Every key is folded with :func:`fold`
so that "U.S.", "US" and "us" find the same entry.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from reader.model import EntityType

LEXICON_PATH = Path(__file__).resolve().parent.parent / "lexicon" / "entities.toml"


def fold(word: str) -> str:
    """The lookup key of a word or name: case-folded, without dots, curly apostrophes made plain."""
    return word.casefold().replace(".", "").replace("’", "'")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every word list the extractor uses, as sets of folded keys."""

    openers: frozenset[str]
    """Words capitalised only because they open a sentence (function words, common openers)."""
    not_names: frozenset[str]
    """Words that are never a name: "CEO", "EV", "TV"."""
    honorifics: frozenset[str]
    title_heads: frozenset[str]
    title_modifiers: frozenset[str]
    title_words: frozenset[str]
    """Title heads and modifiers together."""
    person_before: frozenset[str]
    person_after: frozenset[str]
    org_heads: frozenset[str]
    droppable_suffixes: frozenset[str]
    org_before: frozenset[str]
    org_before_pairs: frozenset[tuple[str, str]]
    org_after: frozenset[str]
    joins_of: frozenset[str]
    """Words after which "of" or "for" stays inside a name ("Bank of America")."""
    place_before: frozenset[str]
    place_before_pairs: frozenset[tuple[str, str]]
    place_heads: frozenset[str]
    event_heads: frozenset[str]
    product_before: frozenset[str]
    date_words: frozenset[str]
    months: frozenset[str]
    single_word_stops: frozenset[str]
    """Words that are no name when they stand alone: not-names, dates, honorifics, titles."""
    pair_seconds: frozenset[str]
    """Second words of the two-word contexts ("in" of "invested in")."""
    gazetteer: dict[str, EntityType]
    """Whole names with a known type: countries, capitals, provinces (PLACE), nationalities
    and groups (NORP)."""


def _words(value: str) -> frozenset[str]:
    return frozenset(fold(word) for word in value.split())


def _pairs(value: str) -> frozenset[tuple[str, str]]:
    pairs = set()
    for item in value.split():
        first, _, second = item.partition("_")
        pairs.add((fold(first), fold(second)))
    return frozenset(pairs)


def _countries() -> list[dict[str, Any]]:
    """Every country record of the ``countryinfo`` package (empty when it is unavailable)."""
    try:
        from countryinfo import all_countries
    except ImportError:  # pragma: no cover - a declared dependency
        return []
    return [country.info() for country in all_countries()]


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v]
    return []


def build_gazetteer(
    countries: list[dict[str, Any]], norp_words: frozenset[str], common: frozenset[str]
) -> dict[str, EntityType]:
    """Names of places and nationalities from country records, keyed by :func:`fold`."""
    gazetteer: dict[str, EntityType] = {}
    for record in countries:
        names = [*_as_list(record.get("name")), *_as_list(record.get("altSpellings"))]
        names += _as_list(record.get("capital")) + _as_list(record.get("provinces"))
        names += _as_list(record.get("nativeName"))
        for name in names:
            key = fold(name)
            if len(key) >= 2 and key not in common and not key.isdigit():
                gazetteer.setdefault(key, EntityType.PLACE)
    for record in countries:
        for demonym in _as_list(record.get("demonym")):
            key = fold(demonym)
            if key not in common:
                gazetteer[key] = EntityType.NORP
                # plural use: "Americans", "Norwegians"
                gazetteer.setdefault(key + "s", EntityType.NORP)
    for key in norp_words:
        gazetteer.setdefault(key, EntityType.NORP)
    return gazetteer


@cache
def lexicon() -> Lexicon:
    """The lexicon, loaded on first use and shared afterwards (it is never modified)."""
    data = tomllib.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    words, people, orgs = data["words"], data["people"], data["organisations"]
    places, dates = data["places"], data["dates"]
    openers = _words(words["openers"]) | _words(words["common"])
    not_names = _words(words["not_names"])
    norp = _words(data["groups"]["norp"])
    months = _words(dates["months"])
    date_words = months | _words(dates["weekdays"]) | _words(dates["other"])
    honorifics = _words(people["honorifics"])
    title_heads = _words(people["title_heads"])
    title_modifiers = _words(people["title_modifiers"])
    org_pairs = _pairs(orgs["context_before_pairs"])
    place_pairs = _pairs(places["context_before_pairs"])
    return Lexicon(
        openers=openers,
        not_names=not_names,
        honorifics=honorifics,
        title_heads=title_heads,
        title_modifiers=title_modifiers,
        title_words=title_heads | title_modifiers,
        person_before=_words(people["context_before"]),
        person_after=_words(people["context_after"]),
        org_heads=_words(orgs["heads"]),
        droppable_suffixes=_words(orgs["droppable_suffixes"]),
        org_before=_words(orgs["context_before"]),
        org_before_pairs=org_pairs,
        org_after=_words(orgs["context_after"]),
        joins_of=_words(orgs["joins_of"]),
        place_before=_words(places["context_before"]),
        place_before_pairs=place_pairs,
        place_heads=_words(places["heads"]),
        event_heads=_words(data["events"]["heads"]),
        product_before=_words(data["products"]["context_before"]),
        date_words=date_words,
        months=months,
        single_word_stops=not_names | date_words | honorifics | title_heads | title_modifiers,
        pair_seconds=frozenset(second for _, second in org_pairs | place_pairs),
        gazetteer=build_gazetteer(_countries(), norp, openers | not_names | date_words),
    )
