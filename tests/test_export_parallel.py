"""A large CSV or JSON Lines export is written by several processes: the file must not show it."""

from __future__ import annotations

import csv
import io
import json

import pytest

from claims import export, store
from claims.export import parallel
from claims.export.job import start
from claims.export.reading import read_snapshot
from claims.query import ClaimFilter
from tests.ledger_data import build_hostile_ledger, claim_for

# Seconds each: every export starts worker processes. `make test-fast` skips them.
pytestmark = pytest.mark.slow

FORMATS = ["csv", "jsonl"]
LATE_ARTICLE = "Exports rose 7 per cent in May, the customs office said."


@pytest.fixture
def ledger(db):
    """The hostile ledger, then claims added late to its first source and a third source.

    Ids 1-5 are the hostile ledger's (sources 1 and 2), 6 is source 1's again
    (re-extraction found it), 7 is source 3's: split in three, source 1 has
    claims in the first and second range, source 3 only in the last.
    """
    ids = build_hostile_ledger(db)
    first_source = ids["sources"][0]
    text = db["sources"].get(first_source)["text"]
    store.add_claims(db, first_source, [claim_for(text, "5,000", 5000.0, unit="delegate")])
    store.add_source(db, LATE_ARTICLE, [claim_for(LATE_ARTICLE, "7 per cent", 7.0)])
    return db


def exported(db, fmt: str, claim_filter: ClaimFilter | None = None) -> bytes:
    buffer = io.BytesIO()
    export.stream_export(db, claim_filter, fmt, buffer)
    return buffer.getvalue()


@pytest.fixture
def in_parallel(monkeypatch):
    """Exports of any size go parallel, in three processes whatever the machine has."""
    monkeypatch.setattr(parallel, "PARALLEL_MIN_CLAIMS", 0)
    monkeypatch.setattr(parallel, "EXPORT_PROCESSES", 3)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_parallel_export_is_the_serial_export_byte_for_byte(ledger, request, fmt):
    serial = exported(ledger, fmt)
    request.getfixturevalue("in_parallel")
    job = start(ledger, None, fmt, None)
    assert parallel.parallel_ranges(job) == [(None, 3), (4, 6), (7, None)]
    assert exported(ledger, fmt) == serial


@pytest.mark.usefixtures("in_parallel")
def test_each_article_text_is_written_once_across_the_processes(ledger):
    rows = list(csv.DictReader(io.StringIO(exported(ledger, "csv").decode("utf-8-sig"))))
    texts = [(int(row["id"]), int(row["source_id"])) for row in rows if row["source_text"]]
    assert texts == [(1, 1), (4, 2), (7, 3)]  # source 1's claim 6 is in the second range
    assert [int(row["id"]) for row in rows] == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.usefixtures("in_parallel")
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_filtered_parallel_export_holds_the_same_claims(ledger, fmt):
    claim_filter = ClaimFilter(status=["unreviewed"])
    data = exported(ledger, fmt, claim_filter)
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
        assert [(int(r["id"]), bool(r["source_text"])) for r in rows] == [
            (3, True),
            (6, False),
            (7, True),
        ]
    else:
        claims = [json.loads(line) for line in data.splitlines() if b'"type":"claim"' in line]
        assert [claim["id"] for claim in claims] == [3, 6, 7]


@pytest.mark.usefixtures("in_parallel")
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_write_before_the_workers_start_leaves_the_export_as_it_began(ledger, tmp_path, fmt):
    before = exported(ledger, fmt)
    with read_snapshot(ledger):
        job = start(ledger, None, fmt, None)
        other = store.connect(tmp_path / "claims.db")  # another writer, after the snapshot
        store.set_status(other, 7, "verified", note="late", reviewer="zed")
        other.close()
        buffer = io.BytesIO()
        export.WRITERS[fmt](job, buffer)  # the workers see the write and hand back their ranges
    assert buffer.getvalue() == before
    assert job.counts["claims"] == 7


def test_a_worker_that_fails_costs_time_not_the_export(ledger, request, monkeypatch):
    serial = exported(ledger, "csv")
    request.getfixturevalue("in_parallel")
    # The workers cannot open the ledger; this process writes their ranges.
    monkeypatch.setattr(parallel, "database_file", lambda db: "/nonexistent/claims.db")
    assert exported(ledger, "csv") == serial


@pytest.mark.parametrize("text_on_every_row", [False, True])
def test_a_parallel_export_with_article_texts_on_every_row_is_the_serial_one(
    ledger, request, text_on_every_row
):
    def csv_export() -> tuple[bytes, dict]:
        buffer = io.BytesIO()
        manifest = export.stream_export(
            ledger, None, "csv", buffer, text_on_every_row=text_on_every_row
        )
        return buffer.getvalue(), manifest["counts"]

    serial = csv_export()
    request.getfixturevalue("in_parallel")
    assert csv_export() == serial
    assert serial[1]["sources"] == 3  # each article counted once, however many rows carry it
