"""Storage: opening the database, writes, and the append-only review log.

The schema itself lives in claims.schema.

Everything goes through SQLite via sqlite-utils. Every write happens inside
`write_transaction`, which begins IMMEDIATE so that a second writer waits on
the busy timeout instead of failing half way with "database is locked".
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import time
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import sqlite_utils

from claims.matching import match_missing_keys
from claims.model import (
    EDITABLE_FIELDS,
    EXTRACTOR_VERSION,
    KINDS,
    NUMERIC_FIELDS,
    STATUSES,
    ClaimsError,
    ConflictError,
    ExtractedClaim,
    normalise_published,
    parse_number,
    period_bounds,
    safe_period_bounds,
)
from claims.normalise import key_columns, key_fingerprint
from claims.schema import CLAIM_KEY_INDEX, migrations

BUSY_TIMEOUT_SECONDS = 30

SOURCE_FIELDS = ("url", "title", "publisher", "author", "published", "retrieved", "language")


def now_utc() -> str:
    """The current time as ISO 8601 text in UTC (seconds precision)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


# ---------------------------------------------------------------- opening


class NewerLedgerError(ClaimsError):
    """The ledger records a migration this version does not know: it was made newer."""


class DamagedLedgerError(ClaimsError):
    """SQLite found the file damaged (a page overwritten, a file cut short)."""


# What SQLite says of a damaged file: SQLITE_CORRUPT ("database disk image is
# malformed") and SQLITE_NOTADB ("file is not a database").
_DAMAGE_WORDS = ("malformed", "not a database", "disk image")


def is_damage(exc: BaseException) -> bool:
    """Whether an error is SQLite reporting a damaged database file."""
    return isinstance(exc, sqlite3.DatabaseError) and any(w in str(exc) for w in _DAMAGE_WORDS)


def damaged_message(path: str | Path | None) -> str:
    """What to tell a user whose ledger file is damaged, and how to check and recover."""
    name = str(path) if path else "The ledger file"
    shown = path or "FILE"
    return (
        f"{name} is damaged (SQLite reports: database disk image is malformed). Check it "
        f"with `sqlite3 {shown} 'PRAGMA integrity_check'`; then restore it from a backup, "
        f"or rebuild it from an export: `python -m claims init --no-samples --db NEW.db` and "
        f"`python -m claims import EXPORT --db NEW.db`."
    )


def ledger_path(db: sqlite_utils.Database) -> str | None:
    """The file a connection has open, for messages (None in memory)."""
    try:
        row = db.execute("PRAGMA database_list").fetchone()
    except sqlite3.Error:
        return None
    return row[2] if row and row[2] else None


def raise_if_damaged(db: sqlite_utils.Database, exc: BaseException) -> None:
    """Turn SQLite's report of a damaged file into the message that says what to do:
    a loop that goes on past one bad item must not go on past a damaged ledger."""
    if is_damage(exc):
        raise DamagedLedgerError(damaged_message(ledger_path(db))) from None


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open the ledger at `path` for writing, creating it if the file is missing or empty.

    For the commands that make a ledger by design (init, ingest, import) and the
    dashboard. An older ledger is upgraded; another application's database is refused.
    """
    return _open_for_writing(Path(path), create=True)


def open_existing(path: str | Path) -> sqlite_utils.Database:
    """Open a ledger that must already exist, for writing (status, rekey, reextract)."""
    return _open_for_writing(Path(path), create=False)


def open_for_reading(path: str | Path) -> sqlite_utils.Database:
    """Open an existing ledger read-only: the file is never changed, not even upgraded.

    Commands that only read (stats, export, groups) must not turn another
    application's database into a ledger, switch its journal to WAL or migrate an
    old ledger behind its owner's back: what is not a ledger of this version's
    schema or a newer one is refused with a message saying what to do.
    """
    path = Path(path)
    _refuse_folder_or_missing(path)
    try:
        db = sqlite_utils.Database(_read_only_connection(path))
        try:
            _refuse_unless_a_ledger(db, path, empty_is_fine=False)
            if migrations.pending(db) and not _unknown_migrations(db):
                raise ClaimsError(
                    f"{path} is a ledger of an older version; reading does not upgrade it: "
                    f"run `python -m claims init --db {path}` first."
                )
        except BaseException:
            db.close()
            raise
    except sqlite3.DatabaseError as exc:
        if is_damage(exc) and path.stat().st_size > 0 and _starts_as_sqlite(path):
            raise DamagedLedgerError(damaged_message(path)) from None
        raise ClaimsError(f"Cannot open {path} as a claims database: {exc}.") from None
    return db


def _starts_as_sqlite(path: Path) -> bool:
    """Whether the file has SQLite's header: a damaged ledger, not some other file."""
    with path.open("rb") as fh:
        return fh.read(16) == b"SQLite format 3\x00"


