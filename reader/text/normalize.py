"""Normalisation of article text before any offsets are taken.

The result of :func:`normalize_text` is the one string every span in an analysis points into.
It changes as little as it can: line endings become ``\\n``, the text is put in Unicode NFC form,
and a leading byte-order mark is dropped. Control characters are kept (the UI shows them
visibly); nothing else is rewritten.
"""

from __future__ import annotations

import unicodedata

_BOM = "\ufeff"


def normalize_text(text: str) -> str:
    """``text`` with ``\\r\\n`` and ``\\r`` turned into ``\\n``, in NFC, without leading BOMs."""
    if text.startswith(_BOM):
        text = text.lstrip(_BOM)  # a file saved twice with a BOM starts with two
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text
