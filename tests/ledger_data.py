"""A small ledger with hostile values, shared by the export, import and CLI-export tests.

Built with store.add_source and ExtractedClaim directly, so that these tests
do not depend on the extractor.
"""

from __future__ import annotations

from claims import store
from claims.model import ExtractedClaim

FIRST_ARTICLE = (
    "North Korea's economy shrank by 8.5 per cent in 2020, said @SUM(A1).\n"
    "Inflation reached 4.2 per cent in March, the ministry said.\r\n"
    "\tThe congress drew 5,000 delegates."
)
SECOND_ARTICLE = (
    "Unemployment fell to 3.9 per cent in 2023, the statistics office said.\n"
    'Sales of "=HYPERLINK" rose 12 per cent, according to the trade group.'
)
HOSTILE_SUBJECT = '=HYPERLINK("http://x")'
HOSTILE_SPEAKER = "@SUM(A1)"
TAB_TEXT = "\tleading tab"


def claim_for(text: str, surface: str, value: float | None, **fields) -> ExtractedClaim:
    """A numeric claim for `surface` in `text`; its sentence is the surface's line."""
    start = text.index(surface)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end == -1 else line_end
    return ExtractedClaim(
        kind=fields.pop("kind", "numeric"),
        surface=surface,
        surface_start=start,
        surface_end=start + len(surface),
        sentence_start=line_start,
        sentence_end=line_end,
        value=value,
        **fields,
    )


def build_hostile_ledger(db) -> dict:
    """Two sources, five claims, a review history with hostile notes; returns ids by name."""
    first_id, _ = store.add_source(
        db,
        FIRST_ARTICLE,
        [
            claim_for(
                FIRST_ARTICLE,
                "8.5 per cent",
                -8.5,
                unit="percent",
                period="2020",
                subject=HOSTILE_SUBJECT,
                metric="GDP growth",
                speaker=HOSTILE_SPEAKER,
                speaker_org="Fitch",
                confidence=0.9,
            ),
            claim_for(
                FIRST_ARTICLE,
                "4.2 per cent",
                4.2,
                unit="percent",
                period="2020-03",
                subject="-cmd",
                metric="inflation",
                speaker="the ministry",
                hedge=TAB_TEXT,
            ),
            claim_for(FIRST_ARTICLE, "5,000", 5000, unit="delegate", approx="+1"),
        ],
        url="https://news.example/nk?a=1&b=2",
        title="+North Korea's economy",
        publisher="Example News",
        author="A. Writer",
        published="2021-01-06",
        retrieved="2021-01-07T08:00:00+00:00",
        language="en",
    )
    second_id, _ = store.add_source(
        db,
        SECOND_ARTICLE,
        [
            claim_for(
                SECOND_ARTICLE,
                "3.9 per cent",
                3.9,
                unit="percent",
                period="2023",
                subject="unemployment",
                metric="rate",
                speaker="the statistics office",
            ),
            claim_for(SECOND_ARTICLE, "12 per cent", 12, unit="percent", subject="sales"),
        ],
        url="https://other.example/jobs",
        title="Jobs report",
        publisher="Other Daily",
        published="2023-05-01",
    )
    ids = [row["id"] for row in db["claims"].rows_where(order_by="id")]
    gdp, inflation, delegates, unemployment, sales = ids
    store.set_status(db, gdp, "in_review", note="-cmd", reviewer="=ann")
    store.set_status(
        db,
        gdp,
        "false",
        note="+1",
        reviewer="ann",
        evidence_url="https://evidence.example/gdp",
    )
    store.set_status(db, inflation, "verified", note="\tchecked the bulletin", reviewer="bob")
    store.update_claim(
        db,
        inflation,
        {"value": 4.3, "subject": "@inflation"},
        expected_version=store.get_claim(db, inflation)["version"],
        reviewer="bob",
        note=None,
    )
    store.set_status(db, unemployment, "misleading", note="base effect", reviewer="cy")
    store.set_status(db, sales, "unverifiable", note="no data", reviewer="cy")
    return {
        "sources": (first_id, second_id),
        "gdp": gdp,
        "inflation": inflation,
        "delegates": delegates,
        "unemployment": unemployment,
        "sales": sales,
    }
