"""Concurrent reviewers and writers (issue 9).

- Two reviewers (two threads, each with its own connection, as two dashboard
  sessions have) save the same claim: the second save is refused with a
  ConflictError naming the claim, and the first is what is stored.
- Eight writer processes ingest distinct articles for 30 seconds, one of them
  in bulk from JSON Lines files, all of them also racing for the same shared
  articles, while a reader thread queries the whole time: nobody sees an
  exception ("database is locked" included), every article is stored exactly
  once, every count is exact, and no read waits more than a few seconds.
- Twelve processes opening a database that does not exist yet all get it
  (before store.migrate took the write lock and store.connect waited to switch
  the file to WAL, the losers of that race failed with "database is locked" or
  "table meta already exists").
"""

from __future__ import annotations

import json
import multiprocessing
import threading
import time
import traceback
from pathlib import Path

import pytest

from claims import ingest, query, store
from claims.model import ConflictError
from claims.query import ClaimFilter

WRITERS = 8
RUN_SECONDS = 30.0
SHARED_EVERY = 7  # every 7th article a writer writes is one all writers race for


# ---------------------------------------------------------------- two reviewers


@pytest.fixture
def one_claim(tmp_path):
    path = tmp_path / "review.db"
    db = store.connect(path)
    result = ingest.ingest_text(db, "Harbour fees at Portvale rose 12 percent in 2023.")
    claim_id = next(db["claims"].rows_where("source_id = ?", [result.source_id]))["id"]
    db.close()
    return path, claim_id


def _reviewer(path, claim_id, change, barrier, outcomes, name, *, wait_for=None, done=None):
    """Open the claim, wait until the other reviewer has it open too, then save."""
    db = store.connect(path)
    try:
        version = store.get_claim(db, claim_id)["version"]
        barrier.wait(timeout=10)
        if wait_for is not None:
            wait_for.wait(timeout=10)
        try:
            change(db, claim_id, version, name)
            outcomes[name] = "saved"
        except ConflictError as exc:
            outcomes[name] = exc
        except Exception as exc:  # noqa: BLE001 - any other error fails the test below
            outcomes[name] = f"unexpected {exc!r}"
        finally:
            if done is not None:
                done.set()
    finally:
        db.close()


def _edit_value(value):
    def change(db, claim_id, version, name):
        store.update_claim(
            db, claim_id, {"value": value}, expected_version=version, reviewer=name, note=name
        )

    return change


def _set_status(status):
    def change(db, claim_id, version, name):
        store.set_status(
            db, claim_id, status, note=f"{name} checked", reviewer=name, expected_version=version
        )

    return change


