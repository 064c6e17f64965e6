"""A number that is the size of one rival's lead over another (claims/extract/leads.py).

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest

from claims.extract import extract_claims
from claims.normalise import as_lead, subject_metric_keys


def numeric(text: str, published: str | None = "2024-05-21") -> dict[str, tuple]:
    """Each numeric claim's surface -> (subject, metric, unit, period)."""
    return {
        c.surface: (c.subject, c.metric, c.unit, c.period)
        for c in extract_claims(text, published)
        if c.kind == "numeric"
    }


@pytest.mark.parametrize(
    ("sentence", "surface", "subject", "metric"),
    [
        (
            "Okafor leads Lindqvist by 12 seats after the count.",
            "12",
            "Okafor",
            "lead over Lindqvist",
        ),
        ("Okafor led Lindqvist by 40 delegates on Monday.", "40", "Okafor", "lead over Lindqvist"),
        (
            "Lindqvist continues to trail Okafor by more than 300 delegates.",
            "300",
            "Lindqvist",
            "margin behind Okafor",
        ),
        ("Okafor has a 9-point lead over Lindqvist.", "9-point", "Okafor", "lead over Lindqvist"),
        (
            "Okafor's lead over Lindqvist narrowed to 4 points.",
            "4",
            "Okafor",
            "lead over Lindqvist",
        ),
        ("Lindqvist finished 15 votes behind Okafor.", "15", "Lindqvist", "margin behind Okafor"),
        (
            "Okafor ended the night 80 delegates ahead of Lindqvist.",
            "80",
            "Okafor",
            "lead over Lindqvist",
        ),
        ("Okafor finished 12 points clear of Lindqvist.", "12", "Okafor", "lead over Lindqvist"),
        ("Lindqvist ended 40 delegates short of Okafor.", "40", "Lindqvist",
         "margin behind Okafor"),
        ("Lindqvist is 3 points adrift of Okafor.", "3", "Lindqvist", "margin behind Okafor"),
        # within a gap of a rival: trailing them by it
        ("Polls show Lindqvist within two points of Okafor.", "two", "Lindqvist",
         "margin behind Okafor"),
        ("Lindqvist pulled within 4 percentage points of Okafor.", "4 percentage points",
         "Lindqvist", "margin behind Okafor"),
        ("Lindqvist came within 40 delegates of Okafor.", "40", "Lindqvist",
         "margin behind Okafor"),
    ],
)  # fmt: skip
def test_the_size_of_a_lead(sentence, surface, subject, metric):
    got = numeric(sentence)[surface]
    assert got[:2] == (subject, metric)


@pytest.mark.parametrize(
    ("sentence", "surface", "subject", "metric"),
    [
        # a lead said without its rival
        ("Okafor leads by 15 points in Zembla, the poll found.", "15", "Okafor", "lead"),
        ("Okafor leads overall by 1.2 million votes.", "1.2 million", "Okafor", "lead"),
        ("An average of polls has Okafor leading by an average of 9 points.", "9", "Okafor",
         "lead"),
        ("Okafor is leading by 6 points in Zembla.", "6", "Okafor", "lead"),
        # a result's margin
        ("Okafor won the state by 8 points in 1998.", "8", "Okafor", "margin of victory"),
        ("Okafor beat Lindqvist by 12 points in Zembla.", "12", "Okafor", "margin of victory"),
        ("Okafor carried Zembla by five points.", "five", "Okafor", "margin of victory"),
        ("The seat was decided by fewer than 300 votes.", "300", "seat", "margin of victory"),
    ],
)  # fmt: skip
def test_a_lead_without_a_rival_and_a_results_margin(sentence, surface, subject, metric):
    got = numeric(sentence)[surface]
    assert got[:2] == (subject, metric)


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("Okafor won 40 delegates on Monday.", "40"),
        ("The firm's profit margin of 4% was thin.", "4%"),
        ("The poll has a margin of error of 3 points.", "3"),
        ("The gap in pay between men and women is 9%.", "9%"),
        ("Ortega spent $4.5 million ahead of Tuesday's primary.", "$4.5 million"),
        ("The retailer hired 3,000 seasonal workers ahead of Christmas.", "3,000"),
        ("Tokyo is 8 hours ahead of London.", "8 hours"),
        ("The 12 investors behind Fintrek sold their stakes.", "12"),
        ("Analysts say the merger could lead to 2,000 job losses.", "2,000"),
        ("Some 300 homes with lead pipes were found.", "300"),
        ("Apple beat Wall Street expectations by $1.2bn.", "$1.2bn"),
        ("Ann Reyes leads Treasury efforts that cut spending by 4%.", "4%"),
        ("India beat Australia by 5 wickets.", "5"),
        # a firm's result against a forecast, not a contest's
        ("Acme beat estimates by 10 percent.", "10 percent"),
        # a score, not a margin: two shares
        ("Okafor leads by 61 percent to 29 percent.", "61 percent"),
        ("Okafor won the county by 66 percent to 31 percent.", "66 percent"),
        # short of a goal, not of a rival
        ("The fund ended $2 million short of its target.", "$2 million"),
        # within a gap of a rival's record, a day or a thing: no rival's lead
        ("Okafor came within 5 points of Lindqvist's record.", "5"),
        ("Okafor's poll numbers stayed within 3 points of Labor Day levels.", "3"),
        ("Acme shares rose to within 2 points of the record.", "2"),
        ("The Beacon index closed within 50 points of Acme Index highs.", "50"),
        ("Inflation is within 1 percentage point of Zembla Bank targets.", "1 percentage point"),
        ("Zembla's output is now within 5 percent of Ruritania.", "5 percent"),
    ],
)
def test_numbers_that_are_no_lead(sentence, surface):
    subject, metric, _, _ = numeric(sentence)[surface]
    assert not (metric or "").startswith(("lead", "margin behind"))


