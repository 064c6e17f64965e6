"""Import the ledger's own exports (JSON Lines, JSON, CSV, Excel) back into a database.

Sources, claims (with every stored field, status and edit marks) and the review
history are restored; ids are new. Importing merges:

- a source whose text is already stored (same content hash) is reused, not
  duplicated;
- a claim of such a source that is already stored (same kind and offsets) is
  not added again; the file's reviews of it are merged into its log: a review
  already in the log is skipped, any other appended (the log is append-only),
  and each field those reviews changed (its status, an edited value) takes
  the file's value, unless the claim's own log changed that field later: then
  the stored value stays and the conflict is reported (see _ReviewMerge);
- reviews of new claims are appended, oldest first;
- the decision logs of a whole-ledger export (source corrections, merges,
  rejections, splits, assignment changes, comments) are put back with their
  ids mapped, a row the ledger already holds skipped, and a decision older
  than the ledger's own on the same thing reported, not put in force (see
  claims.ledger_logs); the claims' current assignees are rebuilt from their
  assignment logs (claims.team_logs).

The whole import is one transaction: a bad row leaves the database unchanged,
and the message names the row and the field. Every value is held to the
record's rules (the design notes' "The record"), not only to its column's type; two records
of one id, a status its review log does not end on, and an article over
ingest's size limit are refused too.
A claim's offsets must point at its sentence in its article, counted as ingest
counted them: in Python characters, a NUL included (ingest keeps a NUL, so
stripping it now would shift the offsets of ledgers that hold one).
Text read from CSV and Excel is un-escaped (see claims.export.safety: one apostrophe
before a formula-like start is removed; Excel's _xHHHH_ escapes are decoded).
Parquet and ClaimReview exports are for analysis and publishing, not import.
"""

from __future__ import annotations

import csv
import json
import math
import sqlite3
import zipfile
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

import sqlite_utils

from claims import store
from claims.export.columns import CLAIM_COLUMNS, INTEGER_COLUMNS, REAL_COLUMNS, REVIEW_COLUMNS
from claims.export.job import GENERATOR
from claims.export.manifest import manifest_path, sha256_of_file
from claims.export.safety import unescape_formula, xlsx_read_text
from claims.ledger_logs import BY_RECORD, BY_TABLE, LOGS, LogRestore
from claims.ledger_logs import CSV_COLUMN as LEDGER_RECORD
from claims.model import (
    EDITABLE_FIELDS,
    EXTRACTOR_VERSION,
    KINDS,
    STATUSES,
    ClaimsError,
    period_bounds,
)
from claims.normalise import key_columns
from claims.readers.article import check_text

IMPORTABLE = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".xlsx": "xlsx",
}

# Claim columns that may not be empty.
_REQUIRED_CLAIM = ("kind", "sentence", "sentence_start", "sentence_end", "surface")
_SOURCE_META = ("url", "title", "publisher", "author", "published", "retrieved", "language")
# The normalised keys are derived (and depend on the synonym lists), so they
# are not exported but recomputed here, as store.add_claims does.
_KEY_COLUMNS = ("subject_key", "metric_key", "unit_key")
_CLAIM_INSERT = tuple(c for c in CLAIM_COLUMNS if c != "id") + _KEY_COLUMNS
_REVIEW_INSERT = REVIEW_COLUMNS[1:]


