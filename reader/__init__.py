"""reader: a terminal reader for news articles you do not yet trust.

The core is importable without the terminal UI::

    import reader
    analysis = reader.analyze(text, source="article.txt")
    for sentence in analysis.claims:
        print(sentence.text, [flag.kind for flag in sentence.flags])
"""

from reader.analysis import analyze
from reader.entities import extract_entities
from reader.errors import InputError, NetworkError, ReaderError
from reader.model import (
    Analysis,
    Document,
    Entity,
    EntityType,
    Flag,
    FlagKind,
    Paragraph,
    ParagraphStatus,
    Sentence,
    Span,
)
from reader.sources import load
from reader.speculation import flag_sentence

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Document",
    "Entity",
    "EntityType",
    "Flag",
    "FlagKind",
    "InputError",
    "NetworkError",
    "Paragraph",
    "ParagraphStatus",
    "ReaderError",
    "Sentence",
    "Span",
    "__version__",
    "analyze",
    "extract_entities",
    "flag_sentence",
    "load",
]
