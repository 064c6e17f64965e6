"""Groups of comparable claims: who agrees, who does not, and who said it first.

A group is every live numeric claim with one key (subject, metric, unit, period)
as claims/normalise.py computes it and store.py keeps it in the key columns,
after a person's decisions:

- a merge maps one name (subject_key, metric_key) onto another within one unit
  family, for every period; merges are kept by key, so claims that re-extraction
  adds later fall into the merged group without anyone acting again;
- a split takes one claim out of its group (it then stands alone); it is
  anchored by the claim's place in its article (source, surface offsets), so it
  holds for a re-extracted copy of the claim too.

Both are append-only logs (key_merges, claim_splits) with undo as a later row.

A claim with a period groups when it has a subject or a metric. A standing figure
(no period: "the firm owes $3bn") needs both, since "5.25 percent" with no "what"
lines up with too much; its group's period is its magnitude rounded to two
significant digits ("~3e+09", membership.group_period_sql), so claims of one name and
about one size line up, and it is dated as of its article's publication. A claim
missing one of the two can take the key of the same value said in the same words
elsewhere (claims.matching).

Disagreement (see Tolerance): a claim is an *outlier* when its value is further
from the group's median than the tolerance, and only outliers put a group in
dispute: a baseline ("up from 4.9% a year earlier") has a period of its own and
so never disputes the current value. A claim has *changed* when a later source
repeats the first appearance's figure with another value (8.5% quoted later as
"nearly 9%"): shown, but no dispute by itself. The median counts each source
once (the median of its own claims), so a source repeating itself does not
outvote the others.

Listings (list_groups, list_series, disputed_groups, propose_merges) read the
summaries that store's migrations 0005 and 0006 keep exact with triggers
(group_stats, series_stats, group_names: claims, sources, min and max per group
after merges and splits), so they cost index reads at any size; a group's
median and flags are computed from its claims, only for the groups shown.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields

import sqlite_utils
from rapidfuzz import fuzz, process

from claims import store
from claims.matching import DEFAULT_TOLERANCE, MATCHED_PREFIX, Tolerance
from claims.membership import (
    STANDING_PREFIX,
    group_period_sql,
    groupable_sql,
    merged_name_sql,
)
from claims.model import ClaimsError, safe_period_bounds
from claims.normalise import (
    ClaimKey,
    as_lead,
    claim_key,
    normalise_metric,
    normalise_subject,
    unit_label,
)
from claims.query import like_contains

# Approximators that make a value a bound rather than a point ("more than 5,000").
# "nearly 9" and "about 9" stay point figures: rounded, not bounds.
_LOWER_BOUND_WORDS = frozenset({"more than", "over", "at least", "above", "upwards of"})
_UPPER_BOUND_WORDS = frozenset({"less than", "fewer than", "up to", "under", "below", "at most"})


# ---------------------------------------------------------------- the group


@dataclass
class ClaimGroup:
    """One key's claims with their agreement, spread and first appearance.

    `claims` rows carry, besides the stored fields and the source's title,
    publisher and url: `deviation` (value - median), `outlier`, `changed`
    (differs from the first appearance in a later source), `first` (is the
    first appearance) and `note` (why it is flagged, for people).
    """

    key: ClaimKey
    subject: str | None
    metric: str | None
    unit: str
    claims: list[dict]
    median: float | None
    min: float | None
    max: float | None
    spread: float | None
    relative_spread: float | None
    allowed_deviation: float | None
    n_claims: int
    n_sources: int
    first: dict | None
    outliers: list[int] = field(default_factory=list)
    changed: list[int] = field(default_factory=list)
    split_claim_id: int | None = None
    revised: list[int] = field(default_factory=list)

    @property
    def label(self) -> str:
        """How a person reads the key: "North Korea · GDP · percent · 2020"."""
        row = {"subject": self.subject, "metric": self.metric, "period": self.key.period}
        return _label({**row, **_key_names(self.key), "unit_key": self.key.unit})

    @property
    def flagged(self) -> bool:
        """True when the group's sources disagree: some value is off the median.

        A figure that changed on repetition but within tolerance ("8.5%" later quoted
        as "8.6%") is marked on its claim, not a dispute.
        """
        return bool(self.outliers)

    def summary(self) -> dict:
        """The group without its claims: one row of a table of groups."""
        row = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "claims"}
        row.update(
            subject_key=self.key.subject,
            metric_key=self.key.metric,
            unit_key=self.key.unit,
            period=self.key.period,
            key=tuple(self.key),
            label=self.label,
            flagged=self.flagged,
            n_outliers=len(self.outliers),
            n_changed=len(self.changed),
        )
        return row


def build_group(
    key: ClaimKey,
    rows: Sequence[dict],
    tolerance: Tolerance = DEFAULT_TOLERANCE,
    *,
    split_claim_id: int | None = None,
) -> ClaimGroup:
    """Compute a group's median, spread, flags and first appearance from its claim rows.

    Rows need id, source_id, value, low, high, approx, published, subject and
    metric; they are returned earliest publication first, flags added.
    """
    # Earliest publication first; same-day sources in the order they were stored.
    claims = sorted((dict(r) for r in rows), key=_publication_order)
    values = [c["value"] for c in claims]
    if not claims:
        return _empty_group(key)
    for claim in claims:
        claim["revised"] = is_revised_estimate(claim)
    current = [c for c in claims if not c["revised"]] or claims
    median = statistics.median(_one_value_per_source(current))
    allowed = tolerance.allowed(key.unit, median)
    first = current[0]
    outliers, changed, revised = [], [], []
    for claim in claims:
        claim["deviation"] = claim["value"] - median
        claim["first"] = claim is first
        # An estimate the text says was revised is history, not a disagreement.
        claim["outlier"] = not claim["revised"] and not _agrees(claim, median, allowed)
        claim["changed"] = not claim["revised"] and _changed_since_first(claim, first)
        claim["note"] = _flag_note(claim, first, median)
        if claim["outlier"]:
            outliers.append(claim["id"])
        if claim["changed"]:
            changed.append(claim["id"])
        if claim["revised"]:
            revised.append(claim["id"])
    low, high = min(values), max(values)
    subject, metric = _spell_name(
        [(c.get("subject"), c.get("metric")) for c in claims], key.subject, key.metric
    )
    return ClaimGroup(
        key=key,
        subject=subject,
        metric=metric,
        unit=unit_label(key.unit),
        claims=claims,
        median=median,
        min=low,
        max=high,
        spread=high - low,
        relative_spread=(high - low) / abs(median) if median else None,
        allowed_deviation=allowed,
        n_claims=len(claims),
        n_sources=len({c["source_id"] for c in claims}),
        first=_first_appearance(first),
        outliers=outliers,
        changed=changed,
        split_claim_id=split_claim_id,
        revised=revised,
    )


def _empty_group(key: ClaimKey) -> ClaimGroup:
    return ClaimGroup(
        key, None, None, unit_label(key.unit), [], None, None, None, None, None, None, 0, 0, None
    )


def _publication_order(claim: Mapping) -> tuple:
    # Undated sources go last: they cannot be anybody's first appearance.
    return (claim.get("published") is None, claim.get("published") or "", claim["id"])


def _one_value_per_source(claims: Iterable[Mapping]) -> list[float]:
    by_source: dict[int, list[float]] = defaultdict(list)
    for claim in claims:
        by_source[claim["source_id"]].append(claim["value"])
    return [statistics.median(values) for values in by_source.values()]


def _agrees(claim: Mapping, median: float, allowed: float) -> bool:
    """Whether a claim is consistent with the median, reading ranges and bounds as such."""
    value, low, high = claim["value"], claim.get("low"), claim.get("high")
    if low is not None and high is not None:
        return low - allowed <= median <= high + allowed
    approx = (claim.get("approx") or "").lower()
    if approx in _LOWER_BOUND_WORDS:
        return median >= value - allowed
    if approx in _UPPER_BOUND_WORDS:
        return median <= value + allowed
    return abs(value - median) <= allowed


def _changed_since_first(claim: Mapping, first: Mapping) -> bool:
    # A repetition is the figure in a later (or same-day) source other than the first.
    if claim is first or claim["source_id"] == first["source_id"]:
        return False
    if claim.get("published") is None:
        return False
    return not math.isclose(claim["value"], first["value"], rel_tol=1e-9, abs_tol=1e-12)


# "was revised down from 157,000", "revised its estimate upward from 2.1%": the number
# after "from" in a revision is the estimate it replaced.
_REVISED_FROM_RE = re.compile(
    r"\brevis(?:e|ed|es|ing)\b(?:[^.;:]|\.\d){0,60}?\bfrom\s+(?:(?:about|around|nearly|some)\s+)?$",
    re.IGNORECASE,
)


def is_revised_estimate(claim: Mapping) -> bool:
    """Whether the claim's own sentence says its figure was revised to another."""
    sentence, start = claim.get("sentence"), claim.get("sentence_start")
    if not sentence or start is None or claim.get("surface_start") is None:
        return False
    offset = claim["surface_start"] - start
    return bool(_REVISED_FROM_RE.search(sentence[max(0, offset - 100) : max(0, offset)]))


