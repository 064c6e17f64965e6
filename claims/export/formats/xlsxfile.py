"""Excel: sheets claims, sources, source_text, reviews, the decision logs, export.

source_text holds the rest of articles longer than a spreadsheet cell holds;
the decision logs' sheets come in a whole-ledger export; export is the
manifest. Each sheet has its header frozen, an autofilter and column widths
(claims.export.formats.xlsx_layout). Every text cell goes through
claims.export.safety.xlsx_text: formula-escaped, then XML-safe.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from typing import BinaryIO

from claims.export.columns import CLAIM_ROW_COLUMNS, REVIEW_COLUMNS, SOURCE_COLUMNS
from claims.export.job import Job
from claims.export.manifest import manifest_of
from claims.export.reading import (
    claim_row_batches,
    decision_logs,
    matching_claims,
    review_batches,
    source_batches,
)
from claims.export.safety import xlsx_text
from claims.ledger_logs import log_rows
from claims.model import ClaimsError

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


def _check_fits_excel(job: Job) -> None:
    """Refuse, before writing, an export that a sheet cannot hold (Excel's row limit)."""
    reviews_sql = (
        "SELECT count(*) FROM reviews JOIN claims ON claims.id = reviews.claim_id "
        f"WHERE {job.where}"
    )
    for table, count in (
        ("claims", matching_claims(job)),
        ("reviews", job.db.execute(reviews_sql, job.params).fetchone()[0]),
    ):
        if count > XLSX_MAX_ROWS - 1:
            raise ClaimsError(
                f"An Excel sheet holds {XLSX_MAX_ROWS - 1:,} rows and this export has "
                f"{count:,} {table}; narrow the filters or export csv, jsonl or parquet."
            )


def write_xlsx(job: Job, out: BinaryIO) -> None:
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


def _fill_workbook(job: Job, workbook) -> None:
    from claims.export.formats.xlsx_layout import LaidOutSheet

    # Sheets are made in the order they are shown; each is filled in turn.
    claims_sheet = LaidOutSheet(workbook, "claims", CLAIM_ROW_COLUMNS)
    sources_sheet = LaidOutSheet(workbook, "sources", (*SOURCE_COLUMNS, "text_parts"))
    overflow_sheet = LaidOutSheet(workbook, "source_text", ("source_id", "part", "text"))
    reviews_sheet = LaidOutSheet(workbook, "reviews", REVIEW_COLUMNS)
    log_sheets = [
        (log, LaidOutSheet(workbook, log.table, log.columns)) for log in decision_logs(job)
    ]
    export_sheet = LaidOutSheet(workbook, "export", ("key", "value"))

    for batch in claim_row_batches(job):
        for row in batch:
            claims_sheet.append(_xlsx_row(row))

    for batch in source_batches(job):
        for row in batch:
            parts = xlsx_text_parts(row[-1])
            sources_sheet.append([*_xlsx_row(row[:-1]), parts[0], len(parts)])
            for number, part in enumerate(parts[1:], start=2):
                overflow_sheet.append((row[0], number, part))

    for batch in review_batches(job):
        for row in batch:
            reviews_sheet.append(_xlsx_row(row))

    for log, sheet in log_sheets:
        for row in log_rows(job.db, log, include_vanished=job.include_vanished):
            sheet.append(_xlsx_row(row))

    for key, value in manifest_of(job, sha256=None, file_name=None).items():
        if key in ("sha256", "file"):
            continue  # a file cannot hold its own hash: see FILE.manifest.json
        shown = value if isinstance(value, (int, float, str)) else json.dumps(value)
        export_sheet.append(_xlsx_row((key, shown)))

    for sheet in (claims_sheet, sources_sheet, overflow_sheet, reviews_sheet, export_sheet):
        sheet.add_filter()
    for _, sheet in log_sheets:
        sheet.add_filter()
