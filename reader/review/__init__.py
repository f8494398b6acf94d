"""The checking desk's store: verdicts and notes on claims, and the articles opened, in SQLite.

Pure Python on the standard library's :mod:`sqlite3`; never imports Textual. The viewer and the
command line both open the store with :func:`open_review_store`, which never raises for a fault
of the store itself: a damaged file is moved aside (kept) and a fresh store is used, a read-only
data directory turns verdicts off, and either way one line says what happened.
"""

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