def import_file(db: sqlite_utils.Database, path: str | Path) -> dict:
    """Import one export file; returns counts of what was added, matched and skipped."""
    path = Path(path)
    if not path.is_file():
        raise ClaimsError(f"No file at {path}.")
    fmt = IMPORTABLE.get(path.suffix.lower())
    if fmt is None:
        raise ClaimsError(
            f"Cannot import {path.name}: the ledger imports its own .jsonl, .json, .csv and "
            ".xlsx exports (Parquet and ClaimReview exports are one-way)."
        )
    loader = _Loader(db)
    try:
        with store.write_transaction(db):
            try:
                READERS[fmt](loader, path)
                loader.finish()
            except ClaimsError as exc:
                # Said every time: the transaction is rolled back, and a person must know.
                raise ClaimsError(f"{exc} Nothing was imported.") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ClaimsError(f"{path.name} is not a readable {fmt} export: {exc}.") from None
    except sqlite3.Error as exc:
        # Every value is checked before it is written; this is the net under that.
        raise ClaimsError(f"{path.name} could not be imported: {exc}.") from None
    except OSError as exc:
        raise ClaimsError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    return {
        "format": fmt,
        **loader.counts,
        "conflicts": loader.conflicts,
        "manifest": _manifest_check(path),
    }


def _manifest_check(path: Path) -> str:
    """Whether the file still matches the SHA-256 its manifest recorded."""
    beside = manifest_path(path)
    if not beside.exists():
        return "absent"
    try:
        recorded = json.loads(beside.read_text(encoding="utf-8")).get("sha256")
    except (json.JSONDecodeError, OSError, AttributeError):
        return "unreadable"
    return "matches" if recorded == sha256_of_file(path) else "differs (file changed since export)"


# ---------------------------------------------------------------- loading records


