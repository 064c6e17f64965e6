"""What the pages draw of official series: claims.official over the reference ledger
(tests/reference_ledger.py), and the official layers of claims.charts."""

from __future__ import annotations

import pytest

from claims import charts, groups, official, reference, reference_links
from claims.model import ClaimsError
from claims.normalise import key_columns
from tests.reference_ledger import BRENT_2022_03, BRENT_2022_03_08, BRENT_DAILY, BRENT_MONTHLY

BRENT_KEY = tuple(key_columns("Brent crude", "price", "USD").values())


def link_brent(db) -> None:
    for series in (BRENT_DAILY, BRENT_MONTHLY):
        reference_links.link(
            db, series, subject="Brent crude", metric="price", unit="USD",
            reviewer="ann", note="the EIA spot price",
        )  # fmt: skip


def test_a_key_linked_to_nothing_has_no_official_line_or_value(ledger):
    assert official.lines_for_key(ledger, BRENT_KEY) == []
    assert official.values_for_period(ledger, BRENT_KEY, "2022-03") == []


def test_each_linked_series_is_a_line_of_its_latest_vintage(ledger):
    link_brent(ledger)
    lines = official.lines_for_key(ledger, BRENT_KEY)
    assert [(line.series, line.frequency, line.vintage) for line in lines] == [
        (BRENT_DAILY, "day", 1),
        (BRENT_MONTHLY, "month", 1),
    ]
    daily = {point["period"]: point for point in lines[0].points}
    assert daily["2022-03-08"] == {
        "period": "2022-03-08", "start": "2022-03-08", "end": "2022-03-08",
        "value": BRENT_2022_03_08,
    }  # fmt: skip
    assert lines[0].url == "https://www.eia.gov/dnav/pet/hist/RBRTED.htm"


def test_a_period_gets_the_value_of_the_series_of_its_own_frequency_only(ledger):
    link_brent(ledger)
    [on_the_day] = official.values_for_period(ledger, BRENT_KEY, "2022-03-08")
    assert (on_the_day.series, on_the_day.value) == (BRENT_DAILY, BRENT_2022_03_08)
    [in_the_month] = official.values_for_period(ledger, BRENT_KEY, "2022-03")
    assert (in_the_month.series, in_the_month.value) == (BRENT_MONTHLY, BRENT_2022_03)
    assert official.values_for_period(ledger, BRENT_KEY, "2022") == []  # no annual series
    assert official.values_for_period(ledger, BRENT_KEY, None) == []  # a standing figure


def test_an_earlier_vintage_is_a_line_that_says_which_it_is(ledger):
    row = reference.series_row(ledger, BRENT_MONTHLY)
    spec = reference.SeriesSpec(name=BRENT_MONTHLY, unit=row["unit"], frequency="month")
    reference.store_observations(ledger, spec, [("2022-03", 120.0)], source="r.csv", sha256="r")
    latest = official.line_of_series(ledger, BRENT_MONTHLY)
    assert (latest.vintage, latest.latest, latest.earlier) == (2, 2, False)
    assert [point["value"] for point in latest.points] == [120.0]
    first = official.line_of_series(ledger, BRENT_MONTHLY, 1)
    assert (first.vintage, first.earlier) == (1, True)
    assert {p["period"]: p["value"] for p in first.points}["2022-03"] == BRENT_2022_03
    assert official.vintage_words(latest) == "vintage 2, the latest of 2"
    assert official.vintage_words(first) == (
        "vintage 1 of 2, an earlier estimate (checks use the latest, vintage 2)"
    )
    assert official.chart_name(first) == f"{BRENT_MONTHLY} (vintage 1 of 2)"
    assert official.chart_name(official.line_of_series(ledger, BRENT_DAILY)) == BRENT_DAILY
    with pytest.raises(ClaimsError, match="has no vintage 3 \\(it has 1 to 2\\)"):
        official.line_of_series(ledger, BRENT_MONTHLY, 3)


