"""Exports of the claims table: CSV, JSON, JSON Lines, Excel, Parquet, ClaimReview JSON-LD.

Every export streams: claims are read in batches, in id order, and written as
they come, so memory stays bounded whatever the row count. Each claim row
carries its provenance (source URL, title, publisher, publication date, the
verbatim sentence, status, status_note - why the status was set -, edit_note -
why it was last edited -, last reviewer, last review date) and, when it is
checked against a linked official series (claims.checks), that series, its
value for the claim's period and the difference (the manifest names the series
and vintages used): the claims are read alone and each batch's sources and
reviews joined in Python, once per source and per reviewed claim (see
_claim_batches). For CSV and JSON Lines, SQLite formats a claim's own cells or
object itself, and a large export is written by several processes, each an id
range (_claim_records).

What each format holds (claims.importer reads csv, json, jsonl and xlsx back):

- csv: one row per claim: stored fields, provenance, the source's other
  metadata, `review_history` (the claim's review log as a JSON array, empty
  when never reviewed) and `source_text` - the article text, given on the
  first row of each source only, so that an article is in the file once, or
  on every row when asked (text_on_every_row: a reader filtering rows in a
  spreadsheet keeps each claim's article beside it).
  A whole-ledger export (no filter but --include-vanished) ends with a row
  for each article no exported claim comes from: claim cells empty but
  source_id, so that a restore brings it back; then a row for each row of
  the decision logs, every cell empty but `ledger_record` (claims.ledger_logs).
  Text cells are quoted, numbers bare (as csv.QUOTE_NONNUMERIC writes).
- json: {"format", "sources": [...], "claims": [...], "reviews": [...]}.
  Here and in jsonl and xlsx, a whole-ledger export carries every source;
  a filtered one, the sources of its claims (see is_whole_ledger). A
  whole-ledger export adds the decision logs, "source_reviews",
  "key_merges" and "claim_splits", and the teamwork logs, "assignment_log"
  and "comments" (claims.ledger_logs).
- jsonl: one object per line, typed by "type": every "source" line, then
  every "claim" line, then every "review" line (so an importer can stream);
  a whole-ledger export then the decision logs' lines.
- xlsx: sheets claims, sources, source_text (the rest of articles longer than
  a spreadsheet cell holds), reviews, the decision logs' sheets in a
  whole-ledger export, and export (the manifest); each with its header
  frozen, an autofilter and column widths (claims.xlsx_layout).
- parquet: the claims with provenance; the manifest in the file metadata.
- claimreview: a JSON array of schema.org ClaimReview objects, one per claim
  whose status is a verdict.

The manifest (filters, row count, export time, database revision, extractor
version, SHA-256 of the data file) sits beside the file as FILE.manifest.json;
a download is named for its ledger, filters and day (claims.export_names);
xlsx and parquet also carry it inside (without the hash: a file cannot hold
its own hash).

Entry points: FORMATS; export_bytes / export_with_manifest / export_manifest
(the dashboard: a whole file in memory, up to IN_MEMORY_LIMIT claims);
write_export (the CLI: streams to a file and writes the manifest beside it);
stream_export (to an open stream).

ClaimReview: author is the reviewing organisation (claims.config:
--org, $CLAIMS_ORG, or data/settings.toml); url, which Google requires, is the
fact-check page from the review_url template ($CLAIMS_REVIEW_URL, "{id}" for
the claim id), else the evidence link given with the verdict, else left out
(and counted in the manifest as claimreview_without_url).

Spreadsheet safety (csv and xlsx): a text cell that a spreadsheet could run
as a formula - one beginning with = + - @ tab, carriage return or NUL - gets
one leading apostrophe. So that this is reversible, a text that begins with
apostrophes followed by one of those characters gets one more apostrophe;
the importer removes exactly one apostrophe from any text matching
'^'+[=+\\-@\\t\\r\\0]'. Numbers are written as numbers and never escaped.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import math
import os
import re
import shlex
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import BinaryIO, Generic, NamedTuple, TypeVar

import sqlite_utils

from claims import config, store
from claims.export_names import export_file_name
from claims.ledger_logs import CSV_COLUMN as LEDGER_RECORD
from claims.ledger_logs import LOGS, Log, log_count, log_records, log_rows, record_json
from claims.model import EDITABLE_FIELDS, EXTRACTOR_VERSION, VERDICT_STATUSES, ClaimsError
from claims.processes import worker_pool
from claims.query import ClaimFilter, count_claims, where_clause
from claims.schema import NUL_TRACKED_COLUMNS

# Format name -> (file extension without the dot, MIME type).
FORMATS: dict[str, tuple[str, str]] = {
    "csv": ("csv", "text/csv"),
    "json": ("json", "application/json"),
    "jsonl": ("jsonl", "application/jsonl"),
    "xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "parquet": ("parquet", "application/vnd.apache.parquet"),
    "claimreview": ("jsonld", "application/ld+json"),
}

# Formats whose manifest also lives inside the file (a sheet, a metadata block).
MANIFEST_INSIDE = frozenset({"xlsx", "parquet"})

GENERATOR = "claim-ledger"
# Rows read per query: large enough that the per-query cost vanishes, small
# enough that a batch of Python tuples stays a few tens of MB (measured: 5,000
# holds peak RSS near 200 MB on a 1M-claim ledger, at the speed of 10,000).
BATCH_SIZE = 5_000
SOURCE_BATCH_SIZE = 200  # sources carry whole articles: smaller batches

# ---------------------------------------------------------------- columns

# A claim's stored fields, as exported and imported (`version` is local
# bookkeeping for concurrent edits and does not travel).
CLAIM_COLUMNS = (
    "id",
    "source_id",
    "kind",
    "sentence",
    "sentence_start",
    "sentence_end",
    "surface",
    "surface_start",
    "surface_end",
    "value",
    "low",
    "high",
    "unit",
    "approx",
    "subject",
    "metric",
    "period",
    "period_start",
    "period_end",
    "speaker",
    "speaker_org",
    "cue",
    "via",
    "hedge",
    "confidence",
    "published",
    "extractor_version",
    "status",
    "edited",
    "vanished",
    "created",
    "updated",
)

REVIEW_COLUMNS = (
    "id",
    "claim_id",
    "at",
    "reviewer",
    "field",
    "old",
    "new",
    "note",
    "evidence_url",
)

SOURCE_COLUMNS = (
    "id",
    "url",
    "title",
    "publisher",
    "author",
    "published",
    "retrieved",
    "language",
    "added",
    "content_hash",
    "text",
)

# The source's metadata a claim row carries, as (row column, sources column):
# every claim row has the first four, the CSV row all eight.
SOURCE_PROVENANCE = (
    ("source_url", "url"),
    ("source_title", "title"),
    ("source_publisher", "publisher"),
    ("source_published", "published"),
)
CSV_SOURCE_EXTRA = (
    ("source_author", "author"),
    ("source_retrieved", "retrieved"),
    ("source_language", "language"),
    ("source_added", "added"),
)
SOURCE_FIELDS = tuple(column for _, column in SOURCE_PROVENANCE + CSV_SOURCE_EXTRA)
# What a claim row says of the claim's review log (see _ReviewLog): why its status was
# set and why it was last edited are apart, so that neither reason hides the other.
REVIEW_PROVENANCE = ("status_note", "edit_note", "last_reviewer", "last_review_date")

# A claim checked against an official series it is linked to (claims.checks): the
# series, its value for the claim's period and claim minus official; empty otherwise.
OFFICIAL_COLUMNS = ("official_series", "official_value", "official_difference")
_PROVENANCE_COLUMNS = (
    CLAIM_COLUMNS + tuple(name for name, _ in SOURCE_PROVENANCE) + REVIEW_PROVENANCE
)
CLAIM_ROW_COLUMNS = _PROVENANCE_COLUMNS + OFFICIAL_COLUMNS
# The flat CSV row adds what a round trip needs beyond the provenance.
CSV_COLUMNS = (
    _PROVENANCE_COLUMNS
    + tuple(name for name, _ in CSV_SOURCE_EXTRA)
    + ("review_history", "source_text")
    + OFFICIAL_COLUMNS
    + (LEDGER_RECORD,)
)

INTEGER_COLUMNS = frozenset(
    {
        "id",
        "source_id",
        "claim_id",
        "sentence_start",
        "sentence_end",
        "surface_start",
        "surface_end",
        "vanished",
    }
)
REAL_COLUMNS = frozenset(
    {"value", "low", "high", "confidence", "official_value", "official_difference"}
)

# ---------------------------------------------------------------- spreadsheet safety

_FORMULA_FIRST = frozenset("=+-@\t\r\0'")
_FORMULA_START = re.compile(r"'*[=+\-@\t\r\0]")
_ESCAPED_FORMULA_START = re.compile(r"'+[=+\-@\t\r\0]")


def escape_formula(text: str) -> str:
    """The text a spreadsheet shows as text, never runs: one apostrophe before a risky start."""
    if text and text[0] in _FORMULA_FIRST and _FORMULA_START.match(text):
        return "'" + text
    return text


def unescape_formula(text: str) -> str:
    """Undo escape_formula: drop one apostrophe where escape_formula added one."""
    if text and text[0] == "'" and _ESCAPED_FORMULA_START.match(text):
        return text[1:]
    return text


# XML 1.0 cannot hold these characters; OOXML writes them as _xHHHH_, and a
# literal "_xHHHH_" in the text gets its underscore escaped as _x005F_.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def escape_ooxml(text: str) -> str:
    return _XML_ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def unescape_ooxml(text: str) -> str:
    return _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def xlsx_text(text: str) -> str:
    """A text as an xlsx cell holds it: formula-escaped, then XML-safe."""
    return escape_ooxml(escape_formula(text))


def xlsx_read_text(cell: str) -> str:
    """The inverse of xlsx_text."""
    return unescape_formula(unescape_ooxml(cell))


# ---------------------------------------------------------------- one export


@dataclass
class _Job:
    """One export in progress: what is read, and the counts of what was written."""

    db: sqlite_utils.Database
    claim_filter: ClaimFilter
    fmt: str
    where: str
    params: list
    exported_at: str
    revision: int
    org: str | None = None
    # CSV: the article text on every row of its claims, not only on the first.
    text_on_every_row: bool = False
    org_url: str | None = None
    review_url: str | None = None
    # What was written, by kind: claims always; sources and reviews where the format has them.
    counts: dict[str, int] = field(default_factory=lambda: {"claims": 0})
    notes: dict[str, object] = field(default_factory=dict)
    # The official figure of each checked claim: {claim id: OFFICIAL_COLUMNS values}.
    official: dict[int, tuple] = field(default_factory=dict)

    def official_of(self, claim_id: int) -> tuple:
        return self.official.get(claim_id, NO_OFFICIAL)

    @property
    def include_vanished(self) -> bool:
        return self.claim_filter.include_vanished


NO_OFFICIAL = (None, None, None)


def _official_figures(db: sqlite_utils.Database) -> tuple[dict[int, tuple], list[dict]]:
    """The official value and difference of every claim compared with a linked series,
    and the series and vintages used (for the manifest). A claim linked to two series
    takes the first that gives a value."""
    from claims.checks import check_claims  # checks reads groups, which imports export

    figures: dict[int, tuple] = {}
    used: dict[tuple[str, int | None], None] = {}
    for check in check_claims(db):
        if check.official_value is None or check.claim_id in figures:
            continue
        figures[check.claim_id] = (check.series, check.official_value, check.difference)
        used[(check.series, check.vintage)] = None
    return figures, [{"series": name, "vintage": vintage} for name, vintage in used]


def _start(
    db: sqlite_utils.Database,
    claim_filter: ClaimFilter | None,
    fmt: str,
    org: str | None,
    *,
    text_on_every_row: bool = False,
) -> _Job:
    if fmt not in FORMATS:
        raise ClaimsError(f"Unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}.")
    claim_filter = claim_filter or ClaimFilter()
    where, params = where_clause(claim_filter)
    job = _Job(
        db=db,
        claim_filter=claim_filter,
        fmt=fmt,
        where=where,
        params=params,
        exported_at=store.now_utc(),
        revision=store.revision(db),
        text_on_every_row=text_on_every_row,
    )
    # The SQL that formats rows calls back into Python for the rare value it cannot handle.
    for name, function in (
        (_ESCAPE_FUNCTION, escape_formula),
        (_CSV_NUMBER_FUNCTION, _csv_number),
        (_JSON_NUMBER_FUNCTION, _json_number),
    ):
        db.conn.create_function(name, 1, function, deterministic=True)
    if fmt != "claimreview":
        job.official, series = _official_figures(db)
        if series:
            job.notes["reference_series"] = series
    if fmt == "claimreview":
        job.org = config.reviewing_organisation(org)
        job.org_url = config.reviewing_organisation_url()
        job.review_url = config.review_url_template()
    return job


@contextmanager
def _read_snapshot(db: sqlite_utils.Database) -> Iterator[None]:
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
# the claims are read in id order straight off the table (see _claim_batches).
SMALL_RESULT = 20_000


def _stream(
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


def _matching_claims(
    job: _Job, where: str | None = None, params: Sequence = (), *, cap: int | None = None
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


class _ReviewLog(NamedTuple):
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


NEVER_REVIEWED = _ReviewLog(None, None, None, None, [])


# What a writer keeps of one source (_SourceForm.entry): a tuple of values, CSV cells
# or JSON members.
_Entry = TypeVar("_Entry")


@dataclass
class _Batch(Generic[_Entry]):
    """A batch of exported claims, with what their rows need from elsewhere."""

    rows: list[tuple]  # (source id, claim id, *the selected expressions)
    sources: Mapping[int, _Entry]  # source id -> its provenance, as the writer formed it
    texts: dict[int, str]  # source id -> article text, for the sources the writer asked
    reviews: dict[int, _ReviewLog]  # claim id -> its review log, for reviewed claims only


@dataclass(frozen=True)
class _SourceForm(Generic[_Entry]):
    """What a writer keeps of each source: SQL over sources, and the entry made of a row."""

    select: tuple[str, ...]
    entry: Callable[[tuple], _Entry]  # from (source id, *the selected values)


# The provenance values themselves, for the formats that take values.
_PROVENANCE_VALUES: _SourceForm[tuple] = _SourceForm(
    tuple(f"sources.{column}" for _, column in SOURCE_PROVENANCE), itemgetter(slice(1, None))
)


class _SourceCache(Generic[_Entry]):
    """Each source's provenance, formed once and kept for the claims still to come.

    The claims of an article ingested whole are neighbours, but re-extraction
    and imports interleave articles, so a source met once may come back many
    batches later. Beyond SOURCE_CACHE_SIZE the oldest entries go.
    """

    def __init__(self, db: sqlite_utils.Database, form: _SourceForm[_Entry]):
        self.db = db
        self.entry = form.entry
        # The article text comes with a source's row when asked for (?2): the
        # row is being read anyway, and reading it again costs a page read.
        self.sql = (
            f"SELECT sources.id, {', '.join(form.select)}, "
            "CASE WHEN sources.id IN (SELECT value FROM json_each(?2)) THEN sources.text END "
            "FROM sources WHERE id IN (SELECT value FROM json_each(?1))"
        )
        self.entries: dict[int, _Entry] = {}

    def holding(
        self, source_ids: set[int], with_text: set[int]
    ) -> tuple[Mapping[int, _Entry], dict[int, str]]:
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
        for row in self.db.execute(self.sql, [_ids_param(missing), _ids_param(with_text)]):
            entries[row[0]] = self.entry(row[:-1])
            if row[-1] is not None:
                texts[row[0]] = row[-1]
        return entries, texts


def _claim_batches(
    job: _Job,
    select: Sequence[str],
    source_form: _SourceForm[_Entry],
    where: str | None = None,
    params: Sequence = (),
    id_range: IdRange = None,
    texts_for: Callable[[set[int]], set[int]] | None = None,
) -> Iterator[_Batch[_Entry]]:
    """The claims matching the export's filter (and `where`), in id order, a batch at a time.

    `id_range` narrows them to a range of ids; `texts_for` picks, of a batch's
    sources, those whose article text the batch should bring. For a large result the claims
    table is read in rowid order (NOT INDEXED): rows then stream out already
    in order. Left to itself SQLite may walk an index such as (vanished,
    published) and sort every match before the first row comes out.
    """
    where, params = _narrowed(where, params, id_range)
    large = _matching_claims(job, where, params, cap=SMALL_RESULT) > SMALL_RESULT
    sql = (
        f"SELECT claims.source_id, claims.id, {', '.join(select)} "
        f"FROM {'claims NOT INDEXED' if large else 'claims'} WHERE ({job.where}) AND {where} "
        "ORDER BY claims.id"
    )
    sources = _SourceCache(job.db, source_form)
    for rows in _stream(job.db, sql, [*job.params, *params]):
        job.counts["claims"] += len(rows)
        source_ids = {row[0] for row in rows}
        with_text = texts_for(source_ids) if texts_for else set()
        provenance, texts = sources.holding(source_ids, with_text)
        yield _Batch(rows, provenance, texts, _review_logs(job.db, rows))


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


def _claim_row_batches(job: _Job) -> Iterator[list[tuple]]:
    """The exported claims as tuples of CLAIM_ROW_COLUMNS, a batch at a time."""
    select = [f"claims.{column}" for column in CLAIM_COLUMNS]
    for batch in _claim_batches(job, select, _PROVENANCE_VALUES):
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


def _ids_param(ids: Iterable[int]) -> str:
    """A set of ids as one parameter, which SQL reads back with json_each."""
    return json.dumps(sorted(ids))


def _review_logs(db: sqlite_utils.Database, rows: list[tuple]) -> dict[int, _ReviewLog]:
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
        logs[claim_id] = _ReviewLog(
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


def _decision_logs(job: _Job) -> Iterator[Log]:
    """The decision logs a whole-ledger export carries (claims.ledger_logs), counted."""
    if not is_whole_ledger(job.claim_filter):
        return
    for log in LOGS:
        job.counts[log.table] = log_count(job.db, log, include_vanished=job.include_vanished)
        yield log


def _log_json(job: _Job, log: Log, *, typed: bool) -> list[str]:
    """The rows of a decision log as JSON lines (of the exported claims: claims.ledger_logs)."""
    records = log_records(job.db, log, typed=typed, include_vanished=job.include_vanished)
    return [record_json(record) for record in records]


def _source_batches(
    job: _Job, select: Sequence[tuple[str, str]] = SOURCE_SELECT
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
    for batch in _stream(job.db, sql, params, SOURCE_BATCH_SIZE):
        job.counts["sources"] = job.counts.get("sources", 0) + len(batch)
        yield batch


def _review_batches(
    job: _Job, select: Sequence[tuple[str, str]] = REVIEW_SELECT
) -> Iterator[list[tuple]]:
    """The review log of the exported claims, oldest first.

    CROSS JOIN keeps reviews the outer loop, read in id order: no sort.
    """
    sql = (
        f"SELECT {_select_list(select)} "
        "FROM reviews CROSS JOIN claims ON claims.id = reviews.claim_id "
        f"WHERE ({job.where}) ORDER BY reviews.id"
    )
    for batch in _stream(job.db, sql, job.params):
        job.counts["reviews"] = job.counts.get("reviews", 0) + len(batch)
        yield batch


# ---------------------------------------------------------------- manifest


def _columns_of(fmt: str) -> list[str]:
    if fmt == "csv":
        return list(CSV_COLUMNS)
    if fmt == "claimreview":
        return []
    return list(CLAIM_ROW_COLUMNS)


def _manifest(job: _Job, *, sha256: str | None, file_name: str | None) -> dict:
    manifest: dict[str, object] = {
        "generator": GENERATOR,
        "format": job.fmt,
        "file": file_name,
        "sha256": sha256,
        "filters": job.claim_filter.as_dict(),
        "row_count": job.counts["claims"],
        "counts": dict(job.counts),
        "exported_at": job.exported_at,
        "database_revision": job.revision,
        "extractor_version": EXTRACTOR_VERSION,
        "columns": _columns_of(job.fmt),
    }
    if job.fmt == "csv":
        manifest["source_text"] = (
            "on every row" if job.text_on_every_row else "on the first row of each source"
        )
    if job.fmt in ("csv", "xlsx"):
        manifest["formula_escaping"] = (
            "text cells matching ^'*[=+-@\\t\\r\\0] got one leading apostrophe; "
            "remove one apostrophe to restore them"
        )
    if job.fmt == "claimreview":
        manifest["organisation"] = job.org
    manifest.update(job.notes)
    return manifest


def manifest_path(data_path: str | os.PathLike) -> Path:
    """Where the manifest of an export file lives: FILE.manifest.json beside it."""
    data_path = Path(data_path)
    return data_path.with_name(data_path.name + ".manifest.json")


def manifest_json(manifest: dict) -> bytes:
    return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


# ---------------------------------------------------------------- public API


# The most claims export_bytes builds in memory. The dashboard's downloads are
# built so, and Streamlit keeps each for the session: 100,000 claims are about
# 55 MB of CSV. Larger exports go to a file, from the command line.
IN_MEMORY_LIMIT = 100_000


def too_many_for_memory(db: sqlite_utils.Database, claim_filter: ClaimFilter | None) -> bool:
    return count_claims(db, claim_filter, cap=IN_MEMORY_LIMIT) > IN_MEMORY_LIMIT


def export_with_manifest(
    db: sqlite_utils.Database,
    claim_filter: ClaimFilter | None,
    fmt: str,
    *,
    org: str | None = None,
    text_on_every_row: bool = False,
) -> tuple[bytes, dict]:
    """The whole export file in memory, and its manifest (with the file's SHA-256).

    Refused (ClaimsError) past IN_MEMORY_LIMIT claims: write_export streams to a file.
    """
    buffer = io.BytesIO()
    with _read_snapshot(db):
        if too_many_for_memory(db, claim_filter):
            raise ClaimsError(
                f"More than {IN_MEMORY_LIMIT:,} claims are too many to build in memory: "
                "narrow the filters, or export them to a file with `python -m claims export`."
            )
        job = _start(db, claim_filter, fmt, org, text_on_every_row=text_on_every_row)
        WRITERS[fmt](job, buffer)
    data = buffer.getvalue()
    manifest = _manifest(
        job, sha256=hashlib.sha256(data).hexdigest(), file_name=_file_name(db, claim_filter, fmt)
    )
    return data, manifest


def _file_name(db: sqlite_utils.Database, claim_filter: ClaimFilter | None, fmt: str) -> str:
    """The name a download of this export is offered under (claims.export_names)."""
    return export_file_name(_database_file(db) or "ledger", claim_filter, FORMATS[fmt][0])


def export_bytes(
    db: sqlite_utils.Database,
    claim_filter: ClaimFilter | None,
    fmt: str,
    *,
    org: str | None = None,
    text_on_every_row: bool = False,
) -> bytes:
    """The whole file for the filtered view (xlsx and parquet carry their manifest inside)."""
    return export_with_manifest(
        db, claim_filter, fmt, org=org, text_on_every_row=text_on_every_row
    )[0]


def export_manifest(
    db: sqlite_utils.Database,
    claim_filter: ClaimFilter | None,
    fmt: str,
    data: bytes,
    *,
    file_name: str | None = None,
    org: str | None = None,
) -> dict:
    """The manifest for `data`, a file export_bytes made from the same view.

    Counts are read again, so a write in between would show as a different
    database_revision; export_with_manifest gives both from one snapshot.
    """
    with _read_snapshot(db):
        job = _start(db, claim_filter, fmt, org)
        where = job.where
        if fmt == "claimreview":
            where = f"({where}) AND claims.status IN ({', '.join('?' * len(VERDICT_STATUSES))})"
            params = [*job.params, *VERDICT_STATUSES]
        else:
            params = job.params
        job.counts["claims"] = db.execute(
            f"SELECT count(*) FROM claims WHERE {where}", params
        ).fetchone()[0]
    return _manifest(
        job,
        sha256=hashlib.sha256(data).hexdigest(),
        file_name=file_name or _file_name(db, claim_filter, fmt),
    )


def write_export(
    db: sqlite_utils.Database,
    claim_filter: ClaimFilter | None,
    fmt: str,
    path: str | os.PathLike,
    *,
    org: str | None = None,
    text_on_every_row: bool = False,
) -> dict:
    """Stream the export to `path`, write FILE.manifest.json beside it, return the manifest.

    The file appears only when complete: it is written under a temporary name
    and renamed, so a failed export never leaves half a file behind.
    """
    path = Path(path)
    if path.is_dir():
        raise ClaimsError(f"{path} is a folder; give a file name to export to.")
    if not path.parent.exists():
        raise ClaimsError(f"No folder {path.parent} to write {path.name} into.")
    partial = path.with_name(f".{path.name}.partial")
    try:
        with _read_snapshot(db), open(partial, "wb") as out:
            job = _start(db, claim_filter, fmt, org, text_on_every_row=text_on_every_row)
            WRITERS[fmt](job, out)
        digest = sha256_of_file(partial)
        os.replace(partial, path)
    except OSError as exc:
        raise ClaimsError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    finally:
        partial.unlink(missing_ok=True)
    manifest = _manifest(job, sha256=digest, file_name=path.name)
    manifest_path(path).write_bytes(manifest_json(manifest))
    return manifest


def stream_export(
    db: sqlite_utils.Database,
    claim_filter: ClaimFilter | None,
    fmt: str,
    out: BinaryIO,
    *,
    org: str | None = None,
    text_on_every_row: bool = False,
) -> dict:
    """Stream the export into an open binary stream (stdout); the manifest has no hash."""
    with _read_snapshot(db):
        job = _start(db, claim_filter, fmt, org, text_on_every_row=text_on_every_row)
        WRITERS[fmt](job, out)
    return _manifest(job, sha256=None, file_name=None)


def sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def _text_stream(out: BinaryIO, encoding: str = "utf-8") -> Iterator[io.TextIOWrapper]:
    """A text view of `out` that leaves `out` open (a BytesIO must stay readable)."""
    text = io.TextIOWrapper(out, encoding=encoding, newline="", write_through=False)
    try:
        yield text
    finally:
        text.flush()
        text.detach()


# ---------------------------------------------------------------- CSV

# The CSV is written as csv.QUOTE_NONNUMERIC writes: every text cell quoted
# (a missing text is ""), numbers bare (a missing number is an empty cell).
# SQLite writes a claim's own cells as one text per row (printf's %w doubles
# the quotes), Python adds the provenance cells, made once per source and per
# reviewed claim, and the lines go out a batch at a time: forty-odd values no
# longer each become a Python object and then pass through csv.writer, which
# was most of the cost of a row.

# First code points that make a cell risky; the apostrophe (39) needs a look
# at what follows it (see escape_formula), so Python decides those.
_FORMULA_CODE_POINTS = ", ".join(str(ord(c)) for c in "=+-@\t\r")
_ESCAPE_FUNCTION = "claims_escape_formula"
_CSV_NUMBER_FUNCTION = "claims_csv_number"


def _escaped_in_sql(expr: str) -> str:
    """SQL that formula-escapes a text column inside SQLite.

    A text that starts with a letter, a digit or any non-ASCII character can
    be no formula, and string comparisons (no function call) find those: most
    text, NULL included, leaves at the first test. unicode() reads the first
    code point in C; the common risky start gets its apostrophe in SQL; a
    start with an apostrophe or NUL (unicode() is NULL for a text that starts
    with NUL; '' is left as it is) goes to escape_formula in Python
    (_ESCAPE_FUNCTION).
    """
    return (
        f"CASE WHEN {expr} >= 'A' OR {expr} IS NULL OR ({expr} >= '0' AND {expr} < '=') "
        f"THEN {expr} "
        f"WHEN unicode({expr}) IN ({_FORMULA_CODE_POINTS}) THEN '''' || {expr} "
        f"WHEN unicode({expr}) = 39 OR (unicode({expr}) IS NULL AND {expr} <> '') "
        f"THEN {_ESCAPE_FUNCTION}({expr}) ELSE {expr} END"
    )


def _printed_exactly_sql(expr: str, column: str) -> str:
    """SQL true when SQLite prints a number column's value so that it reads back the same.

    SQLite prints a REAL with 15 significant digits: enough for nearly every
    figure, not for all (0.1 + 0.2). NULL counts as exact (nothing to print).
    A text in a number column (only a hand-edited database has one) is never
    exact: both sides of = have the column's numeric affinity, so the text is
    not converted and compares unequal.
    """
    if column in REAL_COLUMNS:
        return f"{expr} IS NULL OR CAST(CAST({expr} AS TEXT) AS REAL) = {expr}"
    return f"CAST({expr} AS INTEGER) = {expr}"  # the integer columns are NOT NULL


def _csv_text(value: object) -> str:
    """A text cell: formula-escaped, quoted, quotes doubled; a missing text is ""."""
    if value is None:
        return '""'
    return '"' + escape_formula(str(value)).replace('"', '""') + '"'


def _csv_number(value: object) -> str:
    """A number cell: bare and exact (a float's repr reads back the same); a text stays text."""
    if value is None:
        return ""
    if type(value) in (int, float):
        return repr(value)
    return _csv_text(value)


_NUMBER_COLUMNS = INTEGER_COLUMNS | REAL_COLUMNS


def _csv_cells(columns: Sequence[str], values: Sequence) -> str:
    numbers = _NUMBER_COLUMNS
    return ",".join(
        _csv_number(value) if column in numbers else _csv_text(value)
        for column, value in zip(columns, values, strict=True)
    )


def _csv_claim_sql(db: sqlite_utils.Database) -> tuple[str, str]:
    """SQL for a claim's CLAIM_COLUMNS cells as one text, and SQL true when that text is wrong.

    printf stops a text at a NUL character, so the second expression finds
    the rare claim with one, whose cells Python writes instead; it is "0"
    when the ledger's count says no claim holds one (schema, 0008).
    """
    formats, args = [], []
    for column in CLAIM_COLUMNS:
        expr = f"claims.{column}"
        if column in _NUMBER_COLUMNS:
            formats.append("%s")
            exact = _printed_exactly_sql(expr, column)
            args.append(f"CASE WHEN {exact} THEN {expr} ELSE {_CSV_NUMBER_FUNCTION}({expr}) END")
        else:
            formats.append('"%w"')
            args.append(f"ifnull({_escaped_in_sql(expr)}, '')")  # %w prints NULL as (NULL)
    cells = f"printf('{','.join(formats)}', {', '.join(args)})"
    if not store.claims_with_nul(db):
        return cells, "0"
    return cells, " OR ".join(f"instr(claims.{column}, char(0))" for column in NUL_TRACKED_COLUMNS)


def _write_csv(job: _Job, out: BinaryIO) -> None:
    # The byte-order mark makes Excel read the file as UTF-8.
    out.write("\ufeff".encode())
    out.write((",".join(map(_csv_text, CSV_COLUMNS)) + "\r\n").encode())
    with _claim_records(job) as write_claims:
        write_claims(out)
    if is_whole_ledger(job.claim_filter):
        _write_csv_claimless_sources(job, out)
        _write_csv_decision_logs(job, out)


def _write_csv_decision_logs(job: _Job, out: BinaryIO) -> None:
    """A row for each decision-log row (claims.ledger_logs): every cell empty but
    ledger_record, the row as a JSON line."""
    empty = _csv_cells(CSV_COLUMNS[:-1], (None,) * (len(CSV_COLUMNS) - 1))
    for log in _decision_logs(job):
        lines = [f"{empty},{_csv_text(line)}" for line in _log_json(job, log, typed=True)]
        lines.append("")
        out.write("\r\n".join(lines).encode("utf-8"))


def _write_csv_claimless_sources(job: _Job, out: BinaryIO) -> None:
    """A row for each source no exported claim comes from: its claim cells empty
    but source_id, its text in source_text. A CSV has rows of claims only, and a
    backup must still bring such an article back (claims.importer reads these rows)."""
    select = ", ".join(f"sources.{column}" for column in (*SOURCE_FIELDS, "text"))
    sql = (
        f"SELECT sources.id, {select} FROM sources WHERE NOT EXISTS "
        "(SELECT 1 FROM claims INDEXED BY idx_claims_source "
        f"WHERE claims.source_id = sources.id AND ({job.where})) ORDER BY sources.id"
    )
    no_claim = (None,) * (len(CLAIM_COLUMNS) - 2)
    review, history = _CSV_NEVER_REVIEWED
    for batch in _stream(job.db, sql, job.params, SOURCE_BATCH_SIZE):
        job.counts["sources"] = job.counts.get("sources", 0) + len(batch)
        lines = []
        for row in batch:
            claim_cells = _csv_cells(CLAIM_COLUMNS, (None, row[0], *no_claim))
            provenance, extra = _csv_source_cells(row[:-1])
            lines.append(
                f"{claim_cells},{provenance},{review},{extra},{history},{_csv_text(row[-1])},"
                f"{_CSV_NO_OFFICIAL},{_CSV_NO_TEXT}"
            )
        lines.append("")
        out.write("\r\n".join(lines).encode("utf-8"))


def _write_csv_claims(job: _Job, out: BinaryIO, id_range: IdRange) -> None:
    """The CSV lines of the claims in `id_range`: see _claim_records."""
    seen: set[int] = set()

    def texts_for(source_ids: set[int]) -> set[int]:
        # Each source is counted once, in the range holding its first row.
        first = _first_appearances(job, source_ids, seen, id_range)
        job.counts["sources"] = job.counts.get("sources", 0) + len(first)
        return source_ids if job.text_on_every_row else first

    select = _csv_claim_sql(job.db)
    batches = _claim_batches(job, select, _CSV_PROVENANCE, id_range=id_range, texts_for=texts_for)
    for batch in batches:
        lines = _csv_lines(job, batch)
        lines.append("")  # so that the last line ends too, without copying the batch again
        out.write("\r\n".join(lines).encode("utf-8"))


_CSV_NO_TEXT = _csv_text(None)
_CSV_NO_OFFICIAL = _csv_cells(OFFICIAL_COLUMNS, NO_OFFICIAL)


def _csv_source_cells(row: tuple) -> tuple[str, str]:
    """A source's cells, made once: those of SOURCE_PROVENANCE and of CSV_SOURCE_EXTRA.

    `row` is (id, *SOURCE_FIELDS), all text.
    """
    split = 1 + len(SOURCE_PROVENANCE)
    return ",".join(map(_csv_text, row[1:split])), ",".join(map(_csv_text, row[split:]))


_CSV_PROVENANCE = _SourceForm(
    tuple(f"sources.{column}" for column in SOURCE_FIELDS), _csv_source_cells
)


def _csv_review_cells(log: _ReviewLog) -> tuple[str, str]:
    """The cells of REVIEW_PROVENANCE, and of review_history (the log as JSON)."""
    history = json.dumps(log.history, ensure_ascii=False, separators=(",", ":"))
    return _csv_cells(REVIEW_PROVENANCE, log.provenance), _csv_text(history)


_CSV_NEVER_REVIEWED = (_csv_cells(REVIEW_PROVENANCE, NEVER_REVIEWED.provenance), _csv_text(None))


def _csv_lines(job: _Job, batch: _Batch) -> list[str]:
    """The batch's rows as CSV lines; a source's text goes on its first row (batch.texts),
    or on every row with text_on_every_row."""
    db, sources, texts, reviews = job.db, batch.sources, batch.texts, batch.reviews
    take_text = texts.get if job.text_on_every_row else texts.pop
    lines = []
    for source_id, claim_id, claim_cells, has_nul in batch.rows:
        if has_nul:
            claim_cells = _csv_claim_cells_in_python(db, claim_id)
        provenance, extra = sources[source_id]
        log = reviews.get(claim_id)
        review, history = _CSV_NEVER_REVIEWED if log is None else _csv_review_cells(log)
        text = take_text(source_id, None) if texts else None
        text = _CSV_NO_TEXT if text is None else _csv_text(text)
        official = _csv_cells(OFFICIAL_COLUMNS, job.official_of(claim_id))
        lines.append(
            f"{claim_cells},{provenance},{review},{extra},{history},{text},{official},"
            + _CSV_NO_TEXT  # ledger_record: only the rows of the decision logs have one
        )
    return lines


def _csv_claim_cells_in_python(db: sqlite_utils.Database, claim_id: int) -> str:
    sql = f"SELECT {', '.join(CLAIM_COLUMNS)} FROM claims WHERE id = ?"
    return _csv_cells(CLAIM_COLUMNS, db.execute(sql, [claim_id]).fetchone())


def _first_appearances(
    job: _Job, source_ids: set[int], seen: set[int], id_range: IdRange
) -> set[int]:
    """The sources whose first row in the file is in this batch, which carries their text.

    Those are the sources not `seen` before in this id range, less those
    with an exported claim before the range (another process wrote it).
    """
    new_ids = source_ids - seen
    if not new_ids:
        return new_ids
    seen.update(new_ids)
    first = id_range[0] if id_range else None
    if first is None:
        return new_ids
    sql = (
        "SELECT ids.value FROM json_each(?) AS ids WHERE NOT EXISTS (SELECT 1 FROM claims "
        "INDEXED BY idx_claims_source WHERE claims.source_id = ids.value AND claims.id < ? "
        f"AND ({job.where}))"
    )
    rows = job.db.execute(sql, [_ids_param(new_ids), first, *job.params])
    return {row[0] for row in rows}


# ---------------------------------------------------------------- JSON and JSON Lines

_JSON_NUMBER_FUNCTION = "claims_json_number"


def _json_number(value: object) -> str:
    """JSON for a number SQLite would print inexactly: json.dumps writes a float's repr."""
    if isinstance(value, float) and not math.isfinite(value):
        return json.dumps(str(value))  # JSON has no infinity; the store refuses one anyway
    return json.dumps(value)


def _json_object_sql(table: str, columns: Sequence[str], kind: str | None) -> str:
    """SQL that has SQLite write a record's JSON object, typed by "type" when `kind` is given.

    SQLite builds the object in C, one text per row instead of forty values;
    a REAL it would print inexactly (see _printed_exactly_sql) comes from
    Python, through json() so that it stays a number.
    """
    members = [f"'type', '{kind}'"] if kind else []
    for column in columns:
        expr = f"{table}.{column}"
        if column in REAL_COLUMNS:
            exact = _printed_exactly_sql(expr, column)
            expr = f"CASE WHEN {exact} THEN {expr} ELSE json({_JSON_NUMBER_FUNCTION}({expr})) END"
        members.append(f"'{column}', {expr}")
    return f"json_object({', '.join(members)})"


def _json_members(names: Sequence[str], values: Sequence) -> str:
    """Members of a JSON object, as SQLite writes them, to splice into one."""
    obj = dict(zip(names, values, strict=True))
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))[1:-1]


