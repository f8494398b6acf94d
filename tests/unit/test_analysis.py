"""The analyze() pipeline: one coordinate system, the clean view, purity."""

from __future__ import annotations

import json
import subprocess
import sys

import reader
from reader.model import SCHEMA_VERSION, Analysis, ParagraphStatus


def test_seed_clean_view_is_its_eight_unique_paragraphs_in_order(seed_text: str) -> None:
    analysis = reader.analyze(seed_text, source="seed-article.txt")
    lines = seed_text.splitlines()
    kept = [analysis.paragraph_text(p) for p in analysis.kept_paragraphs]
    assert kept == lines[:8]
    hidden = analysis.hidden_paragraphs
    assert len(hidden) == 6
    for paragraph in hidden:
        assert paragraph.status is ParagraphStatus.DUPLICATE
        assert analysis.paragraph_text(paragraph) == analysis.paragraph_text(paragraph.duplicate_of)
        assert paragraph.reason


def test_seed_has_eleven_sentences_in_its_clean_view(seed_text: str) -> None:
    analysis = reader.analyze(seed_text)
    assert len(analysis.sentences) == 11
    assert all(analysis.paragraphs[s.paragraph].kept for s in analysis.sentences)


def test_every_span_points_into_the_normalised_text() -> None:
    text = "Cafe\u0301 opens.\r\nIt may rain.\r\rThe end."
    analysis = reader.analyze(text)
    assert "\r" not in analysis.text
    assert "Café" in analysis.text  # NFC: e + combining accent became one character
    for paragraph in analysis.paragraphs:
        assert analysis.text[paragraph.start : paragraph.end].strip()
    for sentence in analysis.sentences:
        assert analysis.text[sentence.start : sentence.end] == sentence.text


def test_every_leading_byte_order_mark_is_dropped_once_and_for_all() -> None:
    # A file saved twice by an editor that adds a BOM starts with two of them.
    analysis = reader.analyze("\ufeff\ufeffThe ferry may be late.")
    assert analysis.text == "The ferry may be late."
    assert reader.analyze(analysis.text).text == analysis.text


def test_analysis_is_deterministic_and_round_trips_through_json(sample_text: str) -> None:
    first = reader.analyze(sample_text, source="sample")
    second = reader.analyze(sample_text, source="sample")
    assert first == second
    data = json.loads(json.dumps(first.to_dict()))
    assert data["schema"] == SCHEMA_VERSION
    assert Analysis.from_dict(data) == first


def test_sample_article_shows_each_kind_of_scraper_damage(sample_text: str) -> None:
    analysis = reader.analyze(sample_text)
    statuses = {p.status for p in analysis.paragraphs}
    assert statuses == set(ParagraphStatus)
    assert analysis.title == sample_text.splitlines()[0]


def test_empty_text_gives_an_empty_analysis() -> None:
    analysis = reader.analyze("")
    assert analysis.paragraphs == () and analysis.sentences == () and analysis.title is None


def test_importing_reader_does_not_import_textual() -> None:
    code = "import sys, reader; reader.analyze('Hello.'); print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_loaded_document_carries_its_source_title_and_metadata_into_the_analysis() -> None:
    from reader.model import Document
    from reader.pipeline import analyze_document

    document = Document(
        text="Harbour ferries may be replaced.",
        source="page.html",
        title="Ferries",
        site="Estuary Daily",
        author=None,
        url="https://example.org/ferries",
    )
    analysis = analyze_document(document)
    assert (analysis.source, analysis.title) == ("page.html", "Ferries")
    assert analysis.metadata == {"site": "Estuary Daily", "url": "https://example.org/ferries"}
