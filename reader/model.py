"""The data model: frozen dataclasses that every part of the reader shares.

Every span is a pair of character offsets (``start``, ``end``) into one string. Inside an
:class:`Analysis` that string is always :attr:`Analysis.text`, the input after newline and
Unicode normalisation, so a paragraph, a sentence, a flag's cue and an entity mention can all be
cut out of it with ``text[start:end]``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

SCHEMA_VERSION = 2
"""Version of the JSON shape produced by :meth:`Analysis.to_dict`.

2: flags name their source (``source``, ``source_start``, ``source_end``) and the analysis lists
``sources``.
"""


class ParagraphStatus(StrEnum):
    """What the cleaner decided about one raw paragraph."""

    KEPT = "kept"
    DUPLICATE = "duplicate"
    NEAR_DUPLICATE = "near_duplicate"
    BOILERPLATE = "boilerplate"


class FlagKind(StrEnum):
    """Why a sentence should not be read as plain fact."""

    SPECULATION = "speculation"
    VAGUE_SOURCE = "vague_source"
    ATTRIBUTION = "attribution"

    @property
    def label(self) -> str:
        """The kind in words, for people: "speculation", "vague source", "attribution"."""
        return self.value.replace("_", " ")


class EntityType(StrEnum):
    """The kinds of named thing the sidebar groups entities by."""

    PERSON = "PERSON"
    ORG = "ORG"
    PLACE = "PLACE"
    NORP = "NORP"
    PRODUCT = "PRODUCT"
    EVENT = "EVENT"
    DATE = "DATE"
    OTHER = "OTHER"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range of character offsets ``[start, end)``."""

    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        """The span as ``{"start": ..., "end": ...}``."""
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One raw paragraph and the cleaner's verdict on it."""

    index: int
    """Position among all raw paragraphs, from 0."""
    start: int
    end: int
    status: ParagraphStatus = ParagraphStatus.KEPT
    duplicate_of: int | None = None
    """For (near) duplicates: the index of the kept paragraph this one repeats."""
    reason: str | None = None
    """A short human explanation for a paragraph that is hidden in the clean view."""

    @property
    def kept(self) -> bool:
        """True when the paragraph belongs to the clean view."""
        return self.status is ParagraphStatus.KEPT

    def to_dict(self) -> dict[str, Any]:
        """The JSON form used by ``reader analyze --format json``."""
        return {
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "status": str(self.status),
            "duplicate_of": self.duplicate_of,
            "reason": self.reason,
        }


class SourceKind(StrEnum):
    """Whether a source of a claim is named (traceable) or vague."""

    NAMED = "named"
    VAGUE = "vague"