class _Loader:
    """Turns exported records into rows, mapping the file's ids to the database's."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.sources: dict[int, int] = {}  # file source id -> stored id
        self.matched_sources: set[int] = set()  # stored ids that existed before
        self.claims: dict[int, int] = {}  # file claim id -> stored id
        # Claim ids given to more than one claim: which one a review belongs to is unknowable.
        self.duplicate_claims: set[int] = set()
        self._article: tuple[int | None, str] = (None, "")  # see _article_text
        self.stamp = store.now_utc()
        # Claims stored before this import end here: those above it come from the file.
        self.last_claim_before = db.execute("SELECT max(id) FROM claims").fetchone()[0] or 0
        self.merge = _ReviewMerge(db)
        self.logs = LogRestore(db, _as_text, _as_int)
        self.counts = {
            "sources_added": 0,
            "sources_matched": 0,
            "claims_added": 0,
            "claims_skipped": 0,
            "reviews_added": 0,
            "reviews_skipped": 0,
        }
        self.conflicts = self.merge.conflicts

    def log_row(self, table: str, record: object) -> None:
        """A row of a decision log (claims.ledger_logs), written in finish."""
        self.logs.add(BY_TABLE[table], record)

    def source(self, record: dict) -> None:
        file_id = _as_int(record.get("id"), "source id")
        if file_id in self.sources:
            # Its claims would be attached to whichever article came last.
            raise ClaimsError(
                f"Two sources in the file have the same id, {file_id}; "
                "which article its claims come from is unknowable."
            )
        what = f"Source {file_id}"
        text = _as_text(record.get("text"), f"{what}: text")
        if not text or not text.strip():
            raise ClaimsError(f"{what} has no text; the import needs the article text.")
        # The limits of ingest: what the ledger would not take in, it does not take back.
        check_text(text, _source_label(what, record))
        digest = store.content_hash(text)
        found = self.db.execute(
            "SELECT id FROM sources WHERE content_hash = ?", [digest]
        ).fetchone()
        if found:
            self.sources[file_id] = found[0]
            self.matched_sources.add(found[0])
            self.counts["sources_matched"] += 1
            return
        row = _typed(record, (*_SOURCE_META, "added"), what, empty_is_none=True)
        row.update(text=text, content_hash=digest, added=row["added"] or self.stamp)
        columns = ", ".join(row)
        cursor = self.db.execute(
            f"INSERT INTO sources ({columns}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        self.sources[file_id] = store.inserted_id(cursor)
        self.counts["sources_added"] += 1

    def claim(self, record: dict) -> None:
        file_id = _as_int(record.get("id"), "claim id")
        if file_id in self.claims or file_id in self.duplicate_claims:
            self.duplicate_claims.add(file_id)  # refused in finish, with every such id named
            return
        file_source = _as_int(record.get("source_id"), f"source of claim {file_id}")
        source_id = self.sources.get(file_source)
        if source_id is None:
            raise ClaimsError(
                f"Claim {file_id} comes from source {file_source}, which is not in the file."
            )
        row = self._claim_row(record, file_id, source_id)
        stored = self._stored_twin(row) if source_id in self.matched_sources else None
        if stored is not None:
            self.claims[file_id] = stored
            self.merge.claim_already_stored(stored, row)
            self.counts["claims_skipped"] += 1
            return
        cursor = self.db.execute(
            f"INSERT INTO claims ({', '.join(_CLAIM_INSERT)}) "
            f"VALUES ({', '.join('?' * len(_CLAIM_INSERT))})",
            [row[c] for c in _CLAIM_INSERT],
        )
        self.claims[file_id] = store.inserted_id(cursor)
        self.counts["claims_added"] += 1

    def review(self, record: dict) -> None:
        file_claim = _as_int(record.get("claim_id"), "claim of a review")
        if file_claim not in self.claims:
            raise ClaimsError(f"A review refers to claim {file_claim}, which is not in the file.")
        claim_id = self.claims[file_claim]
        if file_claim in self.duplicate_claims:
            return  # the file is refused in finish
        row = _typed(record, _REVIEW_INSERT, f"A review of claim {file_claim}", empty_is_none=True)
        row["claim_id"] = claim_id
        for name in ("at", "reviewer", "field"):
            if not row[name]:
                raise ClaimsError(f"A review of claim {file_claim} has no {name}.")
        _check_review_values(row, f"A review of claim {file_claim}")
        if not self.merge.takes(row):
            self.counts["reviews_skipped"] += 1
            return
        self.db.execute(
            f"INSERT INTO reviews ({', '.join(_REVIEW_INSERT)}) "
            f"VALUES ({', '.join('?' * len(_REVIEW_INSERT))})",
            [row[c] for c in _REVIEW_INSERT],
        )
        self.counts["reviews_added"] += 1

    def finish(self) -> None:
        """Refuse, once every record is read, what only the whole file shows."""
        if self.duplicate_claims:
            shown = ", ".join(map(str, sorted(self.duplicate_claims)[:20]))
            raise ClaimsError(
                f"Several claims in the file have the same id ({shown}); which claim each "
                "review belongs to is unknowable."
            )
        self.merge.apply()
        self._check_statuses_follow_their_logs()
        self.logs.write(self.sources, self.claims, self.matched_sources)
        self.counts.update(self.logs.counts)
        self.conflicts.extend(self.logs.conflicts)

    def _claim_row(self, record: dict, file_id: int, source_id: int) -> dict:
        row = _typed(record, (c for c in CLAIM_COLUMNS if c != "id"), f"Claim {file_id}")
        for name in _REQUIRED_CLAIM:
            if row[name] is None or row[name] == "":
                raise ClaimsError(f"Claim {file_id} has no {name}.")
        if row["kind"] not in KINDS:
            raise ClaimsError(f"Claim {file_id} has an unknown kind {row['kind']!r}.")
        status = row["status"] or "unreviewed"
        if status not in STATUSES:
            raise ClaimsError(f"Claim {file_id} has an unknown status {status!r}.")
        _check_claim_values(row, f"Claim {file_id}")
        self._check_offsets(row, file_id, source_id)
        # Derived from period as store.add_claims derives them: never taken on trust.
        row["period_start"], row["period_end"] = _period_bounds_or_none(row["period"])
        row.update(
            source_id=source_id,
            status=status,
            surface_start=row["surface_start"] or 0,
            surface_end=row["surface_end"] or 0,
            confidence=0.5 if row["confidence"] is None else row["confidence"],
            extractor_version=row["extractor_version"] or EXTRACTOR_VERSION,
            edited=row["edited"] or "[]",
            vanished=row["vanished"] or 0,
            created=row["created"] or self.stamp,
            updated=row["updated"] or self.stamp,
        )
        row.update(key_columns(row["subject"], row["metric"], row["unit"]))
        return row

    def _article_text(self, source_id: int) -> str:
        """The stored article, kept while its claims come (they are neighbours in a file).

        Sliced in Python, as ingest made the offsets: SQLite's substr() stops
        at a NUL character, which an article may hold.
        """
        if self._article[0] != source_id:
            found = self.db.execute("SELECT text FROM sources WHERE id = ?", [source_id])
            self._article = (source_id, found.fetchone()[0])
        return self._article[1]

    def _check_offsets(self, row: dict, file_id: int, source_id: int) -> None:
        # The offsets are the evidence: they must point at the sentence in the article,
        # and the surface must lie in the article, or highlighting it fails later.
        start, end = row["sentence_start"], row["sentence_end"]
        text = self._article_text(source_id)
        if not (0 <= start <= end) or text[start:end] != row["sentence"]:
            raise ClaimsError(
                f"Claim {file_id}'s sentence does not match its article at offsets "
                f"{start}-{end}; was the file edited?"
            )
        surface_start, surface_end = row["surface_start"] or 0, row["surface_end"] or 0
        if not 0 <= surface_start <= surface_end <= len(text):
            raise ClaimsError(
                f"Claim {file_id}: surface offsets {surface_start}-{surface_end} fall outside "
                f"its article ({len(text)} characters)."
            )

    def _check_statuses_follow_their_logs(self) -> None:
        """Refuse a claim whose status is not the last word of its review log.

        The claims checked are those the file added and those whose logs it
        merged into; "last" is by review time, then by order in the log (a
        merge may append a review older than the log's own).
        """
        merged = _ids_json(self.merge.reviewed)
        found = self.db.execute(
            "SELECT id, status, logged FROM (SELECT id, status, (SELECT new FROM reviews AS r "
            "WHERE r.claim_id = claims.id AND r.field = 'status' ORDER BY r.at DESC, r.id DESC "
            "LIMIT 1) AS logged FROM claims "
            "WHERE id > ? OR id IN (SELECT value FROM json_each(?))) "
            "WHERE status IS NOT coalesce(logged, 'unreviewed') LIMIT 1",
            [self.last_claim_before, merged],
        ).fetchone()
        if found is None:
            return
        stored_id, status, logged = found
        file_id = next(f for f, s in self.claims.items() if s == stored_id)
        last_word = (
            f"its review log's last status is {logged!r}"
            if logged
            else "its review log never set a status"
        )
        raise ClaimsError(
            f"Claim {file_id}: its status is {status!r} but {last_word}; "
            "a status changes only through a review."
        )

    def _stored_twin(self, row: dict) -> int | None:
        """The id of the stored claim the row is a copy of (same article, kind and offsets)."""
        found = self.db.execute(
            "SELECT id FROM claims WHERE source_id = ? AND kind = ? AND sentence_start = ? "
            "AND sentence_end = ? AND surface_start = ? AND surface_end = ? LIMIT 1",
            [
                row["source_id"],
                row["kind"],
                row["sentence_start"],
                row["sentence_end"],
                row["surface_start"],
                row["surface_end"],
            ],
        ).fetchone()
        return found[0] if found else None


# The claim fields a review may change, and so a merge may move (see _ReviewMerge).
_MERGED_FIELDS = ("status", *EDITABLE_FIELDS)
# A split or its undo is in the claim's log too (claims.groups), as field "group":
# history that moves no field; the decision itself is a claim_splits row.
_GROUP_FIELD = "group"


class _ReviewMerge:
    """The file's reviews of claims the ledger already holds, merged into their logs.

    The log is append-only, so merging is appending what the log lacks. A field
    the file's appended reviews changed takes the file's value when the file's
    latest review of it is as late as the ledger's own (ISO UTC times compare
    as text); when the ledger reviewed it later, its value stays and the
    conflict is reported. Either way the claim's status is the `new` of its
    latest status review, as in any ledger.
    """

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        # Reviews stored before this import: only those can already hold a file's review.
        self.last_review_before = db.execute("SELECT max(id) FROM reviews").fetchone()[0] or 0
        self.stored: set[int] = set()  # claims already stored that the file has
        # stored claim id -> {field: the file's value}, for the fields that differ
        self.differences: dict[int, dict[str, object]] = {}
        # stored claim id -> {field: the time of the file's latest appended review of it}
        self.reviewed: dict[int, dict[str, str]] = {}
        self.conflicts: list[str] = []

    def claim_already_stored(self, claim_id: int, row: dict) -> None:
        self.stored.add(claim_id)
        names = (*_MERGED_FIELDS, "edited")
        # One plain query: a restore into a full ledger meets every claim here.
        current = self.db.execute(
            f"SELECT {', '.join(names)} FROM claims WHERE id = ?", [claim_id]
        ).fetchone()
        differing = {f: row[f] for f, now in zip(names, current, strict=True) if row[f] != now}
        if differing:
            self.differences[claim_id] = differing

    def takes(self, review: dict) -> bool:
        """Whether to append the review: always for a new claim, else when the log lacks it."""
        claim_id = review["claim_id"]
        if claim_id not in self.stored:
            return True
        if self._in_log(review):
            return False
        times = self.reviewed.setdefault(claim_id, {})
        times[review["field"]] = max(times.get(review["field"], ""), review["at"])
        return True

    def _in_log(self, review: dict) -> bool:
        found = self.db.execute(
            "SELECT 1 FROM reviews WHERE claim_id = ? AND id <= ? AND at = ? AND reviewer = ? "
            "AND field = ? AND old IS ? AND new IS ? AND note IS ? AND evidence_url IS ? LIMIT 1",
            [
                review["claim_id"],
                self.last_review_before,
                *(review[c] for c in ("at", "reviewer", "field", "old", "new", "note")),
                review["evidence_url"],
            ],
        ).fetchone()
        return found is not None

    def apply(self) -> None:
        """Move each merged claim's reviewed fields to the file's values, or report why not."""
        for claim_id, times in self.reviewed.items():
            differing = self.differences.get(claim_id, {})
            changes = {}
            for field, file_at in times.items():
                if field not in differing or field not in _MERGED_FIELDS:
                    continue
                local = self._latest_local_review(claim_id, field)
                if local is not None and local[0] > file_at:
                    self._report_conflict(claim_id, field, differing[field], file_at, local)
                else:
                    changes[field] = differing[field]
            if changes:
                their_edited = differing.get("edited")
                assert their_edited is None or isinstance(their_edited, str)  # a text column
                self._update(claim_id, changes, their_edited)

    def _latest_local_review(self, claim_id: int, field: str) -> tuple | None:
        return self.db.execute(
            "SELECT at, reviewer, new FROM reviews WHERE claim_id = ? AND field = ? AND id <= ? "
            "ORDER BY at DESC, id DESC LIMIT 1",
            [claim_id, field, self.last_review_before],
        ).fetchone()

    def _report_conflict(
        self, claim_id: int, field: str, theirs: object, file_at: str, local: tuple
    ) -> None:
        at, reviewer, kept = local
        self.conflicts.append(
            f"Claim {claim_id}: kept {field} {kept!r}, set by {reviewer} at {at}, over the "
            f"file's {theirs!r} of {file_at} (the file's reviews are in its log)."
        )

    def _update(self, claim_id: int, changes: dict, their_edited: str | None) -> None:
        current = store.get_claim(self.db, claim_id)
        if "period" in changes:
            changes["period_start"], changes["period_end"] = _period_bounds_or_none(
                changes["period"]
            )
        if {"subject", "metric", "unit"} & set(changes):
            merged = {**current, **changes}
            changes.update(key_columns(merged["subject"], merged["metric"], merged["unit"]))
        if their_edited is not None:
            edited = set(json.loads(current["edited"])) | set(json.loads(their_edited))
            changes["edited"] = json.dumps(sorted(edited))
        assignments = ", ".join(f"{column} = ?" for column in changes)
        self.db.execute(
            f"UPDATE claims SET {assignments}, version = version + 1, updated = ? WHERE id = ?",
            [*changes.values(), store.now_utc(), claim_id],
        )


def _source_label(what: str, record: dict) -> str:
    """The name a message gives an article: "Source 3 (its title)", as a person knows it."""
    name = record.get("title") or record.get("url")
    return f"{what} ({name:.80})" if isinstance(name, str) and name.strip() else what


def _check_claim_values(row: dict, what: str) -> None:
    """ClaimsError naming the field when a value breaks the record's rules (DESIGN.md)."""
    confidence = row["confidence"]
    if confidence is not None and not 0 <= confidence <= 1:
        raise ClaimsError(f"{what}: confidence must be from 0 to 1, not {confidence!r}.")
    low, high = row["low"], row["high"]
    if low is not None and high is not None and low > high:
        raise ClaimsError(f"{what}: low ({low!r}) is greater than high ({high!r}).")
    if row["vanished"] not in (None, 0, 1):
        raise ClaimsError(f"{what}: vanished must be 0 or 1, not {row['vanished']!r}.")
    if row["edited"] is not None:
        _check_edited(row["edited"], what)


