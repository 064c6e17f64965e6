"""What an export reads: the claims with their provenance, the sources, the reviews
and the decision logs, a batch at a time.

Every export streams: claims are read in batches, in id order, and written as
they come, so memory stays bounded whatever the row count. Each claim row
carries its provenance (source URL, title, publisher, publication date, the
verbatim sentence, status, status_note - why the status was set -, edit_note -
why it was last edited -, last reviewer, last review date) and, when it is
checked against a linked official series (claims.checks), that series, its
value for the claim's period and the difference: the claims are read alone
and each batch's sources and reviews joined in Python, once per source and per
reviewed claim (see claim_batches). Every batch is read from one snapshot
(read_snapshot), so that a concurrent write cannot tear an export.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from itertools import groupby
from operator import itemgetter
from typing import Generic, NamedTuple, TypeVar

import sqlite_utils

from claims.export.columns import (
    CLAIM_COLUMNS,
    REVIEW_COLUMNS,
    REVIEW_PROVENANCE,
    SOURCE_COLUMNS,
    SOURCE_PROVENANCE,
)
from claims.export.job import Job
from claims.ledger_logs import LOGS, Log, log_count, log_records, record_json
from claims.model import EDITABLE_FIELDS
from claims.query import ClaimFilter

# Rows read per query: large enough that the per-query cost vanishes, small
# enough that a batch of Python tuples stays a few tens of MB (measured: 5,000
# holds peak RSS near 200 MB on a 1M-claim ledger, at the speed of 10,000).
BATCH_SIZE = 5_000
SOURCE_BATCH_SIZE = 200  # sources carry whole articles: smaller batches


@contextmanager
def read_snapshot(db: sqlite_utils.Database) -> Iterator[None]:
    """Read every batch from one snapshot, so that a concurrent write cannot tear the export."""
    conn = db.conn
    if conn.in_transaction:
        yield  # the caller's transaction already gives one snapshot
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.rollback()  # nothing was written; just release the snapshot


# Up to this many matching claims, SQLite may pick an index and sort; beyond,
# the claims are read in id order straight off the table (see claim_batches).
SMALL_RESULT = 20_000


def stream(
    db: sqlite_utils.Database, sql: str, params: Sequence, batch_size: int | None = None
) -> Iterator[list[tuple]]:
    """The rows of one statement, a batch of tuples at a time.

    One statement, not a query per batch: inside the export's snapshot it
    cannot tear, and whatever SQLite computes once per statement (the
    full-text match set) is computed once, not once per batch.
    """
    cursor = db.execute(sql, params)
    try:
        while rows := cursor.fetchmany(batch_size or BATCH_SIZE):
            yield rows
    finally:
        # An export abandoned half way may be collected after its database closed.
        with suppress(sqlite3.ProgrammingError):
            cursor.close()


def matching_claims(
    job: Job, where: str | None = None, params: Sequence = (), *, cap: int | None = None
) -> int:
    """How many claims the export's filter matches, and `where` (its `params`) if given.

    With `cap`, counting stops at cap + 1: a caller that only compares with a
    threshold need not count a million claims (80 ms) to learn it is past it.
    """
    matching = f"FROM claims WHERE ({job.where}) AND ({where or '1'})"
    if cap is None:
        return job.db.execute(f"SELECT count(*) {matching}", [*job.params, *params]).fetchone()[0]
    sql = f"SELECT count(*) FROM (SELECT 1 {matching} LIMIT ?)"
    return job.db.execute(sql, [*job.params, *params, cap + 1]).fetchone()[0]


# ---------------------------------------------------------------- claims with their provenance

# Claims are read alone, in id order; their sources and review logs come
# from two more queries per batch and are joined here in Python. Joined in
# SQL, every claim row looked its source up again and probed the reviews
# index, though few claims are ever reviewed; and every source's cells were
# formatted again for each of its claims.

# Sources whose provenance is kept, formatted, for the claims still to come
# (a few hundred bytes each).
SOURCE_CACHE_SIZE = 100_000

# Claim ids from first to last, both included, either end None for open;
# None for all.
IdRange = tuple[int | None, int | None] | None


class ReviewLog(NamedTuple):
    """What a claim row says of the claim's reviews."""

    status_note: str | None  # of the review that set the current status
    edit_note: str | None  # of the latest edit of a claim field (EDITABLE_FIELDS)
    last_reviewer: str | None
    last_review_date: str | None
    history: list[dict]  # every review, oldest first: REVIEW_COLUMNS from "at" on

    @property
    def provenance(self) -> tuple:
        """The values of REVIEW_PROVENANCE."""
        return self[: len(REVIEW_PROVENANCE)]


NEVER_REVIEWED = ReviewLog(None, None, None, None, [])


# What a writer keeps of one source (SourceForm.entry): a tuple of values, CSV cells
# or JSON members.
Entry = TypeVar("Entry")


