"""`python -m claims corpus extract` and `python -m claims corpus load`.

The work is in claims.corpus; this module reads arguments and shows progress.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from claims import config, store
from claims.corpus import DEFAULT_PARTITION_MB
from claims.model import terminal_safe

USER_ERROR = 2


def add_commands(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add(
        "corpus",
        "Extract a whole corpus on Dask into a Parquet dataset, and load slices of it.",
    )
    sub = p.add_subparsers(dest="corpus_command", required=True, metavar="{extract,load}")

    help_text = (
        "Extract the claims of .jsonl, .jsonl.gz or .parquet articles (or folders of them) "
        "on a Dask cluster into a Parquet dataset in DIR; re-run to resume."
    )
    e = sub.add_parser("extract", help=help_text, description=help_text)
    e.set_defaults(run=cmd_corpus_extract)
    e.add_argument("inputs", nargs="+", metavar="INPUT")
    e.add_argument("--out", required=True, metavar="DIR", help="the dataset's folder")
    e.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a running Dask scheduler (tcp://host:8786); default: a local cluster",
    )
    e.add_argument(
        "--workers", type=int, metavar="N", help="local worker processes (default: one per core)"
    )
    e.add_argument(
        "--partition-size",
        type=float,
        default=DEFAULT_PARTITION_MB,
        metavar="MB",
        help=f"input megabytes per task (default: {DEFAULT_PARTITION_MB:g})",
    )
    e.add_argument("--no-progress", action="store_true", help="no progress bar")

    help_text = (
        "Store the articles of a corpus dataset (those matching --where) and their claims "
        "in the ledger, without extracting again."
    )
    lo = sub.add_parser("load", help=help_text, description=help_text)
    lo.set_defaults(run=cmd_corpus_load)
    lo.add_argument("dataset", metavar="DIR")
    lo.add_argument(
        "--where",
        metavar="FILTER",
        help="e.g. \"publisher = 'Reuters' AND published >= '2020-01-01'\" "
        "(articles columns; =, !=, <, >, IN, LIKE, BETWEEN, IS NULL, AND, OR, NOT)",
    )
    # Here as well as before `load`: `corpus load DIR --db FILE` reads naturally.
    # SUPPRESS keeps this parser from resetting a --db given before `load`.
    lo.add_argument("--db", metavar="FILE", default=argparse.SUPPRESS, help="the ledger")
    lo.add_argument("--no-progress", action="store_true", help="no progress bar")


def cmd_corpus_extract(args: argparse.Namespace) -> int:
    from claims import corpus

    corpus.require_dask()  # these two before the output folder is made
    corpus.check_workers(args.workers)
    plan = corpus.plan_run(args.inputs, args.out, args.partition_size)
    pending = len(plan.pending())
    print(
        f"{len(plan.files)} input files in {len(plan.partitions)} partitions; "
        f"{len(plan.partitions) - pending} already written, {pending} to do.",
        file=sys.stderr,
    )
    with corpus.dask_client(args.scheduler, args.workers) as client:
        if link := corpus.dashboard_link(client):
            print(f"Dask dashboard: {link}", file=sys.stderr)
        with _extract_progress(not args.no_progress, pending) as progress:
            summary = corpus.run_plan(plan, client, progress=progress)
    print(summary)
    for example in summary.examples:
        print(terminal_safe(f"  error: {example}"), file=sys.stderr)
    print(f"Dataset: {plan.out_dir}/claims and {plan.out_dir}/articles (Parquet).")
    return 0


@contextmanager
def _extract_progress(enabled: bool, partitions: int) -> Iterator[Callable | None]:
    """Articles done and words a second, updated as each partition lands."""
    if not enabled:
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(unit=" articles", file=sys.stderr, disable=None, leave=False)
    started = time.perf_counter()
    state = {"partitions": 0, "words": 0}

    def update(done) -> None:
        state["partitions"] += 1
        state["words"] += done.words
        rate = state["words"] / max(time.perf_counter() - started, 1e-9)
        bar.set_postfix_str(
            f"{rate:,.0f} words/s, partition {state['partitions']}/{partitions}", refresh=False
        )
        bar.update(done.articles)

    try:
        yield update
    finally:
        bar.close()


def cmd_corpus_load(args: argparse.Namespace) -> int:
    from claims import corpus

    parts = corpus.dataset_parts(args.dataset)  # before the ledger is touched
    from claims.corpus_filter import parse_filter

    parse_filter(args.where, corpus.articles_schema())  # a bad filter: said before any write
    db = store.connect(config.database_path(args.db))
    with _load_progress(not args.no_progress, len(parts)) as progress:
        summary = corpus.load_corpus(db, args.dataset, args.where, progress=progress)
    for label, reason in summary.ingest.failures:
        print(terminal_safe(f"refused: {label}: {reason}"), file=sys.stderr)
    print(summary)
    return 0 if summary.ingest.ok else USER_ERROR


@contextmanager
def _load_progress(enabled: bool, parts: int) -> Iterator[Callable | None]:
    if not enabled:
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(total=parts, unit=" partitions", file=sys.stderr, disable=None, leave=False)
    try:
        yield lambda _articles: bar.update(1)
    finally:
        bar.close()
