"""Words per second of `corpus extract` on 1 and 2 Dask workers, and of plain `extract --jsonl`.

Usage:
    .venv/bin/python bench/corpus_speed.py [--articles N] [--partition-size MB] [--keep DIR]

Builds a corpus of at least --articles articles (default 20,000) from the public
sample articles in data/samples/articles.jsonl, repeated with ids made unique, as
files of FILE_ARTICLES articles in one folder (`extract --jsonl` reads a file of at
most 25 MB), and times, in wall-clock seconds:

  1. plain `python -m claims extract --jsonl FILE` on each file in turn (output
     discarded), less the start-up of each process (timed on a one-article file);
  2. `corpus extract FOLDER` on a LocalCluster of 1 worker process;
  3. the same on 2 worker processes.

A cluster's start-up is timed apart (it is paid once per run, not per article). It
prints words per second for each, the scaling efficiency from 1 to 2 workers
(rate at 2 / (2 x rate at 1); target >= 0.8) and the single worker's rate against
plain extract's (target: within 15%). Wall time on a shared machine counts whatever
else runs on its cores: the load average before each run is printed with it.
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

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from claims import corpus  # noqa: E402

SAMPLES = REPO / "data" / "samples" / "articles.jsonl"
FILE_ARTICLES = 5_000  # about 13 MB of JSON Lines a file
TARGET_EFFICIENCY = 0.8
TARGET_OVERHEAD = 0.15


def build_corpus(folder: Path, articles: int) -> tuple[int, int]:
    """Write at least `articles` sample articles, ids made unique, into files of
    FILE_ARTICLES articles in `folder`; (articles, words)."""
    samples = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines()]
    folder.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    words = 0
    repeat = 0
    while len(lines) < articles:
        for record in samples:
            lines.append(json.dumps({**record, "id": f"{record['id']}#{repeat}"}) + "\n")
            words += len(record["text"].split())
        repeat += 1
    for number, start in enumerate(range(0, len(lines), FILE_ARTICLES), start=1):
        chunk = lines[start : start + FILE_ARTICLES]
        (folder / f"news-{number:03d}.jsonl").write_text("".join(chunk), encoding="utf-8")
    return len(lines), words


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (5 min {five:.2f})"


def time_plain_extract(path: Path) -> float:
    """Seconds for `python -m claims extract --jsonl PATH`, start-up included."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "claims", "extract", "--jsonl", str(path)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - started


def time_plain_start_up(work: Path) -> float:
    """Seconds `extract --jsonl` takes over one short article: its start-up."""
    one = work / "one.jsonl"
    one.write_text(json.dumps({"id": "one", "text": "Sales rose 5% in 2020."}) + "\n")
    return min(time_plain_extract(one) for _ in range(3))


def time_corpus_extract(folder: Path, out: Path, workers: int, partition_mb: float):
    """(cluster start-up seconds, the run's summary) on a LocalCluster of `workers`."""
    plan = corpus.plan_run([folder], out, partition_mb)
    started = time.perf_counter()
    with corpus.dask_client(None, workers=workers, dashboard=False) as client:
        start_up = time.perf_counter() - started
        summary = corpus.run_plan(plan, client)
    return start_up, summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument(
        "--partition-size",
        type=float,
        default=2.0,
        metavar="MB",
        help="input MB per task (default 2: ~24 tasks, so two workers finish together)",
    )
    parser.add_argument("--keep", metavar="DIR", help="build and keep the corpus and output here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="corpus-speed-") as scratch:
        work = Path(args.keep or scratch)
        work.mkdir(parents=True, exist_ok=True)
        folder = work / "corpus"
        articles, words = build_corpus(folder, args.articles)
        files = sorted(folder.glob("*.jsonl"))
        size_mb = sum(f.stat().st_size for f in files) / 1_048_576
        print(
            f"corpus: {articles:,} articles, {words:,} words, {size_mb:.1f} MB; "
            f"{os.cpu_count()} cores"
        )

        print(f"plain extract --jsonl ({load()}) ...", flush=True)
        start_up = time_plain_start_up(work)
        seconds = sum(time_plain_extract(f) for f in files)
        plain = words / (seconds - start_up * len(files))
        print(
            f"  {plain:,.0f} words/s ({seconds:.1f} s for {len(files)} files, less "
            f"{start_up:.2f} s start-up each; {words / seconds:,.0f} words/s with it)"
        )

        rates = {}
        for workers in (1, 2):
            print(f"corpus extract, {workers} worker(s) ({load()}) ...", flush=True)
            out = work / f"out-{workers}"
            start_up, summary = time_corpus_extract(folder, out, workers, args.partition_size)
            assert summary.words == words and summary.errors == 0, summary
            rates[workers] = summary.words_per_second
            per_cpu = summary.words / summary.cpu_seconds
            print(
                f"  {rates[workers]:,.0f} words/s ({summary.seconds:.1f} s, "
                f"{summary.partitions} partitions; cluster start {start_up:.1f} s); "
                f"{per_cpu:,.0f} words per CPU second of the tasks"
            )

    efficiency = rates[2] / (2 * rates[1])
    overhead = 1 - rates[1] / plain
    verdict = "meets" if efficiency >= TARGET_EFFICIENCY else "below"
    print(f"scaling efficiency 1 -> 2 workers: {efficiency:.2f} ({verdict} the 0.8 target)")
    verdict = "within" if overhead <= TARGET_OVERHEAD else "outside"
    print(
        f"1 worker vs plain extract: {rates[1] / plain:.2f} of its rate, "
        f"overhead {overhead:+.1%} ({verdict} the 15% target)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