_JSON_UNREVIEWED = _json_members(REVIEW_PROVENANCE, NEVER_REVIEWED.provenance)


def _json_claims(job: _Job, kind: str | None, id_range: IdRange = None) -> Iterator[list[str]]:
    """The claims' JSON objects, provenance spliced in, a batch at a time."""
    obj = _json_object_sql("claims", CLAIM_COLUMNS, kind)
    for batch in _claim_batches(job, [obj], _JSON_PROVENANCE, id_range=id_range):
        sources, reviews = batch.sources, batch.reviews
        lines = []
        for source_id, claim_id, claim in batch.rows:
            log = reviews.get(claim_id)
            review = (
                _JSON_UNREVIEWED
                if log is None
                else _json_members(REVIEW_PROVENANCE, log.provenance)
            )
            official = _json_members(OFFICIAL_COLUMNS, job.official_of(claim_id))
            lines.append(f"{claim[:-1]},{sources[source_id]},{review},{official}}}")
        yield lines


# A source's provenance as members of a claim's JSON object, written by SQLite.
_JSON_PROVENANCE: _SourceForm[str] = _SourceForm(
    (
        "json_object("
        + ", ".join(f"'{name}', sources.{column}" for name, column in SOURCE_PROVENANCE)
        + ")",
    ),
    lambda row: row[1][1:-1],
)


