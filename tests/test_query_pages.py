"""The dashboard's reads in claims.query: aggregates and tables (groups: test_groups)."""

from __future__ import annotations

import pytest

from claims import query, store
from claims.model import ClaimsError, ExtractedClaim

SQL_NASTIES = ["'", '"', "%", "_", "\\", "'; DROP TABLE claims; --", "a' OR '1'='1", "[", "*"]


def claim(text: str, surface: str, value: float, **fields) -> ExtractedClaim:
    start = text.index(surface)
    return ExtractedClaim(
        kind="numeric", surface=surface, surface_start=start, surface_end=start + len(surface),
        sentence_start=0, sentence_end=len(text), value=value, **fields,
    )  # fmt: skip


@pytest.fixture
def ledger(db):
    """Four sources stating the US unemployment rate for 2023-03, one an outlier."""
    stated = [
        ("Fed says 3.5 percent.", "3.5 percent", 3.5, "Fed", "2023-04-07"),
        ("BLS says 3.5 percent.", "3.5 percent", 3.5, "BLS", "2023-04-08"),
        ("Paper says 3.6 percent.", "3.6 percent", 3.6, "Paper", "2023-04-09"),
        ("Blog says 9 percent.", "9 percent", 9.0, "Blog", "2023-04-10"),
    ]
    for text, surface, value, speaker, published in stated:
        store.add_source(
            db, text,
            [claim(text, surface, value, unit="percent", subject="US",
                   metric="Unemployment rate" if speaker == "Fed" else "unemployment rate",
                   period="2023-03", speaker=speaker, confidence=0.9)],
            title=f"{speaker} article", publisher=speaker, published=published,
        )  # fmt: skip
    # A second claim of the Fed's source on another key, and one in another unit.
    text = "Fed: payrolls rose 236,000 in March, 0.2 percent."
    store.add_source(
        db, text,
        [claim(text, "236,000", 236000, unit="job", subject="US", metric="payrolls",
               period="2023-03", speaker="Fed"),
         claim(text, "0.2 percent", 0.2, unit="percent", subject="US", metric="payrolls",
               period="2023-03", speaker="Fed")],
        title="Jobs", publisher="Fed", published="2023-05-05",
    )  # fmt: skip
    return db


def test_claims_per_month_and_top_values(ledger):
    assert query.claims_per_month(ledger) == [
        {"month": "2023-04", "claims": 4},
        {"month": "2023-05", "claims": 2},
    ]
    top = query.top_values(ledger, "speaker", limit=2)
    assert top[0] == {"value": "Fed", "claims": 3}
    assert len(top) == 2
    with pytest.raises(ClaimsError):
        query.top_values(ledger, "sentence; DROP TABLE claims")


def test_recent_reviews_newest_first_with_their_claim(ledger):
    store.set_status(ledger, 1, "verified", note="checked", reviewer="ana")
    store.set_status(ledger, 2, "disputed", note="hmm", reviewer="bo")
    recent = query.recent_reviews(ledger, limit=5)
    assert [(r["claim_id"], r["reviewer"], r["new"]) for r in recent] == [
        (2, "bo", "disputed"),
        (1, "ana", "verified"),
    ]
    assert recent[0]["source_title"] == "BLS article"


def test_sources_table_has_counts_and_status_mix(ledger):
    store.set_status(ledger, 5, "false", note="n", reviewer="r")
    rows = query.sources_table(ledger)
    assert [r["title"] for r in rows][:2] == ["Jobs", "Blog article"]
    jobs = rows[0]
    assert (jobs["claims"], jobs["n_unreviewed"], jobs["n_false"]) == (2, 1, 1)
    assert query.count_sources(ledger) == 5
    assert [r["title"] for r in query.sources_table(ledger, search="blog")] == ["Blog article"]
    assert len(query.sources_table(ledger, limit=2, offset=4)) == 1


def test_speakers_table_counts_by_status(ledger):
    store.set_status(ledger, 1, "verified", note="n", reviewer="r")
    fed = next(r for r in query.speakers_table(ledger) if r["speaker"] == "Fed")
    assert (fed["claims"], fed["n_verified"], fed["n_unreviewed"]) == (3, 1, 2)


def test_source_choices_newest_first(ledger):
    assert [s["title"] for s in query.source_choices(ledger, limit=2)] == ["Jobs", "Blog article"]


@pytest.mark.parametrize("nasty", SQL_NASTIES)
def test_sql_metacharacters_are_ordinary_text_everywhere(ledger, nasty):
    f = query.ClaimFilter(search=nasty, speaker=nasty, subject=nasty, metric=nasty, unit=nasty)
    assert query.count_claims(ledger, f) == 0
    # A search without any word is no search at all: every claim, no error.
    assert len(query.list_claims(ledger, query.ClaimFilter(search=nasty))) in (0, 6)
    assert query.sources_table(ledger, search=nasty) == []
    assert query.count_sources(ledger, search=nasty) == 0
    assert query.source_choices(ledger, search=nasty) == []
    assert ledger["claims"].count == 6
