"""Named entities: extraction, typing and alias merging.

:func:`extract_entities` runs the default extractor, :class:`RuleExtractor`: capitalised spans
cut into names by word-list rules, and dates (:mod:`.mentions`), alias merging
(:mod:`.merging`), and typing by vote over the whole document (:mod:`.voting`), helped by small
learned weights (:mod:`.learned`). It needs no model download and reads hundreds of thousands of
words a second. Any object with an ``extract(text)`` method
returning entities can stand in for it (:class:`Extractor`), for instance a statistical backend.
"""

from __future__ import annotations

from typing import Protocol

from reader.entities.extractor import RuleExtractor
from reader.model import Entity

__all__ = ["Extractor", "RuleExtractor", "clear_memos", "extract_entities"]


class Extractor(Protocol):
    """Anything that finds the entities of a text."""

    def extract(self, text: str) -> list[Entity]:
        """The entities named in ``text``, most salient first; offsets are into ``text``."""
        ...


_DEFAULT = RuleExtractor()


def extract_entities(text: str) -> list[Entity]:
    """The entities named in ``text``, most salient first; offsets are into ``text``.

    Salience is the number of mentions, then the position of the first one. Each entity's
    ``name`` is its longest full form, ``aliases`` every distinct way the text writes it, and
    ``text[m.start:m.end]`` is the surface form of each mention ``m``. No mention spans a line.
    """
    return _DEFAULT.extract(text)


def clear_memos() -> None:
    """Make the default extractor forget what it remembered (after its weights change)."""
    _DEFAULT.clear_memos()
