"""The teamwork logs in a backup, and putting them back in a restore.

claims.team keeps two append-only logs per claim: assignment_log (every
assignment change: who assigned whom, when, whom the claim had before, a note)
and comments (the claim's thread). They travel as claims.ledger_logs carries
the decision logs, and are checked, mapped and skipped as those are; this
module holds only what is particular to them:

- the rules a row must keep to have been written by claims.team (names as
  team.reviewer_name stores them, a UTC time as store.now_utc writes it, a
  comment with text and within team.MAX_COMMENT_CHARS, an assignment change
  that changes something);
- the current assignments. claim_assignments is not exported: claims.team
  writes a claim's row there and its log row in one transaction, so the
  latest change of a claim's log says who has it. A restore rebuilds the
  row of each claim whose log it added to.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

import sqlite_utils

from claims.model import ClaimsError
from claims.team import MAX_COMMENT_CHARS, reviewer_name, set_current_assignee

ASSIGNMENT_LOG = "assignment_log"
COMMENTS = "comments"
# The columns of each that hold a person's name.
_NAMES = {
    ASSIGNMENT_LOG: ("assigned_by", "old_assignee", "new_assignee"),
    COMMENTS: ("author",),
}
_TIME_EXAMPLE = "2026-01-31T09:30:00+00:00"


def check_row(table: str, row: dict, what: str) -> None:
    """ClaimsError naming the field when a row could not have been written by claims.team."""
    check_time(row["at"], what)
    for name in _NAMES[table]:
        if row[name] is not None:
            _check_name(row[name], f"{what}: {name}")
    if table == ASSIGNMENT_LOG and row["old_assignee"] == row["new_assignee"]:
        raise ClaimsError(f"{what}: old_assignee and new_assignee are the same; nothing changed.")
    if table == COMMENTS:
        _check_comment(row["text"], what)


def check_time(at: str, what: str) -> None:
    # The ledger orders its logs by comparing these times as text: only the one
    # form it writes compares right.
    try:
        parsed: datetime | None = datetime.fromisoformat(at)
    except ValueError:
        parsed = None
    if parsed is None or parsed.utcoffset() != timedelta(0) or parsed.isoformat() != at:
        raise ClaimsError(
            f"{what}: at must be a UTC time as the ledger writes it ({_TIME_EXAMPLE}), "
            f"not {at!r:.60}."
        )


def _check_name(name: str, what: str) -> None:
    try:
        stored_form = reviewer_name(name)
    except ClaimsError as exc:
        raise ClaimsError(f"{what}: {exc}") from None
    if stored_form != name:
        raise ClaimsError(f"{what}: {name!r:.60} is not a name as the ledger stores it.")


def _check_comment(text: str, what: str) -> None:
    if not text.strip():
        raise ClaimsError(f"{what} has no text.")
    if len(text) > MAX_COMMENT_CHARS:
        raise ClaimsError(
            f"{what}: text is at most {MAX_COMMENT_CHARS:,} characters; it has {len(text):,}."
        )


def change_words(new_assignee: str | None) -> str:
    """An assignment change as a conflict message names it."""
    return "unassignment" if new_assignee is None else f"assignment to {new_assignee}"


def rebuild_assignments(db: sqlite_utils.Database, claim_ids: Iterable[int]) -> None:
    """Give each claim the assignee of the latest change in its log (none if unassigned)."""
    for claim_id in sorted(set(claim_ids)):
        assignee, assigned_by, at = db.execute(
            "SELECT new_assignee, assigned_by, at FROM assignment_log WHERE claim_id = ? "
            "ORDER BY at DESC, id DESC LIMIT 1",
            [claim_id],
        ).fetchone()
        set_current_assignee(db, claim_id, assignee, by=assigned_by, at=at)