def test_the_second_of_two_reviewers_is_refused_and_the_first_is_kept(one_claim):
    path, claim_id = one_claim
    barrier, first_saved, outcomes = threading.Barrier(2), threading.Event(), {}
    threads = [
        threading.Thread(
            target=_reviewer,
            args=(path, claim_id, _edit_value(13), barrier, outcomes, "ana"),
            kwargs={"done": first_saved},
        ),
        threading.Thread(
            target=_reviewer,
            args=(path, claim_id, _edit_value(14), barrier, outcomes, "ben"),
            kwargs={"wait_for": first_saved},
        ),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcomes["ana"] == "saved"
    assert isinstance(outcomes["ben"], ConflictError)
    assert str(outcomes["ben"]) == (
        f"Claim {claim_id} was changed by someone else since you opened it "
        "(version 1, now 2); reload it and try again."
    )
    db = store.connect(path)
    claim = store.get_claim(db, claim_id)
    assert (claim["value"], claim["version"]) == (13.0, 2)
    reviews = store.reviews_of(db, claim_id)
    assert [(r["reviewer"], r["field"], r["old"], r["new"]) for r in reviews] == [
        ("ana", "value", "12.0", "13.0")
    ]


@pytest.mark.parametrize("rounds", [15])
def test_two_reviewers_saving_at_the_same_instant_one_wins_whole(one_claim, rounds):
    path, claim_id = one_claim
    for round_ in range(rounds):
        db = store.connect(path)
        before = store.get_claim(db, claim_id)
        reviews_before = len(store.reviews_of(db, claim_id))
        db.close()
        barrier, outcomes = threading.Barrier(2), {}
        # Always a real change: a status set to what it already is writes nothing.
        status = "disputed" if before["status"] == "verified" else "verified"
        changes = {"ana": _edit_value(100 + round_), "ben": _set_status(status)}
        threads = [
            threading.Thread(
                target=_reviewer, args=(path, claim_id, change, barrier, outcomes, name)
            )
            for name, change in changes.items()
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        winners = [name for name, outcome in outcomes.items() if outcome == "saved"]
        losers = [name for name in changes if name not in winners]
        assert len(winners) == 1 and len(losers) == 1, outcomes
        loser = outcomes[losers[0]]
        assert isinstance(loser, ConflictError), loser
        assert str(loser) == (
            f"Claim {claim_id} was changed by someone else since you opened it "
            f"(version {before['version']}, now {before['version'] + 1}); "
            "reload it and try again."
        )
        db = store.connect(path)
        after = store.get_claim(db, claim_id)
        reviews = store.reviews_of(db, claim_id)[reviews_before:]
        db.close()
        assert after["version"] == before["version"] + 1
        if winners == ["ana"]:
            assert (after["value"], after["status"]) == (100 + round_, before["status"])
            assert [(r["reviewer"], r["field"]) for r in reviews] == [("ana", "value")]
        else:
            assert (after["value"], after["status"]) == (before["value"], status)
            assert [(r["reviewer"], r["field"]) for r in reviews] == [("ben", "status")]


# ---------------------------------------------------------------- eight writers and a reader


def article(writer: int, n: int) -> str:
    return (
        f"Dispatch {writer}-{n}: harbour fees at Port {writer} rose {n % 90 + 1} percent "
        f"in 2023, the authority said of its ledger entry {writer * 100_000 + n}."
    )


def shared_article(k: int) -> str:
    return f"Joint bulletin {k}: the ferry fleet grew by {k + 2} vessels in 2024, the agency said."


def _single_writer(path: Path, writer: int, go, stop_at_box, out: Path) -> None:
    """Ingest one article at a time until the deadline; record what happened."""
    log = {"written": [], "shared": [], "errors": []}
    try:
        db = store.connect(path)
        go.wait(timeout=60)
        deadline = stop_at_box.value
        n = 0
        while time.time() < deadline:
            if n % SHARED_EVERY == SHARED_EVERY - 1:
                k = n // SHARED_EVERY
                result = ingest.ingest_text(db, shared_article(k))
                log["shared"].append([k, result.source_id, result.created, result.claims_added])
            else:
                text = article(writer, n)
                result = ingest.ingest_text(db, text)
                log["written"].append([text, result.source_id, result.created, result.claims_added])
            n += 1
    except Exception:  # noqa: BLE001 - reported to the test, which fails on it
        log["errors"].append(traceback.format_exc())
    out.write_text(json.dumps(log))


def _bulk_writer(path: Path, writer: int, go, stop_at_box, out: Path) -> None:
    """Ingest JSON Lines files of 40 articles (one bulk run each) until the deadline."""
    log = {"written": [], "shared": [], "errors": []}
    try:
        db = store.connect(path)
        go.wait(timeout=60)
        deadline = stop_at_box.value
        batch = 0
        while time.time() < deadline:
            texts = [article(writer, batch * 40 + i) for i in range(40)]
            jsonl = out.with_name(f"bulk-{batch}.jsonl")
            jsonl.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts))
            summary = ingest.ingest_many(db, [jsonl], workers=1)
            if summary.failures:
                log["errors"].append(repr(summary.failures))
            for (_label, result), text in zip(summary.results, texts, strict=True):
                log["written"].append([text, result.source_id, result.created, result.claims_added])
            batch += 1
    except Exception:  # noqa: BLE001 - reported to the test, which fails on it
        log["errors"].append(traceback.format_exc())
    out.write_text(json.dumps(log))


def _reader(path: Path, stop: threading.Event, log: dict) -> None:
    db = store.connect(path)
    search = ClaimFilter(search="harbour fees")
    try:
        while not stop.is_set():
            for read in (
                lambda: query.list_claims(db, page_size=20),
                lambda: query.count_claims(db),
                lambda: query.list_claims(db, search, sort="value"),
                lambda: query.count_claims(db, search),
                lambda: store.stats(db),
                lambda: query.sources_table(db, search="Dispatch", limit=10),
            ):
                read()
                log["reads"] += 1
            count = query.count_claims(db)
            assert count >= log["last_count"], "a committed claim disappeared"
            log["last_count"] = count
    except Exception:  # noqa: BLE001 - reported to the test, which fails on it
        log["errors"].append(traceback.format_exc())
    finally:
        db.close()