def newer_version_notice(db: sqlite_utils.Database, path: str | Path) -> str | None:
    """What to tell a reader of a ledger made by a newer version, or None."""
    unknown = _unknown_migrations(db)
    if not unknown:
        return None
    return (
        f"{path} was written by a newer version of the claims ledger (it records "
        f"migration {unknown[-1]!r}, unknown to this one); it is open read-only."
    )


# What a database file holds, as far as opening it is concerned.
_EMPTY, _LEDGER, _FOREIGN = "empty", "ledger", "foreign"


def _contents(db: sqlite_utils.Database) -> str:
    """Whether the file holds nothing, a claims ledger, or something else."""
    if not db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        return _EMPTY
    # Every ledger, from the first version on, records its migrations.
    return _LEDGER if migrations.applied(db) else _FOREIGN


def _unknown_migrations(db: sqlite_utils.Database) -> list[str]:
    """Migrations the ledger records that this code does not have, oldest first."""
    known = {m.name for m in migrations._migrations}  # sqlite-utils lists them no other way
    return [m.name for m in migrations.applied(db) if m.name not in known]


def _refuse_unless_a_ledger(db: sqlite_utils.Database, path: Path, *, empty_is_fine: bool) -> None:
    """ClaimsError, naming what the file is, unless it holds a ledger (or may be empty)."""
    contents = _contents(db)
    if contents == _FOREIGN:
        raise ClaimsError(
            f"{path} is not a claims ledger (it holds another application's tables); "
            "it was left unchanged. Give --db a ledger, or a new file name to create one."
        )
    if contents == _EMPTY and not empty_is_fine:
        raise ClaimsError(_empty_message(path))


def _empty_message(path: Path) -> str:
    return (
        f"{path} is empty, not a claims ledger yet; "
        f"run `python -m claims init --db {path}` to make it one."
    )


def _refuse_folder_or_missing(path: Path) -> None:
    if path.is_dir():
        raise ClaimsError(f"{path} is a folder, not a database file.")
    if not path.exists():
        raise ClaimsError(f"No database at {path}; run `python -m claims init` first.")


def _read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to the file (SQLite's mode=ro)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = _sqlite_connect(uri, uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        if _writable(path):
            raise
        # A WAL ledger on a read-only filesystem: SQLite cannot make the shared-memory
        # file readers need, but nothing can change the file there, so read it as is.
        conn = _sqlite_connect(f"{uri}&immutable=1", uri=True)
    return conn


def _sqlite_connect(target: str, *, uri: bool = False) -> sqlite3.Connection:
    # check_same_thread=False: Streamlit reruns a page on another thread of the same
    # session; each connection is still used by one run at a time.
    conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False, uri=uri)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
    return conn


def _writable(path: Path) -> bool:
    """Whether this process may write the file and the journal files beside it."""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def _read_only_message(path: Path) -> str:
    return (
        f"{path} is read-only (its permissions or a read-only filesystem); "
        "this command writes to the ledger, so it cannot run here."
    )


def _check_before_writing(path: Path, *, create: bool) -> None:
    """Refuse, without changing it, a file this command must not write to."""
    if path.is_dir() or not create:
        _refuse_folder_or_missing(path)
    if not path.exists() or path.stat().st_size == 0:
        if not create:
            raise ClaimsError(_empty_message(path))
        return
    db = sqlite_utils.Database(_read_only_connection(path))
    try:
        _refuse_unless_a_ledger(db, path, empty_is_fine=create)
        if unknown := _unknown_migrations(db):
            raise NewerLedgerError(
                f"{path} was written by a newer version of the claims ledger (it records "
                f"migration {unknown[-1]!r}, unknown to this one); this version only "
                "reads it, so it will not write to it. Upgrade the software to change it."
            )
    finally:
        db.close()
    if not _writable(path):
        raise ClaimsError(_read_only_message(path))


