"""Typing by vote: every mention's evidence counts, and one name gets one type per document.

Evidence comes from :mod:`reader.entities.mentions` (honorifics, roles, company words around a
mention, its last word, country and nationality names). Here the votes of all the mentions of
an entity are added up, a few document-level clues are added, and the heaviest type wins.
Without any evidence a name of several words is taken for a person and a single word for an
organisation, the commonest cases in news text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reader.entities.lexicon import Lexicon
from reader.entities.memo import Votes
from reader.entities.mentions import Mention, add_vote
from reader.model import EntityType

# Order used to break ties between equal votes.
_PRIORITY = (
    EntityType.PERSON,
    EntityType.ORG,
    EntityType.PLACE,
    EntityType.NORP,
    EntityType.PRODUCT,
    EntityType.EVENT,
    EntityType.OTHER,
)
_SPECIFIC = (EntityType.NORP, EntityType.EVENT, EntityType.PRODUCT)
_RANK = {kind: rank for rank, kind in enumerate(_PRIORITY)}
_LONGEST_MAKER = 8
"""The most words a maker's name in front of a product name is looked for with."""


def _default_type(words: tuple[str, ...]) -> EntityType:
    return EntityType.PERSON if len(words) > 1 else EntityType.ORG


def total_votes(mentions: Iterable[Mention]) -> Votes:
    """The votes of several mentions added up."""
    total: Votes = {}
    for mention in mentions:
        for kind, weight in mention.votes.items():
            total[kind] = total.get(kind, 0.0) + weight
    return total


def provisional_type(votes: Votes, words: tuple[str, ...], lex: Lexicon) -> EntityType:
    """The type the votes point to, or the default for the name's shape when there are none."""
    best, best_weight = None, 0.0
    for kind, weight in votes.items():
        if weight > best_weight or (
            weight == best_weight and best is not None and _RANK[kind] < _RANK[best]
        ):
            best, best_weight = kind, weight
    if best is None:
        return _default_type(words)
    if best is EntityType.OTHER:
        # "Other" says what it is not; a more specific kind with any evidence says what it is.
        specific = max(_SPECIFIC, key=lambda kind: votes.get(kind, 0.0))
        if votes.get(specific, 0.0) > 0:
            return specific
    return best


def entity_type(
    cluster: Sequence[Mention],
    votes: Votes,
    longest: tuple[str, ...],
    lex: Lexicon,
    organisation_names: frozenset[tuple[str, ...]],
) -> EntityType:
    """The one type of an entity, from the votes of all its mentions and document clues.

    ``votes`` are the mentions' votes added up and ``longest`` the folded words of the longest
    name. ``organisation_names`` holds the folded words of names already voted organisations; a
    name that extends one with words of its own and is written "the ..." or with a model number
    ("the Apple Car" after "Apple") is a product.
    """
    if len(longest) > 1:
        votes = dict(votes)
        last = longest[-1]
        # A surname used alone elsewhere: "Musk" beside "Elon Musk".
        if last not in lex.org_heads and any(m.words == (last,) for m in cluster):
            add_vote(votes, EntityType.PERSON, 2.0)
        if (
            last not in lex.org_heads
            and last not in lex.event_heads
            and (any(m.after_the for m in cluster) or not last.isalpha())
        ):
            for n in range(min(len(longest) - 1, _LONGEST_MAKER), 0, -1):
                if longest[:n] in organisation_names:
                    add_vote(votes, EntityType.PRODUCT, 3.0)
                    break
    return provisional_type(votes, longest, lex)
