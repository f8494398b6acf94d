"""Learned type evidence: small weights over general features of a mention.

Each mention is described by a dozen general features: how many words it has, the last letters
of its last word ("-ski", "-ese"), whether it is in capitals, opens a sentence, or is a known
place; and the word just before and just after it when that word is lower case ("said", "in",
"beat") or a mark ("(", a number). A linear model gives each feature a weight per type
(person, organisation, place, other); a mention's weights are added up and turned into
probabilities, which vote beside the rules of :mod:`reader.entities.mentions`.

The weights live in ``reader/data/entity_type_weights.tsv``, one feature a line, so every
decision can be read back. They were fitted on news text annotated with these four types by
``tests/eval/train_entities.py``; the file holds feature names and numbers only: word endings of
at most three letters and lower-case context words, never a name.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import cache

from reader.data import data_path
from reader.model import EntityType

WEIGHTS_PATH = data_path("entity_type_weights.tsv")
CLASSES = (EntityType.PERSON, EntityType.ORG, EntityType.PLACE, EntityType.OTHER)
"""The four types the weights tell apart, in the order of the columns."""
SCALE = 4.0
"""How many votes a certain prediction is worth (a country name is worth 4)."""

Weights = dict[str, tuple[float, ...]]
_DIGIT = re.compile(r"\d")


def context_token(text: str, start: int, end: int) -> tuple[str, str, str, str]:
    """The token before ``start`` and after ``end``, reduced to a general class, then the
    tokens one further out when those are lower-case words ("" otherwise).

    Lower-case words are kept as they are; numbers become ``NUM``, capitalised words ``CAP``,
    a line start or end ``<s>``; punctuation is kept (``(``, ``,``, ``'s``).
    """
    before, after = _token_before(text, start), _token_after(text, end)
    before2 = second_before(text, start, before) if _is_word(before) else ""
    after2 = second_after(text, end, after) if _is_word(after) else ""
    return before, after, before2, after2


def _is_word(token_class: str) -> bool:
    """Whether a token's class is a lower-case word (every class but "low" in lower case is)."""
    return token_class.islower() and token_class.isalpha()


def second_before(
    text: str, start: int, before: str, classify: Callable[[str], str] | None = None
) -> str:
    """The class of the token before the lower-case word ``before`` that ends one space before
    ``start`` ("according" of "according to Reuters"), or "" when it is not there."""
    word_start = start - 1 - len(before)
    if word_start < 0 or text[word_start : start - 1].casefold() != before:
        return ""
    return _token_before(text, word_start, classify or token_class)


def second_after(
    text: str, end: int, after: str, classify: Callable[[str], str] | None = None
) -> str:
    """The class of the token after the lower-case word ``after`` that follows ``end`` by one
    space ("on" of "Reuters reported on"), or "" when it is not there."""
    word_end = end + 1 + len(after)
    if text[end + 1 : word_end].casefold() != after:
        return ""
    return _token_after(text, word_end, classify or token_class)


def token_class(token: str) -> str:
    """The general class of a token: itself in lower case, ``NUM``, ``CAP``, ``<s>`` for none,
    or its punctuation."""
    if not token:
        return "<s>"
    first = token[0]
    if first.isdigit():
        return "NUM"
    if first.isalpha():
        if first.isupper():
            return "CAP"
        return token.casefold() if token.isalpha() else "low"
    return token if len(token) <= 2 else token[0]


def _token_before(text: str, start: int, classify: Callable[[str], str] = token_class) -> str:
    if start == 0:
        return "<s>"
    previous = text[start - 1]
    if previous == "\n":
        return "<s>"
    if previous != " ":
        return previous
    i = text.rfind(" ", max(0, start - 32), start - 1)
    if i < 0 and start > 32:
        i = text.rfind(" ", 0, start - 1)  # a long token: its start is further back
    token = text[i + 1 : start - 1]
    newline = token.rfind("\n")
    if newline >= 0:
        token = token[newline + 1 :]
    return classify(token)


def _token_after(text: str, end: int, classify: Callable[[str], str] = token_class) -> str:
    following = text[end : end + 32]
    if not following or following[0] == "\n":
        return "<s>"
    if following[0] != " ":
        if following[:2] in ("'s", "’s"):
            return "'s"
        return following[0]
    token = following[1:].split(None, 1)[0] if following[1:].strip() else ""
    if not token or following[1] == "\n":
        return "<s>"
    if token in ("'s", "’s"):
        return "'s"
    word = token.rstrip(",.;:!?\"')”’")
    return classify(word or token)


def shape_features(
    words: tuple[str, ...], surface: str, gazetteer_type: EntityType | None, heads: frozenset[str]
) -> list[str]:
    """Features of the name itself: length, word endings, capitals, digits, known place."""
    last = words[-1]
    features = ["bias", f"w={min(len(words), 3)}"]
    if len(last) >= 5:
        features.append(f"s3={last[-3:]}")
    if len(words) > 1 and len(words[0]) >= 5:
        features.append(f"f3={words[0][-3:]}")
    if last in heads:
        features.append(f"lw={last}")
    if len(surface) >= 2 and surface.isupper():
        features.append("caps" if len(surface) > 5 else "acronym")
    if "-" in surface:
        features.append("hyphen")
    if "." in surface:
        features.append("dot")
    if _DIGIT.search(surface):
        features.append("digit")
    if gazetteer_type is not None:
        features.append(f"gz={gazetteer_type.value}")
    return features


def context_features(
    before: str, after: str, before2: str, after2: str, initial: bool, headline: bool
) -> list[str]:
    """Features of the place the name appears in: the tokens beside it, and the two words
    before or after it when both are lower-case words ("according to", "said on")."""
    features = [f"p={before}", f"n={after}"]
    if before2:
        features.append(f"pp={before2}_{before}")
    if after2:
        features.append(f"nn={after}_{after2}")
    if initial:
        features.append("initial")
    if headline:
        features.append("headline")
    return features


@cache
def weights() -> Weights:
    """The fitted weights (empty when the file is absent: the rules then type alone)."""
    try:
        lines = WEIGHTS_PATH.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return {}
    table: Weights = {}
    for line in lines:
        if not line or line.startswith("#"):
            continue
        name, *values = line.split("\t")
        table[name] = tuple(float(v) for v in values)
    return table


def score(features: list[str], table: Weights) -> list[float]:
    """The summed weights of ``features`` per class (features the table lacks count zero)."""
    total = [0.0] * len(CLASSES)
    for feature in features:
        row = table.get(feature)
        if row is not None:
            for i, weight in enumerate(row):
                total[i] += weight
    return total


def probabilities(scores: list[float]) -> list[float]:
    """Softmax of the class scores."""
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    norm = sum(exps)
    return [e / norm for e in exps]
