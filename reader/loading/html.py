"""Extract the article from a web page: its text as paragraphs, and its title, site, author, date.

trafilatura does the extraction and is imported only here, when a page needs it, so opening a
text file never pays for it. The page is parsed once and extracted twice:

- with ``favor_precision`` (the reading view wants the article and little else), and
- with trafilatura's balanced defaults, used instead only when the precise pass kept less than
  a third of what the balanced one found: on some pages the precise pass settles on the wrong
  block (a reprint notice instead of the story) and would leave the reader with nothing.

trafilatura's own deduplication stays off: :mod:`reader.clean.cleaner` does that, and keeps what it
hides visible in the raw view. Each heading, list item, table row and paragraph becomes its own
paragraph, separated by blank lines. When trafilatura finds no article at all (a bare fragment,
a page that is only a message), the page's visible text is used, so every page opens.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from typing import Any

from reader.errors import InputError
from reader.model import Document

_MIN_SHARE_OF_BALANCED = 1 / 3
_TABLE_RULE = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+$")
_QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")


def extract_document(
    html: str, *, source: str, url: str | None = None, encoding: str | None = None
) -> Document:
    """The article text and metadata (title, site, author, date) of one HTML page.

    ``source`` is how the user named the page; ``url`` its address when it came from the web.
    Raises :class:`InputError` when the page holds no text at all.
    """
    text, metadata = _extract_article(html, url)
    text = _without_repeated_title(text, metadata.get("title"))
    if not text.strip():
        text, title = visible_text(html)
        metadata["title"] = metadata.get("title") or title
    if not text.strip():
        raise InputError(f"{source} is an empty article: the page has no text to read")
    return Document(
        text=text,
        source=source,
        title=_clean(metadata.get("title")),
        site=_clean(metadata.get("sitename")),
        author=_clean(metadata.get("author")),
        date=_clean(metadata.get("date")),
        url=url or _clean(metadata.get("url")),
        format="html",
        encoding=encoding,
    )


def _extract_article(html: str, url: str | None) -> tuple[str, dict[str, Any]]:
    """The article as paragraphs (possibly empty) and the page's metadata."""
    _silence_extraction_logs()
    try:
        import trafilatura
        from trafilatura.utils import load_html
    except ImportError:  # pragma: no cover - trafilatura is a declared dependency
        raise InputError("reading web pages needs trafilatura, which is not installed") from None

    try:
        tree = load_html(html)
        if tree is None:
            return "", {}
        precise = trafilatura.bare_extraction(
            tree,
            url=url,
            include_comments=False,
            include_tables=True,
            favor_precision=True,
            deduplicate=False,
            with_metadata=True,
        )
        balanced = trafilatura.bare_extraction(
            tree, url=url, include_comments=False, include_tables=True, deduplicate=False
        )
    except Exception:  # a page that breaks the extractor still opens, as its visible text
        return "", {}
    metadata = _metadata(precise)
    chosen = choose_extraction(
        getattr(precise, "text", None) or "", getattr(balanced, "text", None) or ""
    )
    return as_paragraphs(chosen), metadata


def choose_extraction(precise: str, balanced: str) -> str:
    """The precise extraction, unless it kept under a third of the balanced one's words."""
    if _word_count(precise) < _MIN_SHARE_OF_BALANCED * _word_count(balanced):
        return balanced
    return precise


def as_paragraphs(extracted: str) -> str:
    """One paragraph per line of trafilatura's text, separated by blank lines.

    The rules under table headers (``|---|---|``) are dropped: they are layout, not text.
    """
    lines = (line.strip() for line in extracted.splitlines())
    return "\n\n".join(line for line in lines if line and not _TABLE_RULE.match(line))


def _without_repeated_title(text: str, title: str | None) -> str:
    """The text without a first paragraph that only repeats the headline (shown above it)."""
    if not title:
        return text
    first, _, rest = text.partition("\n\n")
    return rest if rest and _comparable(first) == _comparable(title) else text


def _comparable(text: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text.casefold()).split())


def _metadata(extraction: object) -> dict[str, Any]:
    if extraction is None:
        return {}
    names = ("title", "sitename", "author", "date", "url")
    return {name: getattr(extraction, name, None) for name in names}


def _clean(value: object) -> str | None:
    """A metadata value as one tidy line, or None when it is empty."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _word_count(text: str) -> int:
    return len(text.split())


def _silence_extraction_logs() -> None:
    """Keep the extraction libraries' warnings off stderr (the terminal UI draws there)."""
    for name in _QUIET_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
        logger.propagate = False


# ---------------------------------------------------------------------------------------------
# The fallback: every visible text block of the page


_SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object"})
_BLOCKS = frozenset(
    """
    address article aside blockquote br dd details div dl dt figcaption figure footer form h1 h2
    h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul title body html
    """.split()
)
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "wbr"})


class _VisibleText(HTMLParser):
    """Collects the text a browser would show, one block element per paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.title: list[str] = []
        self._current: list[str] = []
        self._skipping: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a skipped element or start a new block."""
        if tag == "title":
            self._in_title = True
        elif tag in _SKIPPED and tag not in _VOID:
            self._skipping.append(tag)
        elif tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        """Close a skipped element or end a block."""
        if tag == "title":
            self._in_title = False
        elif self._skipping and tag == self._skipping[-1]:
            self._skipping.pop()
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        """Keep text outside scripts, styles and the head; note the title."""
        if self._in_title:
            self.title.append(data)
        elif not self._skipping:
            self._current.append(data)

    def close(self) -> None:
        """Flush the last block."""
        super().close()
        self._break()

    def _break(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current.clear()


def visible_text(html: str) -> tuple[str, str | None]:
    """The page's visible text, one block per paragraph, and its ``<title>``.

    Scripts, styles and the rest of the head are left out.
    """
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return "\n\n".join(parser.blocks), _clean("".join(parser.title))
