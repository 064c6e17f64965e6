"""`python -m claims reference ...`: official series beside the claims (claims.reference).

reference add FILE --name NAME --unit UNIT --frequency F [--date-column C]
              [--value-column C] [--filter COLUMN=VALUE ...] [--means M]
              [--publisher P] [--url U] [--duplicates refuse|first|last]
              [--scale thousand|million|billion|NUMBER]
reference fetch dbnomics PROVIDER/DATASET/SERIES [--name N] [--unit U] [--frequency F]
                [--scale S]
reference fetch worldbank INDICATOR:ECONOMY [--name N] [--unit U] [--frequency F]
reference derive SOURCE --name NAME [--transform yoy]
reference list [--json]
reference show NAME [--vintage N] [--json]
reference pack [FOLDER]          the shipped pack (data/reference) or another
reference proposals [--series NAME] [--min-score N] [--limit N] [--json]
reference link SERIES --subject S --metric M [--unit U] --note N [--reviewer R]
reference accept ID --note N [--reviewer R]
reference reject ID --note N [--reviewer R]
reference undo ID --note N [--reviewer R]        the latest decision on a link
reference links [--series NAME] [--json]         the accepted links
reference log [--limit N] [--json]               link decisions, newest first
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from claims import config, reference, reference_links, store
from claims.model import terminal_safe
from claims.reference_fetch import PROVIDERS, fetch_series


def add_commands(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    parent = add("reference", "Official reference series: import, derive, list, show.")
    sub = parent.add_subparsers(dest="reference_command", required=True, metavar="ACTION")

    def action(name: str, help_text: str, run) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        # After the action too ("reference list --db X"); not given, the one before stands.
        p.add_argument("--db", metavar="FILE", default=argparse.SUPPRESS, help="database file")
        p.set_defaults(run=run)
        return p

    p = action("add", "Import a series from a CSV, Excel or JSON file.", cmd_add)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--name", required=True, help="the series' name, unique in the ledger")
    p.add_argument("--unit", required=True, help="percent, USD, index point, person, ...")
    p.add_argument("--frequency", required=True, choices=reference.FREQUENCIES)
    p.add_argument("--date-column", default="Date", metavar="C", help="default: Date")
    p.add_argument("--value-column", default="Value", metavar="C", help="default: Value")
    p.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="COLUMN=VALUE",
        help="keep only rows with this value (repeatable)",
    )
    p.add_argument("--means", default="level", choices=reference.MEANINGS)
    p.add_argument("--publisher", help="who publishes it (the Bureau of Labor Statistics...)")
    p.add_argument("--url", help="where it is published")
    p.add_argument(
        "--duplicates",
        default="refuse",
        choices=("refuse", "first", "last"),
        help="a period given twice: refuse the file (default) or keep its first or last row",
    )
    p.add_argument(
        "--scale",
        default=None,
        metavar="S",
        help="what the values are stated in: thousand, million, billion, trillion or a "
        "number; they are stored in full, as claims are (default: as written)",
    )

    _add_fetch_command(action)

    p = action("derive", "Make a series from another by a stated transform.", cmd_derive)
    p.add_argument("source", metavar="SOURCE", help="the series to derive from")
    p.add_argument("--name", required=True, help="the new series' name")
    p.add_argument("--transform", default="yoy", choices=sorted(reference.TRANSFORMS))

    p = action("list", "Every reference series with its size and span.", cmd_list)
    p.add_argument("--json", action="store_true", help="one JSON object per line")

    p = action("show", "A series' observations, its latest vintage or an earlier one.", cmd_show)
    p.add_argument("name", metavar="NAME")
    p.add_argument("--vintage", type=int, metavar="N", help="an earlier import (1 = first)")
    p.add_argument("--json", action="store_true", help="one JSON object per line")

    p = action("pack", "Import a reference pack (default: the one shipped in data/).", cmd_pack)
    p.add_argument("folder", nargs="?", metavar="FOLDER", help="a folder with a pack.json")

    _add_link_commands(action)


def _add_link_commands(action) -> None:
    p = action("proposals", "Links between series and claims' keys worth a look.", cmd_proposals)
    p.add_argument("--series", metavar="NAME", help="only this series' proposals")
    p.add_argument(
        "--min-score",
        type=float,
        default=reference_links.MIN_SCORE,
        metavar="N",
        help=f"name similarity, 0-100 (default {reference_links.MIN_SCORE:g})",
    )
    p.add_argument("--limit", type=int, metavar="N", help="at most N, best first")
    p.add_argument("--json", action="store_true", help="one JSON object per line")

    p = action("link", "Link a series to a key: its claims are checked against it.", cmd_link)
    p.add_argument("series", metavar="SERIES", help="the series' name")
    p.add_argument("--subject", default="", help='as claims say it: "United States"')
    p.add_argument("--metric", required=True, help='as claims say it: "unemployment rate"')
    p.add_argument("--unit", default="", help="percent, USD, ... (default: the series' unit)")
    _add_decision_arguments(p)

    p = action("accept", "Accept a proposed link (or a rejected one) by its id.", cmd_accept)
    p.add_argument("id", metavar="ID", help="l-... from `reference proposals`")
    _add_decision_arguments(p)

    p = action("reject", "Reject a proposed link, or take back an accepted one.", cmd_reject)
    p.add_argument("id", metavar="ID", help="l-... from `reference proposals` or `links`")
    _add_decision_arguments(p)

    p = action("undo", "Take back the latest decision on a link.", cmd_undo)
    p.add_argument("id", metavar="ID", help="l-... from `reference log`")
    _add_decision_arguments(p)

    p = action("links", "The accepted links, with the claims each covers.", cmd_links)
    p.add_argument("--series", metavar="NAME", help="only this series' links")
    p.add_argument("--json", action="store_true", help="one JSON object per line")

    p = action("log", "Link decisions (accept, reject, undo), newest first.", cmd_log)
    p.add_argument("--limit", type=int, default=50, metavar="N", help="default 50")
    p.add_argument("--json", action="store_true", help="one JSON object per line")


def _add_decision_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--note", required=True, help="why (required: every decision keeps one)")
    p.add_argument("--reviewer", default="cli", help="who decided (default: cli)")


def _add_fetch_command(action) -> None:
    p = action(
        "fetch",
        "Fetch a series online from DBnomics or the World Bank, as a new vintage.",
        cmd_fetch,
    )
    p.add_argument("provider", choices=PROVIDERS, metavar="PROVIDER", help=" or ".join(PROVIDERS))
    p.add_argument(
        "series_id",
        metavar="SERIES_ID",
        help="dbnomics: PROVIDER/DATASET/SERIES (IMF/WEO:2023-10/USA.NGDP_RPCH.pcent_change); "
        "worldbank: INDICATOR:ECONOMY (NY.GDP.MKTP.CD:USA)",
    )
    p.add_argument("--name", help="the series' name in the ledger (default: the provider's)")
    p.add_argument(
        "--unit",
        help="percent, USD, index point, person, ... (default: the provider's, when it says "
        "one of these plainly)",
    )
    p.add_argument(
        "--frequency",
        choices=reference.FREQUENCIES,
        help="default: the one the provider's periods are written at",
    )
    p.add_argument("--means", default="level", choices=reference.MEANINGS)
    p.add_argument(
        "--scale",
        default=None,
        metavar="S",
        help="what the provider's values are stated in (thousand, million, billion or a "
        "number), when it does not say so itself (default: the provider's own)",
    )


def _db(args: argparse.Namespace):
    """The ledger, for an action that writes (add, fetch, derive, pack)."""
    return store.open_existing(config.database_path(getattr(args, "db", None)))


def _db_to_read(args: argparse.Namespace):
    """The ledger read-only, for list and show: the file is never changed."""
    from claims.cli import open_to_read

    return open_to_read(config.database_path(getattr(args, "db", None)))


def cmd_add(args: argparse.Namespace) -> int:
    spec = reference.SeriesSpec(
        name=args.name,
        unit=args.unit,
        frequency=args.frequency,
        means=args.means,
        publisher=args.publisher,
        url=args.url,
        date_column=args.date_column,
        value_column=args.value_column,
        filters=reference.parse_filters(args.filter),
        duplicates=args.duplicates,
        scale=reference.parse_scale(args.scale),
    )
    print(terminal_safe(reference.import_file(_db(args), Path(args.file), spec)))
    return 0


def cmd_fetch(args: argparse.Namespace) -> int:
    result = fetch_series(
        _db(args),
        args.provider,
        args.series_id,
        name=args.name,
        unit=args.unit,
        frequency=args.frequency,
        means=args.means,
        scale=reference.parse_scale(args.scale) if args.scale else None,
    )
    print(terminal_safe(result))
    return 0


def cmd_derive(args: argparse.Namespace) -> int:
    result = reference.derive(_db(args), args.source, args.name, args.transform)
    print(terminal_safe(result))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    rows = reference.list_series(_db_to_read(args))
    if args.json:
        for row in rows:
            print(json.dumps(row))
        return 0
    if not rows:
        print("No reference series yet: `python -m claims reference pack` loads the shipped ones.")
    for row in rows:
        print(
            terminal_safe(
                f"{row['name']}  [{row['unit']}, {row['frequency']}, {row['means']}]  "
                f"{row['observations']:,} from {row['first']} to {row['last']}, "
                f"vintage {row['vintage']}{reference.scale_note(row['scale'])}"
            )
        )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    for period, value in reference.observations(_db_to_read(args), args.name, args.vintage):
        if args.json:
            print(json.dumps({"period": period, "value": value}))
        else:
            # Every digit a table gives: a GDP in full dollars is fourteen of them.
            print(f"{period}\t{value:.15g}")
    return 0


def cmd_pack(args: argparse.Namespace) -> int:
    folder = Path(args.folder) if args.folder else config.REFERENCE_DIR
    for result in reference.load_pack(_db(args), folder):
        print(terminal_safe(result))
    return 0


# ---------------------------------------------------------------- links


def cmd_proposals(args: argparse.Namespace) -> int:
    found = reference_links.proposals(
        _db_to_read(args), series=args.series, min_score=args.min_score, limit=args.limit
    )
    if args.json:
        for proposal in found:
            print(json.dumps(proposal.to_dict()))
        return 0
    if not found:
        print("No links to propose: every likely pair is decided, or no claim fits a series.")
    for proposal in found:
        print(
            terminal_safe(
                f"{proposal.id}  score {proposal.score:g}  {proposal.claims:,} claims  "
                f"{proposal.series}  <->  {proposal.label}"
            )
        )
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    db = _db(args)
    row = reference_links.link(
        db,
        args.series,
        subject=args.subject,
        metric=args.metric,
        unit=args.unit,
        reviewer=args.reviewer,
        note=args.note,
    )
    _print_decision("Linked", row)
    if reference_links.claims_covered(db, row) == 0:
        print("note: no claim has this key yet; claims added later will be checked.")
    return 0


def cmd_accept(args: argparse.Namespace) -> int:
    row = reference_links.accept(_db(args), args.id, reviewer=args.reviewer, note=args.note)
    _print_decision("Linked", row)
    return 0


def cmd_reject(args: argparse.Namespace) -> int:
    row = reference_links.reject(_db(args), args.id, reviewer=args.reviewer, note=args.note)
    _print_decision("Rejected", row)
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    row = reference_links.undo(_db(args), args.id, reviewer=args.reviewer, note=args.note)
    state = {"accepted": "linked", "rejected": "rejected"}.get(row["state"], "undecided")
    print(terminal_safe(f"Undid the latest decision on {row['id']}: it is now {state}."))
    return 0


def _print_decision(verb: str, row: dict) -> None:
    key = reference_links.key_label(row["subject_key"], row["metric_key"], row["unit_key"])
    print(terminal_safe(f"{verb} {row['series']!r} and {key} ({row['id']})."))


def cmd_links(args: argparse.Namespace) -> int:
    rows = reference_links.links(_db_to_read(args), series=args.series)
    if args.json:
        for row in rows:
            print(json.dumps(row))
        return 0
    if not rows:
        print("No links yet: `python -m claims reference proposals` suggests some.")
    for row in rows:
        print(
            terminal_safe(
                f"{row['id']}  {row['series']}  <->  {row['key']}  ({row['claims']:,} claims)"
            )
        )
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    for row in reference_links.decision_log(_db_to_read(args), limit=args.limit):
        if args.json:
            print(json.dumps(row))
            continue
        key = reference_links.key_label(row["subject_key"], row["metric_key"], row["unit_key"])
        note = f"  ({row['note']})" if row["note"] else ""
        print(
            terminal_safe(
                f"{row['at']}  {row['reviewer']}  {row['action']}  {row['link_id']}  "
                f"{row['series']}  <->  {key}{note}"
            )
        )
    return 0
