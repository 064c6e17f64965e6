"""A large export's claim records, written by several processes.

A large CSV or JSON Lines export splits its claims into id ranges: this
process writes the first range into the file while worker processes write
the others into files of their own, appended in order when it is done. A
worker that cannot take part (its snapshot is not the export's, it failed)
gives its range back, and this process writes it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import sqlite_utils

from claims import store
from claims.export.job import Job, start
from claims.export.reading import IdRange, matching_claims, read_snapshot
from claims.model import ClaimsError
from claims.processes import worker_pool
from claims.query import ClaimFilter

# A format's writer of the claim records in an id range (csv and jsonl have one): a
# module-level function, which a worker process is given by name.
RangeWriter = Callable[[Job, BinaryIO, IdRange], None]

# Reading a claim (SQLite) and formatting it (Python) are both CPU work, and
# one process does 80,000 to 90,000 rows a second (bench/export_speed.py).
PARALLEL_MIN_CLAIMS = 200_000
# Processes a large export runs in, this one included.
EXPORT_PROCESSES = min(os.cpu_count() or 1, 4)


@contextmanager
def claim_records(job: Job, write_range: RangeWriter) -> Iterator[Callable[[BinaryIO], None]]:
    """A function that writes the export's claim records in id order, each id range
    with `write_range` (the format's: CSV or JSON lines).

    Worker processes, when the export is large enough to want them, start at
    once, so they work while this process writes what comes before the
    claims. Each opens its own snapshot of the ledger; one whose snapshot is
    not the export's (a write came in between: the revision differs) gives
    its range back, and this process writes it from the export's snapshot.
    """
    ranges = parallel_ranges(job)
    if len(ranges) == 1:
        yield lambda out: write_range(job, out, None)
        return
    db_file = database_file(job.db)
    assert db_file is not None  # parallel_ranges splits only a database in a file
    with (
        tempfile.TemporaryDirectory(prefix="claims-export-") as folder,
        worker_pool(len(ranges) - 1) as pool,
    ):
        later = [
            (
                id_range,
                pool.submit(
                    _write_range_in_worker,
                    write_range,
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


def parallel_ranges(job: Job) -> list[IdRange]:
    """The id ranges to write in parallel, one per process; one range (all) when not worth it.

    The ranges are of equal width in ids, not in matching claims: finding the
    quantiles would cost a pass over the matches, and ids are spread evenly
    enough over time for every filter but the narrowest, which stays serial.
    """
    processes = EXPORT_PROCESSES
    if processes < 2 or database_file(job.db) is None:
        return [None]
    if matching_claims(job, cap=PARALLEL_MIN_CLAIMS) < PARALLEL_MIN_CLAIMS:
        return [None]
    low, high = job.db.execute("SELECT min(id), max(id) FROM claims").fetchone()
    step = (high - low) // processes + 1
    starts = [low + step * number for number in range(1, processes)]
    ends = [start - 1 for start in starts]
    return list(zip([None, *starts], [*ends, None], strict=True))


def database_file(db: sqlite_utils.Database) -> str | None:
    """The file a worker process opens; None for an in-memory database."""
    for _, name, file, *_ in db.execute("PRAGMA database_list"):
        if name == "main":
            return file or None
    return None


def _write_range_in_worker(
    write_range: RangeWriter,
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
        with read_snapshot(db):
            job = start(db, claim_filter, fmt, None, text_on_every_row=text_on_every_row)
            if job.revision != revision:
                return None
            with open(part, "wb") as out:
                write_range(job, out, id_range)
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


def _append_part(job: Job, out: BinaryIO, part: Path, counts: dict) -> None:
    with open(part, "rb") as records:
        shutil.copyfileobj(records, out, 1 << 20)
    for kind, count in counts.items():
        job.counts[kind] = job.counts.get(kind, 0) + count
