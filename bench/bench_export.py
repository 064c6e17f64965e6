"""Export speed and peak memory on a synthetic ledger (not a test).

    .venv/bin/python bench/bench_export.py --claims 100000 --format csv

Builds (or reuses) a synthetic database under /tmp, then exports it in a
fresh process so that peak RSS (ru_maxrss) is the export's alone.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims import store  # noqa: E402
from claims.model import EXTRACTOR_VERSION  # noqa: E402

CLAIMS_PER_SOURCE = 100


def build(path: Path, n_claims: int) -> None:
    """Sources of ~3,000 characters with CLAIMS_PER_SOURCE claims each; 10% reviewed."""
    db = store.connect(path)
    if db["claims"].count >= n_claims:
        return
    rng = random.Random(7)
    stamp = store.now_utc()
    sentence = "The ministry said inflation reached 4.2 per cent in March 2024, up from 3.9."
    text = (sentence + " ") * 40
    with store.write_transaction(db):
        for s in range(n_claims // CLAIMS_PER_SOURCE):
            body = f"Article {s}. " + text
            source_id = db.execute(
                "INSERT INTO sources (url, title, publisher, published, text, content_hash, added) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    f"https://news.example/{s}",
                    f"Report {s}",
                    "Example News",
                    f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    body,
                    store.content_hash(body),
                    stamp,
                ],
            ).lastrowid
            start = len(f"Article {s}. ")
            rows = [
                (
                    source_id, "numeric", sentence, start, start + len(sentence), "4.2 per cent",
                    start + 36, start + 48, rng.choice([4.2, -8.5, 1e6, 0.1]), "percent",
                    rng.choice(["inflation", "=HYPERLINK(1)", "gdp"]), "rate", "2024-03",
                    "2024-03-01", "2024-03-31", rng.choice(["the ministry", "@SUM(A1)"]),
                    0.8, "2024-03-02", EXTRACTOR_VERSION, stamp, stamp,
                )
                for _ in range(CLAIMS_PER_SOURCE)
            ]  # fmt: skip
            db.conn.executemany(
                "INSERT INTO claims (source_id, kind, sentence, sentence_start, sentence_end, "
                "surface, surface_start, surface_end, value, unit, subject, metric, period, "
                "period_start, period_end, speaker, confidence, published, extractor_version, "
                "created, updated) VALUES (" + ", ".join("?" * 21) + ")",
                rows,
            )
        db.execute(
            "INSERT INTO reviews (claim_id, at, reviewer, field, old, new, note) "
            "SELECT id, ?, 'bench', 'status', 'unreviewed', 'verified', '+checked' "
            "FROM claims WHERE id % 10 = 0",
            [stamp],
        )
        db.execute("UPDATE claims SET status = 'verified' WHERE id % 10 = 0")
    db.close()


def run_export(db_path: str, fmt: str, out: str) -> None:
    from claims.export import write_export

    db = store.open_existing(db_path)  # never create an empty one by mistake
    started, cpu_started = time.perf_counter(), time.process_time()
    manifest = write_export(db, None, fmt, out, org="Bench Org")
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    rows = manifest["row_count"]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # CPU time too: on a shared machine the wall clock mostly measures the neighbours.
    print(
        f"{fmt:12} {rows:>9} rows  wall {seconds:6.2f} s {rows / seconds:>9,.0f} rows/s  "
        f"cpu {cpu:6.2f} s {rows / cpu:>9,.0f} rows/s  peak RSS {peak_mb:6.1f} MB  "
        f"{Path(out).stat().st_size / 1e6:7.1f} MB file"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--format", action="append", help="default: every format")
    parser.add_argument("--db", default=None)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_export(*args.child)
        return
    if args.db:
        db_path = Path(args.db)  # someone else's ledger: read it, never build into it
        if not db_path.exists():
            sys.exit(f"No database at {db_path}.")
    else:
        db_path = Path(f"/tmp/claims-bench-{args.claims}.db")
        build(db_path, args.claims)
    from claims.export import FORMATS

    for fmt in args.format or list(FORMATS):
        out = f"/tmp/claims-bench-export.{FORMATS[fmt][0]}"
        subprocess.run([sys.executable, __file__, "--child", str(db_path), fmt, out], check=True)


if __name__ == "__main__":
    main()
