"""A person's decisions on groups: merges and splits, their undo, and their logs.

- a merge maps one name (subject_key, metric_key) onto another within one unit
  family, for every period; merges are kept by key, so claims that re-extraction
  adds later fall into the merged group without anyone acting again;
- a split takes one claim out of its group (it then stands alone); it is
  anchored by the claim's place in its article (source, surface offsets), so it
  holds for a re-extracted copy of the claim too.

Both are append-only logs (key_merges, claim_splits) with undo as a later row;
every decision names its reviewer and says why in a note. The merges in force,
chains followed, are kept in key_aliases (rebuild_aliases), which every grouping
read uses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sqlite_utils

from claims import store
from claims.groups.labels import key_names, label
from claims.groups.reads import as_key, dict_rows, resolve_key, split_claim_ids
from claims.model import ClaimsError
from claims.normalise import ClaimKey, unit_label


def accept_merge(
    db: sqlite_utils.Database,
    from_key: ClaimKey | Sequence | Mapping,
    into_key: ClaimKey | Sequence | Mapping,
    *,
    reviewer: str,
    note: str,
) -> ClaimKey:
    """Merge one key's name into another's, for every period; returns the resulting key.

    Units must be of one family: percent never merges with percentage points,
    dollars never with euros, delegates never with tonnes.
    """
    reviewer, note = _require_reviewer(reviewer), _require_note(note)
    source, target = as_key(from_key), as_key(into_key)
    if source.unit != target.unit:
        raise ClaimsError(
            f"{unit_label(source.unit) or 'bare numbers'} and "
            f"{unit_label(target.unit) or 'bare numbers'} are never compared: "
            "only keys in one unit merge."
        )
    with store.write_transaction(db):
        resolved_target = resolve_key(db, target)
        if resolved_target[:2] == source[:2]:
            raise ClaimsError(
                "These keys are already one group (or merged the other way); "
                "undo that merge first to choose the other name."
            )
        _log_merge(db, "merge", source, target, reviewer, note)
        rebuild_aliases(db)
    return resolve_key(db, target)


def undo_merge(
    db: sqlite_utils.Database,
    from_key: ClaimKey | Sequence | Mapping,
    *,
    reviewer: str,
    note: str,
) -> None:
    """Take a merged key's name out of the group it was merged into."""
    reviewer, note = _require_reviewer(reviewer), _require_note(note)
    source = as_key(from_key)
    with store.write_transaction(db):
        current = _current_merge(db, source)
        if current is None:
            raise ClaimsError(f"{source.subject} {source.metric}".strip() + " is not merged.")
        _log_merge(db, "unmerge", source, current, reviewer, note)
        rebuild_aliases(db)


def reject_merge(
    db: sqlite_utils.Database,
    from_key: ClaimKey | Sequence | Mapping,
    into_key: ClaimKey | Sequence | Mapping,
    *,
    reviewer: str,
    note: str,
) -> None:
    """Record that two keys are not the same, so the pair is no longer proposed."""
    reviewer, note = _require_reviewer(reviewer), _require_note(note)
    with store.write_transaction(db):
        _log_merge(db, "reject", as_key(from_key), as_key(into_key), reviewer, note)


def _current_merge(db: sqlite_utils.Database, key: ClaimKey) -> ClaimKey | None:
    row = db.execute(
        "SELECT action, into_subject, into_metric FROM key_merges "
        "WHERE unit_key = ? AND from_metric = ? AND from_subject = ? "
        "AND action IN ('merge', 'unmerge') ORDER BY id DESC LIMIT 1",
        [key.unit, key.metric, key.subject],
    ).fetchone()
    if row is None or row[0] != "merge":
        return None
    return ClaimKey(row[1], row[2], key.unit, key.period)


def _log_merge(
    db: sqlite_utils.Database,
    action: str,
    source: ClaimKey,
    target: ClaimKey,
    reviewer: str,
    note: str | None,
) -> None:
    db.table("key_merges").insert(
        {
            "action": action,
            "unit_key": source.unit,
            "from_subject": source.subject,
            "from_metric": source.metric,
            "into_subject": target.subject,
            "into_metric": target.metric,
            "period": source.period,
            "reviewer": reviewer,
            "at": store.now_utc(),
            "note": note,
        }
    )