def _json_sources(job: _Job, kind: str | None) -> Iterator[list[str]]:
    obj = _json_object_sql("sources", SOURCE_COLUMNS, kind)
    for rows in _source_batches(job, (("json", obj),)):
        yield [row[0] for row in rows]


def _json_reviews(job: _Job, kind: str | None) -> Iterator[list[str]]:
    obj = _json_object_sql("reviews", REVIEW_COLUMNS, kind)
    for rows in _review_batches(job, (("json", obj),)):
        yield [row[0] for row in rows]


def _write_jsonl(job: _Job, out: BinaryIO) -> None:
    """Every source line, then every claim line, then every review line."""
    with _claim_records(job) as write_claims:
        _write_lines(out, _json_sources(job, "source"))
        write_claims(out)
        _write_lines(out, _json_reviews(job, "review"))
        for log in _decision_logs(job):
            _write_lines(out, [_log_json(job, log, typed=True)])


def _write_jsonl_claims(job: _Job, out: BinaryIO, id_range: IdRange) -> None:
    _write_lines(out, _json_claims(job, "claim", id_range))


def _write_lines(out: BinaryIO, batches: Iterable[list[str]]) -> None:
    for lines in batches:
        lines.append("")  # so that the last line ends too, without copying the batch again
        out.write("\n".join(lines).encode("utf-8"))