def _open_for_writing(path: Path, *, create: bool) -> sqlite_utils.Database:
    if str(path) == ":memory:":
        db = sqlite_utils.Database(_sqlite_connect(":memory:"))
        db.execute("PRAGMA foreign_keys = ON")
        migrate(db)
        _adopt_key_fingerprint(db)
        return db
    try:
        _check_before_writing(path, create=create)
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = _sqlite_connect(str(path))
        conn.execute("PRAGMA foreign_keys = ON")
        _use_wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        db = sqlite_utils.Database(conn)
        migrate(db)
        _adopt_key_fingerprint(db)
    except sqlite3.DatabaseError as exc:
        if _says_read_only(exc) or (path.parent.exists() and not _writable(path)):
            raise ClaimsError(_read_only_message(path)) from None
        if is_damage(exc) and path.exists() and _starts_as_sqlite(path):
            raise DamagedLedgerError(damaged_message(path)) from None
        raise ClaimsError(f"Cannot open {path} as a claims database: {exc}.") from None
    except OSError as exc:  # its folder could not be made: permissions, a read-only disk
        raise ClaimsError(f"Cannot create {path}: {exc.strerror or exc}.") from None
    return db


def _says_read_only(exc: sqlite3.Error) -> bool:
    return "readonly" in str(exc) or "read-only" in str(exc)


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch the database to write-ahead logging (it stays so once switched).

    The switch needs the file to itself for a moment: when several processes open a
    new database at the same instant, SQLite answers "database is locked" at once
    rather than waiting, so wait here, up to the busy timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(0.02)


def _has_meta(db: sqlite_utils.Database) -> bool:
    return db["meta"].exists()


def migrate(db: sqlite_utils.Database) -> None:
    """Apply pending schema migrations; applying twice changes nothing.

    Several processes may open a new database at once (the dashboard and a bulk
    ingest): the first to take the write lock migrates, the others wait for it
    and then find nothing left to do.
    """
    if not migrations.pending(db):
        return
    with write_transaction(db):
        migrations.apply(db)


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The rowid of the row an INSERT just wrote (sqlite3 leaves it None only before one)."""
    rowid = cursor.lastrowid
    assert rowid is not None, "an INSERT sets lastrowid"
    return rowid


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One logical write: BEGIN IMMEDIATE ... COMMIT, rolled back on any error."""
    conn = db.conn
    if conn.in_transaction:
        # Nested inside a caller's transaction: it owns commit and rollback.
        yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except sqlite3.OperationalError as exc:
        conn.rollback()
        if _says_read_only(exc):
            # A ledger opened read-only (made by a newer version, or on a read-only disk):
            # the user is told why the change was not made, not shown SQLite's words.
            raise ClaimsError("This ledger is open read-only; nothing was changed.") from None
        raise
    except BaseException:
        conn.rollback()
        raise
    else:
        conn.commit()


# Re-keying more rows than this drops the key index and builds it again after:
# updating a million rows through the index is five times slower than rebuilding it.
_REBUILD_INDEX_ABOVE = 50_000


# meta holds counters; this one row holds a text: the fingerprint (normalise.
# key_fingerprint) of the synonym table and key rules the stored keys were made with.
_KEYS_MADE_WITH = "claim_keys_made_with"


def keys_made_with(db: sqlite_utils.Database) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [_KEYS_MADE_WITH]).fetchone()
    return row[0] if row else None


def _record_key_fingerprint(db: sqlite_utils.Database) -> None:
    db.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        [_KEYS_MADE_WITH, key_fingerprint()],
    )


def _adopt_key_fingerprint(db: sqlite_utils.Database) -> None:
    """A ledger with no claims yet takes this process's key rules as its own."""
    if keys_made_with(db) is None and not db.execute("SELECT 1 FROM claims LIMIT 1").fetchone():
        with write_transaction(db):
            _record_key_fingerprint(db)


def keys_are_stale(db: sqlite_utils.Database) -> bool:
    """Whether the stored claim keys were made with another synonym table or older key
    rules than this process uses (a ledger whose claims predate the record counts)."""
    made_with = keys_made_with(db)
    if made_with == key_fingerprint():
        return False
    return made_with is not None or bool(db.execute("SELECT 1 FROM claims LIMIT 1").fetchone())


