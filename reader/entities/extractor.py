"""The built-in rule-based extractor: mentions, then merging, then typing, then ordering."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from reader.entities.lexicon import Lexicon, lexicon
from reader.entities.memo import Memos, Votes
from reader.entities.mentions import LowercaseUse, Mention, add_vote, find_mentions
from reader.entities.merging import merge_mentions
from reader.entities.voting import entity_type, provisional_type, total_votes
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


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector (if it runs) for the duration of the block.

    Extraction makes hundreds of thousands of small objects on a long text, none of them in a
    reference cycle: they are freed as soon as they are no longer used. The collector would
    still walk the growing heap again and again (a fifth of the time on a 5 MB text).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class RuleExtractor:
    """The default extractor: word-list rules and small learned weights, no downloads.

    It owns its memo tables (:class:`Memos`, each bounded): what it learns about a word or a
    name in one article spares work in the next, and never changes a result.
    """

    def __init__(self) -> None:
        self.memos = Memos()

    def clear_memos(self) -> None:
        """Forget every remembered result (after the word lists or the weights change)."""
        self.memos.clear()

    def extract(self, text: str) -> list[Entity]:
        """The entities named in ``text``, most salient first; offsets are into ``text``."""
        with _collector_paused():
            return self._extract(text)

    def _extract(self, text: str) -> list[Entity]:
        lex = lexicon()
        lowercase = LowercaseUse(text)
        groups, dates = find_mentions(text, lowercase, self.memos)
        clusters = merge_mentions(groups, lex, self.memos.plains)
        summaries: list[tuple[Votes, tuple[str, ...]]] = []
        for cluster in clusters:
            if len(cluster) == 1:
                summaries.append((dict(cluster[0].votes), cluster[0].words))
            else:
                summaries.append((total_votes(cluster), max((m.words for m in cluster), key=len)))
        _vote_products(clusters, summaries, lex, lowercase)
        organisations: set[tuple[str, ...]] = set()
        provisional: list[EntityType] = []
        for cluster, (votes, longest) in zip(clusters, summaries, strict=True):
            provisional.append(provisional_type(votes, longest, lex))
            if provisional[-1] is EntityType.ORG:
                organisations.update(m.words for m in cluster)
        frozen_organisations = frozenset(organisations)
        entities: list[Entity] = []
        for cluster, (votes, longest), first_type in zip(
            clusters, summaries, provisional, strict=True
        ):
            if len(longest) == 1:
                kind = first_type  # nothing more to weigh for a name of one word
            else:
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


def _vote_products(
    clusters: list[list[Mention]],
    summaries: list[tuple[Votes, tuple[str, ...]]],
    lex: Lexicon,
    lowercase: LowercaseUse,
) -> None:
    """ "The Apple Car": a name written with "the", made of another name and a common noun the
    text also uses in lower case ("its own car"), is a product, and the other name its maker."""
    cluster_of: dict[str, int] = {}
    for index, cluster in enumerate(clusters):
        for mention in cluster:
            cluster_of.setdefault(mention.key, index)
    for index, cluster in enumerate(clusters):
        longest = summaries[index][1]
        last = longest[-1]
        if len(longest) < 2 or last in lex.head_words or not any(m.after_the for m in cluster):
            continue
        maker = cluster_of.get(" ".join(longest[:-1]))
        if maker is None or maker == index:
            continue
        if lowercase(last):
            add_vote(summaries[index][0], EntityType.PRODUCT, 3.0)
            add_vote(summaries[maker][0], EntityType.ORG, 2.0)


def _date_entities(text: str, dates: list[tuple[int, int]]) -> list[Entity]:
    by_surface: dict[str, list[Span]] = {}
    for start, end in dates:
        by_surface.setdefault(text[start:end], []).append(Span(start, end))
    return [
        Entity(name=surface, type=EntityType.DATE, aliases=(surface,), mentions=tuple(spans))
        for surface, spans in by_surface.items()
    ]