def _check_edited(raw: str, what: str) -> None:
    # Re-extraction reads it to know what a person changed: it must stay a JSON list.
    try:
        names = json.loads(raw)
    except json.JSONDecodeError:
        names = None
    if not isinstance(names, list) or not all(name in EDITABLE_FIELDS for name in names):
        raise ClaimsError(
            f"{what}: edited must be a JSON list of editable field names "
            f"({', '.join(EDITABLE_FIELDS)}), not {raw!r:.80}."
        )


def _check_review_values(row: dict, what: str) -> None:
    """ClaimsError naming the field when a review could not have been written by the ledger."""
    if row["field"] not in _MERGED_FIELDS and row["field"] != _GROUP_FIELD:
        raise ClaimsError(
            f"{what}: field {row['field']!r:.60} is not a claim field a review changes."
        )
    if row["field"] == "status":
        for name in ("old", "new"):
            if row[name] not in STATUSES:
                raise ClaimsError(f"{what}: {name} {row[name]!r:.60} is not a status.")
    try:
        store.check_evidence_url(row["evidence_url"])
    except ClaimsError as exc:
        raise ClaimsError(f"{what}: evidence_url: {exc}") from None


def _ids_json(ids: Iterable[int]) -> str:
    return json.dumps(sorted(ids))


