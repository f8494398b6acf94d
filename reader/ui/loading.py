"""What the viewer shows while, and once, an input is read: pure helpers for the app."""

from __future__ import annotations

from reader.model import Analysis, Document, Paragraph


def analyse_document(document: Document) -> Analysis:
    """Run the analysis on a loaded document (imported here: the pipeline is not needed sooner).

    The first call reads the user's cues (``lexicon.toml``) and keeps them for the session.
    """
    global _user_cues_installed
    from reader.pipeline import analyze_document

    if not _user_cues_installed:
        from reader.config import install_user_analyzer

        install_user_analyzer()
        _user_cues_installed = True
    return analyze_document(document)


_user_cues_installed = False


def clean_preview(document: Document) -> Analysis:
    """The clean view before claims and names are found: every paragraph with its verdict.

    Cleaning takes milliseconds on an article; finding claims and names takes longer (their
    rules and lists load on first use), so the text can be read while they are found.
    """
    from reader.clean.cleaner import clean_paragraphs
    from reader.text.normalize import normalize_text
    from reader.text.segment import split_paragraphs

    text = normalize_text(document.text)
    return Analysis(
        text=text,
        paragraphs=tuple(clean_paragraphs(text, split_paragraphs(text))),
        sentences=(),
        entities=(),
        source=document.source,
        title=document.title,
    )


def preview_analysis(text: str, document: Document) -> Analysis:
    """Every paragraph as it stands, with no verdicts or highlights: shown while analysing.

    ``text`` must already be normalised as :func:`reader.analyze` does it, so the paragraphs
    (and the reading position) match those of the analysis that replaces the preview.
    """
    from reader.text.segment import split_paragraphs

    paragraphs = tuple(
        Paragraph(index, span.start, span.end) for index, span in enumerate(split_paragraphs(text))
    )
    return Analysis(
        text=text,
        paragraphs=paragraphs,
        sentences=(),
        entities=(),
        source=document.source,
        title=document.title,
    )
