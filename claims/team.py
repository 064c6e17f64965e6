"""Teamwork on claims: who a claim is assigned to, and what reviewers say about it.

- An **assignment** gives a claim to one reviewer. The current one is a row of
  claim_assignments; every change (assigned, reassigned, unassigned) is also a row
  of assignment_log, append-only like the review log: who assigned whom, when, and
  whom the claim had before. A claim's history shows both logs together.
- A **comment** is a row of a claim's thread: author, time, text. Comments are
  append-only: there is no way here to edit or delete one, and the database
  refuses it (schema 0016).

Names are data a person typed: they are checked (not empty, no control
characters, not overlong) and always reach SQL as bound parameters. Assigning to
a name no one has used in the ledger is refused unless the caller says the
person is new, so that a typo ("Aan") does not hand claims to nobody.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

import sqlite_utils

from claims import store
from claims.model import ClaimsError
from claims.query import ClaimFilter, list_claims

MAX_NAME_CHARS = 80
MAX_COMMENT_CHARS = 5000
# The review queue steps through at most this many claims of a view at a time.
QUEUE_LIMIT = 500
# Statuses that still want a reviewer's attention (the Overview's "to do").
OPEN_STATUSES = ("unreviewed", "in_review")

_SPACES = re.compile(r"\s+")

# Every place a person's name is written in a ledger: who is a known reviewer.
_NAME_COLUMNS = (
    ("reviews", "reviewer"),
    ("source_reviews", "reviewer"),
    ("reference_link_log", "reviewer"),
    ("comments", "author"),
    ("assignment_log", "assigned_by"),
    ("assignment_log", "new_assignee"),
)


class UnknownReviewerError(ClaimsError):
    """Assigning to a name nobody has used in the ledger, without saying they are new."""


def reviewer_name(raw: object, *, what: str = "a reviewer name") -> str:
    """A person's name as the ledger stores it: trimmed, inner spaces collapsed.

    ClaimsError when it is empty, too long, or holds control characters (a name
    is shown on every page and in the terminal; a newline or escape has no place).
    """
    name = _SPACES.sub(" ", str(raw or "")).strip()
    if not name:
        raise ClaimsError(f"Say who: {what} is required.")
    if len(name) > MAX_NAME_CHARS:
        raise ClaimsError(
            f"A name is at most {MAX_NAME_CHARS} characters; this one has {len(name)}."
        )
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise ClaimsError("A name cannot hold control characters.")
    return name


def known_reviewers(db: sqlite_utils.Database) -> list[str]:
    """Everyone who has reviewed, commented, assigned or been assigned in this ledger."""
    selects = " UNION ".join(
        f"SELECT {column} AS name FROM {table} WHERE {column} IS NOT NULL"
        for table, column in _NAME_COLUMNS
    )
    names = [row[0] for row in db.execute(f"SELECT name FROM ({selects})").fetchall()]
    return sorted({name for name in names if name.strip()}, key=str.casefold)


def _require_known(db: sqlite_utils.Database, assignee: str, by: str) -> None:
    known = [*known_reviewers(db), by]
    if assignee in known:
        return
    folded = {name.casefold(): name for name in known}
    close = folded.get(assignee.casefold()) or next(
        iter(difflib.get_close_matches(assignee, known, n=1, cutoff=0.6)), None
    )
    hint = f" Did you mean {close!r}?" if close else ""
    raise UnknownReviewerError(
        f"No reviewer named {assignee!r} has worked in this ledger yet.{hint} "
        "Check the spelling, or say that they are a new reviewer."
    )


def _claim_ids(claim_ids: Iterable[int]) -> list[int]:
    try:
        ids = list(dict.fromkeys(int(i) for i in claim_ids))
    except (TypeError, ValueError):
        raise ClaimsError("A claim id is a whole number.") from None
    if not ids:
        raise ClaimsError("No claims selected.")
    return ids


# ---------------------------------------------------------------- assignments


def assignee_of(db: sqlite_utils.Database, claim_id: int) -> str | None:
    """Who the claim is assigned to now, or None."""
    row = db.execute(
        "SELECT assignee FROM claim_assignments WHERE claim_id = ?", [int(claim_id)]
    ).fetchone()
    return row[0] if row else None


def assign(
    db: sqlite_utils.Database,
    claim_ids: Iterable[int],
    assignee: str,
    *,
    by: str,
    note: str | None = None,
    new_reviewer: bool = False,
) -> list[int]:
    """Assign claims to `assignee`, all or nothing; the ids whose assignment changed.

    `by` is who assigns (the signed-in person). A name nobody has used in the ledger
    is refused unless `new_reviewer` says it is meant; an unknown claim id is refused
    and nothing is written.
    """
    name = reviewer_name(assignee, what="the name of the reviewer to assign")
    by = reviewer_name(by, what="a reviewer name for every change")
    if not new_reviewer:
        _require_known(db, name, by)
    return _reassign(db, _claim_ids(claim_ids), name, by, note)


def unassign(
    db: sqlite_utils.Database, claim_ids: Iterable[int], *, by: str, note: str | None = None
) -> list[int]:
    """Take claims off whoever has them; the ids that had an assignee."""
    by = reviewer_name(by, what="a reviewer name for every change")
    return _reassign(db, _claim_ids(claim_ids), None, by, note)


def _reassign(
    db: sqlite_utils.Database, ids: list[int], assignee: str | None, by: str, note: str | None
) -> list[int]:
    note = (note or "").strip() or None
    stamp = store.now_utc()
    changed = []
    with store.write_transaction(db):
        for claim_id in ids:
            store.get_claim(db, claim_id)  # "No claim with id N." rolls back every change
            before = assignee_of(db, claim_id)
            if before == assignee:
                continue
            set_current_assignee(db, claim_id, assignee, by=by, at=stamp)
            db.execute(
                "INSERT INTO assignment_log "
                "(claim_id, at, assigned_by, old_assignee, new_assignee, note) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [claim_id, stamp, by, before, assignee, note],
            )
            changed.append(claim_id)
    return changed


def set_current_assignee(
    db: sqlite_utils.Database, claim_id: int, assignee: str | None, *, by: str, at: str
) -> None:
    """Make `assignee` (None: no one) the claim's current one; the caller logs the change."""
    if assignee is None:
        db.execute("DELETE FROM claim_assignments WHERE claim_id = ?", [claim_id])
        return
    db.execute(
        "INSERT INTO claim_assignments (claim_id, assignee, assigned_by, at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (claim_id) DO UPDATE SET "
        "assignee = excluded.assignee, assigned_by = excluded.assigned_by, "
        "at = excluded.at",
        [claim_id, assignee, by, at],
    )


