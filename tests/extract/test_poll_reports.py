"""How poll reports write their figures: a score after a name, a sample the size of a
year, the margin of sampling error, and the shares of the people asked.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest

from claims.extract import extract_claims


def numeric(text: str, published: str | None = "2024-05-21") -> dict[str, tuple]:
    """Each numeric claim's surface -> (value, unit, subject, metric)."""
    return {
        c.surface: (c.value, c.unit, c.subject, c.metric)
        for c in extract_claims(text, published)
        if c.kind == "numeric"
    }


@pytest.mark.parametrize(
    ("text", "first", "second", "second_value"),
    [
        ("Okafor leads Lee 48 to 41 percent.", "48", "41 percent", 41.0),
        ("Okafor leads Lee 58-36%.", "58", "36%", 36.0),
        ("Okafor leads Lee, 58-36%.", "58", "36%", 36.0),
    ],
)
def test_a_score_written_after_the_rival_gives_each_their_share(text, first, second, second_value):
    claims = numeric(text)
    assert claims[first] == (float(first), "percent", "Okafor", "support")
    assert claims[second][:3] == (second_value, "percent", "Lee")


@pytest.mark.parametrize(
    "text",
    [
        "The levy rises under Phase 2 to 5 percent next year.",  # a rising pair: no score
        "Acme cut prices on the Model 3 - 5 percent off.",  # a spaced dash: no score
    ],
)
def test_a_number_after_a_name_that_is_no_score_stays_part_of_the_name(text):
    assert list(numeric(text)) == ["5 percent"]


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("The Beacon poll of 2012 likely voters was released on Tuesday.", "2012", "voter"),
        ("A survey of 1998 adults found wide support for the plan.", "1998", "adult"),
    ],
)
def test_a_poll_sample_the_size_of_a_year_is_a_count(text, surface, unit):
    value, found_unit, _, metric = numeric(text)[surface]
    assert (value, found_unit) == (float(surface), unit)
    assert metric.endswith("surveyed")


@pytest.mark.parametrize(
    "text",
    [
        "A survey of 2015 found that 30% of firms cut jobs.",
        "A survey of 2015 tax returns found that 30% of firms cut jobs.",  # a year's returns
    ],
)
def test_a_survey_of_a_year_is_still_a_time(text):
    claims = extract_claims(text, "2016-03-01")
    assert [(c.surface, c.period) for c in claims if c.kind == "numeric"] == [("30%", "2015")]


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        (
            "The poll has a margin of sampling error of plus or minus three percentage points.",
            "margin of sampling error",
        ),
        (
            "The poll has a margin of error of plus or minus three percentage points.",
            "margin of error",
        ),
    ],
)
def test_the_margin_of_sampling_error_is_named_in_full(text, metric):
    assert numeric(text)["three percentage points"][3] == metric


def test_a_rate_of_a_figure_with_no_name_after_of_names_no_measure():
    assert numeric("Wages rose at a rate of about 3%.")["3%"][3] is None


POLL = (
    "The new poll shows Jo Lee far ahead of his rivals. Lee drew the support of 41 percent "
    "of the Republican voters surveyed. "
)


@pytest.mark.parametrize(
    "opinion",
    [
        "disapprove of President Ann Okafor's performance",
        "approve of Ann Okafor's handling of trade",
    ],
)
def test_a_share_that_judges_a_persons_conduct_is_an_opinion_of_that_person(opinion):
    text = POLL + f"The poll also showed that 59 percent of those surveyed {opinion}."
    assert numeric(text)["59 percent"][2] == "Ann Okafor"


@pytest.mark.parametrize("owned", ["challenger", "husband", "running mate"])
def test_backing_a_person_someone_else_has_is_no_opinion_of_that_someone(owned):
    text = (
        POLL + f"The poll also showed that 58 percent of those surveyed back Ann Okafor's {owned}."
    )
    assert numeric(text)["58 percent"][2] != "Ann Okafor"


def test_a_share_of_the_people_of_a_persons_district_is_no_opinion_of_that_person():
    text = POLL + (
        "The poll also showed that 8 percent of the residents of Ann Okafor's district are "
        "undecided."
    )
    assert numeric(text)["8 percent"][2] != "Ann Okafor"


def test_a_unit_word_before_a_figure_names_no_measure():
    claims = numeric("Okafor is up from 32 percent in March and Lindqvist is down from 47 percent.")
    assert claims["47 percent"][3] is None  # not "percent"


def test_a_measure_named_before_a_figure_is_kept():
    claims = numeric("The jobless rate is down from 6 percent in May and wages are up 3 percent.")
    assert claims["6 percent"][3] == "jobless rate"


def periods(text: str, published: str = "2024-05-21") -> dict[str, str | None]:
    return {c.surface: c.period for c in extract_claims(text, published) if c.kind == "numeric"}


def test_a_baseline_in_a_clause_joined_to_a_dated_one_is_of_the_same_time():
    found = periods(
        "Okafor climbed from 32 percent in March while Lindqvist slipped from 47 percent."
    )
    assert found == {"32 percent": "2024-03", "47 percent": "2024-03"}


@pytest.mark.parametrize(
    ("text", "later"),
    [
        ("Unemployment fell from 8% in January and has since risen from 4% to 5%.", "4%"),
        ("Prices fell from $5 in January, but traders expect them to recover from $4.", "$4"),
    ],
)
def test_a_joined_clause_that_moves_the_time_on_is_not_dated_by_the_baseline(text, later):
    assert periods(text)[later] != "2024-01"


@pytest.mark.parametrize(
    ("text", "surface", "subject", "metric"),
    [
        (
            "Okafor led by 12 points with 95 percent of precincts reporting.",
            "95 percent",
            None,
            "precincts reporting",
        ),
        (
            "With 80% of the vote counted in the Zembla Labour primary, Okafor led with 52%.",
            "80%",
            "Zembla Labour primary",
            "votes counted",
        ),
    ],
)
def test_a_share_of_the_count_so_far_is_the_counts_progress_not_a_candidates(
    text, surface, subject, metric
):
    assert numeric(text)[surface][2:] == (subject, metric)


def test_a_share_of_the_vote_in_a_place_is_still_a_vote_share():
    claims = numeric("Winning 20% of the vote in a district is enough to qualify for a delegate.")
    assert claims["20%"][3] != "votes counted"
