"""`python -m claims check ...`: claims beside the official figures (claims.checks).

check [--json] [--series NAME] [--subject S] [--metric M] [--claim ID]
check --claim ID --confirm verified|disputed [--series NAME] [--reviewer R]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from claims import checks, config, store
from claims.model import ClaimsError, terminal_safe


def add_commands(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("check", "Check claims of linked keys against their official series.")
    p.set_defaults(run=cmd_check)
    p.add_argument("--json", action="store_true", help="one JSON object per checked claim")
    p.add_argument("--series", metavar="NAME", help="only claims linked to this series")
    p.add_argument("--subject", help='only this subject, as claims say it ("United States")')
    p.add_argument("--metric", help='only this metric, as claims say it ("unemployment rate")')
    p.add_argument("--claim", metavar="ID", help="only this claim")
    p.add_argument(
        "--confirm",
        choices=checks.CONFIRMABLE,
        help="with --claim: set its status, the check's suggestion as the note",
    )
    p.add_argument("--reviewer", default="cli", help="who confirms (default: cli)")


# What --json prints for each check, in this order.
JSON_FIELDS = (
    "claim_id", "series", "vintage", "period", "claim_value", "official_value",
    "difference", "outcome", "suggestion",
)  # fmt: skip


def cmd_check(args: argparse.Namespace) -> int:
    from claims.cli import parse_claim_id

    claim_id = parse_claim_id(args.claim) if args.claim is not None else None
    if args.confirm:
        return _confirm(args, claim_id)
    db = _open_to_read(args)
    if claim_id is not None:
        found = [c for c in checks.check_claim(db, claim_id) if _kept(c, args)]
    else:
        found = checks.check_claims(
            db, series=args.series, subject=args.subject, metric=args.metric
        )
    if args.json:
        for check in found:
            print(json.dumps({name: getattr(check, name) for name in JSON_FIELDS}))
        return 0
    _print_table(found)
    return 0


def _kept(check: checks.Check, args: argparse.Namespace) -> bool:
    return args.series is None or check.series == args.series


def _confirm(args: argparse.Namespace, claim_id: int | None) -> int:
    if claim_id is None:
        raise ClaimsError("--confirm sets one claim's status: give it with --claim ID.")
    db = store.open_existing(config.database_path(args.db))
    claim = checks.confirm(db, claim_id, args.confirm, reviewer=args.reviewer, series=args.series)
    print(f"Claim {claim['id']} is now {claim['status']}.")
    return 0


def _open_to_read(args: argparse.Namespace):
    from claims.cli import open_to_read

    return open_to_read(config.database_path(args.db))


def _print_table(found: list[checks.Check]) -> None:
    if not found:
        print("No claims to check: link a series to a key first (`reference proposals`).")
        return
    rows = [("claim", "period", "claim value", "official", "difference", "series", "suggestion")]
    for check in found:
        rows.append(
            (
                str(check.claim_id),
                check.period or "-",
                f"{check.claim_value:g}",
                "-" if check.official_value is None else f"{check.official_value:g}",
                "-" if check.difference is None else f"{check.difference:+g}",
                check.series,
                check.suggestion,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print(terminal_safe("  ".join([*cells, row[-1]])))