def stale_keys_notice(db: sqlite_utils.Database) -> str | None:
    if not keys_are_stale(db):
        return None
    return (
        "The claims' comparable keys were made with another synonym table or older key "
        "rules, so some figures may not line up: run `python -m claims rekey` (or `init`)."
    )


def rekey_if_stale(db: sqlite_utils.Database) -> int | None:
    """Re-key every claim when the keys are stale (None when they are not)."""
    return recompute_claim_keys(db) if keys_are_stale(db) else None


def recompute_claim_keys(
    db: sqlite_utils.Database,
    *,
    only_missing: bool = False,
    batch_size: int = 20_000,
    match: bool = True,
) -> int:
    """Store the normalised key of every claim (or of those without one); returns how many.

    Run it after editing data/synonyms*.csv. `only_missing` re-keys only rows
    written by something that bypassed add_claims (bulk loaders, old copies).
    Works in id order, a batch at a time, so memory stays flat at any size.
    `match=False` stores the keys the claims' fields give without lining claims up
    across articles (claims.matching): a migration uses it, since matching reads
    columns later migrations add.
    """
    condition = "metric_key IS NULL" if only_missing else "1"
    todo = db.execute(f"SELECT count(*) FROM claims WHERE {condition}").fetchone()[0]
    rebuild_index = todo > _REBUILD_INDEX_ABOVE
    if rebuild_index:
        db.execute("DROP INDEX IF EXISTS idx_claims_key")
    try:
        count = _store_claim_keys(db, condition, batch_size, match)
        if not only_missing and _has_meta(db):
            with write_transaction(db):
                _record_key_fingerprint(db)
        return count
    finally:
        # Also brings the index back if an earlier run was killed half way.
        db.execute(CLAIM_KEY_INDEX)


def _store_claim_keys(
    db: sqlite_utils.Database, condition: str, batch_size: int, match: bool
) -> int:
    done, last_id = 0, 0
    while True:
        rows = db.execute(
            f"SELECT id, subject, metric, unit FROM claims WHERE {condition} AND id > ? "
            "ORDER BY id LIMIT ?",
            [last_id, batch_size],
        ).fetchall()
        if not rows:
            return done
        updates = []
        for claim_id, subject, metric, unit in rows:
            keys = key_columns(subject, metric, unit)
            updates.append((keys["subject_key"], keys["metric_key"], keys["unit_key"], claim_id))
        with write_transaction(db):
            db.conn.executemany(
                "UPDATE claims SET subject_key = ?, metric_key = ?, unit_key = ? WHERE id = ?",
                updates,
            )
            if match:
                match_missing_keys(db, [claim_id for *_, claim_id in updates])
        done += len(rows)
        last_id = rows[-1][0]


# ---------------------------------------------------------------- reads


def revision(db: sqlite_utils.Database) -> int:
    """A number that grows with every write to sources, claims or reviews."""
    return db.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0]


def claims_with_nul(db: sqlite_utils.Database) -> int:
    """How many claims hold a NUL character in a text (schema.NUL_TRACKED_COLUMNS)."""
    return db.execute("SELECT value FROM meta WHERE key = 'claims_with_nul'").fetchone()[0]


def get_claim(db: sqlite_utils.Database, claim_id: int) -> dict:
    """The stored claim, or ClaimsError naming the id."""
    return _row_by_id(db, "claims", claim_id, "claim")


def get_source(db: sqlite_utils.Database, source_id: int) -> dict:
    """The stored article with its text, or ClaimsError naming the id."""
    return _row_by_id(db, "sources", source_id, "source")


def _row_by_id(db: sqlite_utils.Database, table: str, row_id: int, what: str) -> dict:
    """One row of `table` (a name of this schema, never user input) as a dict. Plain SQL:
    sqlite-utils' Table.get reads the schema on every call, which a bulk ingest paid
    for twice per article."""
    try:
        cursor = db.conn.execute(f"SELECT * FROM {table} WHERE id = ?", [int(row_id)])
    except (ValueError, TypeError, OverflowError):  # not a number, or too large for SQLite
        raise ClaimsError(f"No {what} with id {row_id}.") from None
    row = cursor.fetchone()
    if row is None:
        raise ClaimsError(f"No {what} with id {row_id}.")
    return dict(zip([c[0] for c in cursor.description], row, strict=True))


