"""reader: a terminal reader for news articles you do not yet trust.

The core is importable without the terminal UI::

    import reader
    analysis = reader.analyze(text, source="article.txt")
    for sentence in analysis.claims:
        print(sentence.text, [flag.kind for flag in sentence.flags])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.errors import InputError, NetworkError, ReaderError
from reader.lazy import lazy_exports
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
    Source,
    SourceKind,
    Span,
)

if TYPE_CHECKING:
    from reader.claims.flagging import flag_sentence
    from reader.entities import extract_entities
    from reader.loading.sources import load
    from reader.pipeline import analyze

__version__ = "0.3.0"

# The pipeline's modules load cue lists, name lists and models: they are imported on first use,
# so that importing any part of the package (the terminal UI, the CLI) stays quick.
_LAZY = {
    "analyze": "reader.pipeline",
    "extract_entities": "reader.entities",
    "load": "reader.loading.sources",
    "flag_sentence": "reader.claims.flagging",
}


__getattr__ = lazy_exports(__name__, _LAZY)

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
    "Source",
    "SourceKind",
    "Span",
    "__version__",
    "analyze",
    "extract_entities",
    "flag_sentence",
    "load",
]
