"""Every group as one record, for export: each live numeric claim in exactly one
group, a claim that lines up with nothing being a group of one."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import sqlite_utils

from claims.groups.labels import is_standing
from claims.groups.reads import (
    CLAIM_COLUMNS,
    GROUP_PERIOD,
    KEYED_FROM,
    ensure_keys,
    split_claim_ids,
)
from claims.groups.stats import spell_name
from claims.membership import groupable_sql
from claims.normalise import ClaimKey, unit_label


def _group_id(key: ClaimKey) -> str:
    """A group's id: stable across runs and ledgers, made from its key."""
    text = "\x1f".join([key.subject, key.metric, key.unit, key.period or ""])
    return "g-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _group_record(key: ClaimKey | None, members: list[dict]) -> dict:
    first = members[0]
    if key:
        pairs = [(m["subject"], m["metric"]) for m in members]
        subject, metric = spell_name(pairs, key.subject, key.metric)
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
        f"SELECT {CLAIM_COLUMNS}, ({groupable_sql('c')}) AS groupable {KEYED_FROM} "
        "WHERE c.kind = 'numeric' AND c.vanished = 0 AND c.value IS NOT NULL "
        f"ORDER BY group_metric, group_subject, c.unit_key, {GROUP_PERIOD}, "
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
    subject, metric = spell_name([(m["subject"], m["metric"]) for m in every], *name[:2])
    for period, members in periods.items():
        for record in _kept(ClaimKey(*name, period), members, min_sources):
            yield {**record, "subject": subject, "metric": metric}


def _kept(key: ClaimKey | None, members: list[dict], min_sources: int) -> Iterable[dict]:
    if len({m["source_id"] for m in members}) >= min_sources:
        yield _group_record(key, members)
