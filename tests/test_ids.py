"""Ids from URLs and the command line: one parser, ASCII digits in SQLite's range only."""

from __future__ import annotations

import pytest

from claims import render
from claims.model import MAX_ID, parse_id
from tests.test_cli import run


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("7", 7), (" 42 ", 42), (["1", "9"], 9), (str(MAX_ID), MAX_ID), (12, 12)],
)
def test_ids_that_name_a_row(raw, expected):
    assert parse_id(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["", None, [], "0", "-3", "+7", "7_0", "²", "٣", "1e3", "3.0", str(MAX_ID + 1),
     "99999999999999999999999", "x"],
)  # fmt: skip
def test_anything_else_is_no_id(raw):
    assert parse_id(raw) is None


@pytest.mark.parametrize("raw", ["9223372036854775808", "²", "99999999999999999999999"])
def test_a_link_with_an_impossible_id_is_reported_not_raised(raw):
    view = render.view_from_params({"claim": raw, "source": raw, "page": raw})
    assert (view.claim_id, view.filter.source_id, view.page) == (None, None, 1)
    assert view.problems == [
        f"Ignored source {raw!r}: not a source id.",
        f"Ignored claim {raw!r}: not a claim id.",
    ]


def test_the_command_line_answers_an_impossible_claim_id_with_its_message(tmp_path):
    done = run("status", "9223372036854775808", "verified", "--note", "x",
               "--db", str(tmp_path / "l.db"))  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == (
        f"error: A claim id is a whole number from 1 to {MAX_ID}, not '9223372036854775808'.\n"
    )


def test_terminal_output_shows_control_characters_instead_of_obeying_them(tmp_path):
    from claims.model import terminal_safe

    assert terminal_safe("Title\x1b[31m red\x07 ok\n") == "Title\\x1b[31m red\\x07 ok\n"
    article = tmp_path / "story.txt"
    article.write_text("Bell\x07 Title\n\nProfits rose 5% in 2022.", encoding="utf-8")
    done = run("ingest", str(article), "--no-progress", "--db", str(tmp_path / "l.db"))
    assert done.returncode == 0, done.stderr
    assert "\x07" not in done.stdout and "\\x07" in done.stdout
