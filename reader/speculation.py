"""Flags on sentences: speculation, vague sourcing and attribution.

This module is a placeholder with the final interface; the cue lexicon arrives with its issue.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.model import Flag


def flag_sentence(sentence: str) -> list[Flag]:
    """The flags raised on one sentence; offsets are into ``sentence``."""
    return flag_sentences([sentence])[0]


def flag_sentences(sentences: Sequence[str]) -> list[list[Flag]]:
    """Flags for each sentence of one document, in order, using the document as context."""
    return [[] for _ in sentences]
