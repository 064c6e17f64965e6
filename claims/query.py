"""Reads for the pages, the CLI and the exports: filters, sorting and paging in SQL.

Nothing here loads a whole table: every read is a filtered, limited query.
User input only ever reaches SQL as bound parameters; column names come from
the fixed tables below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date, timedelta

import sqlite_utils

from claims.model import KINDS, MAX_ID, STATUSES, ClaimsError, period_bounds

# Columns a table view may sort by, mapped to the SQL that sorts them.
SORTABLE = {
    "published": "claims.published",
    "id": "claims.id",
    "value": "claims.value",
    "confidence": "claims.confidence",
    "period": "claims.period_start",
    "speaker": "claims.speaker",
    "subject": "claims.subject",
    "metric": "claims.metric",
    "status": "claims.status",
    "updated": "claims.updated",
}

# The columns a claims table shows, with the source's provenance beside them.
LIST_COLUMNS = (
    "claims.id",
    "claims.source_id",
    "claims.kind",
    "claims.surface",
    "claims.value",
    "claims.low",
    "claims.high",
    "claims.unit",
    "claims.approx",
    "claims.subject",
    "claims.metric",
    "claims.period",
    "claims.speaker",
    "claims.speaker_org",
    "claims.hedge",
    "claims.confidence",
    "claims.status",
    "claims.published",
    "claims.sentence",
    "claims.version",
    "sources.title AS source_title",
    "sources.publisher AS source_publisher",
    "sources.url AS source_url",
)

_WORD = re.compile(r"\w+", re.UNICODE)

# How far the claims table counts matches before it says "more than": an exact
# count of a broad filter over a million claims would cost more than the page.
COUNT_CAP = 10_000

# Facets whose value counts the facet_counts summary table keeps (claims.store).
_SUMMARY_FACETS = ("speaker", "subject", "metric", "unit")


@dataclass
class ClaimFilter:
    """What a researcher narrowed the claims table to. Empty means no filter."""

    search: str | None = None
    status: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    source_id: int | None = None
    speaker: str | None = None
    subject: str | None = None
    metric: str | None = None
    unit: str | None = None
    period_from: str | None = None
    period_to: str | None = None
    published_from: str | None = None
    published_to: str | None = None
    min_confidence: float | None = None
    # The reviewer the claims are assigned to (claims.team).
    assigned_to: str | None = None
    include_vanished: bool = False

    def is_empty(self) -> bool:
        return self == ClaimFilter()

    def as_dict(self) -> dict:
        """The filters that are set, for manifests and query strings."""
        empty = ClaimFilter()
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if getattr(self, f.name) != getattr(empty, f.name)
        }


def fts_query(text: str | None) -> str | None:
    """Turn what a person typed into an FTS5 query that cannot be a syntax error.

    Each word becomes a quoted term and all must match; the porter stemmer
    makes "payroll" find "payrolls" and "inflation" find "inflationary". No
    prefix matching: a prefix query over a million claims merges the lists of
    every word it could start, which costs a common prefix 100 ms or more.
    """
    words = _WORD.findall(text or "")
    if not words:
        return None
    return " ".join(f'"{w}"' for w in words)


def where_clause(f: ClaimFilter, *, search: bool = True) -> tuple[str, list]:
    """SQL condition and parameters for a filter (over claims joined to sources).

    With search=False the full-text condition is left out, for queries that read
    the full-text index themselves (see _search_in_publication_order).
    """
    conditions: list[str] = []
    params: list = []
    if not f.include_vanished:
        conditions.append("claims.vanished = 0")
    match = fts_query(f.search) if f.search and search else None
    if match:
        conditions.append("claims.id IN (SELECT claim_id FROM claims_fts WHERE claims_fts MATCH ?)")
        params.append(match)
    for column, values, allowed in (
        ("status", f.status, STATUSES),
        ("kind", f.kind, KINDS),
    ):
        if values:
            unknown = set(values) - set(allowed)
            if unknown:
                raise ClaimsError(f"Unknown {column}: {', '.join(sorted(unknown))}.")
            conditions.append(f"claims.{column} IN ({', '.join('?' * len(values))})")
            params.extend(values)
    if f.source_id is not None:
        conditions.append("claims.source_id = ?")
        params.append(int(f.source_id))
    for column in ("speaker", "subject", "metric", "unit"):
        value = getattr(f, column)
        if value:
            conditions.append(f"claims.{column} = ?")
            params.append(value)
    if f.assigned_to:
        conditions.append(
            "claims.id IN (SELECT claim_id FROM claim_assignments WHERE assignee = ?)"
        )
        params.append(f.assigned_to)
    if f.period_from:
        first_day = period_bounds(f.period_from)[0]
        assert first_day is not None  # a period given has bounds, or period_bounds raised
        conditions.append("claims.period_end >= ?")
        params.append(first_day)
        # No period is longer than a year (CLAIM-SPEC: YYYY, YYYY-QN, YYYY-MM or a
        # day), so one that ends on or after first_day starts at most 366 days
        # before it: a bound that keeps the index scan to the years asked about.
        conditions.append("claims.period_start >= ?")
        params.append((date.fromisoformat(first_day) - timedelta(days=366)).isoformat())
    if f.period_to:
        conditions.append("claims.period_start <= ?")
        params.append(period_bounds(f.period_to)[1])
    if f.published_from:
        conditions.append("claims.published >= ?")
        params.append(period_bounds(f.published_from)[0])
    if f.published_to:
        conditions.append("claims.published <= ?")
        params.append(period_bounds(f.published_to)[1])
    if f.min_confidence is not None:
        conditions.append("claims.confidence >= ?")
        params.append(float(f.min_confidence))
    return (" AND ".join(conditions) or "1"), params


def _order_by(sort: str, descending: bool) -> str:
    if sort not in SORTABLE:
        raise ClaimsError(f"Cannot sort by {sort!r}; choose one of: {', '.join(SORTABLE)}.")
    direction = "DESC" if descending else "ASC"
    # Then id, for a stable order. SQLite puts NULLs first ascending and last
    # descending; forcing them last either way would stop the indexes from serving
    # the order, and a page of a million claims from being read straight off one.
    return f"{SORTABLE[sort]} {direction}, claims.id {direction}"


def list_claims(
    db: sqlite_utils.Database,
    f: ClaimFilter | None = None,
    *,
    sort: str = "published",
    descending: bool = True,
    page: int = 1,
    page_size: int = 50,
) -> list[dict]:
    """One page of claims matching the filter, with their source's title and URL."""
    f = f or ClaimFilter()
    page = max(1, int(page))
    if _searches_in_publication_order(f, sort):
        return _search_page(db, f, descending, page, page_size)
    where, params = where_clause(f)
    index_hint = "INDEXED BY idx_claims_live " if _walk_publication_order(db, f, sort) else ""
    sql = (
        f"SELECT {', '.join(LIST_COLUMNS)} FROM claims {index_hint}"
        f"JOIN sources ON sources.id = claims.source_id WHERE {where} "
        f"ORDER BY {_order_by(sort, descending)} LIMIT ? OFFSET ?"
    )
    cursor = db.execute(sql, [*params, int(page_size), _offset(page, page_size)])
    return _rows(cursor)


