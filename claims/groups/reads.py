"""Reading groups: a key's group, a name's series, a claim's group, the listings.

Merged keys lead to the group they were merged into, and claims split off their
group stand alone (claims/groups/decisions.py keeps both).

Listings (list_groups, list_series, disputed_groups here, propose_merges in
claims/groups/proposals.py) read the summaries that store's migrations 0005 and
0006 keep exact with triggers (group_stats, series_stats, group_names: claims,
sources, min and max per group after merges and splits), so they cost index reads
at any size; a group's median and flags are computed from its claims
(claims/groups/stats.py), only for the groups shown. A listing's search matches
names through group_names (_match_names).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import sqlite_utils

from claims import store
from claims.groups.labels import is_standing, label
from claims.groups.stats import ClaimGroup, build_group, spell_name
from claims.matching import DEFAULT_TOLERANCE, Tolerance
from claims.membership import (
    STANDING_PREFIX,
    group_period_sql,
    groupable_sql,
    merged_name_sql,
)
from claims.model import ClaimsError, safe_period_bounds
from claims.normalise import (
    ClaimKey,
    claim_key,
    normalise_metric,
    normalise_subject,
    unit_label,
)
from claims.query import like_contains

CLAIM_COLUMNS = (
    "c.id, c.source_id, c.value, c.low, c.high, c.approx, c.unit, c.subject, c.metric, "
    "c.period, c.period_start, c.period_end, c.published, c.speaker, c.speaker_org, c.hedge, "
    "c.status, c.confidence, c.surface, c.surface_start, c.surface_end, c.sentence, "
    f"c.sentence_start, {group_period_sql('c')} AS group_period, "
    "c.subject_key, c.metric_key, c.unit_key, "
    "s.title AS source_title, s.publisher AS source_publisher, s.url AS source_url, "
    f"{merged_name_sql('c', 'subject')} AS group_subject, "
    f"{merged_name_sql('c', 'metric')} AS group_metric"
)
KEYED_FROM = "FROM claims c JOIN sources s ON s.id = c.source_id"
# Live numeric claims that can be lined up (membership.groupable_sql, the summaries'
# own rule), less the claims a person split off.
_GROUPABLE = f"{groupable_sql('c')} AND c.id NOT IN (SELECT value FROM json_each(?))"
GROUP_PERIOD = group_period_sql("c")


def dict_rows(cursor) -> list[dict]:
    """A cursor's rows, each a dict of column name to value."""
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def as_key(key: ClaimKey | Sequence | Mapping) -> ClaimKey:
    """Accept a ClaimKey, a 4-tuple or a dict with subject/metric/unit/period (or *_key)."""
    if isinstance(key, Mapping):
        if "subject_key" not in key and "metric_key" not in key:
            return claim_key(key)  # a claim as extracted or typed: normalise it

        def pick(name: str) -> str | None:
            return key.get(f"{name}_key", key.get(name))

        return ClaimKey(
            pick("subject") or "", pick("metric") or "", pick("unit") or "", key.get("period")
        )
    subject, metric, unit, period = key
    return ClaimKey(subject or "", metric or "", unit or "", period)


def ensure_keys(db: sqlite_utils.Database) -> int:
    """Key the claims that were written without keys (bulk loaders); returns how many.

    Cheap when there are none: an indexed lookup of metric_key IS NULL.
    """
    if db.execute("SELECT 1 FROM claims WHERE metric_key IS NULL LIMIT 1").fetchone() is None:
        return 0
    return store.recompute_claim_keys(db, only_missing=True)


def split_claim_ids(db: sqlite_utils.Database) -> list[int]:
    """Ids of the claims that a person split off their group (found by their anchor)."""
    sql = (
        "SELECT DISTINCT c.id FROM active_claim_splits sp JOIN claims c "
        "ON c.source_id = sp.source_id AND c.surface_start = sp.surface_start "
        "AND c.surface_end = sp.surface_end ORDER BY c.id"
    )
    return [row[0] for row in db.execute(sql).fetchall()]


