"""The measures of bench/eval_compare.py on a hand-made gold and groups output.

Three made-up figures: a jobless rate in January and in February (one series)
and a near miss, a fleet of 5 ships, which shares the January rate's number and
is wrongly grouped with it in one article. bench/ is not a package, so the
module is loaded from its path.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "eval_compare.py"


def load_bench_module():
    spec = importlib.util.spec_from_file_location("eval_compare", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


ec = load_bench_module()


def mention(article: str, start: int, surface: str, value: float) -> dict:
    return {
        "id": article,
        "surface": surface,
        "surface_start": start,
        "surface_end": start + len(surface),
        "value": value,
    }


def figure(name: str, series: str | None, period: str | None, *mentions: dict) -> dict:
    return {
        "figure": name,
        "series": series,
        "subject": "Ruritania",
        "metric": name,
        "unit": "percent",
        "period": period,
        "value": mentions[0]["value"],
        "mentions": list(mentions),
    }


FIGURES = [
    figure(
        "jobless rate January",
        "jobless rate",
        "2020-01",
        mention("a1", 10, "5.0%", 5.0),
        mention("a2", 20, "5.0%", 5.0),
    ),
    figure(
        "jobless rate February",
        "jobless rate",
        "2020-02",
        mention("a1", 40, "5.2%", 5.2),
        mention("a3", 5, "5.2%", 5.2),  # the claim sits 4 characters later: "nearby"
    ),
    figure(
        "fleet size",
        None,
        None,
        mention("a2", 60, "5", 5.0),
        mention("a3", 30, "5", 5.0),  # grouped with the January rate: the near miss
        mention("a4", 100, "5", 5.0),  # the claim with its number is 99 characters away
    ),
]


def claim(claim_id: int, article: str, start: int, surface: str, value: float, period) -> dict:
    return {
        "claim_id": claim_id,
        "source_url": ec.URL_PREFIX + article,
        "source_title": f"Article {article}",
        "surface": surface,
        "surface_start": start,
        "value": value,
        "period": period,
    }


def group(name: str, subject, metric, unit, period, *claims: dict) -> dict:
    return {
        "group": name,
        "subject": subject,
        "metric": metric,
        "unit": unit,
        "period": period,
        "claims": list(claims),
    }


GROUPS = [
    group(
        "g1",
        "Ruritania",
        "jobless rate",
        "percent",
        "2020-01",
        claim(1, "a1", 10, "5.0%", 5.0, "2020-01"),
        claim(2, "a2", 20, "5.0%", 5.0, "2020-01"),
        claim(6, "a3", 30, "5", 5.0, "2020-01"),
        claim(8, "a5", 0, "5%", 5.0, "2020-01"),  # no figure mentions it: never counted
    ),
    group(
        "g2",
        "ruritania ",
        "Jobless  rate",
        "percent",
        "2020-02",
        claim(3, "a1", 40, "5.2%", 5.2, "2020-02"),
        claim(4, "a3", 12, "5.2%", 5.2, None),
    ),
    group("g3", "fleet", "ships", "ship", None, claim(5, "a2", 60, "5", 5.0, None)),
    group("g4", "harbour", "berths", "berth", None, claim(7, "a4", 200, "5", 5.0, None)),
    # A claim from another site over the same offsets: its URL maps to no article.
    group(
        "g5",
        "x",
        "y",
        "z",
        None,
        {**claim(9, "a1", 10, "5.0%", 5.0, None), "source_url": "https://other.example/a1"},
    ),
]


def test_the_four_measures():
    result = ec.score(FIGURES, GROUPS)
    # Pairs of one figure across articles: January (a1, a2) and February (a1, a3) are
    # each in one group; none of the fleet's three pairs is.
    assert result["pair_recall"] == {"score": 2 / 5, "hits": 2, "total": 5}
    # Gold-mention pairs sharing a group across articles: in g1 the January pair (right)
    # and the fleet mention with each January one (wrong); in g2 the February pair.
    assert result["pair_precision"] == {"score": 0.5, "hits": 2, "total": 4}
    # January's group and February's carry the same subject, metric and unit (case and
    # spacing aside) and different periods.
    assert result["series_keys"] == {"score": 1.0, "hits": 1, "total": 1}
    # Four mentions have a figure with a period; the nearby February claim has none.
    assert result["period"] == {"score": 0.75, "hits": 3, "total": 4}
    assert result["mentions"] == 7
    assert result["matched_by"] == {"overlap": 5, "nearby": 1, "none": 1}


def test_pairs_within_one_article_do_not_count():
    one_article = [
        figure("a", None, None, mention("a1", 0, "7", 7.0), mention("a1", 10, "7", 7.0)),
        figure("b", None, None, mention("a1", 20, "8", 8.0)),
    ]
    groups = [
        group(
            "g",
            "s",
            "m",
            "u",
            None,
            claim(1, "a1", 0, "7", 7.0, None),
            claim(2, "a1", 10, "7", 7.0, None),
            claim(3, "a1", 20, "8", 8.0, None),
        )
    ]
    result = ec.score(one_article, groups)
    assert result["pair_recall"]["total"] == 0
    assert result["pair_precision"]["total"] == 0


def test_an_overlapping_claim_wins_and_prefers_the_same_number():
    m = ec.Mention(0, "a1", 10, 15, "1,237", 1237.0)
    other_number = ec.Claim(1, "g1", "a1", 8, 12, "$1", 1.0, None)
    same_number = ec.Claim(2, "g2", "a1", 10, 15, "1,237", 1237.0, None)
    assert ec.match_mention(m, [other_number, same_number]) == (same_number, "overlap")
    assert ec.match_mention(m, [other_number]) == (other_number, "overlap")
    far = ec.Claim(3, "g3", "a1", 15 + ec.WINDOW + 1, 20 + ec.WINDOW + 1, "1,237", 1237.0, None)
    assert ec.match_mention(m, [far]) == (None, "none")


@pytest.mark.parametrize(
    ("a", "b", "lines_up"),
    [
        ({"period": "2020-01"}, {"period": "2020-02"}, True),
        ({"period": "2020-01"}, {"period": "2020-01"}, False),
        ({"period": None}, {"period": "2020-02"}, False),
        ({"period": "2020-01", "unit": "percent"}, {"period": "2020-02", "unit": "USD"}, False),
    ],
)
def test_series_keys_need_one_key_and_different_periods(a, b, lines_up):
    base = {"subject": "Ruritania", "metric": "jobless rate", "unit": "percent"}
    assert ec.keys_line_up({**base, **a}, {**base, **b}) is lines_up
