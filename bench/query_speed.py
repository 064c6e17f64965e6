"""Time every query the pages issue against a large ledger.

    .venv/bin/python bench/make_big_db.py            # once: bench/out/big.db, 1M claims
    .venv/bin/python bench/query_speed.py [--db bench/out/big.db] [--repeat 15]

Prints, per query, the median and 95th percentile in milliseconds, then the
process's peak RSS. Targets (issue 8): every page query under 200 ms median,
full-text search under 300 ms.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims import groups, query, store  # noqa: E402
from claims.query import ClaimFilter  # noqa: E402


def timed(func: Callable[[], object], repeat: int) -> list[float]:
    func()  # warm the page cache once, as a dashboard that is in use would be
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def most_common(db, column: str) -> str:
    return query.distinct_values(db, column, limit=1)[0]


def page_queries(db) -> dict[str, Callable[[], object]]:
    """The reads each page makes, keyed by a label for the report."""
    speaker = most_common(db, "speaker")
    metric = most_common(db, "metric")
    subject = most_common(db, "subject")
    source_id = db.execute("SELECT source_id FROM claims LIMIT 1").fetchone()[0]

    def claims_page(**filters) -> Callable[[], object]:
        flt = ClaimFilter(**filters)
        # What the Claims page issues: one page and a count capped as it caps it.
        return lambda: (
            query.list_claims(db, flt),
            query.count_claims(db, flt, cap=query.COUNT_CAP),
        )

    queries = {
        "claims: first page, unfiltered": claims_page(),
        "claims: status = disputed": claims_page(status=["disputed"]),
        "claims: kind = quote": claims_page(kind=["quote"]),
        "claims: one source": claims_page(source_id=source_id),
        "claims: one speaker": claims_page(speaker=speaker),
        "claims: subject": claims_page(subject=subject),
        "claims: metric": claims_page(metric=metric),
        "claims: unit = USD": claims_page(unit="USD"),
        "claims: period 2008": claims_page(period_from="2008", period_to="2008"),
        "claims: published in 2020": claims_page(
            published_from="2020-01-01", published_to="2020-12-31"
        ),
        "claims: confidence >= 0.9": claims_page(min_confidence=0.9),
        "search: common word (rose)": claims_page(search="rose"),
        "search: rare word (Speaker17)": claims_page(search="Speaker17"),
        "overview: counts": lambda: store.stats(db),
        "facets: speakers": lambda: query.distinct_values(db, "speaker"),
    }
    queries.update(extra_page_queries(db, subject=subject, metric=metric))
    return queries


def extra_page_queries(db, *, subject: str, metric: str) -> dict[str, Callable[[], object]]:
    """Reads of the Overview, Timeline, Compare and Sources pages (subject/metric unused:
    the group reads take the busiest group and series, as the pages open on them)."""
    top_group = groups.list_groups(db, limit=1)[0]["key"]
    top_series = groups.list_series(db, limit=1)[0]["key"]
    return {
        "overview: claims per month": lambda: query.claims_per_month(db),
        "overview: top speakers": lambda: query.top_values(db, "speaker"),
        "overview: recent reviews": lambda: query.recent_reviews(db),
        "overview: numbers in dispute": lambda: groups.disputed_groups(db, limit=10),
        "compare: list_groups": lambda: groups.list_groups(db),
        "compare: list_groups search (gdp)": lambda: groups.list_groups(db, search="gdp"),
        "compare: list_groups search (rare)": lambda: groups.list_groups(db, search="zzqx"),
        "compare: group_for_key": lambda: groups.group_for_key(db, top_group),
        "compare: propose_merges (key)": lambda: groups.propose_merges(db, key=top_group, limit=10),
        "compare: propose_merges (all)": lambda: groups.propose_merges(db, limit=10),
        "timeline: list_series": lambda: groups.list_series(db),
        "timeline: list_series search (rate)": lambda: groups.list_series(db, search="rate"),
        "timeline: series (page: latest 1000)": lambda: groups.series(
            db, top_series, max_claims=1000
        ),
        "timeline: series (all 7k claims)": lambda: groups.series(db, top_series),
        "sources: table": lambda: query.sources_table(db),
        "sources: speakers by status": lambda: query.speakers_table(db),
    }


def status_change(db, ids: list[int]) -> Callable[[], object]:
    statuses = iter(["in_review", "unreviewed"] * 1000)

    def change():
        store.set_status_many(db, ids, next(statuses), note="benchmark", reviewer="bench")

    return change


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("bench/out/big.db"))
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    db = store.open_existing(args.db)
    print(f"{args.db}: {store.stats(db)['claims']:,} claims\n")
    print(f"{'query':<40} {'median ms':>10} {'p95 ms':>10}")
    queries = page_queries(db)
    ids = [r[0] for r in db.execute("SELECT id FROM claims ORDER BY random() LIMIT 10")]
    queries["write: status change of 10 claims"] = status_change(db, ids)
    for label, func in queries.items():
        samples = sorted(timed(func, args.repeat))
        p95 = samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]
        print(f"{label:<40} {statistics.median(samples):>10.1f} {p95:>10.1f}", flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
