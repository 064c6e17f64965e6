"""Exports of the claims table: CSV, JSON, JSON Lines, Excel, Parquet, ClaimReview JSON-LD.

Every export streams: claims are read in keyset batches of tuples and written as
they come, so memory stays bounded whatever the row count. Each claim row
carries its provenance (source URL, title, publisher, publication date, the
verbatim sentence, status, last note, last reviewer, last review date), all
computed in SQL.

What each format holds (claims.importer reads csv, json, jsonl and xlsx back):

- csv: one row per claim: stored fields, provenance, the source's other
  metadata, `review_history` (the claim's review log as a JSON array, empty
  when never reviewed) and `source_text` - the article text, given on the
  first row of each source only, so that an article is in the file once.
- json: {"format", "sources": [...], "claims": [...], "reviews": [...]}.
- jsonl: one object per line, typed by "type": every "source" line, then
  every "claim" line, then every "review" line (so an importer can stream).
- xlsx: sheets claims, sources, source_text (the rest of articles longer than
  a spreadsheet cell holds), reviews, and export (the manifest).
- parquet: the claims with provenance; the manifest in the file metadata.
- claimreview: a JSON array of schema.org ClaimReview objects, one per claim
  whose status is a verdict.

The manifest (filters, row count, export time, database revision, extractor
version, SHA-256 of the data file) sits beside the file as FILE.manifest.json;
xlsx and parquet also carry it inside (without the hash: a file cannot hold
its own hash).

Entry points: FORMATS; export_bytes / export_with_manifest / export_manifest
(the dashboard: a whole file in memory); write_export (the CLI: streams to a
file and writes the manifest beside it); stream_export (to an open stream).

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

import csv
import hashlib
import io
import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import sqlite_utils

from claims import config, store
from claims.model import EXTRACTOR_VERSION, VERDICT_STATUSES, ClaimsError
from claims.query import ClaimFilter, where_clause

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


def _last_note_sql(note: str = "r.note") -> str:
    """The latest review that says something (a field edit may carry no note).

    `note` is the expression selected from it (the CSV wraps r.note in the
    formula escape inside the subquery, so that the subquery runs once). The
    CASE spares the lookup for claims nobody reviewed, most of a large ledger.
    """
    return (
        "CASE WHEN last_review.id IS NULL THEN NULL ELSE "
        f"(SELECT {note} FROM reviews AS r WHERE r.claim_id = claims.id "
        "AND r.note IS NOT NULL AND r.note <> '' ORDER BY r.id DESC LIMIT 1) END"
    )


# Provenance that travels with every claim row: (column name, SQL).
PROVENANCE = (
    ("source_url", "sources.url"),
    ("source_title", "sources.title"),
    ("source_publisher", "sources.publisher"),
    ("source_published", "sources.published"),
    ("last_note", _last_note_sql()),
    ("last_reviewer", "last_review.reviewer"),
    ("last_review_date", "last_review.at"),
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

_REVIEW_HISTORY_SQL = (
    "CASE WHEN last_review.id IS NULL THEN NULL ELSE ("
    "SELECT json_group_array(json_object("
    + ", ".join(f"'{c}', h.{c}" for c in REVIEW_COLUMNS[2:])
    + ")) FROM (SELECT * FROM reviews AS r WHERE r.claim_id = claims.id ORDER BY r.id) AS h"
    ") END"
)

# The flat CSV row adds what a round trip needs beyond the provenance.
CSV_EXTRA = (
    ("source_author", "sources.author"),
    ("source_retrieved", "sources.retrieved"),
    ("source_language", "sources.language"),
    ("source_added", "sources.added"),
    ("review_history", _REVIEW_HISTORY_SQL),
)

CLAIM_ROW_SELECT = tuple((c, f"claims.{c}") for c in CLAIM_COLUMNS) + PROVENANCE
CLAIM_ROW_COLUMNS = tuple(name for name, _ in CLAIM_ROW_SELECT)
CSV_SELECT = CLAIM_ROW_SELECT + CSV_EXTRA
CSV_COLUMNS = tuple(name for name, _ in CSV_SELECT) + ("source_text",)

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
REAL_COLUMNS = frozenset({"value", "low", "high", "confidence"})

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
    org_url: str | None = None
    review_url: str | None = None
    # What was written, by kind: claims always; sources and reviews where the format has them.
    counts: dict[str, int] = field(default_factory=lambda: {"claims": 0})
    notes: dict[str, object] = field(default_factory=dict)


def _start(
    db: sqlite_utils.Database,
    claim_filter: ClaimFilter | None,
    fmt: str,
    org: str | None,
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
    )
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
# the claims are read in id order straight off the table (see _claims_sql).
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


def _claims_sql(select: Sequence[tuple[str, str]], where: str, *, large: bool) -> str:
    """SELECT the claims matching `where`, in id order, with their source and last review.

    For a large result the claims table is read in rowid order (NOT INDEXED,
    and CROSS JOIN keeps it the outer loop): rows then stream out already in
    order. Left to itself SQLite may walk an index such as (vanished,
    published) and sort every match before the first row comes out.
    """
    claims = "claims NOT INDEXED CROSS JOIN" if large else "claims JOIN"
    return (
        f"SELECT {_select_list(select)} FROM {claims} sources ON sources.id = claims.source_id "
        "LEFT JOIN reviews AS last_review ON last_review.id = "
        "(SELECT max(r.id) FROM reviews AS r WHERE r.claim_id = claims.id) "
        f"WHERE ({where}) ORDER BY claims.id"
    )


def _matching_claims(job: _Job, where: str | None = None, params: Sequence = ()) -> int:
    where = where or job.where
    sql = f"SELECT count(*) FROM claims WHERE {where}"
    return job.db.execute(sql, [*job.params, *params]).fetchone()[0]


def _claim_batches(job: _Job, select: Sequence[tuple[str, str]]) -> Iterator[list[tuple]]:
    sql = _claims_sql(select, job.where, large=_matching_claims(job) > SMALL_RESULT)
    for batch in _stream(job.db, sql, job.params):
        job.counts["claims"] += len(batch)
        yield batch


SOURCE_SELECT = tuple((c, f"sources.{c}") for c in SOURCE_COLUMNS)
REVIEW_SELECT = tuple((c, f"reviews.{c}") for c in REVIEW_COLUMNS)


def _select_list(select: Sequence[tuple[str, str]]) -> str:
    return ", ".join(f"{expr} AS {name}" for name, expr in select)


def _source_batches(
    job: _Job, select: Sequence[tuple[str, str]] = SOURCE_SELECT
) -> Iterator[list[tuple]]:
    """The sources that at least one exported claim comes from, in id order.

    INDEXED BY: left alone, SQLite answers EXISTS for a status filter through the
    status index, scanning every claim of that status once per source.
    """
    sql = (
        f"SELECT {_select_list(select)} FROM sources WHERE EXISTS "
        "(SELECT 1 FROM claims INDEXED BY idx_claims_source "
        f"WHERE claims.source_id = sources.id AND ({job.where})) "
        "ORDER BY sources.id"
    )
    for batch in _stream(job.db, sql, job.params, SOURCE_BATCH_SIZE):
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
    manifest = {
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


def export_with_manifest(
    db: sqlite_utils.Database,
    claim_filter: ClaimFilter | None,
    fmt: str,
    *,
    org: str | None = None,
) -> tuple[bytes, dict]:
    """The whole export file in memory, and its manifest (with the file's SHA-256)."""
    buffer = io.BytesIO()
    with _read_snapshot(db):
        job = _start(db, claim_filter, fmt, org)
        WRITERS[fmt](job, buffer)
    data = buffer.getvalue()
    extension = FORMATS[fmt][0]
    manifest = _manifest(
        job, sha256=hashlib.sha256(data).hexdigest(), file_name=f"claims.{extension}"
    )
    return data, manifest


def export_bytes(
    db: sqlite_utils.Database,
    claim_filter: ClaimFilter | None,
    fmt: str,
    *,
    org: str | None = None,
) -> bytes:
    """The whole file for the filtered view (xlsx and parquet carry their manifest inside)."""
    return export_with_manifest(db, claim_filter, fmt, org=org)[0]


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
        file_name=file_name or f"claims.{FORMATS[fmt][0]}",
    )


