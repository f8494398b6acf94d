"""The extractor's memo tables: owned by the extractor, bounded, never changing a result."""

from __future__ import annotations

from reader.entities import (
    RuleExtractor,
    extractor,
    learned,
    lexicon,
    memo,
    mentions,
    merging,
    voting,
)
from reader.entities.memo import Memo, Memos

STORY = (
    "Harbourline Group said on Tuesday that Ann Marlow, its chief executive, would visit "
    "Lisbon. Marlow told Reuters that the Vessen Marine ferry was late."
)


def test_a_memo_forgets_everything_rather_than_grow_past_its_bound() -> None:
    table: Memo[str, int] = Memo(limit=3)
    for number, word in enumerate(["a", "b", "c", "d"]):
        table.remember(word, number)
    assert len(table) <= 3
    assert table["d"] == 3


def test_the_extractor_owns_its_memos_and_results_do_not_depend_on_them() -> None:
    used, fresh = RuleExtractor(), RuleExtractor()
    used.extract("Vessen Marine and Harbourline met Lisbon officials. Marlow spoke.")
    assert used.memos.size() > 0
    assert fresh.memos.size() == 0
    assert used.extract(STORY) == fresh.extract(STORY)
    used.clear_memos()
    assert used.memos.size() == 0
    assert used.extract(STORY) == fresh.extract(STORY)


def test_no_module_level_table_grows_while_text_is_read() -> None:
    modules = (mentions, merging, memo, learned, lexicon, voting, extractor)

    def sizes() -> dict[str, int]:
        return {
            f"{module.__name__}.{name}": len(value)
            for module in modules
            for name, value in vars(module).items()
            if isinstance(value, dict | list | set)
        }

    before = sizes()
    RuleExtractor().extract(STORY + " Telmar, Ostrava and Quillon Labs joined the iPad Pro launch.")
    assert sizes() == before


def test_every_table_of_an_extractor_is_bounded() -> None:
    memos = Memos()
    for name in memos.__slots__:
        table = getattr(memos, name)
        assert isinstance(table, Memo)
        assert 0 < table.limit <= 200_000
