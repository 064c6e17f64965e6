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
else runs on its cores: the load average before each run is printed with it, and
the same figures in CPU time (of the plain process; of the worker processes, their
Dask machinery included), which other work on the machine does not change.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_plain_extract(path: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of `python -m claims extract --jsonl PATH`, start-up included."""
    started, cpu = time.perf_counter(), children_cpu()
    subprocess.run(
        [sys.executable, "-m", "claims", "extract", "--jsonl", str(path)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - started, children_cpu() - cpu


def time_plain_start_up(work: Path) -> tuple[float, float]:
    """(wall, CPU) seconds `extract --jsonl` takes over one short article: its start-up."""
    one = work / "one.jsonl"
    one.write_text(json.dumps({"id": "one", "text": "Sales rose 5% in 2020."}) + "\n")
    return min(time_plain_extract(one) for _ in range(3))


def process_cpu() -> float:
    """Run on each worker: the CPU seconds of its process so far."""
    import psutil  # comes with distributed

    times = psutil.Process().cpu_times()
    return times.user + times.system


def warm_up() -> None:
    """Run on each worker before the timing: the imports a first task would pay for, as
    plain extract's start-up (timed on one article) is taken out of its figure."""
    import pyarrow.parquet  # noqa: F401

    from claims import store  # noqa: F401
    from claims.ingest import extract_for_ingest

    extract_for_ingest("Sales rose 5% in 2020, the company said.", "2021-01-06")


def workers_cpu(client) -> float:
    return sum(client.run(process_cpu).values())


def time_corpus_extract(folder: Path, out: Path, workers: int, partition_mb: float):
    """(cluster start-up seconds, the run's summary, the worker processes' CPU seconds)
    on a LocalCluster of `workers`."""
    plan = corpus.plan_run([folder], out, partition_mb)
    started = time.perf_counter()
    with corpus.dask_client(None, workers=workers, dashboard=False) as client:
        start_up = time.perf_counter() - started
        client.run(warm_up)
        cpu = workers_cpu(client)
        summary = corpus.run_plan(plan, client)
        cpu = workers_cpu(client) - cpu
    return start_up, summary, cpu


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
        start_wall, start_cpu = time_plain_start_up(work)
        runs = [time_plain_extract(f) for f in files]
        seconds = sum(wall for wall, _ in runs) - start_wall * len(files)
        cpu = sum(cpu for _, cpu in runs) - start_cpu * len(files)
        plain, plain_cpu = words / seconds, words / cpu
        print(
            f"  {plain:,.0f} words/s ({seconds:.1f} s for {len(files)} files, less "
            f"{start_wall:.2f} s start-up each); {plain_cpu:,.0f} words per CPU second"
        )

        rates, cpu_rates = {}, {}
        for workers in (1, 2):
            print(f"corpus extract, {workers} worker(s) ({load()}) ...", flush=True)
            out = work / f"out-{workers}"
            start_up, summary, cpu = time_corpus_extract(folder, out, workers, args.partition_size)
            assert summary.words == words and summary.errors == 0, summary
            rates[workers] = summary.words_per_second
            cpu_rates[workers] = words / cpu
            print(
                f"  {rates[workers]:,.0f} words/s ({summary.seconds:.1f} s, "
                f"{summary.partitions} partitions; cluster start {start_up:.1f} s); "
                f"{cpu_rates[workers]:,.0f} words per CPU second of the workers, which had "
                f"{cpu / summary.seconds:.2f} of {workers} cores"
            )

    efficiency = rates[2] / (2 * rates[1])
    cpu_efficiency = cpu_rates[2] / cpu_rates[1]
    verdict = "meets" if efficiency >= TARGET_EFFICIENCY else "below"
    print(
        f"scaling efficiency 1 -> 2 workers: {efficiency:.2f} in wall time ({verdict} the "
        f"0.8 target); {cpu_efficiency:.2f} in CPU time"
    )
    overhead, cpu_overhead = 1 - rates[1] / plain, 1 - cpu_rates[1] / plain_cpu
    verdict = "within" if overhead <= TARGET_OVERHEAD else "outside"
    print(
        f"1 worker vs plain extract: overhead {overhead:+.1%} in wall time ({verdict} the "
        f"15% target); {cpu_overhead:+.1%} in CPU time"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
