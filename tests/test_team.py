"""Assignments, comments and the review queue (claims.team)."""

from __future__ import annotations

import sqlite3

import pytest

from claims import query, store, team
from claims.model import ClaimsError
from claims.query import ClaimFilter


def rows(db, table: str) -> list[dict]:
    return list(db[table].rows_where(order_by="id" if table != "claim_assignments" else None))


def test_assigning_records_the_assignee_and_logs_who_assigned_whom(stored):
    db, _, (first, second) = stored
    assert team.assign(db, [first, second], "Ana", by="Bo", new_reviewer=True) == [first, second]
    assert team.assignee_of(db, first) == "Ana"
    log = team.assignment_log(db, first)
    assert [(r["assigned_by"], r["old_assignee"], r["new_assignee"]) for r in log] == [
        ("Bo", None, "Ana")
    ]
    assert log[0]["at"].endswith("+00:00")

    # Reassigning logs the move; assigning again to the same person changes nothing.
    assert team.assign(db, [first], "Bo", by="Ana", note="Ana is away") == [first]
    assert team.assign(db, [first], "Bo", by="Ana") == []
    log = team.assignment_log(db, first)
    assert [(r["old_assignee"], r["new_assignee"], r["note"]) for r in log] == [
        (None, "Ana", None),
        ("Ana", "Bo", "Ana is away"),
    ]
    assert team.unassign(db, [first, second], by="Bo") == [first, second]
    assert team.assignee_of(db, first) is None and team.assignee_of(db, second) is None
    assert team.assignment_log(db, second)[-1]["new_assignee"] is None


def test_an_unknown_reviewer_is_refused_with_a_suggestion_unless_new(stored):
    db, _, (first, _second) = stored
    store.set_status(db, first, "in_review", note="looking", reviewer="Ana")
    with pytest.raises(ClaimsError, match=r"No reviewer named 'Aan'.*Did you mean 'Ana'\?"):
        team.assign(db, [first], "Aan", by="Bo")
    with pytest.raises(ClaimsError, match="Did you mean 'Ana'"):
        team.assign(db, [first], "ana", by="Bo")
    assert rows(db, "assignment_log") == []
    # Someone who has reviewed is known; so is the person assigning (to themselves).
    assert team.assign(db, [first], "Ana", by="Bo") == [first]
    assert team.assign(db, [first], "Bo", by="Bo") == [first]
    assert team.known_reviewers(db) == ["Ana", "Bo"]


def test_an_unknown_claim_id_writes_nothing(stored):
    db, _, (first, _second) = stored
    with pytest.raises(ClaimsError, match="No claim with id 99999"):
        team.assign(db, [first, 99999], "Ana", by="Bo", new_reviewer=True)
    assert team.assignee_of(db, first) is None
    assert rows(db, "assignment_log") == []
    with pytest.raises(ClaimsError, match="No claim with id 99999"):
        team.add_comment(db, 99999, "hello", author="Ana")
    with pytest.raises(ClaimsError, match="No claims selected"):
        team.assign(db, [], "Ana", by="Bo", new_reviewer=True)


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "Say who"), ("   ", "Say who"), ("x" * 81, "at most 80"), ("Ana\x1b[31m", "control")],
)
def test_bad_names_are_refused(stored, name, message):
    db, _, (first, _second) = stored
    with pytest.raises(ClaimsError, match=message):
        team.assign(db, [first], name, by="Bo", new_reviewer=True)
    with pytest.raises(ClaimsError, match=message):
        team.assign(db, [first], "Ana", by=name, new_reviewer=True)
    with pytest.raises(ClaimsError, match=message):
        team.add_comment(db, first, "a note", author=name)
    assert rows(db, "assignment_log") == [] and rows(db, "comments") == []


def test_names_are_trimmed_and_their_inner_spaces_collapsed():
    assert team.reviewer_name("  Ana   María ") == "Ana María"


