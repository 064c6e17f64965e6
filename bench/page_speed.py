"""Open every dashboard page against a large ledger in headless Chromium.

    .venv/bin/python bench/page_speed.py [--db bench/out/big.db] [--repeat 3]

Starts the dashboard (scripts/dashboard.py, as `make dashboard` does) on a free
port with CLAIMS_DB pointing at the database, opens each page in Debian's
chromium (Playwright, executable_path) and reports the time from navigation
until the app is idle (no running indicator, no skeleton, the page title
drawn), then the Streamlit server's RSS. Targets (issue 8): every page idle
within 3 s, server RSS under 500 MB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.harness import (  # noqa: E402
    CHROMIUM,
    LAUNCH_ARGS,
    PAGES,
    QUIET_SECONDS,
    free_port,
    settle,
    wait_healthy,
)


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (Streamlit has none), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "big.db")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    port = free_port()
    env = {**os.environ, "CLAIMS_DB": str(args.db.resolve())}
    server = subprocess.Popen(
        [sys.executable, "scripts/dashboard.py", "--server.headless", "true",
         "--server.port", str(port), "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, server)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
            tab = browser.new_page(viewport={"width": 1400, "height": 1800})
            tab.goto(url)
            settle(tab, timeout=120)  # first visit: samples check, caches, imports
            print(f"{'page':<10} {'median s':>9} {'max s':>7}   (time until idle)")
            for name, path in PAGES.items():
                samples = []
                for _ in range(args.repeat):
                    started = time.perf_counter()
                    tab.goto(f"{url}/{path}")
                    settle(tab, timeout=120)
                    samples.append(time.perf_counter() - started - QUIET_SECONDS)
                print(f"{name:<10} {statistics.median(samples):>9.2f} {max(samples):>7.2f}")
            browser.close()
        print(f"\nStreamlit server RSS {rss_mb(server.pid):.0f} MB")
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
