"""CSV: one row per claim, with its provenance, review history and article text.

Stored fields, provenance, the source's other metadata, `review_history` (the
claim's review log as a JSON array, empty when never reviewed) and
`source_text` - the article text, given on the first row of each source only,
so that an article is in the file once, or on every row when asked
(text_on_every_row: a reader filtering rows in a spreadsheet keeps each
claim's article beside it). A whole-ledger export (no filter but
--include-vanished) ends with a row for each article no exported claim comes
from: claim cells empty but source_id, so that a restore brings it back; then
a row for each row of the decision logs, every cell empty but `ledger_record`
(claims.ledger_logs). Text cells are quoted and formula-escaped
(claims.export.safety), numbers bare (as csv.QUOTE_NONNUMERIC writes). A large
export is written by several processes, each an id range
(claims.export.parallel).
"""

from __future__ import annotations

import json
from typing import BinaryIO

import sqlite_utils

from claims import store
from claims.export import reading
from claims.export.cells import CSV_NUMBER_FUNCTION, csv_cells, csv_text, printed_exactly_sql
from claims.export.columns import (
    CLAIM_COLUMNS,
    CSV_COLUMNS,
    NUMBER_COLUMNS,
    OFFICIAL_COLUMNS,
    REVIEW_PROVENANCE,
    SOURCE_FIELDS,
    SOURCE_PROVENANCE,
)
from claims.export.job import NO_OFFICIAL, Job
from claims.export.parallel import claim_records
from claims.export.reading import (
    NEVER_REVIEWED,
    Batch,
    IdRange,
    ReviewLog,
    SourceForm,
    claim_batches,
    decision_logs,
    ids_param,
    is_whole_ledger,
    log_json,
    stream,
)
from claims.export.safety import escaped_in_sql
from claims.schema import NUL_TRACKED_COLUMNS

# The CSV is written as csv.QUOTE_NONNUMERIC writes: every text cell quoted
# (a missing text is ""), numbers bare (a missing number is an empty cell).
# SQLite writes a claim's own cells as one text per row (printf's %w doubles
# the quotes), Python adds the provenance cells, made once per source and per
# reviewed claim, and the lines go out a batch at a time: forty-odd values no
# longer each become a Python object and then pass through csv.writer, which
# was most of the cost of a row.


def _csv_claim_sql(db: sqlite_utils.Database) -> tuple[str, str]:
    """SQL for a claim's CLAIM_COLUMNS cells as one text, and SQL true when that text is wrong.

    printf stops a text at a NUL character, so the second expression finds
    the rare claim with one, whose cells Python writes instead; it is "0"
    when the ledger's count says no claim holds one (schema, 0008).
    """
    formats, args = [], []
    for column in CLAIM_COLUMNS:
        expr = f"claims.{column}"
        if column in NUMBER_COLUMNS:
            formats.append("%s")
            exact = printed_exactly_sql(expr, column)
            args.append(f"CASE WHEN {exact} THEN {expr} ELSE {CSV_NUMBER_FUNCTION}({expr}) END")
        else:
            formats.append('"%w"')
            args.append(f"ifnull({escaped_in_sql(expr)}, '')")  # %w prints NULL as (NULL)
    cells = f"printf('{','.join(formats)}', {', '.join(args)})"
    if not store.claims_with_nul(db):
        return cells, "0"
    return cells, " OR ".join(f"instr(claims.{column}, char(0))" for column in NUL_TRACKED_COLUMNS)


def write_csv(job: Job, out: BinaryIO) -> None:
    # The byte-order mark makes Excel read the file as UTF-8.
    out.write("\ufeff".encode())
    out.write((",".join(map(csv_text, CSV_COLUMNS)) + "\r\n").encode())
    with claim_records(job, write_csv_claims) as write_claims:
        write_claims(out)
    if is_whole_ledger(job.claim_filter):
        _write_csv_claimless_sources(job, out)
        _write_csv_decision_logs(job, out)


