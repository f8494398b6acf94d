"""The word lists the entity rules consult, loaded once.

Plain vocabulary lives in ``reader/data/entities.toml``. Countries, their capitals, provinces
and nationalities come from the ``countryinfo`` package. Every key is folded with :func:`fold`
so that "U.S.", "US" and "us" find the same entry.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from reader.data import data_path
from reader.model import EntityType
from reader.text.words import MONTH_NAMES, WEEKDAYS

LEXICON_PATH = data_path("entities.toml")


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
    initial_never: frozenset[str]
    """Words that are no name when one stands alone opening a sentence: "Be", "Stir", "Oh"."""
    derived_parts: frozenset[str]
    """Second parts of hyphenated adjectives made from a name: "based" of "London-based"."""
    honorifics: frozenset[str]
    title_heads: frozenset[str]
    title_modifiers: frozenset[str]
    title_words: frozenset[str]
    """Title heads and modifiers together."""
    person_before: frozenset[str]
    person_after: frozenset[str]
    org_heads: frozenset[str]
    droppable_suffixes: frozenset[str]
    bare_suffixes: frozenset[str]
    """Company suffixes that are never an entity alone: "Inc.", "Ltd"."""
    bare_suffixes_unless_capitals: frozenset[str]
    """The same, unless written in capitals: "Co." (but "CO" is Colorado)."""
    org_before: frozenset[str]
    org_before_pairs: frozenset[tuple[str, str]]
    org_after: frozenset[str]
    not_person_before: frozenset[str]
    """Words before a name that a person's name rarely follows: "on Twitter", "via ..."."""
    not_person_after: frozenset[str]
    """Words after a name that rarely follow a person's name: "Twitter account"."""
    not_person_after_possessive: frozenset[str]
    """The same after a possessive: "Instagram's platform"."""
    joins_of: frozenset[str]
    """Words after which "of" or "for" stays inside a name ("Bank of America")."""
    place_before: frozenset[str]
    place_before_pairs: frozenset[tuple[str, str]]
    place_heads: frozenset[str]
    event_heads: frozenset[str]
    head_words: frozenset[str]
    """Organisation, place and event heads together."""
    product_before: frozenset[str]
    date_words: frozenset[str]
    months: frozenset[str]
    holidays: frozenset[str]
    """Named days: "Christmas", "Easter"."""
    single_word_stops: frozenset[str]
    """Words that are no name when they stand alone: not-names, dates, honorifics, titles."""
    pair_seconds: frozenset[str]
    """Second words of the two-word contexts ("in" of "invested in")."""
    gazetteer: dict[str, tuple[EntityType, float]]
    """Whole names with a known type and how strongly it votes: countries, capitals, provinces
    (PLACE), nationalities and groups (NORP)."""
    cities: frozenset[str]
    """Large cities (in the gazetteer as places, at a low weight)."""
    work_nouns: frozenset[str]
    """Nouns before a quoted title that make it a work: 'the song "Bad Blood"'."""
    state_abbreviations: frozenset[str]
    """US state abbreviations whose dot belongs to the name: "Calif.", "Mass."."""
    place_stems: frozenset[str]
    """First five letters of one-word places, to recognise nationalities ("Bosnian")."""


def _words(value: str) -> frozenset[str]:
    return frozenset(fold(word) for word in value.split())


def _phrases(value: str) -> frozenset[str]:
    """Whole names written with "_" for their spaces ("rolling_stone"), folded."""
    return frozenset(fold(item.replace("_", " ")) for item in value.split())


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
    return [cast(dict[str, Any], country.info()) for country in all_countries()]


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v]
    return []


# How strongly a gazetteer hit votes: a country or nationality is nearly always one; a province
# or a capital is also the name of teams, companies and people more often.
COUNTRY_WEIGHT = 4.0
CAPITAL_WEIGHT = 3.0
PROVINCE_WEIGHT = 2.0
CITY_WEIGHT = 2.0
"""A large city: also the name of the teams of sports results ("Houston beat Denver")."""


def build_gazetteer(
    countries: list[dict[str, Any]],
    regions: frozenset[str],
    norp_words: frozenset[str],
    common: frozenset[str],
    extra: dict[EntityType, frozenset[str]] | None = None,
    cities: frozenset[str] = frozenset(),
) -> dict[str, tuple[EntityType, float]]:
    """Places and nationalities from country records with their vote weight, keyed by fold;
    ``extra`` adds names of other types (outlets, products) at the same weight."""
    gazetteer: dict[str, tuple[EntityType, float]] = {}

    def add(names: list[str], kind: EntityType, weight: float) -> None:
        for name in names:
            key = fold(name)
            if len(key) >= 2 and key not in common and not key.isdigit():
                known = gazetteer.get(key)
                if known is None or known[1] < weight:
                    gazetteer[key] = (kind, weight)

    for record in countries:
        add(_as_list(record.get("name")), EntityType.PLACE, COUNTRY_WEIGHT)
        add(_as_list(record.get("altSpellings")), EntityType.PLACE, COUNTRY_WEIGHT)
        add(_as_list(record.get("capital")), EntityType.PLACE, CAPITAL_WEIGHT)
        add(_as_list(record.get("provinces")), EntityType.PLACE, PROVINCE_WEIGHT)
    add([r.replace("_", " ") for r in regions], EntityType.PLACE, COUNTRY_WEIGHT)
    add(list(cities), EntityType.PLACE, CITY_WEIGHT)
    for record in countries:
        demonyms = _as_list(record.get("demonym"))
        add(demonyms, EntityType.NORP, COUNTRY_WEIGHT)
        add([d + "s" for d in demonyms], EntityType.NORP, COUNTRY_WEIGHT)  # "Norwegians"
    add(list(norp_words), EntityType.NORP, COUNTRY_WEIGHT)
    for kind, names in (extra or {}).items():
        # Hand-kept names win over the country data's codes ("GM" is also the Gambia's).
        for name in names:
            gazetteer[fold(name)] = (kind, COUNTRY_WEIGHT)
    return gazetteer


