"""Highlights on the article as plain data: spans of ``Analysis.text`` and how to show them.

The article widget turns each :data:`Mark` into a style on the characters it covers. Marks are
grouped by the raw index of the paragraph they fall in, so drawing one line looks at the marks
of one paragraph only.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from reader.model import Analysis, FlagKind, Paragraph, Sentence

Mark = tuple[int, int, str]
"""``(start, end, component class)``: a span of ``Analysis.text`` and the style to draw it in."""

KIND_NAMES: dict[FlagKind, str] = {
    FlagKind.SPECULATION: "speculation",
    FlagKind.VAGUE_SOURCE: "vague-source",
    FlagKind.ATTRIBUTION: "attribution",
}
"""The kinds as they appear in CSS class names."""
KIND_CLASSES: dict[FlagKind, str] = {kind: f"article--{name}" for kind, name in KIND_NAMES.items()}
CUE = "article--cue"
MENTION = "article--mention"
CURRENT_MENTION = "article--current-mention"
MATCH = "article--match"
CURRENT_MATCH = "article--current-match"


def main_kind(sentence: Sentence) -> FlagKind:
    """The kind a flagged sentence is coloured by: the most doubtful of its flags."""
    kinds = {flag.kind for flag in sentence.flags}
    for kind in (FlagKind.VAGUE_SOURCE, FlagKind.SPECULATION, FlagKind.ATTRIBUTION):
        if kind in kinds:
            return kind
    return FlagKind.SPECULATION


def group_by_paragraph(marks: Iterable[tuple[int, Mark]]) -> dict[int, list[Mark]]:
    """``(paragraph, mark)`` pairs gathered into lists by paragraph."""
    grouped: dict[int, list[Mark]] = {}
    for paragraph, mark in marks:
        grouped.setdefault(paragraph, []).append(mark)
    return grouped


def claim_tints(analysis: Analysis) -> dict[int, list[Mark]]:
    """A tint over every flagged sentence, by the kind of its main flag."""
    return group_by_paragraph(
        (s.paragraph, (s.start, s.end, KIND_CLASSES[main_kind(s)])) for s in analysis.claims
    )


def cue_marks(analysis: Analysis) -> dict[int, list[Mark]]:
    """The cue words of every flag."""
    return group_by_paragraph(
        (s.paragraph, (f.start, f.end, CUE)) for s in analysis.claims for f in s.flags
    )


class ParagraphFinder:
    """Finds the paragraph that holds an offset of ``Analysis.text``."""

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        self.paragraphs = tuple(paragraphs)
        self._starts = [p.start for p in self.paragraphs]

    def find(self, offset: int) -> Paragraph | None:
        """The paragraph whose span holds ``offset``, if any."""
        k = bisect_right(self._starts, offset) - 1
        if k < 0:
            return None
        paragraph = self.paragraphs[k]
        return paragraph if offset < max(paragraph.end, paragraph.start + 1) else None
