"""`python -m claims ingest` and `python -m claims reextract`.

Exit status: 0 when every input landed or was already in the ledger, 2 when
any input was refused (one line per refusal on stderr).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from claims import config, ingest, reextract, store
from claims.model import ClaimsError, terminal_safe
from claims.readers.article import Article, make_article, with_overrides
from claims.readers.urls import read_article

USER_ERROR = 2
# Up to this many inputs, say what happened to each; beyond it only the summary.
LIST_EACH_UP_TO = 20
_METADATA_FLAGS = ("title", "publisher", "author", "published", "url")


def add_commands(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add(
        "ingest",
        "Add articles: text/Markdown/HTML files, URLs, folders, .jsonl or .csv files "
        "('-' reads text from standard input).",
    )
    p.set_defaults(run=cmd_ingest)
    p.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
    for name in _METADATA_FLAGS:
        p.add_argument(
            f"--{name}",
            metavar="YYYY-MM-DD" if name == "published" else name.upper(),
            help=f"the article's {name} (one article only; wins over what the input says)",
        )
    p.add_argument("--workers", type=int, metavar="N", help="extraction processes for bulk")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--verbose", "-v", action="store_true", help="a line for every article")

    p = add("reextract", "Run the current extractor over stored articles; reviewed claims kept.")
    p.set_defaults(run=cmd_reextract)
    p.add_argument("--workers", type=int, metavar="N", help="extraction processes")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")


@contextmanager
def _progress_bar(enabled: bool, unit: str) -> Iterator[ingest.Progress | None]:
    """A tqdm bar on stderr (shown only on a terminal) fed by the library's callback."""
    if not enabled:
        yield None
        return
    from tqdm import tqdm

    bars: list[tqdm] = []  # made at the first callback, when the total is known

    def update(done: int, total: int, label: str) -> None:
        if not bars:
            bars.append(tqdm(total=total, unit=unit, file=sys.stderr, disable=None, leave=False))
        bars[0].update(done - bars[0].n)

    try:
        yield update
    finally:
        for bar in bars:
            bar.close()


def _metadata(args: argparse.Namespace) -> dict[str, str]:
    return {name: getattr(args, name) for name in _METADATA_FLAGS if getattr(args, name)}


def _single_input(inputs: list[str], metadata: dict[str, str]) -> Article | str:
    """The one input the metadata flags describe, or ClaimsError."""
    if len(inputs) != 1:
        flags = ", ".join(f"--{name}" for name in metadata)
        raise ClaimsError(
            f"{flags} can only describe one article; give exactly one input, not {len(inputs)}."
        )
    entry = inputs[0]
    if entry == "-":
        return make_article(sys.stdin.read(), label="standard input", **metadata)
    return entry


def _inputs(args: argparse.Namespace) -> list:
    metadata = _metadata(args)
    if metadata:
        single = _single_input(args.inputs, metadata)
        if isinstance(single, Article):
            return [single]
        # Read here so the flags can override what the file or page says.
        return [with_overrides(read_article(single), metadata)]
    return [
        make_article(sys.stdin.read(), label="standard input") if entry == "-" else entry
        for entry in args.inputs
    ]


def cmd_ingest(args: argparse.Namespace) -> int:
    db = store.connect(config.database_path(args.db))
    inputs = _inputs(args)
    with _progress_bar(not args.no_progress, "article") as progress:
        summary = ingest.ingest_many(db, inputs, progress=progress, workers=args.workers)
    listed = len(summary.results) + len(summary.failures)
    if args.verbose or listed <= LIST_EACH_UP_TO:
        for label, result in summary.results:
            print(terminal_safe(f"{label}: {result.message}"))
    for label, reason in summary.failures:
        print(f"refused: {terminal_safe(_refusal(label, reason))}", file=sys.stderr)
    print(summary)
    return 0 if summary.ok else USER_ERROR


def _refusal(label: str, reason: str) -> str:
    # Most reasons already name their input; don't say it twice.
    return reason if label in reason else f"{label}: {reason}"


def cmd_reextract(args: argparse.Namespace) -> int:
    db = store.open_existing(config.database_path(args.db))
    with _progress_bar(not args.no_progress, "source") as progress:
        summary = reextract.reextract(db, progress=progress, workers=args.workers)
    for label, reason in summary.failures:
        print(terminal_safe(f"failed: {label}: {reason}"), file=sys.stderr)
    print(summary)
    return 0 if not summary.failures else USER_ERROR