@pytest.mark.slow  # a thirty-second soak
def test_eight_writers_and_a_reader_for_thirty_seconds(tmp_path):
    path = tmp_path / "busy.db"
    db = store.connect(path)
    start_revision = store.revision(db)
    db.close()  # no connection of ours is open across the fork
    ctx = multiprocessing.get_context("fork")  # each child opens its own connection
    go = ctx.Event()
    stop_at = ctx.Value("d", 0.0)
    logs = [tmp_path / f"writer-{i}.json" for i in range(WRITERS)]
    processes = [
        ctx.Process(
            target=_bulk_writer if i == 0 else _single_writer,
            args=(path, i, go, stop_at, logs[i]),
        )
        for i in range(WRITERS)
    ]
    for process in processes:
        process.start()
    reading = {"reads": 0, "last_count": 0, "errors": []}
    stop_reading = threading.Event()
    reader = threading.Thread(target=_reader, args=(path, stop_reading, reading))
    reader.start()
    stop_at.value = time.time() + RUN_SECONDS
    go.set()
    for process in processes:
        process.join(timeout=RUN_SECONDS + 60)
    stop_reading.set()
    reader.join(timeout=30)

    assert [p.exitcode for p in processes] == [0] * WRITERS
    results = [json.loads(log.read_text()) for log in logs]
    assert [r["errors"] for r in results] == [[]] * WRITERS
    assert reading["errors"] == []
    assert reading["reads"] > 100  # the reader is never shut out by the writers

    db = store.connect(path)
    stored = {row["text"]: row["id"] for row in db["sources"].rows}
    written = [entry for r in results for entry in r["written"]]
    # Every distinct article once, under the id its writer was told, with its claims.
    assert len(written) == len({text for text, *_ in written}) > 500
    assert all(created for _, _, created, _ in written)
    for text, source_id, _, claims_added in written:
        assert stored[text] == source_id
        assert claims_added >= 1
    # The shared articles: every racer got the same id, exactly one of them created it.
    shared: dict[int, list] = {}
    for r in results:
        for k, source_id, created, claims_added in r["shared"]:
            shared.setdefault(k, []).append((source_id, created, claims_added))
    assert shared
    for k, attempts in shared.items():
        assert {source_id for source_id, _, _ in attempts} == {stored[shared_article(k)]}
        assert sum(created for _, created, _ in attempts) == 1
    # Counts exact: nothing extra, nothing lost, summaries and revision agree.
    sources = len(written) + len(shared)
    claims = sum(entry[3] for entry in written) + sum(
        claims_added
        for attempts in shared.values()
        for _, created, claims_added in attempts
        if created
    )
    assert (db["sources"].count, db["claims"].count) == (sources, claims)
    assert len(stored) == sources
    assert db.execute("SELECT count(*) FROM claims_fts").fetchone()[0] == claims
    assert store.stats(db)["claims"] == claims
    assert store.revision(db) == start_revision + sources + claims
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _open_new(path: Path, go, out: Path) -> None:
    go.wait(timeout=60)
    try:
        db = store.connect(path)
        out.write_text(json.dumps(store.stats(db)["revision"]))
    except Exception as exc:  # noqa: BLE001 - reported to the test, which fails on it
        out.write_text(json.dumps(repr(exc)))


OPENERS = 12


@pytest.mark.parametrize("attempt", range(4))
def test_processes_opening_a_new_database_at_once_all_get_it(tmp_path, attempt):
    # The dashboard and a bulk ingest started together on a fresh install: one
    # of them creates the schema, the others wait and find it there.
    path = tmp_path / "new.db"
    ctx = multiprocessing.get_context("fork")
    go = ctx.Event()
    outs = [tmp_path / f"open-{i}.json" for i in range(OPENERS)]
    processes = [ctx.Process(target=_open_new, args=(path, go, out)) for out in outs]
    for process in processes:
        process.start()
    go.set()
    for process in processes:
        process.join(timeout=120)
    assert [json.loads(out.read_text()) for out in outs] == [0] * OPENERS
    db = store.connect(path)
    assert [m.name for m in store.migrations.applied(db)] == [
        m.name for m in store.migrations._migrations
    ]