def _flag_note(claim: Mapping, first: Mapping, median: float) -> str | None:
    if claim.get("revised"):
        return "an earlier estimate, revised in the same sentence"
    notes = []
    if claim["outlier"]:
        notes.append(f"{_number(claim['value'])} is off the median of {_number(median)}")
    if claim["changed"]:
        notes.append(
            f"first stated as {_number(first['value'])} "
            f"({first.get('source_title') or 'source ' + str(first['source_id'])}, "
            f"{first.get('published') or 'undated'})"
        )
    return "; ".join(notes) or None


def _number(value: float) -> str:
    return f"{value:,.6g}"


def _first_appearance(claim: Mapping) -> dict:
    names = (
        "id",
        "source_id",
        "source_title",
        "source_publisher",
        "source_url",
        "published",
        "value",
        "surface",
        "speaker",
    )
    first = {name: claim.get(name) for name in names}
    first["claim_id"] = first.pop("id")
    return first


def _spell_name(
    pairs: Iterable[tuple[str | None, str | None]], key_subject: str, key_metric: str
) -> tuple[str | None, str | None]:
    """(subject, metric) of a group for people: each claim's fields written as its key
    reads them (a trailer's "margin behind X" is X's lead, as_lead), then spelled."""
    canonical = [as_lead(subject, metric) for subject, metric in pairs]
    return (
        _spelling([s for s, _ in canonical], key_subject, normalise_subject),
        _spelling([m for _, m in canonical], key_metric, normalise_metric),
    )


