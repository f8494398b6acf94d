"""The review store: SQLite in WAL mode, every change in its own short transaction.

Two readers open at once, or the viewer and the command line, lose nothing: each write takes
the lock for one statement's time (``BEGIN IMMEDIATE``, so a waiting writer queues on SQLite's
busy timeout instead of failing half-way), and a verdict and a note are separate columns
written by separate statements, so setting one never overwrites the other.

:func:`open_review_store` is the only way in for the viewer and the command line: it turns
every fault of the store into a :class:`StoreOpening` with a one-line warning, never an
exception.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader.model import Analysis
from reader.review import schema
from reader.review.errors import StoreBusyError, StoreError
from reader.review.identity import article_id, sentence_digest, stored_source
from reader.review.location import store_path
from reader.review.records import (
    ArticleRecord,
    ArticleReview,
    ClaimReview,
    HistoryEntry,
    OrphanedClaim,
)
from reader.review.verdicts import Verdict

BUSY_SECONDS = 2.0
"""How long a write waits for another program's lock before it says the store is busy."""

Clock = Callable[[], str]


def utc_now() -> str:
    """The time now, UTC, ISO 8601 to the millisecond ("2026-12-06T01:02:03.456Z")."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class StoreDamagedError(Exception):
    """The file is not a readable review store (it is moved aside by :func:`open_review_store`)."""


class ReviewStore:
    """Verdicts, notes and the articles opened, in one SQLite file."""

    def __init__(self, connection: sqlite3.Connection, path: Path, clock: Clock = utc_now):
        """Use an open connection (see :meth:`connect`, which checks and migrates the file)."""
        self.path = path
        """The store's file."""
        self._connection = connection
        self._clock = clock
        self._lock = threading.Lock()

    @classmethod
    def connect(
        cls, path: Path, *, busy_seconds: float = BUSY_SECONDS, clock: Clock = utc_now
    ) -> ReviewStore:
        """Open (or create) the store at ``path``, check it and bring its schema up to date.

        Raises :class:`StoreDamagedError` for a file that is not a sound review store,
        :class:`StoreBusyError` when another program holds the lock too long, and
        :class:`StoreError` for a store written by a newer reader.
        """
        if path.exists():
            # Checked read-only first: a writing connection to a damaged file would checkpoint
            # and remove its write-ahead log on closing, and that log may hold the last notes.
            _check(path, busy_seconds)
        try:
            connection = sqlite3.connect(
                path, timeout=busy_seconds, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as error:
            raise StoreDamagedError(str(error)) from None
        try:
            _prepare(connection, busy_seconds)
        except BaseException:
            connection.close()
            raise
        return cls(connection, path, clock)

    def close(self) -> None:
        """Close the connection (everything written is already committed)."""
        with self._lock:
            self._connection.close()

    def __enter__(self) -> ReviewStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions --------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole, or rolled back whole."""
        with self._lock, _store_errors(self.path):
            connection = self._connection
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A consistent read (one snapshot of the WAL)."""
        with self._lock, _store_errors(self.path):
            connection = self._connection
            connection.execute("BEGIN")
            try:
                yield connection
            finally:
                connection.execute("COMMIT")

    # -- articles ------------------------------------------------------------------------------

    def open_article(self, analysis: Analysis) -> ArticleReview:
        """Record that ``analysis``'s article was opened, and return its review.

        Stored claims are laid over the article's claims by sentence index and text hash. A
        stored claim whose index moved but whose text is found at exactly one new place (a newer
        reader hid a paragraph earlier on) follows its text; one that matches nothing is kept
        and listed as orphaned.
        """
        identity = article_id(analysis.text)
        claims = analysis.claims
        keys = [(claim.index, sentence_digest(claim.text)) for claim in claims]
        now = self._clock()
        with self._write() as db:
            db.execute(
                """
                INSERT INTO articles (id, source, title, claims, first_opened, last_opened)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                    source = CASE WHEN excluded.source IS NULL OR excluded.source = '-'
                                  THEN coalesce(articles.source, excluded.source)
                                  ELSE excluded.source END,
                    title = coalesce(excluded.title, articles.title),
                    claims = excluded.claims,
                    last_opened = excluded.last_opened
                """,
                (identity, stored_source(analysis.source), analysis.title, len(claims), now, now),
            )
            _follow_moved_claims(db, identity, keys)
            current = set(keys)
            for sentence, digest in db.execute(
                "SELECT sentence, digest FROM claims WHERE article = ?", (identity,)
            ).fetchall():
                db.execute(
                    "UPDATE claims SET orphaned = ? WHERE article = ? AND sentence = ? "
                    "AND digest = ?",
                    (int((sentence, digest) not in current), identity, sentence, digest),
                )
            return _review(db, identity, analysis, keys)

    def article(self, identity: str) -> ArticleRecord | None:
        """The stored record of one article, if it was ever opened."""
        with self._read() as db:
            return _article(db, identity)

    def review(self, analysis: Analysis) -> ArticleReview | None:
        """The stored review of ``analysis``'s article without recording an opening, or None
        when it was never opened (claims are laid over it as :meth:`open_article` does)."""
        identity = article_id(analysis.text)
        keys = [(claim.index, sentence_digest(claim.text)) for claim in analysis.claims]
        with self._read() as db:
            if _article(db, identity) is None:
                return None
            return _review(db, identity, analysis, keys)

    def history(self, limit: int | None = None) -> list[HistoryEntry]:
        """The articles opened, newest first, with how many of their claims are checked."""
        query = """
            SELECT a.id, a.source, a.title, a.last_opened, a.claims,
                   (SELECT count(*) FROM claims AS c
                    WHERE c.article = a.id AND c.verdict != 'unchecked' AND c.orphaned = 0)
            FROM articles AS a ORDER BY a.last_opened DESC, a.rowid DESC
        """
        if limit is not None:
            query += f" LIMIT {int(limit)}"
        with self._read() as db:
            rows = db.execute(query).fetchall()
        return [HistoryEntry(*row) for row in rows]

    # -- claims --------------------------------------------------------------------------------

    def changes(self, article: str, claim: ClaimReview) -> list[tuple[str, str | None, str]]:
        """Every change to ``claim``'s verdict and note, oldest first: ``(field, new value,
        time)``. Nothing a person wrote is lost by writing over it: it stays in this log."""
        with self._read() as db:
            rows = db.execute(
                "SELECT field, new, at FROM changes WHERE article = ? AND sentence = ? "
                "AND digest = ? ORDER BY id",
                (article, claim.sentence, claim.digest),
            ).fetchall()
        return [(field, new, at) for field, new, at in rows]

    def set_verdict(self, article: str, claim: ClaimReview, verdict: Verdict) -> ClaimReview:
        """Store ``verdict`` on ``claim`` (its note is left as it is) and return the claim as
        stored now, with a note another program may have written meanwhile."""
        return self._set(article, claim, "verdict", str(verdict))

    def set_note(self, article: str, claim: ClaimReview, note: str | None) -> ClaimReview:
        """Store ``note`` on ``claim`` (empty or None removes it; the verdict is left as it is)
        and return the claim as stored now."""
        return self._set(article, claim, "note", note or None)

    def cycle_verdict(self, article: str, claim: ClaimReview) -> ClaimReview:
        """Give ``claim`` the verdict after the one stored now (read and written in one
        transaction, so a verdict another program just gave is the one cycled from)."""

        def following(stored: str | None) -> str:
            return str(_verdict(stored or str(Verdict.UNCHECKED)).next())

        return self._set(article, claim, "verdict", following)

    def _set(
        self,
        article: str,
        claim: ClaimReview,
        column: str,
        value: str | Callable[[str | None], str | None] | None,
    ) -> ClaimReview:
        """Write one column of a claim; ``value`` may be a function of the stored value."""
        if column not in ("verdict", "note"):
            raise ValueError(column)
        now = self._clock()
        key = (article, claim.sentence, claim.digest)
        with self._write() as db:
            before = db.execute(
                f"SELECT {column} FROM claims WHERE article = ? AND sentence = ? AND digest = ?",
                key,
            ).fetchone()
            if callable(value):
                value = value(None if before is None else before[0])
            db.execute(
                "INSERT INTO changes (article, sentence, digest, field, old, new, at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (*key, column, None if before is None else before[0], value, now),
            )
            db.execute(
                f"""
                INSERT INTO claims (article, sentence, digest, text, {column}, updated)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (article, sentence, digest) DO UPDATE SET
                    {column} = excluded.{column}, updated = excluded.updated, orphaned = 0
                """,
                (article, claim.sentence, claim.digest, claim.text, value, now),
            )
            verdict, note, updated = db.execute(
                "SELECT verdict, note, updated FROM claims "
                "WHERE article = ? AND sentence = ? AND digest = ?",
                key,
            ).fetchone()
        return ClaimReview(
            claim.number,
            claim.sentence,
            claim.digest,
            claim.text,
            _verdict(verdict),
            note,
            updated,
        )


@dataclass(frozen=True, slots=True)
class StoreOpening:
    """The outcome of :func:`open_review_store`: a store, or why verdicts are off."""

    store: ReviewStore | None
    """The store, or None when verdicts are off."""
    path: Path
    """The store's file (where it is, or would be)."""
    warning: str | None = None
    """One line for the person when something was wrong: a damaged store moved aside, a
    read-only directory, a busy or newer store."""


def open_review_store(
    path: Path | None = None, *, busy_seconds: float = BUSY_SECONDS, clock: Clock = utc_now
) -> StoreOpening:
    """Open the store at ``path`` (default: in the data directory); never raises for a fault of
    the store: a damaged or unreadable file is moved aside (kept) and a fresh store is used; a
    read-only directory, a lock held too long or a newer schema turn verdicts off."""
    path = path or store_path()
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return StoreOpening(
            None, path, f"verdicts are off: cannot create {directory} ({_reason(error)})"
        )
    if not _writable(directory):
        return StoreOpening(
            None, path, f"verdicts are off: the data directory {directory} is read-only"
        )
    try:
        return StoreOpening(ReviewStore.connect(path, busy_seconds=busy_seconds, clock=clock), path)
    except StoreError as error:
        return StoreOpening(None, path, f"verdicts are off: {error}")
    except StoreDamagedError as error:
        damage = str(error)
    try:
        moved = move_aside(path)
    except OSError as error:
        return StoreOpening(
            None,
            path,
            f"verdicts are off: the review store {path} is damaged ({damage}) and could not be "
            f"moved aside ({_reason(error)})",
        )
    warning = (
        f"the review store was damaged ({damage}); it was moved to {moved} and a new one begun"
    )
    try:
        store = ReviewStore.connect(path, busy_seconds=busy_seconds, clock=clock)
    except (StoreError, StoreDamagedError) as error:
        return StoreOpening(None, path, f"{warning}, which failed too: verdicts are off ({error})")
    return StoreOpening(store, path, warning)


def move_aside(path: Path) -> Path:
    """Rename a damaged store (and its WAL and shared-memory files) out of the way; keep them.

    The new name is ``<name>.damaged-<UTC time>`` (with ``-2``, ``-3``... when taken).
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    for attempt in range(1, 1000):
        suffix = f".damaged-{stamp}" + ("" if attempt == 1 else f"-{attempt}")
        target = path.with_name(path.name + suffix)
        if not target.exists():
            break
    else:
        raise FileExistsError(f"no free name beside {path}")
    os.rename(path, target)
    for companion in ("-wal", "-shm", "-journal"):
        extra = path.with_name(path.name + companion)
        if extra.exists():
            os.rename(extra, target.with_name(target.name + companion))
    return target


# -- helpers -------------------------------------------------------------------------------------


def _check(path: Path, busy_seconds: float) -> None:
    """Check an existing file without writing to it: a sound store this reader can use."""
    try:
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=busy_seconds
        )
    except sqlite3.Error as error:
        raise StoreDamagedError(str(error)) from None
    try:
        found = schema.version(connection)
        problems = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
        if problems != ["ok"]:
            raise StoreDamagedError(f"integrity check: {problems[0]}")
        if found == 0 and connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreDamagedError("a database, but not a review store")
    except sqlite3.OperationalError as error:
        if _is_busy(error):
            raise _busy(busy_seconds) from None
        raise StoreDamagedError(str(error)) from None
    except sqlite3.DatabaseError as error:
        raise StoreDamagedError(str(error)) from None
    finally:
        connection.close()
    if found > schema.LATEST:
        raise StoreError(
            f"the review store was written by a newer reader (schema {found}, this reader "
            f"knows {schema.LATEST}); update reader to use it"
        )


def _prepare(connection: sqlite3.Connection, busy_seconds: float) -> None:
    """Switch on WAL and bring the schema up to date."""
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed verdict survives a power cut, not only a crash of the program.
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
        if schema.version(connection) > schema.LATEST:
            raise StoreError("the review store was written by a newer reader")
        schema.migrate(connection)
    except sqlite3.OperationalError as error:
        if _is_busy(error):
            raise _busy(busy_seconds) from None
        raise StoreError(f"the review store cannot be used: {error}") from None
    except sqlite3.DatabaseError as error:
        raise StoreDamagedError(str(error)) from None


def _is_busy(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def _busy(seconds: float) -> StoreBusyError:
    return StoreBusyError(
        f"the review store is locked by another program (waited {seconds:g} s); try again"
    )


@contextmanager
def _store_errors(path: Path) -> Iterator[None]:
    """Turn SQLite's errors into :class:`StoreError` with one line a person can act on."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if _is_busy(error):
            raise StoreBusyError(
                f"the review store is locked by another program; nothing was saved ({error})"
            ) from None
        if "readonly" in str(error).lower():
            raise StoreError(f"the review store {path} is read-only; nothing was saved") from None
        raise StoreError(f"the review store failed: {error}") from None
    except sqlite3.DatabaseError as error:
        raise StoreError(f"the review store {path} is damaged: {error}") from None


def _writable(directory: Path) -> bool:
    """True when a file can be made in ``directory`` (tried, not guessed from permissions)."""
    try:
        fd, name = tempfile.mkstemp(dir=directory, prefix=".reader-probe-")
    except OSError:
        return False
    os.close(fd)
    os.unlink(name)
    return True


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def _verdict(word: str) -> Verdict:
    """A stored verdict; a word this reader does not know (a newer one's) reads as unchecked."""
    try:
        return Verdict(word)
    except ValueError:
        return Verdict.UNCHECKED


def _article(db: sqlite3.Connection, identity: str) -> ArticleRecord | None:
    row = db.execute(
        "SELECT id, source, title, first_opened, last_opened, claims FROM articles WHERE id = ?",
        (identity,),
    ).fetchone()
    return None if row is None else ArticleRecord(*row)


def _follow_moved_claims(
    db: sqlite3.Connection, identity: str, keys: Sequence[tuple[int, str]]
) -> None:
    """Give a stored claim its new sentence index when its text now sits at one other place."""
    rows = db.execute(
        "SELECT sentence, digest FROM claims WHERE article = ?", (identity,)
    ).fetchall()
    stored = {(sentence, digest) for sentence, digest in rows}
    current = set(keys)
    unmatched_rows = [key for key in stored if key not in current]
    free_claims = [key for key in keys if key not in stored]
    for sentence, digest in unmatched_rows:
        rows_with_text = [key for key in unmatched_rows if key[1] == digest]
        claims_with_text = [key for key in free_claims if key[1] == digest]
        if len(rows_with_text) == 1 and len(claims_with_text) == 1:
            new_sentence = claims_with_text[0][0]
            for table in ("claims", "changes"):
                db.execute(
                    f"UPDATE {table} SET sentence = ? "
                    "WHERE article = ? AND sentence = ? AND digest = ?",
                    (new_sentence, identity, sentence, digest),
                )
            free_claims.remove(claims_with_text[0])


def _review(
    db: sqlite3.Connection,
    identity: str,
    analysis: Analysis,
    keys: Sequence[tuple[int, str]],
) -> ArticleReview:
    record = _article(db, identity)
    assert record is not None
    rows = {
        (sentence, digest): (text, verdict, note, updated)
        for sentence, digest, text, verdict, note, updated in db.execute(
            "SELECT sentence, digest, text, verdict, note, updated FROM claims WHERE article = ?",
            (identity,),
        )
    }
    claims: list[ClaimReview] = []
    for number, (claim, key) in enumerate(zip(analysis.claims, keys, strict=True), start=1):
        stored = rows.pop(key, None)
        if stored is None:
            claims.append(ClaimReview(number, key[0], key[1], claim.text))
        else:
            _, verdict, note, updated = stored
            claims.append(
                ClaimReview(number, key[0], key[1], claim.text, _verdict(verdict), note, updated)
            )
    sentence_digests = {sentence_digest(sentence.text) for sentence in analysis.sentences}
    orphaned = [
        OrphanedClaim(
            sentence,
            text,
            _verdict(verdict),
            note,
            updated,
            "no longer flagged" if digest in sentence_digests else "sentence not found",
        )
        for (sentence, digest), (text, verdict, note, updated) in sorted(rows.items())
        if verdict != Verdict.UNCHECKED or note
    ]
    return ArticleReview(record, tuple(claims), tuple(orphaned))
