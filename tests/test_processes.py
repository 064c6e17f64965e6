"""Worker processes and the command line: no pandas, and no worker left behind."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def python(script: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )


def running(pid: int) -> bool:
    """Whether pid is a live process (a zombie waiting to be reaped is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def catches_sigterm(pid: int) -> bool:
    """Whether the process has a handler for SIGTERM (SigCgt in /proc/PID/status)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) & 1 << (signal.SIGTERM - 1))
    return False


def test_a_worker_leaves_when_the_process_that_started_it_is_killed():
    parent = python(
        "import os, time\n"
        "from claims.processes import worker_pool\n"
        "pool = worker_pool(1)\n"
        "print(pool.submit(os.getpid).result(), flush=True)\n"
        "time.sleep(60)\n"
    )
    worker = int(parent.stdout.readline())
    assert running(worker)
    parent.kill()  # no chance to shut its pool down
    parent.wait()
    deadline = time.monotonic() + 10
    while running(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not running(worker)


def test_workers_and_the_command_line_do_without_pandas():
    child = python(
        "import os, sys\n"
        "from claims.processes import worker_pool\n"
        "from claims import export\n"  # sqlite-utils would import pandas here
        "pool = worker_pool(1)\n"
        "print('pandas' in sys.modules and sys.modules['pandas'] is not None)\n"
        "imports = \"__import__('claims.export') and __import__('sys').modules.get('pandas')\"\n"
        "print(pool.submit(eval, imports).result())\n"
    )
    out, _ = child.communicate(timeout=60)
    # This process imported pandas (nothing kept it out); its worker did not.
    assert out.split() == ["True", "None"]
    cli = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "claims", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {
        line.rsplit("|", 1)[1].strip()
        for line in cli.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "sqlite_utils.db" in imported
    assert not [name for name in imported if name.split(".")[0] == "pandas"]


def test_the_command_line_stops_cleanly_when_it_is_terminated():
    # Waiting on standard input; terminated as by `kill` or `timeout`, it says
    # so and exits as after Ctrl-C, its cleanup run (no stack trace).
    command = subprocess.Popen(
        [sys.executable, "-m", "claims", "extract", "-"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not catches_sigterm(command.pid) and time.monotonic() < deadline:
        time.sleep(0.05)  # start-up: the handler is not there yet
    command.terminate()
    _, err = command.communicate(timeout=30)
    assert command.returncode == 130
    assert err.strip() == "interrupted"


@pytest.mark.slow  # a ledger exported through a pipe, seconds
def test_the_command_line_says_nothing_when_its_reader_stops_early(tmp_path):
    # `python -m claims export -o - | head`: head leaves, the command follows quietly.
    db = tmp_path / "claims.db"
    command = [sys.executable, "-m", "claims", "init", "--db", str(db)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    for args in (["stats"], ["export", "--format", "csv", "-o", "-"]):
        reader_gone = subprocess.Popen(
            [sys.executable, "-m", "claims", *args, "--db", str(db)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        reader_gone.stdout.close()  # before the command writes a line
        err = reader_gone.stderr.read()
        assert (reader_gone.wait(timeout=60), err) == (128 + signal.SIGPIPE, "")


def test_pyarrow_works_where_pandas_is_kept_out():
    # The command line keeps pandas out, and its Parquet writers build Arrow arrays:
    # pyarrow looks for pandas then, and must find it absent, not broken.
    script = (
        "from claims.processes import keep_pandas_out\n"
        "keep_pandas_out()\n"
        "import pyarrow as pa\n"
        "print(pa.array([1, None]).null_count)\n"
        "try:\n"
        "    import pandas\n"
        "except ImportError:\n"
        "    print('kept out')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["1", "kept", "out"], result.stderr
