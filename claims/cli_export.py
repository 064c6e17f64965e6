"""`python -m claims export` and `python -m claims import`."""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from pathlib import Path

from claims import config, store
from claims.export import (
    FORMATS,
    MANIFEST_INSIDE,
    export_file_name,
    manifest_path,
    stream_export,
    write_export,
)
from claims.model import (
    KINDS,
    MAX_ID,
    STATUSES,
    ClaimsError,
    TerminalSafeWriter,
    parse_id,
    terminal_safe,
)
from claims.query import ClaimFilter


def add_commands(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("export", "Export claims with their provenance (all, or those matching the filters).")
    p.set_defaults(run=cmd_export)
    p.add_argument("--format", required=True, choices=tuple(FORMATS), help="file format")
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="file to write ('-' for stdout; default here, named for what it holds: "
        "LEDGER_FILTERS_DATE.EXT, such as claims_status-verified_2026-12-05.csv); "
        "a manifest is written beside it as FILE.manifest.json",
    )
    p.add_argument(
        "--text-on-every-row",
        action="store_true",
        help="csv: the article text on every row of its claims (default: on its first row only)",
    )
    p.add_argument(
        "--status",
        action="append",
        metavar="STATUS",
        help=f"only these statuses (repeat or comma-separate): {', '.join(STATUSES)}",
    )
    p.add_argument(
        "--kind",
        action="append",
        metavar="KIND",
        help=f"only these kinds (repeat or comma-separate): {', '.join(KINDS)}",
    )
    p.add_argument("--speaker", help="only claims by this speaker (exact)")
    p.add_argument("--subject", help="only claims about this subject (exact)")
    p.add_argument("--metric", help="only claims of this metric (exact)")
    p.add_argument("--unit", help="only claims in this unit (exact)")
    p.add_argument("--source", metavar="SOURCE_ID", help="only claims from this source id")
    p.add_argument(
        "--period-from", metavar="PERIOD", help="claims about periods ending on or after this"
    )
    p.add_argument(
        "--period-to", metavar="PERIOD", help="claims about periods starting on or before this"
    )
    p.add_argument("--since", metavar="DATE", help="articles published on or after YYYY[-MM[-DD]]")
    p.add_argument("--until", metavar="DATE", help="articles published on or before YYYY[-MM[-DD]]")
    p.add_argument(
        "--min-confidence", metavar="X", help="only claims with a confidence of at least X (0-1)"
    )
    p.add_argument("--search", metavar="WORDS", help="full-text search")
    p.add_argument(
        "--include-vanished",
        action="store_true",
        help="also claims that re-extraction no longer finds (kept for their history)",
    )
    p.add_argument(
        "--org",
        metavar="NAME",
        help=f"reviewing organisation for ClaimReview (default: ${config.ORG_ENV_VAR} "
        f"or [organisation] name in {config.SETTINGS_FILE})",
    )

    p = add("import", "Import a ledger export (.jsonl, .json, .csv, .xlsx), merging sources.")
    p.set_defaults(run=cmd_import)
    p.add_argument("file", metavar="FILE")


def filter_from_args(args: argparse.Namespace) -> ClaimFilter:
    return ClaimFilter(
        search=args.search or None,
        status=_listed(args.status),
        kind=_listed(args.kind),
        source_id=_source_id(args.source),
        speaker=args.speaker or None,
        subject=args.subject or None,
        metric=args.metric or None,
        unit=args.unit or None,
        period_from=args.period_from or None,
        period_to=args.period_to or None,
        published_from=args.since or None,
        published_to=args.until or None,
        min_confidence=_confidence(args.min_confidence),
        include_vanished=args.include_vanished,
    )


def _listed(values: list[str] | None) -> list[str]:
    """A repeated, comma-separated option as one list."""
    return [v.strip() for raw in values or [] for v in raw.split(",") if v.strip()]


def _confidence(raw: str | None) -> float | None:
    if raw is None or raw == "":
        return None
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not 0 <= value <= 1:
        raise ClaimsError(f"--min-confidence takes a number from 0 to 1, not {raw!r}.")
    return value