def resolve_key(db: sqlite_utils.Database, key: ClaimKey | Sequence | Mapping) -> ClaimKey:
    """The key a key's claims are grouped under, after merges."""
    key = as_key(key)
    row = db.execute(
        "SELECT into_subject, into_metric FROM key_aliases "
        "WHERE unit_key = ? AND from_metric = ? AND from_subject = ?",
        [key.unit, key.metric, key.subject],
    ).fetchone()
    return key if row is None else ClaimKey(row[0], row[1], key.unit, key.period)


def names_in_group(db: sqlite_utils.Database, key: ClaimKey) -> list[tuple[str, str]]:
    """(subject_key, metric_key) names whose claims fall in `key`'s group: it and its aliases."""
    aliases = db.execute(
        "SELECT from_subject, from_metric FROM key_aliases "
        "WHERE unit_key = ? AND into_metric = ? AND into_subject = ?",
        [key.unit, key.metric, key.subject],
    ).fetchall()
    return [(key.subject, key.metric), *((s, m) for s, m in aliases)]


def _claims_of_names(
    db: sqlite_utils.Database,
    names: list[tuple[str, str]],
    unit_key: str,
    period: str | None,
    excluded: list[int],
    since: str | None = None,
) -> list[dict]:
    name_condition = " OR ".join("(c.metric_key = ? AND c.subject_key = ?)" for _ in names)
    params: list = [json.dumps(excluded), unit_key]
    for subject, metric in names:
        params += [metric, subject]
    sql = f"SELECT {CLAIM_COLUMNS} {KEYED_FROM} WHERE {_GROUPABLE} AND c.unit_key = ? "
    sql += f"AND ({name_condition})"
    if is_standing(period):
        sql += f" AND c.period_start IS NULL AND coalesce(c.period, '') = '' AND {GROUP_PERIOD} = ?"
        params.append(period)
    elif period is not None:
        # period_start narrows the index (metric, subject, unit, period_start) to the period.
        sql += " AND c.period_start IS ? AND c.period = ?"
        params += [safe_period_bounds(period)[0], period]
    if since is not None:
        # a range of the same index; standing figures (no period_start) stay in the series
        sql += " AND (c.period_start >= ? OR c.period_start IS NULL)"
        params.append(since)
    return dict_rows(db.execute(sql, params))


def group_for_key(
    db: sqlite_utils.Database,
    key: ClaimKey | Sequence | Mapping,
    tolerance: Tolerance = DEFAULT_TOLERANCE,
) -> ClaimGroup | None:
    """The group of one key (merged keys lead to the group they were merged into).

    None when no live claim has the key. Claims split off the group are not in it.
    """
    ensure_keys(db)
    key = resolve_key(db, key)
    if key.period is None:
        raise ClaimsError("A group needs a period; use series() for every period of a key.")
    rows = _claims_of_names(db, names_in_group(db, key), key.unit, key.period, split_claim_ids(db))
    if not rows:
        return None
    return _spelled_as_listed(db, build_group(key, rows, tolerance))


def _spelled_as_listed(db: sqlite_utils.Database, group: ClaimGroup) -> ClaimGroup:
    """The group named as the pickers write it (from every period's claims), so that a
    group reads the same in the selector, in its header and in the Overview's table."""
    key = group.key
    names = {"subject_key": key.subject, "metric_key": key.metric, "unit_key": key.unit}
    add_spelling(db, names)
    group.subject = names["subject"] or group.subject
    group.metric = names["metric"] or group.metric
    return group


