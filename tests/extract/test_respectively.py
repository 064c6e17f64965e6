"""Figures a sentence pairs with names in order ("... respectively")."""

from __future__ import annotations

import pytest

from claims.extract import extract_claims


def _by_surface(text: str) -> dict[str, tuple[str | None, str | None]]:
    claims = extract_claims(text, "2023-03-01")
    return {c.surface: (c.subject, c.speaker) for c in claims if c.kind == "numeric"}


def test_the_names_before_the_figures_are_their_subjects_in_order():
    text = "Both Ted Lee and Jo Ng trailed Kim Park, by 5 and 10 points, respectively."
    found = _by_surface(text)
    assert found["5"][0] == "Ted Lee"
    assert found["10"][0] == "Jo Ng"


def test_names_after_from_are_the_figures_sources_in_order():
    text = (
        "Park leads in recent polls from Beacon and Acme/Harbour, by 8 and 11 points, respectively."
    )
    found = _by_surface(text)
    assert (found["8"][1], found["11"][1]) == ("Beacon", "Acme/Harbour")


@pytest.mark.parametrize(
    ("text", "first", "name"),
    [
        # names that modify a noun: whose figures they are is not said
        ("Rivers built Beacon and Acme followings of 45 million and 33 million, respectively.",
         "45 million", "Beacon"),
        # as many figures as names, or nothing is paired
        ("Lee and Ng won 5, 10 and 12 seats, respectively.", "5", "Lee"),
        # no "respectively": the figures are not paired
        ("Lee and Ng trailed Park by 5 and 10 points.", "5", "Lee"),
    ],
)  # fmt: skip
def test_figures_are_paired_only_when_the_sentence_pairs_them(text, first, name):
    assert _by_surface(text)[first][0] != name