@dataclass(frozen=True, slots=True)
class Flag:
    """A reason to doubt a sentence: the words that triggered it and what they mean."""

    kind: FlagKind
    cue: str
    """The matched words, exactly as they appear in the text."""
    start: int
    end: int
    why: str
    """One short sentence a reader can judge the flag by."""
    source_start: int | None = None
    """Start of the words that name who says it ("LatePost", "people familiar with the
    matter"); None for speculation, or when the source is not in the sentence."""
    source_end: int | None = None
    source: int | None = None
    """In an :class:`Analysis`: the index of the flag's source in :attr:`Analysis.sources`."""

    def shifted(self, offset: int) -> Flag:
        """The same flag with its offsets moved by ``offset`` characters."""
        return replace(
            self,
            start=self.start + offset,
            end=self.end + offset,
            source_start=None if self.source_start is None else self.source_start + offset,
            source_end=None if self.source_end is None else self.source_end + offset,
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the flag."""
        return {
            "kind": str(self.kind),
            "cue": self.cue,
            "start": self.start,
            "end": self.end,
            "why": self.why,
            "source": self.source,
            "source_start": self.source_start,
            "source_end": self.source_end,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Flag:
        """Rebuild a flag from :meth:`to_dict` output."""
        return cls(
            FlagKind(data["kind"]),
            data["cue"],
            data["start"],
            data["end"],
            data["why"],
            source_start=data.get("source_start"),
            source_end=data.get("source_end"),
            source=data.get("source"),
        )


@dataclass(frozen=True, slots=True)
class Source:
    """Who a claim rests on: one named or vague source, with every place it is named."""

    id: int
    """Its index in :attr:`Analysis.sources`."""
    name: str
    """The canonical name ("LatePost") or the vague phrase ("people familiar with the matter")."""
    kind: SourceKind
    entity: str | None = None
    """The name of the article's entity this source is, when it is one."""
    mentions: tuple[Span, ...] = ()
    sentences: tuple[int, ...] = ()
    """Indices of the sentences whose flags rest on this source."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the source."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": str(self.kind),
            "entity": self.entity,
            "mentions": [mention.to_dict() for mention in self.mentions],
            "sentences": list(self.sentences),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        """Rebuild a source from :meth:`to_dict` output."""
        return cls(
            id=data["id"],
            name=data["name"],
            kind=SourceKind(data["kind"]),
            entity=data.get("entity"),
            mentions=tuple(Span(m["start"], m["end"]) for m in data.get("mentions", ())),
            sentences=tuple(data.get("sentences", ())),
        )


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a kept paragraph, with the flags raised on it."""

    index: int
    paragraph: int
    """Index of the raw paragraph the sentence belongs to."""
    start: int
    end: int
    text: str
    flags: tuple[Flag, ...] = ()

    @property
    def flagged(self) -> bool:
        """True when at least one flag was raised on this sentence."""
        return bool(self.flags)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the sentence and its flags."""
        return {
            "index": self.index,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "flags": [flag.to_dict() for flag in self.flags],
        }


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing the article names, with every place it is named."""

    name: str
    """The canonical (longest full) form of the name."""
    type: EntityType
    aliases: tuple[str, ...] = ()
    """Every distinct surface form, the canonical name included."""
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the entity."""
        return {
            "name": self.name,
            "type": str(self.type),
            "aliases": list(self.aliases),
            "mentions": [mention.to_dict() for mention in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Document:
    """Text loaded from a file, a URL or stdin, with what the source said about itself."""

    text: str
    source: str
    """How the user named it: a path, a URL, or ``-`` for stdin."""
    title: str | None = None
    site: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    format: str = "text"
    """``text`` or ``html``: what the input was before extraction."""
    encoding: str | None = None
    """The character encoding the bytes were decoded with, when there were bytes."""

    @property
    def metadata(self) -> dict[str, str]:
        """What the source said about itself (site, author, date, url), where known."""
        facts = {"site": self.site, "author": self.author, "date": self.date, "url": self.url}
        return {key: value for key, value in facts.items() if value}


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the reader knows about one article. Produced by :func:`reader.analyze`."""

    text: str
    """The input after newline and Unicode (NFC) normalisation; all offsets point into it."""
    paragraphs: tuple[Paragraph, ...]
    """Every raw paragraph, hidden ones included."""
    sentences: tuple[Sentence, ...]
    """The sentences of the kept paragraphs, in reading order."""
    entities: tuple[Entity, ...]
    """Entities named in the kept paragraphs, most salient first."""
    source: str | None = None
    title: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    """Extra facts about the source (site, author, date, url) when they are known."""
    sources: tuple[Source, ...] = ()
    """Who the article's claims rest on: one entry per named or vague source."""

    @property
    def kept_paragraphs(self) -> tuple[Paragraph, ...]:
        """The paragraphs of the clean view, in order."""
        return tuple(p for p in self.paragraphs if p.kept)

    @property
    def hidden_paragraphs(self) -> tuple[Paragraph, ...]:
        """The paragraphs the clean view leaves out."""
        return tuple(p for p in self.paragraphs if not p.kept)

    @property
    def claims(self) -> tuple[Sentence, ...]:
        """The flagged sentences, in reading order."""
        return tuple(s for s in self.sentences if s.flags)

    def iter_flags(self) -> Iterator[tuple[Sentence, Flag]]:
        """Every flag with the sentence that carries it."""
        for sentence in self.sentences:
            for flag in sentence.flags:
                yield sentence, flag

    def paragraph_text(self, paragraph: Paragraph | int) -> str:
        """The text of one paragraph."""
        if isinstance(paragraph, int):
            paragraph = self.paragraphs[paragraph]
        return self.text[paragraph.start : paragraph.end]

    @property
    def clean_text(self) -> str:
        """The clean view as plain text: kept paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraph_text(p) for p in self.kept_paragraphs)

    def to_dict(self) -> dict[str, Any]:
        """The whole analysis in the versioned JSON shape documented in the README."""
        data: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "source": self.source,
            "title": self.title,
            "text": self.text,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "sentences": [s.to_dict() for s in self.sentences],
            "sources": [s.to_dict() for s in self.sources],
            "entities": [e.to_dict() for e in self.entities],
        }
        if self.metadata:
            data["metadata"] = dict(self.metadata)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """Rebuild an analysis from :meth:`to_dict` output (the JSON round trip)."""
        return cls(
            text=data["text"],
            source=data.get("source"),
            title=data.get("title"),
            metadata=dict(data.get("metadata") or {}),
            paragraphs=tuple(
                Paragraph(
                    index=p["index"],
                    start=p["start"],
                    end=p["end"],
                    status=ParagraphStatus(p["status"]),
                    duplicate_of=p.get("duplicate_of"),
                    reason=p.get("reason"),
                )
                for p in data["paragraphs"]
            ),
            sentences=tuple(
                Sentence(
                    index=s["index"],
                    paragraph=s["paragraph"],
                    start=s["start"],
                    end=s["end"],
                    text=s["text"],
                    flags=tuple(Flag.from_dict(f) for f in s.get("flags", ())),
                )
                for s in data["sentences"]
            ),
            sources=tuple(Source.from_dict(s) for s in data.get("sources", ())),
            entities=tuple(
                Entity(
                    name=e["name"],
                    type=EntityType(e["type"]),
                    aliases=tuple(e.get("aliases", ())),
                    mentions=tuple(Span(m["start"], m["end"]) for m in e.get("mentions", ())),
                )
                for e in data["entities"]
            ),
        )
