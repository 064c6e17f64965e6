"""A count of the candidates in a contest: the size of its field (claims/extract/fields.py).

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest

from claims.extract import extract_claims, fields
from claims.normalise import subject_metric_keys


def numeric(text: str, published: str | None = "2024-03-08") -> dict[str, tuple]:
    """Each numeric claim's surface -> (subject, metric, period)."""
    return {
        c.surface: (c.subject, c.metric, c.period)
        for c in extract_claims(text, published)
        if c.kind == "numeric"
    }


@pytest.mark.parametrize(
    ("text", "surface", "subject", "metric"),
    [
        # the party named before the counted noun, however the field is qualified
        (
            "Most of the nine major Conservative candidates will fall away.",
            "nine",
            "Conservative Party",
            "candidates",
        ),
        (
            "All three GOP presidential contenders spoke at the gala.",
            "three",
            "Republican Party",
            "contenders",
        ),
        ("The two Labour hopefuls met voters in Leeds.", "two", "Labour Party", "hopefuls"),
        # the nomination or race the sentence names
        (
            "Some 12 candidates are still in the race for the Whig Party nomination.",
            "12",
            "Whig Party",
            "candidates",
        ),
        (
            "There are still 9 candidates in this Democratic race.",
            "9",
            "Democratic Party",
            "candidates",
        ),
    ],
)
def test_a_count_of_candidates_is_the_field_of_the_party_named(text, surface, subject, metric):
    assert numeric(text)[surface][:2] == (subject, metric)


def test_a_field_as_it_stands_is_the_articles_party_in_the_month_of_publication():
    text = (
        "Republican officials met in Dunmore. The Republican debate drew a crowd, and "
        "Republican donors watched. Democrats stayed away.\n\n"
        "Ann Ng said she backs none of the five remaining candidates."
    )
    assert numeric(text)["five"] == ("Republican Party", "candidates", "2024-03")


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # a field the sentence counts as it is, party named: as it stands
        ("Many of the 13 major Conservative candidates will fall away.", "2024-03"),
        ("All three Labour hopefuls are expected to speak tonight.", "2024-03"),
        ("Ng was the first of the three Labour hopefuls to speak.", "2024-03"),
        # a field the sentence dates itself
        ("In 2012, the nine Labour candidates debated twice.", "2012"),
        # a field that no longer stands
        ("Lawyers cited two former Labour hopefuls, Ng and Lee.", None),
        ("Back then, 17 Labour candidates crowded the stage.", None),
        # "past" elsewhere in the sentence is no former field
        ("Over the past week, the five remaining Labour candidates debated twice.", "2024-03"),
    ],
)
def test_a_field_counted_as_it_is_takes_the_month_of_publication(text, period):
    (claim,) = [c for c in extract_claims(text, "2024-03-08") if c.kind == "numeric"]
    assert claim.period == period


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # candidates the sentence counts without a field: a pair, or another office's
        ("Jo Okafor and Ann Ng met, and the two candidates shook hands.", "two"),
        ("Ann Ng raised money for six state senate candidates in May.", "six"),
        # a nomination in another clause, "remaining" of something else
        (
            "Okafor, who won the race for the Whig Party nomination in 2012, now backs two "
            "candidates for the House.",
            "two",
        ),
        ("Acme interviewed 40 candidates for the remaining jobs.", "40"),
    ],
)
def test_a_count_of_candidates_without_a_party_or_a_standing_field_is_no_field(text, surface):
    start = text.index(surface)
    field = fields.field_count(text, start, start + len(surface), "candidate", text)
    assert field is None


def test_a_field_with_no_party_the_article_favours_has_no_subject():
    text = (
        "Republicans and Democrats both met. Republican and Democratic leaders spoke.\n\n"
        "The four remaining candidates took the stage."
    )
    assert numeric(text)["four"][:2] == (None, "candidates")


def test_one_fields_counts_line_up_across_articles_however_worded():
    keys = {
        subject_metric_keys(*numeric(text)[surface][:2])
        for text, surface in [
            ("Most of the nine major Republican candidates will fall away.", "nine"),
            ("All three GOP presidential contenders spoke at the gala.", "three"),
            ("Seven Republican hopefuls were on the stage.", "Seven"),
        ]
    }
    assert len(keys) == 1