def _spelling(values: Sequence[str | None], key: str, normalise) -> str | None:
    """How to write a key for people: the commonest spelling that is the key itself
    ("Federal Open Market Committee" over "Committee", which matching completed to it),
    else the commonest of all."""
    return _most_common(v for v in values if v and normalise(v) == key) or _most_common(values)


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


# ---------------------------------------------------------------- reading groups

_CLAIM_COLUMNS = (
    "c.id, c.source_id, c.value, c.low, c.high, c.approx, c.unit, c.subject, c.metric, "
    "c.period, c.period_start, c.period_end, c.published, c.speaker, c.speaker_org, c.hedge, "
    "c.status, c.confidence, c.surface, c.surface_start, c.surface_end, c.sentence, "
    f"c.sentence_start, {group_period_sql('c')} AS group_period, "
    "c.subject_key, c.metric_key, c.unit_key, "
    "s.title AS source_title, s.publisher AS source_publisher, s.url AS source_url, "
    f"{merged_name_sql('c', 'subject')} AS group_subject, "
    f"{merged_name_sql('c', 'metric')} AS group_metric"
)
_KEYED_FROM = "FROM claims c JOIN sources s ON s.id = c.source_id"
# Live numeric claims that can be lined up (membership.groupable_sql, the summaries'
# own rule), less the claims a person split off.
_GROUPABLE = f"{groupable_sql('c')} AND c.id NOT IN (SELECT value FROM json_each(?))"
_GROUP_PERIOD = group_period_sql("c")


def is_standing(period: str | None) -> bool:
    """Whether a group key's period is a standing figure's magnitude, not a period."""
    return period is not None and period.startswith(STANDING_PREFIX)


def period_label(period: str | None) -> str:
    """How a person reads a group's period: a standing figure's names its size, since
    one name can hold standing figures of several sizes."""
    if period is None:
        return "every period"
    if is_standing(period):
        size = float(period[len(STANDING_PREFIX) :])
        return (
            f"no period, about {size:,.0f}" if size.is_integer() else f"no period, about {size:g}"
        )
    return period


