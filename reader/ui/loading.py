"""What the viewer shows while, and once, an input is read: the pipeline's preview, then its
analysis. Reading the input is :func:`reader.loading.sources.load`'s job; this module only
decides what is shown when."""

from __future__ import annotations

from collections.abc import Callable

from reader.model import Analysis, Document

SYNC_CHARS = 100_000
"""Loaded inputs up to this many characters are cleaned and shown before the first frame."""

PREVIEW_CHARS = 200_000
"""Inputs longer than this are shown paragraph by paragraph before the analysis finishes."""


def analyse_document(document: Document) -> Analysis:
    """Run the analysis on a loaded document, with the cues :func:`~reader.ui.launch.run_viewer`
    installed (imported here: the pipeline is not needed sooner)."""
    from reader.pipeline import analyze_document

    return analyze_document(document)


def clean_preview(document: Document) -> Analysis:
    """The clean text of a short input, shown while its claims and names are found."""
    from reader.pipeline import preview

    return preview(document)


def quick_preview(document: Document) -> Analysis | None:
    """What to show of a long input while it is analysed (``None``: not long enough to need it).

    Cleaning a long input takes seconds, so its paragraphs are shown as they stand.
    """
    if len(document.text) <= PREVIEW_CHARS:
        return None
    from reader.pipeline import preview

    return preview(document, clean=False)


def load_and_analyse(
    target: str,
    document: Document | None,
    show: Callable[[Analysis, bool], None],
    progress: Callable[[int, int | None], None] | None = None,
) -> None:
    """Load ``target`` (unless ``document`` is already loaded) and analyse it.

    ``show(analysis, final)`` is called with a preview first for a long input, then with the
    analysis. Runs in a worker thread; errors are raised to the caller.
    """
    if document is None:
        from reader.loading.sources import load

        document = load(target, progress=progress)
    preview = quick_preview(document)
    if preview is not None:
        show(preview, False)
    show(analyse_document(document), True)


def progress_text(target: str, received: int, total: int | None) -> str:
    """The status line while a web page arrives."""
    from reader.ui.display import safe_line

    if not received:
        return f"fetching {safe_line(target)}…"
    text = f"fetching… {received / 1024:,.0f} kB"
    if total:
        text += f" of {total / 1024:,.0f} kB"
    return text