def reviews_of(db: sqlite_utils.Database, claim_id: int) -> list[dict]:
    """The claim's review history, oldest first."""
    return list(db["reviews"].rows_where("claim_id = ?", [claim_id], order_by="id"))


def stats(db: sqlite_utils.Database) -> dict:
    """Counts of sources, claims (not vanished) by status and by kind, and reviews."""

    def grouped(column: str) -> dict:
        rows = db.execute(
            f"SELECT {column}, sum(n) FROM claim_counts WHERE vanished = 0 "
            f"GROUP BY {column} HAVING sum(n) > 0"
        )
        return dict(rows.fetchall())

    by_status = grouped("status")
    by_kind = grouped("kind")
    return {
        "sources": db.execute("SELECT count(*) FROM sources").fetchone()[0],
        "claims": sum(by_kind.values()),
        "reviews": db.execute("SELECT count(*) FROM reviews").fetchone()[0],
        "by_status": {status: by_status.get(status, 0) for status in STATUSES},
        "by_kind": by_kind,
        "revision": revision(db),
    }


# ---------------------------------------------------------------- sources


def content_hash(text: str) -> str:
    """SHA-256 of the text with Unicode and whitespace normalised.

    The same article pasted with other line breaks, or fetched from a URL and
    then read from a file, hashes the same, so it is stored once.
    """
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def find_source_by_text(db: sqlite_utils.Database, text: str) -> dict | None:
    rows = list(db["sources"].rows_where("content_hash = ?", [content_hash(text)], limit=1))
    return rows[0] if rows else None


def _source_value(field: str, value: object) -> str | None:
    """A source field as stored: text or None, a date or a time in ISO 8601."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, date):  # a datetime is a date too
        return value.isoformat()
    raise ClaimsError(f"An article's {field} must be text, not {type(value).__name__}.")


def add_source(
    db: sqlite_utils.Database,
    text: str,
    claims: Iterable[ExtractedClaim] = (),
    **metadata: str | None,
) -> tuple[int, bool]:
    """Store an article and its claims in one transaction.

    Returns (source_id, created). When the same content is already stored,
    nothing is written and created is False.
    """
    if not text or not text.strip():
        raise ClaimsError("The article is empty: there is no text to store.")
    unknown = set(metadata) - set(SOURCE_FIELDS)
    if unknown:
        raise ClaimsError(f"Unknown source field(s): {', '.join(sorted(unknown))}.")
    digest = content_hash(text)
    with write_transaction(db):
        existing = db.execute("SELECT id FROM sources WHERE content_hash = ?", [digest]).fetchone()
        if existing:
            return existing[0], False
        row = {field: _source_value(field, metadata.get(field)) for field in SOURCE_FIELDS}
        row.update(text=text, content_hash=digest, added=now_utc())
        source_id = inserted_id(  # one statement, not sqlite-utils' look at the schema
            db.conn.execute(
                f"INSERT INTO sources ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
        )
        add_claims(db, source_id, claims)
    return source_id, True


def add_claims(
    db: sqlite_utils.Database, source_id: int, claims: Iterable[ExtractedClaim]
) -> list[int]:
    """Insert extracted claims of a stored source; returns their ids."""
    source = get_source(db, source_id)
    text = source["text"]
    stamp = now_utc()
    rows = [_claim_row(claim, text, source_id, source["published"], stamp) for claim in claims]
    if not rows:
        return []
    # One prepared INSERT reused for every row: sqlite-utils' insert() inspects the
    # table on each call, which made writing the dominant cost of a bulk ingest.
    columns = list(rows[0])
    sql = f"INSERT INTO claims ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    with write_transaction(db):
        ids = [inserted_id(db.conn.execute(sql, [row[c] for c in columns])) for row in rows]
        match_missing_keys(db, ids)
        return ids


def _claim_row(
    claim: ExtractedClaim, text: str, source_id: int, published: str | None, stamp: str
) -> dict:
    row = claim.to_dict()
    if not (0 <= claim.sentence_start <= claim.sentence_end <= len(text)):
        raise ClaimsError("A claim's sentence offsets fall outside its article.")
    row["sentence"] = text[claim.sentence_start : claim.sentence_end]
    row["period_start"], row["period_end"] = safe_period_bounds(claim.period)
    row.update(key_columns(claim.subject, claim.metric, claim.unit))
    row.update(
        source_id=source_id,
        published=published,
        extractor_version=EXTRACTOR_VERSION,
        created=stamp,
        updated=stamp,
    )
    return row


# ---------------------------------------------------------------- source edits

# What a person may correct about an article (its text is what was read, never edited).
EDITABLE_SOURCE_FIELDS = ("title", "publisher", "author", "url", "published")


def validate_source_field(field: str, raw: object) -> str | None:
    """Turn a person's input for a source's `field` into the stored value, or ClaimsError."""
    if field not in EDITABLE_SOURCE_FIELDS:
        raise ClaimsError(f"{field!r} is not an editable source field.")
    if field == "published":
        return normalise_published(raw)
    text = " ".join(str(raw).split()) if raw is not None else ""
    if field == "url" and text and not re.match(r"^https?://[^\s/]+", text, re.IGNORECASE):
        raise ClaimsError(f"An article's URL must start with http:// or https://, not {text!r}.")
    return text or None


def update_source(
    db: sqlite_utils.Database,
    source_id: int,
    changes: dict,
    *,
    reviewer: str,
    note: str | None = None,
) -> list[str]:
    """Correct an article's metadata as a person; one source_reviews row per changed
    field. Returns the names of the fields that changed (none: nothing written)."""
    reviewer = _require_reviewer(reviewer)
    for field in changes:
        if field not in EDITABLE_SOURCE_FIELDS:
            raise ClaimsError(f"{field!r} is not an editable source field.")
    with write_transaction(db):
        current = get_source(db, source_id)
        # Only what the person changed is checked: a form sends every field back, and an
        # old value a later rule would refuse (a URL from an import) must not block a fix.
        changed = {
            field: validate_source_field(field, raw)
            for field, raw in changes.items()
            if _folded(raw) != _folded(current[field])
        }
        changed = {f: v for f, v in changed.items() if current[f] != v}
        if not changed:
            return []
        db.table("sources").update(current["id"], changed)
        stamp = now_utc()
        db.table("source_reviews").insert_all(
            {
                "source_id": current["id"],
                "at": stamp,
                "reviewer": reviewer,
                "field": field,
                "old": current[field],
                "new": value,
                "note": (note or "").strip() or None,
            }
            for field, value in changed.items()
        )
    return list(changed)


def _folded(value: object) -> str | None:
    return " ".join(str(value).split()) or None if value is not None else None


def source_reviews_of(db: sqlite_utils.Database, source_id: int) -> list[dict]:
    """The corrections made to a source's metadata, oldest first."""
    return list(db["source_reviews"].rows_where("source_id = ?", [source_id], order_by="id"))


