"""How the store recognises an article and a claim again, whatever path or reader version.

An article is known by a hash of its normalised text, so the same story saved twice, or moved,
is one article. A claim is known by its sentence's index and a hash of the sentence's text: when
a newer reader splits the article the same way the claim keeps its verdict; when it does not,
the stored claim is reported as orphaned (see :mod:`reader.review.store`), never dropped.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata

STDIN_SOURCE = "-"
"""How the command line and the store name standard input."""


def _normalised(text: str) -> str:
    """``text`` in NFC with every run of white space as one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def article_id(text: str) -> str:
    """The article's identity: SHA-256 (hex) of its text with white space normalised."""
    return hashlib.sha256(_normalised(text).encode("utf-8")).hexdigest()


def sentence_digest(text: str) -> str:
    """A claim's text identity: the first 16 hex digits of SHA-256 of the normalised sentence."""
    return hashlib.sha256(_normalised(text).encode("utf-8")).hexdigest()[:16]


def is_url(source: str) -> bool:
    """True for an http(s) address."""
    return source.lower().startswith(("http://", "https://"))


def stored_source(source: str | None) -> str | None:
    """Where the article was read from, as the store keeps it to reopen it later.

    A file becomes an absolute path (the working directory changes between sessions); a URL
    and ``-`` (standard input) stay as they are.
    """
    if not source or source == STDIN_SOURCE or is_url(source):
        return source
    return os.path.abspath(source)


def source_label(source: str | None) -> str:
    """The source for people: "standard input", a URL, or a path ("unknown source" for none)."""
    if source == STDIN_SOURCE:
        return "standard input"
    return source or "unknown source"