def assignment_log(db: sqlite_utils.Database, claim_id: int) -> list[dict]:
    """Every assignment change of a claim, oldest first."""
    return list(db["assignment_log"].rows_where("claim_id = ?", [int(claim_id)], order_by="id"))


def assigned_summary(db: sqlite_utils.Database, assignee: str) -> dict:
    """A reviewer's assigned claims (not vanished): how many, how many still open, and
    how many of each status."""
    rows = db.execute(
        "SELECT claims.status, count(*) FROM claim_assignments "
        "JOIN claims ON claims.id = claim_assignments.claim_id "
        "WHERE claim_assignments.assignee = ? AND claims.vanished = 0 GROUP BY claims.status",
        [assignee],
    ).fetchall()
    by_status = dict(rows)
    return {
        "total": sum(by_status.values()),
        "open": sum(by_status.get(status, 0) for status in OPEN_STATUSES),
        "by_status": by_status,
    }


# ---------------------------------------------------------------- comments


def add_comment(db: sqlite_utils.Database, claim_id: int, text: str, *, author: str) -> dict:
    """Append a comment to a claim's thread; the stored row."""
    author = reviewer_name(author, what="a name for the comment's author")
    body = (text or "").strip()
    if not body:
        raise ClaimsError("A comment needs some text.")
    if len(body) > MAX_COMMENT_CHARS:
        raise ClaimsError(
            f"A comment is at most {MAX_COMMENT_CHARS:,} characters; this one has {len(body):,}."
        )
    with store.write_transaction(db):
        claim = store.get_claim(db, claim_id)
        cursor = db.execute(
            "INSERT INTO comments (claim_id, at, author, text) VALUES (?, ?, ?, ?)",
            [claim["id"], store.now_utc(), author, body],
        )
        comment_id = store.inserted_id(cursor)
    return db.table("comments").get(comment_id)


def comments_of(db: sqlite_utils.Database, claim_id: int) -> list[dict]:
    """A claim's comment thread, oldest first."""
    # By time, not id: a restore merging another ledger's thread appends comments
    # older than the ones already here (claims.ledger_logs).
    return list(db["comments"].rows_where("claim_id = ?", [int(claim_id)], order_by="at, id"))


# ---------------------------------------------------------------- history and queue


def claim_history(db: sqlite_utils.Database, claim_id: int) -> list[dict]:
    """The claim's review log and assignment changes as one list, oldest first: each
    row has at, reviewer, field, old, new, note and evidence_url (an assignment
    change is the field "assigned to", made by whoever assigned)."""
    rows = [
        {
            key: review[key]
            for key in ("at", "reviewer", "field", "old", "new", "note", "evidence_url")
        }
        for review in store.reviews_of(db, claim_id)
    ]
    rows += [
        {
            "at": change["at"],
            "reviewer": change["assigned_by"],
            "field": "assigned to",
            "old": change["old_assignee"],
            "new": change["new_assignee"],
            "note": change["note"],
            "evidence_url": None,
        }
        for change in assignment_log(db, claim_id)
    ]
    return sorted(rows, key=lambda row: row["at"])  # stable: each log keeps its own order


def review_queue(
    db: sqlite_utils.Database,
    claim_filter: ClaimFilter,
    *,
    sort: str = "published",
    descending: bool = True,
    limit: int = QUEUE_LIMIT,
) -> list[int]:
    """The ids of a view's claims in its order, the first `limit` of them: what the
    review queue steps through."""
    rows = list_claims(db, claim_filter, sort=sort, descending=descending, page_size=limit)
    return [row["id"] for row in rows]


def next_in_queue(queue: list[int], current: int | None) -> int | None:
    """The claim after `current` in the queue (the first if `current` is not in it),
    None after the last."""
    if current not in queue:
        return queue[0] if queue else None
    position = queue.index(current) + 1
    return queue[position] if position < len(queue) else None


def previous_in_queue(queue: list[int], current: int | None) -> int | None:
    """The claim before `current`, None at the first (or when it is not in the queue)."""
    if current not in queue:
        return None
    position = queue.index(current)
    return queue[position - 1] if position > 0 else None
