"""Fetch an article from an http(s) URL."""

from __future__ import annotations

from reader.errors import NetworkError
from reader.model import Document


def fetch_document(url: str) -> Document:
    """Download ``url`` and turn it into a Document."""
    raise NetworkError(f"cannot fetch {url}: reading URLs is not supported yet")