# ---------------------------------------------------------------- edits


def validate_field(field: str, raw: str | float | None) -> str | float | None:
    """Turn a person's input for `field` into the stored value, or ClaimsError."""
    if field not in EDITABLE_FIELDS:
        raise ClaimsError(f"{field!r} is not an editable claim field.")
    if field in NUMERIC_FIELDS:
        return parse_number(raw, field)
    text = None if raw is None else str(raw).strip()
    if field == "kind":
        if text not in KINDS:
            raise ClaimsError("kind must be numeric, quote or statement.")
        return text
    if field == "period":
        period_bounds(text)  # raises a ClaimsError naming the bad period
    return text or None


def update_claim(
    db: sqlite_utils.Database,
    claim_id: int,
    changes: dict,
    *,
    expected_version: int,
    reviewer: str,
    note: str | None = None,
    evidence_url: str | None = None,
) -> dict:
    """Change a claim's fields as a person; one review row per changed field.

    `expected_version` is the claim's version as the person read it; if
    another writer changed the claim since, ConflictError and nothing is
    written. Returns the updated claim.
    """
    reviewer = _require_reviewer(reviewer)
    cleaned = {field: validate_field(field, raw) for field, raw in changes.items()}
    with write_transaction(db):
        current = _current_for_update(db, claim_id, expected_version)
        changed = {f: v for f, v in cleaned.items() if current[f] != v}
        if not changed:
            return current
        if "period" in changed:
            period = changed["period"]
            assert not isinstance(period, float)  # validate_field keeps a period as text
            changed["period_start"], changed["period_end"] = period_bounds(period)
            changed["extracted_period"] = None  # the person's period is the claim's own
        if {"subject", "metric", "unit"} & set(changed):
            # The claim's key follows its fields, so it moves to the group it now belongs to.
            edited_claim = {**current, **changed}
            changed.update(
                key_columns(edited_claim["subject"], edited_claim["metric"], edited_claim["unit"])
            )
        edited = sorted(set(json.loads(current["edited"])) | set(cleaned) & set(changed))
        _apply(db, current, {**changed, "edited": json.dumps(edited)})
        stamp = now_utc()
        for field in cleaned:
            if field in changed:
                _append_review(
                    db,
                    claim_id,
                    stamp,
                    reviewer,
                    field,
                    current[field],
                    changed[field],
                    note,
                    evidence_url,
                )
    return get_claim(db, claim_id)