def _rows(cursor) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _as_key(key: ClaimKey | Sequence | Mapping) -> ClaimKey:
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
    key = _as_key(key)
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
    sql = f"SELECT {_CLAIM_COLUMNS} {_KEYED_FROM} WHERE {_GROUPABLE} AND c.unit_key = ? "
    sql += f"AND ({name_condition})"
    if is_standing(period):
        sql += (
            f" AND c.period_start IS NULL AND coalesce(c.period, '') = '' AND {_GROUP_PERIOD} = ?"
        )
        params.append(period)
    elif period is not None:
        # period_start narrows the index (metric, subject, unit, period_start) to the period.
        sql += " AND c.period_start IS ? AND c.period = ?"
        params += [safe_period_bounds(period)[0], period]
    if since is not None:
        # a range of the same index; standing figures (no period_start) stay in the series
        sql += " AND (c.period_start >= ? OR c.period_start IS NULL)"
        params.append(since)
    return _rows(db.execute(sql, params))


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
    _add_spelling(db, names)
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
    key = resolve_key(db, _as_key(key)._replace(period=None))
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
        f"SELECT {_GROUP_PERIOD}, {groupable_sql('c')} FROM claims c WHERE id = ?", [claim_id]
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
_RANKED = "ORDER BY n_sources DESC, n_claims DESC, period_start DESC, metric_key, subject_key"


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
    sql = f"SELECT {columns} FROM {source} WHERE {' AND '.join(where)} {_RANKED} LIMIT ?"
    rows = _rows(db.execute(sql, [*params, int(limit)]))
    for row in rows:
        row["key"] = ClaimKey(row["subject_key"], row["metric_key"], row["unit_key"], row["period"])
        _add_spelling(db, row)
        row["unit"] = unit_label(row["unit_key"])
        row["label"] = _label(row)
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
    rows = _rows(db.execute(sql, [*params, int(limit)]))
    for row in rows:
        extent = db.execute(
            "SELECT max(n_sources), min(period_start), max(period_start) FROM group_stats "
            "WHERE metric_key = ? AND subject_key = ? AND unit_key = ?",
            [row["metric_key"], row["subject_key"], row["unit_key"]],
        ).fetchone()
        row["max_sources"], row["first_period"], row["last_period"] = extent
        row["key"] = ClaimKey(row["subject_key"], row["metric_key"], row["unit_key"], None)
        _add_spelling(db, row)
        row["unit"] = unit_label(row["unit_key"])
        row["label"] = _label({**row, "period": None})
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


def _add_spelling(db: sqlite_utils.Database, row: dict) -> None:
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
            row["subject"], row["metric"] = _spell_name(spellings, key.subject, key.metric)
            return
    row["subject"] = row["metric"] = None


def _label(row: Mapping) -> str:
    """How a person reads a key: "North Korea · gross domestic product · percent · 2020"."""
    # An article's spelling reads best, but not one the key dropped ("Today", "our").
    subject = (row.get("subject") or row["subject_key"]) if row["subject_key"] else ""
    metric = (row.get("metric") or row["metric_key"]) if row["metric_key"] else ""
    if subject.startswith(MATCHED_PREFIX):
        subject = ""  # a key taken from matching context, not a name
    if metric.startswith(MATCHED_PREFIX):
        metric = ""
    parts = [subject, metric, unit_label(row["unit_key"]) or "number"]
    parts.append(period_label(row.get("period")))
    return " · ".join(p for p in parts if p)


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
        f"{_RANKED} LIMIT ?"
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


# ---------------------------------------------------------------- merge proposals


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
    rejected = _rejected_pairs(db)
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
            row = {**_key_names(proposal[f"{side}_key"]), "unit_key": proposal[f"{side}_key"].unit}
            _add_spelling(db, row)
            proposal[f"{side}_label"] = _label({**row, "period": None})
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
        sql = f"SELECT {columns} FROM group_stats {_RANKED} LIMIT ?"
        return _rows(db.execute(sql, [int(max_groups)]))
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
        f"AND period IN (SELECT value FROM json_each(?)) {_RANKED} LIMIT ?"
    )
    params = [focus.unit, json.dumps([p for (p,) in periods]), int(max_groups)]
    return _rows(db.execute(sql, params))


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
            "from_label": _label({**source, "period": None}),
            "into_label": _label({**into, "period": None}),
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


def _rejected_pairs(db: sqlite_utils.Database) -> set[tuple[str, str, str, str, str]]:
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


# ---------------------------------------------------------------- decisions


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
    source, target = _as_key(from_key), _as_key(into_key)
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
    source = _as_key(from_key)
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
        _log_merge(db, "reject", _as_key(from_key), _as_key(into_key), reviewer, note)


def _key_names(key: ClaimKey) -> dict:
    return {"subject_key": key.subject, "metric_key": key.metric}


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
        group = _label({**_key_names(key), "unit_key": key.unit, "period": key.period})
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
    return _rows(db.execute("SELECT * FROM key_merges ORDER BY id DESC LIMIT ?", [int(limit)]))


