"""Build a realistic large ledger for the speed benchmarks.

    .venv/bin/python bench/make_big_db.py [--claims 1000000] [--sources 100000] [-o FILE]

Distributions are skewed the way news is: a few hundred speakers of whom a
handful say most things, thousands of metrics with a long tail, most claims
unreviewed, periods spread over 30 years, review history on a few percent of
claims. Rows go in through the real schema (triggers for full-text search,
summary counts and the revision counter all fire), in large transactions.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims import store  # noqa: E402
from claims.model import EXTRACTOR_VERSION, STATUSES, period_bounds  # noqa: E402
from claims.normalise import key_columns  # noqa: E402

PUBLISHERS = [
    "Reuters", "Bloomberg", "Associated Press", "BBC News", "The Straits Times",
    "Financial Times", "The Guardian", "Nikkei Asia", "Yonhap", "AFP",
]  # fmt: skip
SUBJECTS = [
    "United States", "China", "North Korea", "South Korea", "Japan", "Germany",
    "United Kingdom", "India", "Brazil", "France", "the economy", "the Federal Reserve",
    "Tesla", "Apple", "the eurozone", "Ukraine", "Russia", "Nigeria", "Mexico", "Canada",
]  # fmt: skip
METRIC_HEADS = [
    "gross domestic product", "unemployment rate", "inflation", "payrolls", "exports",
    "imports", "budget deficit", "interest rate", "house prices", "retail sales",
    "industrial output", "casualties", "delegates", "vote share", "market value",
]  # fmt: skip
QUALIFIERS = ["", "core", "annual", "quarterly", "regional", "seasonally adjusted", "real"]
UNITS = ["percent", "USD", "person", "job", "percentage point", "EUR", "year", "delegate"]
UNIT_WEIGHTS = [40, 20, 10, 10, 6, 6, 4, 4]
APPROX = [None] * 12 + ["about", "nearly", "more than", "almost", "at least", "up to"]
HEDGES = [None] * 8 + ["likely", "expected", "estimated", "could"]
WORDS = (
    "officials analysts growth economy market data report quarter figures government "
    "ministry statement forecast spending policy rates trade prices workers companies"
).split()


class Zipf:
    """Picks items with probability ~ 1/rank^s: a few items get most picks."""

    def __init__(self, items: list, s: float = 1.1):
        self.items = items
        self.cum_weights = list(accumulate(1 / (rank**s) for rank in range(1, len(items) + 1)))

    def pick(self, rng: random.Random):
        return rng.choices(self.items, cum_weights=self.cum_weights)[0]


def make_vocabularies(rng: random.Random) -> tuple[list[str], list[str]]:
    family = ["Kim", "Lee", "Smith", "Garcia", "Chen", "Patel", "Müller"]
    initials = ["A.", "B.", "J.", "M."]
    speakers = [f"{rng.choice(family)} {rng.choice(initials)} Speaker{i}" for i in range(300)]
    speakers[:5] = ["Fitch Solutions", "Jerome Powell", "Joe Biden", "IMF", "World Bank"]
    metrics = [
        f"{q} {h} {i}".strip() if i else f"{q} {h}".strip()
        for i in range(300)
        for h in METRIC_HEADS
        for q in QUALIFIERS[:1]
    ]
    return speakers, metrics


def sources_rows(n_sources: int, rng: random.Random, start: date):
    span = (date(2025, 12, 31) - start).days
    for i in range(n_sources):
        published = start + timedelta(days=rng.randrange(span))
        text = (
            f"Article {i}. "
            + " ".join(rng.choice(WORDS) for _ in range(60))
            + f". Figures published {published.isoformat()}."
        )
        yield {
            "id": i + 1,
            "url": f"https://news.example.org/{published.year}/{i}",
            "title": f"{rng.choice(SUBJECTS)} {rng.choice(METRIC_HEADS)} report {i}",
            "publisher": rng.choice(PUBLISHERS),
            "author": None,
            "published": published.isoformat(),
            "retrieved": None,
            "text": text,
            "content_hash": store.content_hash(text),
            "language": "en",
            "added": "2026-01-01T00:00:00+00:00",
        }


def claim_row(i, source_id, published, rng, vocab: dict) -> dict:
    unit = rng.choices(UNITS, weights=UNIT_WEIGHTS)[0]
    if unit in ("percent", "percentage point"):
        value = round(rng.lognormvariate(1.5, 1.2), 1)
    else:
        value = float(int(rng.lognormvariate(9, 2.5)))
    if rng.random() < 0.15:
        value = -value
    subject, metric = vocab["subjects"].pick(rng), vocab["metrics"].pick(rng)
    speaker = vocab["speakers"].pick(rng) if rng.random() < 0.6 else None
    year = rng.randint(1996, 2025)
    quarter, month = f"{year}-Q{rng.randint(1, 4)}", f"{year}-{rng.randint(1, 12):02d}"
    period = rng.choice([str(year), quarter, month])
    if rng.random() < 0.2:
        period = None
    p_start, p_end = period_bounds(period)
    surface = f"{abs(value):g} {unit}"
    verb = "fell" if value < 0 else "rose"
    sentence = f"{subject}'s {metric} {verb} by {surface} in {period or 'the period'}" + (
        f", {speaker} said." if speaker else "."
    )
    status = rng.choices(STATUSES, weights=[96, 1, 1, 0.7, 0.5, 0.5, 0.3])[0]
    kind = rng.choices(["numeric", "quote", "statement"], weights=[80, 8, 12])[0]
    row = {
        "id": i, "source_id": source_id, "kind": kind, "sentence": sentence,
        "sentence_start": 0, "sentence_end": len(sentence), "surface": surface,
        "surface_start": 0, "surface_end": len(surface), "value": value, "low": None,
        "high": None, "unit": unit, "approx": rng.choice(APPROX), "subject": subject,
        "metric": metric, "period": period, "period_start": p_start, "period_end": p_end,
        "speaker": speaker, "speaker_org": None, "cue": "said" if speaker else None,
        "via": None, "hedge": rng.choice(HEDGES), "confidence": round(rng.uniform(0.3, 1), 2),
        "published": published, "extractor_version": EXTRACTOR_VERSION, "status": status,
        "version": 1, "edited": "[]", "vanished": 0, "created": "2026-01-01T00:00:00+00:00",
        "updated": "2026-01-01T00:00:00+00:00",
    }  # fmt: skip
    # The normalised key, as store.add_claims writes it (cached per distinct text).
    row.update(key_columns(subject, metric, unit))
    return row


def review_rows(claim_id: int, status: str, rng: random.Random, reviewers: list[str]):
    at = date(2026, 1, 1) + timedelta(days=rng.randrange(300))
    yield {
        "claim_id": claim_id, "at": f"{at.isoformat()}T10:00:00+00:00",
        "reviewer": rng.choice(reviewers), "field": "status", "old": "unreviewed",
        "new": status, "note": "checked against the release", "evidence_url": None,
    }  # fmt: skip


def insert_batch(db, table: str, rows: list[dict]) -> None:
    # Plain executemany over the real tables: every trigger fires as in use.
    columns = list(rows[0])
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    db.conn.executemany(sql, [tuple(r[c] for c in columns) for r in rows])


def build(path: Path, n_claims: int, n_sources: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    if path.exists():
        path.unlink()
    db = store.connect(path)
    db.conn.execute("PRAGMA synchronous = OFF")
    speakers, metrics = make_vocabularies(rng)
    vocab = {
        "subjects": Zipf(SUBJECTS),
        "metrics": Zipf(metrics, 0.9),
        "speakers": Zipf(speakers),
    }
    reviewers = ["ana", "ben", "chloé", "dmitri", "eun-ji"]
    started = time.perf_counter()

    published_of = {}
    batch = []
    for row in sources_rows(n_sources, rng, date(1996, 1, 1)):
        published_of[row["id"]] = row["published"]
        batch.append(row)
        if len(batch) == 20_000:
            with store.write_transaction(db):
                insert_batch(db, "sources", batch)
            batch = []
    if batch:
        with store.write_transaction(db):
            insert_batch(db, "sources", batch)
    print(f"sources: {n_sources:,} in {time.perf_counter() - started:.1f}s", flush=True)

    claims, reviews = [], []
    for i in range(1, n_claims + 1):
        source_id = rng.randint(1, n_sources)
        row = claim_row(i, source_id, published_of[source_id], rng, vocab)
        claims.append(row)
        if row["status"] != "unreviewed":
            reviews.extend(review_rows(i, row["status"], rng, reviewers))
        if len(claims) == 50_000:
            with store.write_transaction(db):
                insert_batch(db, "claims", claims)
                if reviews:
                    insert_batch(db, "reviews", reviews)
            claims, reviews = [], []
            print(f"claims: {i:,} in {time.perf_counter() - started:.1f}s", flush=True)
    if claims:
        with store.write_transaction(db):
            insert_batch(db, "claims", claims)
            if reviews:
                insert_batch(db, "reviews", reviews)
    db.execute("ANALYZE")
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    counts = store.stats(db)
    size_mb = path.stat().st_size / 1e6
    print(json.dumps({k: counts[k] for k in ("sources", "claims", "reviews")}))
    print(f"built {path} ({size_mb:,.0f} MB) in {time.perf_counter() - started:.1f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--sources", type=int, default=100_000)
    parser.add_argument("-o", "--output", type=Path, default=Path("bench/out/big.db"))
    args = parser.parse_args()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    build(args.output, args.claims, args.sources)


if __name__ == "__main__":
    main()
