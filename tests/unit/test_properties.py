"""Property-based tests: the pipeline keeps its promises on hostile generated input.

The default profile runs a bounded number of examples so the suite stays fast; set
``HYPOTHESIS_PROFILE=fuzz`` for a long run (see docs/robustness.md).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reader
from reader.errors import ReaderError
from reader.text.normalize import normalize_text
from tests.strategies import check_invariants, hostile_text


@given(hostile_text())
def test_analysis_invariants_hold_on_hostile_text(text: str) -> None:
    analysis = reader.analyze(text, source="generated")
    check_invariants(analysis)
    assert reader.analyze(text, source="generated") == analysis


@given(st.text())
def test_analysis_invariants_hold_on_any_unicode(text: str) -> None:
    check_invariants(reader.analyze(text))


@given(hostile_text())
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert reader.analyze(once).text == once


@given(hostile_text())
def test_flag_offsets_point_at_their_cue(text: str) -> None:
    for flag in reader.flag_sentence(text):
        assert 0 <= flag.start < flag.end <= len(text)
        assert text[flag.start : flag.end] == flag.cue


@given(hostile_text())
def test_entity_mentions_point_at_an_alias(text: str) -> None:
    for entity in reader.extract_entities(text):
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(text)
            assert text[mention.start : mention.end] in entity.aliases


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=4096) | hostile_text().map(lambda t: t.encode("utf-8", "replace")))
def test_loading_any_bytes_gives_a_document_or_a_clear_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "input.bin"
    path.write_bytes(data)
    try:
        document = reader.load(str(path))
    except ReaderError as error:
        message = str(error)
        assert message and "\n" not in message
        return
    assert document.text.strip()
    check_invariants(reader.analyze(document.text, source=document.source))
