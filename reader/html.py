"""Extract the article from an HTML page with trafilatura (imported only when needed)."""

from __future__ import annotations

from reader.errors import InputError
from reader.model import Document


def extract_document(
    html: str, *, source: str, url: str | None = None, encoding: str | None = None
) -> Document:
    """The article text and metadata (title, site, author, date) of one HTML page."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - trafilatura is a declared dependency
        raise InputError(f"{source} is an HTML page and trafilatura is not installed") from None

    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
        with_metadata=True,
    )
    if extracted is None:
        return Document(text="", source=source, url=url, format="html", encoding=encoding)
    text = extracted.text or ""
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    return Document(
        text="\n\n".join(paragraphs),
        source=source,
        title=extracted.title,
        site=extracted.sitename,
        author=extracted.author,
        date=extracted.date,
        url=url or extracted.url,
        format="html",
        encoding=encoding,
    )
