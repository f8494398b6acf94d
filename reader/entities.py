"""Named entities: extraction, typing and alias merging.

This module is a placeholder with the final interface; the extractor arrives with its issue.
"""

from __future__ import annotations

from reader.model import Entity


def extract_entities(text: str) -> list[Entity]:
    """The entities named in ``text``, most salient first; offsets are into ``text``."""
    return []
