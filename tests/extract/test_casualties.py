"""Casualty figures: a count of people killed or wounded is about its event."""

from __future__ import annotations

import pytest

from claims.extract import extract_claims


def numeric(text: str, surface: str):
    claims = [c for c in extract_claims(text, "2019-05-02") if c.kind == "numeric"]
    return next(c for c in claims if c.surface == surface)


@pytest.mark.parametrize(
    ("text", "surface", "subject", "metric"),
    [
        ("The Lyon bombing left 23 civilians dead and hundreds shaken.", "23",
         "Lyon bombing", "civilians killed"),
        ("Gunmen killed 17 people in a raid on a market in Maiduguri.", "17",
         "Maiduguri", "people killed"),
        ("Mayor Ruiz visited the families of the 31 miners killed in Oruro.", "31",
         "Oruro", "miners killed"),
        ("The quake in Van injured 1,300 people, officials said.", "1,300",
         "Van quake", "people injured"),
        ("Rescuers searched the town of Pelt, where 12 people died in the flood.", "12",
         "Pelt", "people killed"),
        # a venue named before the town of the "where" clause is where they died
        ("Okafor laid flowers at the Beacon nightclub in Arles, where 31 people were killed.",
         "31", "Beacon nightclub", "people killed"),
        ("Lee stopped at the Westmarch cathedral near Dunmore, where four people died.",
         "four", "Westmarch cathedral", "people killed"),
        ("Okafor laid flowers at the Beacon Nightclub in Arles, where 31 people were "
         "killed, weeks after floods hit the region.", "31", "Beacon Nightclub",
         "people killed"),
        # a town with no venue before it stays the town, and so does one a disaster hit
        ("Lee toured a school in Arles, where 31 people were killed.", "31",
         "Arles", "people killed"),
        ("Lee toured the Acme factory in Pelt, where 12 people died in the flood.", "12",
         "Pelt", "people killed"),
    ],
)  # fmt: skip
def test_a_casualty_count_is_about_its_event(text, surface, subject, metric):
    claim = numeric(text, surface)
    assert (claim.subject, claim.metric) == (subject, metric)


def test_a_toll_in_the_articles_own_words_keeps_them():
    claim = numeric("Officials put the death toll at 64 after the ferry sank.", "64")
    assert claim.metric == "death toll"


def test_a_casualty_count_without_a_named_event_has_no_subject():
    # The person the article is about is not what the count is of.
    text = "Governor Ames spoke on Friday. She met relatives of the 9 people killed."
    assert numeric(text, "9").subject is None


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The firm hired 300 people in Ohio last year.", "300"),
        ("Smith won 40 delegates in Texas and lost 12 in Utah.", "12"),
        ("The bill would kill 5,000 jobs in Ohio, the union said.", "5,000"),
        ("The 3 bills died in committee last week.", "3"),
        ("Some 10,000 businesses were hurt by the shutdown.", "10,000"),
    ],
)  # fmt: skip
def test_other_counts_are_no_casualties(text, surface):
    assert "killed" not in (numeric(text, surface).metric or "")


def test_a_toll_said_without_its_noun_again_counts_the_same_people():
    claims = [
        c
        for c in extract_claims("The blast killed 12 people and wounded 30.")
        if c.kind == "numeric"
    ]
    assert [(c.surface, c.unit, c.metric) for c in claims] == [
        ("12", "person", "people killed"),
        ("30", "person", "people wounded"),
    ]


def test_a_second_toll_in_the_sentence_keeps_its_own_kind():
    text = "Four miners were killed and 30 were injured in the blast at the pit."
    claims = {c.surface: c for c in extract_claims(text, "2022-05-01") if c.kind == "numeric"}
    assert claims["Four"].metric == "miners killed"
    assert claims["30"].metric.endswith(("injured", "wounded"))
