"""AppTest fixtures: the dashboard over a copy of a small sample ledger."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from claims import config, ingest
from tests import sample_ledger

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGES = {
    "overview": "pages/overview_page.py",
    "add": "pages/add_page.py",
    "claims": "pages/claims_page.py",
    "queue": "pages/queue_page.py",
    "timeline": "pages/timeline_page.py",
    "compare": "pages/compare_page.py",
    "sources": "pages/sources_page.py",
    "reference": "pages/reference_page.py",
}


@pytest.fixture(autouse=True)
def navigation_not_pages_folder(monkeypatch):
    """Run app.py (st.navigation) on every AppTest run, as the server does.

    The server stops treating pages/ as an old-style pages folder once app.py
    has called st.navigation; AppTest re-detects the folder before each run
    and would then run a page script without app.py (and its sidebar).
    """
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture(scope="session")
def ledger_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "ledger.db"
    sample_ledger.build(path, articles=30).close()
    return path


@pytest.fixture
def ledger_path(ledger_template, tmp_path, monkeypatch) -> Path:
    """A fresh copy of the sample ledger, opened by the app through CLAIMS_DB."""
    path = tmp_path / "claims.db"
    shutil.copy(ledger_template, path)
    monkeypatch.setenv(config.ENV_VAR, str(path))
    return path


@pytest.fixture
def simple_extractor(monkeypatch):
    """Extraction by the sample ledger's simple pattern: the page, not the extractor, is
    under test (the browser test runs the real one)."""

    def extract(text: str, published: str | None = None):
        return sample_ledger.simple_claims(text, published, None)

    monkeypatch.setattr(ingest, "extract_for_ingest", extract)


def open_page(name: str, *, query: dict | None = None, reviewer: str | None = None) -> AppTest:
    """Run the app, then the named page (query params set before its first run)."""
    at = AppTest.from_file(APP, default_timeout=60)
    if reviewer:
        at.session_state["reviewer"] = reviewer
    at.run()
    if name != "overview" or query:
        at.switch_page(PAGES[name])
        if query:
            at.query_params.update(query)
        at.run()
    return at


def texts(at: AppTest) -> str:
    """Everything the page wrote as text, markdown, alerts and HTML, joined."""
    parts = []
    for kind in ("markdown", "text", "caption", "info", "success", "warning", "error", "title",
                 "subheader"):  # fmt: skip
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [str(e.proto.body) for e in at.get("html")]
    return "\n".join(parts)
