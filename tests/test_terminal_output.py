"""What the command line prints cannot drive the terminal: no ESC, BEL or C1 control
from an article's title, a speaker's name or a note reaches it as itself."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys

import pytest

from claims import config, store
from claims.model import TerminalSafeWriter, json_for_terminal
from tests.conftest import ARTICLE, numeric_claim
from tests.test_cli import run

# ESC [ 31m recolours, BEL rings, U+009B is the one-character form of ESC [.
HOSTILE = "\x1b[31mred\x07 \x9b2J"
CONTROLS = ("\x1b", "\x07", "\x9b")


@pytest.fixture
def hostile_ledger(tmp_path):
    path = tmp_path / "ledger.db"
    db = store.connect(path)
    claim = numeric_claim(ARTICLE, "5,000", 5000, unit="delegate", speaker=f"Speaker {HOSTILE}")
    store.add_source(db, ARTICLE, [claim], title=f"Title {HOSTILE}")
    db.close()
    return path


def run_on_a_terminal(*args: str) -> str:
    """What a command prints when its standard output is a terminal (a pseudo-terminal)."""
    leader, follower = pty.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "claims", *args],
        stdout=follower,
        stderr=subprocess.PIPE,
        cwd=config.PROJECT_DIR,
        timeout=120,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal is closed once everything is read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert done.returncode == 0, done.stderr
    return b"".join(chunks).decode("utf-8")


def no_controls(text: str) -> bool:
    return not any(c in text for c in CONTROLS)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json"])
def test_an_export_shown_on_a_terminal_shows_controls_instead_of_obeying_them(hostile_ledger, fmt):
    shown = run_on_a_terminal("export", "--format", fmt, "-o", "-", "--db", str(hostile_ledger))
    assert "Title" in shown and "Speaker" in shown
    assert no_controls(shown)
    if fmt == "csv":
        assert "\\x1b[31mred\\x07 \\x9b2J" in shown
    else:  # still JSON, holding the title exactly as stored
        lines = shown.splitlines()
        if fmt == "jsonl":
            titles = [json.loads(line).get("title") for line in lines]
        else:
            titles = [source["title"] for source in json.loads(shown)["sources"]]
        assert f"Title {HOSTILE}" in titles


def test_an_export_piped_to_a_program_keeps_the_text_as_stored(hostile_ledger):
    done = run("export", "--format", "jsonl", "-o", "-", "--db", str(hostile_ledger))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[0])["title"] == f"Title {HOSTILE}"


def test_a_binary_export_is_not_sent_to_a_terminal(hostile_ledger):
    leader, follower = pty.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "claims", "export", "--format", "xlsx", "-o", "-",
         "--db", str(hostile_ledger)],
        stdout=follower, stderr=subprocess.PIPE, text=True, cwd=config.PROJECT_DIR, timeout=120,
    )  # fmt: skip
    os.close(follower)
    os.close(leader)
    assert done.returncode == 2
    assert done.stderr == "error: xlsx is a binary format: give -o FILE or redirect the output.\n"


def test_extract_prints_valid_json_with_no_control_character(tmp_path):
    article = tmp_path / "a.txt"
    # The extractor makes the whole sentence a statement's surface.
    article.write_text(f"The agency said profits rose {HOSTILE} 5% in 2022.", encoding="utf-8")
    done = run("extract", str(article))
    assert done.returncode == 0, done.stderr
    assert done.stdout and no_controls(done.stdout)
    claims = [json.loads(line) for line in done.stdout.splitlines()]
    assert HOSTILE in [c["surface"] for c in claims][0]  # the text itself is kept


def test_errors_and_ingest_reports_show_controls(tmp_path, hostile_ledger):
    done = run("status", "1", HOSTILE, "--note", "x", "--db", str(hostile_ledger))
    assert done.returncode == 2 and no_controls(done.stderr)
    article = tmp_path / "story.txt"
    article.write_text(f"Title {HOSTILE}\n\nProfits rose 5% in 2022.", encoding="utf-8")
    done = run("ingest", str(article), "--no-progress", "--db", str(tmp_path / "new.db"))
    assert done.returncode == 0, done.stderr
    assert "Title \\x1b[31mred\\x07 \\x9b2J" in done.stdout and no_controls(done.stdout)


def test_a_control_character_split_across_writes_is_still_caught():
    out = io.BytesIO()
    writer = TerminalSafeWriter(out)
    encoded = "a\x9bb\r\nc\r".encode()
    for byte in encoded:  # one byte a write: "\xc2" and "\x9b" arrive apart
        writer.write(bytes([byte]))
    writer.flush()
    assert out.getvalue() == b"a\\x9bb\r\nc\\x0d"


def test_json_for_terminal_is_the_same_json():
    text = json.dumps({"title": HOSTILE, "del": "\x7f"}, ensure_ascii=False)
    safe = json_for_terminal(text)
    assert json.loads(safe) == json.loads(text) and no_controls(safe) and "\x7f" not in safe