def rebuild_aliases(db: sqlite_utils.Database) -> int:
    """Recompute key_aliases from the merge log (chains followed); returns how many aliases."""
    edges: dict[tuple[str, str, str], tuple[str, str]] = {}
    sql = (
        "SELECT action, unit_key, from_subject, from_metric, into_subject, into_metric "
        "FROM key_merges WHERE action IN ('merge', 'unmerge') ORDER BY id"
    )
    for action, unit, fs, fm, into_s, into_m in db.execute(sql).fetchall():
        if action == "merge":
            edges[(unit, fs, fm)] = (into_s, into_m)
        else:
            edges.pop((unit, fs, fm), None)
    aliases = []
    for (unit, fs, fm), target in edges.items():
        seen = {(fs, fm)}
        # Follow A -> B -> C to C; stop before going round a cycle.
        while (unit, *target) in edges and target not in seen:
            seen.add(target)
            target = edges[(unit, *target)]
        if target != (fs, fm):
            aliases.append((unit, fs, fm, *target))
    # Only the aliases that changed are written: each one moves its claims between the
    # group summaries (store's triggers), so rewriting them all would move every merge.
    current = set(
        db.execute(
            "SELECT unit_key, from_subject, from_metric, into_subject, into_metric FROM key_aliases"
        ).fetchall()
    )
    with store.write_transaction(db):
        db.conn.executemany(
            "DELETE FROM key_aliases WHERE unit_key = ? AND from_subject = ? "
            "AND from_metric = ? AND into_subject = ? AND into_metric = ?",
            sorted(current - set(aliases)),
        )
        db.conn.executemany(
            "INSERT INTO key_aliases (unit_key, from_subject, from_metric, into_subject, "
            "into_metric) VALUES (?, ?, ?, ?, ?)",
            sorted(set(aliases) - current),
        )
    return len(aliases)


def split_claim(db: sqlite_utils.Database, claim_id: int, *, reviewer: str, note: str) -> None:
    """Take a claim out of its group (it then stands alone); the claim's review log says so."""
    _log_split(db, "split", claim_id, reviewer, note)


def undo_split(db: sqlite_utils.Database, claim_id: int, *, reviewer: str, note: str) -> None:
    """Put a split claim back into the group its key gives it."""
    _log_split(db, "unsplit", claim_id, reviewer, note)


def _log_split(
    db: sqlite_utils.Database, action: str, claim_id: int, reviewer: str, note: str | None
) -> None:
    reviewer, note = _require_reviewer(reviewer), _require_note(note)
    with store.write_transaction(db):
        claim = store.get_claim(db, claim_id)
        is_split = claim["id"] in split_claim_ids(db)
        if action == "split" and is_split:
            raise ClaimsError(f"Claim {claim_id} is already split off its group.")
        if action == "unsplit" and not is_split:
            raise ClaimsError(f"Claim {claim_id} is not split off a group.")
        key = resolve_key(
            db, (claim["subject_key"], claim["metric_key"], claim["unit_key"], claim["period"])
        )
        stamp = store.now_utc()
        db.table("claim_splits").insert(
            {
                "action": action,
                "claim_id": claim["id"],
                "source_id": claim["source_id"],
                "surface_start": claim["surface_start"],
                "surface_end": claim["surface_end"],
                "surface": claim["surface"],
                "subject_key": key.subject,
                "metric_key": key.metric,
                "unit_key": key.unit,
                "period": key.period,
                "reviewer": reviewer,
                "at": stamp,
                "note": note,
            }
        )
        # The claim's own history shows it too; a claim with a review is one a
        # person touched, which re-extraction keeps.
        group = label({**key_names(key), "unit_key": key.unit, "period": key.period})
        old, new = (group, "split off") if action == "split" else ("split off", group)
        store._append_review(db, claim["id"], stamp, reviewer, "group", old, new, note, None)


def _require_note(note: str | None) -> str:
    """Every merge, rejection and split, and every undo of one, says why: the next
    reader of the group must be able to tell a decision from an accident."""
    if not note or not note.strip():
        raise ClaimsError("Say why in the note: every merge, rejection and split keeps one.")
    return note.strip()


def _require_reviewer(reviewer: str | None) -> str:
    if not reviewer or not reviewer.strip():
        raise ClaimsError("Say who you are: a reviewer name is required for every change.")
    return reviewer.strip()


def merge_log(db: sqlite_utils.Database, *, limit: int = 200) -> list[dict]:
    """Merge decisions (merge, unmerge, reject), newest first."""
    return dict_rows(db.execute("SELECT * FROM key_merges ORDER BY id DESC LIMIT ?", [int(limit)]))


def split_log(db: sqlite_utils.Database, *, limit: int = 200) -> list[dict]:
    """Split decisions (split, unsplit), newest first."""
    return dict_rows(
        db.execute("SELECT * FROM claim_splits ORDER BY id DESC LIMIT ?", [int(limit)])
    )


def active_merges(db: sqlite_utils.Database) -> list[dict]:
    """The merges in force (chains followed): [{unit_key, from_*, into_*}]."""
    return dict_rows(db.execute("SELECT * FROM key_aliases ORDER BY unit_key, into_metric"))