def series(
    db: sqlite_utils.Database,
    key: ClaimKey | Sequence | Mapping,
    tolerance: Tolerance = DEFAULT_TOLERANCE,
    *,
    max_claims: int | None = None,
) -> list[ClaimGroup]:
    """A key's groups over every period (the period of `key` is ignored), oldest period first.

    For the Timeline: each group has its median, spread, flags and first appearance.
    With `max_claims`, only the latest periods whose claims add up to about that many
    (at least one period): a chart of a name stated ten thousand times stays quick
    and readable. The group summary says where to start, before any claim is read.
    """
    ensure_keys(db)
    key = resolve_key(db, as_key(key)._replace(period=None))
    since = _latest_periods_start(db, key, max_claims) if max_claims else None
    names = names_in_group(db, key)
    rows = _claims_of_names(db, names, key.unit, None, split_claim_ids(db), since)
    by_period: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_period[row["group_period"]].append(row)
    groups = [
        build_group(key._replace(period=p), claims, tolerance) for p, claims in by_period.items()
    ]
    return sorted(groups, key=lambda g: (_dated(g.claims[0]), g.key.period))


def _dated(claim: Mapping) -> str:
    """Where a claim stands on a timeline: its period's start, else (a standing figure)
    its article's publication date."""
    return claim.get("period_start") or claim.get("published") or ""


def _latest_periods_start(db: sqlite_utils.Database, key: ClaimKey, max_claims: int) -> str | None:
    """The period_start from which a name's latest periods hold about max_claims claims."""
    rows = db.execute(
        "SELECT period_start, n_claims FROM group_stats WHERE metric_key = ? AND subject_key = ? "
        "AND unit_key = ? AND period_start IS NOT NULL ORDER BY period_start DESC",
        [key.metric, key.subject, key.unit],
    ).fetchall()
    total, since = 0, None
    for period_start, n_claims in rows:
        if since is not None and total + n_claims > max_claims:
            return since
        total, since = total + n_claims, period_start
    return None  # every period fits


def group_of_claim(
    db: sqlite_utils.Database, claim_id: int, tolerance: Tolerance = DEFAULT_TOLERANCE
) -> ClaimGroup | None:
    """The group a claim is in; a one-claim group if it was split off; None if ungroupable."""
    ensure_keys(db)
    claim = store.get_claim(db, claim_id)
    period, is_groupable = db.execute(
        f"SELECT {GROUP_PERIOD}, {groupable_sql('c')} FROM claims c WHERE id = ?", [claim_id]
    ).fetchone()
    key = ClaimKey(claim["subject_key"], claim["metric_key"], claim["unit_key"], period)
    if not is_groupable:
        return None
    if int(claim_id) in split_claim_ids(db):
        rows = _claims_of_names(db, [(key.subject, key.metric)], key.unit, key.period, [])
        rows = [r for r in rows if r["id"] == int(claim_id)]
        return build_group(resolve_key(db, key), rows, tolerance, split_claim_id=int(claim_id))
    return group_for_key(db, key, tolerance)


# The listings below read the summaries that store's migration 0005 keeps exact
# (group_stats, series_stats): a key's group after merges and splits, counted, so that
# a picker over a million claims reads a few hundred index rows instead of grouping.
RANKED = "ORDER BY n_sources DESC, n_claims DESC, period_start DESC, metric_key, subject_key"


def list_groups(
    db: sqlite_utils.Database,
    *,
    search: str | None = None,
    unit_key: str | None = None,
    min_sources: int = 1,
    limit: int = 200,
) -> list[dict]:
    """Groups for a picker, most sources first: one dict per key, without computing flags.

    [{subject_key, metric_key, unit_key, period, key, label, unit, n_claims,
    n_sources, min, max}]. `search` matches the normalised key, the key of the
    search text ("GDP" also finds "gross domestic product") and the spellings in
    articles. `unit_key` is a family from normalise.unit_family ("percent", "count:job").
    """
    ensure_keys(db)
    where: list[str] = ["g.n_sources >= ?"]
    params: list[int | str] = [int(min_sources)]
    if unit_key:
        where.append("g.unit_key = ?")
        params.append(unit_key)
    columns = (
        "g.subject_key, g.metric_key, g.unit_key, g.period, g.period_start, "
        "g.n_claims, g.n_sources, g.min, g.max"
    )
    source, where, params = _searched(db, search, "group_stats", "g", where, params)
    sql = f"SELECT {columns} FROM {source} WHERE {' AND '.join(where)} {RANKED} LIMIT ?"
    rows = dict_rows(db.execute(sql, [*params, int(limit)]))
    for row in rows:
        row["key"] = ClaimKey(row["subject_key"], row["metric_key"], row["unit_key"], row["period"])
        add_spelling(db, row)
        row["unit"] = unit_label(row["unit_key"])
        row["label"] = label(row)
    return rows


