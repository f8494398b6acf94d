"""Typing by vote: every mention's evidence counts, and one name gets one type per document.

Evidence comes from :mod:`reader.entities.mentions` (honorifics, roles, company words around a
mention, its last word, country and nationality names). Here the votes of all the mentions of
an entity are added up, a few document-level clues are added, and the heaviest type wins.
Without any evidence a name of several words is taken for a person and a single word for an
organisation, the commonest cases in news text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reader.entities.lexicon import Lexicon
from reader.entities.mentions import Mention
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


def _default_type(words: tuple[str, ...]) -> EntityType:
    return EntityType.PERSON if len(words) > 1 else EntityType.ORG


def provisional_type(
    votes: Counter[EntityType], words: tuple[str, ...], lex: Lexicon
) -> EntityType:
    """The type the votes point to, or the default for the name's shape when there are none."""
    best, best_weight = None, 0.0
    for kind in _PRIORITY:
        weight = votes.get(kind, 0)
        if weight > best_weight:
            best, best_weight = kind, weight
    return best if best is not None else _default_type(words)


def entity_type(
    cluster: Sequence[Mention],
    lex: Lexicon,
    organisation_names: frozenset[tuple[str, ...]],
) -> EntityType:
    """The one type of an entity, from the votes of all its mentions and document clues.

    ``organisation_names`` holds the folded words of names already voted organisations; a name
    that extends one with words of its own ("Apple Car" after "Apple") is a product.
    """
    votes: Counter[EntityType] = Counter()
    longest: tuple[str, ...] = ()
    forms: set[tuple[str, ...]] = set()
    for mention in cluster:
        votes.update(mention.votes)
        forms.add(mention.words)
        if len(mention.words) > len(longest):
            longest = mention.words
    if len(longest) > 1:
        # A surname used alone elsewhere: "Musk" beside "Elon Musk".
        if (longest[-1],) in forms and longest[-1] not in lex.org_heads:
            votes[EntityType.PERSON] += 2
        if longest[-1] not in lex.org_heads and longest[-1] not in lex.event_heads:
            for n in range(len(longest) - 1, 0, -1):
                if longest[:n] in organisation_names:
                    votes[EntityType.PRODUCT] += 3
                    break
    return provisional_type(votes, longest, lex)