def split_log(db: sqlite_utils.Database, *, limit: int = 200) -> list[dict]:
    """Split decisions (split, unsplit), newest first."""
    return _rows(db.execute("SELECT * FROM claim_splits ORDER BY id DESC LIMIT ?", [int(limit)]))


def active_merges(db: sqlite_utils.Database) -> list[dict]:
    """The merges in force (chains followed): [{unit_key, from_*, into_*}]."""
    return _rows(db.execute("SELECT * FROM key_aliases ORDER BY unit_key, into_metric"))


# ---------------------------------------------------------------- every group


def _group_id(key: ClaimKey) -> str:
    """A group's id: stable across runs and ledgers, made from its key."""
    text = "\x1f".join([key.subject, key.metric, key.unit, key.period or ""])
    return "g-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _group_record(key: ClaimKey | None, members: list[dict]) -> dict:
    first = members[0]
    if key:
        pairs = [(m["subject"], m["metric"]) for m in members]
        subject, metric = _spell_name(pairs, key.subject, key.metric)
    else:
        subject, metric = first["subject"], first["metric"]
    return {
        "group": _group_id(key) if key else f"claim-{first['id']}",
        "subject": subject,
        "metric": metric,
        "unit": unit_label(key.unit if key else first["unit_key"] or "") or None,
        "period": (None if is_standing(key.period) else key.period) if key else first["period"],
        "claims": [
            {
                "claim_id": m["id"],
                "source_url": m["source_url"],
                "source_title": m["source_title"],
                "surface": m["surface"],
                "surface_start": m["surface_start"],
                "value": m["value"],
                "period": m["period"],
            }
            for m in members
        ],
    }


def all_groups(db: sqlite_utils.Database, *, min_sources: int = 1) -> Iterable[dict]:
    """Every live numeric claim in exactly one group, one record per group (for export).

    A claim that lines up with nothing (no key, split off by a person) is a group of
    one. Records: {group, subject, metric, unit, period, claims: [{claim_id,
    source_url, source_title, surface, surface_start, value, period}]}; groups come
    in key order, their claims earliest publication first. `min_sources` keeps only
    groups stated by at least that many articles.
    """
    ensure_keys(db)
    excluded = set(split_claim_ids(db))
    sql = (
        f"SELECT {_CLAIM_COLUMNS}, ({groupable_sql('c')}) AS groupable {_KEYED_FROM} "
        "WHERE c.kind = 'numeric' AND c.vanished = 0 AND c.value IS NOT NULL "
        f"ORDER BY group_metric, group_subject, c.unit_key, {_GROUP_PERIOD}, "
        "c.published, c.id"
    )
    # Groups of one name (subject, metric, unit) come together, one per period: they are
    # held until the name is complete, so that every period writes the name alike.
    name: tuple[str, str, str] | None = None  # group subject, group metric, unit key
    periods: dict[str, list[dict]] = {}
    cursor = db.execute(sql)
    columns = [d[0] for d in cursor.description]
    for values in cursor:  # streamed: a million claims never sit in memory at once
        row = dict(zip(columns, values, strict=True))
        if not row["groupable"] or row["id"] in excluded:
            yield from _kept(None, [row], min_sources)
            continue
        row_name = (row["group_subject"], row["group_metric"], row["unit_key"])
        if row_name != name:
            yield from _named_groups(name, periods, min_sources)
            name, periods = row_name, {}
        periods.setdefault(row["group_period"], []).append(row)
    yield from _named_groups(name, periods, min_sources)


def _named_groups(
    name: tuple[str, str, str] | None, periods: dict[str, list[dict]], min_sources: int
) -> Iterable[dict]:
    """The groups of one name, one per period, each spelling the name as the name's
    claims most often do (a timeline's points read alike)."""
    if name is None:
        return
    every = [m for members in periods.values() for m in members]
    subject, metric = _spell_name([(m["subject"], m["metric"]) for m in every], *name[:2])
    for period, members in periods.items():
        for record in _kept(ClaimKey(*name, period), members, min_sources):
            yield {**record, "subject": subject, "metric": metric}


def _kept(key: ClaimKey | None, members: list[dict], min_sources: int) -> Iterable[dict]:
    if len({m["source_id"] for m in members}) >= min_sources:
        yield _group_record(key, members)
