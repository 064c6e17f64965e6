"""`python -m claims export` and `python -m claims import`: options, files, exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import shlex
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from claims import config, export, groups, store
from claims.cli import main
from tests.ledger_data import HOSTILE_SPEAKER, HOSTILE_SUBJECT, build_hostile_ledger


@pytest.fixture(autouse=True)
def no_settings(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "SETTINGS_FILE", tmp_path / "no-settings.toml")
    for name in (config.ORG_ENV_VAR, config.ORG_URL_ENV_VAR, config.REVIEW_URL_ENV_VAR):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "ledger.db"
    db = store.connect(path)
    build_hostile_ledger(db)
    db.close()
    return path


def export_ids(db_path, tmp_path, *options: str) -> list[int]:
    out = tmp_path / "filtered.jsonl"
    assert (
        main(["export", "--db", str(db_path), "--format", "jsonl", "-o", str(out), *options]) == 0
    )
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    return [line["id"] for line in lines if line["type"] == "claim"]


@pytest.mark.parametrize("fmt", list(export.FORMATS))
def test_export_writes_the_file_and_its_manifest(db_path, tmp_path, capsys, fmt):
    out = tmp_path / f"claims.{export.FORMATS[fmt][0]}"
    code = main(["export", "--db", str(db_path), "--format", fmt, "-o", str(out), "--org", "Org"])
    assert code == 0
    manifest = json.loads(export.manifest_path(out).read_text())
    assert manifest["format"] == fmt and manifest["file"] == out.name
    assert f"Exported {manifest['row_count']} claims to {out}" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--status", "false", "--status", "verified"], [1, 2]),
        (["--status", "false,misleading"], [1, 4]),
        (["--speaker", HOSTILE_SPEAKER], [1]),
        (["--subject", HOSTILE_SUBJECT], [1]),
        (["--metric", "rate"], [4]),
        (["--source", "2"], [4, 5]),
        (["--since", "2022"], [4, 5]),
        (["--until", "2021-01"], [1, 2, 3]),
        (["--search", "unemployment"], [4]),
        (["--kind", "numeric", "--unit", "delegate"], [3]),
        (["--period-from", "2023"], [4]),
        (["--period-to", "2020-02"], [1]),
        (["--min-confidence", "0.9"], [1]),
    ],
)
def test_export_filters(db_path, tmp_path, options, expected):
    assert export_ids(db_path, tmp_path, *options) == expected
    manifest = json.loads((tmp_path / "filtered.jsonl.manifest.json").read_text())
    assert manifest["filters"]


def test_include_vanished_exports_claims_re_extraction_no_longer_finds(db_path, tmp_path):
    db = store.connect(db_path)
    db.execute("UPDATE claims SET vanished = 1 WHERE id = 3")
    db.conn.commit()
    db.close()
    assert export_ids(db_path, tmp_path) == [1, 2, 4, 5]
    assert export_ids(db_path, tmp_path, "--include-vanished") == [1, 2, 3, 4, 5]


def test_export_without_output_names_the_file_for_what_it_holds(db_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    today = datetime.now(UTC).date().isoformat()
    command = ["export", "--db", str(db_path), "--format", "csv", "--status", "false,verified"]
    assert main(command) == 0
    # The same view again the same day: a second file, the first never overwritten.
    assert main(command) == 0
    named = f"ledger_status-false+verified_{today}"
    assert sorted(p.name for p in tmp_path.glob("ledger_*")) == [
        f"{named}-2.csv",
        f"{named}-2.csv.manifest.json",
        f"{named}.csv",
        f"{named}.csv.manifest.json",
    ]
    rows = list(csv.DictReader(io.StringIO((tmp_path / f"{named}.csv").read_text("utf-8-sig"))))
    assert sorted(row["status"] for row in rows) == ["false", "verified"]


def test_export_to_stdout(db_path, capsysbinary):
    assert main(["export", "--db", str(db_path), "--format", "csv", "-o", "-"]) == 0
    captured = capsysbinary.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out.decode("utf-8-sig"), newline="")))
    assert len(rows) == 5
    assert b"Exported 5 claims to stdout." in captured.err


def test_claimreview_takes_the_organisation_from_org_or_the_environment(
    db_path, tmp_path, monkeypatch, capsys
):
    out = tmp_path / "reviews.jsonld"
    args = ["export", "--db", str(db_path), "--format", "claimreview", "-o", str(out)]
    assert main(args) == 2
    assert "--org" in capsys.readouterr().err
    assert not out.exists()
    monkeypatch.setenv(config.ORG_ENV_VAR, "Env Org")
    assert main(args) == 0
    assert {r["author"]["name"] for r in json.loads(out.read_text())} == {"Env Org"}
    assert main([*args, "--org", "Flag Org"]) == 0
    assert {r["author"]["name"] for r in json.loads(out.read_text())} == {"Flag Org"}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--since", "last week"], "Period"),
        (["--status", "bogus"], "Unknown status"),
        (["--source", "abc"], "--source takes a source id"),
        # Beyond SQLite's integers, or digits that are not ASCII: no traceback either.
        (["--source", "99999999999999999999999"], "--source takes a source id"),
        (["--source", "\u0663"], "--source takes a source id"),
        (["--min-confidence", "high"], "--min-confidence takes a number from 0 to 1"),
        (["--min-confidence", "1.5"], "--min-confidence takes a number from 0 to 1"),
        (["--kind", "opinion"], "Unknown kind"),
        (["-o", "/no/such/folder/x.csv"], "No folder"),
    ],
)
def test_export_mistakes_print_one_line_and_exit_2(db_path, capsys, options, message):
    code = main(["export", "--db", str(db_path), "--format", "csv", *options])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: ") and message in err and err.count("\n") == 1


def test_export_needs_an_existing_database(tmp_path, capsys):
    code = main(["export", "--db", str(tmp_path / "none.db"), "--format", "csv"])
    assert code == 2 and "No database" in capsys.readouterr().err


def test_import_restores_an_export_into_a_new_database(db_path, tmp_path, capsys):
    out = tmp_path / "all.xlsx"
    assert main(["export", "--db", str(db_path), "--format", "xlsx", "-o", str(out)]) == 0
    target = tmp_path / "new.db"
    assert main(["import", "--db", str(target), str(out)]) == 0
    message = capsys.readouterr().out
    assert "2 sources added" in message and "5 claims added" in message
    assert "7 reviews added" in message and "Manifest: matches" in message
    assert store.stats(store.connect(target))["claims"] == 5


def test_import_mistakes_exit_2(tmp_path, capsys):
    assert main(["import", "--db", str(tmp_path / "x.db"), str(tmp_path / "missing.csv")]) == 2
    assert "No file" in capsys.readouterr().err


def test_python_m_claims_export_runs_as_a_command(db_path, tmp_path):
    out = tmp_path / "all.csv"
    result = subprocess.run(
        [sys.executable, "-m", "claims", "export", "--db", str(db_path), "--format", "csv"]
        + ["-o", str(out)],
        capture_output=True,
        text=True,
        cwd=config.PROJECT_DIR,
        env={**os.environ},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert out.exists() and export.manifest_path(out).exists()


def test_the_export_command_for_a_view_reads_back_as_the_same_filters(tmp_path):
    from claims.cli import build_parser
    from claims.cli_export import filter_from_args
    from claims.export import export_command
    from claims.query import ClaimFilter

    every_filter = ClaimFilter(
        search='rate "cut"',
        status=["verified", "false"],
        kind=["numeric"],
        source_id=3,
        speaker=HOSTILE_SPEAKER,
        subject="-starts like an option",
        metric="it's $(rm -rf ~)",
        unit="percent",
        period_from="2001",
        period_to="2008-Q2",
        published_from="2001-01-01",
        published_to="2009-12-31",
        min_confidence=0.5,
        include_vanished=True,
    )
    today = datetime.now(UTC).date().isoformat()
    for claim_filter in (every_filter, ClaimFilter()):
        command = export_command(claim_filter, "jsonl", tmp_path / "my ledger.db")
        words = shlex.split(command)
        assert words[:4] == [".venv/bin/python", "-m", "claims", "export"]
        args = build_parser().parse_args(words[3:])
        assert filter_from_args(args) == claim_filter
        assert (args.db, args.format) == (str(tmp_path / "my ledger.db"), "jsonl")
        # The file it writes is named for the ledger, the filters and the day.
        assert args.output.startswith("my-ledger_") and args.output.endswith(f"_{today}.jsonl")
    assert shlex.split(export_command(ClaimFilter(), "csv", "/data/claims.db"))[-1] == (
        f"claims_all_{today}.csv"
    )


def test_import_into_a_ledger_with_the_same_claims_merges_and_says_so(db_path, tmp_path, capsys):
    out = tmp_path / "all.jsonl"
    assert main(["export", "--db", str(db_path), "--format", "jsonl", "-o", str(out)]) == 0
    target = tmp_path / "copy.db"
    assert main(["import", "--db", str(target), str(out)]) == 0
    capsys.readouterr()
    assert main(["import", "--db", str(target), str(out)]) == 0
    message = capsys.readouterr().out
    assert "5 claims already stored" in message or "5 already stored" in message
    assert "0 reviews added, 7 already stored" in message


def test_import_of_a_spoiled_file_exits_2_with_one_line_naming_the_claim(db_path, tmp_path, capsys):
    out = tmp_path / "all.jsonl"
    assert main(["export", "--db", str(db_path), "--format", "jsonl", "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    next(r for r in records if r["type"] == "claim")["confidence"] = 1e300
    out.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    target = tmp_path / "new.db"
    assert main(["import", "--db", str(target), str(out)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Claim 1" in error and "confidence" in error
    assert store.stats(store.connect(target))["claims"] == 0


def test_import_prints_each_conflict_with_a_later_local_review(db_path, tmp_path, capsys):
    out = tmp_path / "all.jsonl"
    assert main(["export", "--db", str(db_path), "--format", "jsonl", "-o", str(out)]) == 0
    target = tmp_path / "copy.db"
    assert main(["import", "--db", str(target), str(out)]) == 0
    # The copy reviews claim 1 again, after the reviews the file will bring.
    copy = store.connect(target)
    store.set_status(copy, 1, "verified", note="re-checked", reviewer="dee")
    copy.close()
    records = [json.loads(line) for line in out.read_text().splitlines()]
    for record in records:
        if record["type"] == "review":
            record["at"] = "2020-01-01T00:00:00+00:00"  # another history, older than the copy's
    out.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    capsys.readouterr()
    assert main(["import", "--db", str(target), str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "7 reviews added, 0 already stored" in lines[0]
    assert lines[1].startswith("Conflict: Claim 1: kept status 'verified', set by dee")
    assert store.get_claim(store.connect(target), 1)["status"] == "verified"
    # The merged ledger is itself restorable: its statuses still follow their logs.
    backup = tmp_path / "merged.csv"
    assert main(["export", "--db", str(target), "--format", "csv", "-o", str(backup)]) == 0
    assert main(["import", "--db", str(tmp_path / "restored.db"), str(backup)]) == 0


def test_text_on_every_row_puts_each_claims_article_beside_it(db_path, tmp_path, capsys):
    out = tmp_path / "every.csv"
    command = ["export", "--db", str(db_path), "--format", "csv", "-o", str(out)]
    assert main([*command, "--text-on-every-row"]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
    assert len(rows) == 5 and all(row["source_text"] for row in rows)
    assert json.loads(export.manifest_path(out).read_text())["source_text"] == "on every row"
    capsys.readouterr()
    assert main([*command[:4], "xlsx", "-o", str(tmp_path / "x.xlsx"), "--text-on-every-row"]) == 2
    assert "--text-on-every-row is for csv" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_import_says_what_it_restored_and_skipped_of_the_decision_logs(db_path, tmp_path, capsys):
    db = store.connect(db_path)
    store.update_source(db, 1, {"title": "North Korea"}, reviewer="ann", note="as printed")
    groups.split_claim(db, 1, reviewer="ann", note="a forecast")
    db.close()
    out = tmp_path / "backup.csv"
    assert main(["export", "--db", str(db_path), "--format", "csv", "-o", str(out)]) == 0
    target = tmp_path / "restored.db"
    capsys.readouterr()
    assert main(["import", "--db", str(target), str(out)]) == 0
    first = capsys.readouterr().out
    assert "1 source corrections added, 0 skipped" in first
    assert "0 merge decisions added, 0 skipped" in first
    assert "1 split decisions added, 0 skipped" in first
    assert main(["import", "--db", str(target), str(out)]) == 0
    again = capsys.readouterr().out
    assert "0 source corrections added, 1 skipped" in again
    assert "0 split decisions added, 1 skipped" in again
