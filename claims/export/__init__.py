"""Exports of the claims table: CSV, JSON, JSON Lines, Excel, Parquet, ClaimReview JSON-LD.

Every export streams from one snapshot of the ledger, in batches, and comes
with a manifest (filters, row count, export time, database revision, extractor
version, SHA-256 of the data file) beside it as FILE.manifest.json; a download
is named for its ledger, filters and day. claims.importer reads csv, json,
jsonl and xlsx back.

Entry points (claims.export.api): FORMATS; export_bytes / export_with_manifest
/ export_manifest (the dashboard: a whole file in memory, up to
IN_MEMORY_LIMIT claims); write_export (the CLI: streams to a file and writes
the manifest beside it); stream_export (to an open stream).

One module per reason to change:

- columns: the columns of each table and row, and which hold numbers;
- safety: spreadsheet formula escaping (the only place) and Excel's XML escapes;
- job: one export in progress (FORMATS, its filter, revision and counts);
- reading: the claims with their provenance, sources, reviews and decision
  logs, read in batches from one snapshot;
- cells: a value as a CSV cell or JSON member, in Python and in SQL;
- formats: a writer per format (csvfile, jsonfile, xlsxfile and its
  xlsx_layout, parquetfile, claimreview), by name in formats.WRITERS;
- parallel: a large CSV or JSON Lines export's claims written by several
  processes;
- manifest: the manifest, where it is written, the file's hash;
- names: the file name that says what an export holds;
- command: the shell command that exports a view;
- api: the entry points above.

The names below are re-exported so that `from claims import export;
export.write_export(...)` works. A setting read at export time
(api.IN_MEMORY_LIMIT, parallel.PARALLEL_MIN_CLAIMS, parallel.EXPORT_PROCESSES)
is read from its own module: change it there.
"""

from __future__ import annotations

from claims.export.api import (
    IN_MEMORY_LIMIT,
    export_bytes,
    export_manifest,
    export_with_manifest,
    stream_export,
    too_many_for_memory,
    write_export,
)
from claims.export.columns import (
    CLAIM_COLUMNS,
    CLAIM_ROW_COLUMNS,
    CSV_COLUMNS,
    CSV_SOURCE_EXTRA,
    INTEGER_COLUMNS,
    OFFICIAL_COLUMNS,
    REAL_COLUMNS,
    REVIEW_COLUMNS,
    REVIEW_PROVENANCE,
    SOURCE_COLUMNS,
    SOURCE_FIELDS,
    SOURCE_PROVENANCE,
)
from claims.export.command import export_command
from claims.export.formats import WRITERS
from claims.export.formats.claimreview import VERDICT_RATINGS, claim_review
from claims.export.formats.parquetfile import parquet_manifest
from claims.export.formats.xlsxfile import XLSX_CELL_LIMIT, XLSX_MAX_ROWS, xlsx_text_parts
from claims.export.job import FORMATS, GENERATOR, MANIFEST_INSIDE
from claims.export.manifest import manifest_json, manifest_path, sha256_of_file
from claims.export.names import export_file_name
from claims.export.reading import is_whole_ledger
from claims.export.safety import (
    escape_formula,
    escape_ooxml,
    unescape_formula,
    unescape_ooxml,
    xlsx_read_text,
    xlsx_text,
)

__all__ = [
    "CLAIM_COLUMNS",
    "CLAIM_ROW_COLUMNS",
    "CSV_COLUMNS",
    "CSV_SOURCE_EXTRA",
    "FORMATS",
    "GENERATOR",
    "IN_MEMORY_LIMIT",
    "INTEGER_COLUMNS",
    "MANIFEST_INSIDE",
    "OFFICIAL_COLUMNS",
    "REAL_COLUMNS",
    "REVIEW_COLUMNS",
    "REVIEW_PROVENANCE",
    "SOURCE_COLUMNS",
    "SOURCE_FIELDS",
    "SOURCE_PROVENANCE",
    "VERDICT_RATINGS",
    "WRITERS",
    "XLSX_CELL_LIMIT",
    "XLSX_MAX_ROWS",
    "claim_review",
    "escape_formula",
    "escape_ooxml",
    "export_bytes",
    "export_command",
    "export_file_name",
    "export_manifest",
    "export_with_manifest",
    "is_whole_ledger",
    "manifest_json",
    "manifest_path",
    "parquet_manifest",
    "sha256_of_file",
    "stream_export",
    "too_many_for_memory",
    "unescape_formula",
    "unescape_ooxml",
    "write_export",
    "xlsx_read_text",
    "xlsx_text",
    "xlsx_text_parts",
]
