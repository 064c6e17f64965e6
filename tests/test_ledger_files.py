"""Which files a command may change: reading never writes, only a ledger is written.

Commands that only read (stats, export, groups) open the file read-only; the
commands that write refuse what is not a ledger; a ledger made by a newer version
is read, never written by this older code.
"""

from __future__ import annotations

import sqlite3

import pytest

from claims import store
from claims.model import ClaimsError
from tests.test_cli import db_path, run  # noqa: F401 (db_path is a fixture)

READING = [
    ["stats"],
    ["stats", "--json"],
    ["groups", "--json"],
    ["export", "--format", "csv", "-o", "-"],
]
WRITING = [["status", "1", "verified", "--note", "x"], ["rekey"], ["reextract", "--no-progress"]]
# Commands that make a ledger from a missing or empty file, by design.
CREATING = [
    ["init", "--no-samples"],
    ["ingest", "README.md", "--no-progress"],
    ["import", "README.md"],
]


@pytest.fixture
def foreign(tmp_path):
    """Another application's SQLite database, in rollback-journal mode."""
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('keep me')")
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def empty(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    return path


@pytest.fixture
def newer(db_path):  # noqa: F811
    """A ledger on which a later version of the software applied a migration of its own."""
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('claims', '9999_from_a_later_version', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    return db_path


def files_beside(path):
    return sorted(p.name for p in path.parent.iterdir())


@pytest.mark.parametrize("command", READING + WRITING + CREATING)
def test_a_foreign_database_is_refused_and_left_byte_for_byte(foreign, command):
    before, listing = foreign.read_bytes(), files_beside(foreign)
    done = run(*command, "--db", str(foreign))
    assert done.returncode == 2
    assert done.stderr == (
        f"error: {foreign} is not a claims ledger (it holds another application's tables); "
        "it was left unchanged. Give --db a ledger, or a new file name to create one.\n"
    )
    assert foreign.read_bytes() == before and files_beside(foreign) == listing


@pytest.mark.parametrize("command", READING + WRITING)
def test_an_empty_file_is_not_made_a_ledger_by_a_command_that_does_not_create(empty, command):
    done = run(*command, "--db", str(empty))
    assert done.returncode == 2
    assert done.stderr == (
        f"error: {empty} is empty, not a claims ledger yet; "
        f"run `python -m claims init --db {empty}` to make it one.\n"
    )
    assert empty.read_bytes() == b"" and files_beside(empty) == ["empty.sqlite"]


def test_init_makes_an_empty_file_a_ledger_but_refuses_a_foreign_one(empty, foreign):
    assert run("init", "--no-samples", "--db", str(empty)).returncode == 0
    assert store.stats(store.open_for_reading(empty))["sources"] == 0
    before = foreign.read_bytes()
    done = run("init", "--no-samples", "--db", str(foreign))
    assert done.returncode == 2 and "is not a claims ledger" in done.stderr
    assert foreign.read_bytes() == before


def test_reading_a_ledger_leaves_it_unchanged(db_path):  # noqa: F811
    before = db_path.read_bytes()
    for command in READING:
        assert run(*command, "--db", str(db_path)).returncode == 0
    assert db_path.read_bytes() == before


def test_a_newer_ledger_is_read_with_a_note_and_never_written(newer):
    before = newer.read_bytes()
    done = run("stats", "--json", "--db", str(newer))
    assert done.returncode == 0
    assert done.stdout.startswith("{")  # the counts, still valid JSON on stdout
    assert done.stderr == (
        f"note: {newer} was written by a newer version of the claims ledger (it records "
        "migration '9999_from_a_later_version', unknown to this one); it is open read-only.\n"
    )
    for command in [*WRITING, ["init"], ["ingest", "-", "--no-progress"]]:
        done = run(*command, "--db", str(newer), stdin="Profits rose 5% in 2022.")
        assert done.returncode == 2, command
        assert done.stderr.count("\n") == 1
        assert "written by a newer version" in done.stderr
        assert "will not write to it" in done.stderr
    assert newer.read_bytes() == before


def test_a_newer_ledger_opened_for_reading_refuses_writes_with_a_message(newer):
    db = store.open_for_reading(newer)
    with pytest.raises(ClaimsError, match="open read-only"):
        store.set_status(db, 1, "verified", note="x", reviewer="r")
    with pytest.raises(store.NewerLedgerError):
        store.connect(newer)


def test_reading_does_not_upgrade_an_older_ledger(db_path):  # noqa: F811
    conn = sqlite3.connect(db_path)
    # As if the ledger was made before the last migration this version knows.
    conn.execute(
        "DELETE FROM _sqlite_migrations WHERE rowid = (SELECT max(rowid) FROM _sqlite_migrations)"
    )
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    done = run("stats", "--db", str(db_path))
    assert done.returncode == 2
    assert done.stderr == (
        f"error: {db_path} is a ledger of an older version; reading does not upgrade it: "
        f"run `python -m claims init --db {db_path}` first.\n"
    )
    assert db_path.read_bytes() == before
    assert run("init", "--db", str(db_path)).returncode == 0  # the upgrade, asked for
    assert run("stats", "--db", str(db_path)).returncode == 0


def test_a_read_only_ledger_is_refused_for_writing_saying_so(db_path, monkeypatch):  # noqa: F811
    # Tests may run as root, whom file permissions do not stop: pretend the
    # filesystem said no, as it does for a read-only mount or a chmod 444 file.
    monkeypatch.setattr(store.os, "access", lambda path, mode: False)
    with pytest.raises(ClaimsError) as refused:
        store.open_existing(db_path)
    assert str(refused.value) == (
        f"{db_path} is read-only (its permissions or a read-only filesystem); "
        "this command writes to the ledger, so it cannot run here."
    )
    assert store.stats(store.open_for_reading(db_path))["claims"] == 1