def test_comments_are_an_append_only_thread(stored):
    db, _, (first, second) = stored
    one = team.add_comment(db, first, "  The IMF says -4.5.  ", author="Ana")
    team.add_comment(db, first, "<b>Checked</b> the release; '; DROP TABLE claims; --", author="Bo")
    team.add_comment(db, second, "Another claim", author="Ana")
    thread = team.comments_of(db, first)
    assert [(c["author"], c["text"]) for c in thread] == [
        ("Ana", "The IMF says -4.5."),
        ("Bo", "<b>Checked</b> the release; '; DROP TABLE claims; --"),
    ]
    assert one["id"] == thread[0]["id"] and thread[0]["at"].endswith("+00:00")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE comments SET text = 'rewritten' WHERE id = ?", [one["id"]])
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM comments WHERE id = ?", [one["id"]])
    team.assign(db, [first], "Ana", by="Bo")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE assignment_log SET new_assignee = 'Bo'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM assignment_log")


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "needs some text"), ("  \n ", "needs some text"), ("x" * 5001, "at most 5,000")],
)
def test_an_empty_or_oversized_comment_is_refused(stored, text, message):
    db, _, (first, _second) = stored
    with pytest.raises(ClaimsError, match=message):
        team.add_comment(db, first, text, author="Ana")
    assert team.comments_of(db, first) == []


def test_writes_move_the_revision_so_cached_pages_refresh(stored):
    db, _, (first, _second) = stored
    before = store.revision(db)
    team.assign(db, [first], "Ana", by="Bo", new_reviewer=True)
    after_assign = store.revision(db)
    team.add_comment(db, first, "hello", author="Ana")
    assert before < after_assign < store.revision(db)


def test_the_assigned_to_filter_and_summary(stored):
    db, _, (first, second) = stored
    team.assign(db, [first], "Ana", by="Bo", new_reviewer=True)
    team.assign(db, [second], "Bo", by="Bo")
    store.set_status(db, second, "verified", note="ok", reviewer="Bo")
    mine = ClaimFilter(assigned_to="Ana")
    assert [r["id"] for r in query.list_claims(db, mine)] == [first]
    assert query.count_claims(db, mine) == 1
    assert query.count_claims(db, ClaimFilter(assigned_to="Nobody")) == 0
    assert team.assigned_summary(db, "Ana") == {"total": 1, "open": 1,
                                                "by_status": {"unreviewed": 1}}  # fmt: skip
    assert team.assigned_summary(db, "Bo") == {"total": 1, "open": 0,
                                               "by_status": {"verified": 1}}  # fmt: skip


def test_history_shows_reviews_and_assignment_changes_together(stored, monkeypatch):
    db, _, (first, _second) = stored
    times = iter(["2026-01-01T09:00:00+00:00", "2026-01-01T09:00:00+00:00",
                  "2026-01-01T10:00:00+00:00", "2026-01-01T10:00:00+00:00"])  # fmt: skip
    monkeypatch.setattr(store, "now_utc", lambda: next(times))
    store.set_status(db, first, "in_review", note="looking", reviewer="Ana")
    team.assign(db, [first], "Ana", by="Bo")
    history = team.claim_history(db, first)
    assert [(h["reviewer"], h["field"], h["old"], h["new"]) for h in history] == [
        ("Ana", "status", "unreviewed", "in_review"),
        ("Bo", "assigned to", None, "Ana"),
    ]


def test_the_review_queue_follows_the_view_and_steps_in_order(stored):
    db, _, (first, second) = stored
    queue = team.review_queue(db, ClaimFilter(), sort="id", descending=False)
    assert queue == [first, second]
    assert team.review_queue(db, ClaimFilter(unit="delegate")) == [second]
    assert team.next_in_queue(queue, None) == first
    assert team.next_in_queue(queue, first) == second
    assert team.next_in_queue(queue, second) is None
    assert team.previous_in_queue(queue, second) == first
    assert team.previous_in_queue(queue, first) is None
    assert team.next_in_queue([], None) is None