def test_the_imports_stamp_grows_with_an_import(ledger):
    before = official.imports_stamp(ledger)
    reference.derive(ledger, BRENT_MONTHLY, "Brent, change on a year earlier")
    assert official.imports_stamp(ledger) > before


# ---------------------------------------------------------------- charts

ANNUAL = [
    {"period": str(year), "start": f"{year}-01-01", "end": f"{year}-12-31", "value": float(year)}
    for year in range(2010, 2026)
]
CLAIMS = [
    {"id": 1, "value": 3.0, "low": None, "high": None, "period": "2020",
     "period_start": "2020-01-01", "period_end": "2020-12-31", "published": "2021-01-02",
     "status": "unreviewed", "speaker": "A", "source_title": "A", "source_id": 1,
     "sentence": "It was 3."},
    {"id": 2, "value": 4.0, "low": None, "high": None, "period": "2021-Q2",
     "period_start": "2021-04-01", "period_end": "2021-06-30", "published": "2021-07-02",
     "status": "unreviewed", "speaker": "B", "source_title": "B", "source_id": 2,
     "sentence": "It was 4."},
]  # fmt: skip


def test_the_official_line_keeps_to_the_claims_span_and_a_period_either_side():
    frame = charts.official_frame(ANNUAL, charts.timeline_frame(CLAIMS))
    assert list(frame["period"]) == ["2019", "2020", "2021", "2022"]
    assert list(frame["when"]) == ["2019-07-02", "2020-07-01", "2021-07-02", "2022-07-02"]


def test_an_official_series_that_ends_before_the_claims_keeps_its_last_point():
    frame = charts.official_frame(ANNUAL[:5], charts.timeline_frame(CLAIMS))  # to 2014
    assert list(frame["period"]) == ["2014"]


def test_the_timeline_draws_the_official_line_first_and_only_by_period():
    spec = charts.timeline_chart(
        CLAIMS, subject="US", metric="rate", unit="percent", official=ANNUAL,
        official_name="US rate <b>series</b>",
    ).to_dict()  # fmt: skip
    under = spec["layer"][0]
    assert under["mark"]["type"] == "line"
    assert under["mark"]["color"] == charts.OFFICIAL_COLOUR
    assert [t["title"] for t in under["encoding"]["tooltip"]] == [
        "Official series", "Period", "Official value"
    ]  # fmt: skip
    subtitle = " ".join(spec["title"]["subtitle"])  # wrapped into lines
    assert subtitle.endswith("; the grey line is US rate <b>series</b>")
    by_published = charts.timeline_chart(
        CLAIMS, subject="US", metric="rate", unit="percent", x="published", official=ANNUAL,
        official_name="US rate",
    ).to_dict()  # fmt: skip
    assert all(layer.get("mark", {}).get("type") != "line" for layer in by_published["layer"])
    assert "grey line" not in " ".join(by_published["title"]["subtitle"])


def test_compare_marks_each_official_value_as_a_rule():
    key = groups.ClaimKey("brent crude", "price", "USD", "2022-03-08")
    rows = [dict(r, approx=None, metric="price", unit="USD") for r in CLAIMS]
    brent = {"series": "Brent (daily)", "vintage": 2, "value": 133.18}
    spec = charts.compare_chart(groups.build_group(key, rows), official=[brent]).to_dict()
    rules = [
        layer for layer in spec["layer"]
        if layer.get("mark", {}).get("color") == charts.OFFICIAL_COLOUR
    ]  # fmt: skip
    assert len(rules) == 1 and rules[0]["mark"]["type"] == "rule"
    values = [row for rows in spec["datasets"].values() for row in rows if "series" in row]
    assert values == [{"value": 133.18, "series": "Brent (daily)", "label": "133.18 (vintage 2)"}]
    assert "solid grey line = the official figure" in " ".join(spec["title"]["subtitle"])