def _write_json(job: _Job, out: BinaryIO) -> None:
    sections = [
        ("sources", _json_sources(job, None)),
        ("claims", _json_claims(job, None)),
        ("reviews", _json_reviews(job, None)),
    ]
    sections += [
        (log.table, iter([_log_json(job, log, typed=False)])) for log in _decision_logs(job)
    ]
    with _text_stream(out) as text:
        text.write(f'{{"format":"{GENERATOR}","version":1')
        for name, batches in sections:
            text.write(f',\n"{name}":[')
            separator = "\n"
            for lines in batches:
                text.write(separator)
                text.write(",\n".join(lines))
                separator = ",\n"
            text.write("\n]")
        text.write("}\n")


# ---------------------------------------------------------------- claim records in parallel

# A large CSV or JSON Lines export splits its claims into id ranges: this
# process writes the first range into the file while worker processes write
# the others into files of their own, appended in order when it is done.
# Reading a claim (SQLite) and formatting it (Python) are both CPU work, and
# one process does 80,000 to 90,000 rows a second (bench/export_speed.py).
PARALLEL_MIN_CLAIMS = 200_000
# Processes a large export runs in, this one included.
EXPORT_PROCESSES = min(os.cpu_count() or 1, 4)


@contextmanager
def _claim_records(job: _Job) -> Iterator[Callable[[BinaryIO], None]]:
    """A function that writes the export's claim records (CSV or JSON lines) in id order.

    Worker processes, when the export is large enough to want them, start at
    once, so they work while this process writes what comes before the
    claims. Each opens its own snapshot of the ledger; one whose snapshot is
    not the export's (a write came in between: the revision differs) gives
    its range back, and this process writes it from the export's snapshot.
    """
    write_range = CLAIM_RECORD_WRITERS[job.fmt]
    ranges = _parallel_ranges(job)
    if len(ranges) == 1:
        yield lambda out: write_range(job, out, None)
        return
    db_file = _database_file(job.db)
    assert db_file is not None  # _parallel_ranges splits only a database in a file
    with (
        tempfile.TemporaryDirectory(prefix="claims-export-") as folder,
        worker_pool(len(ranges) - 1) as pool,
    ):
        later = [
            (
                id_range,
                pool.submit(
                    _write_range_in_worker,
                    db_file,
                    job.claim_filter,
                    job.fmt,
                    id_range,
                    job.revision,
                    Path(folder) / f"part-{number}",
                    job.text_on_every_row,
                ),
            )
            for number, id_range in enumerate(ranges[1:], start=1)
        ]

        def write_all(out: BinaryIO) -> None:
            write_range(job, out, ranges[0])
            for id_range, future in later:
                part = _finished_part(future)
                if part is None:
                    write_range(job, out, id_range)
                else:
                    _append_part(job, out, *part)

        yield write_all


