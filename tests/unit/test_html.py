"""Web pages: the article comes out as paragraphs, with its metadata, and every page opens."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import reader
from reader.errors import InputError
from reader.loading.html import as_paragraphs, choose_extraction, extract_document, visible_text
from reader.loading.sources import document_from_bytes, looks_like_html

BODY = (
    "The council voted on Thursday to extend the tram line to the hospital, ending a debate "
    "that had run for most of the decade and divided the neighbourhoods along the route.",
    "Construction is expected to start next spring. The first trams could run within three "
    "years if the national government confirms its share of the funding before the summer.",
    "Residents near the planned depot said they were worried about noise at night, and asked "
    "the council to publish the timetable for the works before any contract is signed.",
)

PAGE = """<!doctype html><html><head>
<title>Tram line to reach the hospital - Riverside Courier</title>
<meta property="og:title" content="Tram line to reach the hospital">
<meta property="og:site_name" content="Riverside Courier">
<meta name="author" content="Ines Aalto">
<meta name="date" content="2023-11-02">
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/login">Log in</a></nav>
<article>
<h1>Tram line to reach the hospital</h1>
<p>{}</p>
<h2>When the work starts</h2>
<p>{}</p>
<ul><li>Spring: the first tracks are laid near the station.</li>
<li>Autumn: the bridge over the canal is widened for the trams.</li></ul>
<p>{}</p>
</article>
<footer><p>© Riverside Courier. All rights reserved.</p></footer>
</body></html>
""".format(*BODY)


@pytest.fixture(scope="module")
def page_document() -> reader.Document:
    """The test page, extracted once for the tests that read it."""
    return extract_document(PAGE, source="page.html")


def test_the_article_comes_out_as_paragraphs(page_document: reader.Document) -> None:
    paragraphs = page_document.text.split("\n\n")
    for sentence in BODY:
        assert sentence in paragraphs
    assert "When the work starts" in paragraphs  # a heading is its own paragraph
    assert "- Spring: the first tracks are laid near the station." in paragraphs
    assert "- Autumn: the bridge over the canal is widened for the trams." in paragraphs


def test_navigation_and_footer_are_left_out(page_document: reader.Document) -> None:
    assert "Log in" not in page_document.text
    assert "All rights reserved" not in page_document.text


def test_the_headline_is_metadata_not_a_repeated_first_paragraph(
    page_document: reader.Document,
) -> None:
    assert page_document.title == "Tram line to reach the hospital"
    assert not page_document.text.startswith("Tram line")


def test_metadata_is_kept(page_document: reader.Document) -> None:
    assert page_document.site == "Riverside Courier"
    assert page_document.author == "Ines Aalto"
    assert page_document.date == "2023-11-02"
    assert page_document.format == "html"


def test_the_cli_passes_the_metadata_to_the_report(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "analyze", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "Tram line to reach the hospital"
    assert data["metadata"]["site"] == "Riverside Courier"
    assert data["metadata"]["date"] == "2023-11-02"


def test_html_is_recognised_by_content_not_name() -> None:
    document = document_from_bytes(PAGE.encode(), source="story.txt", name="story.txt")
    assert document.format == "html"
    assert BODY[0] in document.text


def test_prose_that_mentions_a_tag_stays_text() -> None:
    text = "Use the <p> element for paragraphs.\n\nIt is the most common tag on the web.\n"
    assert not looks_like_html(text)
    document = document_from_bytes(text.encode(), source="a.txt", name="a.txt")
    assert document.format == "text" and document.text == text


def test_xhtml_with_an_xml_prolog_is_html() -> None:
    assert looks_like_html('<?xml version="1.0"?>\n<!DOCTYPE html>\n<html><body></body></html>')


def test_a_fragment_without_an_article_still_opens() -> None:
    document = extract_document("<p>Just one short line of text.</p>", source="frag.html")
    assert document.text == "Just one short line of text."


def test_a_script_only_page_shows_its_visible_message() -> None:
    html = (
        "<html><head><title>App</title><script>boot()</script></head>"
        "<body><noscript>Please enable JavaScript.</noscript><div>You need JavaScript to read "
        "this page.</div></body></html>"
    )
    document = extract_document(html, source="app.html")
    assert document.text == "You need JavaScript to read this page."
    assert document.title == "App"


def test_a_page_with_no_text_is_an_empty_article() -> None:
    with pytest.raises(InputError, match="empty article"):
        extract_document("<html><head><script>x()</script></head><body></body></html>", source="e")


def test_extraction_writes_nothing_to_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    extract_document("<html><body><div><a href='/'>x</a></div></body></html>", source="n.html")
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


def test_table_rules_are_dropped_and_rows_kept() -> None:
    text = as_paragraphs("Results\n| Team | Points |\n|---|---|\n| Harbour FC | 12 |\n")
    assert text == "Results\n\n| Team | Points |\n\n| Harbour FC | 12 |"


def test_the_balanced_extraction_replaces_a_precise_one_that_lost_the_article() -> None:
    article = "word " * 300
    assert choose_extraction("Order reprints of this article.", article) == article
    assert choose_extraction(article, article + "Share this story. " * 10) == article


def test_visible_text_skips_scripts_and_styles() -> None:
    text, title = visible_text(
        "<title> A  title </title><style>p{}</style><p>One &amp; two</p><script>x</script>"
        "<p>Three<br>four</p>"
    )
    assert text == "One & two\n\nThree\n\nfour"
    assert title == "A title"


def test_a_page_that_breaks_the_extractor_opens_as_its_visible_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import trafilatura

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    document = extract_document(PAGE, source="page.html")
    assert BODY[1] in document.text.split("\n\n")
    assert document.title == "Tram line to reach the hospital - Riverside Courier"
