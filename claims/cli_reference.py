"""`python -m claims reference ...`: official series beside the claims (claims.reference).

reference add FILE --name NAME --unit UNIT --frequency F [--date-column C]
              [--value-column C] [--filter COLUMN=VALUE ...] [--means M]
              [--publisher P] [--url U] [--duplicates refuse|first|last]
reference fetch dbnomics PROVIDER/DATASET/SERIES [--name N] [--unit U] [--frequency F]
reference fetch worldbank INDICATOR:ECONOMY [--name N] [--unit U] [--frequency F]
reference derive SOURCE --name NAME [--transform yoy]
reference list [--json]
reference show NAME [--vintage N] [--json]
reference pack [FOLDER]          the shipped pack (data/reference) or another
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from claims import config, reference, store
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
                f"vintage {row['vintage']}"
            )
        )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    for period, value in reference.observations(_db_to_read(args), args.name, args.vintage):
        if args.json:
            print(json.dumps({"period": period, "value": value}))
        else:
            print(f"{period}\t{value:g}")
    return 0


def cmd_pack(args: argparse.Namespace) -> int:
    folder = Path(args.folder) if args.folder else config.REFERENCE_DIR
    for result in reference.load_pack(_db(args), folder):
        print(terminal_safe(result))
    return 0
