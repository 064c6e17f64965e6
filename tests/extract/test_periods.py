"""Periods: explicit and relative time expressions resolved to YYYY[-QN|-MM[-DD]]."""

from __future__ import annotations

from datetime import date

import pytest

from claims.extract import extract_claims
from claims.extract.periods import find_periods, last_year_named, nearest_period

PUB = date(2023, 4, 15)


def periods_of(text: str, published: date | None = PUB, context_year: int | None = None):
    return [(text[m.start : m.end], m.period) for m in find_periods(text, published, context_year)]


@pytest.mark.parametrize(
    ("text", "mention", "period"),
    [
        ("Output fell in 2020.", "2020", "2020"),
        ("Growth slowed in the first quarter of 2021.", "first quarter of 2021", "2021-Q1"),
        ("Growth slowed in Q3 2021.", "Q3 2021", "2021-Q3"),
        ("Growth slowed in 2021 Q3.", "2021 Q3", "2021-Q3"),
        ("Exports rose in March 2023.", "March 2023", "2023-03"),
        ("Exports rose in March of 2022.", "March of 2022", "2022-03"),
        ("The deal closed on January 6, 2021.", "January 6, 2021", "2021-01-06"),
        ("The deal closed on 6 January 2021.", "6 January 2021", "2021-01-06"),
        ("The deal closed on 2021-01-06.", "2021-01-06", "2021-01-06"),
        ("The budget for 2012-13 passed.", "2012-13", "2012"),
        ("Spending in FY2021 rose.", "FY2021", "2021"),
        ("Spending in fiscal 2019 rose.", "fiscal 2019", "2019"),
        ("Sales rose in the last three months of 2004.", "last three months of 2004", "2004-Q4"),
        ("Sales rose in the first half of 2005.", "first half of 2005", "2005"),
        ("Sales rose last year.", "last year", "2022"),
        ("Sales rose this year.", "this year", "2023"),
        ("Sales will rise next year.", "next year", "2024"),
        ("Sales rose last month.", "last month", "2023-03"),
        ("Sales rose this month.", "this month", "2023-04"),
        ("Sales rose last quarter.", "last quarter", "2023-Q1"),
        ("Sales rose in March.", "in March", "2023-03"),
        ("Sales rose in June.", "in June", "2022-06"),
        ("Sales rose in the first quarter.", "first quarter", "2023-Q1"),
        ("Sales rose in the third quarter.", "third quarter", "2022-Q3"),
        ("The plant opened on 1 July.", "1 July", "2022-07-01"),
        ("The plant opened on April 2.", "April 2", "2023-04-02"),
        ("Sales fell in the three months to September.", "three months to September", "2022-Q3"),
        ("Prices rose in the 12 months to March.", "12 months to March", "2023-03"),
        ("Prices rose in the year to March 2021.", "year to March 2021", "2021-03"),
        ("Sales fell in the three months to May.", "three months to May", "2022-05"),
    ],
)
def test_resolved_mentions(text, mention, period):
    assert periods_of(text) == [(mention, period)]


def test_relative_mentions_need_a_publication_date():
    assert periods_of("Sales rose last year.", published=None) == [("last year", None)]


def test_yearless_mention_takes_a_year_written_before_it_in_the_sentence():
    found = periods_of("In 2004 growth hit 3% in the fourth quarter.", published=None)
    assert found == [("2004", "2004"), ("fourth quarter", "2004-Q4")]


def test_yearless_mention_falls_back_to_the_article_context_without_a_date():
    assert periods_of("Growth hit 3% in the fourth quarter.", None, 2004) == [
        ("fourth quarter", "2004-Q4")
    ]


def test_publication_date_wins_over_the_article_context():
    assert periods_of("Growth hit 3% in the fourth quarter.", PUB, 2004) == [
        ("fourth quarter", "2022-Q4")
    ]


def test_possessive_last_years_is_not_a_period():
    assert periods_of("It beat last year's figures.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Builders finished 2000 houses.",
        "It cost $2015 to fix.",
        "Covid-19 spread.",
        "It rose 2020%.",
    ],
)
def test_numbers_that_are_not_years(text):
    assert periods_of(text) == []


def test_nearest_period_prefers_the_closest_mention():
    s = "Sales rose 5% in 2004 but fell 2% in 2005."
    mentions = find_periods(s, None)
    first, second = s.index("5%"), s.index("2%")
    assert nearest_period(first, first + 2, mentions) == "2004"
    assert nearest_period(second, second + 2, mentions) == "2005"


def test_nearest_period_ignores_far_mentions():
    s = "In 2016 the party met; " + "x" * 120 + " it spans seven decades."
    start = s.index("seven")
    assert nearest_period(start, start + 13, find_periods(s, None)) is None


def test_last_year_named():
    assert last_year_named(find_periods("From 2001 to 2003 it grew.", None)) == 2003
    assert last_year_named(find_periods("It grew last year.", PUB)) is None


def test_claims_get_periods_from_their_sentence():
    text = "Exports fell 7% in March 2023. The firm cut 900 jobs."
    claims = extract_claims(text, "2023-04-15")
    assert [(c.surface, c.period) for c in claims] == [("7%", "2023-03"), ("900", None)]


def test_article_context_year_carries_to_a_later_quarter():
    text = "Sales rose in 2004. Profits were up 0.8% in the fourth quarter."
    claims = [c for c in extract_claims(text) if c.kind == "numeric"]
    assert [(c.surface, c.period) for c in claims] == [("0.8%", "2004-Q4")]


def test_a_year_after_since_is_a_baseline_not_the_period():
    text = "Turnout was 59.7%, the lowest since 1918."
    claims = [c for c in extract_claims(text) if c.kind == "numeric"]
    assert [(c.surface, c.period) for c in claims] == [("59.7%", None)]


def test_a_period_in_another_clause_does_not_govern():
    text = "The vaccine is 95% effective, and deaths fell by 1,300 in March 2023."
    claims = [c for c in extract_claims(text) if c.kind == "numeric"]
    assert [(c.surface, c.period) for c in claims] == [("95%", None), ("1,300", "2023-03")]


@pytest.mark.parametrize(
    ("text", "surface", "period"),
    [
        # "today"/"yesterday" as the time of the figure resolve against publication
        ("The council decided today to raise the levy to 4 percent.", "4 percent", "2023-04-15"),
        ("Shares in Glasbury fell 6% yesterday.", "6%", "2023-04-14"),
        ("Today the lender cut its rate to 3.9%.", "3.9%", "2023-04-15"),
        # ... but not as the day of a report, nor inside a name
        ("The agency said today that 40 homes were lost.", "40", None),
        ("Today's survey shows 55% support.", "55%", None),
        ("A Freedonia Today poll found 48% support.", "48%", None),
        # a period carries into a clause joined by ", and" that has no time of its own
        ("Output rose 2% in March, and the jobless rate held at 4.1%.", "4.1%", "2023-03"),
        ("It cost $3m in 2019, and it is now worth $5m.", "$5m", None),
        ("Sales rose 3% in 2021, while costs fell 2%.", "2%", None),
        ("Deaths fell 4%, and cases rose in March.", "4%", None),
    ],
)
def test_day_words_and_coordinated_clauses(text, surface, period):
    claim = next(c for c in extract_claims(text, PUB) if c.surface == surface)
    assert claim.period == period