_INT64 = 2**63
_NUMERIC = INTEGER_COLUMNS | REAL_COLUMNS


def _typed(record: dict, names: Iterable[str], what: str, *, empty_is_none: bool = False) -> dict:
    """The record's values for `names`, each checked and turned into its column's type.

    A file is data from outside: a list, a NaN, a number past 64 bits or half
    a surrogate pair becomes a ClaimsError naming the field, not a crash.
    """
    row: dict[str, object] = {}
    for name in names:
        value = record.get(name)
        if value is None or (value == "" and (empty_is_none or name in _NUMERIC)):
            row[name] = None
        elif name in INTEGER_COLUMNS:
            row[name] = _as_int(value, f"{what}: {name}")
        elif name in REAL_COLUMNS:
            row[name] = _as_float(value, f"{what}: {name}")
        else:
            row[name] = _as_text(value, f"{what}: {name}")
    return row


def _as_int(value: object, what: str) -> int:
    try:
        number = float(value) if isinstance(value, str) else value
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            raise ValueError
        if int(number) != number or not -_INT64 <= int(number) < _INT64:
            raise ValueError
        return int(number)
    except (TypeError, ValueError, OverflowError):
        raise ClaimsError(f"{what} must be a whole number, not {value!r:.60}.") from None


def _as_float(value: object, what: str) -> float:
    try:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise ValueError
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        number = math.nan
    if not math.isfinite(number):
        raise ClaimsError(f"{what} must be a finite number, not {value!r:.60}.")
    return number


