"""Names on today's news: the error families a reader of the sidebar would trip over.

Each test is a sentence written for it, in the way news is written: a company named without a
company word, an outlet a story cites, a surname beside its person, a title before a name, a
name cut in two, a brand spelt in lower case.
"""

from __future__ import annotations

import pytest

from reader.entities import extract_entities
from reader.model import Entity, EntityType

PERSON, ORG, PLACE, NORP = EntityType.PERSON, EntityType.ORG, EntityType.PLACE, EntityType.NORP
PRODUCT, OTHER, DATE = EntityType.PRODUCT, EntityType.OTHER, EntityType.DATE


def found(text: str) -> dict[str, Entity]:
    """The entities of ``text`` keyed by canonical name."""
    return {e.name: e for e in extract_entities(text)}


def types(text: str) -> dict[str, EntityType]:
    """Every surface form the text's mentions read, with its entity's type."""
    return {
        text[m.start : m.end]: e.type
        for e in extract_entities(text)
        for m in e.mentions
        if e.type is not DATE
    }


# --- Companies read as places or people --------------------------------------------------------


def test_a_carmaker_named_by_its_initials_is_an_organisation() -> None:
    text = "GM announced a recall on Monday. Later GM said the cost was small."
    assert found(text)["GM"].type is ORG
    assert len(found(text)["GM"].mentions) == 2


def test_companies_in_a_list_share_the_evidence_of_one_of_them() -> None:
    text = "Bids came from Siemens, Alstom and Hitachi Rail Ltd for the tram contract."
    assert types(text) == {"Siemens": ORG, "Alstom": ORG, "Hitachi Rail Ltd": ORG}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The bill now goes to the House for a vote.", "House", ORG),
        ("Officials at Customs seized the shipment at the border.", "Customs", ORG),
        ("Treasury said on Monday that the bond sale went well.", "Treasury", ORG),
        ("Critics of the Bush administration said the plan failed.", "Bush", PERSON),
    ],
)
def test_institutions_and_administrations_get_the_right_type(
    text: str, name: str, kind: EntityType
) -> None:
    assert types(text)[name] is kind


def test_a_company_keeps_one_type_through_the_story() -> None:
    text = (
        "Apple said it would open two stores. Apple shares rose in early trading. "
        "Analysts told Bloomberg that Apple would gain."
    )
    apple = found(text)["Apple"]
    assert apple.type is ORG
    assert len(apple.mentions) == 3


# --- Outlets, agencies and works -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Marta Quill told Variety that filming starts in May.",
        "The story ran in Rolling Stone and in The Hollywood Reporter last week.",
        "Bloomberg reported the deal on Friday, citing two bankers.",
        "According to Xinhua, the bridge opened on time.",
        "The footage was broadcast by Al Jazeera on Sunday.",
    ],
)
def test_outlets_and_agencies_are_organisations(text: str) -> None:
    outlets = {"Variety", "Rolling Stone", "Hollywood Reporter", "Bloomberg", "Xinhua"}
    outlets.add("Al Jazeera")
    named = {s: k for s, k in types(text).items() if s in outlets}
    assert named
    assert set(named.values()) == {ORG}


def test_a_song_and_an_award_are_not_people() -> None:
    text = (
        'Marta Quill released the song "Salt Harbour" in June, and the film "Night Ferry" '
        "won an Oscar."
    )
    kinds = types(text)
    assert kinds["Salt Harbour"] is not PERSON
    assert kinds["Night Ferry"] is not PERSON
    assert kinds["Oscar"] is not PERSON


# --- One entity per person ----------------------------------------------------------------------


def test_a_surname_read_like_a_place_still_joins_its_person() -> None:
    text = (
        "Christian Bale plays the lead. In Bale's words, the role was hard. "
        "Bale said he lost weight for it."
    )
    bale = found(text)["Christian Bale"]
    assert bale.type is PERSON
    assert len(bale.mentions) == 3
    assert "Bale" not in found(text)


