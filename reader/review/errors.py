"""Faults of the review store that a person can act on."""

from __future__ import annotations

from reader.errors import ReaderError


class StoreError(ReaderError):
    """The review store cannot be used: read-only, busy, or written by a newer reader."""

    exit_code = 5


class StoreBusyError(StoreError):
    """Another program held the store's lock for longer than the reader waits."""