def _source_id(raw: str | None) -> int | None:
    if raw is None or raw == "":
        return None
    source_id = parse_id(raw)
    if source_id is None:
        raise ClaimsError(
            f"--source takes a source id, a whole number from 1 to {MAX_ID}, not {raw!r}."
        )
    return source_id


def cmd_export(args: argparse.Namespace) -> int:
    from claims.cli import open_to_read

    db_path = config.database_path(args.db)
    db = open_to_read(db_path)
    claim_filter = filter_from_args(args)
    if args.text_on_every_row and args.format != "csv":
        raise ClaimsError(
            "--text-on-every-row is for csv, whose rows are the claims; the other formats "
            "keep each article once, beside its claims."
        )
    options = {"org": args.org, "text_on_every_row": args.text_on_every_row}
    if args.output == "-":
        out = _standard_output(args.format)
        manifest = stream_export(db, claim_filter, args.format, out, **options)
        out.flush()
        print(f"Exported {manifest['row_count']} claims to stdout.", file=sys.stderr)
        return 0
    path = Path(args.output) if args.output else _default_output(db_path, claim_filter, args.format)
    manifest = write_export(db, claim_filter, args.format, path, **options)
    inside = " (also inside the file)" if args.format in MANIFEST_INSIDE else ""
    print(
        f"Exported {manifest['row_count']} claims to {path}; "
        f"manifest: {manifest_path(path)}{inside}."
    )
    return 0


# Formats written as JSON text: on a terminal their control characters become \u escapes.
_JSON_FORMATS = ("json", "jsonl", "claimreview")
_BINARY_FORMATS = ("xlsx", "parquet")


def _standard_output(fmt: str):
    """Standard output for the export; on a terminal, one its text cannot take over.

    Piped or redirected, the bytes are the export's own: a title keeps its characters.
    """
    out = sys.stdout.buffer
    if not out.isatty():
        return out
    if fmt in _BINARY_FORMATS:
        raise ClaimsError(f"{fmt} is a binary format: give -o FILE or redirect the output.")
    return TerminalSafeWriter(out, json=fmt in _JSON_FORMATS)


def _default_output(db_path: Path, claim_filter: ClaimFilter, fmt: str) -> Path:
    """A file here named for what it holds; "-2", "-3"... when an export of the same
    view was already written today, which is never overwritten."""
    named = Path(export_file_name(db_path, claim_filter, FORMATS[fmt][0]))
    path, number = named, 2
    while path.exists() or manifest_path(path).exists():
        path = named.with_stem(f"{named.stem}-{number}")
        number += 1
    return path


# The decision logs (claims.ledger_logs) as the import's summary names them.
_DECISION_LOG_NAMES = (
    ("source_reviews", "source corrections"),
    ("key_merges", "merge decisions"),
    ("claim_splits", "split decisions"),
    ("assignment_log", "assignment changes"),
    ("comments", "comments"),
)


def cmd_import(args: argparse.Namespace) -> int:
    from claims.importer import import_file

    db = store.connect(config.database_path(args.db))
    summary = import_file(db, args.file)
    # What was skipped is said as plainly as what was added: a restore that
    # leaves something out must never look like one that brought it all back.
    print(
        f"Imported {terminal_safe(args.file)}: {summary['sources_added']} sources added, "
        f"{summary['sources_matched']} already stored; {summary['claims_added']} claims added, "
        f"{summary['claims_skipped']} already stored; {summary['reviews_added']} reviews added, "
        f"{summary['reviews_skipped']} already stored; "
        + "; ".join(
            f"{summary[f'{table}_added']} {name} added, {summary[f'{table}_skipped']} skipped"
            for table, name in _DECISION_LOG_NAMES
        )
        + f". Manifest: {summary['manifest']}."
    )
    for conflict in summary["conflicts"]:
        print(f"Conflict: {terminal_safe(conflict)}")
    return 0
