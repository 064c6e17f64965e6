"""`python -m claims assign|unassign|comment|comments`, run as a user would."""

from __future__ import annotations

import json

from claims import store, team
from tests.test_cli import db_path, run  # noqa: F401 - db_path is a fixture

CLAIM = "1"


def test_assign_then_reassign_from_the_shell_is_logged(db_path):  # noqa: F811
    refused = run("assign", CLAIM, "Ana", "--reviewer", "Bo", "--db", str(db_path))
    assert refused.returncode == 2
    assert "No reviewer named 'Ana'" in refused.stderr and "--new-reviewer" in refused.stderr
    assert "Traceback" not in refused.stderr

    done = run("assign", CLAIM, "Ana", "--new-reviewer", "--reviewer", "Bo", "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Claim 1 assigned to Ana."
    again = run("assign", CLAIM, "Ana", "--reviewer", "Bo", "--db", str(db_path))
    assert "already assigned to Ana; nothing changed" in again.stdout

    db = store.connect(db_path)
    assert team.assignee_of(db, 1) == "Ana"
    assert [(r["assigned_by"], r["new_assignee"]) for r in team.assignment_log(db, 1)] == [
        ("Bo", "Ana")
    ]
    gone = run("unassign", CLAIM, "--reviewer", "Ana", "--db", str(db_path))
    assert gone.stdout.strip() == "Claim 1 no longer assigned."
    assert team.assignee_of(db, 1) is None


def test_assigning_an_unknown_claim_says_so_and_writes_nothing(db_path):  # noqa: F811
    result = run("assign", "1", "404", "Ana", "--new-reviewer", "--db", str(db_path))
    assert result.returncode == 2
    assert result.stderr.strip() == "error: No claim with id 404."
    assert team.assignee_of(store.connect(db_path), 1) is None


def test_comment_and_read_the_thread(db_path):  # noqa: F811
    added = run("comment", CLAIM, "IMF says -4.5", "--reviewer", "Ana", "--db", str(db_path))
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "Comment 1 added to claim 1."
    piped = run("comment", CLAIM, "-", "--reviewer", "Bo", "--db", str(db_path),
                stdin="Bell\x07 and all\n")  # fmt: skip
    assert piped.returncode == 0, piped.stderr

    shown = run("comments", CLAIM, "--db", str(db_path))
    lines = shown.stdout.splitlines()
    assert lines[0].endswith("Ana: IMF says -4.5")
    assert lines[1].endswith("Bo: Bell\\x07 and all")  # the control character shown, not rung
    as_json = [json.loads(line) for line in run("comments", CLAIM, "--json", "--db",
                                                str(db_path)).stdout.splitlines()]  # fmt: skip
    assert [(c["author"], c["text"]) for c in as_json] == [
        ("Ana", "IMF says -4.5"),
        ("Bo", "Bell\x07 and all"),
    ]


def test_an_empty_comment_is_refused(db_path):  # noqa: F811
    result = run("comment", CLAIM, "  ", "--db", str(db_path))
    assert (result.returncode, result.stderr.strip()) == (2, "error: A comment needs some text.")
    assert team.comments_of(store.connect(db_path), 1) == []
