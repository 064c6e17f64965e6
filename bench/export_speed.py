"""Export every claim of a large ledger as CSV and as JSON Lines.

    .venv/bin/python bench/export_speed.py [--db bench/out/big.db] [--formats csv jsonl]

Each format runs in a fresh process so that its peak RSS is its own. Prints
rows per second and peak RSS. Targets (issue 8): >= 100,000 rows/s, peak RSS
under 300 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def export_once(db_path: Path, fmt: str) -> dict:
    """Export everything in one format; runs inside the child process."""
    from claims import export, store

    db = store.open_existing(db_path)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"claims.{fmt}"
        started = time.perf_counter()
        manifest = export.write_export(db, None, fmt, out)
        seconds = time.perf_counter() - started
        size = out.stat().st_size
    rows = manifest["row_count"]
    return {
        "format": fmt,
        "rows": rows,
        "seconds": round(seconds, 2),
        "rows_per_s": round(rows / seconds),
        "file_mb": round(size / 1e6, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("bench/out/big.db"))
    parser.add_argument("--formats", nargs="+", default=["csv", "jsonl"])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(export_once(args.db, args.child)))
        return
    print(f"{'format':<8} {'rows':>10} {'seconds':>8} {'rows/s':>10} {'MB':>8} {'peak RSS MB':>12}")
    for fmt in args.formats:
        child = subprocess.run(
            [sys.executable, __file__, "--db", str(args.db), "--child", fmt],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        r = json.loads(child.stdout.strip().splitlines()[-1])
        print(
            f"{r['format']:<8} {r['rows']:>10,} {r['seconds']:>8} {r['rows_per_s']:>10,} "
            f"{r['file_mb']:>8} {r['peak_rss_mb']:>12}",
            flush=True,
        )


if __name__ == "__main__":
    main()
