"""Reports of an analysis: JSON for programs, Markdown for people, plain text for pipes."""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from reader.model import Analysis, FlagKind
from reader.text.printable import json_escaped, printable
from reader.text.printable import one_line as _one_line

if TYPE_CHECKING:
    from reader.review.records import ArticleReview

FORMATS = ("json", "markdown", "text")

STDIN = "-"
"""The source of an article read from standard input."""


def to_json(analysis: Analysis, *, indent: int | None = 2) -> str:
    """The analysis in the versioned JSON schema (controls escaped, so it is safe to print)."""
    return json_escaped(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=indent))


def to_text(analysis: Analysis) -> str:
    """The clean view as plain text, paragraphs separated by blank lines.

    Control characters of the article are shown as visible stand-ins (see
    :mod:`reader.text.printable`): the text is for a terminal, and must not drive it.
    """
    return printable(analysis.clean_text + "\n")


def to_markdown(analysis: Analysis, review: ArticleReview | None = None) -> str:
    """A report for people: source, claims by kind with cue and reason, who they rest on,
    entities with counts. With a ``review``, the claims are numbered as on screen, each with
    its verdict and note: a report an editor can read.

    Control characters of the article are shown as visible stand-ins (see
    :mod:`reader.text.printable`), so a report printed to a terminal cannot drive it.
    """
    from reader.report.review import markdown_review_claims, markdown_sources

    lines: list[str] = [f"# {_one_line(analysis.title or analysis.source or 'Article')}", ""]
    if analysis.source:
        lines.append(f"- Source: {source_words(analysis.source)}")
    for key in ("site", "author", "date", "url"):
        if key in analysis.metadata:
            lines.append(f"- {key.capitalize()}: {_one_line(analysis.metadata[key])}")
    kept = len(analysis.kept_paragraphs)
    hidden = len(analysis.paragraphs) - kept
    claims = analysis.claims
    lines += [
        f"- Paragraphs: {kept} kept, {hidden} hidden",
        f"- Sentences: {len(analysis.sentences)}, of which {len(claims)} flagged",
        "",
    ]
    if review is not None:
        lines += markdown_review_claims(analysis, review)
    else:
        lines += _claims_by_kind(analysis)
    lines += markdown_sources(analysis)
    lines += ["## Entities", ""]
    if not analysis.entities:
        lines += ["No named entities were found.", ""]
    else:
        by_type = Counter(str(e.type) for e in analysis.entities)
        for entity_type in sorted(by_type):
            lines += [f"### {entity_type}", ""]
            for entity in analysis.entities:
                if str(entity.type) != entity_type:
                    continue
                others = [a for a in entity.aliases if a != entity.name]
                also = f" (also: {', '.join(others)})" if others else ""
                count = len(entity.mentions)
                noun = "mention" if count == 1 else "mentions"
                lines.append(f"- {entity.name}: {count} {noun}{also}")
            lines.append("")
    hidden_paragraphs = analysis.hidden_paragraphs
    if hidden_paragraphs:
        lines += ["## Hidden paragraphs", ""]
        for paragraph in hidden_paragraphs:
            snippet = _one_line(analysis.paragraph_text(paragraph))
            if len(snippet) > 80:
                snippet = snippet[:79] + "…"
            lines.append(f"- ¶{paragraph.index + 1} ({paragraph.reason}): {snippet}")
        lines.append("")
    return printable("\n".join(lines))


def source_words(source: str) -> str:
    """Where the article came from, for people: "standard input", or the path or URL as code."""
    if source == STDIN:
        return "standard input"
    return f"`{source}`"


def _claims_by_kind(analysis: Analysis) -> list[str]:
    """The "Claims" section without verdicts: the flagged sentences grouped by kind."""
    claims = analysis.claims
    lines = ["## Claims", ""]
    if not claims:
        lines += ["No sentence was flagged.", ""]
    for kind in FlagKind:
        label = kind.label.capitalize()
        entries = [(s, [f for f in s.flags if f.kind is kind]) for s in claims]
        entries = [(s, flags) for s, flags in entries if flags]
        if not entries:
            continue
        lines += [f"### {label} ({len(entries)})", ""]
        for sentence, flags in entries:
            lines.append(f"- > {_one_line(sentence.text)}")
            for flag in flags:
                lines.append(f"  - **{_one_line(flag.cue)}**: {flag.why}")
        lines.append("")
    return lines


def render(analysis: Analysis, fmt: str) -> str:
    """The analysis in one of :data:`FORMATS`."""
    if fmt == "json":
        return to_json(analysis) + "\n"
    if fmt == "markdown":
        return to_markdown(analysis)
    if fmt == "text":
        return to_text(analysis)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def report_filename(analysis: Analysis) -> str:
    """A file name for the Markdown report, derived from the source or the title."""
    base = Path(analysis.source).stem if analysis.source and analysis.source != STDIN else ""
    if not base or (analysis.source and "://" in analysis.source):
        base = analysis.title or "article"
    slug = re.sub(r"[^A-Za-z0-9]+", "-", base).strip("-").lower()
    if len(slug) > _SLUG_CHARS:
        cut = slug.rfind("-", 0, _SLUG_CHARS + 1)
        slug = slug[: cut if cut > _SLUG_CHARS // 2 else _SLUG_CHARS].rstrip("-")
    return f"{slug or 'article'}.report.md"


_SLUG_CHARS = 60
"""File names made from a title keep at most this many of its characters."""


def write_new_file(directory: Path, filename: str, content: str) -> Path:
    """Write ``content`` to a file that did not exist before, atomically, and return its path.

    The text goes to a temporary file first and is then linked under the final name, so a
    reader of the directory never sees half a report and no existing file is replaced. When the
    name is taken, ``-2``, ``-3``... is added before the suffix.
    """
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=".reader-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        stem, dot, suffix = filename.partition(".")
        for attempt in range(1, 1000):
            name = filename if attempt == 1 else f"{stem}-{attempt}{dot}{suffix}"
            target = directory / name
            try:
                os.link(tmp_name, target)
            except FileExistsError:
                continue
            return target
        raise FileExistsError(f"no free name for {filename} in {directory}")
    finally:
        os.unlink(tmp_name)