def place_stems(gazetteer: dict[str, tuple[EntityType, float]]) -> frozenset[str]:
    """The first five letters of every one-word place (a four-letter place whole): "bosni" lets
    "Bosnian" read as NORP, "iraq" lets "Iraqi"."""
    return frozenset(
        key[:5]
        for key, (kind, _) in gazetteer.items()
        if kind is EntityType.PLACE and len(key) >= 4 and " " not in key
    )


@cache
def lexicon() -> Lexicon:
    """The lexicon, loaded on first use and shared afterwards (it is never modified)."""
    data = tomllib.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    words, people, orgs = data["words"], data["people"], data["organisations"]
    places, dates = data["places"], data["dates"]
    openers = _words(words["openers"]) | _words(words["common"])
    initial_never = _words(words["initial_never"])
    # "us" is a pronoun, but "US" and "U.S." are a country: kept out of the filter below.
    common = openers - {"us"}
    not_names = _words(words["not_names"])
    norp = _words(data["groups"]["norp"])
    months = frozenset(MONTH_NAMES)
    date_words = months | WEEKDAYS | _words(dates["other"])
    # Abbreviated months count only with their dot ("Oct. 9"): "Jun" is also a given name.
    months |= {m[:3] + "." for m in months} | {"sept."}
    date_words |= months
    honorifics = _words(people["honorifics"])
    title_heads = _words(people["title_heads"])
    title_modifiers = _words(people["title_modifiers"])
    org_pairs = _pairs(orgs["context_before_pairs"])
    org_heads = _words(orgs["heads"])
    place_heads = _words(places["heads"])
    event_heads = _words(data["events"]["heads"])
    place_pairs = _pairs(places["context_before_pairs"])
    states = _words(places["state_abbreviations"])
    media = data["media"]
    gazetteer = build_gazetteer(
        _countries(),
        _words(places["regions"]),
        norp,
        common | not_names | date_words | initial_never,
        {
            EntityType.PLACE: states,
            EntityType.ORG: _phrases(media["outlets"])
            | _phrases(media["brands"])
            | _phrases(data["institutions"]["known"]),
            EntityType.OTHER: _phrases(data["works"]["awards"]),
            EntityType.PRODUCT: _phrases(media["products"]),
        },
        _phrases(places["cities"]),
    )
    return Lexicon(
        openers=openers,
        not_names=not_names,
        initial_never=initial_never,
        derived_parts=_words(words["derived_parts"]),
        honorifics=honorifics,
        title_heads=title_heads,
        title_modifiers=title_modifiers,
        title_words=title_heads | title_modifiers,
        person_before=_words(people["context_before"]),
        person_after=_words(people["context_after"]),
        org_heads=org_heads,
        droppable_suffixes=_words(orgs["droppable_suffixes"]),
        bare_suffixes=_words(orgs["bare_suffixes"]),
        bare_suffixes_unless_capitals=_words(orgs["bare_suffixes_unless_capitals"]),
        org_before=_words(orgs["context_before"]),
        org_before_pairs=org_pairs,
        org_after=_words(orgs["context_after"]),
        not_person_before=_words(orgs["not_person_before"]),
        not_person_after=_words(orgs["not_person_after"]),
        not_person_after_possessive=_words(orgs["not_person_after_possessive"]),
        joins_of=_words(orgs["joins_of"]),
        place_before=_words(places["context_before"]),
        place_before_pairs=place_pairs,
        place_heads=place_heads,
        event_heads=event_heads,
        head_words=org_heads | place_heads | event_heads,
        product_before=_words(data["products"]["context_before"]),
        date_words=date_words,
        months=months,
        holidays=_words(dates["other"]),
        single_word_stops=not_names | date_words | honorifics | title_heads | title_modifiers,
        pair_seconds=frozenset(second for _, second in org_pairs | place_pairs),
        gazetteer=gazetteer,
        cities=_phrases(places["cities"]),
        work_nouns=_words(data["works"]["nouns"]),
        state_abbreviations=states,
        place_stems=place_stems(gazetteer),
    )