def list_series(
    db: sqlite_utils.Database,
    *,
    search: str | None = None,
    min_periods: int = 1,
    limit: int = 200,
) -> list[dict]:
    """Names with claims over periods, for the Timeline picker; most claims first.

    [{subject_key, metric_key, unit_key, key (period None), label, unit,
    n_periods, n_claims, max_sources, first_period, last_period}]. Pass `key`
    to series() to get one group per period. A name is within one unit family.
    """
    ensure_keys(db)
    where, params = ["s.n_periods >= ?"], [int(min_periods)]
    source, where, params = _searched(db, search, "series_stats", "s", where, params)
    sql = (
        "SELECT s.subject_key, s.metric_key, s.unit_key, s.n_periods, s.n_claims "
        f"FROM {source} WHERE {' AND '.join(where)} "
        "ORDER BY s.n_claims DESC, s.n_periods DESC, s.metric_key, s.subject_key LIMIT ?"
    )
    rows = dict_rows(db.execute(sql, [*params, int(limit)]))
    for row in rows:
        extent = db.execute(
            "SELECT max(n_sources), min(period_start), max(period_start) FROM group_stats "
            "WHERE metric_key = ? AND subject_key = ? AND unit_key = ?",
            [row["metric_key"], row["subject_key"], row["unit_key"]],
        ).fetchone()
        row["max_sources"], row["first_period"], row["last_period"] = extent
        row["key"] = ClaimKey(row["subject_key"], row["metric_key"], row["unit_key"], None)
        add_spelling(db, row)
        row["unit"] = unit_label(row["unit_key"])
        row["label"] = label({**row, "period": None})
    return rows


def _searched(
    db: sqlite_utils.Database, search: str | None, table: str, alias: str, where: list, params: list
) -> tuple[str, list[str], list]:
    """The FROM clause, conditions and parameters of a listing of `table`, narrowed to the
    names a search matches (unchanged without a search)."""
    if not (search and search.strip()):
        return f"{table} {alias}", where, params
    match = _match_names(db, search)
    source, condition, match_params = match.from_sql(table, alias, _RANKED_INDEX[table])
    return source, [condition, *where], [*match_params, *params]


def add_spelling(db: sqlite_utils.Database, row: dict) -> None:
    """Set row's subject and metric to how an article spells its name (labels read better).

    A merged name may have no claims of its own, so the names merged into it count too.
    """
    key = ClaimKey(row["subject_key"], row["metric_key"], row["unit_key"], None)
    for subject, metric in names_in_group(db, key):
        spellings = db.execute(
            "SELECT subject, metric FROM claims WHERE metric_key = ? AND subject_key = ? "
            "AND unit_key = ? AND vanished = 0 LIMIT 50",
            [metric, subject, key.unit],
        ).fetchall()
        if spellings:
            row["subject"], row["metric"] = spell_name(spellings, key.subject, key.metric)
            return
    row["subject"] = row["metric"] = None


# How many article spellings of a subject or metric a search may stand for.
_MAX_SPELLINGS = 500
# A search's words that may be split between a subject and a metric ("north korea gdp").
_MAX_SPLIT_WORDS = 6
# Above this many groups under the matched names, the ranked list is read in order and
# filtered (matches are dense, the first page comes soon); below, the matches are read
# by key and sorted (few of them, anywhere in the ranking).
_DENSE_MATCHES = 20_000
_RANKED_INDEX = {"group_stats": "idx_group_stats_rank", "series_stats": "idx_series_stats_rank"}


