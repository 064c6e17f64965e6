"""Filters, sorting and paging of the claims table, all in SQL."""

from __future__ import annotations

import pytest

from claims import query, store
from claims.model import MAX_ID, ClaimsError
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
        (ClaimFilter(search="payroll"), ["236,000"]),  # stemmed: payrolls
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


def test_search_pages_in_publication_order_match_the_general_query(ledger):
    flt = ClaimFilter(search="march")  # two claims, published the same day
    newest = query.list_claims(ledger, flt)
    assert [r["surface"] for r in newest] == ["236,000", "3.5 percent"]  # same day: id desc
    oldest = query.list_claims(ledger, flt, descending=False)
    assert [r["surface"] for r in oldest] == ["3.5 percent", "236,000"]
    assert query.count_claims(ledger, flt, cap=10) == 2
    assert query.count_claims(ledger, flt, cap=1) == 2  # "more than one"
    everything = ClaimFilter(search="percent")
    assert [r["surface"] for r in query.list_claims(ledger, everything)] == [
        "3.5 percent",
        "5 percent",
    ]
    by_value = query.list_claims(ledger, everything, sort="value")
    assert [r["surface"] for r in by_value] == ["5 percent", "3.5 percent"]


def test_search_follows_a_changed_publication_date(ledger):
    source_id = query.list_claims(ledger, ClaimFilter(search="inflation"))[0]["source_id"]
    ledger["sources"].update(source_id, {"published": "2024-01-01"})
    rows = query.list_claims(ledger, ClaimFilter(search="percent"))
    assert [r["surface"] for r in rows] == ["5 percent", "3.5 percent"]


@pytest.mark.parametrize(
    ("period", "period_from", "period_to", "found"),
    [
        ("2007", "2008", "2008", False),
        ("2007-12-31", "2008", None, False),
        ("2008", "2008-06", "2008-06", True),
        ("2008-12-31", "2008-12", None, True),
        ("2009-Q1", None, "2008", False),
        ("2007-Q4", "2007-11", "2007-11", True),
    ],
)
def test_period_filters_find_periods_that_overlap(db, period, period_from, period_to, found):
    text = "Output rose 2 percent, the agency said."
    store.add_source(db, text, [numeric_claim(text, "2 percent", 2, unit="percent", period=period)])
    flt = ClaimFilter(period_from=period_from, period_to=period_to)
    assert query.count_claims(db, flt) == int(found)


def test_a_busy_period_walks_publication_order_with_the_same_results(ledger, monkeypatch):
    flt = ClaimFilter(period_from="2022", period_to="2023")
    sorted_matches = query.list_claims(ledger, flt)
    monkeypatch.setattr(query, "_WALK_ABOVE", 1)
    assert query._walk_publication_order(ledger, flt, "published")
    assert not query._walk_publication_order(ledger, flt, "value")
    assert not query._walk_publication_order(
        ledger, ClaimFilter(period_from="2022", unit="job"), "published"
    )
    assert query.list_claims(ledger, flt) == sorted_matches
    assert [r["surface"] for r in sorted_matches] == ["236,000", "3.5 percent", "5 percent"]


def test_a_page_past_sqlites_integers_is_empty_not_an_error(ledger):
    for search in (None, "rate"):
        assert query.list_claims(ledger, ClaimFilter(search=search), page=MAX_ID) == []
