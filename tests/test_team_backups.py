"""A backup keeps who each claim is assigned to and its comment thread, and a restore
brings them back (claims.ledger_logs, claims.team_logs), in every restore format."""

from __future__ import annotations

import json

import pytest

from claims import export, store, team
from claims.importer import import_file
from claims.model import ClaimsError
from tests.ledger_data import build_hostile_ledger

RESTORE_FORMATS = ("jsonl", "json", "csv", "xlsx")


@pytest.fixture
def teamwork(db):
    """The hostile ledger with assignments, a reassignment and two comments."""
    ids = build_hostile_ledger(db)
    claim = ids["gdp"]
    team.assign(db, [claim], "ana", by="bob", note="yours", new_reviewer=True)
    team.assign(db, [claim], "=cy", by="bob", note="ana is away", new_reviewer=True)
    team.add_comment(db, claim, "=SUM(A1) is what the IMF table says", author="ana")
    team.add_comment(db, claim, "Checked against the release.", author="bob")
    return db, claim


def export_to(db, tmp_path, fmt: str):
    path = tmp_path / f"backup.{export.FORMATS[fmt][0]}"
    export.write_export(db, None, fmt, path)
    return path


def surface_of(db, claim_id: int) -> str:
    return db["claims"].get(claim_id)["surface"]


def team_state(db, claim_id: int) -> dict:
    """Assignee, assignment log and comments of a claim, without ids or the claim id."""
    log = [{k: v for k, v in row.items() if k not in ("id", "claim_id")}
           for row in team.assignment_log(db, claim_id)]  # fmt: skip
    comments = [(c["author"], c["text"], c["at"]) for c in team.comments_of(db, claim_id)]
    return {"assignee": team.assignee_of(db, claim_id), "log": log, "comments": comments}


def restored_claim(db, surface: str) -> int:
    return db.execute("SELECT id FROM claims WHERE surface = ?", [surface]).fetchone()[0]


@pytest.mark.parametrize("fmt", RESTORE_FORMATS)
def test_a_restore_brings_back_assignments_and_comments(teamwork, tmp_path, fmt):
    db, claim = teamwork
    restored = store.connect(tmp_path / "restored.db")
    summary = import_file(restored, export_to(db, tmp_path, fmt))
    assert summary["assignment_log_added"] == 2
    assert summary["comments_added"] == 2
    again = restored_claim(restored, surface_of(db, claim))
    assert team_state(restored, again) == team_state(db, claim)
    assert team.assignee_of(restored, again) == "=cy"  # the text, not a formula's result
    assert team_state(restored, again)["comments"][0][1].startswith("=SUM(A1)")


def test_importing_a_backup_twice_adds_nothing_the_second_time(teamwork, tmp_path):
    db, claim = teamwork
    backup = export_to(db, tmp_path, "jsonl")
    restored = store.connect(tmp_path / "restored.db")
    import_file(restored, backup)
    second = import_file(restored, backup)
    assert second["assignment_log_added"] == 0 and second["assignment_log_skipped"] == 2
    assert second["comments_added"] == 0 and second["comments_skipped"] == 2
    assert restored["comments"].count == 2 and restored["assignment_log"].count == 2


def rewrite_jsonl(path, kind: str, **changes) -> None:
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    for line in lines:
        if line.get("type") == kind:
            line.update(changes)
            break
    else:
        raise AssertionError(f"no {kind} line in the backup")
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))


@pytest.mark.parametrize(
    ("kind", "changes", "message"),
    [
        ("comment", {"claim_id": 99999}, "99999"),
        ("comment", {"text": "   "}, "no text"),
        ("assignment_change", {"at": "yesterday"}, "time"),
    ],
)
def test_a_bad_team_row_is_refused_and_nothing_is_written(teamwork, tmp_path, kind, changes,
                                                           message):  # fmt: skip
    db, _ = teamwork
    backup = export_to(db, tmp_path, "jsonl")
    rewrite_jsonl(backup, kind, **changes)
    restored = store.connect(tmp_path / "restored.db")
    with pytest.raises(ClaimsError, match=message):
        import_file(restored, backup)
    assert restored["claims"].count == 0 and restored["comments"].count == 0
