"""The ledger's decision logs in a backup, and putting them back in a restore.

Beside the claims' review log, people decide three more things, each kept in an
append-only log:

- source_reviews: corrections of an article's title, publisher, author, URL or
  date (store.update_source);
- key_merges: two keys' names merged into one, a merge undone, a merge rejected
  (claims.groups);
- claim_splits: a claim split off its group, or put back (claims.groups).

and teamwork keeps two more (claims.team, restored with claims.team_logs):

- assignment_log: every change of who a claim is assigned to;
- comments: each claim's comment thread.

A whole-ledger export (claims.export.reading.is_whole_ledger) carries every row of each
(of the last two, the rows of the claims it carries: a vanished claim's only
with --include-vanished, as for its reviews): JSON Lines as lines typed
"source_review", "key_merge", "claim_split", "assignment_change" and "comment"
after the reviews; JSON as lists under the tables' names; Excel as sheets of
those names; CSV as rows after the claims whose one filled cell,
`ledger_record`, is the row as a JSON line. A filtered export carries none: a
decision about a key or an article is not about the claims of one view.

A restore (claims.importer) checks every row before anything is written, maps
the file's source and claim ids to the ledger's, and skips a row the ledger
already holds (the same decision by the same person at the same time), so that
importing a file twice adds nothing. Merged into a ledger that decided the same
thing later (for an assignment: changed the same claim's assignee later), the
file's older decision is not appended (appended last, it would be the one in
force) and the conflict is reported. Comments, like source corrections, are
history: every one the ledger lacks is added.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import sqlite_utils

from claims import team_logs
from claims.model import ClaimsError
from claims.store import EDITABLE_SOURCE_FIELDS

_DECISION = ("reviewer", "at", "note")


@dataclass(frozen=True)
class Log:
    """One decision log: its table, its columns (id first) and its name as a record."""

    table: str  # also its sheet's name and its key in a JSON export
    record: str  # the "type" of its JSON Lines records
    label: str  # how a message names one of its rows
    columns: tuple[str, ...]
    actions: tuple[str, ...] = ()  # the values its action column takes, if it has one
    required: tuple[str, ...] = ()  # text columns that may not be empty
    # Rows about one claim (claim_id), exported with it: a vanished claim's rows only
    # when vanished claims are exported, so that a restore finds every row's claim.
    of_claims: bool = False


SOURCE_REVIEWS = Log(
    "source_reviews",
    "source_review",
    "Source review",
    ("id", "source_id", "at", "reviewer", "field", "old", "new", "note"),
    required=("at", "reviewer", "field"),
)
KEY_MERGES = Log(
    "key_merges",
    "key_merge",
    "Merge decision",
    (
        "id",
        "action",
        "unit_key",
        "from_subject",
        "from_metric",
        "into_subject",
        "into_metric",
        "period",
        *_DECISION,
    ),
    actions=("merge", "unmerge", "reject"),
    required=("at", "reviewer"),
)
CLAIM_SPLITS = Log(
    "claim_splits",
    "claim_split",
    "Split decision",
    (
        "id",
        "action",
        "claim_id",
        "source_id",
        "surface_start",
        "surface_end",
        "surface",
        "subject_key",
        "metric_key",
        "unit_key",
        "period",
        *_DECISION,
    ),
    actions=("split", "unsplit"),
    required=("at", "reviewer"),
)
ASSIGNMENT_LOG = Log(
    team_logs.ASSIGNMENT_LOG,
    "assignment_change",
    "Assignment change",
    ("id", "claim_id", "at", "assigned_by", "old_assignee", "new_assignee", "note"),
    required=("at", "assigned_by"),
    of_claims=True,
)
COMMENTS = Log(
    team_logs.COMMENTS,
    "comment",
    "Comment",
    ("id", "claim_id", "at", "author", "text"),
    required=("at", "author", "text"),
    of_claims=True,
)
TEAM_LOGS = (ASSIGNMENT_LOG, COMMENTS)
LOGS = (SOURCE_REVIEWS, KEY_MERGES, CLAIM_SPLITS, *TEAM_LOGS)
BY_RECORD = {log.record: log for log in LOGS}
BY_TABLE = {log.table: log for log in LOGS}

_INTEGER = frozenset({"id", "source_id", "claim_id", "surface_start", "surface_end"})
# Key columns the schema holds NOT NULL; an empty name ("") is a name all the same.
_NOT_NULL = frozenset({"unit_key", "from_subject", "from_metric", "into_subject", "into_metric"})

# A CSV export's column for these rows (see the module's docstring).
CSV_COLUMN = "ledger_record"


# ---------------------------------------------------------------- export


def _exported(log: Log, include_vanished: bool) -> str:
    """The WHERE clause of the rows an export of current claims (or of all) carries."""
    if log.of_claims and not include_vanished:
        return " WHERE claim_id IN (SELECT id FROM claims WHERE vanished = 0)"
    return ""


def log_rows(
    db: sqlite_utils.Database, log: Log, *, include_vanished: bool = True
) -> Iterator[tuple]:
    """The rows of `log`, oldest first, as tuples of log.columns."""
    where = _exported(log, include_vanished)
    yield from db.execute(f"SELECT {', '.join(log.columns)} FROM {log.table}{where} ORDER BY id")


def log_count(db: sqlite_utils.Database, log: Log, *, include_vanished: bool = True) -> int:
    """How many rows log_rows gives."""
    where = _exported(log, include_vanished)
    return db.execute(f"SELECT count(*) FROM {log.table}{where}").fetchone()[0]


def log_records(
    db: sqlite_utils.Database, log: Log, *, typed: bool, include_vanished: bool = True
) -> Iterator[dict]:
    """The rows of `log` as records, typed by "type" (log.record) for JSON Lines and CSV."""
    for row in log_rows(db, log, include_vanished=include_vanished):
        record = dict(zip(log.columns, row, strict=True))
        yield {"type": log.record, **record} if typed else record


def record_json(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


# ---------------------------------------------------------------- restore


class LogRestore:
    """The file's decision-log rows: checked as they are read, written once the claims are.

    `as_text` and `as_int` are the importer's rules for a text and a whole number,
    and the id maps given to write are its own: a decision is read as a claim is.
    """

    def __init__(
        self,
        db: sqlite_utils.Database,
        as_text: Callable[[object, str], str | None],
        as_int: Callable[[object, str], int],
    ) -> None:
        self.db = db
        self.as_text = as_text
        self.as_int = as_int
        self.pending: dict[str, dict[int, dict]] = {log.table: {} for log in LOGS}
        # Rows stored before this import: only those can already hold a file's row.
        self.last_before = {log.table: _max_id(db, log.table) for log in LOGS}
        self.counts = {f"{log.table}_{what}": 0 for log in LOGS for what in ("added", "skipped")}
        self.conflicts: list[str] = []

    def add(self, log: Log, record: object) -> None:
        """Check one row of the file (ClaimsError naming the row and field if wrong)."""
        if not isinstance(record, dict):
            raise ClaimsError(f"An entry of {log.table} is not an object.")
        file_id = self.as_int(record.get("id"), f"{log.label} id")
        what = f"{log.label} {file_id}"
        if file_id in self.pending[log.table]:
            raise ClaimsError(f"Two rows of {log.table} in the file have the same id, {file_id}.")
        row: dict[str, object] = {}
        for name in log.columns[1:]:
            value = record.get(name)
            if name in _INTEGER:
                row[name] = self.as_int(value, f"{what}: {name}")
            elif name in _NOT_NULL:
                row[name] = self.as_text("" if value is None else value, f"{what}: {name}")
            else:
                row[name] = self.as_text(None if value == "" else value, f"{what}: {name}")
        for name in log.required:
            if not row[name]:
                raise ClaimsError(f"{what} has no {name}.")
        if log.actions and row["action"] not in log.actions:
            raise ClaimsError(
                f"{what}: action must be {' or '.join(log.actions)}, not {row['action']!r:.60}."
            )
        if log is SOURCE_REVIEWS and row["field"] not in EDITABLE_SOURCE_FIELDS:
            raise ClaimsError(
                f"{what}: field {row['field']!r:.60} is not a source field a person corrects."
            )
        if log in TEAM_LOGS:
            team_logs.check_row(log.table, row, what)
        self.pending[log.table][file_id] = row

    def write(
        self, sources: dict[int, int], claims: dict[int, int], matched_sources: set[int]
    ) -> None:
        """Write the rows the ledger lacks, the file's ids mapped to the ledger's.

        `sources` and `claims` map the file's ids to the stored ones;
        `matched_sources` are the stored sources the file's articles matched.
        """
        reassigned: set[int] = set()  # claims whose assignment log this import added to
        for log in LOGS:
            for file_id, row in sorted(self.pending[log.table].items()):
                what = f"{log.label} {file_id}"
                if "source_id" in row:
                    row["source_id"] = _mapped(sources, row["source_id"], what, "source")
                if log is CLAIM_SPLITS:
                    self._check_anchor(row, what)
                    row["claim_id"] = self._split_claim(claims, row, what)
                elif log.of_claims:
                    row["claim_id"] = _mapped(claims, row["claim_id"], what, "claim")
                if self._already_stored(log, row):
                    self.counts[f"{log.table}_skipped"] += 1
                elif (later := self._later_local_decision(log, row)) is not None:
                    self._report(log, what, row, later)
                else:
                    columns = ", ".join(row)
                    self.db.execute(
                        f"INSERT INTO {log.table} ({columns}) VALUES ({', '.join('?' * len(row))})",
                        list(row.values()),
                    )
                    self.counts[f"{log.table}_added"] += 1
                    if log is SOURCE_REVIEWS and row["source_id"] in matched_sources:
                        self._report_kept_metadata(what, row)
                    if log is ASSIGNMENT_LOG:
                        reassigned.add(row["claim_id"])
        if self.counts["key_merges_added"]:
            from claims.groups import rebuild_aliases  # groups imports the exporter

            rebuild_aliases(self.db)
        team_logs.rebuild_assignments(self.db, reassigned)

    def _report_kept_metadata(self, what: str, row: dict) -> None:
        """An article already stored keeps its own metadata (a new date would re-date its
        claims, which an import does not do): a correction the file adds to its log
        but that the article does not show is reported."""
        field = row["field"]
        current = self.db.execute(
            f"SELECT {field} FROM sources WHERE id = ?", [row["source_id"]]
        ).fetchone()[0]
        if current != row["new"]:
            self.conflicts.append(
                f"{what}: source {row['source_id']} kept its {field} {current!r} over the "
                f"file's correction to {row['new']!r} of {row['at']} (the correction is in "
                "its log)."
            )

    def _check_anchor(self, row: dict, what: str) -> None:
        """A split holds for the claim at its place in the article: the place must be in it."""
        start, end = row["surface_start"], row["surface_end"]
        # Counted in Python, as ingest counted the offsets: SQLite's length() stops at a NUL.
        text = self.db.execute("SELECT text FROM sources WHERE id = ?", [row["source_id"]])
        length = len(text.fetchone()[0])
        if not 0 <= start <= end <= length:
            raise ClaimsError(
                f"{what}: surface offsets {start}-{end} fall outside its article "
                f"({length} characters)."
            )

    def _split_claim(self, claims: dict[int, int], row: dict, what: str) -> int:
        """The stored id of the split's claim: the file's claim, else the claim at its place
        (a claim of the split's article that the export left out, such as a vanished one)."""
        if row["claim_id"] in claims:
            return claims[row["claim_id"]]
        found = self.db.execute(
            "SELECT id FROM claims WHERE source_id = ? AND surface_start = ? AND surface_end = ? "
            "ORDER BY id LIMIT 1",
            [row["source_id"], row["surface_start"], row["surface_end"]],
        ).fetchone()
        if found is None:
            raise ClaimsError(
                f"{what}: claim_id {row['claim_id']} is not in the file, nor any claim at "
                f"offsets {row['surface_start']}-{row['surface_end']} of its article; "
                "export with --include-vanished."
            )
        return found[0]

    def _already_stored(self, log: Log, row: dict) -> bool:
        # A split's claim id may differ between ledgers: its place identifies it.
        names = [name for name in row if not (log is CLAIM_SPLITS and name == "claim_id")]
        same = " AND ".join(f"{name} IS ?" for name in names)
        found = self.db.execute(
            f"SELECT 1 FROM {log.table} WHERE id <= ? AND {same} LIMIT 1",
            [self.last_before[log.table], *(row[name] for name in names)],
        ).fetchone()
        return found is not None

    def _later_local_decision(self, log: Log, row: dict) -> tuple | None:
        """The ledger's own decision about the same thing, made after the file's, if any.

        The thing decided: a key's name for a merge or its undo, the pair of names
        for a rejection, a place in an article for a split, a claim's assignee for
        an assignment change. Corrections of a source and comments are history,
        not a decision in force: none is refused.
        """
        decided = "action, reviewer"  # what was decided, and who decided it
        if log is KEY_MERGES:
            where = (
                "unit_key = ? AND ((from_subject = ? AND from_metric = ?) "
                "OR (from_subject = ? AND from_metric = ? AND into_subject = ? "
                "AND into_metric = ?))"
            )
            params = [
                row["unit_key"],
                row["from_subject"],
                row["from_metric"],
                row["into_subject"],
                row["into_metric"],
                row["from_subject"],
                row["from_metric"],
            ]
        elif log is CLAIM_SPLITS:
            where = "source_id = ? AND surface_start = ? AND surface_end = ?"
            params = [row["source_id"], row["surface_start"], row["surface_end"]]
        elif log is ASSIGNMENT_LOG:
            # Its latest change says who has the claim (claims.team_logs).
            decided, where, params = "new_assignee, assigned_by", "claim_id = ?", [row["claim_id"]]
        else:
            return None
        return self.db.execute(
            f"SELECT {decided}, at FROM {log.table} WHERE id <= ? AND at > ? AND {where} "
            "ORDER BY at DESC LIMIT 1",
            [self.last_before[log.table], row["at"], *params],
        ).fetchone()

    def _report(self, log: Log, what: str, row: dict, later: tuple) -> None:
        decided, reviewer, at = later
        if log is ASSIGNMENT_LOG:
            ours, theirs = map(team_logs.change_words, (decided, row["new_assignee"]))
        else:
            ours, theirs = decided, row["action"]
        self.conflicts.append(
            f"{what}: kept the ledger's later {ours} by {reviewer} at {at} over the file's "
            f"{theirs} of {row['at']}, which was not added."
        )
        self.counts[f"{log.table}_skipped"] += 1


def _mapped(ids: dict[int, int], file_id: object, what: str, kind: str) -> int:
    assert isinstance(file_id, int)  # checked in LogRestore.add
    if file_id not in ids:
        raise ClaimsError(f"{what} refers to {kind} {file_id}, which is not in the file.")
    return ids[file_id]


def _max_id(db: sqlite_utils.Database, table: str) -> int:
    return db.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0
