"""The checking desk's store: verdicts and notes on claims, and the articles opened, in SQLite.

Pure Python on the standard library's :mod:`sqlite3`; never imports Textual. The viewer and the
command line both open the store with :func:`open_review_store`, which never raises for a fault
of the store itself: a damaged file is moved aside (kept) and a fresh store is used, a read-only
data directory turns verdicts off, and either way one line says what happened.

The names below are imported on first use, so that the viewer's start-up does not wait for
SQLite (the store is opened once the article's claims are known).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.lazy import lazy_exports

if TYPE_CHECKING:
    from reader.review.errors import StoreBusyError, StoreError
    from reader.review.location import data_dir, store_path
    from reader.review.records import (
        ArticleRecord,
        ArticleReview,
        ClaimReview,
        HistoryEntry,
        OrphanedClaim,
    )
    from reader.review.store import ReviewStore, StoreOpening, open_review_store
    from reader.review.verdicts import Verdict

_LAZY = {
    "ArticleRecord": "reader.review.records",
    "ArticleReview": "reader.review.records",
    "ClaimReview": "reader.review.records",
    "HistoryEntry": "reader.review.records",
    "OrphanedClaim": "reader.review.records",
    "ReviewStore": "reader.review.store",
    "StoreBusyError": "reader.review.errors",
    "StoreError": "reader.review.errors",
    "StoreOpening": "reader.review.store",
    "Verdict": "reader.review.verdicts",
    "data_dir": "reader.review.location",
    "open_review_store": "reader.review.store",
    "store_path": "reader.review.location",
}


__getattr__ = lazy_exports(__name__, _LAZY)

__all__ = [
    "ArticleRecord",
    "ArticleReview",
    "ClaimReview",
    "HistoryEntry",
    "OrphanedClaim",
    "ReviewStore",
    "StoreBusyError",
    "StoreError",
    "StoreOpening",
    "Verdict",
    "data_dir",
    "open_review_store",
    "store_path",
]
