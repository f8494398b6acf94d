"""The cue lexicon: its data files, the phrase syntax, and the user's own cues."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from reader.claims.flagging import RULE_NAMES, flag_sentence, flag_sentences
from reader.claims.lexicon import (
    CUE_FILES,
    LEXICON_DIR,
    WEIGHTS_FILE,
    build_lexicon,
    builtin_lexicon,
    expand_phrase,
)
from reader.config import load_user_cues
from reader.errors import InputError
from reader.model import Flag, FlagKind
from reader.pipeline import Analyzer
from tests.conftest import run_reader


def lexicon_tables() -> list[tuple[str, str, dict]]:
    tables = []
    for filename in CUE_FILES:
        path = LEXICON_DIR / filename
        for name, table in tomllib.loads(path.read_text(encoding="utf-8")).items():
            tables.append((path.name, name, table))
    return tables


def test_every_built_in_group_has_a_kind_an_explanation_and_cues() -> None:
    tables = lexicon_tables()
    assert len(tables) >= 12
    for filename, name, table in tables:
        assert FlagKind(table["kind"]), (filename, name)
        why = table["why"]  # shown beside the cue: one short sentence that does not repeat it
        assert "{cue}" not in why and "“" not in why, (filename, name)
        assert why.endswith(".") and len(why) <= 80, (filename, name)
        assert table["cues"], (filename, name)
        for rules in table.get("rules", {}).values():
            assert set(rules) <= set(RULE_NAMES), (filename, name, rules)


def test_the_issue_cue_groups_are_all_present() -> None:
    names = {name for _, name, _ in lexicon_tables()}
    assert {
        "modal_possibility",
        "hedging_adverbs",
        "hedging_verbs",
        "predictions_and_plans",
        "open_questions",
        "rumour_and_confirmation",
        "skepticism",
        "anonymous_sources",
        "weasel_phrases",
        "attribution_verbs",
        "according_to",
    } <= names


def test_phrase_syntax_expands_alternatives_and_optional_words() -> None:
    assert expand_phrase("could [very] well") == ["could very well", "could well"]
    assert expand_phrase("is/was believed") == ["is believed", "was believed"]
    assert expand_phrase("[according to] sources") == ["according to sources", "sources"]


def test_weights_file_is_small_and_names_only_known_features() -> None:
    data = tomllib.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert WEIGHTS_FILE.stat().st_size < 100_000
    weighted_kinds = {table["kind"] for _, _, table in lexicon_tables() if table.get("weighted")}
    assert set(data["threshold"]) == weighted_kinds == {"speculation"}
    assert all(key.startswith(("c:", "g:")) for key in data["weights"])


def test_compiled_lexicon_is_cached_between_calls() -> None:
    assert builtin_lexicon() is builtin_lexicon()


def test_apostrophes_of_either_kind_match() -> None:
    assert [f.cue for f in flag_sentence("He couldn’t rule out a sale.")] == ["couldn’t rule out"]
    assert [f.cue for f in flag_sentence("He couldn't rule out a sale.")] == ["couldn't rule out"]


# The user's lexicon ----------------------------------------------------------------------------


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    return tmp_path / "lexicon.toml"


def user_flags(sentence: str) -> list[Flag]:
    """Flags as the command line raises them: the user's lexicon.toml read at the edge."""
    analyzer = Analyzer(user_cues=load_user_cues())
    return flag_sentences([sentence], analyzer.lexicon)[0]


def test_user_lexicon_adds_a_group_and_extends_and_trims_built_in_ones(config: Path) -> None:
    sentence = "Insiders whisper the ferry is leaky; it is arguably old and reputedly slow."
    before = {(f.kind, f.cue) for f in user_flags(sentence)}
    assert (FlagKind.VAGUE_SOURCE, "Insiders whisper") not in before
    config.write_text(
        """
[whispers]
kind = "vague_source"
why = "Passes on talk from people the article does not name."
cues = ["insiders whisper", "the grapevine"]

[hedging_adverbs]
cues = ["reputedly"]
remove = ["arguably"]
""",
        encoding="utf-8",
    )
    after = user_flags(sentence)
    found = {(f.kind, f.cue) for f in after}
    assert (FlagKind.VAGUE_SOURCE, "Insiders whisper") in found
    assert (FlagKind.SPECULATION, "reputedly") in found
    assert all(f.cue != "arguably" for f in after)
    whisper = next(f for f in after if f.cue == "Insiders whisper")
    assert whisper.why == "Passes on talk from people the article does not name."
    assert sentence[whisper.start : whisper.end] == whisper.cue


def test_analyze_reads_no_user_file_but_the_command_line_does(config: Path) -> None:
    config.write_text('[extra]\nkind = "speculation"\nwhy = "“{cue}”."\ncues = ["blue"]\n')
    assert Analyzer().analyze("The sky is blue.").claims == ()
    assert [f.cue for f in user_flags("The sky is blue and green.")] == ["blue"]
    result = run_reader("analyze", "-", "--format", "json", stdin=b"The sky is blue.\n")
    flags = json.loads(result.stdout)["sentences"][0]["flags"]
    assert [f["cue"] for f in flags] == ["blue"]


def test_removing_the_user_lexicon_restores_the_built_in_one(config: Path) -> None:
    config.write_text('[extra]\nkind = "speculation"\nwhy = "“{cue}”."\ncues = ["blue"]\n')
    assert user_flags("The sky is blue.")
    config.unlink()
    assert user_flags("The sky is blue.") == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[x]\nkind = "rumour"\nwhy = "w {cue}"\ncues = ["a"]\n', "kind"),
        ('[x]\nkind = "speculation"\ncues = ["a"]\n', "why"),
        ('[x]\nkind = "speculation"\nwhy = "w {cue}"\ncues = "a"\n', "cues"),
        ("[x\n", "TOML"),
    ],
)
def test_a_broken_user_lexicon_is_one_clear_error(config: Path, text: str, problem: str) -> None:
    config.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        user_flags("The deal may collapse.")


def test_build_lexicon_accepts_parsed_toml_directly() -> None:
    lexicon = build_lexicon({"extra": {"kind": "attribution", "why": "{cue}.", "cues": ["per"]}})
    assert lexicon.lookup("per")[0].group.user


def test_a_user_attribution_cue_finds_its_source_or_still_counts(config: Path) -> None:
    config.write_text(
        '[mine]\nkind = "attribution"\nwhy = "Credited to {source}."\ncues = ["opined"]\n',
        encoding="utf-8",
    )
    named = user_flags("Marta Quintela opined that the fleet is old.")
    assert [(f.cue, f.why) for f in named] == [
        ("Marta Quintela opined", "Credited to Marta Quintela.")
    ]
    bare = user_flags("As opined above, the fleet is old.")
    assert [f.cue for f in bare] == ["opined"]


def test_rules_named_star_cover_the_group_unless_a_phrase_opts_out(config: Path) -> None:
    config.write_text(
        """
[tipsters]
kind = "vague_source"
why = "Passes on tips from people the article does not name."
cues = ["tipsters", "the tipsters' word"]
rules = { "*" = ["needs_opinion_verb"], "the tipsters' word" = [] }
""",
        encoding="utf-8",
    )

    def vague(sentence: str) -> list[str]:
        return [f.cue for f in user_flags(sentence) if f.kind is FlagKind.VAGUE_SOURCE]

    assert vague("Tipsters insist the ferry is late.") == ["Tipsters"]
    assert vague("Tipsters were paid in cash.") == []
    assert vague("On the tipsters' word, it is late.") == ["the tipsters' word"]