def set_status(
    db: sqlite_utils.Database,
    claim_id: int,
    status: str,
    *,
    note: str,
    reviewer: str,
    evidence_url: str | None = None,
    expected_version: int | None = None,
) -> dict:
    """Set a claim's verification status; a non-empty note is required."""
    return set_status_many(
        db,
        [claim_id],
        status,
        note=note,
        reviewer=reviewer,
        evidence_url=evidence_url,
        expected_versions=None if expected_version is None else {claim_id: expected_version},
    )[0]


def set_status_many(
    db: sqlite_utils.Database,
    claim_ids: Iterable[int],
    status: str,
    *,
    note: str,
    reviewer: str,
    evidence_url: str | None = None,
    expected_versions: dict[int, int] | None = None,
) -> list[dict]:
    """Set the status of several claims at once, all or nothing."""
    if status not in STATUSES:
        raise ClaimsError(f"Unknown status {status!r}; choose one of: {', '.join(STATUSES)}.")
    if not note or not note.strip():
        raise ClaimsError("A status change needs a note saying why.")
    reviewer = _require_reviewer(reviewer)
    evidence_url = check_evidence_url(evidence_url)
    ids = [int(i) for i in claim_ids]
    if not ids:
        raise ClaimsError("No claims selected.")
    stamp = now_utc()
    with write_transaction(db):
        for claim_id in ids:
            expected = (expected_versions or {}).get(claim_id)
            current = _current_for_update(db, claim_id, expected)
            if current["status"] == status:
                continue
            _apply(db, current, {"status": status})
            _append_review(
                db,
                claim_id,
                stamp,
                reviewer,
                "status",
                current["status"],
                status,
                note.strip(),
                evidence_url,
            )
    return [get_claim(db, claim_id) for claim_id in ids]


def _require_reviewer(reviewer: str | None) -> str:
    if not reviewer or not reviewer.strip():
        raise ClaimsError("Say who you are: a reviewer name is required for every change.")
    return reviewer.strip()


def check_evidence_url(url: str | None) -> str | None:
    if not url or not url.strip():
        return None
    url = url.strip()
    if not re.match(r"^https?://[^\s/]+", url):
        raise ClaimsError(f"Evidence URL must start with http:// or https://, not {url!r}.")
    return url


def _current_for_update(
    db: sqlite_utils.Database, claim_id: int, expected_version: int | None
) -> dict:
    current = get_claim(db, claim_id)
    if expected_version is not None and current["version"] != expected_version:
        raise ConflictError(
            f"Claim {claim_id} was changed by someone else since you opened it "
            f"(version {expected_version}, now {current['version']}); reload it and try again."
        )
    return current


def _apply(db: sqlite_utils.Database, current: dict, changes: dict) -> None:
    assignments = ", ".join(f"{column} = ?" for column in changes)
    cursor = db.execute(
        f"UPDATE claims SET {assignments}, version = version + 1, updated = ? "
        "WHERE id = ? AND version = ?",
        [*changes.values(), now_utc(), current["id"], current["version"]],
    )
    if cursor.rowcount != 1:
        raise ConflictError(f"Claim {current['id']} was changed by someone else; reload it.")


def _append_review(
    db: sqlite_utils.Database,
    claim_id: int,
    at: str,
    reviewer: str,
    field: str,
    old: object,
    new: object,
    note: str | None,
    evidence_url: str | None,
) -> None:
    db.table("reviews").insert(
        {
            "claim_id": claim_id,
            "at": at,
            "reviewer": reviewer,
            "field": field,
            "old": None if old is None else str(old),
            "new": None if new is None else str(new),
            "note": note,
            "evidence_url": evidence_url,
        }
    )
