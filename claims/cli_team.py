"""`python -m claims assign|unassign|comment|comments ...`: teamwork from the shell (claims.team).

assign CLAIM_ID [CLAIM_ID ...] REVIEWER [--reviewer WHO] [--note N] [--new-reviewer]
unassign CLAIM_ID [CLAIM_ID ...] [--reviewer WHO] [--note N]
comment CLAIM_ID TEXT [--reviewer WHO]        (TEXT "-": read it from stdin)
comments CLAIM_ID [--json]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from claims import team
from claims.model import ClaimsError, terminal_safe


def add_commands(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("assign", "Assign claims to a reviewer (logged: who assigned whom, when).")
    p.set_defaults(run=cmd_assign)
    p.add_argument("claim_ids", nargs="+", metavar="CLAIM_ID")
    p.add_argument("assignee", metavar="REVIEWER", help="who is to review them")
    _who(p, "assigns")
    p.add_argument("--note", help="why (optional)")
    p.add_argument(
        "--new-reviewer",
        action="store_true",
        help="REVIEWER has not worked in this ledger yet (else such a name is refused as a typo)",
    )

    p = add("unassign", "Take claims off whoever they are assigned to.")
    p.set_defaults(run=cmd_unassign)
    p.add_argument("claim_ids", nargs="+", metavar="CLAIM_ID")
    _who(p, "unassigns")
    p.add_argument("--note", help="why (optional)")

    p = add("comment", "Add a comment to a claim's thread (comments cannot be changed).")
    p.set_defaults(run=cmd_comment)
    p.add_argument("claim_id", metavar="CLAIM_ID")
    p.add_argument("text", metavar="TEXT", help="the comment ('-' to read it from stdin)")
    _who(p, "writes it")

    p = add("comments", "Print a claim's comment thread, oldest first.")
    p.set_defaults(run=cmd_comments)
    p.add_argument("claim_id", metavar="CLAIM_ID")
    p.add_argument("--json", action="store_true", help="one JSON object per comment")


def _who(parser: argparse.ArgumentParser, does: str) -> None:
    parser.add_argument("--reviewer", default="cli", help=f"who {does} (default: cli)")


def _ids(raw_ids: list[str]) -> list[int]:
    from claims.cli import parse_claim_id

    return [parse_claim_id(raw) for raw in raw_ids]


def _claims_text(ids: list[int]) -> str:
    return f"Claim {ids[0]}" if len(ids) == 1 else f"{len(ids)} claims"


def cmd_assign(args: argparse.Namespace) -> int:
    from claims.cli import open_db

    ids = _ids(args.claim_ids)
    try:
        changed = team.assign(
            open_db(args), ids, args.assignee, by=args.reviewer, note=args.note,
            new_reviewer=args.new_reviewer,
        )  # fmt: skip
    except team.UnknownReviewerError as exc:
        raise ClaimsError(f"{exc} (--new-reviewer)") from None
    name = terminal_safe(team.reviewer_name(args.assignee))
    if not changed:
        print(f"{_claims_text(ids)} already assigned to {name}; nothing changed.")
    else:
        print(f"{_claims_text(changed)} assigned to {name}.")
    return 0


def cmd_unassign(args: argparse.Namespace) -> int:
    from claims.cli import open_db

    ids = _ids(args.claim_ids)
    changed = team.unassign(open_db(args), ids, by=args.reviewer, note=args.note)
    if not changed:
        print(f"{_claims_text(ids)} had no assignee; nothing changed.")
    else:
        print(f"{_claims_text(changed)} no longer assigned.")
    return 0


def cmd_comment(args: argparse.Namespace) -> int:
    from claims.cli import open_db

    (claim_id,) = _ids([args.claim_id])
    text = sys.stdin.read() if args.text == "-" else args.text
    comment = team.add_comment(open_db(args), claim_id, text, author=args.reviewer)
    print(f"Comment {comment['id']} added to claim {claim_id}.")
    return 0


def cmd_comments(args: argparse.Namespace) -> int:
    from claims.cli import json_line, open_db_to_read
    from claims.store import get_claim

    (claim_id,) = _ids([args.claim_id])
    db = open_db_to_read(args)
    get_claim(db, claim_id)  # "No claim with id N." rather than an empty thread
    for comment in team.comments_of(db, claim_id):
        if args.json:
            print(json_line(comment))
        else:
            print(terminal_safe(f"{comment['at']}  {comment['author']}: {comment['text']}"))
    return 0
