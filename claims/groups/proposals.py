"""Merge proposals: pairs of names that are probably the same, for a person to
accept or reject (claims/groups/decisions.py).

Like the listings, they read the group summaries (group_stats), so the fuzzy
matching works on a bounded set of groups whatever the ledger's size.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import sqlite_utils
from rapidfuzz import fuzz, process

from claims.groups.labels import key_names, label
from claims.groups.reads import RANKED, add_spelling, dict_rows, ensure_keys, resolve_key
from claims.matching import DEFAULT_TOLERANCE, MATCHED_PREFIX, Tolerance
from claims.normalise import ClaimKey


def propose_merges(
    db: sqlite_utils.Database,
    *,
    limit: int = 20,
    min_score: float = 80.0,
    key: ClaimKey | Sequence | Mapping | None = None,
    max_groups: int = 5_000,
) -> list[dict]:
    """Pairs of keys that are probably the same, most likely first.

    Names (subject + metric) are compared with rapidfuzz's token_sort_ratio
    only within one unit family and one period, where both have claims: that is
    where a person can check them side by side. A pair is more likely when
    its values agree, then by score, then by how many periods they share.
    With `key`, only pairs involving that key's name are proposed. Pairs
    already merged or rejected are left out. Each proposal:
    {from_key, into_key, score, values_agree, periods, from_label, into_label,
    from_sources, into_sources}; into_key is the name with more sources.

    At most the `max_groups` most-cited groups are compared, read from the group
    summary: with `key`, the groups of its unit in its period (in every period it has
    claims in when the key has no period); without, the most-cited of the ledger.
    """
    ensure_keys(db)
    focus = resolve_key(db, key) if key is not None else None
    rows = _proposal_candidates(db, focus, max_groups)
    buckets: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        buckets[(row["unit_key"], row["period"])].append(row)
    rejected = rejected_pairs(db)
    pairs: dict[tuple, dict] = {}
    for (unit_key, period), names in buckets.items():
        if len(names) < 2:
            continue
        for a, b, score in _similar_names(names, min_score, focus):
            _add_proposal(pairs, a, b, score, unit_key, period, rejected)
    proposals = sorted(
        pairs.values(),
        key=lambda p: (
            not p["values_agree"],
            -p["score"],
            -len(p["periods"]),
            -(p["from_sources"] + p["into_sources"]),
        ),
    )
    proposals = proposals[: int(limit)]
    for proposal in proposals:
        for side in ("from", "into"):
            row = {**key_names(proposal[f"{side}_key"]), "unit_key": proposal[f"{side}_key"].unit}
            add_spelling(db, row)
            proposal[f"{side}_label"] = label({**row, "period": None})
    return proposals


def _proposal_candidates(
    db: sqlite_utils.Database, focus: ClaimKey | None, max_groups: int
) -> list[dict]:
    """Groups whose names are worth comparing: the most-cited, or those around one key.

    Read from the group summary, at most `max_groups` of them, so the fuzzy matching
    works on a bounded set whatever the ledger's size.
    """
    columns = "subject_key, metric_key, unit_key, period, n_claims, n_sources, min, max"
    if focus is None:
        sql = f"SELECT {columns} FROM group_stats {RANKED} LIMIT ?"
        return dict_rows(db.execute(sql, [int(max_groups)]))
    if focus.period is not None:
        # The Compare page shows one period: its neighbours there are what a person checks.
        periods = [(focus.period,)]
    else:
        periods = db.execute(
            "SELECT period FROM group_stats WHERE metric_key = ? AND subject_key = ? "
            "AND unit_key = ?",
            [focus.metric, focus.subject, focus.unit],
        ).fetchall()
    sql = (
        f"SELECT {columns} FROM group_stats WHERE unit_key = ? "
        f"AND period IN (SELECT value FROM json_each(?)) {RANKED} LIMIT ?"
    )
    params = [focus.unit, json.dumps([p for (p,) in periods]), int(max_groups)]
    return dict_rows(db.execute(sql, params))


def _name(row: Mapping) -> str:
    return f"{row['subject_key']} {row['metric_key']}".strip()


def _similar_names(
    names: list[dict], min_score: float, focus: ClaimKey | None
) -> Iterable[tuple[dict, dict, float]]:
    """Pairs of rows whose names score at least min_score (and the pair's score)."""
    texts = [_name(r) for r in names]
    if focus is not None:
        focus_rows = [r for r in names if (r["subject_key"], r["metric_key"]) == focus[:2]]
        if not focus_rows:
            return
        matches = process.extract(
            _name(focus_rows[0]),
            texts,
            scorer=fuzz.token_sort_ratio,
            score_cutoff=min_score,
            limit=None,
        )
        for _, score, index in matches:
            if names[index] is not focus_rows[0]:
                yield focus_rows[0], names[index], score
        yield from _subjectless_pairs(focus_rows, names, both_ways=True)
        return
    matrix = process.cdist(texts, texts, scorer=fuzz.token_sort_ratio, score_cutoff=min_score)
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            if matrix[i][j] >= min_score:
                yield names[i], names[j], float(matrix[i][j])
    yield from _subjectless_pairs(names, names, both_ways=False)


# A claim whose sentence did not name the subject ("the unemployment rate fell to
# 3.5%") is often the same figure as one that did: worth asking, not assuming.
_SUBJECTLESS_SCORE = 85.0


def _subjectless_pairs(
    left: list[dict], names: list[dict], *, both_ways: bool
) -> Iterable[tuple[dict, dict, float]]:
    """Pairs of one row without a subject and one with, of the same metric."""
    by_metric: dict[str, list[dict]] = defaultdict(list)
    for row in names:
        if row["subject_key"]:
            by_metric[row["metric_key"]].append(row)
    for row in left:
        if not row["subject_key"] and row["metric_key"]:
            for other in by_metric.get(row["metric_key"], []):
                yield row, other, _SUBJECTLESS_SCORE
    for row in left if both_ways else ():
        if row["subject_key"]:
            for other in names:
                if not other["subject_key"] and other["metric_key"] == row["metric_key"]:
                    yield row, other, _SUBJECTLESS_SCORE


def _names_subject(row: Mapping) -> bool:
    """Whether a group's key names its subject (a key taken from context names none)."""
    subject = row["subject_key"]
    return bool(subject) and not subject.startswith(MATCHED_PREFIX)


def _add_proposal(
    pairs: dict, a: dict, b: dict, score: float, unit_key: str, period: str, rejected: set
) -> None:
    # A named subject is never folded into a nameless group: the name is what a reader
    # needs, so the nameless side moves, whatever the counts.
    into, source = sorted(
        (a, b),
        key=lambda r: (
            not _names_subject(r),
            -r["n_sources"],
            -r["n_claims"],
            len(_name(r)),
            _name(r),
        ),
    )
    names = (
        (source["subject_key"], source["metric_key"]),
        (into["subject_key"], into["metric_key"]),
    )
    if names[0] == names[1] or (unit_key, *names) in rejected:
        return
    agree = _ranges_agree(a, b, DEFAULT_TOLERANCE, unit_key)
    pair_id = (unit_key, *names)
    proposal = pairs.get(pair_id)
    if proposal is None:
        proposal = pairs[pair_id] = {
            "from_key": ClaimKey(*names[0], unit_key, period),
            "into_key": ClaimKey(*names[1], unit_key, period),
            "score": score,
            "values_agree": agree,
            "periods": [],
            "from_label": label({**source, "period": None}),
            "into_label": label({**into, "period": None}),
            "from_sources": 0,
            "into_sources": 0,
        }
    proposal["score"] = max(proposal["score"], score)
    if period in proposal["periods"]:
        return  # the same pair found twice in one period (by score and by subject)
    proposal["periods"].append(period)
    proposal["from_sources"] += source["n_sources"]
    proposal["into_sources"] += into["n_sources"]
    if agree and not proposal["values_agree"]:
        proposal.update(values_agree=True, from_key=ClaimKey(*names[0], unit_key, period))
        proposal["into_key"] = ClaimKey(*names[1], unit_key, period)


def _ranges_agree(a: Mapping, b: Mapping, tolerance: Tolerance, unit_key: str) -> bool:
    """Whether two keys' value ranges (min..max) meet within the tolerance."""
    middle = (a["min"] + a["max"] + b["min"] + b["max"]) / 4
    allowed = tolerance.allowed(unit_key, middle)
    return a["min"] - allowed <= b["max"] and b["min"] - allowed <= a["max"]


def rejected_pairs(db: sqlite_utils.Database) -> set[tuple[str, str, str, str, str]]:
    """(unit, from names, into names) pairs whose latest decision is a rejection, both ways."""
    sql = (
        "SELECT unit_key, from_subject, from_metric, into_subject, into_metric, action "
        "FROM key_merges ORDER BY id"
    )
    latest: dict[tuple, str] = {}
    for unit, fs, fm, is_, im, action in db.execute(sql).fetchall():
        latest[(unit, (fs, fm), (is_, im))] = action
        latest[(unit, (is_, im), (fs, fm))] = action
    return {pair for pair, action in latest.items() if action == "reject"}
