"""The article's sources: who its claims rest on, each one once, with every place it is named.

:func:`build_sources` takes the flagged sentences of an article (offsets into the article's
text) and its entities, and returns the sentences with each sourced flag pointing at an entry
of the source list (``Flag.source``), and that list. Mentions of one source merge:

- through the entities: "Musk" and "Elon Musk" are one entity, so one source;
- a description ("the Chinese publication", "the company", "the report") is the named source
  the article credited most recently, when its head word fits (a publication, a company);
- the same vague phrase ("people familiar with the matter") is one source each time it recurs,
  whatever its article ("a source says" ... "says the source").

A pronoun ("he said", "they told") takes the source it refers to: the most recent source or
person or organisation named before it. When that is vague ("a source close to the couple ...
she said") the flag becomes a ``vague_source`` flag.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from reader.claims.attribution import WHY_VAGUE
from reader.claims.source_phrase import PRONOUNS
from reader.model import Entity, EntityType, Flag, FlagKind, Sentence, Source, SourceKind, Span

__all__ = ["build_sources"]

_SOURCED = (FlagKind.ATTRIBUTION, FlagKind.VAGUE_SOURCE)
_DESCRIPTION = re.compile(
    r"^(?:the|this|that|its|their)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?P<head>publication|newspaper|paper|outlet|website|site|magazine|daily|tabloid|"
    r"broadcaster|network|agency|company|firm|group|carmaker|maker|manufacturer|report|"
    r"study|article|story|bank|retailer|giant|startup|organisation|organization|"
    r"businessman|billionaire|executive|entrepreneur|founder|star|singer|actor|actress|"
    r"couple|politician|senator|president|minister|official|spokesman|spokeswoman)$",
    re.IGNORECASE,
)
_PERSON_HEADS = frozenset(
    "businessman billionaire executive entrepreneur founder star singer actor actress "
    "politician senator president minister official spokesman spokeswoman".split()
)
_LEADING_WORDS = re.compile(r"^(?:according\s+to|as\s+reported\s+by|citing)\s+", re.IGNORECASE)
_WHY_DESCRIBED = "Credited to {source}, named earlier in the article."
_PRONOUN_REACH = 600
"""How far back (in characters) a pronoun looks for what it refers to."""


@dataclass
class _Entry:
    """A source being built: its name, kind, entity, mentions and sentences."""

    name: str
    kind: SourceKind
    entity: str | None
    mentions: list[Span] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)


@dataclass
class _Mention:
    """A place a source or a candidate antecedent is named, in article order."""

    start: int
    end: int
    key: str | None
    """The key of a source already built, or None for an entity not yet a source."""
    entity: Entity | None = None


def build_sources(
    text: str, sentences: Sequence[Sentence], entities: Sequence[Entity]
) -> tuple[tuple[Sentence, ...], tuple[Source, ...]]:
    """The sentences with ``Flag.source`` set, and the article's sources in order of first use.

    Flags' offsets are into ``text``. A pronoun source whose antecedent is vague turns its
    ``attribution`` flag into a ``vague_source`` flag.
    """
    entries: dict[str, _Entry] = {}
    order: list[str] = []
    by_span = _entity_index(entities)
    antecedents = sorted(
        (
            _Mention(span.start, span.end, None, entity)
            for entity in entities
            if entity.type in (EntityType.PERSON, EntityType.ORG)
            for span in entity.mentions
        ),
        key=lambda m: m.start,
    )
    recent: list[_Mention] = []  # source mentions so far, in article order
    last_named: str | None = None
    result: list[Sentence] = []
    for sentence in sentences:
        flags: list[Flag] = []
        for flag in sentence.flags:
            if flag.kind not in _SOURCED or flag.source_start is None or flag.source_end is None:
                flags.append(flag)
                continue
            start, end = flag.source_start, flag.source_end
            phrase = _LEADING_WORDS.sub("", text[start:end]).strip()
            kind = SourceKind.NAMED if flag.kind is FlagKind.ATTRIBUTION else SourceKind.VAGUE
            key: str
            if phrase.lower() in PRONOUNS:
                key, flag = _resolve_pronoun(flag, phrase, recent, antecedents, entries, order)
            else:
                entity = _entity_at(by_span, start, end)
                description = _DESCRIPTION.match(phrase)
                if entity is not None and kind is SourceKind.NAMED:
                    key = "entity:" + entity.name
                    _add(entries, order, key, entity.name, kind, entity.name)
                elif description and last_named is not None:
                    key = last_named  # "the Chinese publication": the source named before
                    if description.group("head").lower() in _PERSON_HEADS:
                        key = _last_person(recent, entries) or last_named
                    if flag.kind is FlagKind.VAGUE_SOURCE:
                        why = _WHY_DESCRIBED.format(source=entries[key].name)
                        flag = replace(flag, kind=FlagKind.ATTRIBUTION, why=why)
                else:
                    key = f"{kind}:{_phrase_key(phrase, kind)}"
                    _add(entries, order, key, phrase, kind, None)
            entry = entries[key]
            entry.mentions.append(Span(start, end))
            if not entry.sentences or entry.sentences[-1] != sentence.index:
                entry.sentences.append(sentence.index)
            if entry.kind is SourceKind.NAMED:
                last_named = key
            recent.append(_Mention(start, end, key))
            flags.append(replace(flag, source=order.index(key)))
        result.append(replace(sentence, flags=tuple(flags)))
    sources = tuple(
        Source(
            id=i,
            name=entries[key].name,
            kind=entries[key].kind,
            entity=entries[key].entity,
            mentions=tuple(entries[key].mentions),
            sentences=tuple(entries[key].sentences),
        )
        for i, key in enumerate(order)
    )
    return tuple(result), sources


_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)


def _phrase_key(phrase: str, kind: SourceKind) -> str:
    """What makes two mentions of a source phrase one source: the same words, and for a vague
    one the article aside ("a source says" ... "says the source")."""
    words = " ".join(phrase.lower().split())
    return _ARTICLE.sub("", words) if kind is SourceKind.VAGUE else words


def _add(
    entries: dict[str, _Entry],
    order: list[str],
    key: str,
    name: str,
    kind: SourceKind,
    entity: str | None,
) -> None:
    if key not in entries:
        entries[key] = _Entry(name, kind, entity)
        order.append(key)


def _resolve_pronoun(
    flag: Flag,
    pronoun: str,
    recent: list[_Mention],
    antecedents: list[_Mention],
    entries: dict[str, _Entry],
    order: list[str],
) -> tuple[str, Flag]:
    """The source a pronoun refers to: the nearest source or person/organisation before it."""
    start = flag.source_start if flag.source_start is not None else flag.start
    floor = start - _PRONOUN_REACH
    source = next((m for m in reversed(recent) if floor <= m.start < start), None)
    entity = next((m for m in reversed(antecedents) if floor <= m.start and m.end <= start), None)
    if (
        entity is not None
        and entity.entity is not None
        and (source is None or entity.start >= source.end)
    ):
        name = entity.entity.name
        key = "entity:" + name
        _add(entries, order, key, name, SourceKind.NAMED, name)
        return key, flag
    if source is not None and source.key is not None:
        entry = entries[source.key]
        if entry.kind is SourceKind.VAGUE and flag.kind is FlagKind.ATTRIBUTION:
            why = WHY_VAGUE.format(source=entry.name) + f" ('{pronoun}' refers to it)"
            flag = replace(flag, kind=FlagKind.VAGUE_SOURCE, why=why)
        return source.key, flag
    key = f"{SourceKind.NAMED}:{pronoun.lower()}"
    _add(entries, order, key, pronoun, SourceKind.NAMED, None)
    return key, flag


def _last_person(recent: list[_Mention], entries: dict[str, _Entry]) -> str | None:
    """The most recent named source that is a person's entity (for "the businessman")."""
    for mention in reversed(recent):
        if mention.key and mention.key.startswith("entity:"):
            return mention.key
    return None


def _entity_index(entities: Sequence[Entity]) -> list[tuple[int, int, Entity]]:
    """Every entity mention as (start, end, entity), by start."""
    return sorted(
        ((span.start, span.end, entity) for entity in entities for span in entity.mentions),
        key=lambda item: item[0],
    )


def _entity_at(index: list[tuple[int, int, Entity]], start: int, end: int) -> Entity | None:
    """The entity named inside a source phrase (the last one, which heads it), if any."""
    found = None
    for m_start, m_end, entity in index[bisect_left(index, start, key=lambda item: item[0]) :]:
        if m_start >= end:
            break
        if (
            m_start >= start
            and m_end <= end
            and entity.type
            not in (
                EntityType.DATE,
                EntityType.NORP,
                EntityType.PLACE,
            )
        ):
            found = entity
    return found
