"""The pipeline: normalise, segment, clean, split sentences, flag them, find entities.

An :class:`Analyzer` owns what analysis needs (the compiled cue lexicon with the user's cues,
learned weights) and is built once; :func:`analyze` uses the process's default one. Analysis is
pure: no I/O, no state that changes its output, the same output for the same input. The user's
cues are read at the edges (the command line, the viewer, corpus mode) and handed to
:func:`use_analyzer`. Everything the reader shows comes from the
:class:`~reader.model.Analysis` this returns; :func:`preview` is the cleaned text alone, shown
while the rest is found.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from reader.clean.cleaner import clean_paragraphs
from reader.model import Analysis, Document, Entity, Paragraph, Sentence, Span
from reader.text.normalize import normalize_text
from reader.text.segment import split_paragraphs, split_sentences

if TYPE_CHECKING:
    from reader.claims.lexicon import Lexicon

# The claim and name stages (their cue lists, name lists and learned weights) are imported when
# an article is first analysed: the viewer's preview, drawn before that, needs only cleaning.

_TITLE_MAX = 120
_PARAGRAPH_SEPARATOR = "\n\n"


class Analyzer:
    """Analyses articles with one set of cues: the built-in lexicon plus the user's additions.

    The lexicon is compiled on first use, so building an analyzer costs nothing until an
    article is analysed.
    """

    def __init__(self, user_cues: Mapping[str, Any] | None = None) -> None:
        self.user_cues: Mapping[str, Any] = dict(user_cues or {})
        """The user's cue tables (parsed ``lexicon.toml``), merged into the built-in ones."""
        self._lexicon: Lexicon | None = None

    @property
    def lexicon(self) -> Lexicon:
        """The compiled cue lexicon this analyzer flags sentences with."""
        if self._lexicon is None:
            from reader.claims.lexicon import build_lexicon, builtin_lexicon

            self._lexicon = build_lexicon(self.user_cues) if self.user_cues else builtin_lexicon()
        return self._lexicon

    def analyze(
        self,
        text: str,
        source: str | None = None,
        *,
        title: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> Analysis:
        """Analyse one article (see :func:`analyze`)."""
        text = normalize_text(text)
        paragraphs = tuple(clean_paragraphs(text, split_paragraphs(text)))
        kept = [p for p in paragraphs if p.kept]
        sentences = _sentences(text, kept, self.lexicon)
        entities = _entities(text, kept)
        from reader.claims.sources import build_sources

        sentences, sources = build_sources(text, sentences, entities)
        return Analysis(
            text=text,
            paragraphs=paragraphs,
            sentences=sentences,
            entities=entities,
            source=source,
            title=title or guess_title(text, kept),
            metadata={k: v for k, v in (metadata or {}).items() if v},
            sources=sources,
        )

    def analyze_document(self, document: Document) -> Analysis:
        """Analyse a loaded document, carrying its source, title and metadata into the result."""
        return self.analyze(
            document.text, source=document.source, title=document.title, metadata=document.metadata
        )


_default_analyzer: Analyzer | None = None


def default_analyzer() -> Analyzer:
    """The analyzer :func:`analyze` uses: built-in cues unless :func:`use_analyzer` said else."""
    global _default_analyzer
    if _default_analyzer is None:
        _default_analyzer = Analyzer()
    return _default_analyzer


def use_analyzer(analyzer: Analyzer) -> None:
    """Make ``analyzer`` the default of this process (the edges call this with user cues)."""
    global _default_analyzer
    _default_analyzer = analyzer


def analyze(
    text: str,
    source: str | None = None,
    *,
    title: str | None = None,
    metadata: Mapping[str, str] | None = None,
) -> Analysis:
    """Analyse one article.

    ``text`` is the article as plain text; ``source`` says where it came from (a path, a URL).
    ``title`` overrides the title guessed from the first paragraph; ``metadata`` (site, author,
    date, url) is carried through to the reports.
    """
    return default_analyzer().analyze(text, source, title=title, metadata=metadata)


def analyze_document(document: Document) -> Analysis:
    """Analyse a loaded document with the default analyzer."""
    return default_analyzer().analyze_document(document)


def preview(document: Document, *, clean: bool = True) -> Analysis:
    """The clean view before claims and names are found: every paragraph with its verdict.

    Cleaning takes milliseconds on an article; finding claims and names takes longer, so the
    text can be read while they are found. The title is chosen as :func:`analyze` chooses it.
    With ``clean=False`` every paragraph is kept as it stands (for an input so long that even
    cleaning it takes seconds); the paragraphs, and so the reading position, are still those
    of the analysis.
    """
    text = normalize_text(document.text)
    spans = split_paragraphs(text)
    if clean:
        paragraphs = tuple(clean_paragraphs(text, spans))
    else:
        paragraphs = tuple(
            Paragraph(index, span.start, span.end) for index, span in enumerate(spans)
        )
    return Analysis(
        text=text,
        paragraphs=paragraphs,
        sentences=(),
        entities=(),
        source=document.source,
        title=document.title or guess_title(text, [p for p in paragraphs if p.kept]),
        metadata=document.metadata,
    )


def guess_title(text: str, paragraphs: Sequence[Paragraph]) -> str | None:
    """The first paragraph when it reads as a headline, else the start of the article."""
    if not paragraphs:
        return None
    first = " ".join(text[paragraphs[0].start : paragraphs[0].end].split())
    if len(first) <= _TITLE_MAX:
        return first
    cut = first.rfind(" ", 0, _TITLE_MAX)
    return first[: cut if cut > 0 else _TITLE_MAX].rstrip(" ,;:") + "…"


def _sentences(text: str, kept: Sequence[Paragraph], lexicon: Lexicon) -> tuple[Sentence, ...]:
    spans: list[tuple[int, Span]] = [
        (p.index, span) for p in kept for span in split_sentences(text, p.start, p.end)
    ]
    texts = [text[span.start : span.end] for _, span in spans]
    from reader.claims.flagging import flag_sentences

    flags = flag_sentences(texts, lexicon)
    return tuple(
        Sentence(
            index=i,
            paragraph=paragraph,
            start=span.start,
            end=span.end,
            text=texts[i],
            flags=tuple(flag.shifted(span.start) for flag in flags[i]),
        )
        for i, (paragraph, span) in enumerate(spans)
    )


def _entities(text: str, kept: Sequence[Paragraph]) -> tuple[Entity, ...]:
    """Entities of the clean view, with mentions mapped back to offsets in ``text``."""
    from reader.entities import extract_entities

    clean_starts: list[int] = []
    pieces: list[str] = []
    position = 0
    for p in kept:
        clean_starts.append(position)
        pieces.append(text[p.start : p.end])
        position += p.end - p.start + len(_PARAGRAPH_SEPARATOR)
    clean = _PARAGRAPH_SEPARATOR.join(pieces)

    def to_raw(span: Span) -> Span | None:
        k = bisect_right(clean_starts, span.start) - 1
        if k < 0:
            return None
        shift = kept[k].start - clean_starts[k]
        start, end = span.start + shift, span.end + shift
        return Span(start, end) if end <= kept[k].end else None

    entities: list[Entity] = []
    for entity in extract_entities(clean):
        mentions = tuple(m for m in map(to_raw, entity.mentions) if m is not None)
        if mentions:
            entities.append(Entity(entity.name, entity.type, entity.aliases, mentions))
    return tuple(entities)
