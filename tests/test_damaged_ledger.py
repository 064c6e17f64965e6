"""A damaged ledger file: every command and page says so and how to recover, no trace."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from claims import cli, store
from tests.conftest import numeric_claim

ROOT = Path(__file__).resolve().parent.parent


def _ledger_with_claims(path: Path) -> None:
    text = "\n".join(f"Sales in region {n} rose {n}% last year." for n in range(1, 120))
    claims = [numeric_claim(text, f" {n}%", n, unit="percent") for n in range(1, 120)]
    db = store.connect(path)
    store.add_source(db, text, claims, title="Regions", published="2021-01-06")
    db.close()


def _damage_table(path: Path, table: str) -> None:
    """Overwrite every page of a table and of its indexes, as a disk error would."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = [
        row[0]
        for row in conn.execute(
            "SELECT pageno FROM dbstat WHERE name IN "
            "(SELECT name FROM sqlite_master WHERE tbl_name = ?)",
            [table],
        )
    ]
    conn.close()
    with path.open("r+b") as fh:
        for page in pages:
            fh.seek((page - 1) * page_size)
            fh.write(b"\x0d\xff" * (page_size // 2))


@pytest.fixture
def damaged(tmp_path) -> Path:
    path = tmp_path / "ledger.db"
    _ledger_with_claims(path)
    _damage_table(path, "claims")
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--format", "csv", "--out", "OUT.csv"],
        ["export", "--format", "jsonl", "--out", "OUT.jsonl"],
        ["groups", "--json"],
        ["reextract"],
    ],
)
def test_a_command_reading_a_damaged_ledger_says_how_to_recover(damaged, command, capsys):
    argv = [a.replace("OUT", str(damaged.with_name("out"))) for a in command]
    assert cli.main([*argv, "--db", str(damaged)]) == 2
    err = capsys.readouterr().err
    assert f"{damaged} is damaged" in err
    assert "PRAGMA integrity_check" in err and "import EXPORT" in err
    assert "Traceback" not in err


def test_an_excel_export_of_a_damaged_ledger_leaves_no_trace_of_its_writer(damaged):
    # In a process of its own: the spreadsheet writer's leftovers would show at exit.
    out = damaged.with_name("out.xlsx")
    done = subprocess.run(
        [sys.executable, "-m", "claims", "export", "--format", "xlsx", "--out", str(out),
         "--db", str(damaged)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert f"{damaged} is damaged" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert not out.exists()


def test_opening_a_file_damaged_in_its_schema_says_it_is_damaged(tmp_path, capsys):
    path = tmp_path / "ledger.db"
    _ledger_with_claims(path)
    with path.open("r+b") as fh:  # the schema lives on the first page, after the header
        fh.seek(100)
        fh.write(b"\xff" * 400)
    assert cli.main(["stats", "--db", str(path)]) == 2
    assert f"{path} is damaged" in capsys.readouterr().err


def test_damage_is_told_apart_from_other_database_errors():
    assert store.is_damage(sqlite3.DatabaseError("database disk image is malformed"))
    assert store.is_damage(sqlite3.DatabaseError("file is not a database"))
    assert not store.is_damage(sqlite3.OperationalError("database is locked"))
    assert not store.is_damage(ValueError("malformed"))
