"""kill -9 of a bulk ingest at 20 moments (issue 9).

`python -m claims ingest` runs over 40 invented articles (a JSON Lines file,
or a folder of .txt files) into a new database and is killed with SIGKILL at a
moment chosen by a seeded random generator: before any article lands (while
the interpreter starts or the schema is created), or after a chosen number of
articles have landed plus a few milliseconds (in the middle of extracting or
writing the next one). After each kill:

- PRAGMA integrity_check is ok;
- every stored article has all of its claims (an article lands whole or not
  at all), and the summary counts agree with the rows;
- running the same ingest again adds exactly the articles that are missing,
  and the ledger ends with 40 sources and the expected claims, no duplicates.

Each moment starts one process; the resumption runs in this process through
the same library call the command makes; a separate test resumes with the
command. Three moments run at a time, each with its own database.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from claims import config, ingest, store
from claims.extract import extract_claims
from tests.test_processes import running

# Seconds each: processes started and killed over and over. `make test-fast` skips them.
pytestmark = pytest.mark.slow

ARTICLES = 40
MOMENTS = 20
SEED = 20261127
CLI_RESUME_MOMENT = 13  # this one resumes by running the command again
PARALLEL_MOMENTS = 3
PLACES = ["Portvale", "Eastmarsh", "Lune", "Kestrel Bay", "Harrowgate", "Millbrook", "Ostend Vale"]
THINGS = ["harbour fees", "ferry fares", "rents", "water bills", "bus tickets", "council tax"]


def invented_article(n: int) -> str:
    """A short made-up news item with obvious numbers in it."""
    place, thing = PLACES[n % len(PLACES)], THINGS[n % len(THINGS)]
    return (
        f"{thing.capitalize()} in {place} rise again (item {n})\n\n"
        f"{thing.capitalize()} in {place} rose {n % 9 + 2} percent in 2023, "
        f"the {place} council said on Tuesday.\n\n"
        f"About {1_000 + 37 * n:,} households will pay more, and officials expect "
        f"a further {n % 5 + 1} percent rise in 2024."
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The 40 articles as a .jsonl file and as a folder, and the claims each should get."""
    root = tmp_path_factory.mktemp("crash-corpus")
    texts = [invented_article(n) for n in range(ARTICLES)]
    jsonl = root / "articles.jsonl"
    jsonl.write_text(
        "".join(json.dumps({"text": t, "title": f"Item {n}"}) + "\n" for n, t in enumerate(texts))
    )
    folder = root / "articles"
    folder.mkdir()
    for n, text in enumerate(texts):
        (folder / f"item-{n:02d}.txt").write_text(text, encoding="utf-8")
    expected = {text: len(extract_claims(text)) for text in texts}
    assert min(expected.values()) >= 1  # every article has at least one claim to lose
    return {"jsonl": jsonl, "folder": folder, "expected": expected}