def test_a_lead_without_its_rival_takes_the_rival_the_article_gives():
    text = (
        "Ann Okafor won 40 delegates on Saturday. Piet Lindqvist won 31 delegates. "
        "Okafor now holds a 214-delegate advantage."
    )
    assert numeric(text)["214-delegate"][:2] == ("Ann Okafor", "lead over Lindqvist")


def test_a_lead_keeps_no_rival_when_the_article_counts_two_others():
    text = (
        "Lindqvist won 31 delegates. Moreau won 20 delegates. Okafor won 40 delegates. "
        "Okafor now holds a 214-delegate advantage."
    )
    assert numeric(text)["214-delegate"][1] == "lead"


def test_a_lead_without_its_rival_takes_the_name_the_leader_is_reported_with():
    text = (
        "Ann Okafor met Piet Lindqvist in Leeds. Okafor won 40 delegates to "
        "Lindqvist's 31. Okafor mocked Lindqvist on Monday.\n\n"
        "In the other race, Jo Moreau won 20 delegates and Sam Ng won 12.\n\n"
        "Okafor now holds a 188-delegate advantage."
    )
    assert numeric(text)["188-delegate"][:2] == ("Ann Okafor", "lead over Lindqvist")


def test_a_lead_keeps_no_rival_when_no_one_stands_out_beside_the_leader():
    text = (
        "Ann Okafor met Piet Lindqvist and Jo Moreau. Lindqvist won 31 delegates. "
        "Moreau won 20 delegates. Okafor won 40 delegates. Okafor, Lindqvist and Moreau "
        "spoke. Okafor now holds a 188-delegate advantage."
    )
    assert numeric(text)["188-delegate"][1] == "lead"


def test_the_leader_is_written_as_the_article_named_them_in_full():
    text = (
        "Ann Okafor spoke in Leeds on Monday. "
        "Piet Lindqvist continues to trail Okafor by 300 delegates."
    )
    assert numeric(text)["300"][:2] == ("Piet Lindqvist", "margin behind Ann Okafor")


def test_both_sides_of_one_lead_have_one_key():
    assert as_lead("Lindqvist", "margin behind Ann Okafor") == ("Ann Okafor", "lead over Lindqvist")
    assert subject_metric_keys("Piet Lindqvist", "margin behind Ann Okafor") == (
        subject_metric_keys("Ann Okafor", "lead over Piet Lindqvist")
    )
    assert as_lead("Okafor", "lead") == ("Okafor", "lead")
    # what follows the rival's name is part of the measure
    assert as_lead("Okafor", "lead over Tom Lindqvist among women") == (
        "Okafor",
        "lead over Lindqvist among women",
    )
    assert as_lead("Lindqvist", "margin behind Ann Okafor in Ohio") == (
        "Ann Okafor",
        "lead over Lindqvist in Ohio",
    )
    assert as_lead(None, "margin behind Okafor") == (None, "margin behind Okafor")


def test_a_standing_count_entering_a_day_is_dated_that_day():
    got = numeric("Going into Tuesday's primary, Okafor had 700 delegates.", "2024-05-22")
    assert got["700"][3] == "2024-05-21"


def test_a_lead_entering_a_coming_month_is_as_it_stands_now():
    got = numeric("Entering the final contests in June, Okafor leads Lindqvist by 271 delegates.")
    assert got["271"][3] == "2024-05-21"  # the publication day, not last year's June
    assert numeric("Okafor won 700 delegates in June.")["700"][3] == "2023-06"


# --- a pair of shares that scores a contest -------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # the verb's subject has the first share, its object the second, past a scope
        (
            "Ms. Okafor leads Mr. Lindqvist in state polls by a narrow margin, 51.2 percent "
            "to 47 percent, according to Acme Research.",
            ("51.2 percent", "Okafor"),
            ("47 percent", "Lindqvist"),
        ),
        (
            "The survey showed Mara Okafor leading Tom Lindqvist among older voters, "
            "53 percent to 38 percent.",
            ("53 percent", "Mara Okafor"),
            ("38 percent", "Tom Lindqvist"),
        ),
        # "with" the shares, the rival's named in the second
        (
            "The Beacon tracking poll shows Okafor with a six-point edge, with 49.5 percent "
            "to Lindqvist's 43.5 percent.",
            ("49.5 percent", "Okafor"),
            ("43.5 percent", "Lindqvist"),
        ),
        # an owned pair: the owner's share, then the rival's
        (
            "Okafor's 52%-41% lead over Lindqvist held through the autumn.",
            ("52%", "Okafor"),
            ("41%", "Lindqvist"),
        ),
        (
            "Mara Okafor spoke in Dunmore. Her 58%-33% advantage over Lindqvist among "
            "younger voters was the widest yet.",
            ("58%", "Mara Okafor"),
            ("33%", "Lindqvist"),
        ),
    ],
)
def test_each_share_of_a_scored_pair_is_its_own_sides_support(text, first, second):
    claims = numeric(text)
    for surface, subject in (first, second):
        assert claims[surface][:2] == (subject, "support")