# Above this many matches, a period filter's page is found faster by walking the
# claims newest-published first than by sorting every match of the period.
_WALK_ABOVE = 5000


def _walk_publication_order(db: sqlite_utils.Database, f: ClaimFilter, sort: str) -> bool:
    """Whether a newest-first page of a period filter should walk the live index.

    SQLite picks the period index for a period range and then sorts all its
    matches (70,000 for one year of a million claims). When the period holds
    many claims, walking the (vanished, published) index and testing each claim
    finds a page of 50 after a few thousand rows; when it holds few, sorting
    them is quicker. The capped count is read off the covering period index.
    """
    only_period = ClaimFilter(period_from=f.period_from, period_to=f.period_to)
    if sort != "published" or f != only_period or only_period.is_empty():
        return False  # another filter's index already serves the order
    return count_claims(db, only_period, cap=_WALK_ABOVE) > _WALK_ABOVE


def count_claims(
    db: sqlite_utils.Database, f: ClaimFilter | None = None, *, cap: int | None = None
) -> int:
    """How many claims match; with `cap`, counting stops at cap + 1 ("more than cap").

    The unfiltered count and counts by status or kind come from the summary
    table; other counts stop early when capped, so a broad search over a
    million claims costs what a page does.
    """
    f = f or ClaimFilter()
    summary = _count_from_summary(db, f)
    if summary is not None:
        return summary
    if cap is not None and _searches_in_publication_order(f, "published"):
        where, params = where_clause(f, search=False)
        sql = f"SELECT count(*) FROM ({_SEARCH_HITS.format(where=where)} LIMIT ?)"
        return db.execute(sql, [fts_query(f.search), *params, int(cap) + 1]).fetchone()[0]
    where, params = where_clause(f)
    if cap is None:
        return db.execute(f"SELECT count(*) FROM claims WHERE {where}", params).fetchone()[0]
    sql = f"SELECT count(*) FROM (SELECT 1 FROM claims WHERE {where} LIMIT ?)"
    return db.execute(sql, [*params, int(cap) + 1]).fetchone()[0]


