"""Thresholds: a number that is what it takes to reach a goal is about the goal."""

from __future__ import annotations

import pytest

from claims.extract import extract_claims
from claims.extract.requirements import requirement


def numeric(text: str, surface: str):
    claims = [c for c in extract_claims(text, "2019-05-02") if c.kind == "numeric"]
    return next(c for c in claims if c.surface == surface)


@pytest.mark.parametrize(
    ("text", "surface", "subject", "metric"),
    [
        ("It takes 326 seats to form a government in the Commons.", "326",
         "government", "seats needed to form"),
        ("A nominee must win 1,991 delegates to secure the Whig nomination on the first ballot.",
         "1,991", "Whig nomination", "delegates needed to secure"),
        ("Lee is now close to the 538 votes needed to carry the assembly.", "538",
         "assembly", "votes needed to carry"),
        ("Rivers reached the 44 signatures required for a recall petition.", "44",
         "recall petition", "signatures needed"),
        ("Either party would need 76 seats to control the chamber outright.", "76",
         "chamber", "seats needed to control"),
        ("It took 9,418 signatures to qualify the measure for the ballot.", "9,418",
         "measure", "signatures needed to qualify"),
        # a generic subject with a party's name before its noun
        ("A Whig candidate needs 1,991 delegates to clinch the Whig nomination.", "1,991",
         "Whig nomination", "delegates needed to clinch"),
        # the figure named as the number needed, after a comma or a closing quote
        ('Ng says no one is "on pace to win 826 delegates," the number needed to secure '
         "the Whig nomination.", "826", "Whig nomination", "delegates needed to secure"),
        ("Ng has 300 of the 826 delegates, the number required for a majority.", "826",
         "majority", "delegates needed"),
        # the full count someone needs, in a relative clause after the definite figure
        ("Lee hopes to keep Ng from the 826 delegates she needs to clinch the nomination.",
         "826", "nomination", "delegates needed to clinch"),
    ],
)  # fmt: skip
def test_a_threshold_is_about_its_goal(text, surface, subject, metric):
    claim = numeric(text, surface)
    assert (claim.subject, claim.metric) == (subject, metric)


@pytest.mark.parametrize(
    ("text", "surface", "subject", "metric"),
    [
        # a threshold called one, with its goal when the sentence gives it
        ("Lee cleared the 1,991-delegate threshold on Tuesday.", "1,991-delegate",
         "Lee", "delegates needed"),
        ("Few bills clear the 60-vote threshold to pass the Senate.", "60-vote",
         "Senate", "votes needed to pass"),
        ("Ng stayed below the 15 percent threshold.", "15 percent", "Ng", "threshold"),
        ("No one reached the magic 1,991 number.", "1,991", None, "threshold"),
        # the goal said first, in a clause of purpose
        ("To win the Whig nomination, a candidate must win 1,991 delegates.", "1,991",
         "Whig nomination", "delegates needed to win"),
    ],
)  # fmt: skip
def test_a_threshold_named_as_one(text, surface, subject, metric):
    claim = numeric(text, surface)
    assert (claim.subject, claim.metric) == (subject, metric)


def test_a_threshold_is_the_contests_whatever_day_it_is_reached():
    text = "Lee reached the 1,991 delegates needed to clinch the nomination on Monday."
    claim = numeric(text, "1,991")
    assert (claim.metric, claim.period) == ("delegates needed to clinch", "2019")


def test_a_threshold_without_a_goal_keeps_what_it_measures():
    start = "Whoever gets to 1,991 wins.".index("1,991")
    assert requirement("It takes 1,991 to win.", 9, 14).metric == "needed to win"
    assert requirement("It takes 1,991 to win.", 9, 14).goal is None
    assert requirement("Whoever gets to 1,991 wins.", start, start + 5) is None


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Smith won 66 delegates to take the lead.", "66"),  # a count won, not a need
        ("Jones sent 300 staff to the convention.", "300"),  # "to" a place
        ("Lee needs 40 more delegates to clinch the nomination.", "40"),  # Lee's own shortfall
        ("Lee won 40 delegates she needs to clinch the nomination.", "40"),  # not "the"
        ("Lee has 40 delegates, the number she won in Lima.", "40"),  # a number, not needed
        ("In Lima each household gets $1,200 to spend on heating.", "$1,200"),  # a payment
        ("Some 1,200 residents of Lima needed to evacuate on Friday.", "1,200"),  # not a goal
        ("About 300 patients required to quarantine were sent home in Lima.", "300"),
    ],
)  # fmt: skip
def test_a_count_that_is_not_a_requirement_keeps_its_own_subject(text, surface):
    claim = numeric(text, surface)
    assert "needed" not in (claim.metric or "")
    assert claim.subject in ("Smith", "Jones", "Lee", "Lima")


@pytest.mark.parametrize(
    ("text", "surface", "subject", "metric"),
    [
        ("Ng won at least 30 of the 44 delegates at stake in the Zembla primary.", "44",
         "Zembla primary", "delegates at stake"),
        ("In all, 512 Whig delegates are up for grabs Tuesday in Ruritania.", "512",
         "Ruritania", "Whig delegates up for grabs"),
        ("There are 20 seats on offer on Super Tuesday.", "20", "Super Tuesday",
         "seats on offer"),
        # the rival the sentence goes on to has no share in the prize
        ("With 26 delegates at stake, Lee will gain at least 14.", "26", None,
         "delegates at stake"),
        ("Lee said 12 seats were at stake on Friday.", "12", None, "seats at stake"),
    ],
)  # fmt: skip
def test_a_prize_at_stake_is_the_contests(text, surface, subject, metric):
    claim = numeric("Jo Rivers and Sam Lee met. " + text, surface)
    assert (claim.subject, claim.metric) == (subject, metric)


def test_a_share_of_the_prize_is_the_winners():
    claim = numeric("Ng won at least 30 of the 44 delegates at stake.", "30")
    assert claim.subject == "Ng"
    assert "stake" not in (claim.metric or "")


@pytest.mark.parametrize(
    ("text", "surface", "subject", "metric"),
    [
        # money at stake is an exposure, not a contest's prize
        ("Acme has $5 billion at stake in Zembla.", "$5 billion", "Acme", None),
        # a month after the prize says when, not which contest
        ("There are 50 delegates at stake in March.", "50", None, "delegates at stake"),
    ],
)  # fmt: skip
def test_what_is_no_contests_prize(text, surface, subject, metric):
    claim = numeric("Jo Rivers and Sam Lee met. " + text, surface)
    assert (claim.subject, claim.metric) == (subject, metric)
