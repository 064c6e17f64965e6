"""One export in progress: its format, filter and snapshot revision, and the counts
of what it wrote.

FORMATS names the formats an export can take; start() begins an export on a
database: it checks the format, reads what the format needs (the official
figures of checked claims, the reviewing organisation of a ClaimReview) and
lets the database's SQL call back into Python for the cells it cannot write
(claims.export.safety, claims.export.cells).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from claims import config, store
from claims.export.cells import register_sql_functions
from claims.model import ClaimsError
from claims.query import ClaimFilter, where_clause

# Format name -> (file extension without the dot, MIME type).
FORMATS: dict[str, tuple[str, str]] = {
    "csv": ("csv", "text/csv"),
    "json": ("json", "application/json"),
    "jsonl": ("jsonl", "application/jsonl"),
    "xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "parquet": ("parquet", "application/vnd.apache.parquet"),
    "claimreview": ("jsonld", "application/ld+json"),
}

# Formats whose manifest also lives inside the file (a sheet, a metadata block).
MANIFEST_INSIDE = frozenset({"xlsx", "parquet"})

GENERATOR = "claim-ledger"


@dataclass
class Job:
    """One export in progress: what is read, and the counts of what was written."""

    db: sqlite_utils.Database
    claim_filter: ClaimFilter
    fmt: str
    where: str
    params: list
    exported_at: str
    revision: int
    org: str | None = None
    # CSV: the article text on every row of its claims, not only on the first.
    text_on_every_row: bool = False
    org_url: str | None = None
    review_url: str | None = None
    # What was written, by kind: claims always; sources and reviews where the format has them.
    counts: dict[str, int] = field(default_factory=lambda: {"claims": 0})
    notes: dict[str, object] = field(default_factory=dict)
    # The official figure of each checked claim: {claim id: OFFICIAL_COLUMNS values}.
    official: dict[int, tuple] = field(default_factory=dict)

    def official_of(self, claim_id: int) -> tuple:
        return self.official.get(claim_id, NO_OFFICIAL)

    @property
    def include_vanished(self) -> bool:
        return self.claim_filter.include_vanished


NO_OFFICIAL = (None, None, None)


def official_figures(db: sqlite_utils.Database) -> tuple[dict[int, tuple], list[dict]]:
    """The official value and difference of every claim compared with a linked series,
    and the series and vintages used (for the manifest). A claim linked to two series
    takes the first that gives a value."""
    from claims.checks import check_claims  # checks reads groups, which imports export

    figures: dict[int, tuple] = {}
    used: dict[tuple[str, int | None], None] = {}
    for check in check_claims(db):
        if check.official_value is None or check.claim_id in figures:
            continue
        figures[check.claim_id] = (check.series, check.official_value, check.difference)
        used[(check.series, check.vintage)] = None
    return figures, [{"series": name, "vintage": vintage} for name, vintage in used]


def start(
    db: sqlite_utils.Database,
    claim_filter: ClaimFilter | None,
    fmt: str,
    org: str | None,
    *,
    text_on_every_row: bool = False,
) -> Job:
    if fmt not in FORMATS:
        raise ClaimsError(f"Unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}.")
    claim_filter = claim_filter or ClaimFilter()
    where, params = where_clause(claim_filter)
    job = Job(
        db=db,
        claim_filter=claim_filter,
        fmt=fmt,
        where=where,
        params=params,
        exported_at=store.now_utc(),
        revision=store.revision(db),
        text_on_every_row=text_on_every_row,
    )
    register_sql_functions(db.conn)
    if fmt != "claimreview":
        job.official, series = official_figures(db)
        if series:
            job.notes["reference_series"] = series
    if fmt == "claimreview":
        job.org = config.reviewing_organisation(org)
        job.org_url = config.reviewing_organisation_url()
        job.review_url = config.review_url_template()
    return job