def _parallel_ranges(job: _Job) -> list[IdRange]:
    """The id ranges to write in parallel, one per process; one range (all) when not worth it.

    The ranges are of equal width in ids, not in matching claims: finding the
    quantiles would cost a pass over the matches, and ids are spread evenly
    enough over time for every filter but the narrowest, which stays serial.
    """
    processes = EXPORT_PROCESSES
    if processes < 2 or _database_file(job.db) is None:
        return [None]
    if _matching_claims(job, cap=PARALLEL_MIN_CLAIMS) < PARALLEL_MIN_CLAIMS:
        return [None]
    low, high = job.db.execute("SELECT min(id), max(id) FROM claims").fetchone()
    step = (high - low) // processes + 1
    starts = [low + step * number for number in range(1, processes)]
    ends = [start - 1 for start in starts]
    return list(zip([None, *starts], [*ends, None], strict=True))


def _database_file(db: sqlite_utils.Database) -> str | None:
    """The file a worker process opens; None for an in-memory database."""
    for _, name, file, *_ in db.execute("PRAGMA database_list"):
        if name == "main":
            return file or None
    return None


def _write_range_in_worker(
    db_file: str,
    claim_filter: ClaimFilter,
    fmt: str,
    id_range: IdRange,
    revision: int,
    part: Path,
    text_on_every_row: bool,
) -> tuple[Path, dict] | None:
    """In a worker process: the claim records of `id_range` into the file `part`.

    Returns the part and the counts of what it holds, or None when the ledger
    is no longer at `revision`, the export's.
    """
    db = store.open_for_reading(db_file)
    try:
        with _read_snapshot(db):
            job = _start(db, claim_filter, fmt, None, text_on_every_row=text_on_every_row)
            if job.revision != revision:
                return None
            with open(part, "wb") as out:
                CLAIM_RECORD_WRITERS[fmt](job, out, id_range)
        return part, job.counts
    finally:
        db.close()