def write_export(
    db: sqlite_utils.Database,
    claim_filter: ClaimFilter | None,
    fmt: str,
    path: str | os.PathLike,
    *,
    org: str | None = None,
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
            job = _start(db, claim_filter, fmt, org)
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
) -> dict:
    """Stream the export into an open binary stream (stdout); the manifest has no hash."""
    with _read_snapshot(db):
        job = _start(db, claim_filter, fmt, org)
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


# First code points that make a cell risky; the apostrophe (39) needs a look
# at what follows it (see escape_formula), so Python decides those.
_FORMULA_CODE_POINTS = ", ".join(str(ord(c)) for c in "=+-@\t\r")
_ESCAPE_FUNCTION = "claims_escape_formula"


def _escaped_in_sql(expr: str) -> str:
    """SQL that formula-escapes a text column inside SQLite.

    Every risky first character sorts before "A", so most text passes the
    first, cheapest test. unicode() reads the first code point in C; the
    common risky start gets its apostrophe in SQL; a start with an apostrophe
    or NUL (unicode() is NULL for a text that starts with NUL; NULL and '' are
    left as they are) goes to escape_formula in Python (_ESCAPE_FUNCTION).
    """
    return (
        f"CASE WHEN {expr} >= 'A' THEN {expr} "
        f"WHEN unicode({expr}) IN ({_FORMULA_CODE_POINTS}) THEN '''' || {expr} "
        f"WHEN unicode({expr}) = 39 OR (unicode({expr}) IS NULL AND {expr} <> '') "
        f"THEN {_ESCAPE_FUNCTION}({expr}) ELSE {expr} END"
    )


