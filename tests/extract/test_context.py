"""Subject, metric and hedge of numeric claims, and the hedge of attributed ones."""

from __future__ import annotations

import pytest

from claims.extract import extract_claims
from claims.extract.context import find_hedge, find_metric, find_subject


def first_numeric(text: str):
    return next(c for c in extract_claims(text, "2023-04-15") if c.kind == "numeric")


@pytest.mark.parametrize(
    ("text", "subject", "metric"),
    [
        (
            "Freedonia's gross domestic product likely shrank by 3.5 per cent in 2022.",
            "Freedonia",
            "gross domestic product",
        ),
        ("The unemployment rate rose to 3.5 percent.", None, "unemployment rate"),
        ("The economy added 236,000 jobs in March.", "economy", "jobs added"),
        ("Acme sold more than 2.4 million cars in 2022.", "Acme", "cars sold"),
        (
            "The agency's unemployment rate of 4.5% surprised traders.",
            "agency",
            "unemployment rate",
        ),
        ("Profits at Globex jumped after a 43% rise in net profits.", "Globex", "net profits"),
        ("The board set a growth target of 5% for the year.", "board", "growth target"),
        ("The club paid a bonus of £44,000 to its manager.", "club", "bonus"),
        ("Homes lost power after winds of up to 90mph hit.", "Homes", "winds"),
        ("Among voters, support was 72%.", None, None),
    ],
)
def test_subject_and_metric(text, subject, metric):
    claim = first_numeric(text)
    assert (claim.subject, claim.metric) == (subject, metric)


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Output likely shrank by 2% in 2022.", "likely"),
        ("Sales may reach 3,000 units.", "may"),
        ("Prices could rise 4% this year.", "could"),
        ("Growth is expected to reach 2.5% this year.", "expected"),
        ("Losses are estimated at £40m.", "estimated"),
        ("The deficit is projected to hit 6%.", "projected"),
        ("Analysts forecast 3% growth.", "forecast"),
        ("The toll is believed to exceed 200 people.", "believed"),
        ("The total is set to exceed 25bn.", "set to"),
        ("Sales rose 3% in 2022.", None),
    ],
)
def test_hedge_of_numeric_claims(text, hedge):
    assert first_numeric(text).hedge == hedge


def test_hedge_after_the_number_within_a_short_window():
    s = "Growth of 5% is expected."
    start = s.index("5%")
    assert find_hedge(s, start, start + 2) == "expected"


def test_hedge_far_after_the_number_is_ignored():
    s = "Growth of 5% was recorded, and after a long and winding debate a rebound is expected."
    start = s.index("5%")
    assert find_hedge(s, start, start + 2) is None


def test_sentence_hedge_without_a_position():
    assert find_hedge("Officials said the talks may resume.") == "may"
    assert find_hedge("Officials said the talks resumed.") is None


def test_capital_may_is_a_month_not_a_hedge():
    assert find_hedge("Sales rose 4% in May.") is None


def test_find_subject_uses_the_nearest_name():
    s = "Japanese carmaker Nissan, in which Renault owns a 44% stake, gained."
    assert find_subject(s, s.index("44%")) == "Renault"


def test_find_metric_falls_back_to_the_counted_unit():
    s = "There were 30 of them."
    assert find_metric(s, s.index("30"), s.index("30") + 2, "handset") == "handset"
