"""Where the review store lives: the user's data directory, or ``$READER_DATA_DIR``."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_VARIABLE = "READER_DATA_DIR"
"""The environment variable that moves the data directory (tests, several desks, a USB key)."""

STORE_NAME = "reviews.sqlite3"
"""The store's file name inside the data directory."""


def data_dir() -> Path:
    """The directory that holds the review store (on Linux ``~/.local/share/reader``)."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("reader", appauthor=False))


def store_path() -> Path:
    """The review store's file."""
    return data_dir() / STORE_NAME
