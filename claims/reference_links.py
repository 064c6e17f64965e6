"""Links between official reference series and the keys of the figures they measure.

A link is a stored rule: a reference series (claims.reference) <-> a key
(subject_key, metric_key, unit_key) as the claims table stores it. Every claim of
that key, and of the keys a person merged into it (claims.groups), is then checked
against the series (claims.checks).

The ledger *proposes* links, a person *decides*:

- proposals are computed, never stored: a series' name read as a key (the US
  unemployment rate series reads as "united states / unemployment rate") is
  compared with the names of the ledger's keys in the series' unit family
  (percent with percent, USD with USD; never across). The subject must agree, as
  keys spell it (the series' place or body, or, for a series that names none, such
  as the Brent price, words of the series' name: "brent crude"), so only those
  keys are read, by index, whatever the ledger's size; the metric is scored with
  rapidfuzz's token_set_ratio against what is left of the series' name. A key
  with neither a subject nor a metric of two words or more ("price") says too
  little to propose anything for it; a person can still link it by hand.
- decisions (accept, reject, undo) are rows of an append-only log
  (reference_link_log) with who, when and a note, which every decision needs, as
  every merge does (claims.groups); a pair's state is the log
  replayed, an undo taking back the latest decision not yet undone. Accepted and
  rejected pairs are not proposed again; an undone one can be.

A proposal and a link share one id, made from the series' name and the key
("l-" and ten hex digits), stable across runs and ledgers, so the id a person reads
in `reference proposals` is the one they accept, reject or undo.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

import sqlite_utils
from rapidfuzz import fuzz

from claims import reference, store
from claims.groups import names_in_group, resolve_key
from claims.matching import MATCHED_PREFIX
from claims.model import ClaimsError
from claims.normalise import ClaimKey, key_columns, subject_metric_keys, unit_family, unit_label

MIN_SCORE = 80.0
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_DECISIONS = ("accept", "reject", "undo")
_STATE_OF = {"accept": "accepted", "reject": "rejected"}


@dataclass(frozen=True)
class Proposal:
    """A link the ledger suggests: `claims` is how many claims it would check."""

    id: str
    series: str
    subject_key: str
    metric_key: str
    unit_key: str
    score: float
    claims: int

    @property
    def label(self) -> str:
        return key_label(self.subject_key, self.metric_key, self.unit_key)

    def to_dict(self) -> dict:
        return {**asdict(self), "key": self.label}


def key_label(subject_key: str, metric_key: str, unit_key: str) -> str:
    """How a person reads a key: "united states / unemployment rate / percent"."""
    return " / ".join([subject_key or "(no subject)", metric_key, unit_label(unit_key) or "number"])


def link_id(series: str, subject_key: str, metric_key: str, unit_key: str) -> str:
    """The id of a series-key pair, proposed or decided: the same in every ledger."""
    text = "\x1f".join([series, subject_key, metric_key, unit_key])
    return "l-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


# ---------------------------------------------------------------- proposals


@dataclass(frozen=True)
class _SeriesName:
    """A series' name read as a key, to compare with the claims' keys."""

    name: str
    unit_key: str
    subject: str
    metric: str

    def subjects(self) -> list[str]:
        """The subject keys a claim of this series may have: the series' own, or for a
        series that names none, no subject or any run of words of its name."""
        if self.subject:
            return [self.subject]
        words = self.metric.split()
        runs = (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words)))
        return ["", *runs]


def _series_name(row: dict) -> _SeriesName:
    # "US unemployment rate (annual average)": the brackets say how, not what.
    name = _PARENTHESES.sub("", row["name"]).replace(":", " ")
    subject, metric = subject_metric_keys(None, name)
    return _SeriesName(row["name"], unit_family(row["unit"]), subject, metric)


def name_score(series: _SeriesName, subject_key: str, metric_key: str) -> float:
    """How well a key's name fits a series' name, 0-100 (see the module's docstring)."""
    if not metric_key or metric_key.startswith(MATCHED_PREFIX):
        return 0.0
    if subject_key.startswith(MATCHED_PREFIX):
        return 0.0
    if subject_key not in series.subjects():
        return 0.0
    if not subject_key and len(metric_key.split()) < 2:
        return 0.0  # "price" alone: which price?
    subject_words = subject_key.split()
    rest = " ".join(w for w in series.metric.split() if w not in subject_words)
    return float(fuzz.token_set_ratio(metric_key, rest))


def proposals(
    db: sqlite_utils.Database,
    *,
    series: str | None = None,
    min_score: float = MIN_SCORE,
    limit: int | None = None,
) -> list[Proposal]:
    """Links worth a person's look, best first (by score, then by claims covered).

    Only keys with live claims are proposed (read from the series summary, which
    counts the claims of each key after merges); pairs already accepted or rejected
    are left out. With `series`, only that series' proposals.
    """
    series_rows = [reference.series_row(db, series)] if series else _all_series(db)
    names = [_series_name(row) for row in series_rows]
    decided = _decided_pairs(db)
    found = []
    for name in names:
        for subject_key, metric_key, n_claims in _candidate_keys(db, name):
            if (name.name, subject_key, metric_key, name.unit_key) in decided:
                continue
            score = name_score(name, subject_key, metric_key)
            if score >= min_score:
                found.append(
                    Proposal(
                        link_id(name.name, subject_key, metric_key, name.unit_key),
                        name.name,
                        subject_key,
                        metric_key,
                        name.unit_key,
                        round(score, 1),
                        n_claims,
                    )
                )
    found.sort(key=lambda p: (-p.score, -p.claims, p.series, p.label))
    return found if limit is None else found[: int(limit)]


def _all_series(db: sqlite_utils.Database) -> list[dict]:
    return _rows(db.execute("SELECT id, name, unit, frequency, url FROM reference_series"))


def _candidate_keys(db: sqlite_utils.Database, series: _SeriesName) -> list[tuple[str, str, int]]:
    """(subject_key, metric_key, claims) of the keys with claims that could fit a series:
    its unit family and one of its subjects, read by the summary's subject index."""
    rows = db.execute(
        "SELECT subject_key, metric_key, n_claims FROM series_stats "
        "WHERE subject_key IN (SELECT value FROM json_each(?)) AND unit_key = ? "
        "AND n_claims > 0",
        [json.dumps(series.subjects()), series.unit_key],
    ).fetchall()
    return [(s, m, n) for s, m, n in rows]


def _decided_pairs(db: sqlite_utils.Database) -> set[tuple[str, str, str, str]]:
    """(series name, subject, metric, unit) of the pairs accepted or rejected now."""
    rows = db.execute(
        "SELECT s.name, l.subject_key, l.metric_key, l.unit_key FROM reference_links l "
        "JOIN reference_series s ON s.id = l.series_id WHERE l.state IS NOT NULL"
    ).fetchall()
    return {tuple(row) for row in rows}


# ---------------------------------------------------------------- decisions


def link(
    db: sqlite_utils.Database,
    series: str,
    *,
    subject: str | None,
    metric: str | None,
    unit: str | None,
    reviewer: str,
    note: str,
) -> dict:
    """Link a series to a key a person names in words ("United States",
    "unemployment rate", "percent"), keyed as claims are; returns the link. No unit
    is the series' own: a key in another unit could not be linked anyway.

    Refused, with nothing written, when the series does not exist, its unit is not
    the key's (a percent series checks no claim in dollars), or the note is missing.
    """
    row = reference.series_row(db, series)
    keys = key_columns(subject, metric, unit if unit and unit.strip() else row["unit"])
    if not keys["metric_key"]:
        raise ClaimsError("A link needs a metric (--metric): what the series measures.")
    _require_same_unit(row, keys["unit_key"])
    return _decide(db, row, keys, "accept", reviewer=reviewer, note=note, score=None)


def accept(db: sqlite_utils.Database, link_or_proposal: str, *, reviewer: str, note: str) -> dict:
    """Accept a proposal (or re-accept a rejected link) by its id; returns the link."""
    row, keys, score = _pair_of(db, link_or_proposal)
    return _decide(db, row, keys, "accept", reviewer=reviewer, note=note, score=score)


def reject(db: sqlite_utils.Database, link_or_proposal: str, *, reviewer: str, note: str) -> dict:
    """Reject a proposal, or take back an accepted link."""
    row, keys, score = _pair_of(db, link_or_proposal)
    return _decide(db, row, keys, "reject", reviewer=reviewer, note=note, score=score)


def undo(db: sqlite_utils.Database, link_id_: str, *, reviewer: str, note: str) -> dict:
    """Take back the latest decision on a link not yet undone; returns the link."""
    stored = _stored_link(db, link_id_)
    if stored is None or not _decision_stack(db, link_id_):
        raise ClaimsError(f"{link_id_} has no decision to undo.")
    row = reference.series_row(db, stored["series"])
    keys = {k: stored[k] for k in ("subject_key", "metric_key", "unit_key")}
    return _decide(db, row, keys, "undo", reviewer=reviewer, note=note, score=None)


def _require_same_unit(series_row: dict, unit_key: str) -> None:
    series_unit = unit_family(series_row["unit"])
    if series_unit != unit_key:
        raise ClaimsError(
            f"{series_row['name']!r} is in {unit_label(series_unit) or 'bare numbers'}; "
            f"claims in {unit_label(unit_key) or 'bare numbers'} cannot be checked against it."
        )


def _pair_of(db: sqlite_utils.Database, id_: str) -> tuple[dict, dict, float | None]:
    """The series row, key and proposal score (None if not proposed now) of an id."""
    stored = _stored_link(db, id_)
    proposal = next((p for p in proposals(db) if p.id == id_), None)
    if stored is not None:
        source = stored
    elif proposal is not None:
        source = asdict(proposal)
    else:
        raise ClaimsError(f"No proposal or link with id {id_!r}; `reference proposals` lists them.")
    keys = {k: source[k] for k in ("subject_key", "metric_key", "unit_key")}
    score = proposal.score if proposal is not None else None
    return reference.series_row(db, source["series"]), keys, score


def _decide(
    db: sqlite_utils.Database,
    series_row: dict,
    keys: dict,
    action: str,
    *,
    reviewer: str,
    note: str,
    score: float | None,
) -> dict:
    reviewer, note = _require_reviewer(reviewer), _require_note(note)
    id_ = link_id(series_row["name"], keys["subject_key"], keys["metric_key"], keys["unit_key"])
    with store.write_transaction(db):
        current = _decision_stack(db, id_)
        if action != "undo" and current and current[-1] == action:
            # A second identical decision would make one undo look like it did nothing.
            raise ClaimsError(f"{id_} is already {_STATE_OF[action]}.")
        db.execute(
            "INSERT OR IGNORE INTO reference_links (id, series_id, subject_key, metric_key, "
            "unit_key) VALUES (?, ?, ?, ?, ?)",
            [id_, series_row["id"], keys["subject_key"], keys["metric_key"], keys["unit_key"]],
        )
        db.execute(
            "INSERT INTO reference_link_log (link_id, action, score, reviewer, at, note) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [id_, action, score, reviewer, store.now_utc(), note],
        )
        stack = _decision_stack(db, id_)
        db.execute(
            "UPDATE reference_links SET state = ? WHERE id = ?",
            [_STATE_OF[stack[-1]] if stack else None, id_],
        )
    link = _stored_link(db, id_)
    assert link is not None  # inserted above if it was not there
    return link


def _decision_stack(db: sqlite_utils.Database, id_: str) -> list[str]:
    """A link's decisions still in force, oldest first: each undo takes back the last."""
    stack: list[str] = []
    actions = db.execute(
        "SELECT action FROM reference_link_log WHERE link_id = ? ORDER BY id", [id_]
    ).fetchall()
    for (action,) in actions:
        if action == "undo":
            if stack:
                stack.pop()
        else:
            stack.append(action)
    return stack


def _require_note(note: str | None) -> str:
    # The next reader of a link must be able to tell a decision from an accident.
    if not note or not note.strip():
        raise ClaimsError("Say why in the note: every link decision keeps one.")
    return note.strip()


def _require_reviewer(reviewer: str | None) -> str:
    if not reviewer or not reviewer.strip():
        raise ClaimsError("Say who you are: a reviewer name is required for every change.")
    return reviewer.strip()


# ---------------------------------------------------------------- reading links

_LINK_COLUMNS = (
    "l.id, s.name AS series, l.subject_key, l.metric_key, l.unit_key, l.state, "
    "s.frequency, s.unit AS series_unit, s.url"
)
_LINK_FROM = "FROM reference_links l JOIN reference_series s ON s.id = l.series_id"


def _stored_link(db: sqlite_utils.Database, id_: str) -> dict | None:
    rows = _rows(db.execute(f"SELECT {_LINK_COLUMNS} {_LINK_FROM} WHERE l.id = ?", [id_]))
    return rows[0] if rows else None


def links(db: sqlite_utils.Database, *, series: str | None = None) -> list[dict]:
    """The accepted links, by series then key: {id, series, subject_key, metric_key,
    unit_key, state, frequency, series_unit, url, key, claims}."""
    sql = f"SELECT {_LINK_COLUMNS} {_LINK_FROM} WHERE l.state = 'accepted'"
    params: list = []
    if series is not None:
        reference.series_row(db, series)  # an unknown name is refused, not an empty list
        sql += " AND s.name = ?"
        params.append(series)
    found = _rows(db.execute(sql + " ORDER BY s.name, l.metric_key, l.subject_key", params))
    for row in found:
        row["key"] = key_label(row["subject_key"], row["metric_key"], row["unit_key"])
        row["claims"] = claims_covered(db, row)
    return found


def claims_covered(db: sqlite_utils.Database, row: dict) -> int:
    """How many live claims a link's key holds (its group's, after merges)."""
    found = db.execute(
        "SELECT n_claims FROM series_stats WHERE metric_key = ? AND subject_key = ? "
        "AND unit_key = ?",
        [row["metric_key"], row["subject_key"], row["unit_key"]],
    ).fetchone()
    return found[0] if found else 0


def series_for_key(db: sqlite_utils.Database, key: ClaimKey | Iterable) -> list[dict]:
    """The accepted links of the group a key belongs to (after merges), by series name:
    what the Timeline draws under a key's claims and what a claim is checked against."""
    subject, metric, unit = tuple(key)[:3]
    resolved = resolve_key(db, (subject, metric, unit, None))
    # A link may name the key itself or the group it was merged into.
    names = {(subject, metric), (resolved.subject, resolved.metric)}
    found = []
    for subject_key, metric_key in sorted(names):
        found += _rows(
            db.execute(
                f"SELECT {_LINK_COLUMNS} {_LINK_FROM} WHERE l.state = 'accepted' "
                "AND l.metric_key = ? AND l.subject_key = ? AND l.unit_key = ?",
                [metric_key, subject_key, unit],
            )
        )
    return sorted(found, key=lambda row: row["series"])


def names_of_link(db: sqlite_utils.Database, row: dict) -> list[tuple[str, str]]:
    """(subject_key, metric_key) names whose claims a link covers: its own and merged ones."""
    key = ClaimKey(row["subject_key"], row["metric_key"], row["unit_key"], None)
    return names_in_group(db, key)


def decision_log(db: sqlite_utils.Database, *, limit: int = 200) -> list[dict]:
    """Link decisions (accept, reject, undo), newest first, with the series and key."""
    return _rows(
        db.execute(
            "SELECT g.id, g.link_id, g.action, g.score, g.reviewer, g.at, g.note, "
            "s.name AS series, l.subject_key, l.metric_key, l.unit_key "
            "FROM reference_link_log g JOIN reference_links l ON l.id = g.link_id "
            "JOIN reference_series s ON s.id = l.series_id ORDER BY g.id DESC LIMIT ?",
            [int(limit)],
        )
    )


def _rows(cursor) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
