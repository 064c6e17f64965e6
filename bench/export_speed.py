"""Export every claim of a large ledger as CSV and as JSON Lines, through the command line.

    .venv/bin/python bench/export_speed.py [--db bench/out/big.db] [--formats csv jsonl]

Runs `python -m claims export` three times per format, as a user would, and
times it from start to exit; the median run is the figure. Prints rows per
second and memory: the largest peak RSS of any one process, and the peak PSS
of the command and its worker processes together (a large export writes id
ranges in parallel, see claims.export.parallel), sampled every 0.1 s:
PSS shares out the pages processes share, so their sum is what the export as
a whole holds. Targets (issue 8): >= 100,000 rows/s, peak memory under 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def descendants(pid: int) -> list[int]:
    """pid and every process below it (from /proc/*/stat)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    tree, queue = [], [pid]
    while queue:
        current = queue.pop()
        tree.append(current)
        queue.extend(children.get(current, []))
    return tree


def pss_mb(pids: list[int]) -> float:
    total_kb = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total_kb += int(line.split()[1])
        except OSError:
            continue  # the process ended while we looked
    return total_kb / 1024


def export_once(db: Path, fmt: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"claims.{fmt}"
        command = [sys.executable, "-m", "claims", "export", "--db", str(db)]
        started = time.perf_counter()
        child = subprocess.Popen(
            [*command, "--format", fmt, "-o", str(out)], cwd=ROOT, stdout=subprocess.DEVNULL
        )
        peak_pss = 0.0
        while True:
            finished, status, usage = os.wait4(child.pid, os.WNOHANG)
            if finished:
                break
            peak_pss = max(peak_pss, pss_mb(descendants(child.pid)))
            time.sleep(0.1)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            raise SystemExit(f"the {fmt} export failed")
        rows = json.loads((out.parent / f"{out.name}.manifest.json").read_text())["row_count"]
        size = out.stat().st_size
    return {
        "format": fmt,
        "rows": rows,
        "seconds": round(seconds, 2),
        "rows_per_s": round(rows / seconds),
        "file_mb": round(size / 1e6, 1),
        "rss_mb": round(usage.ru_maxrss / 1024),
        "pss_mb": round(peak_pss),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "bench/out/big.db")
    parser.add_argument("--formats", nargs="+", default=["csv", "jsonl"])
    parser.add_argument("--runs", type=int, default=3, help="runs per format (default 3)")
    args = parser.parse_args()
    print(
        f"{'format':<8} {'rows':>10} {'seconds':>8} {'rows/s':>10} {'file MB':>8} "
        f"{'max RSS MB':>11} {'all PSS MB':>11}"
    )
    for fmt in args.formats:
        runs = []
        for _ in range(args.runs):
            runs.append(export_once(args.db.resolve(), fmt))
            print_row(runs[-1])
        # The median run: other work on a shared machine, or its pages of the
        # database evicted since the last run, only ever slow a run down.
        median = sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]
        print_row(median | {"format": "median"})


def print_row(r: dict) -> None:
    print(
        f"{r['format']:<8} {r['rows']:>10,} {r['seconds']:>8} {r['rows_per_s']:>10,} "
        f"{r['file_mb']:>8} {r['rss_mb']:>11} {r['pss_mb']:>11}",
        flush=True,
    )


if __name__ == "__main__":
    main()
