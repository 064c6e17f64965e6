"""Opening the ledger in Datasette: data/datasette-metadata.json's claim search.

Datasette searches a table through `<fts_pk> IN (SELECT rowid FROM <fts_table> ...)`,
and claims_fts's rowid is a publication-order key, not the claim id, so the
claims table cannot use Datasette's own search box. The metadata's search_claims
query joins on claims_fts.claim_id instead; these tests hold it to what the
dashboard's search finds.
"""

import asyncio
import json
import sqlite3

import pytest

from claims import config, store
from claims.query import fts_query
from tests.conftest import numeric_claim

METADATA = json.loads((config.DATA_DIR / "datasette-metadata.json").read_text(encoding="utf-8"))
SEARCH_SQL = METADATA["databases"]["claims"]["queries"]["search_claims"]["sql"]

# Three articles, the oldest stored last: a claim's id says nothing of its date.
ARTICLES = [
    ("2023-03-01", "Unemployment fell to 3.4 per cent in January.\n\nExports rose 2 per cent."),
    ("2023-05-01", "The unemployment rate held at 3.7 per cent in April."),
    ("2022-11-01", "Jobless claims were 200,000 last week, and unemployment was 3.6 per cent."),
]


@pytest.fixture
def ledger(tmp_path):
    """data/claims.db's name (Datasette names a database after its file), three
    articles; returns the path and the ids of the live claims about unemployment,
    newest published first."""
    path = tmp_path / "claims.db"
    db = store.connect(path)
    for published, text in ARTICLES:
        claims = [
            numeric_claim(text, surface, float(surface.split()[0].replace(",", "")), unit="x")
            for surface in ("3.4 per cent", "2 per cent", "3.7 per cent", "200,000", "3.6 per cent")
            if surface in text
        ]
        store.add_source(db, text, claims, title=f"Jobs {published}", published=published)
    rows = list(db.query("SELECT id, sentence FROM claims ORDER BY published DESC, id DESC"))
    about_unemployment = [r["id"] for r in rows if "unemployment" in r["sentence"].lower()]
    db.close()
    return path, about_unemployment


def test_search_claims_finds_the_claims_holding_the_word_newest_first(ledger):
    # Run as Datasette runs it, with the dashboard's own word quoting standing in
    # for Datasette's escape_fts (both make each word a quoted term).
    path, about_unemployment = ledger
    with sqlite3.connect(path) as conn:
        conn.create_function("escape_fts", 1, fts_query)
        found = [row[0] for row in conn.execute(SEARCH_SQL, {"q": "unemployment"})]
    assert len(about_unemployment) == 4  # of five claims
    assert found == about_unemployment


def test_search_claims_leaves_out_vanished_claims(ledger):
    path, about_unemployment = ledger
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE claims SET vanished = 1 WHERE id = ?", [about_unemployment[0]])
        conn.create_function("escape_fts", 1, fts_query)
        found = [row[0] for row in conn.execute(SEARCH_SQL, {"q": "unemployment"})]
    assert found == about_unemployment[1:]


def test_datasette_serves_the_search_with_the_shipped_metadata(ledger):
    datasette_app = pytest.importorskip("datasette.app", reason="datasette is not installed")
    path, about_unemployment = ledger
    datasette = datasette_app.Datasette([str(path)], metadata=METADATA)

    async def get(url):
        return (await datasette.client.get(url)).json()

    rows = asyncio.run(get("/claims/search_claims.json?q=unemployment&_shape=array"))
    assert [row["id"] for row in rows] == about_unemployment
    assert all("unemployment" in row["sentence"].lower() for row in rows)
    # A phrase with a stray quote or dash is not an FTS syntax error to a user.
    assert asyncio.run(get("/claims/search_claims.json?q=%22unemployment+-rate&_shape=array"))