class _Progress:
    """How many articles the running ingest has committed, read without disturbing it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn: sqlite3.Connection | None = None

    def landed(self) -> int:
        """0 until the database and its schema exist."""
        try:
            if self.conn is None:
                if not self.path.exists():
                    return 0
                self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=1)
            return self.conn.execute("SELECT count(*) FROM sources").fetchone()[0]
        except sqlite3.Error:
            return 0

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def _command(source: Path, db_path: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "claims",
        "ingest",
        str(source),
        "--db",
        str(db_path),
        "--workers",
        "1",
        "--no-progress",
    ]


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != config.ENV_VAR}


def _run_and_kill(source: Path, db_path: Path, target: int, extra: float) -> int | None:
    """Start the ingest; SIGKILL it once `target` articles landed and `extra` s passed.

    target < 0 means: kill after `extra` seconds, whatever it is doing.
    Returns the exit status (-9 when the kill hit a running process).
    """
    process = subprocess.Popen(
        _command(source, db_path),
        cwd=config.PROJECT_DIR,
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    progress = _Progress(db_path)
    try:
        if target >= 0:
            deadline = time.monotonic() + 60
            while (
                progress.landed() < target
                and process.poll() is None
                and time.monotonic() < deadline
            ):
                time.sleep(0.003)
        time.sleep(extra)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        progress.close()
    return process.returncode


def moments() -> list[tuple[int, int, float, str]]:
    """(moment, articles landed before the kill or -1, extra seconds, input kind)."""
    rng = random.Random(SEED)
    chosen = []
    for moment in range(MOMENTS):
        if moment % 5 == 0:
            # Before anything lands: during start-up, schema creation or the first article.
            chosen.append((moment, -1, rng.uniform(0.3, 2.0), "jsonl"))
        else:
            kind = "jsonl" if moment % 2 else "folder"
            chosen.append((moment, rng.randrange(0, ARTICLES), rng.uniform(0, 0.012), kind))
    return chosen


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _one_moment(corpus, db_path: Path, moment: int, target: int, extra: float, kind: str):
    """Kill one run, check what it left, resume it; returns (exit status, articles landed)."""
    expected = corpus["expected"]
    status = _run_and_kill(corpus[kind], db_path, target, extra)

    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], moment
    conn.close()
    db = store.connect(db_path)  # also finishes a schema creation the kill cut short
    try:
        stored = {row["text"]: row["id"] for row in db["sources"].rows}
        for text, source_id in stored.items():
            claims = db.execute(
                "SELECT count(*) FROM claims WHERE source_id = ?", [source_id]
            ).fetchone()[0]
            assert claims == expected[text], (moment, source_id)  # all of them, or no source
        assert store.stats(db)["claims"] == db["claims"].count, moment
        landed = len(stored)

        if moment == CLI_RESUME_MOMENT:
            missing_claims = sum(n for text, n in expected.items() if text not in stored)
            done = subprocess.run(
                _command(corpus[kind], db_path),
                cwd=config.PROJECT_DIR,
                env=_env(),
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert (done.returncode, done.stderr) == (0, ""), moment
            # A kill late in the run leaves one article: "1 source added", no plural.
            assert done.stdout == (
                f"{_count(ARTICLES - landed, 'source')} added, "
                f"{_count(landed, 'duplicate')}, 0 failures, "
                f"{_count(missing_claims, 'claim')} added.\n"
            )
        else:
            summary = ingest.ingest_many(db, [corpus[kind]], workers=1)
            assert (summary.added, summary.duplicates, summary.failures) == (
                ARTICLES - landed,
                landed,
                [],
            ), moment
        texts = [row["text"] for row in db["sources"].rows]
        assert sorted(texts) == sorted(expected), moment  # each article exactly once
        assert db["claims"].count == sum(expected.values()), moment
        assert store.stats(db)["claims"] == sum(expected.values()), moment
    finally:
        db.close()
    return status, landed


def test_a_bulk_ingest_killed_at_twenty_moments_is_intact_and_resumes(corpus, tmp_path):
    # Three moments at a time: most of each run is the interpreter starting.
    with ThreadPoolExecutor(PARALLEL_MOMENTS) as pool:
        futures = [
            pool.submit(_one_moment, corpus, tmp_path / f"moment-{m}.db", m, target, extra, kind)
            for m, target, extra, kind in moments()
        ]
        outcomes = [future.result() for future in futures]
    statuses = [status for status, _ in outcomes]
    landed_at_kill = [landed for _, landed in outcomes]
    # The kills were spread over the run: some before anything landed, most part way.
    assert statuses.count(-signal.SIGKILL) >= MOMENTS - 3, outcomes
    assert 0 in landed_at_kill, outcomes
    assert len([n for n in landed_at_kill if 0 < n < ARTICLES]) >= MOMENTS // 2, outcomes


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue  # the process ended while we looked
    return found


def test_a_parallel_ingest_killed_leaves_no_worker_and_resumes(corpus, tmp_path):
    db_path = tmp_path / "parallel.db"
    command = _command(corpus["jsonl"], db_path)
    command[command.index("--workers") + 1] = "2"  # 40 articles: extraction in 2 processes
    process = subprocess.Popen(
        command, cwd=config.PROJECT_DIR, env=_env(), stdout=subprocess.DEVNULL
    )
    progress = _Progress(db_path)
    deadline = time.monotonic() + 60
    while progress.landed() < 3 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.003)
    progress.close()
    workers = _children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL and workers  # killed while extracting
    deadline = time.monotonic() + 10
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(running(pid) for pid in workers)  # they saw their parent go, and left

    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    db = store.connect(db_path)
    try:
        landed = db["sources"].count
        summary = ingest.ingest_many(db, [corpus["jsonl"]], workers=2)
        assert (summary.added, summary.duplicates, summary.failures) == (
            ARTICLES - landed,
            landed,
            [],
        )
        assert db["claims"].count == sum(corpus["expected"].values())
    finally:
        db.close()
