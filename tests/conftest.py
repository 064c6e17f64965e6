"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims import store
from claims.model import ExtractedClaim

# The reference ledger's fixtures (ledger, ledger_path), for the link and check tests.
pytest_plugins = ["tests.reference_ledger"]

ARTICLE = (
    "North Korea's economy likely shrank by 8.5 per cent in 2020, according to Fitch Solutions.\n\n"
    "The congress drew 5,000 delegates, the agency reported."
)


def pytest_collection_modifyitems(config, items):
    """Mark what `make test-fast` leaves to `make test`: the pages run through Streamlit's
    AppTest, and the modules that start processes (the command line, or writers racing
    for one ledger: each start imports the library afresh, a second or more)."""
    for item in items:
        if "pages" in Path(str(item.fspath)).parts:
            item.add_marker(pytest.mark.pages)
        module = getattr(item, "module", None)
        if module is not None and _starts_processes(module):
            item.add_marker(pytest.mark.process)


def _starts_processes(module) -> bool:
    run = getattr(module, "run", None)
    if hasattr(module, "subprocess") or hasattr(module, "multiprocessing"):
        return True
    return getattr(run, "__module__", "") == "tests.test_cli"


@pytest.fixture
def db(tmp_path):
    """A fresh, migrated database file for one test."""
    database = store.connect(tmp_path / "claims.db")
    yield database
    database.close()


def numeric_claim(text: str, surface: str, value: float, **fields) -> ExtractedClaim:
    """An extracted numeric claim for `surface` in `text`, sentence = its paragraph."""
    start = text.index(surface)
    sentence_start = text.rfind("\n", 0, start) + 1
    sentence_end = text.find("\n", start)
    return ExtractedClaim(
        kind="numeric",
        surface=surface,
        surface_start=start,
        surface_end=start + len(surface),
        sentence_start=sentence_start,
        sentence_end=len(text) if sentence_end == -1 else sentence_end,
        value=value,
        **fields,
    )


@pytest.fixture
def stored(db):
    """The database holding ARTICLE with two claims; returns (db, source_id, claim_ids)."""
    claims = [
        numeric_claim(
            ARTICLE,
            "8.5 per cent",
            -8.5,
            unit="percent",
            period="2020",
            subject="North Korea",
            metric="economy",
            speaker="Fitch Solutions",
        ),
        numeric_claim(ARTICLE, "5,000", 5000, unit="delegate"),
    ]
    source_id, _ = store.add_source(
        db, ARTICLE, claims, title="NK congress", published="2021-01-06"
    )
    ids = [row["id"] for row in db["claims"].rows_where(order_by="id")]
    return db, source_id, ids
