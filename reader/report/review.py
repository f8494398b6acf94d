"""The review of an article for people and programs: claims with verdicts, notes and sources.

Text meant for people (the terminal listing, Markdown) shows the article's control characters
visibly (``^[`` for ESC, ``<U+202E>`` for a bidi override), so printing a report can never drive
the terminal; JSON keeps every string exact (its escaping is safe).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from reader.model import Analysis, Sentence, Source, SourceKind
from reader.review.identity import source_label
from reader.review.records import ArticleReview, ClaimReview, HistoryEntry
from reader.review.verdicts import Verdict
from reader.text.printable import printable_line

REVIEW_SCHEMA = 1
"""Version of the JSON shape of ``reader review --format json``."""

printable = printable_line
"""Text for people on one line, control characters shown visibly (one home:
:mod:`reader.text.printable`)."""


def claim_kinds(sentence: Sentence) -> list[str]:
    """The kinds of a claim's flags, each once, in the order they were raised."""
    return list(dict.fromkeys(str(flag.kind) for flag in sentence.flags))


def claim_sources(analysis: Analysis, sentence: Sentence) -> list[Source]:
    """The sources a claim rests on, each once, in the order its flags name them."""
    found: dict[int, Source] = {}
    for flag in sentence.flags:
        if flag.source is not None and 0 <= flag.source < len(analysis.sources):
            found.setdefault(flag.source, analysis.sources[flag.source])
    return list(found.values())


def sources_by_weight(analysis: Analysis) -> list[tuple[Source, list[int]]]:
    """Each source with the claim numbers (from 1) resting on it: vague ones first, then the
    ones more claims rest on, then by name."""
    numbers = {claim.index: number for number, claim in enumerate(analysis.claims, start=1)}
    listed = [
        (source, sorted(numbers[s] for s in source.sentences if s in numbers))
        for source in analysis.sources
    ]
    return sorted(
        listed,
        key=lambda item: (item[0].kind is not SourceKind.VAGUE, -len(item[1]), item[0].name),
    )


def review_to_dict(analysis: Analysis, review: ArticleReview) -> dict[str, Any]:
    """The review in the JSON shape of ``reader review --format json`` (strings exact)."""
    sentences = {sentence.index: sentence for sentence in analysis.sentences}
    claims = []
    for claim in review.claims:
        sentence = sentences[claim.sentence]
        sources = claim_sources(analysis, sentence)
        claims.append(
            {
                "claim": claim.number,
                "sentence": claim.sentence,
                "text": claim.text,
                "kinds": claim_kinds(sentence),
                "source": sources[0].name if sources else None,
                "verdict": str(claim.verdict),
                "note": claim.note,
                "updated": claim.updated,
            }
        )
    return {
        "schema": REVIEW_SCHEMA,
        "article": review.article.to_dict(),
        "checked": review.checked,
        "claims": claims,
        "orphaned": [orphan.to_dict() for orphan in review.orphaned],
    }


def when(stamp: str | None) -> str:
    """A stored time for people: ``2026-12-06 01:02 UTC`` (empty for none)."""
    if not stamp:
        return ""
    return stamp[:16].replace("T", " ") + " UTC"


def verdict_tally(review: ArticleReview) -> str:
    """ "2 of 5 checked (1 false, 1 supported)"."""
    counts = Counter(claim.verdict for claim in review.claims if claim.verdict.checked)
    detail = ", ".join(f"{counts[v]} {v}" for v in Verdict if counts[v])
    head = f"{review.checked} of {len(review.claims)} checked"
    return f"{head} ({detail})" if detail else head


def _kind_words(sentence: Sentence) -> str:
    return ", ".join(dict.fromkeys(flag.kind.label for flag in sentence.flags))