def _csv_select() -> tuple[tuple[str, str], ...]:
    select = []
    for name, expr in CSV_SELECT:
        if name == "last_note":
            expr = _last_note_sql(_escaped_in_sql("r.note"))
        elif name not in INTEGER_COLUMNS | REAL_COLUMNS | {"review_history"}:
            # review_history is JSON: it begins with "[", never like a formula.
            expr = _escaped_in_sql(expr)
        select.append((name, expr))
    # Filled in Python on the first row of each source only.
    select.append(("source_text", "NULL"))
    return tuple(select)


def _write_csv(job: _Job, out: BinaryIO) -> None:
    job.db.conn.create_function(_ESCAPE_FUNCTION, 1, escape_formula, deterministic=True)
    # The byte-order mark makes Excel read the file as UTF-8.
    out.write("\ufeff".encode())
    # Rows go through the csv writer a batch at a time into a string buffer,
    # encoded once per batch: cheaper than encoding row by row.
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    seen_sources: set[int] = set()
    for batch in _claim_batches(job, _csv_select()):
        _add_first_appearance_texts(job.db, batch, seen_sources)
        writer.writerows(batch)
        out.write(buffer.getvalue().encode("utf-8"))
        buffer.seek(0)
        buffer.truncate()
    out.write(buffer.getvalue().encode("utf-8"))
    job.counts["sources"] = len(seen_sources)


def _add_first_appearance_texts(
    db: sqlite_utils.Database, batch: list[tuple], seen: set[int]
) -> None:
    """Put each source's article text on the first row of it in the file (last column)."""
    texts = _first_appearance_texts(db, batch, seen)
    if not texts:
        return
    for index, row in enumerate(batch):
        text = texts.pop(row[1], None)
        if text is not None:
            batch[index] = (*row[:-1], escape_formula(text))
            if not texts:
                return


def _first_appearance_texts(
    db: sqlite_utils.Database, batch: list[tuple], seen: set[int]
) -> dict[int, str]:
    """Texts of the sources first met in this batch (one query per batch, not per row)."""
    new_ids = {row[1] for row in batch} - seen
    if not new_ids:
        return {}
    seen.update(new_ids)
    ids = sorted(new_ids)
    texts: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = f"SELECT id, text FROM sources WHERE id IN ({', '.join('?' * len(chunk))})"
        texts.update(db.execute(sql, chunk).fetchall())
    return texts


# ---------------------------------------------------------------- JSON and JSON Lines


def _json_object_select(
    select: Sequence[tuple[str, str]], kind: str | None
) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """A select list that has SQLite write each record's JSON text, and the REAL columns.

    SQLite builds the object in C (one value per row reaches Python instead of
    forty), but prints REAL with 15 digits, which would not round-trip; so the
    REAL columns come back as numbers and _json_texts appends them.
    """
    pairs = [("type", f"'{kind}'")] if kind else []
    pairs += [(name, expr) for name, expr in select if name not in REAL_COLUMNS]
    reals = tuple((name, expr) for name, expr in select if name in REAL_COLUMNS)
    obj = "json_object(" + ", ".join(f"'{name}', {expr}" for name, expr in pairs) + ")"
    return (("json", obj), *reals), tuple(name for name, _ in reals)


def _json_number(value: object) -> str:
    # float repr is what json.dumps writes, and it round-trips exactly.
    if type(value) is float and value - value == 0:
        return repr(value)
    return json.dumps(value)  # None, an int, or whatever else a REAL column holds


