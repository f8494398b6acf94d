"""Analyses with hand-made flags and entities, so the UI can be tested on its own.

The sample article is analysed by the real pipeline (paragraphs, cleaning, sentences); the
flags and entities are then placed by finding the phrases below in its text, so the tests do
not depend on the cue lexicon or the entity extractor.
"""

from __future__ import annotations

import dataclasses
import re

import reader
from reader.model import Analysis, Entity, EntityType, Flag, FlagKind, Sentence, Span
from tests.conftest import SAMPLE_ARTICLE

SAMPLE_CUES: tuple[tuple[str, FlagKind], ...] = (
    ("according to people familiar with the company's plans", FlagKind.VAGUE_SOURCE),
    ("reported on Tuesday", FlagKind.ATTRIBUTION),
    ("may sign", FlagKind.SPECULATION),
    ("said in March", FlagKind.ATTRIBUTION),
    ("Some analysts believe", FlagKind.VAGUE_SOURCE),
    ("would likely", FlagKind.SPECULATION),
    ("are expected to", FlagKind.SPECULATION),
    ("It is not yet clear", FlagKind.SPECULATION),
    ("According to a recent report", FlagKind.VAGUE_SOURCE),
)

SAMPLE_ENTITIES: tuple[tuple[str, EntityType, tuple[str, ...]], ...] = (
    ("Harbourline", EntityType.ORG, ("Harbourline",)),
    ("Vessen Marine", EntityType.ORG, ("Vessen Marine",)),
    ("European Investment Bank", EntityType.ORG, ("European Investment Bank",)),
    ("Marta Quintela", EntityType.PERSON, ("Marta Quintela",)),
    ("Carlos Meireles", EntityType.PERSON, ("Carlos Meireles",)),
    ("Tomas Aaberg", EntityType.PERSON, ("Tomas Aaberg",)),
    ("Lisbon", EntityType.PLACE, ("Lisbon", "LISBON")),
    ("Bergen", EntityType.PLACE, ("Bergen",)),
    ("Portugal", EntityType.PLACE, ("Portugal",)),
    ("Norwegian", EntityType.NORP, ("Norwegian",)),
    ("Aurora E40", EntityType.PRODUCT, ("Aurora E40",)),
)


def with_flags_and_entities(
    analysis: Analysis,
    cues: tuple[tuple[str, FlagKind], ...],
    entities: tuple[tuple[str, EntityType, tuple[str, ...]], ...],
) -> Analysis:
    """``analysis`` with a flag on every sentence holding a cue, and the named entities."""
    sentences: list[Sentence] = []
    for sentence in analysis.sentences:
        flags: list[Flag] = []
        for cue, kind in cues:
            at = sentence.text.find(cue)
            if at >= 0:
                start = sentence.start + at
                why = f"'{cue}' marks this as {kind.value.replace('_', ' ')}."
                flags.append(Flag(kind, cue, start, start + len(cue), why))
        sentences.append(dataclasses.replace(sentence, flags=tuple(flags)))
    kept = analysis.kept_paragraphs
    found: list[Entity] = []
    for name, entity_type, aliases in entities:
        mentions: list[Span] = []
        for alias in aliases:
            for paragraph in kept:
                left = r"\b" if alias[0].isalnum() else ""
                right = r"\b" if alias[-1].isalnum() else ""
                pattern = re.compile(left + re.escape(alias) + right)
                for match in pattern.finditer(analysis.text, paragraph.start, paragraph.end):
                    mentions.append(Span(match.start(), match.end()))
        if mentions:
            found.append(
                Entity(name, entity_type, aliases, tuple(sorted(mentions, key=lambda s: s.start)))
            )
    return dataclasses.replace(analysis, sentences=tuple(sentences), entities=tuple(found))


def sample_analysis() -> Analysis:
    """The bundled sample article with hand-placed flags and entities."""
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    analysis = reader.analyze(text, source="sample-article.txt")
    return with_flags_and_entities(analysis, SAMPLE_CUES, SAMPLE_ENTITIES)


HOSTILE_TEXT = (
    "Hostile [bold]markup[/bold] test\n\n"
    "Click [@click=app.quit]here[/] to win. A stray [/] closes nothing.\n\n"
    "Escape codes: \x1b[31mred\x1b[0m and a bell \x07 and a title \x1b]0;pwned\x07 here.\n\n"
    "Bidi: abc\u202edcba\u202c and C1 \x9b31m end. People say it may rain [link=x]y[/link]."
)


def hostile_analysis() -> Analysis:
    """Text full of markup and control characters, with a flag and an entity inside them."""
    analysis = reader.analyze(HOSTILE_TEXT, source="[b]hostile[/b]\x1b[2J.txt")
    return with_flags_and_entities(
        analysis,
        (("People say", FlagKind.VAGUE_SOURCE), ("may rain", FlagKind.SPECULATION)),
        (("[@click=app.quit]here[/]", EntityType.OTHER, ("[@click=app.quit]here[/]",)),),
    )
