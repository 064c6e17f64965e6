"""The entry points of an export: a whole file in memory, to a path, or to a stream.

export_bytes / export_with_manifest / export_manifest serve the dashboard (a
whole file in memory, up to IN_MEMORY_LIMIT claims); write_export the CLI
(streams to a file and writes the manifest beside it); stream_export writes to
an open stream (stdout). Each reads one snapshot of the ledger and hands it to
the format's writer (claims.export.formats.WRITERS).
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path
from typing import BinaryIO

import sqlite_utils

from claims.export.formats import WRITERS
from claims.export.job import FORMATS, start
from claims.export.manifest import manifest_json, manifest_of, manifest_path, sha256_of_file
from claims.export.names import export_file_name
from claims.export.parallel import database_file
from claims.export.reading import read_snapshot
from claims.model import VERDICT_STATUSES, ClaimsError
from claims.query import ClaimFilter, count_claims

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
    with read_snapshot(db):
        if too_many_for_memory(db, claim_filter):
            raise ClaimsError(
                f"More than {IN_MEMORY_LIMIT:,} claims are too many to build in memory: "
                "narrow the filters, or export them to a file with `python -m claims export`."
            )
        job = start(db, claim_filter, fmt, org, text_on_every_row=text_on_every_row)
        WRITERS[fmt](job, buffer)
    data = buffer.getvalue()
    manifest = manifest_of(
        job, sha256=hashlib.sha256(data).hexdigest(), file_name=download_name(db, claim_filter, fmt)
    )
    return data, manifest


def download_name(db: sqlite_utils.Database, claim_filter: ClaimFilter | None, fmt: str) -> str:
    """The name a download of this export is offered under (claims.export.names)."""
    return export_file_name(database_file(db) or "ledger", claim_filter, FORMATS[fmt][0])


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
    with read_snapshot(db):
        job = start(db, claim_filter, fmt, org)
        where = job.where
        if fmt == "claimreview":
            where = f"({where}) AND claims.status IN ({', '.join('?' * len(VERDICT_STATUSES))})"
            params = [*job.params, *VERDICT_STATUSES]
        else:
            params = job.params
        job.counts["claims"] = db.execute(
            f"SELECT count(*) FROM claims WHERE {where}", params
        ).fetchone()[0]
    return manifest_of(
        job,
        sha256=hashlib.sha256(data).hexdigest(),
        file_name=file_name or download_name(db, claim_filter, fmt),
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
        with read_snapshot(db), open(partial, "wb") as out:
            job = start(db, claim_filter, fmt, org, text_on_every_row=text_on_every_row)
            WRITERS[fmt](job, out)
        digest = sha256_of_file(partial)
        os.replace(partial, path)
    except OSError as exc:
        raise ClaimsError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    finally:
        partial.unlink(missing_ok=True)
    manifest = manifest_of(job, sha256=digest, file_name=path.name)
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
    with read_snapshot(db):
        job = start(db, claim_filter, fmt, org, text_on_every_row=text_on_every_row)
        WRITERS[fmt](job, out)
    return manifest_of(job, sha256=None, file_name=None)
