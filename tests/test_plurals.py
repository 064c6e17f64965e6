"""One singular for the whole project: a unit's counted noun and a key's words."""

from __future__ import annotations

import pytest

from claims import normalise, plurals
from claims.extract import units


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Countries", "country"),
        ("churches", "church"),
        ("boxes", "box"),
        ("lives", "life"),  # the table of exceptions
        ("bonuses", "bonus"),
        ("movies", "movie"),
        ("analyses", "analysis"),
        ("clinics", "clinic"),
        ("news", "news"),  # not plurals
        ("politics", "politics"),
        ("statistics", "statistics"),
        ("status", "status"),
        ("ads", "ads"),  # three letters: left alone
        ("gas", "gas"),
    ],
)
def test_singular(word, expected):
    assert plurals.singular(word) == expected


def test_a_unit_and_a_key_make_a_noun_singular_alike():
    # They had rules of their own: "lives" was "life" as a unit and "live" in a key,
    # "Hispanics" was "hispanic" as a unit and "hispanics" in a key.
    assert units.canonical_noun_unit("lives") == "life"
    assert normalise.normalise_metric("lives lost") == "life lost"
    assert units.canonical_noun_unit("Hispanics") == "hispanic"
    assert normalise.key_columns("Hispanics", "bonuses", "USD") == {
        "subject_key": "hispanic",
        "metric_key": "bonus",
        "unit_key": "currency:USD",
    }


@pytest.mark.parametrize(
    ("one", "many"),
    [("delegate", "delegates"), ("person", "people"), ("country", "countries"),
     ("day", "days"), ("tax", "taxes"), ("votes", "votes")],
)  # fmt: skip
def test_the_plural_of_a_counted_noun(one, many):
    # ("a 60-vote threshold" is a threshold of votes; a plural stays as it is)
    assert plurals.plural(one) == many
    assert plurals.singular(many) == plurals.singular(one)
