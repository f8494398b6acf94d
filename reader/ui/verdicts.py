"""How verdicts look on screen: one mark each, in the claims list, status line and history."""

from __future__ import annotations

from reader.review.verdicts import Verdict

VERDICT_MARKS: dict[Verdict, str] = {
    Verdict.UNCHECKED: " ",
    Verdict.SUPPORTED: "✓",
    Verdict.MISLEADING: "≈",
    Verdict.FALSE: "✗",
    Verdict.UNPROVEN: "?",
}
"""A one-cell mark per verdict: a blank for unchecked, so the checked claims stand out."""


def verdict_label(verdict: Verdict) -> str:
    """The verdict for the status line: its mark and its word ("✗ false", "unchecked")."""
    if not verdict.checked:
        return str(verdict)
    return f"{VERDICT_MARKS[verdict]} {verdict}"
