"""Filters, sorting and paging of the claims table, all in SQL."""

from __future__ import annotations

import pytest

from claims import query, store
from claims.model import ClaimsError
from claims.query import ClaimFilter
from tests.conftest import numeric_claim

ARTICLES = [
    (
        "Unemployment fell to 3.5 percent in March, the Labor Department said.",
        "2023-04-07",
        "3.5 percent",
        3.5,
        {
            "unit": "percent",
            "metric": "unemployment rate",
            "period": "2023-03",
            "speaker": "Labor Department",
            "subject": "United States",
        },
    ),
    (
        "Payrolls rose by 236,000 jobs in March, the White House said.",
        "2023-04-07",
        "236,000",
        236000,
        {
            "unit": "job",
            "metric": "payrolls",
            "period": "2023-03",
            "speaker": "White House",
            "subject": "United States",
        },
    ),
    (
        "Inflation eased to 5 percent in 2022, officials estimated.",
        "2023-01-12",
        "5 percent",
        5,
        {"unit": "percent", "metric": "inflation", "period": "2022"},
    ),
]


@pytest.fixture
def ledger(db):
    for text, published, surface, value, fields in ARTICLES:
        claim = numeric_claim(text, surface, value, confidence=0.9 if value > 4 else 0.4, **fields)
        store.add_source(db, text, [claim], published=published, title=f"About {surface}")
    return db


def surfaces(rows):
    return [r["surface"] for r in rows]


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (ClaimFilter(), ["236,000", "3.5 percent", "5 percent"]),
        (ClaimFilter(search="unemployment"), ["3.5 percent"]),
        (ClaimFilter(search="payroll"), ["236,000"]),  # stemmed, prefix
        (ClaimFilter(unit="percent"), ["3.5 percent", "5 percent"]),
        (ClaimFilter(speaker="White House"), ["236,000"]),
        (ClaimFilter(period_from="2023", period_to="2023"), ["236,000", "3.5 percent"]),
        (ClaimFilter(period_to="2022-12"), ["5 percent"]),
        (ClaimFilter(published_from="2023-02-01"), ["236,000", "3.5 percent"]),
        (ClaimFilter(min_confidence=0.5), ["236,000", "5 percent"]),
        (ClaimFilter(status=["verified"]), []),
        (ClaimFilter(kind=["quote"]), []),
    ],
)
def test_filters_narrow_the_table(ledger, flt, expected):
    rows = query.list_claims(ledger, flt, sort="value", descending=True)
    assert sorted(surfaces(rows)) == expected
    assert query.count_claims(ledger, flt) == len(expected)


@pytest.mark.parametrize(
    "text",
    ["'; DROP TABLE claims; --", '"unbalanced', "NEAR(a b", "a* OR -b", "%_\\", "()", "💥"],
)
def test_sql_and_fts_metacharacters_give_ordinary_results(ledger, text):
    # A search with no word characters in it ("()") searches for nothing: no filter.
    expected = 3 if query.fts_query(text) is None else 0
    assert len(query.list_claims(ledger, ClaimFilter(search=text))) == expected
    assert query.list_claims(ledger, ClaimFilter(speaker=text)) == []
    assert query.distinct_values(ledger, "speaker", prefix=text) == []
    assert ledger["claims"].count == 3


def test_sorting_and_paging(ledger):
    by_value = query.list_claims(ledger, sort="value", descending=False, page_size=2)
    assert surfaces(by_value) == ["3.5 percent", "5 percent"]
    page2 = query.list_claims(ledger, sort="value", descending=False, page=2, page_size=2)
    assert surfaces(page2) == ["236,000"]
    newest = query.list_claims(ledger, sort="published")
    assert newest[-1]["surface"] == "5 percent"
    assert newest[0]["source_title"].startswith("About")


def test_unknown_sort_or_status_is_a_clear_error(ledger):
    with pytest.raises(ClaimsError, match="Cannot sort by"):
        query.list_claims(ledger, sort="value; DROP TABLE claims")
    with pytest.raises(ClaimsError, match="Unknown status"):
        query.list_claims(ledger, ClaimFilter(status=["maybe"]))
    with pytest.raises(ClaimsError, match="is not YYYY"):
        query.list_claims(ledger, ClaimFilter(period_from="soon"))


def test_iter_claims_streams_every_match_in_batches(ledger):
    rows = list(query.iter_claims(ledger, ClaimFilter(unit="percent"), batch_size=1))
    assert surfaces(rows) == ["3.5 percent", "5 percent"]


def test_distinct_values_are_the_most_frequent_first(ledger):
    assert query.distinct_values(ledger, "unit") == ["percent", "job"]
    assert query.distinct_values(ledger, "speaker", prefix="Whi") == ["White House"]
    with pytest.raises(ClaimsError):
        query.distinct_values(ledger, "sentence")


def test_filter_as_dict_lists_only_what_is_set():
    assert ClaimFilter(unit="percent", status=["verified"]).as_dict() == {
        "unit": "percent",
        "status": ["verified"],
    }
    assert ClaimFilter().is_empty()