def test_a_surname_two_people_share_goes_to_the_one_named_last() -> None:
    text = (
        "Fidel Castro ruled Cuba for decades. His brother Raul Castro took over in 2008. "
        "Castro said the reforms would go on. Earlier, Fidel Castro had warned against haste, "
        "and Castro repeated the warning."
    )
    fidel, raul = found(text)["Fidel Castro"], found(text)["Raul Castro"]
    starts = {text.index("Castro said"), text.rindex("Castro repeated")}
    assert text.index("Castro said") in {m.start for m in raul.mentions}
    assert text.rindex("Castro repeated") in {m.start for m in fidel.mentions}
    assert len(fidel.mentions) + len(raul.mentions) == 5
    assert starts <= {m.start for m in fidel.mentions + raul.mentions}


def test_a_shared_surname_before_either_person_stays_apart() -> None:
    text = "Castro spoke first. Fidel Castro ruled Cuba. Raul Castro followed him."
    assert len(found(text)["Fidel Castro"].mentions) == 1
    assert len(found(text)["Raul Castro"].mentions) == 1


# --- Titles and roles ---------------------------------------------------------------------------


def test_a_title_is_not_part_of_a_name_and_names_its_organisation() -> None:
    kinds = types("UN Secretary General Kofi Annan met the press.")
    assert kinds == {"UN": ORG, "Kofi Annan": PERSON}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vice President Al Gore spoke in Miami.", {"Al Gore": PERSON, "Miami": PLACE}),
        ("U.S. President-elect Joe Biden spoke.", {"U.S.": PLACE, "Joe Biden": PERSON}),
        ("The Serbian Prime Minister was absent.", {"Serbian": NORP}),
        ("The Prime Minister declined to comment.", {}),
        (
            "Secretary of Defense William Cohen promised to act.",
            {"Defense": ORG, "William Cohen": PERSON},
        ),
    ],
)
def test_titles_type_the_name_after_them_and_are_never_names(
    text: str, expected: dict[str, EntityType]
) -> None:
    assert types(text) == expected


# --- Names cut or missed ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The Securities and Exchange Commission fined it.", "Securities and Exchange Commission",
         ORG),
        ("Police in Phoenix, Ariz., said the man fled.", "Ariz.", PLACE),
        ("The Taliban seized the town overnight.", "Taliban", ORG),
        ("Rows of Soviet tanks were seen.", "Soviet", NORP),
    ],
)  # fmt: skip
def test_names_are_found_whole(text: str, name: str, kind: EntityType) -> None:
    kinds = types(text)
    assert name in kinds
    assert kinds[name] is kind


def test_a_dateline_line_names_the_agency() -> None:
    text = "Xinhua News Agency, Tonghua, December 16th\nThe city opened a new port."
    kinds = types(text)
    assert kinds["Xinhua News Agency"] is ORG
    assert kinds["Tonghua"] is PLACE


# --- Brands spelt in lower or mixed case --------------------------------------------------------


def test_brands_spelt_in_lower_or_mixed_case_are_found_and_typed() -> None:
    text = (
        "Apple unveiled the iPad Pro and a new iPhone on Tuesday, while Sony said the "
        "PlayStation 5 had sold out. Resellers on eBay doubled their prices."
    )
    kinds = types(text)
    assert kinds["iPad Pro"] is PRODUCT
    assert kinds["iPhone"] is PRODUCT
    assert kinds["PlayStation 5"] is PRODUCT
    assert kinds["eBay"] is ORG
    assert kinds["Apple"] is ORG


@pytest.mark.parametrize(
    "text",
    ["Write to desk@eBay.example or see www.iPhone.example for details.", "pH levels rose."],
)
def test_addresses_and_units_are_no_brands(text: str) -> None:
    assert not [s for s in types(text) if s[:1].islower()]
