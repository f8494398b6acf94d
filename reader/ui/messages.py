"""The messages the reader's widgets send up to the app: small dataclasses, one per event."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from reader.model import Entity


@dataclass
class ArticleClicked(Message):
    """The reader clicked on the article text."""

    paragraph: int
    """The raw index of the paragraph clicked."""
    offset: int
    """The offset in ``Analysis.text`` of the character clicked."""


@dataclass
class EntityChosen(Message):
    """An entity was chosen in the sidebar (enter or a click)."""

    entity: Entity


@dataclass
class ClaimChosen(Message):
    """A claim was chosen in the sidebar (enter or a click)."""

    index: int
    """Its position among the claims the list shows."""


@dataclass
class SearchSubmitted(Message):
    """The search field was submitted."""

    query: str


@dataclass
class SearchCancelled(Message):
    """The search field was closed without searching."""


@dataclass
class SourceChosen(Message):
    """A source was chosen in the sidebar's Sources panel (enter or a click)."""

    source: int
    """Its id (its index in ``Analysis.sources``)."""
