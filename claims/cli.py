"""The ledger from the shell: `python -m claims COMMAND ...`.

Every command takes --db FILE (else $CLAIMS_DB, else data/claims.db; see
claims.config). A mistake a user can make prints one line and exits 2.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import signal
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from claims import config, store
from claims.model import (
    MAX_ID,
    STATUSES,
    ClaimsError,
    json_for_terminal,
    parse_id,
    terminal_safe,
)

USER_ERROR = 2

# Modules that add sub-commands of their own area through add_commands(add).
_COMMAND_MODULES = (
    "claims.cli_ingest",
    "claims.cli_export",
    "claims.cli_reference",
    "claims.cli_checks",
    "claims.cli_corpus",
    "claims.cli_team",
)


def import_commands() -> list:
    """The modules that add sub-commands, imported."""
    return [importlib.import_module(name) for name in _COMMAND_MODULES]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m claims",
        description="The claim ledger: numeric and attributed claims from news articles.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument(
            "--db",
            metavar="FILE",
            help=f"database file (default: ${config.ENV_VAR} or {config.DEFAULT_DB})",
        )
        return p

    p = add("init", "Create or upgrade the database; fill an empty one with the sample articles.")
    p.set_defaults(run=cmd_init)
    p.add_argument("--no-samples", action="store_true", help="leave a new database empty")

    p = add("stats", "Counts of sources, claims, statuses and kinds.")
    p.set_defaults(run=cmd_stats)
    p.add_argument("--json", action="store_true", help="print JSON for machines")

    p = add("status", "Set a claim's verification status, with a note saying why.")
    p.set_defaults(run=cmd_status)
    p.add_argument("claim_id", metavar="CLAIM_ID")
    p.add_argument("status", metavar="STATUS", help=f"one of: {', '.join(STATUSES)}")
    p.add_argument("--note", required=True, help="why (required)")
    p.add_argument("--reviewer", default="cli", help="who made the change (default: cli)")
    p.add_argument("--evidence", metavar="URL", help="a link to the evidence")

    p = add("rekey", "Recompute every claim's comparable key after editing data/synonyms*.csv.")
    p.set_defaults(run=cmd_rekey)

    p = add("groups", "Print every group of comparable numeric claims, one JSON object a line.")
    p.set_defaults(run=cmd_groups)
    p.add_argument("--json", action="store_true", help="print JSON lines (the only format)")
    p.add_argument(
        "--min-sources",
        type=int,
        default=1,
        metavar="N",
        help="only groups stated by at least N articles (default 1: every claim, once)",
    )

    p = add("hash-password", "Print a salted hash of a password for the dashboard's sign-in.")
    p.set_defaults(run=cmd_hash_password)

    p = add("extract", "Print the claims of one plain-text article, one JSON object per line.")
    p.set_defaults(run=cmd_extract)
    p.add_argument("file", nargs="?", metavar="FILE", help="a UTF-8 text file ('-' for stdin)")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="the article's publication date")
    p.add_argument(
        "--jsonl",
        metavar="IN.jsonl",
        help='lines {"id","text","published"}; prints {"id","claims":[...]} per line',
    )

    for module in import_commands():
        module.add_commands(add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = None
    try:
        args = build_parser().parse_args(argv)
        return args.run(args)
    except ClaimsError as exc:
        print(f"error: {terminal_safe(exc)}", file=sys.stderr)
        return USER_ERROR
    except sqlite3.DatabaseError as exc:
        if store.is_damage(exc):
            path = config.database_path(getattr(args, "db", None))
            print(f"error: {terminal_safe(store.damaged_message(path))}", file=sys.stderr)
        else:
            print(f"error: the database could not be used: {terminal_safe(exc)}.", file=sys.stderr)
        return USER_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader stopped early (`| head`): not an error to report. Standard
        # output goes nowhere from here, so Python's last flush cannot fail too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + signal.SIGPIPE


def open_db(args: argparse.Namespace, *, must_exist: bool = True):
    """The ledger for a command that writes: init may create it, the others need one."""
    path = config.database_path(args.db)
    return store.open_existing(path) if must_exist else store.connect(path)


def open_db_to_read(args: argparse.Namespace):
    """The ledger, read-only, for a command that only reads: the file is never changed."""
    return open_to_read(config.database_path(args.db))


def open_to_read(path: Path):
    db = store.open_for_reading(path)
    if notice := store.newer_version_notice(db, path):
        print(f"note: {terminal_safe(notice)}", file=sys.stderr)
    return db


def cmd_init(args: argparse.Namespace) -> int:
    db = open_db(args, must_exist=False)
    path = config.database_path(args.db)
    if db["sources"].count == 0 and not args.no_samples:
        from claims.ingest import load_samples
        from claims.reference import load_pack

        summary = load_samples(db, config.SAMPLES_DIR)
        print(f"Loaded the sample articles: {summary}")
        series = load_pack(db, config.REFERENCE_DIR)
        print(f"Loaded {len(series)} official reference series (data/reference).")
    rekeyed = store.rekey_if_stale(db)
    if rekeyed is not None:
        print(f"Re-keyed {rekeyed:,} claims: the synonym table or the key rules changed.")
    counts = store.stats(db)
    print(f"Database ready at {path}: {counts['sources']} sources, {counts['claims']} claims.")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    counts = store.stats(open_db_to_read(args))
    if args.json:
        print(json.dumps(counts, indent=2))
        return 0
    print(f"sources  {counts['sources']}")
    print(f"claims   {counts['claims']}")
    print(f"reviews  {counts['reviews']}")
    for label, group in (("status", counts["by_status"]), ("kind", counts["by_kind"])):
        for name, count in group.items():
            print(f"  {label} {name:<14} {count}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    claim_id = parse_claim_id(args.claim_id)
    db = open_db(args)
    claim = store.set_status(
        db,
        claim_id,
        args.status,
        note=args.note,
        reviewer=args.reviewer,
        evidence_url=args.evidence,
    )
    print(f"Claim {claim['id']} is now {claim['status']}.")
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    count = store.recompute_claim_keys(open_db(args))
    print(f"Recomputed the comparable key of every claim ({count:,}).")
    return 0


def cmd_hash_password(args: argparse.Namespace) -> int:
    from getpass import getpass

    from claims.auth import hash_password

    password = getpass("Password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    print(hash_password(password))
    print(
        'Put it in .streamlit/secrets.toml as:\n[ledger]\npassword_hash = "..."',
        file=sys.stderr,
    )
    return 0


def parse_claim_id(raw: str) -> int:
    claim_id = parse_id(raw)
    if claim_id is None:
        raise ClaimsError(f"A claim id is a whole number from 1 to {MAX_ID}, not {raw!r}.")
    return claim_id


def cmd_extract(args: argparse.Namespace) -> int:
    from claims.extract import extract_claims

    if args.jsonl:
        for number, line in enumerate(_read_text(args.jsonl).splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                text, published = item["text"], item.get("published")
            except (json.JSONDecodeError, KeyError, TypeError):
                raise ClaimsError(f"{args.jsonl} line {number} is not a JSON article.") from None
            found = [c.to_dict() for c in extract_claims(text, published)]
            print(json_line({"id": item.get("id"), "claims": found}))
        return 0
    if not args.file:
        raise ClaimsError("Give a FILE to extract from, or --jsonl IN.jsonl.")
    text = sys.stdin.read() if args.file == "-" else _read_text(args.file)
    for claim in extract_claims(text, args.published):
        print(json_line(claim.to_dict()))
    return 0


def json_line(obj: object) -> str:
    """One line of JSON as readable as the text it holds, its control characters inert."""
    return json_for_terminal(json.dumps(obj, ensure_ascii=False))


def _read_text(path: str) -> str:
    from claims.readers.article import MAX_FILE_BYTES
    from claims.readers.files import read_file_bytes

    try:
        return read_file_bytes(Path(path), MAX_FILE_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ClaimsError(f"{path} is not UTF-8 text.") from None


def cmd_groups(args: argparse.Namespace) -> int:
    from claims.groups import all_groups

    if args.min_sources < 1:
        raise ClaimsError("--min-sources is a whole number of at least 1.")
    if not args.json:
        raise ClaimsError("groups prints JSON lines only: add --json.")
    for record in all_groups(open_db_to_read(args), min_sources=args.min_sources):
        print(json.dumps(record))  # ASCII: no control character reaches a terminal
    return 0
