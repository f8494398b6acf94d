"""The cue lexicon: TOML files of grouped phrases, compiled into one regular expression.

The built-in lexicon lives in ``reader/data/`` (:data:`CUE_FILES`); the
user may add a ``lexicon.toml`` in the config directory (see :mod:`reader.config`). Each TOML
table is a group of cues sharing a flag kind and an explanation. Phrases use a small syntax:
words are separated by spaces, ``a/b`` matches either word, ``[words]`` is optional. Every
phrase is expanded and put into a character trie, and the trie becomes a single compiled regex,
so one ``finditer`` over a sentence finds every cue, the longest one where several overlap.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Any

from reader.data import DATA_DIR
from reader.errors import InputError
from reader.model import FlagKind

LEXICON_DIR = DATA_DIR
CUE_FILES = ("speculation.toml", "sources.toml", "attribution.toml")
"""The built-in cue files in ``reader/data`` (other files there belong to other features)."""
WEIGHTS_FILE = LEXICON_DIR / "claim_weights.toml"
USER_LEXICON = "lexicon.toml"

_PHRASE_PART = re.compile(r"\[[^\]]*\]|\S+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


@dataclass(frozen=True, slots=True)
class CueGroup:
    """A group of cues that share a flag kind, an explanation and how they are judged."""

    name: str
    kind: FlagKind
    why: str
    """Explanation template: ``{cue}`` is the matched text, ``{source}`` a named source."""
    weighted: bool = False
    """True when a learned weight decides, in context, whether a match is flagged."""
    user: bool = False
    """True for a group (or the added cues of a group) from the user's lexicon."""


@dataclass(frozen=True, slots=True)
class CueEntry:
    """One phrase of the lexicon, as written there, with its group and context rules."""

    key: str
    group: CueGroup
    rules: tuple[str, ...] = ()
    name: str = ""
    """The phrase normalised (:func:`normalize_cue`): how features and weights name it."""


@dataclass(frozen=True)
class Lexicon:
    """A compiled lexicon: the pattern that finds cues and what each matched phrase means."""

    pattern: re.Pattern[str]
    entries: Mapping[str, tuple[CueEntry, ...]]
    """Normalised surface form (see :func:`normalize_cue`) to the cues it stands for."""
    weights: Mapping[str, float] = field(default_factory=dict)
    """Learned feature weights for cues of weighted groups (see ``claim_weights.toml``)."""
    thresholds: Mapping[FlagKind, float] = field(default_factory=dict)
    """A weighted cue is flagged when the sum of its feature weights exceeds the threshold
    of its flag kind."""

    def lookup(self, surface: str) -> tuple[CueEntry, ...]:
        """The cues a matched piece of text stands for."""
        found = self.entries.get(surface)
        if found is None:
            found = self.entries.get(normalize_cue(surface), ())
        return found

    def finditer(self, lowered: str) -> Iterator[re.Match[str]]:
        """Every cue in a sentence lower-cased by :func:`lower`, left to right."""
        return self.pattern.finditer(lowered)


