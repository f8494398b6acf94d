"""A small hand-built article for the review tests: flagged claims with named and vague sources.

Built without the pipeline, so the store, the reports and the viewer can be tested with sources
before the claim flagger fills :attr:`Analysis.sources` everywhere.
"""

from __future__ import annotations

from reader.model import (
    Analysis,
    Entity,
    EntityType,
    Flag,
    FlagKind,
    Paragraph,
    Sentence,
    Source,
    SourceKind,
    Span,
)

VAGUE = "people familiar with the matter"
NAMED = "Harbour Gazette"

# (sentence, [(kind, cue, source name or None)]); a blank sentence starts a new paragraph.
DESK_SENTENCES: tuple[tuple[str, tuple[tuple[FlagKind, str, str | None], ...]], ...] = (
    ("The river ferry operator Tagusline plans to buy six electric boats.", ()),
    (
        "The order may be signed before the summer, according to people familiar with the matter.",
        (
            (FlagKind.SPECULATION, "may be signed", None),
            (FlagKind.VAGUE_SOURCE, "according to people familiar with the matter", VAGUE),
        ),
    ),
    ("", ()),
    (
        "The Harbour Gazette reported that the boats would cost more than planned.",
        ((FlagKind.ATTRIBUTION, "The Harbour Gazette reported", NAMED),),
    ),
    ("Tagusline runs nine routes across the estuary.", ()),
    ("", ()),
    (
        "People familiar with the matter said the yard in Porto was chosen.",
        ((FlagKind.VAGUE_SOURCE, "People familiar with the matter said", VAGUE),),
    ),
    ("Prices are likely to rise next year.", ((FlagKind.SPECULATION, "are likely to", None),)),
    ("", ()),
    (
        "Unnamed officials believe the route to Seixal would close, people familiar with the "
        "matter added.",
        ((FlagKind.VAGUE_SOURCE, "people familiar with the matter added", VAGUE),),
    ),
)


def desk_analysis(
    source: str | None = "desk-article.txt",
    title: str | None = "Tagusline weighs an electric ferry order",
    sentences: tuple[tuple[str, tuple[tuple[FlagKind, str, str | None], ...]], ...] = (
        DESK_SENTENCES
    ),
    metadata: dict[str, str] | None = None,
) -> Analysis:
    """An analysis of the desk article: four paragraphs, five claims, two sources."""
    paragraphs_text: list[list[str]] = [[]]
    for text, _ in sentences:
        if text:
            paragraphs_text[-1].append(text)
        else:
            paragraphs_text.append([])
    full = "\n\n".join(" ".join(group) for group in paragraphs_text)
    paragraphs: list[Paragraph] = []
    built: list[Sentence] = []
    source_names: dict[str, tuple[SourceKind, list[Span], list[int]]] = {}
    position = 0
    paragraph_index = 0
    paragraph_start = 0
    for text, flags in sentences:
        if not text:
            paragraphs.append(Paragraph(paragraph_index, paragraph_start, position - 1))
            paragraph_index += 1
            position += 1  # the second newline
            paragraph_start = position
            continue
        start = full.index(text, position)
        end = start + len(text)
        made: list[Flag] = []
        for kind, cue, source_name in flags:
            at = full.index(cue, start)
            source_id = None
            if source_name is not None:
                kind_of_source = SourceKind.NAMED if source_name == NAMED else SourceKind.VAGUE
                entry = source_names.setdefault(source_name, (kind_of_source, [], []))
                source_id = list(source_names).index(source_name)
                entry[1].append(Span(at, at + len(cue)))
                if len(built) not in entry[2]:
                    entry[2].append(len(built))
            made.append(
                Flag(
                    kind,
                    cue,
                    at,
                    at + len(cue),
                    f"'{cue}' marks this as {kind.label}.",
                    source_start=None if source_id is None else at,
                    source_end=None if source_id is None else at + len(cue),
                    source=source_id,
                )
            )
        built.append(Sentence(len(built), paragraph_index, start, end, text, tuple(made)))
        position = end + 1
    paragraphs.append(Paragraph(paragraph_index, paragraph_start, len(full)))
    found_sources = tuple(
        Source(
            number,
            name,
            kind,
            entity=name if kind is SourceKind.NAMED else None,
            mentions=tuple(spans),
            sentences=tuple(indices),
        )
        for number, (name, (kind, spans, indices)) in enumerate(source_names.items())
    )
    at = full.find("Tagusline")
    entities = (
        (Entity("Tagusline", EntityType.ORG, ("Tagusline",), (Span(at, at + 9),)),)
        if at >= 0
        else ()
    )
    return Analysis(
        text=full,
        paragraphs=tuple(paragraphs),
        sentences=tuple(built),
        entities=entities,
        source=source,
        title=title,
        metadata=dict(metadata or {}),
        sources=found_sources,
    )
