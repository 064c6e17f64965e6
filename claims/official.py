"""The official series beside a figure's claims, as the dashboard draws them.

The Timeline draws a linked series as a line under a key's claims; Compare marks
the official value of a group's period. Both read the links a person accepted
(claims.reference_links.series_for_key, which follows merges) and each series'
latest vintage, and say which vintage they drew, since a revised series is not the
one a report quoted; the Timeline can draw an earlier vintage instead (the first
estimate a report may have quoted), while checks keep to the latest. A value is only
read at a period of the series' own frequency (claims.checks.period_frequency): a
monthly group gets no mark from an annual series, as a check never compares across
frequencies.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlite_utils

from claims import reference, reference_links
from claims.checks import period_frequency
from claims.model import ClaimsError

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
    latest: int | None = None  # the series' latest vintage, which checks use

    @property
    def earlier(self) -> bool:
        """Whether this is an earlier vintage than the latest."""
        return self.vintage is not None and self.latest is not None and self.vintage < self.latest


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
    return [line_of_series(db, link["series"]) for link in reference_links.series_for_key(db, key)]


def line_of_series(
    db: sqlite_utils.Database, name: str, vintage: int | None = None
) -> OfficialLine:
    """A series as a line to draw: its latest vintage, or the one given (an unknown
    vintage is refused, rather than drawn as an empty line)."""
    row = reference.series_row(db, name)
    latest = latest_vintage(db, row["id"])
    if vintage is None:
        vintage = latest
    elif latest is None or not 1 <= vintage <= latest:
        raise ClaimsError(f"{name!r} has no vintage {vintage} (it has 1 to {latest or 0}).")
    points = reference.official_line(db, name, vintage) if vintage else []
    return OfficialLine(
        series=name,
        vintage=vintage,
        publisher=row["publisher"],
        url=row["url"],
        frequency=row["frequency"],
        points=tuple(points),
        latest=latest,
    )


def chart_name(line: OfficialLine) -> str:
    """The series' name as the chart says it: with its vintage when it has several, so a
    downloaded chart still tells the first estimate from the revision."""
    if line.latest is None or line.latest <= 1:
        return line.series
    return f"{line.series} (vintage {line.vintage} of {line.latest})"


def vintage_label(row: dict, latest: int | None) -> str:
    """One import of reference.vintages as a picker offers it: "2 (latest), imported
    2024-05-01 from cpi.csv"."""
    which = f"{row['vintage']} (latest)" if row["vintage"] == latest else str(row["vintage"])
    return f"{which}, imported {str(row['imported'])[:10]} from {row['source']}"


def vintage_words(line: OfficialLine) -> str:
    """Which vintage a line is, as a caption says it: "vintage 1" for a series imported
    once, "vintage 2, the latest of 2", or "vintage 1 of 3, an earlier estimate"."""
    if line.latest is None or line.latest <= 1:
        return f"vintage {line.vintage}"
    if not line.earlier:
        return f"vintage {line.vintage}, the latest of {line.latest}"
    return (
        f"vintage {line.vintage} of {line.latest}, an earlier estimate "
        f"(checks use the latest, vintage {line.latest})"
    )


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