def _finished_part(future: Future) -> tuple[Path, dict] | None:
    """A worker's part, or None when this process must write the range itself.

    A worker that failed (it could not open the database, its process died)
    costs time, not the export: the range is written here instead, from
    the export's own snapshot.
    """
    try:
        return future.result()
    except (BrokenProcessPool, OSError, sqlite3.Error, ClaimsError):
        return None


def _append_part(job: _Job, out: BinaryIO, part: Path, counts: dict) -> None:
    with open(part, "rb") as records:
        shutil.copyfileobj(records, out, 1 << 20)
    for kind, count in counts.items():
        job.counts[kind] = job.counts.get(kind, 0) + count


CLAIM_RECORD_WRITERS: dict[str, Callable[[_Job, BinaryIO, IdRange], None]] = {
    "csv": _write_csv_claims,
    "jsonl": _write_jsonl_claims,
}


# ---------------------------------------------------------------- Excel

XLSX_CELL_LIMIT = 32_767  # characters an Excel cell holds
XLSX_MAX_ROWS = 1_048_576  # rows an Excel sheet holds, the header included
_XLSX_PART = 32_000


def xlsx_text_parts(text: str) -> list[str]:
    """An article as cells: pieces that each fit a cell once escaped.

    Escaping can lengthen a piece (a control character becomes _xHHHH_), so a
    piece that grows past the limit is halved until it fits. The importer
    reads each cell back with xlsx_read_text and joins the pieces.
    """
    parts: list[str] = []
    start = 0
    while start < len(text):
        size = _XLSX_PART
        cell = xlsx_text(text[start : start + size])
        while len(cell) > XLSX_CELL_LIMIT:
            size //= 2
            cell = xlsx_text(text[start : start + size])
        parts.append(cell)
        start += size
    return parts or [""]