def claim_lines(analysis: Analysis, claim: ClaimReview) -> list[str]:
    """One claim for the terminal: number, verdict, kinds and source, the sentence, the note."""
    sentence = analysis.sentences[claim.sentence]
    sources = ", ".join(printable(s.name) for s in claim_sources(analysis, sentence))
    head = f"{claim.number:>3}  {claim.verdict!s:<10}  {_kind_words(sentence)}"
    if sources:
        head += f" · {sources}"
    lines = [head, f"     {printable(claim.text)}"]
    if claim.note:
        lines.append(f"     note: {printable(claim.note)}")
    if claim.updated:
        lines.append(f"     updated {when(claim.updated)}")
    return lines


def review_text(analysis: Analysis, review: ArticleReview, only: int | None = None) -> str:
    """The review as plain lines for a terminal (``only``: just that claim number)."""
    if only is not None:
        return "\n".join(claim_lines(analysis, review.claims[only - 1])) + "\n"
    title = printable(analysis.title or source_label(review.article.source))
    lines = [title, f"{printable(source_label(review.article.source))}", verdict_tally(review), ""]
    if not review.claims:
        lines.append("No flagged claims.")
    for claim in review.claims:
        lines += claim_lines(analysis, claim)
    if review.orphaned:
        lines += ["", f"Orphaned (kept, matching no claim now): {len(review.orphaned)}"]
        for orphan in review.orphaned:
            note = f" · note: {printable(orphan.note)}" if orphan.note else ""
            lines.append(f"  {orphan.verdict!s:<10} {printable(orphan.text)}{note} ({orphan.why})")
    return "\n".join(lines) + "\n"


def history_text(entries: list[HistoryEntry]) -> str:
    """The history as lines for a terminal, newest first."""
    if not entries:
        return "No articles opened yet.\n"
    lines = []
    for entry in entries:
        title = printable(entry.title or "untitled")
        where = printable(source_label(entry.source))
        lines.append(
            f"{when(entry.opened)}  {entry.checked}/{entry.claims} checked  {title} · {where}"
        )
    return "\n".join(lines) + "\n"


def markdown_review_claims(analysis: Analysis, review: ArticleReview) -> list[str]:
    """The Markdown "Claims" section with each claim's verdict and note, numbered as on screen."""
    lines = ["## Claims", "", f"{verdict_tally(review)}.", ""]
    if not review.claims:
        lines += ["No sentence was flagged.", ""]
    for claim in review.claims:
        sentence = analysis.sentences[claim.sentence]
        lines.append(f"{claim.number}. > {printable(claim.text)}")
        facts = [f"Kinds: {_kind_words(sentence)}"]
        sources = claim_sources(analysis, sentence)
        if sources:
            named = ", ".join(f"{printable(s.name)} ({s.kind})" for s in sources)
            facts.append(f"Source: {named}")
        lines.append("   - " + " · ".join(facts))
        for flag in sentence.flags:
            lines.append(f"   - **{printable(flag.cue)}**: {printable(flag.why)}")
        stamp = f" ({when(claim.updated)})" if claim.updated else ""
        lines.append(f"   - **Verdict: {claim.verdict}**{stamp}")
        if claim.note:
            lines.append(f"   - Note: {printable(claim.note)}")
    lines.append("")
    if review.orphaned:
        lines += [
            "### Verdicts on sentences no longer found",
            "",
            "Kept from an earlier reading; the article is split or flagged differently now.",
            "",
        ]
        for orphan in review.orphaned:
            note = f" Note: {printable(orphan.note)}" if orphan.note else ""
            lines.append(
                f"- > {printable(orphan.text)}\n  - **Verdict: {orphan.verdict}** "
                f"({orphan.why}, {when(orphan.updated)}).{note}"
            )
        lines.append("")
    return lines


def markdown_sources(analysis: Analysis) -> list[str]:
    """The Markdown "Sources" section: who the claims rest on, vague sources first (nothing
    when the analysis names no source)."""
    listed = sources_by_weight(analysis)
    if not listed:
        return []
    lines = ["## Sources", ""]
    for source, numbers in listed:
        count = f"{len(numbers)} claim" + ("" if len(numbers) == 1 else "s")
        which = f" ({', '.join(str(n) for n in numbers)})" if numbers else ""
        lines.append(f"- {printable(source.name)} ({source.kind}): {count}{which}")
    lines.append("")
    return lines
