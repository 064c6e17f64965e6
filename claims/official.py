"""The official series beside a figure's claims, as the dashboard draws them.

The Timeline draws a linked series as a line under a key's claims; Compare marks
the official value of a group's period. Both read the links a person accepted
(claims.reference_links.series_for_key, which follows merges) and each series'
latest vintage, and say which vintage they drew, since a revised series is not the
one a report quoted. A value is only read at a period of the series' own frequency
(claims.checks.period_frequency): a monthly group gets no mark from an annual series,
as a check never compares across frequencies.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlite_utils

from claims import reference, reference_links
from claims.checks import period_frequency

# How a caption says a series' frequency.
FREQUENCY_WORDS = {"day": "daily", "month": "monthly", "quarter": "quarterly", "year": "annual"}


@dataclass(frozen=True)
class OfficialLine:
    """One linked series to draw: its points are {period, start, end, value}."""

    series: str
    vintage: int | None
    publisher: str | None
    url: str | None
    frequency: str
    points: tuple[dict, ...]


@dataclass(frozen=True)
class OfficialValue:
    """A linked series' value at one period."""

    series: str
    vintage: int | None
    period: str
    value: float
    url: str | None


def latest_vintage(db: sqlite_utils.Database, series_id: int) -> int | None:
    return db.execute(
        "SELECT max(vintage) FROM reference_imports WHERE series_id = ?", [series_id]
    ).fetchone()[0]


def imports_stamp(db: sqlite_utils.Database) -> int:
    """A number that grows with every reference import: imports do not move
    store.revision, so the dashboard's cached reads of series add this to their key."""
    return db.execute("SELECT coalesce(max(rowid), 0) FROM reference_imports").fetchone()[0]


def lines_for_key(db: sqlite_utils.Database, key: Iterable) -> list[OfficialLine]:
    """The series linked to a key (subject_key, metric_key, unit_key, ...), by name,
    each as its latest vintage's points."""
    found = []
    for link in reference_links.series_for_key(db, key):
        row = reference.series_row(db, link["series"])
        vintage = latest_vintage(db, row["id"])
        points = reference.official_line(db, row["name"], vintage) if vintage else []
        found.append(
            OfficialLine(
                series=row["name"],
                vintage=vintage,
                publisher=row["publisher"],
                url=row["url"],
                frequency=row["frequency"],
                points=tuple(points),
            )
        )
    return found


def values_for_period(
    db: sqlite_utils.Database, key: Iterable, period: str | None
) -> list[OfficialValue]:
    """The official values of a key's linked series at `period`, from the series of
    the period's own frequency that have a value there (none for a standing figure)."""
    frequency = period_frequency(period)
    if frequency is None or period is None:
        return []
    found = []
    for link in reference_links.series_for_key(db, key):
        if link["frequency"] != frequency:
            continue
        row = reference.series_row(db, link["series"])
        vintage = latest_vintage(db, row["id"])
        value = _value_at(db, row["id"], vintage, period)
        if value is not None:
            found.append(OfficialValue(row["name"], vintage, period, value, row["url"]))
    return found


def _value_at(
    db: sqlite_utils.Database, series_id: int, vintage: int | None, period: str
) -> float | None:
    found = db.execute(
        "SELECT value FROM reference_observations WHERE series_id = ? AND vintage = ? "
        "AND period = ?",
        [series_id, vintage, period],
    ).fetchone()
    return found[0] if found else None
