"""Typing mistakes seen on real articles, checked on invented sentences."""

from __future__ import annotations

import pytest

from reader.entities import extract_entities
from reader.model import Entity, EntityType

PERSON, ORG, NORP = EntityType.PERSON, EntityType.ORG, EntityType.NORP


def entity_named(text: str, surface: str) -> Entity:
    """The entity one of whose aliases is ``surface``."""
    for entity in extract_entities(text):
        if surface in entity.aliases:
            return entity
    raise AssertionError(f"{surface!r} not found in {text!r}")


@pytest.mark.parametrize(
    "text",
    [
        "The council said on Chirpter that the road would reopen next week.",
        "Residents shared photos via Chirpter after the storm.",
        "The mayor posted the notice to his Chirpter account on Monday.",
        "Many Chirpter users asked why the road was closed.",
        "She showed the ring on her Chirpter page.",
        "Follow the museum on Facebook, Chirpter and Snapgram.",
        "The video spread across Chirpter within hours.",
    ],
)
def test_a_platform_named_with_on_via_or_account_is_not_a_person(text: str) -> None:
    assert entity_named(text, "Chirpter").type is not PERSON


def test_a_platform_listed_after_one_is_not_a_person_either() -> None:
    text = "Follow the museum on Facebook, Chirpter and Snapgram."
    assert entity_named(text, "Snapgram").type is not PERSON
    assert entity_named(text, "Facebook").type is ORG


def test_a_one_word_person_with_person_evidence_stays_a_person() -> None:
    text = "Pressure grew on Halvorsen, who said on Tuesday that he would stay."
    assert entity_named(text, "Halvorsen").type is PERSON


def test_a_surname_beside_a_nationality_in_a_list_stays_the_person() -> None:
    text = (
        "President Greta Delmont flew to Seoul. Talks between Delmont and Chinese officials "
        "ended late, and Delmont left."
    )
    entity = entity_named(text, "Delmont")
    assert entity.type is PERSON
    assert entity.name == "Greta Delmont"
    assert len(entity.mentions) == 3
    assert entity_named(text, "Chinese").type is NORP


def test_a_surname_with_other_weak_evidence_still_joins_the_full_name() -> None:
    text = "Ann Marlow spoke first. A rival called Marlow a liar."
    entity = entity_named(text, "Marlow")
    assert entity.name == "Ann Marlow"
    assert entity.type is PERSON


@pytest.mark.parametrize("zone", ["GMT", "BST", "UTC", "EST", "CET"])
def test_a_time_zone_is_no_organisation(zone: str) -> None:
    text = f"Polls close at 22:00 {zone} on Friday, said Ann Marlow of the Harbourline Group."
    found = {e.name: e.type for e in extract_entities(text)}
    assert zone not in found
    assert found["Ann Marlow"] is PERSON
