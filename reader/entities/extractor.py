"""The built-in rule-based extractor: mentions, then merging, then typing, then ordering."""

from __future__ import annotations

from collections import Counter

from reader.entities.lexicon import lexicon
from reader.entities.mentions import Mention, find_mentions
from reader.entities.merging import merge_mentions
from reader.entities.typing import entity_type, provisional_type, total_votes
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
        groups, dates = find_mentions(text)
        clusters = merge_mentions(groups, lex)
        summaries = []
        organisations: set[tuple[str, ...]] = set()
        for cluster in clusters:
            votes = total_votes(cluster)
            longest = max((m.words for m in cluster), key=len)
            summaries.append((votes, longest))
            if provisional_type(votes, longest, lex) is EntityType.ORG:
                organisations.update(m.words for m in cluster)
        frozen_organisations = frozenset(organisations)
        entities: list[Entity] = []
        for cluster, (votes, longest) in zip(clusters, summaries, strict=True):
            kind = entity_type(cluster, votes, longest, lex, frozen_organisations)
            if len(cluster) == 1:
                name = cluster[0].surface
                aliases: tuple[str, ...] = (name,)
            else:
                name = _canonical(cluster)
                aliases = _aliases(cluster, name)
            entities.append(
                Entity(name, kind, aliases, tuple(Span(m.start, m.end) for m in cluster))
            )
        entities.extend(_date_entities(text, dates))
        entities.sort(key=lambda e: (-len(e.mentions), e.mentions[0].start))
        return entities


def _date_entities(text: str, dates: list[tuple[int, int]]) -> list[Entity]:
    by_surface: dict[str, list[Span]] = {}
    for start, end in dates:
        by_surface.setdefault(text[start:end], []).append(Span(start, end))
    return [
        Entity(name=surface, type=EntityType.DATE, aliases=(surface,), mentions=tuple(spans))
        for surface, spans in by_surface.items()
    ]