def _write_csv_decision_logs(job: Job, out: BinaryIO) -> None:
    """A row for each decision-log row (claims.ledger_logs): every cell empty but
    ledger_record, the row as a JSON line."""
    empty = csv_cells(CSV_COLUMNS[:-1], (None,) * (len(CSV_COLUMNS) - 1))
    for log in decision_logs(job):
        lines = [f"{empty},{csv_text(line)}" for line in log_json(job, log, typed=True)]
        lines.append("")
        out.write("\r\n".join(lines).encode("utf-8"))


def _write_csv_claimless_sources(job: Job, out: BinaryIO) -> None:
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
    for batch in stream(job.db, sql, job.params, reading.SOURCE_BATCH_SIZE):
        job.counts["sources"] = job.counts.get("sources", 0) + len(batch)
        lines = []
        for row in batch:
            claim_cells = csv_cells(CLAIM_COLUMNS, (None, row[0], *no_claim))
            provenance, extra = _csv_source_cells(row[:-1])
            lines.append(
                f"{claim_cells},{provenance},{review},{extra},{history},{csv_text(row[-1])},"
                f"{_CSV_NO_OFFICIAL},{_CSV_NO_TEXT}"
            )
        lines.append("")
        out.write("\r\n".join(lines).encode("utf-8"))


def write_csv_claims(job: Job, out: BinaryIO, id_range: IdRange) -> None:
    """The CSV lines of the claims in `id_range` (claims.export.parallel.claim_records)."""
    seen: set[int] = set()

    def texts_for(source_ids: set[int]) -> set[int]:
        # Each source is counted once, in the range holding its first row.
        first = _first_appearances(job, source_ids, seen, id_range)
        job.counts["sources"] = job.counts.get("sources", 0) + len(first)
        return source_ids if job.text_on_every_row else first

    select = _csv_claim_sql(job.db)
    batches = claim_batches(job, select, _CSV_PROVENANCE, id_range=id_range, texts_for=texts_for)
    for batch in batches:
        lines = _csv_lines(job, batch)
        lines.append("")  # so that the last line ends too, without copying the batch again
        out.write("\r\n".join(lines).encode("utf-8"))


_CSV_NO_TEXT = csv_text(None)
_CSV_NO_OFFICIAL = csv_cells(OFFICIAL_COLUMNS, NO_OFFICIAL)


def _csv_source_cells(row: tuple) -> tuple[str, str]:
    """A source's cells, made once: those of SOURCE_PROVENANCE and of CSV_SOURCE_EXTRA.

    `row` is (id, *SOURCE_FIELDS), all text.
    """
    split = 1 + len(SOURCE_PROVENANCE)
    return ",".join(map(csv_text, row[1:split])), ",".join(map(csv_text, row[split:]))


_CSV_PROVENANCE = SourceForm(
    tuple(f"sources.{column}" for column in SOURCE_FIELDS), _csv_source_cells
)


def _csv_review_cells(log: ReviewLog) -> tuple[str, str]:
    """The cells of REVIEW_PROVENANCE, and of review_history (the log as JSON)."""
    history = json.dumps(log.history, ensure_ascii=False, separators=(",", ":"))
    return csv_cells(REVIEW_PROVENANCE, log.provenance), csv_text(history)


_CSV_NEVER_REVIEWED = (csv_cells(REVIEW_PROVENANCE, NEVER_REVIEWED.provenance), csv_text(None))


def _csv_lines(job: Job, batch: Batch) -> list[str]:
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
        text = _CSV_NO_TEXT if text is None else csv_text(text)
        official = csv_cells(OFFICIAL_COLUMNS, job.official_of(claim_id))
        lines.append(
            f"{claim_cells},{provenance},{review},{extra},{history},{text},{official},"
            + _CSV_NO_TEXT  # ledger_record: only the rows of the decision logs have one
        )
    return lines


def _csv_claim_cells_in_python(db: sqlite_utils.Database, claim_id: int) -> str:
    sql = f"SELECT {', '.join(CLAIM_COLUMNS)} FROM claims WHERE id = ?"
    return csv_cells(CLAIM_COLUMNS, db.execute(sql, [claim_id]).fetchone())


def _first_appearances(
    job: Job, source_ids: set[int], seen: set[int], id_range: IdRange
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
    rows = job.db.execute(sql, [ids_param(new_ids), first, *job.params])
    return {row[0] for row in rows}