# Matches read off the full-text index in its rowid order, which is publication
# order (migration 0007): CROSS JOIN keeps the index as the outer loop,
# so the first page of a word found in a million claims costs what 50 rows do.
_SEARCH_HITS = (
    "SELECT claims.id FROM claims_fts CROSS JOIN claims ON claims.id = claims_fts.claim_id "
    "WHERE claims_fts MATCH ? AND {where}"
)


def _searches_in_publication_order(f: ClaimFilter, sort: str) -> bool:
    return sort == "published" and fts_query(f.search) is not None


def _search_page(
    db: sqlite_utils.Database, f: ClaimFilter, descending: bool, page: int, page_size: int
) -> list[dict]:
    where, params = where_clause(f, search=False)
    direction = "DESC" if descending else "ASC"
    sql = (
        f"SELECT {', '.join(LIST_COLUMNS)} FROM claims_fts "
        "CROSS JOIN claims ON claims.id = claims_fts.claim_id "
        "JOIN sources ON sources.id = claims.source_id "
        f"WHERE claims_fts MATCH ? AND {where} "
        f"ORDER BY claims_fts.rowid {direction} LIMIT ? OFFSET ?"
    )
    offset = _offset(page, page_size)
    return _rows(db.execute(sql, [fts_query(f.search), *params, int(page_size), offset]))


def _offset(page: int, page_size: int) -> int:
    """The rows before `page`; a page past SQLite's integers is past every row, not an
    OverflowError when bound."""
    return min((page - 1) * int(page_size), MAX_ID)


def _count_from_summary(db: sqlite_utils.Database, f: ClaimFilter) -> int | None:
    """The count from claim_counts when the filter is only status and kind."""
    if f.include_vanished or ClaimFilter(status=f.status, kind=f.kind) != f:
        return None
    sql = "SELECT coalesce(sum(n), 0) FROM claim_counts WHERE vanished = 0"
    params: list = []
    for column, values in (("status", f.status), ("kind", f.kind)):
        if values:
            sql += f" AND {column} IN ({', '.join('?' * len(values))})"
            params.extend(values)
    return db.execute(sql, params).fetchone()[0]


def distinct_values(
    db: sqlite_utils.Database, column: str, *, prefix: str = "", limit: int = 200
) -> list[str]:
    """The most frequent values of a facet column (speaker, subject, metric, unit)."""
    return [row["value"] for row in facet_counts(db, column, prefix=prefix, limit=limit)]


def facet_counts(
    db: sqlite_utils.Database, facet: str, *, prefix: str = "", limit: int = 200
) -> list[dict]:
    """[{value, claims}] of a facet (speaker, subject, metric, unit), most claims first.

    Read from the facet_counts summary, which triggers keep equal to the live
    claims, so a picker over a million claims costs a few hundred rows.
    """
    if facet not in _SUMMARY_FACETS:
        raise ClaimsError(f"{facet!r} is not a facet.")
    sql = (
        "SELECT value, sum(n) AS claims FROM facet_counts "
        "WHERE facet = ? AND value LIKE ? ESCAPE '\\' "
        "GROUP BY value HAVING sum(n) > 0 ORDER BY claims DESC, value LIMIT ?"
    )
    return _rows(db.execute(sql, [facet, like_prefix(prefix), int(limit)]))


def _rows(cursor) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


# ---------------------------------------------------------------- dashboard reads
# Aggregates for the dashboard's pages. Each is one grouped or limited query;
# column names come from fixed tuples, user input only as bound parameters.


def _status_counts_sql(prefix: str = "claims.") -> str:
    # One "n_<status>" column per status; STATUSES is our own fixed vocabulary.
    return ", ".join(f"coalesce(sum({prefix}status = '{s}'), 0) AS n_{s}" for s in STATUSES)


def claims_per_month(db: sqlite_utils.Database, *, limit: int = 1200) -> list[dict]:
    """Claims counted per month of publication (YYYY-MM), oldest first."""
    sql = "SELECT month, n AS claims FROM month_counts WHERE n > 0 ORDER BY month LIMIT ?"
    return _rows(db.execute(sql, [int(limit)]))


