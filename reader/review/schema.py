"""The store's tables, and the migrations that bring an older store up to date.

The schema version is SQLite's ``user_version``. ``MIGRATIONS[n]`` takes a store at version
``n`` to ``n + 1``; a new store runs them all from version 0, so the path an old store takes is
the path every store has taken, and the tests build a store at each old version and migrate it.
Migrations only add: no table, column or row a person wrote is ever removed.
"""

from __future__ import annotations

import sqlite3

V1 = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    source TEXT,
    title TEXT,
    claims INTEGER NOT NULL DEFAULT 0,
    first_opened TEXT NOT NULL,
    last_opened TEXT NOT NULL
);
CREATE INDEX articles_by_last_opened ON articles (last_opened);
CREATE TABLE claims (
    article TEXT NOT NULL REFERENCES articles (id),
    sentence INTEGER NOT NULL,
    digest TEXT NOT NULL,
    text TEXT NOT NULL,
    verdict TEXT NOT NULL DEFAULT 'unchecked',
    note TEXT,
    updated TEXT NOT NULL,
    orphaned INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article, sentence, digest)
);
"""
"""Version 1: one row per article opened, one per claim a person gave a verdict or note."""

V2 = """
CREATE TABLE changes (
    id INTEGER PRIMARY KEY,
    article TEXT NOT NULL,
    sentence INTEGER NOT NULL,
    digest TEXT NOT NULL,
    field TEXT NOT NULL,
    old TEXT,
    new TEXT,
    at TEXT NOT NULL
);
CREATE INDEX changes_by_claim ON changes (article, sentence, digest);
INSERT INTO changes (article, sentence, digest, field, old, new, at)
    SELECT article, sentence, digest, 'verdict', NULL, verdict, updated FROM claims
    WHERE verdict != 'unchecked';
INSERT INTO changes (article, sentence, digest, field, old, new, at)
    SELECT article, sentence, digest, 'note', NULL, note, updated FROM claims
    WHERE note IS NOT NULL;
"""
"""Version 2: every change to a verdict or note is also appended to a log, with the value it
replaced, so a note overwritten by mistake can still be read back (the rows already stored are
logged as their first change)."""

MIGRATIONS: tuple[str, ...] = (V1, V2)
"""``MIGRATIONS[n]`` is the SQL that takes a store from version ``n`` to ``n + 1``."""

LATEST = len(MIGRATIONS)
"""The schema version this reader writes."""


def version(connection: sqlite3.Connection) -> int:
    """The store's schema version (0 for a new, empty file)."""
    row = connection.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(connection: sqlite3.Connection, target: int = LATEST) -> int:
    """Bring the store up to ``target``, one version per transaction; return the old version.

    The caller checks first that the store is not newer than this reader. A migration that
    fails is rolled back whole: the store stays at the last version that completed.
    """
    start = version(connection)
    for step in range(start, target):
        connection.execute("BEGIN IMMEDIATE")
        try:
            # A second process may have migrated while this one waited for the lock.
            if version(connection) == step:
                for statement in _statements(MIGRATIONS[step]):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {step + 1}")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
    return start


def _statements(script: str) -> list[str]:
    """The statements of a migration script (split on ``;``; the scripts hold no literals
    with semicolons)."""
    return [part.strip() for part in script.split(";") if part.strip()]
