"""The built-in rule-based extractor: mentions, then merging, then typing, then ordering."""

from __future__ import annotations

from collections import Counter

from reader.entities.dates import find_dates
from reader.entities.lexicon import lexicon
from reader.entities.mentions import Mention, find_mentions
from reader.entities.merging import merge_mentions
from reader.entities.typing import entity_type, provisional_type
from reader.model import Entity, EntityType, Span


def _canonical(cluster: list[Mention]) -> str:
    """The longest full form; among equals, the one not in capitals, then the most frequent."""
    counts = Counter(m.surface for m in cluster)
    return max(
        counts,
        key=lambda s: (len(s.split()), not s.isupper() or len(s) <= 6, counts[s], len(s), s),
    )


def _aliases(cluster: list[Mention], name: str) -> tuple[str, ...]:
    """Every distinct surface form, the canonical name first, the others in reading order."""
    seen = {name: None}
    for mention in cluster:
        seen.setdefault(mention.surface, None)
    return tuple(seen)


class RuleExtractor:
    """The default extractor: word-list rules, no model, no downloads."""

    def extract(self, text: str) -> list[Entity]:
        """The entities named in ``text``, most salient first; offsets are into ``text``."""
        lex = lexicon()
        clusters = merge_mentions(find_mentions(text), lex)
        provisional = []
        organisations: set[tuple[str, ...]] = set()
        for cluster in clusters:
            votes: Counter[EntityType] = Counter()
            for mention in cluster:
                votes.update(mention.votes)
            kind = provisional_type(votes, max((m.words for m in cluster), key=len), lex)
            provisional.append(kind)
            if kind is EntityType.ORG:
                organisations.update(m.words for m in cluster)
        frozen_organisations = frozenset(organisations)
        entities: list[Entity] = []
        for cluster in clusters:
            kind = entity_type(cluster, lex, frozen_organisations)
            name = _canonical(cluster)
            entities.append(
                Entity(
                    name=name,
                    type=kind,
                    aliases=_aliases(cluster, name),
                    mentions=tuple(Span(m.start, m.end) for m in cluster),
                )
            )
        entities.extend(_date_entities(text))
        entities.sort(key=lambda e: (-len(e.mentions), e.mentions[0].start))
        return entities


def _date_entities(text: str) -> list[Entity]:
    by_surface: dict[str, list[Span]] = {}
    for start, end in find_dates(text):
        by_surface.setdefault(text[start:end], []).append(Span(start, end))
    return [
        Entity(name=surface, type=EntityType.DATE, aliases=(surface,), mentions=tuple(spans))
        for surface, spans in by_surface.items()
    ]
