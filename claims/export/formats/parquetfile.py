"""Parquet: the claims with provenance; the manifest in the file metadata."""

from __future__ import annotations

import json
from typing import BinaryIO

from claims.export.columns import CLAIM_ROW_COLUMNS, INTEGER_COLUMNS, REAL_COLUMNS
from claims.export.job import Job
from claims.export.manifest import manifest_of
from claims.export.reading import claim_row_batches
from claims.model import ClaimsError


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


def write_parquet(job: Job, out: BinaryIO) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema()
    types = [f.type for f in schema]
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        # Batches are gathered into row groups of PARQUET_ROW_GROUP rows: readers
        # work better with fewer, larger groups, and memory stays bounded.
        pending: list = []
        pending_rows = 0
        for batch in claim_row_batches(job):
            columns = list(zip(*batch, strict=True))
            arrays = [pa.array(col, type=t) for col, t in zip(columns, types, strict=True)]
            pending.append(pa.RecordBatch.from_arrays(arrays, schema=schema))
            pending_rows += len(batch)
            if pending_rows >= PARQUET_ROW_GROUP:
                writer.write_table(pa.Table.from_batches(pending, schema=schema))
                pending, pending_rows = [], 0
        if pending:
            writer.write_table(pa.Table.from_batches(pending, schema=schema))
        manifest = manifest_of(job, sha256=None, file_name=None)
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