def _xlsx_row(row: Sequence) -> list:
    return [xlsx_text(v) if isinstance(v, str) else v for v in row]


def _check_fits_excel(job: _Job) -> None:
    """Refuse, before writing, an export that a sheet cannot hold (Excel's row limit)."""
    reviews_sql = (
        "SELECT count(*) FROM reviews JOIN claims ON claims.id = reviews.claim_id "
        f"WHERE {job.where}"
    )
    for table, count in (
        ("claims", _matching_claims(job)),
        ("reviews", job.db.execute(reviews_sql, job.params).fetchone()[0]),
    ):
        if count > XLSX_MAX_ROWS - 1:
            raise ClaimsError(
                f"An Excel sheet holds {XLSX_MAX_ROWS - 1:,} rows and this export has "
                f"{count:,} {table}; narrow the filters or export csv, jsonl or parquet."
            )


def _write_xlsx(job: _Job, out: BinaryIO) -> None:
    from openpyxl import Workbook

    _check_fits_excel(job)

    # write_only streams rows to temporary files: memory stays flat.
    workbook = Workbook(write_only=True)
    try:
        _fill_workbook(job, workbook)
    except BaseException:
        _close_sheets(workbook)  # a failed read must not leave half-written XML behind
        raise
    workbook.save(out)


def _close_sheets(workbook) -> None:
    """End each streaming sheet's XML so that nothing fails again when it is collected."""
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            sheet.close()


def _fill_workbook(job: _Job, workbook) -> None:
    from claims.xlsx_layout import LaidOutSheet

    # Sheets are made in the order they are shown; each is filled in turn.
    claims_sheet = LaidOutSheet(workbook, "claims", CLAIM_ROW_COLUMNS)
    sources_sheet = LaidOutSheet(workbook, "sources", (*SOURCE_COLUMNS, "text_parts"))
    overflow_sheet = LaidOutSheet(workbook, "source_text", ("source_id", "part", "text"))
    reviews_sheet = LaidOutSheet(workbook, "reviews", REVIEW_COLUMNS)
    log_sheets = [
        (log, LaidOutSheet(workbook, log.table, log.columns)) for log in _decision_logs(job)
    ]
    export_sheet = LaidOutSheet(workbook, "export", ("key", "value"))

    for batch in _claim_row_batches(job):
        for row in batch:
            claims_sheet.append(_xlsx_row(row))

    for batch in _source_batches(job):
        for row in batch:
            parts = xlsx_text_parts(row[-1])
            sources_sheet.append([*_xlsx_row(row[:-1]), parts[0], len(parts)])
            for number, part in enumerate(parts[1:], start=2):
                overflow_sheet.append((row[0], number, part))

    for batch in _review_batches(job):
        for row in batch:
            reviews_sheet.append(_xlsx_row(row))

    for log, sheet in log_sheets:
        for row in log_rows(job.db, log, include_vanished=job.include_vanished):
            sheet.append(_xlsx_row(row))

    for key, value in _manifest(job, sha256=None, file_name=None).items():
        if key in ("sha256", "file"):
            continue  # a file cannot hold its own hash: see FILE.manifest.json
        shown = value if isinstance(value, (int, float, str)) else json.dumps(value)
        export_sheet.append(_xlsx_row((key, shown)))

    for sheet in (claims_sheet, sources_sheet, overflow_sheet, reviews_sheet, export_sheet):
        sheet.add_filter()
    for _, sheet in log_sheets:
        sheet.add_filter()


# ---------------------------------------------------------------- Parquet


def _arrow_schema():
    import pyarrow as pa

    def arrow_type(name: str):
        if name in INTEGER_COLUMNS:
            return pa.int64()
        if name in REAL_COLUMNS:
            return pa.float64()
        return pa.string()

    return pa.schema([(name, arrow_type(name)) for name in CLAIM_ROW_COLUMNS])


PARQUET_ROW_GROUP = 50_000