def _as_text(value: object, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ClaimsError(f"{what} must be text, not {type(value).__name__}.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ClaimsError(f"{what} is not valid Unicode text.") from None
    return value


def _period_bounds_or_none(period: str) -> tuple[str | None, str | None]:
    try:
        return period_bounds(period)
    except ClaimsError:
        return None, None


# ---------------------------------------------------------------- JSON Lines and JSON


def _read_jsonl(loader: _Loader, path: Path) -> None:
    handlers: dict[str, Callable[[dict], None]] = {
        "source": loader.source,
        "claim": loader.claim,
        "review": loader.review,
    }
    for name, log in BY_RECORD.items():
        handlers[name] = partial(loader.log_row, log.table)
    with open(path, encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                handler = handlers[record.pop("type")]
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
                raise ClaimsError(
                    f"{path.name} line {number} is not a source, claim, review or "
                    "decision-log record."
                ) from None
            handler(record)


def _read_json(loader: _Loader, path: Path) -> None:
    # A JSON document is read whole; JSON Lines is the format for streaming imports.
    try:
        with open(path, encoding="utf-8-sig") as handle:
            document = json.load(handle)
    except json.JSONDecodeError as exc:
        raise ClaimsError(f"{path.name} is not valid JSON: {exc}.") from None
    if isinstance(document, list):
        raise ClaimsError(
            f"{path.name} looks like a ClaimReview export, which is for publishing; "
            "import a json, jsonl, csv or xlsx export instead."
        )
    if not isinstance(document, dict) or document.get("format") != GENERATOR:
        raise ClaimsError(f"{path.name} is not a claim ledger JSON export.")
    for key, handler in (
        ("sources", loader.source),
        ("claims", loader.claim),
        ("reviews", loader.review),
    ):
        for record in document.get(key) or []:
            if not isinstance(record, dict):
                raise ClaimsError(f"{path.name}: an entry of {key} is not an object.")
            handler(record)
    for log in LOGS:
        rows = document.get(log.table) or []
        if not isinstance(rows, list):
            raise ClaimsError(f"{path.name}: {log.table} is not a list.")
        for record in rows:
            loader.log_row(log.table, record)


# ---------------------------------------------------------------- CSV


def _read_csv(loader: _Loader, path: Path) -> None:
    """Two passes: sources (text on the first row of each, or on every row) first, then
    claims and histories.

    Two passes let a spreadsheet user re-sort the rows before importing.
    """
    # Articles are longer than the csv module's default field limit.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    texts: dict[object, str] = {}  # source id -> its text, as the first row carrying it gave it
    for row in _csv_records(path):
        if row.get(LEDGER_RECORD):
            continue  # a decision log's row: read in the second pass
        text = row.get("source_text")
        if not text or texts.get(row.get("source_id")) == text:
            continue  # no article here, or the same again (exported with it on every row)
        texts[row.get("source_id")] = text
        loader.source(
            {
                "id": row["source_id"],
                "text": text,
                "url": row.get("source_url"),
                "title": row.get("source_title"),
                "publisher": row.get("source_publisher"),
                "published": row.get("source_published"),
                "author": row.get("source_author"),
                "retrieved": row.get("source_retrieved"),
                "language": row.get("source_language"),
                "added": row.get("source_added"),
            }
        )
    for row in _csv_records(path):
        if row.get(LEDGER_RECORD):
            _read_csv_ledger_record(loader, row[LEDGER_RECORD], path)
            continue
        source_id = _as_int(row.get("source_id"), "source_id")
        if source_id not in loader.sources:
            raise ClaimsError(
                f"{path.name}: no row carries the text of source {source_id} "
                "(the source_text column); export the file again."
            )
        if row.get("id") is None and row.get("source_text"):
            continue  # an article without claims: its row carries the source alone
        loader.claim(row)
        for review in _review_history(row, path):
            loader.review({**review, "claim_id": row["id"]})


def _read_csv_ledger_record(loader: _Loader, raw: str, path: Path) -> None:
    """A decision log's row, which a CSV carries as a JSON line (claims.ledger_logs)."""
    try:
        record = json.loads(raw)
        log = BY_RECORD[record.pop("type")]
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
        raise ClaimsError(
            f"{path.name}: a {LEDGER_RECORD} cell is not a decision-log record: {raw!r:.80}."
        ) from None
    loader.log_row(log.table, record)


def _csv_records(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"id", "source_id", "sentence"} - set(reader.fieldnames or ())
        if missing:
            raise ClaimsError(
                f"{path.name} is not a claim ledger CSV export (no {', '.join(sorted(missing))})."
            )
        for row in reader:
            yield {key: _csv_value(value) for key, value in row.items() if key is not None}


def _csv_value(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    return unescape_formula(value)


def _review_history(row: dict, path: Path) -> list[dict]:
    raw = row.get("review_history")
    if not raw:
        return []
    try:
        history = json.loads(raw)
    except json.JSONDecodeError:
        raise ClaimsError(
            f"{path.name}: claim {row.get('id')} has a broken review_history."
        ) from None
    if not isinstance(history, list) or not all(isinstance(r, dict) for r in history):
        raise ClaimsError(f"{path.name}: claim {row.get('id')} has a broken review_history.")
    return history


# ---------------------------------------------------------------- Excel


def _read_xlsx(loader: _Loader, path: Path) -> None:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ClaimsError(f"{path.name} is not a readable Excel workbook: {exc}.") from None
    try:
        missing = {"sources", "claims", "reviews"} - set(workbook.sheetnames)
        if missing:
            raise ClaimsError(
                f"{path.name} is not a claim ledger export (no sheet {', '.join(sorted(missing))})."
            )
        overflow = _overflow_parts(workbook)
        for record in _sheet_records(workbook["sources"]):
            parts = [record.get("text") or ""]
            parts += overflow.get(_as_int(record["id"], "source id"), [])
            record["text"] = "".join(parts)
            loader.source(record)
        for record in _sheet_records(workbook["claims"]):
            loader.claim(record)
        for record in _sheet_records(workbook["reviews"]):
            loader.review(record)
        for log in LOGS:
            if log.table in workbook.sheetnames:
                for record in _sheet_records(workbook[log.table]):
                    loader.log_row(log.table, record)
    finally:
        workbook.close()


def _overflow_parts(workbook) -> dict[int, list[str]]:
    """The rest of articles too long for one cell, in part order, by source id."""
    if "source_text" not in workbook.sheetnames:
        return {}
    parts: dict[int, list[tuple[int, str]]] = {}
    for record in _sheet_records(workbook["source_text"]):
        source_id = _as_int(record.get("source_id"), "source id")
        parts.setdefault(source_id, []).append(
            (_as_int(record.get("part"), "part"), record["text"])
        )
    return {key: [text or "" for _, text in sorted(value)] for key, value in parts.items()}


def _sheet_records(sheet) -> Iterable[dict]:
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if not header:
        return
    names = [str(name) if name is not None else "" for name in header]
    for values in rows:
        if values is None or all(v is None for v in values):
            continue
        yield {
            name: _xlsx_value(name, value)
            for name, value in zip(names, values, strict=False)
            if name
        }


def _xlsx_value(name: str, value: object) -> object:
    if isinstance(value, str):
        return xlsx_read_text(value)
    if name not in _NUMERIC and isinstance(value, (int, float)) and not isinstance(value, bool):
        # A spreadsheet may have turned a text such as "2023" into a number.
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    return value


READERS = {"jsonl": _read_jsonl, "json": _read_json, "csv": _read_csv, "xlsx": _read_xlsx}
