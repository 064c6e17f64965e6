"""The export formats' writers, by format name (claims.export.job.FORMATS).

Each writes one export (a Job) to a binary stream:

- csv (csvfile), json and jsonl (jsonfile), xlsx (xlsxfile), parquet
  (parquetfile), claimreview (claimreview).

In json, jsonl and xlsx, a whole-ledger export carries every source; a
filtered one, the sources of its claims (see
claims.export.reading.is_whole_ledger). A whole-ledger export adds the
decision logs, "source_reviews", "key_merges" and "claim_splits", and the
teamwork logs, "assignment_log" and "comments" (claims.ledger_logs).
claims.importer reads csv, json, jsonl and xlsx back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from claims.export.formats.claimreview import write_claimreview
from claims.export.formats.csvfile import write_csv
from claims.export.formats.jsonfile import write_json, write_jsonl
from claims.export.formats.parquetfile import write_parquet
from claims.export.formats.xlsxfile import write_xlsx
from claims.export.job import Job

WRITERS: dict[str, Callable[[Job, BinaryIO], None]] = {
    "csv": write_csv,
    "json": write_json,
    "jsonl": write_jsonl,
    "xlsx": write_xlsx,
    "parquet": write_parquet,
    "claimreview": write_claimreview,
}