def test_the_second_share_of_a_pair_without_its_rival_named_is_no_ones():
    """Not the leader's: a rival's 30 percent in the leader's series would be wrong."""
    claims = numeric("Okafor leads by 61 percent to 30 percent in the Beacon poll.")
    assert claims["61 percent"][:2] == ("Okafor", "support")
    assert claims["30 percent"][:2] == (None, "support")


def test_a_measure_the_score_is_in_stays_its_metric():
    claims = numeric("Acme leads Globex in market share, 46% to 39%.")
    assert claims["46%"][:2] == ("Acme", "market share")
    assert claims["39%"][:2] == ("Globex", "market share")


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        # a move from one level to another is no score
        ("Acme's shares rose 5% to 7% after the results.", ("5%", "7%")),
        ("Okafor's approval went from 40% to 45% in a year.", ("40%", "45%")),
        # a split of opinion with no rival's standing
        ("Voters back the Dunmore plan 55%-41%, the poll found.", ("55%", "41%")),
        ("Voters prefer the Dunmore plan 55%-41%, the poll found.", ("55%", "41%")),
    ],
)
def test_a_pair_that_scores_no_contest_is_not_support(text, surfaces):
    claims = numeric(text)
    assert all(claims[surface][1] != "support" for surface in surfaces)


def test_a_leader_set_off_by_an_aside_has_the_first_share():
    claims = numeric("Okafor, the party's nominee, leads Lee 51% to 40% among women.")
    assert (claims["51%"][0], claims["40%"][0]) == ("Okafor", "Lee")


def test_support_moving_from_one_level_to_another_stays_the_same_persons():
    claims = numeric("Okafor's support rose from 40 percent to 46 percent in the Acme poll.")
    assert claims["40 percent"][0] == claims["46 percent"][0] == "Okafor"


@pytest.mark.parametrize(
    ("text", "surface", "not_subject"),
    [
        # a new clause after the rival is no part of the score's frame
        ("Okafor leads Lee, and her share of women increased 40% to 45%.", "45%", "Lee"),
        # a possessive after the verb is no rival
        ("Okafor tops Lee's total in Zembla, 46% to 39%.", "39%", "Lee"),
        # a pronoun with nothing before it to stand for is no one's, never the rival's
        ("She leads Ann Lee by 46% to 39%.", "46%", "Ann Lee"),
        # a name that only qualifies a role is not the rival's name
        ("Okafor is comfortably ahead of the Whig contender 52 percent to 35 percent.",
         "35 percent", "Whig"),
    ],
)  # fmt: skip
def test_a_share_outside_a_scores_frame_is_not_given_its_sides(text, surface, not_subject):
    assert numeric(text)[surface][0] != not_subject


@pytest.mark.parametrize(
    "text",
    [
        "Acme's share price rose 7% ahead of Christmas.",
        "Acme's share price rose 7% ahead of Labor Day.",
        "Acme's share price rose 7% ahead of Super Tuesday.",
    ],
)
def test_a_share_ahead_of_a_holiday_is_no_lead(text):
    assert not (numeric(text)["7%"][1] or "").startswith("lead")


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        (
            "Mara Okafor, who was tied with Lindqvist at 37 percent in May, now leads.",
            "37 percent",
            "Mara Okafor",
        ),
        ("Mara Okafor was tied with Tom Lindqvist at 38 percent.", "38 percent", "Mara Okafor"),
    ],
)
def test_a_share_tied_with_a_rival_is_support_of_the_one_tied(text, surface, subject):
    assert numeric(text)[surface][:2] == (subject, "support")


def test_a_rate_tied_at_a_level_is_not_support():
    claims = numeric("Unemployment and inflation were tied at 5 percent.")
    assert claims["5 percent"][1] != "support"


@pytest.mark.parametrize(
    ("text", "share"),
    [
        # a result's pair is the vote share; a standing's, or a poll's matchup, support
        ("Jo Okafor carried the state 66% to 30%.", "vote share"),
        ("Jo Okafor beat Ann Lee 51% to 36% in Zembla.", "vote share"),
        ("Jo Okafor leads Ann Lee 46% to 39%.", "support"),
        ("In the Acme poll, Jo Okafor would beat Ann Lee 48% to 44%.", "support"),
    ],
)
def test_a_scored_pair_is_a_results_vote_share_or_a_standings_support(text, share):
    claims = numeric(text)
    first = next(iter(claims.values()))
    assert first[1] == share
