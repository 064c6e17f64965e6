"""Take the README's screenshots: the real pages over the sample ledger `init` builds.

    .venv/bin/python scripts/readme_screenshots.py [--out docs/screenshots]

Builds a fresh sample ledger in a temporary folder (the one `make dashboard` opens),
starts the dashboard on a free port and photographs each page in headless Chromium
(Debian's `chromium`, driven by Playwright, as the browser tests do).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.harness import CHROMIUM, LAUNCH_ARGS, running_app, settle  # noqa: E402

# (file name, page path and query)
SHOTS = (
    ("overview", ""),
    ("claims", "claims"),
    ("timeline", "timeline"),
    ("compare", "compare"),
    ("review-queue", "queue?status=unreviewed"),
)
WIDTH, HEIGHT = 1400, 1100


def build_ledger(folder: Path) -> Path:
    path = folder / "claims.db"
    subprocess.run([sys.executable, "-m", "claims", "init", "--db", str(path)], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    return path


def take(out: Path, ledger: Path, log_folder: Path) -> None:
    from playwright.sync_api import sync_playwright

    with running_app(ledger, log_folder) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        tab = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        for name, path in SHOTS:
            tab.goto(f"{url}/{path}")
            settle(tab, timeout=60)
            tab.screenshot(path=str(out / f"{name}.png"))
            print(out / f"{name}.png")
        browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        ledger = build_ledger(Path(folder))
        take(args.out, ledger, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