@dataclass
class _NameMatch:
    """The subject and metric keys a search stands for, found in group_names (store 0006)."""

    metrics: set[str] = field(default_factory=set)
    subjects: set[str] = field(default_factory=set)
    # (subject keys, metric keys): a search split between a subject and a metric.
    pairs: list[tuple[set[str], set[str]]] = field(default_factory=list)
    # (metric, subject, unit) names whose merged-in names matched.
    merged: set[tuple[str, str, str]] = field(default_factory=set)
    estimate: int = 0

    def _terms(self) -> list[tuple[str, list[str]]]:
        """(SQL condition, parameters) per kind of match; none for what matched nothing."""
        terms = []
        if self.metrics:
            terms.append(("metric_key IN (SELECT value FROM json_each(?))", [_json(self.metrics)]))
        if self.subjects:
            terms.append(
                ("subject_key IN (SELECT value FROM json_each(?))", [_json(self.subjects)])
            )
        for subjects, metrics in self.pairs:
            condition = (
                "(subject_key IN (SELECT value FROM json_each(?)) "
                "AND metric_key IN (SELECT value FROM json_each(?)))"
            )
            terms.append((condition, [_json(subjects), _json(metrics)]))
        if self.merged:
            # The metric list first, so that the primary key (metric_key, ...) is used.
            condition = (
                "(metric_key IN (SELECT value FROM json_each(?)) AND "
                "(metric_key, subject_key, unit_key) IN "
                "(SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)))"
            )
            metrics = {metric for metric, _, _ in self.merged}
            terms.append((condition, [_json(metrics), _json(self.merged)]))
        return terms

    def from_sql(self, table: str, alias: str, ranked_index: str) -> tuple[str, str, list]:
        """FROM and WHERE clauses reading `table` AS `alias` narrowed to the matched names,
        and their parameters (which come before any other of the query)."""
        terms = self._terms()
        params = [p for _, term_params in terms for p in term_params]
        if not terms:
            return f"{table} AS {alias}", "0", []
        if self.estimate > _DENSE_MATCHES:
            condition = f"({' OR '.join(sql for sql, _ in terms)})"
            return f"{table} AS {alias} INDEXED BY {ranked_index}", condition, params
        # One indexed read per kind of match (metric_key leads the primary key, subject_key
        # its own index), then the few matches are ranked.
        arms = " UNION ".join(f"SELECT * FROM {table} WHERE {sql}" for sql, _ in terms)
        return f"({arms}) AS {alias}", "1", params


def _json(values: Iterable) -> str:
    return json.dumps(sorted(values))


def _match_names(db: sqlite_utils.Database, search: str) -> _NameMatch:
    """The names a search matches.

    A name matches when its normalised subject or metric contains the search, or the
    name of the search text ("GDP" finds "gross domestic product"), or when a spelling
    in articles that contains it was keyed to it ("jobless" finds "unemployment rate"
    through "jobless rate"), or when the search runs from a subject into a metric
    ("north korea gdp"), also through a name merged into it.
    """
    text = " ".join(search.split())
    match = _NameMatch()
    match.metrics = _keys_like(db, "metric", text, normalise_metric(text))
    match.metrics |= _spelling_keys(db, "metric", text)
    match.subjects = _keys_like(db, "subject", text, normalise_subject(text))
    match.subjects |= _spelling_keys(db, "subject", text)
    words = text.split()[:_MAX_SPLIT_WORDS]
    for cut in range(1, len(words)):
        left, right = " ".join(words[:cut]), " ".join(words[cut:])
        subjects = _keys_like(db, "subject", left, normalise_subject(left))
        metrics = _keys_like(db, "metric", right, normalise_metric(right))
        if subjects and metrics:
            match.pairs.append((subjects, metrics))
    match.merged = {
        tuple(row)
        for row in db.execute(
            "SELECT into_metric, into_subject, unit_key FROM key_aliases "
            "WHERE from_metric IN (SELECT value FROM json_each(?)) "
            "OR from_subject IN (SELECT value FROM json_each(?))",
            [_json(match.metrics), _json(match.subjects)],
        ).fetchall()
    }
    match.estimate = _groups_under(db, "metric", match.metrics) + _groups_under(
        db, "subject", match.subjects
    )
    return match


