"""Alias merging: the ways one name is written become one entity.

Mentions with the same folded name are one group from the start ("Xiaomi", "XIAOMI"). A shorter
group then joins a longer one when:

- it is the longer name without a company suffix ("Xpeng" → "Xpeng Motor");
- it is a person's surname, or the family name a Chinese name starts with, and the longer name
  reads as a person ("Musk" → "Elon Musk", "Lei" → "Lei Jun");
- it is an acronym of the longer name ("EIB" → "European Investment Bank");
- it is the same name with other accents or a small spelling slip (rapidfuzz).

A name never joins a longer name that adds a word of its own ("Apple" stays apart from "Apple
Car"): only the rules above merge.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping

from rapidfuzz.fuzz import ratio

from reader.entities.lexicon import COUNTRY_WEIGHT, Lexicon
from reader.entities.memo import Memo
from reader.entities.mentions import Mention
from reader.entities.voting import provisional_type, total_votes
from reader.model import EntityType

_SHORT_FORM_TYPES = frozenset((EntityType.PERSON, EntityType.ORG, EntityType.OTHER))
_PUNCTUATION = str.maketrans("", "", "'’.-&,")
_FUZZY_MIN_LENGTH = 8
_FUZZY_MIN_RATIO = 94.0
_FUZZY_MAX_LENGTH = 80
"""Longer runs of capitalised words (a list, a table) are no name to find a slip in."""
_SHARED_FORM_LIMIT = 16
_DIGITS = re.compile(r"\d+")


def _plain(key: str) -> str:
    """The key without accents, hyphens or apostrophes: "diário" → "diario"."""
    if key.isascii():
        return key.translate(_PUNCTUATION)
    decomposed = unicodedata.normalize("NFKD", key)
    return "".join(c for c in decomposed if c.isalnum() or c == " ")


def _initials(words: tuple[str, ...], connectors: frozenset[str]) -> str:
    return "".join(w[0] for w in words if w not in connectors and w)


class _Groups:
    """Union-find over name keys."""

    def __init__(self, keys: list[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, short: str, long: str) -> None:
        a, b = self.find(short), self.find(long)
        if a != b:
            self.parent[a] = b


def merge_mentions(
    by_key: dict[str, list[Mention]], lex: Lexicon, plains: Memo[str, str] | None = None
) -> list[list[Mention]]:
    """Cluster groups of mentions (by folded name) into entities, each in reading order.

    ``plains`` remembers each key without accents or punctuation (a pure function of the key).
    """
    if len(by_key) < 2:
        return list(by_key.values())

    words = {key: group[0].words for key, group in by_key.items()}
    first_seen = {key: group[0].start for key, group in by_key.items()}
    types: dict[str, EntityType] = {}

    def type_of(key: str) -> EntityType:
        kind = types.get(key)
        if kind is None:
            kind = types[key] = provisional_type(total_votes(by_key[key]), words[key], lex)
        return kind

    multi = [k for k in by_key if len(words[k]) > 1]
    by_last: dict[str, list[str]] = {}
    by_first: dict[str, list[str]] = {}
    by_initials: dict[str, list[str]] = {}
    # Each name under the shorter names it leaves when company suffixes are dropped from its
    # end: "xpeng motor group" under "xpeng" and "xpeng motor".
    by_stem: dict[tuple[str, ...], list[str]] = {}
    connectors = frozenset(("of", "for", "the", "and", "&", "de", "da", "do", "von", "van"))
    suffixes = lex.droppable_suffixes
    for key in multi:
        key_words = words[key]
        by_last.setdefault(key_words[-1], []).append(key)
        by_first.setdefault(key_words[0], []).append(key)
        by_initials.setdefault(_initials(key_words, connectors), []).append(key)
        stem = len(key_words)
        while stem > max(1, len(key_words) - 3) and key_words[stem - 1] in suffixes:
            stem -= 1
            by_stem.setdefault(key_words[:stem], []).append(key)

    groups = _Groups(list(by_key))
    shared: dict[str, list[str]] = {}
    """Surnames two people of the text share ("Castro" of "Fidel Castro" and "Raul Castro")."""
    candidates = [
        k
        for k in by_key
        if words[k][0] in by_first or (len(words[k]) == 1 and (k in by_last or k in by_initials))
    ]
    for key in sorted(candidates, key=lambda k: (len(words[k]), len(k))):
        targets = _targets(
            key, words, type_of, by_key, by_last, by_first, by_initials, by_stem, lex.gazetteer
        )
        people = {
            t
            for t in targets
            if len(words[t]) > 1 and words[t][-1] == key and type_of(t) is EntityType.PERSON
        }
        if len(words[key]) == 1 and len(people) > 1:
            shared[key] = sorted(people, key=lambda t: first_seen[t])
            continue
        if targets:
            # The nearest longer form seen before; else the first one seen after.
            start = first_seen[key]
            before = [t for t in targets if first_seen[t] <= start]
            target = (
                max(before, key=lambda t: first_seen[t])
                if before
                else min(targets, key=lambda t: first_seen[t])
            )
            groups.join(key, target)

    _merge_spelling_variants(list(by_key), groups, Memo() if plains is None else plains)

    clusters: dict[str, list[Mention]] = {}
    merged = False
    for key, group in by_key.items():
        if key in shared:
            merged = True
            _share_surname(group, shared[key], by_key, groups, clusters)
            continue
        root = groups.find(key)
        if root in clusters:
            clusters[root].extend(group)
            merged = True
        else:
            clusters[root] = list(group)
    if not merged:
        return list(clusters.values())
    return [sorted(c, key=lambda m: m.start) if len(c) > 1 else c for c in clusters.values()]


def _share_surname(
    group: list[Mention],
    people: list[str],
    by_key: dict[str, list[Mention]],
    groups: _Groups,
    clusters: dict[str, list[Mention]],
) -> None:
    """Give each mention of a surname two people share to the one named most recently before
    it ("Fidel Castro ... Raul Castro ... Castro" is Raul); one before any of them stays apart.
    """
    full_mentions = sorted(
        (m.start, person) for person in people for m in by_key[person] if len(m.words) > 1
    )
    for mention in group:
        latest = None
        for start, person in full_mentions:
            if start >= mention.start:
                break
            latest = person
        root = groups.find(latest) if latest is not None else "\x00" + mention.key
        clusters.setdefault(root, []).append(mention)


def _targets(
    key: str,
    words: dict[str, tuple[str, ...]],
    type_of: Callable[[str], EntityType],
    by_key: dict[str, list[Mention]],
    by_last: dict[str, list[str]],
    by_first: dict[str, list[str]],
    by_initials: dict[str, list[str]],
    by_stem: dict[tuple[str, ...], list[str]],
    known: Mapping[str, tuple[EntityType, float]],
) -> list[str]:
    """The longer names ``key`` is a short form of (``known``: the names the country data and
    the word lists type)."""
    own = words[key]
    n = len(own)
    # A company without its suffix: every extra word must be a droppable suffix.
    targets: list[str] = list(by_stem.get(own, ()))
    word = own[0]
    if n == 1 and (word in by_last or word in by_first) and type_of(key) in _SHORT_FORM_TYPES:
        for other in by_last.get(word, ()):
            if type_of(other) is EntityType.PERSON and len(words[other]) <= 4:
                targets.append(other)
        found = set(targets)
        for other in by_first.get(word, ()):
            other_words = words[other]
            if (
                type_of(other) is EntityType.PERSON
                and len(other_words) == 2
                and by_key[other][0].votes.get(EntityType.PERSON, 0.0) >= 2
                and other not in found
            ):
                targets.append(other)
    elif n == 1 and word in by_last and _weakly_known(known.get(key)):
        # A surname the weak evidence of its own mentions typed otherwise ("Delmont" voted a
        # product in "a rival called Delmont", "Bale" a place in "in Bale's words"): a person
        # named in full is the better reading. Not a name the country data and word lists know
        # ("English" stays apart from "Bill English").
        for other in by_last[word]:
            if type_of(other) is EntityType.PERSON and len(words[other]) <= 4:
                targets.append(other)
    surface = by_key[key][0].surface
    if n == 1 and surface.isupper() and 2 <= len(surface) <= 6:
        targets.extend(by_initials.get(own[0], ()))
    return targets


def _weakly_known(entry: tuple[EntityType, float] | None) -> bool:
    """Whether the word lists know a name not at all, or only as a province or a capital
    ("Bale" is also Basel): not as a country or a nationality ("English")."""
    return entry is None or entry[1] < COUNTRY_WEIGHT


def _has_neighbour(ends: dict[tuple[str, int], int], end: str, size: int) -> bool:
    """Whether another name has this end and a length within two of ``size``."""
    return ends[end, size] > 1 or any(
        (end, other) in ends for other in (size - 2, size - 1, size + 1, size + 2)
    )


def _merge_spelling_variants(keys: list[str], groups: _Groups, plains: Memo[str, str]) -> None:
    """Join names that differ only by accents, punctuation or a small slip.

    A ratio of 94 allows a letter or two added, dropped or changed in a long name. Candidate
    pairs come from two indexes, in time linear in the number of names: the forms of a name
    with one letter deleted ("TimeWarner" and "Time Warner" share one), and its forms with one
    word left out ("Institute for Fiscal Studies", "Institute of Fiscal Studies"). rapidfuzz
    confirms each pair. Names with different numbers in them are different things ("Series 3",
    "Series 5"), and a name that shares forms with many others heads a series, not a slip: its
    candidates are not followed.
    """
    by_plain: dict[str, str] = {}
    long_names: list[tuple[str, str]] = []
    for key in keys:
        plain = plains.get(key)
        if plain is None:
            plain = plains.remember(key, _plain(key))
        if plain in by_plain:
            groups.join(key, by_plain[plain])
            continue
        by_plain[plain] = key
        if _FUZZY_MIN_LENGTH <= len(plain) <= _FUZZY_MAX_LENGTH:
            long_names.append((plain, key))
    # A slip in one place leaves the first three or the last three letters of a long name as
    # they were, and its length within two: only names sharing those with another name can
    # have a variant.
    ends: dict[tuple[str, int], int] = {}
    for plain, _ in long_names:
        size = len(plain)
        for end in (plain[:3], "\x00" + plain[-3:]):
            ends[end, size] = ends.get((end, size), 0) + 1
    long_names = [
        (plain, key)
        for plain, key in long_names
        if _has_neighbour(ends, plain[:3], len(plain))
        or _has_neighbour(ends, "\x00" + plain[-3:], len(plain))
    ]
    if len(long_names) < 2:
        return
    # Each form maps to the first name that has it; names meeting there become candidates.
    first_with: dict[str, int] = {}
    sharing: dict[int, list[int]] = {}
    for number, (plain, _) in enumerate(long_names):
        forms = [plain[:i] + plain[i + 1 :] for i in range(len(plain))]
        forms.append(plain)
        if " " in plain:
            words = plain.split()
            forms.extend(" ".join([*words[:i], "\x00", *words[i + 1 :]]) for i in range(len(words)))
        for form in forms:
            first = first_with.setdefault(form, number)
            if first != number:
                sharing.setdefault(first, []).append(number)
    for i, others in sharing.items():
        if len(others) > _SHARED_FORM_LIMIT:
            continue
        plain, key = long_names[i]
        for j in set(others):
            other_plain, other = long_names[j]
            if (
                abs(len(plain) - len(other_plain)) <= 2
                and _DIGITS.findall(plain) == _DIGITS.findall(other_plain)
                and ratio(plain, other_plain, score_cutoff=_FUZZY_MIN_RATIO)
            ):
                groups.join(key, other)