@dataclass
class Batch(Generic[Entry]):
    """A batch of exported claims, with what their rows need from elsewhere."""

    rows: list[tuple]  # (source id, claim id, *the selected expressions)
    sources: Mapping[int, Entry]  # source id -> its provenance, as the writer formed it
    texts: dict[int, str]  # source id -> article text, for the sources the writer asked
    reviews: dict[int, ReviewLog]  # claim id -> its review log, for reviewed claims only


@dataclass(frozen=True)
class SourceForm(Generic[Entry]):
    """What a writer keeps of each source: SQL over sources, and the entry made of a row."""

    select: tuple[str, ...]
    entry: Callable[[tuple], Entry]  # from (source id, *the selected values)


# The provenance values themselves, for the formats that take values.
PROVENANCE_VALUES: SourceForm[tuple] = SourceForm(
    tuple(f"sources.{column}" for _, column in SOURCE_PROVENANCE), itemgetter(slice(1, None))
)


class _SourceCache(Generic[Entry]):
    """Each source's provenance, formed once and kept for the claims still to come.

    The claims of an article ingested whole are neighbours, but re-extraction
    and imports interleave articles, so a source met once may come back many
    batches later. Beyond SOURCE_CACHE_SIZE the oldest entries go.
    """

    def __init__(self, db: sqlite_utils.Database, form: SourceForm[Entry]):
        self.db = db
        self.entry = form.entry
        # The article text comes with a source's row when asked for (?2): the
        # row is being read anyway, and reading it again costs a page read.
        self.sql = (
            f"SELECT sources.id, {', '.join(form.select)}, "
            "CASE WHEN sources.id IN (SELECT value FROM json_each(?2)) THEN sources.text END "
            "FROM sources WHERE id IN (SELECT value FROM json_each(?1))"
        )
        self.entries: dict[int, Entry] = {}

    def holding(
        self, source_ids: set[int], with_text: set[int]
    ) -> tuple[Mapping[int, Entry], dict[int, str]]:
        """The cache's entries, those of `source_ids` among them; the texts of `with_text`."""
        entries = self.entries
        missing = [i for i in source_ids if i not in entries or i in with_text]
        texts: dict[int, str] = {}
        if not missing:
            return entries, texts
        while entries and len(entries) + len(missing) > SOURCE_CACHE_SIZE:
            oldest = next(iter(entries))
            if oldest in source_ids:
                break  # a batch with more sources than the cache holds: keep them all
            del entries[oldest]
        for row in self.db.execute(self.sql, [ids_param(missing), ids_param(with_text)]):
            entries[row[0]] = self.entry(row[:-1])
            if row[-1] is not None:
                texts[row[0]] = row[-1]
        return entries, texts


def claim_batches(
    job: Job,
    select: Sequence[str],
    source_form: SourceForm[Entry],
    where: str | None = None,
    params: Sequence = (),
    id_range: IdRange = None,
    texts_for: Callable[[set[int]], set[int]] | None = None,
) -> Iterator[Batch[Entry]]:
    """The claims matching the export's filter (and `where`), in id order, a batch at a time.

    `id_range` narrows them to a range of ids; `texts_for` picks, of a batch's
    sources, those whose article text the batch should bring. For a large result the claims
    table is read in rowid order (NOT INDEXED): rows then stream out already
    in order. Left to itself SQLite may walk an index such as (vanished,
    published) and sort every match before the first row comes out.
    """
    where, params = _narrowed(where, params, id_range)
    large = matching_claims(job, where, params, cap=SMALL_RESULT) > SMALL_RESULT
    sql = (
        f"SELECT claims.source_id, claims.id, {', '.join(select)} "
        f"FROM {'claims NOT INDEXED' if large else 'claims'} WHERE ({job.where}) AND {where} "
        "ORDER BY claims.id"
    )
    sources = _SourceCache(job.db, source_form)
    for rows in stream(job.db, sql, [*job.params, *params]):
        job.counts["claims"] += len(rows)
        source_ids = {row[0] for row in rows}
        with_text = texts_for(source_ids) if texts_for else set()
        provenance, texts = sources.holding(source_ids, with_text)
        yield Batch(rows, provenance, texts, _review_logs(job.db, rows))


def _narrowed(where: str | None, params: Sequence, id_range: IdRange) -> tuple[str, list]:
    """`where` AND the id range, as a condition to add to the export's, and its parameters."""
    conditions, params = [f"({where})" if where else "1"], list(params)
    first, last = id_range or (None, None)
    if first is not None:
        conditions.append("claims.id >= ?")
        params.append(first)
    if last is not None:
        conditions.append("claims.id <= ?")
        params.append(last)
    return " AND ".join(conditions), params


def claim_row_batches(job: Job) -> Iterator[list[tuple]]:
    """The exported claims as tuples of CLAIM_ROW_COLUMNS, a batch at a time."""
    select = [f"claims.{column}" for column in CLAIM_COLUMNS]
    for batch in claim_batches(job, select, PROVENANCE_VALUES):
        sources, reviews = batch.sources, batch.reviews
        yield [
            (
                *row[2:],
                *sources[row[0]],
                *reviews.get(row[1], NEVER_REVIEWED).provenance,
                *job.official_of(row[1]),
            )
            for row in batch.rows
        ]