def _write_parquet(job: _Job, out: BinaryIO) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema()
    types = [f.type for f in schema]
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        # Batches are gathered into row groups of PARQUET_ROW_GROUP rows: readers
        # work better with fewer, larger groups, and memory stays bounded.
        pending: list = []
        pending_rows = 0
        for batch in _claim_row_batches(job):
            columns = list(zip(*batch, strict=True))
            arrays = [pa.array(col, type=t) for col, t in zip(columns, types, strict=True)]
            pending.append(pa.RecordBatch.from_arrays(arrays, schema=schema))
            pending_rows += len(batch)
            if pending_rows >= PARQUET_ROW_GROUP:
                writer.write_table(pa.Table.from_batches(pending, schema=schema))
                pending, pending_rows = [], 0
        if pending:
            writer.write_table(pa.Table.from_batches(pending, schema=schema))
        manifest = _manifest(job, sha256=None, file_name=None)
        del manifest["sha256"], manifest["file"]
        writer.add_key_value_metadata({"claim_ledger_manifest": json.dumps(manifest)})


def parquet_manifest(path_or_file) -> dict:
    """The manifest a Parquet export carries in its metadata."""
    import pyarrow.parquet as pq

    metadata = pq.read_metadata(path_or_file).metadata or {}
    raw = metadata.get(b"claim_ledger_manifest")
    if raw is None:
        raise ClaimsError("This Parquet file was not exported by the claim ledger.")
    return json.loads(raw)


# ---------------------------------------------------------------- ClaimReview

# The rating each verdict status publishes: alternateName is what Google
# shows; the number puts verdicts on one scale (1 false ... 5 true).
VERDICT_RATINGS: dict[str, tuple[str, int | None]] = {
    "verified": ("True", 5),
    "disputed": ("Disputed", 3),
    "misleading": ("Misleading", 2),
    "false": ("False", 1),
    "unverifiable": ("Unverifiable", None),  # no place on a true-false scale
}
BEST_RATING, WORST_RATING = 5, 1

_CLAIMREVIEW_SELECT = (
    ("id", "claims.id"),
    ("sentence", "claims.sentence"),
    ("speaker", "claims.speaker"),
    ("speaker_org", "claims.speaker_org"),
    ("status", "claims.status"),
    ("updated", "claims.updated"),
    # The latest status change is the verdict being published.
    (
        "verdict_at",
        "(SELECT r.at FROM reviews AS r WHERE r.claim_id = claims.id "
        "AND r.field = 'status' ORDER BY r.id DESC LIMIT 1)",
    ),
    (
        "evidence_url",
        "(SELECT r.evidence_url FROM reviews AS r WHERE r.claim_id = claims.id "
        "AND r.field = 'status' ORDER BY r.id DESC LIMIT 1)",
    ),
)


def claim_review(row: dict, org: str, org_url: str | None, review_url: str | None) -> dict:
    """One schema.org ClaimReview for a claim with a verdict status.

    url is the published fact check: the review_url template with the claim
    id when one is configured, else the evidence link given with the verdict.
    """
    label, score = VERDICT_RATINGS[row["status"]]
    rating: dict = {"@type": "Rating", "alternateName": label, "name": label}
    if score is not None:
        rating.update(ratingValue=score, bestRating=BEST_RATING, worstRating=WORST_RATING)
    author: dict = {"@type": "Organization", "name": org}
    if org_url:
        author["url"] = org_url
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review_url.format(id=row["id"]) if review_url else row["evidence_url"],
        "claimReviewed": row["sentence"],
        "itemReviewed": _reviewed_claim(row),
        "author": author,
        "datePublished": (row["verdict_at"] or row["updated"])[:10],
        "reviewRating": rating,
    }
    return {key: value for key, value in review.items() if value is not None}


def _reviewed_claim(row: dict) -> dict:
    claim: dict = {"@type": "Claim"}
    if row["speaker"]:
        claim["author"] = {"@type": "Person", "name": row["speaker"]}
        if row["speaker_org"]:
            claim["author"]["affiliation"] = {"@type": "Organization", "name": row["speaker_org"]}
    elif row["speaker_org"] or row["source_publisher"]:
        # Nobody is quoted: the claim is the organisation's or the outlet's own.
        name = row["speaker_org"] or row["source_publisher"]
        claim["author"] = {"@type": "Organization", "name": name}
    if row["source_published"]:
        claim["datePublished"] = row["source_published"]
    if row["source_url"]:
        appearance: dict = {"@type": "CreativeWork", "url": row["source_url"]}
        for key, column in (("headline", "source_title"), ("datePublished", "source_published")):
            if row[column]:
                appearance[key] = row[column]
        if row["source_publisher"]:
            appearance["publisher"] = {"@type": "Organization", "name": row["source_publisher"]}
        claim["appearance"] = appearance
    return claim


def _write_claimreview(job: _Job, out: BinaryIO) -> None:
    if not job.org:
        raise ClaimsError(
            "ClaimReview needs the reviewing organisation's name: give --org NAME, "
            f"set ${config.ORG_ENV_VAR}, or add name under [organisation] "
            f"in {config.SETTINGS_FILE}."
        )
    verdicts = f"claims.status IN ({', '.join('?' * len(VERDICT_STATUSES))})"
    select = [expr for _, expr in _CLAIMREVIEW_SELECT]
    names = [name for name, _ in _CLAIMREVIEW_SELECT + SOURCE_PROVENANCE]
    without_url = 0
    with _text_stream(out) as text:
        text.write("[")
        separator = "\n"
        for batch in _claim_batches(job, select, _PROVENANCE_VALUES, verdicts, VERDICT_STATUSES):
            for row in batch.rows:
                values = (*row[2:], *batch.sources[row[0]])
                fields = dict(zip(names, values, strict=True))
                review = claim_review(fields, job.org, job.org_url, job.review_url)
                without_url += "url" not in review
                text.write(separator)
                text.write(json.dumps(review, ensure_ascii=False, indent=2))
                separator = ",\n"
        text.write("\n]\n")
    if without_url:
        job.notes["claimreview_without_url"] = without_url


WRITERS: dict[str, Callable[[_Job, BinaryIO], None]] = {
    "csv": _write_csv,
    "json": _write_json,
    "jsonl": _write_jsonl,
    "xlsx": _write_xlsx,
    "parquet": _write_parquet,
    "claimreview": _write_claimreview,
}


def export_command(claim_filter: ClaimFilter, fmt: str, db_path: str | Path) -> str:
    """The shell command that exports what `claim_filter` matches, shown beside a view
    (claims.cli_export.filter_from_args reads its options back as the same filter),
    to a file named for what it holds (claims.export_names)."""
    options = {
        "--search": claim_filter.search,
        "--status": ",".join(claim_filter.status) or None,
        "--kind": ",".join(claim_filter.kind) or None,
        "--source": claim_filter.source_id,
        "--speaker": claim_filter.speaker,
        "--subject": claim_filter.subject,
        "--metric": claim_filter.metric,
        "--unit": claim_filter.unit,
        "--period-from": claim_filter.period_from,
        "--period-to": claim_filter.period_to,
        "--since": claim_filter.published_from,
        "--until": claim_filter.published_to,
        "--min-confidence": claim_filter.min_confidence,
    }
    words = [".venv/bin/python", "-m", "claims", "export", "--db", str(db_path)]
    words += ["--format", fmt, "-o", export_file_name(db_path, claim_filter, FORMATS[fmt][0])]
    for option, value in options.items():
        if value is not None:
            # "--option=value": a value that starts with "-" is not read as an option.
            words.append(f"{option}={value}")
    if claim_filter.include_vanished:
        words.append("--include-vanished")
    return shlex.join(words)