def lower(text: str) -> str:
    """``text`` in lower case, with the same length so that offsets still hold."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters grow when lower-cased
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered


def normalize_cue(text: str) -> str:
    """Lower case, straight apostrophes and single spaces: the key of a matched cue."""
    return " ".join(text.translate(_APOSTROPHES).lower().split())


def expand_phrase(phrase: str) -> list[str]:
    """Every concrete phrase a lexicon phrase stands for.

    >>> expand_phrase("could [very] well")
    ['could very well', 'could well']
    >>> expand_phrase("is/was believed")
    ['is believed', 'was believed']
    """
    options: list[list[str]] = []
    for part in _PHRASE_PART.findall(phrase):
        if part.startswith("[") and part.endswith("]"):
            options.append([*expand_phrase(part[1:-1]), ""])
        else:
            options.append(part.split("/"))
    expanded: dict[str, None] = {}  # ordered and without repeats
    for choice in product(*options):
        text = " ".join(word for word in choice if word)
        if text:
            expanded[text] = None
    return list(expanded)


def _char_pattern(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char == "'":
        return "['’]"
    return re.escape(char)


def _trie_regex(phrases: Iterable[str]) -> str:
    """A regex matching any of ``phrases``; at a given position it prefers the longest."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        final = "" in node
        branches = [_char_pattern(c) + render(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if final:
            return "(?:" + body + ")?"
        return body

    return render(trie)


def compile_lexicon(
    groups: Iterable[tuple[CueGroup, Iterable[str], Mapping[str, Iterable[str]]]],
    weights: Mapping[str, float] | None = None,
    thresholds: Mapping[FlagKind, float] | None = None,
    removed: Iterable[str] = (),
) -> Lexicon:
    """Build a :class:`Lexicon` from groups given as ``(group, phrases, rules by phrase)``."""
    removed_keys = {normalize_cue(p) for phrase in removed for p in expand_phrase(phrase)}
    entries: dict[str, list[CueEntry]] = {}
    for group, phrases, rules in groups:
        for phrase in phrases:
            # Rules named for a phrase apply to it; rules named for a word apply to every
            # phrase that starts with that word ("may" covers "may be" and "may have"); rules
            # named "*" apply to every phrase that has none named for it (an empty list opts
            # a phrase out).
            first_word = phrase.split(" ", 1)[0]
            named = [*rules.get(phrase, ())]
            if first_word != phrase and "/" not in first_word:
                named += [r for r in rules.get(first_word, ()) if r not in named]
            if phrase not in rules and first_word not in rules:
                named += rules.get("*", [])
            entry = CueEntry(phrase, group, tuple(named), normalize_cue(phrase))
            for surface in expand_phrase(phrase):
                key = normalize_cue(surface)
                if key in removed_keys:
                    continue
                bucket = entries.setdefault(key, [])
                if not any(e.group == group for e in bucket):
                    bucket.append(entry)
    if not entries:
        pattern = re.compile(r"(?!)")
    else:
        body = _trie_regex(sorted(entries))
        # Words end at a non-word character; "could" also ends before the "n't" of "couldn't".
        # Sentences are lower-cased before matching, which is faster than IGNORECASE.
        pattern = re.compile(
            r"(?<![\w'’-])(?:" + body + r")(?:(?![\w'’])|(?=n['’]t\b)|(?=['’]s\b))"
        )
    return Lexicon(
        pattern=pattern,
        entries={key: tuple(bucket) for key, bucket in entries.items()},
        weights=dict(weights or {}),
        thresholds=dict(thresholds or {}),
    )


def _parse_group(
    name: str, table: Mapping[str, Any], origin: str, base: CueGroup | None, user: bool
) -> tuple[CueGroup, list[str], dict[str, list[str]], list[str]]:
    """Validate one TOML table and return its group, phrases, rules and removed phrases."""

    def fail(problem: str) -> InputError:
        return InputError(f"{origin}: group [{name}] {problem}")

    if not isinstance(table, Mapping):
        raise fail("must be a table")
    cues = table.get("cues", [])
    removed = table.get("remove", [])
    rules = table.get("rules", {})
    if not isinstance(cues, list) or not all(isinstance(c, str) and c.strip() for c in cues):
        raise fail("needs `cues`, a list of phrases")
    if not isinstance(removed, list) or not all(isinstance(c, str) for c in removed):
        raise fail("has a `remove` that is not a list of phrases")
    if not isinstance(rules, Mapping) or not all(
        isinstance(v, list) and all(isinstance(r, str) for r in v) for v in rules.values()
    ):
        raise fail("has `rules` that are not a table of lists of rule names")
    kind_name = table.get("kind", str(base.kind) if base else None)
    try:
        kind = FlagKind(kind_name)
    except ValueError:
        choices = ", ".join(k.value for k in FlagKind)
        raise fail(f"has kind {kind_name!r}; expected one of {choices}") from None
    why = table.get("why", base.why if base else None)
    if not isinstance(why, str) or not why.strip():
        raise fail("needs `why`, the explanation shown with each flag")
    weighted = bool(table.get("weighted", False)) and not user
    group = CueGroup(name=name, kind=kind, why=why, weighted=weighted, user=user)
    return group, list(cues), {k: list(v) for k, v in rules.items()}, list(removed)


def _builtin_tables() -> Iterator[tuple[str, str, Mapping[str, Any]]]:
    for filename in CUE_FILES:
        path = LEXICON_DIR / filename
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        for name, table in data.items():
            yield path.name, name, table


def load_weights(path: Path = WEIGHTS_FILE) -> tuple[dict[str, float], dict[FlagKind, float]]:
    """The learned feature weights and thresholds by flag kind; empty when the file is absent."""
    if not path.exists():
        return {}, {}
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    weights = {str(k): float(v) for k, v in data.get("weights", {}).items()}
    thresholds = {FlagKind(k): float(v) for k, v in data.get("threshold", {}).items()}
    return weights, thresholds


def build_lexicon(user: Mapping[str, Any] | None = None, origin: str = USER_LEXICON) -> Lexicon:
    """Compile the built-in lexicon merged with a user lexicon given as parsed TOML.

    A user table with a new name is a new group (it needs ``kind``, ``why`` and ``cues``). A
    table named like a built-in group adds its ``cues`` to that group and drops the phrases
    listed in ``remove``. Cues the user adds are always flagged (no learned weight applies).
    """
    builtin: dict[str, tuple[CueGroup, list[str], dict[str, list[str]]]] = {}
    for filename, name, table in _builtin_tables():
        group, cues, rules, _ = _parse_group(name, table, filename, None, user=False)
        builtin[name] = (group, cues, rules)
    specs: list[tuple[CueGroup, list[str], Mapping[str, list[str]]]] = list(builtin.values())
    removed: list[str] = []
    for name, table in (user or {}).items():
        base = builtin[name][0] if name in builtin else None
        group, cues, rules, dropped = _parse_group(name, table, origin, base, user=True)
        removed.extend(dropped)
        if cues:
            specs.append((group, cues, rules))
    weights, thresholds = load_weights()
    return compile_lexicon(specs, weights, thresholds, removed)


@lru_cache(maxsize=1)
def builtin_lexicon() -> Lexicon:
    """The built-in lexicon with its learned weights, compiled once per process."""
    return build_lexicon(None)