def top_values(db: sqlite_utils.Database, column: str, *, limit: int = 10) -> list[dict]:
    """The most-cited values of a facet: [{value, claims}], most claims first."""
    return facet_counts(db, column, limit=limit)


def recent_reviews(db: sqlite_utils.Database, *, limit: int = 20) -> list[dict]:
    """The latest review rows with what they were about, newest first."""
    sql = (
        "SELECT reviews.id, reviews.at, reviews.reviewer, reviews.claim_id, reviews.field, "
        "reviews.old, reviews.new, reviews.note, reviews.evidence_url, "
        "claims.surface, claims.subject, claims.metric, sources.title AS source_title "
        "FROM reviews JOIN claims ON claims.id = reviews.claim_id "
        "JOIN sources ON sources.id = claims.source_id "
        "ORDER BY reviews.id DESC LIMIT ?"
    )
    return _rows(db.execute(sql, [int(limit)]))


def source_names(db: sqlite_utils.Database, *, limit: int = 1000) -> list[str]:
    """Who the ledger's articles come from, most articles first: each one's publisher, or
    its title when no publisher is known (a chart of the whole ledger names them)."""
    sql = (
        "SELECT coalesce(nullif(trim(publisher), ''), nullif(trim(title), ''), 'source ' || id) "
        "AS name, count(*) AS n FROM sources GROUP BY name ORDER BY n DESC, name LIMIT ?"
    )
    return [row[0] for row in db.execute(sql, [int(limit)]).fetchall()]


def source_choices(
    db: sqlite_utils.Database, *, search: str | None = None, limit: int = 500
) -> list[dict]:
    """Sources for a picker: [{id, title, published}], newest first."""
    like = like_prefix(search)
    sql = (
        "SELECT id, title, published FROM sources WHERE coalesce(title, '') LIKE ? ESCAPE '\\' "
        "ORDER BY published IS NULL, published DESC, id DESC LIMIT ?"
    )
    return _rows(db.execute(sql, [like, int(limit)]))


def sources_table(
    db: sqlite_utils.Database,
    *,
    search: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict]:
    """Sources with their claim counts and status mix, newest first.

    [{id, title, publisher, published, url, claims, n_<status>...}]
    """
    # The page of sources is chosen first (off the published index), then only
    # its claims are counted: never a count over every claim.
    sql = (
        "SELECT page.id, page.title, page.publisher, page.published, page.url, "
        f"count(claims.id) AS claims, {_status_counts_sql()} "
        "FROM (SELECT id, title, publisher, published, url FROM sources "
        "  WHERE (coalesce(title, '') || ' ' || coalesce(publisher, '')) LIKE ? ESCAPE '\\' "
        "  ORDER BY published DESC, id DESC LIMIT ? OFFSET ?) AS page "
        "LEFT JOIN claims ON claims.source_id = page.id AND claims.vanished = 0 "
        "GROUP BY page.id ORDER BY page.published DESC, page.id DESC"
    )
    return _rows(db.execute(sql, [like_contains(search), int(limit), int(offset)]))


def count_sources(db: sqlite_utils.Database, *, search: str | None = None) -> int:
    sql = (
        "SELECT count(*) FROM sources WHERE "
        "(coalesce(title, '') || ' ' || coalesce(publisher, '')) LIKE ? ESCAPE '\\'"
    )
    return db.execute(sql, [like_contains(search)]).fetchone()[0]


def speakers_table(db: sqlite_utils.Database, *, limit: int = 200) -> list[dict]:
    """Per speaker: claims and claims by status (n_<status>), most claims first."""
    by_status = ", ".join(
        f"coalesce(sum(CASE WHEN status = '{s}' THEN n END), 0) AS n_{s}" for s in STATUSES
    )
    sql = (
        f"SELECT value AS speaker, sum(n) AS claims, {by_status} FROM facet_counts "
        "WHERE facet = 'speaker' GROUP BY value HAVING sum(n) > 0 "
        "ORDER BY claims DESC, speaker LIMIT ?"
    )
    return _rows(db.execute(sql, [int(limit)]))


def like_prefix(text: str | None) -> str:
    """A LIKE prefix pattern (used with ESCAPE '\\') matching `text` literally."""
    text = text or ""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def like_contains(text: str | None) -> str:
    """A LIKE pattern matching rows that contain `text` literally (any case for ASCII)."""
    return "%" + like_prefix(text) if text else "%"
