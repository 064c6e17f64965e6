"""The manifest of an export: filters, row count, export time, database revision,
extractor version, columns and the SHA-256 of the data file.

It sits beside the file as FILE.manifest.json (manifest_path); xlsx and parquet
also carry it inside (without the hash: a file cannot hold its own hash).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from claims.export.columns import CLAIM_ROW_COLUMNS, CSV_COLUMNS
from claims.export.job import GENERATOR, Job
from claims.export.safety import FORMULA_ESCAPING
from claims.model import EXTRACTOR_VERSION


def columns_of(fmt: str) -> list[str]:
    if fmt == "csv":
        return list(CSV_COLUMNS)
    if fmt == "claimreview":
        return []
    return list(CLAIM_ROW_COLUMNS)


def manifest_of(job: Job, *, sha256: str | None, file_name: str | None) -> dict:
    """The manifest of `job`, an export written (its counts are final)."""
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
        "columns": columns_of(job.fmt),
    }
    if job.fmt == "csv":
        manifest["source_text"] = (
            "on every row" if job.text_on_every_row else "on the first row of each source"
        )
    if job.fmt in ("csv", "xlsx"):
        manifest["formula_escaping"] = FORMULA_ESCAPING  # claims.export.safety
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


def sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