def ids_param(ids: Iterable[int]) -> str:
    """A set of ids as one parameter, which SQL reads back with json_each."""
    return json.dumps(sorted(ids))


def _review_logs(db: sqlite_utils.Database, rows: list[tuple]) -> dict[int, ReviewLog]:
    """The review logs of the claims in `rows` (in id order, the id second) that have one.

    Read by the range of ids the rows span: one walk along the index, where
    asking for each id was a lookup per claim. The logs of claims in the range
    that are not in `rows` come too, and are never asked for; as batches never
    overlap, no review is read twice.
    """
    sql = (
        f"SELECT {', '.join(REVIEW_COLUMNS[1:])} FROM reviews "
        "WHERE claim_id BETWEEN ? AND ? ORDER BY claim_id, id"
    )
    logs = {}
    reviews = db.execute(sql, [rows[0][1], rows[-1][1]])
    for claim_id, log in groupby(reviews, key=itemgetter(0)):
        history = [dict(zip(REVIEW_COLUMNS[2:], review[1:], strict=True)) for review in log]
        last = history[-1]
        logs[claim_id] = ReviewLog(
            _status_note(history), _edit_note(history), last["reviewer"], last["at"], history
        )
    return logs


def _status_note(history: list[dict]) -> str | None:
    """The note of the review that set the claim's current status: the latest status
    review by time, then by order (a merged import may append an older one last)."""
    status_reviews = [(r["at"], n, r) for n, r in enumerate(history) if r["field"] == "status"]
    return max(status_reviews, key=itemgetter(0, 1))[2]["note"] if status_reviews else None


def _edit_note(history: list[dict]) -> str | None:
    """The note of the latest edit of a claim field (a status change is no edit)."""
    edits = [review for review in history if review["field"] in EDITABLE_FIELDS]
    return edits[-1]["note"] if edits else None


# ---------------------------------------------------------------- sources and reviews

SOURCE_SELECT = tuple((c, f"sources.{c}") for c in SOURCE_COLUMNS)
REVIEW_SELECT = tuple((c, f"reviews.{c}") for c in REVIEW_COLUMNS)


def _select_list(select: Sequence[tuple[str, str]]) -> str:
    return ", ".join(f"{expr} AS {name}" for name, expr in select)


def is_whole_ledger(claim_filter: ClaimFilter) -> bool:
    """True when the filter narrows the claims by nothing but their being current.

    Such an export is a backup: it carries every source, also an article that
    has no claim (nothing found in it, or only vanished ones), so that a
    restore brings every article back.
    """
    return replace(claim_filter, include_vanished=False).is_empty()


def decision_logs(job: Job) -> Iterator[Log]:
    """The decision logs a whole-ledger export carries (claims.ledger_logs), counted."""
    if not is_whole_ledger(job.claim_filter):
        return
    for log in LOGS:
        job.counts[log.table] = log_count(job.db, log, include_vanished=job.include_vanished)
        yield log


def log_json(job: Job, log: Log, *, typed: bool) -> list[str]:
    """The rows of a decision log as JSON lines (of the exported claims: claims.ledger_logs)."""
    records = log_records(job.db, log, typed=typed, include_vanished=job.include_vanished)
    return [record_json(record) for record in records]


def source_batches(
    job: Job, select: Sequence[tuple[str, str]] = SOURCE_SELECT
) -> Iterator[list[tuple]]:
    """The exported sources, in id order: every source for a whole-ledger export,
    else those that at least one exported claim comes from.

    INDEXED BY: left alone, SQLite answers EXISTS for a status filter through the
    status index, scanning every claim of that status once per source.
    """
    if is_whole_ledger(job.claim_filter):
        sql, params = f"SELECT {_select_list(select)} FROM sources ORDER BY sources.id", []
    else:
        sql = (
            f"SELECT {_select_list(select)} FROM sources WHERE EXISTS "
            "(SELECT 1 FROM claims INDEXED BY idx_claims_source "
            f"WHERE claims.source_id = sources.id AND ({job.where})) "
            "ORDER BY sources.id"
        )
        params = job.params
    for batch in stream(job.db, sql, params, SOURCE_BATCH_SIZE):
        job.counts["sources"] = job.counts.get("sources", 0) + len(batch)
        yield batch


def review_batches(
    job: Job, select: Sequence[tuple[str, str]] = REVIEW_SELECT
) -> Iterator[list[tuple]]:
    """The review log of the exported claims, oldest first.

    CROSS JOIN keeps reviews the outer loop, read in id order: no sort.
    """
    sql = (
        f"SELECT {_select_list(select)} "
        "FROM reviews CROSS JOIN claims ON claims.id = reviews.claim_id "
        f"WHERE ({job.where}) ORDER BY reviews.id"
    )
    for batch in stream(job.db, sql, job.params):
        job.counts["reviews"] = job.counts.get("reviews", 0) + len(batch)
        yield batch
