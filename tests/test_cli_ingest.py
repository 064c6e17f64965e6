"""`python -m claims ingest` and `reextract`, run as a user would: subprocesses,
exit codes, one line per refusal."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from claims import config, store

ARTICLE = (
    "Jobs report\n\n"
    "Unemployment fell to 3.5 percent in March, the Labor Department said.\n\n"
    "Employers added 236,000 jobs."
)


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != config.ENV_VAR}
    return subprocess.run(
        [sys.executable, "-m", "claims", *args],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=config.PROJECT_DIR,
        env=env,
        timeout=180,
    )


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "ledger.db"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "jobs.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def sources(db_path) -> list[dict]:
    return list(store.connect(db_path)["sources"].rows_where(order_by="id"))


def test_help_lists_ingest_and_reextract():
    result = run("--help")
    assert result.returncode == 0
    assert "ingest" in result.stdout and "reextract" in result.stdout


def test_ingest_a_file_then_again_says_it_is_already_there(db_path, article):
    first = run("ingest", str(article), "--db", str(db_path))
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert re.fullmatch(
        rf"{re.escape(str(article))}: Added source 1 \(Jobs report\) with "
        r"(\d+) claims?\.",
        lines[0],
    )
    claims = store.connect(db_path)["claims"].count
    assert claims > 0
    assert lines[1] == f"1 source added, 0 duplicates, 0 failures, {claims} claims added."
    assert first.stderr == ""

    copy = article.with_name("copy.txt")
    copy.write_text(ARTICLE.replace("\n\n", "\n"))
    again = run("ingest", str(copy), "--db", str(db_path))
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == [
        f"{copy}: Already in the ledger as source 1 (Jobs report).",
        "0 sources added, 1 duplicate, 0 failures, 0 claims added.",
    ]
    assert len(sources(db_path)) == 1


def test_metadata_flags_describe_one_article(db_path, article):
    result = run(
        "ingest",
        str(article),
        "--db",
        str(db_path),
        "--title",
        "March jobs",
        "--publisher",
        "BLS",
        "--author",
        "Staff",
        "--published",
        "2023-04-07T08:30:00Z",
        "--url",
        "https://bls.example/jobs",
    )
    assert result.returncode == 0, result.stderr
    (source,) = sources(db_path)
    assert {k: source[k] for k in ("title", "publisher", "author", "published", "url")} == {
        "title": "March jobs",
        "publisher": "BLS",
        "author": "Staff",
        "published": "2023-04-07",
        "url": "https://bls.example/jobs",
    }


def test_text_from_standard_input(db_path):
    result = run("ingest", "-", "--title", "Pasted", "--db", str(db_path), stdin=ARTICLE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("standard input: Added source 1 (Pasted) with ")
    assert sources(db_path)[0]["text"] == ARTICLE


def test_refused_inputs_get_one_line_each_and_exit_2_while_the_rest_lands(
    db_path, article, tmp_path
):
    missing = tmp_path / "missing.txt"
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    result = run(
        "ingest",
        str(missing),
        str(article),
        "http://169.254.169.254/latest/meta-data/",
        str(empty),
        "--db",
        str(db_path),
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"refused: No file or folder at {missing}.",
        "refused: Refused to fetch http://169.254.169.254/latest/meta-data/: 169.254.169.254 "
        "is not a public internet address (loopback, private, link-local, multicast and "
        "reserved addresses are refused).",
        f"refused: {empty} is empty: there is no text to store.",
    ]
    assert result.stdout.splitlines()[-1].startswith("1 source added, 0 duplicates, 3 failures, ")
    assert [s["title"] for s in sources(db_path)] == ["Jobs report"]


def test_a_bad_file_in_a_folder_is_reported_while_the_others_land(db_path, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "b.md").write_text("# Rates\n\nThe Fed raised its rate to 5.5 percent.")
    (folder / "c.txt").write_bytes(bytes(range(256)) * 4)
    result = run("ingest", str(folder), "--db", str(db_path))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"refused: {folder / 'c.txt'} looks binary, not text; give a text, Markdown or HTML file."
    ]
    assert re.fullmatch(
        r"2 sources added, 0 duplicates, 1 failure, \d+ claims added\.",
        result.stdout.splitlines()[-1],
    )
    assert [s["title"] for s in sources(db_path)] == ["Jobs report", "Rates"]


def test_a_jsonl_line_that_is_not_json_is_named(db_path, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"text": "Rates rose 2 percent."}\n{"text": \n{"text": "GDP grew 3 percent."}\n'
    )
    result = run("ingest", str(path), "--db", str(db_path))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"refused: {path} line 2 is not valid JSON (Expecting value)."
    ]
    assert len(sources(db_path)) == 2


def test_metadata_flags_with_several_inputs_are_an_error(db_path, article):
    result = run("ingest", str(article), str(article), "--title", "X", "--db", str(db_path))
    assert result.returncode == 2
    assert result.stderr == (
        "error: --title can only describe one article; give exactly one input, not 2.\n"
    )
    assert not db_path.exists() or sources(db_path) == []


def test_a_bad_date_flag_is_an_error(db_path, article):
    result = run("ingest", str(article), "--published", "soon", "--db", str(db_path))
    assert result.returncode == 2
    assert result.stderr == "error: Publication date 'soon' is not a date; use YYYY-MM-DD.\n"


def test_reextract_needs_an_existing_database(tmp_path):
    result = run("reextract", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 2
    assert result.stderr.startswith("error: No database at ")


def test_reextract_reports_a_summary(db_path, article):
    assert run("ingest", str(article), "--db", str(db_path)).returncode == 0
    claims = store.connect(db_path)["claims"].count
    result = run("reextract", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"1 source re-extracted: 0 new claims, 0 updated, {claims} unchanged, "
        "0 marked vanished, 0 kept as reviewed or edited, 0 failures.\n"
    )


def test_init_fills_an_empty_database_with_the_samples(db_path):
    result = run("init", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "Loaded the sample articles: 84 sources added, 0 duplicates, 0 failures, "
    )
    rows = sources(db_path)
    assert len(rows) == 84
    assert (rows[0]["publisher"], rows[0]["published"]) == ("The Straits Times", "2021-01-06")
