"""The viewer's side of the store: one article's verdicts and notes, and what to say when the
store cannot take them. Plain Python, so the viewer's behaviour is tested without a screen.
"""

from __future__ import annotations

from pathlib import Path

from reader.model import Analysis
from reader.review.errors import StoreError
from reader.review.records import ArticleReview, ClaimReview
from reader.review.store import ReviewStore, StoreOpening
from reader.review.verdicts import Verdict


class VerdictsOff(StoreError):
    """Verdicts cannot be given now; the message says why and what to do."""


class ReviewDesk:
    """One article's review in the viewer: the claims' verdicts and notes, saved as they change.

    Every change goes to the store at once, in its own transaction. A note the store could not
    take (another program held the lock) is kept as a draft, offered again the next time the
    note is opened, so nothing a person typed is lost.
    """

    def __init__(self, opening: StoreOpening) -> None:
        """Use the store of ``opening`` (None there means verdicts are off, with its warning)."""
        self._opening = opening
        self.notice: str | None = opening.warning
        """One line to show the person once (a store moved aside, verdicts off, a busy store)."""
        self.review: ArticleReview | None = None
        """The open article's review, None until one is opened or when verdicts are off."""
        self.drafts: dict[int, str] = {}
        """Notes not saved yet, by sentence index (the store was busy)."""
        self._off_reason: str | None = opening.warning if opening.store is None else None

    @property
    def store(self) -> ReviewStore | None:
        """The store (None when verdicts are off)."""
        return self._opening.store

    @property
    def path(self) -> Path:
        """The store's file (where it is, or would be)."""
        return self._opening.path

    @property
    def enabled(self) -> bool:
        """True when verdicts can be given on the open article."""
        return self._opening.store is not None and self.review is not None

    @property
    def off_reason(self) -> str:
        """Why verdicts are off, for a notice ("" when they are on)."""
        if self.enabled:
            return ""
        return self._off_reason or "verdicts are off: no article is open yet"

    def open_article(self, analysis: Analysis) -> None:
        """Record the opening of ``analysis``'s article and load its review (on a busy store,
        verdicts stay off for this article and :attr:`notice` says why)."""
        store = self._opening.store
        self.drafts.clear()
        self.review = None
        if store is None:
            return
        try:
            self.review = store.open_article(analysis)
        except StoreError as error:
            self._off_reason = f"verdicts are off for this article: {error}"
            self.notice = self._off_reason
        else:
            self._off_reason = None

    def claim(self, sentence: int) -> ClaimReview | None:
        """The review of the claim on sentence ``sentence`` (None when off or not a claim)."""
        return None if self.review is None else self.review.for_sentence(sentence)

    def verdict(self, sentence: int) -> Verdict:
        """The claim's verdict (``unchecked`` when verdicts are off)."""
        claim = self.claim(sentence)
        return Verdict.UNCHECKED if claim is None else claim.verdict

    def progress(self) -> tuple[int, int]:
        """(checked, claims) for the header's "4/9 checked"."""
        if self.review is None:
            return (0, 0)
        return (self.review.checked, len(self.review.claims))

    def cycle_verdict(self, sentence: int) -> ClaimReview:
        """Give the claim the verdict after the one stored now (another program may have
        changed it); raises :class:`StoreError` (with a message for people) when it cannot be
        saved."""
        claim = self._claim_or_raise(sentence)
        assert self.review is not None and self._opening.store is not None
        saved = self._opening.store.cycle_verdict(self.review.article.id, claim)
        self.review = self.review.replaced(saved)
        return saved

    def set_verdict(self, sentence: int, verdict: Verdict) -> ClaimReview:
        """Save ``verdict`` on the claim; raises :class:`StoreError` when it cannot be saved."""
        claim = self._claim_or_raise(sentence)
        assert self.review is not None and self._opening.store is not None
        saved = self._opening.store.set_verdict(self.review.article.id, claim, verdict)
        self.review = self.review.replaced(saved)
        return saved

    def note_draft(self, sentence: int) -> str:
        """What the note field opens with: an unsaved draft, else the stored note."""
        if sentence in self.drafts:
            return self.drafts[sentence]
        claim = self.claim(sentence)
        return (claim.note or "") if claim else ""

    def set_note(self, sentence: int, note: str) -> ClaimReview:
        """Save ``note`` on the claim (empty removes it). When the store cannot take it, the
        note is kept as a draft and :class:`StoreError` is raised."""
        claim = self._claim_or_raise(sentence)
        assert self.review is not None and self._opening.store is not None
        try:
            saved = self._opening.store.set_note(self.review.article.id, claim, note.strip())
        except StoreError:
            self.drafts[sentence] = note
            raise
        self.drafts.pop(sentence, None)
        self.review = self.review.replaced(saved)
        return saved

    def _claim_or_raise(self, sentence: int) -> ClaimReview:
        if not self.enabled:
            raise VerdictsOff(self.off_reason)
        claim = self.claim(sentence)
        if claim is None:
            raise VerdictsOff("this sentence is not a flagged claim")
        return claim

    def close(self) -> None:
        """Close the store."""
        if self._opening.store is not None:
            self._opening.store.close()
