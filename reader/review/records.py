"""What the store gives back: plain frozen dataclasses, with their JSON forms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.review.verdicts import Verdict


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One article the reader opened."""

    id: str
    """SHA-256 (hex) of the article's normalised text."""
    source: str | None
    """An absolute path, a URL, ``-`` for standard input, or None when it was never named."""
    title: str | None
    first_opened: str
    """When it was first opened (ISO 8601, UTC)."""
    last_opened: str
    claims: int
    """How many claims the article had when it was last opened."""

    def to_dict(self) -> dict[str, Any]:
        """The ``article`` object of ``reader review --format json``."""
        return {"id": self.id, "source": self.source, "title": self.title}


@dataclass(frozen=True, slots=True)
class ClaimReview:
    """A flagged claim of the article as it is now, with what a person said about it."""

    number: int
    """Its position among the article's claims, from 1, as the viewer counts them."""
    sentence: int
    """The index of its sentence in the analysis."""
    digest: str
    """The hash of its sentence's text."""
    text: str
    verdict: Verdict = Verdict.UNCHECKED
    note: str | None = None
    updated: str | None = None
    """When the verdict or note last changed (ISO 8601, UTC); None when never."""


@dataclass(frozen=True, slots=True)
class OrphanedClaim:
    """A stored verdict or note whose sentence the article, as split now, no longer has."""

    sentence: int
    """The sentence index it was given under."""
    text: str
    """The sentence it was given on."""
    verdict: Verdict
    note: str | None
    updated: str
    why: str = "sentence not found"
    """Why it matches no claim now: "sentence not found" (the article is split differently, or
    its text changed) or "no longer flagged" (the sentence is there, no flag is raised on it)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, in the ``orphaned`` list of ``reader review --format json``."""
        return {
            "sentence": self.sentence,
            "text": self.text,
            "verdict": str(self.verdict),
            "note": self.note,
            "updated": self.updated,
            "why": self.why,
        }


@dataclass(frozen=True, slots=True)
class ArticleReview:
    """Everything stored about one article, laid over its current claims."""

    article: ArticleRecord
    claims: tuple[ClaimReview, ...]
    """One per flagged claim, in reading order (unchecked ones included)."""
    orphaned: tuple[OrphanedClaim, ...] = ()

    @property
    def checked(self) -> int:
        """How many claims have a verdict other than ``unchecked``."""
        return sum(1 for claim in self.claims if claim.verdict.checked)

    def for_sentence(self, index: int) -> ClaimReview | None:
        """The review of the claim on sentence ``index``, if that sentence is a claim."""
        for claim in self.claims:
            if claim.sentence == index:
                return claim
        return None

    def replaced(self, claim: ClaimReview) -> ArticleReview:
        """This review with ``claim`` (same sentence) in place of the old one."""
        claims = tuple(claim if c.sentence == claim.sentence else c for c in self.claims)
        return ArticleReview(self.article, claims, self.orphaned)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One line of the history: an article, when it was last opened, how far its check got."""

    id: str
    source: str | None
    title: str | None
    opened: str
    """When it was last opened (ISO 8601, UTC)."""
    claims: int
    checked: int

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, one item of ``reader history --format json``."""
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "opened": self.opened,
            "claims": self.claims,
            "checked": self.checked,
        }