def _keys_like(db: sqlite_utils.Database, part: str, *texts: str) -> set[str]:
    """Subject or metric keys (group_names) containing any of the texts."""
    found: set[str] = set()
    for text in {t for t in texts if t}:
        rows = db.execute(
            "SELECT key FROM group_names WHERE part = ? AND key LIKE ? ESCAPE '\\'",
            [part, like_contains(text)],
        ).fetchall()
        found |= {key for (key,) in rows}
    return found - {""}


def _groups_under(db: sqlite_utils.Database, part: str, keys: set[str]) -> int:
    sql = (
        "SELECT coalesce(sum(n_groups), 0) FROM group_names WHERE part = ? "
        "AND key IN (SELECT value FROM json_each(?))"
    )
    return db.execute(sql, [part, _json(keys)]).fetchone()[0]


def _spelling_keys(db: sqlite_utils.Database, facet: str, text: str) -> set[str]:
    """The keys of a facet's spellings in articles (facet_counts) that contain text."""
    spellings = db.execute(
        "SELECT DISTINCT value FROM facet_counts WHERE facet = ? AND n > 0 "
        "AND value LIKE ? ESCAPE '\\' LIMIT ?",
        [facet, like_contains(text), _MAX_SPELLINGS],
    ).fetchall()
    normalise = normalise_subject if facet == "subject" else normalise_metric
    return {normalise(value) for (value,) in spellings} - {""}


# How many candidate groups disputed_groups computes flags for, at most.
_MAX_DISPUTE_CANDIDATES = 400


def disputed_groups(
    db: sqlite_utils.Database,
    *,
    limit: int = 20,
    tolerance: Tolerance = DEFAULT_TOLERANCE,
    min_sources: int = 2,
) -> list[ClaimGroup]:
    """Numbers in dispute: dated groups whose values differ beyond tolerance, most sources
    first.

    The summary narrows to groups with at least `min_sources` sources and more
    than one value (only those can disagree or change), most sources first; the
    median and flags are computed for those alone, until `limit` are found, so
    this costs a few groups' reads on any ledger.
    """
    ensure_keys(db)
    excluded = split_claim_ids(db)
    # Standing figures (period '') are left out: without a period, two values under one
    # key are as likely two figures (a debt then and now) as a disagreement.
    sql = (
        "SELECT subject_key, metric_key, unit_key, period FROM group_stats "
        f"WHERE n_sources >= ? AND max > min AND period NOT LIKE '{STANDING_PREFIX}%' "
        f"{RANKED} LIMIT ?"
    )
    candidates = db.execute(sql, [int(min_sources), _MAX_DISPUTE_CANDIDATES]).fetchall()
    disputed: list[ClaimGroup] = []
    for subject, metric, unit, period in candidates:
        key = ClaimKey(subject, metric, unit, period)
        rows = _claims_of_names(db, names_in_group(db, key), key.unit, key.period, excluded)
        group = build_group(key, rows, tolerance)
        if group.flagged and group.n_sources >= min_sources:
            disputed.append(_spelled_as_listed(db, group))
            if len(disputed) >= limit:
                break
    # Candidates come most sources first already; the sort orders ties by spread.
    return sorted(disputed, key=lambda g: (-g.n_sources, -(g.relative_spread or 0)))
