"""The command line, run as a user would: subprocesses, exit codes, messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from claims import config, store
from tests.conftest import ARTICLE, numeric_claim


def run(*args: str, env: dict | None = None, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "claims", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=config.PROJECT_DIR,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "ledger.db"
    db = store.connect(path)
    store.add_source(db, ARTICLE, [numeric_claim(ARTICLE, "5,000", 5000, unit="delegate")])
    db.close()
    return path


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for name in ("init", "stats", "status", "extract"):
        assert name in result.stdout


def test_init_creates_an_empty_database_without_samples(tmp_path):
    path = tmp_path / "new.db"
    result = run("init", "--no-samples", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert "0 sources, 0 claims" in result.stdout
    assert store.stats(store.connect(path))["sources"] == 0


def test_stats_json_reports_counts(db_path):
    result = run("stats", "--json", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    counts = json.loads(result.stdout)
    assert (counts["sources"], counts["claims"]) == (1, 1)
    assert counts["by_status"]["unreviewed"] == 1


def test_the_environment_variable_chooses_the_database(db_path):
    result = run("stats", "--json", env={config.ENV_VAR: str(db_path)})
    assert json.loads(result.stdout)["claims"] == 1


def test_status_sets_the_status_and_logs_the_note(db_path):
    result = run(
        "status",
        "1",
        "verified",
        "--note",
        "matches the release",
        "--reviewer",
        "ana",
        "--evidence",
        "https://example.org/r",
        "--db",
        str(db_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Claim 1 is now verified."
    (review,) = store.reviews_of(store.connect(db_path), 1)
    assert (review["reviewer"], review["note"], review["new"]) == (
        "ana",
        "matches the release",
        "verified",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("status", "99", "verified", "--note", "x"), "error: No claim with id 99."),
        (("status", "abc", "verified", "--note", "x"), "error: A claim id is a whole number"),
        (("status", "1", "true", "--note", "x"), "error: Unknown status 'true'"),
        (("status", "1", "verified", "--note", " "), "error: A status change needs a note"),
    ],
)
def test_user_errors_print_one_line_and_exit_2(db_path, args, message):
    result = run(*args, "--db", str(db_path))
    assert result.returncode == 2
    assert result.stderr.startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert store.get_claim(store.connect(db_path), 1)["status"] == "unreviewed"


def test_a_missing_note_is_a_usage_error():
    result = run("status", "1", "verified")
    assert result.returncode == 2
    assert "--note" in result.stderr


def test_an_unreadable_database_is_a_clear_error(tmp_path):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"\x00garbage" * 500)
    result = run("stats", "--db", str(broken))
    assert result.returncode == 2
    assert "as a claims database" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_database_is_a_clear_error(tmp_path):
    result = run("stats", "--db", str(tmp_path / "absent.db"))
    assert result.returncode == 2
    assert "run `python -m claims init` first" in result.stderr


def test_hash_password_prints_a_hash_that_verifies():
    from claims.auth import verify_password

    result = run("hash-password", stdin="a team password\n")
    assert result.returncode == 0, result.stderr
    stored = result.stdout.strip()
    assert stored.startswith("pbkdf2_sha256$")
    assert verify_password("a team password", stored)
    assert "secrets.toml" in result.stderr


def test_hash_password_refuses_a_short_password():
    result = run("hash-password", stdin="short\n")
    assert result.returncode == 2
    assert result.stderr.strip() == "error: Choose a password of at least 8 characters."


def test_rekey_recomputes_every_claims_key(db_path):
    db = store.connect(db_path)
    with store.write_transaction(db):
        db.execute("UPDATE claims SET subject_key = NULL, metric_key = NULL, unit_key = NULL")
    result = run("rekey", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Recomputed the comparable key of every claim (1)."
    assert db.execute("SELECT unit_key FROM claims").fetchone()[0] is not None


def test_extract_prints_one_json_claim_per_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Unemployment fell to 3.5 percent in March, the Labor Department said.", encoding="utf-8"
    )
    result = run("extract", str(article), "--published", "2023-04-07")
    assert result.returncode == 0, result.stderr
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    numeric = [c for c in claims if c["kind"] == "numeric"]
    assert [(c["surface"], c["value"], c["unit"], c["period"], c["speaker"]) for c in numeric] == [
        ("3.5 percent", 3.5, "percent", "2023-03", "Labor Department")
    ]
    assert {c["kind"] for c in claims} == {"numeric", "statement"}


def test_extract_jsonl_prints_one_line_per_article_in_order(tmp_path):
    feed = tmp_path / "in.jsonl"
    feed.write_text(
        json.dumps({"id": "a", "text": "Exports rose 4% in May.", "published": "2023-06-01"})
        + "\n"
        + json.dumps({"id": "b", "text": "No numbers here.", "published": None})
        + "\n",
        encoding="utf-8",
    )
    result = run("extract", "--jsonl", str(feed))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert [c["surface"] for c in lines[0]["claims"]] == ["4%"]
    assert lines[1]["claims"] == []


@pytest.mark.parametrize(
    ("path", "message"),
    [("absent.txt", "error: No file at"), (".", "is a folder, not a file")],
)
def test_extract_of_a_missing_file_or_a_folder_is_a_clear_error(tmp_path, path, message):
    result = run("extract", str(tmp_path / path))
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