def _json_texts(batch: list[tuple], real_names: tuple[str, ...]) -> list[str]:
    """The JSON text of each row: SQLite's object with the REAL columns added."""
    if not real_names:
        return [row[0] for row in batch]
    tail = "".join(f',"{name}":{{}}' for name in real_names) + "}}"
    number = _json_number
    return [row[0][:-1] + tail.format(*[number(value) for value in row[1:]]) for row in batch]


def _json_sections(
    job: _Job, *, typed: bool
) -> Iterator[tuple[str, Iterator[list[tuple]], tuple[str, ...]]]:
    """(kind, batches, REAL column names) for sources, then claims, then reviews."""
    select, reals = _json_object_select(SOURCE_SELECT, "source" if typed else None)
    yield "source", _source_batches(job, select), reals
    select, reals = _json_object_select(CLAIM_ROW_SELECT, "claim" if typed else None)
    yield "claim", _claim_batches(job, select), reals
    select, reals = _json_object_select(REVIEW_SELECT, "review" if typed else None)
    yield "review", _review_batches(job, select), reals


def _write_jsonl(job: _Job, out: BinaryIO) -> None:
    with _text_stream(out) as text:
        for _kind, batches, reals in _json_sections(job, typed=True):
            for batch in batches:
                text.write("\n".join(_json_texts(batch, reals)))
                text.write("\n")


def _write_json(job: _Job, out: BinaryIO) -> None:
    with _text_stream(out) as text:
        text.write(f'{{"format":"{GENERATOR}","version":1')
        for kind, batches, reals in _json_sections(job, typed=False):
            text.write(f',\n"{kind}s":[')
            separator = "\n"
            for batch in batches:
                text.write(separator)
                text.write(",\n".join(_json_texts(batch, reals)))
                separator = ",\n"
            text.write("\n]")
        text.write("}\n")


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
    claims_sheet = workbook.create_sheet("claims")
    sources_sheet = workbook.create_sheet("sources")
    overflow_sheet = workbook.create_sheet("source_text")
    reviews_sheet = workbook.create_sheet("reviews")
    export_sheet = workbook.create_sheet("export")

    claims_sheet.append(CLAIM_ROW_COLUMNS)
    for batch in _claim_batches(job, CLAIM_ROW_SELECT):
        for row in batch:
            claims_sheet.append(_xlsx_row(row))

    sources_sheet.append((*SOURCE_COLUMNS, "text_parts"))
    overflow_sheet.append(("source_id", "part", "text"))
    for batch in _source_batches(job):
        for row in batch:
            parts = xlsx_text_parts(row[-1])
            sources_sheet.append([*_xlsx_row(row[:-1]), parts[0], len(parts)])
            for number, part in enumerate(parts[1:], start=2):
                overflow_sheet.append((row[0], number, part))

    reviews_sheet.append(REVIEW_COLUMNS)
    for batch in _review_batches(job):
        for row in batch:
            reviews_sheet.append(_xlsx_row(row))

    export_sheet.append(("key", "value"))
    for key, value in _manifest(job, sha256=None, file_name=None).items():
        if key in ("sha256", "file"):
            continue  # a file cannot hold its own hash: see FILE.manifest.json
        shown = value if isinstance(value, (int, float, str)) else json.dumps(value)
        export_sheet.append(_xlsx_row((key, shown)))
    workbook.save(out)


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
        for batch in _claim_batches(job, CLAIM_ROW_SELECT):
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
    ("source_url", "sources.url"),
    ("source_title", "sources.title"),
    ("source_publisher", "sources.publisher"),
    ("source_published", "sources.published"),
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
    verdicts = ", ".join(f"'{s}'" for s in VERDICT_STATUSES)  # constants, not user input
    where = f"({job.where}) AND claims.status IN ({verdicts})"
    large = _matching_claims(job, where) > SMALL_RESULT
    sql = _claims_sql(_CLAIMREVIEW_SELECT, where, large=large)
    if not job.org:
        raise ClaimsError(
            "ClaimReview needs the reviewing organisation's name: give --org NAME, "
            f"set ${config.ORG_ENV_VAR}, or add name under [organisation] "
            f"in {config.SETTINGS_FILE}."
        )
    names = [name for name, _ in _CLAIMREVIEW_SELECT]
    without_url = 0
    with _text_stream(out) as text:
        text.write("[")
        separator = "\n"
        for batch in _stream(job.db, sql, job.params):
            job.counts["claims"] += len(batch)
            for row in batch:
                review = claim_review(
                    dict(zip(names, row, strict=True)), job.org, job.org_url, job.review_url
                )
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
