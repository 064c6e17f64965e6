"""What the browser tests and bench/page_speed.py share: starting and waiting on the app."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
PAGES = {"overview": "", "add": "add", "claims": "claims", "queue": "queue", "timeline": "timeline",
         "compare": "compare", "sources": "sources", "reference": "reference"}  # fmt: skip
# The app is idle once nothing has run or drawn for this long.
QUIET_SECONDS = 0.8
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError("streamlit did not become healthy")


def settle(tab, timeout: float = 30) -> None:
    """Wait until the app has finished running and drawing."""
    tab.wait_for_selector("[data-testid='stApp']", timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    quiet_since = None
    while time.monotonic() < deadline:
        busy = tab.evaluate(
            "() => !!document.querySelector(\"[data-testid='stStatusWidget']\") || "
            "!!document.querySelector(\"[data-testid='stSkeleton']\") || "
            "!document.querySelector(\"[data-testid='stMainBlockContainer'] h1\")"
        )
        if busy:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since > QUIET_SECONDS:
            return
        time.sleep(0.15)
    raise TimeoutError("the app did not settle")


@contextmanager
def running_app(ledger: Path, log_folder: Path, **env_extra: str):
    """The dashboard on a free port over `ledger`; its URL."""
    port = free_port()
    log = (log_folder / "streamlit.log").open("w")
    env = {**os.environ, "CLAIMS_DB": str(ledger), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
           **env_extra}  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "scripts/dashboard.py", "--server.headless", "true",
         "--server.port", str(port), "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
