"""Charts: titled, axes with units, readable tooltips; checked through to_dict()."""

from __future__ import annotations

import json
import sys

import pytest

from claims import charts, groups

ROWS = [
    {"id": 1, "value": 5.0, "low": 4.75, "high": 5.0, "unit": "percent", "period": "2020",
     "period_start": "2020-01-01", "period_end": "2020-12-31", "published": "2021-01-02",
     "status": "verified", "speaker": "Fed", "source_title": "<script>alert(1)</script>",
     "source_id": 1, "sentence": "The rate was 4.75 to 5 percent."},
    {"id": 2, "value": 7.0, "low": None, "high": None, "unit": "percent", "period": "2021-Q1",
     "period_start": "2021-01-01", "period_end": "2021-03-31", "published": "2021-04-02",
     "status": "unreviewed", "speaker": None, "source_title": "B", "source_id": 2,
     "sentence": "It reached 7 percent."},
    {"id": 3, "value": 6.0, "low": None, "high": None, "unit": "percent", "period": None,
     "period_start": None, "period_end": None, "published": None, "status": "false",
     "speaker": "X", "source_title": None, "source_id": 3, "sentence": "6 percent."},
]  # fmt: skip


def layer_encodings(spec: dict) -> list[dict]:
    return [layer.get("encoding", {}) for layer in spec["layer"]]


def dataset(spec: dict) -> list[dict]:
    return next(iter(spec["datasets"].values()))


def test_timeline_by_period_is_titled_with_units_and_points_at_mid_period():
    spec = charts.timeline_chart(
        ROWS, subject="US", metric="unemployment rate", unit="percent"
    ).to_dict()
    assert spec["title"]["text"] == "US: unemployment rate"
    points = layer_encodings(spec)[-1]
    assert points["y"]["title"] == "unemployment rate (percent)"
    assert points["x"]["title"] == "Period the figure refers to"
    assert points["shape"]["field"] == "status" and points["color"]["field"] == "speaker"
    titles = [t["title"] for t in points["tooltip"]]
    assert {"Figure", "Sentence", "Source", "Status"} <= set(titles)
    rows = {r["id"]: r for r in dataset(spec)}
    assert set(rows) == {1, 2}  # claim 3 has no period
    assert rows[1]["when"] == "2020-07-01" and rows[2]["speaker"] == "(unattributed)"
    assert rows[1]["figure"] == "4.75 to 5 percent"
    # Ranges as error bars: a rule from low to high.
    assert any(e.get("y2", {}).get("field") == "high" for e in layer_encodings(spec))
    assert spec["params"][0]["name"] == charts.PICK or any(
        p.get("name") == charts.PICK for layer in spec["layer"] for p in layer.get("params", [])
    )


def test_timeline_by_publication_date_and_colour_by_source():
    spec = charts.timeline_chart(
        ROWS, subject="US", metric="rate", unit=None, colour_by="source", x="published"
    ).to_dict()
    points = layer_encodings(spec)[-1]
    assert points["color"]["field"] == "source"
    assert points["x"]["title"] == "Publication date" and points["y"]["title"] == "rate"
    assert [r["when"] for r in dataset(spec)] == ["2021-01-02", "2021-04-02"]
    with pytest.raises(ValueError):
        charts.timeline_chart(ROWS, subject="a", metric="b", unit=None, colour_by="mood")


def test_compare_chart_marks_median_spread_outliers_and_first():
    key = groups.ClaimKey("us", "rate", "percent", "2020")
    rows = [dict(r, approx=None, metric="rate", published=r["published"] or "2021-06-01")
            for r in ROWS]  # fmt: skip
    group = groups.build_group(key, rows)
    spec = charts.compare_chart(group).to_dict()
    assert spec["title"]["text"] == "us · rate · percent · 2020"
    assert "median 6" in spec["title"]["subtitle"]
    marks = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
             for layer in spec["layer"]]  # fmt: skip
    assert marks[:2] == ["rect", "rule"] and marks[-1] == "point"
    points = layer_encodings(spec)[-1]
    assert points["x"]["title"] == "rate (percent)"
    data = {d["who"]: d for ds in spec["datasets"].values() for d in ds if "who" in d}
    assert data["<script>alert(1)</script>"]["first"] is True
    # 5 is the first appearance; 7 is off the median of 6 by more than 0.5 points.
    assert data["<script>alert(1)</script>"]["mark"] == "outlier"
    assert data["B"]["mark"] == "outlier"


def test_timeline_marks_medians_and_first_appearances():
    key = groups.ClaimKey("us", "rate", "percent", None)
    periods = [groups.build_group(key._replace(period="2020"), [dict(ROWS[0], approx=None)])]
    spec = charts.timeline_chart(
        ROWS[:1], subject="us", metric="rate", unit="percent",
        medians=charts.series_medians(periods),
    ).to_dict()  # fmt: skip
    rows = [d for ds in spec["datasets"].values() for d in ds]
    median = next(r for r in rows if "median" in r)
    assert (median["median"], median["period"], median["middle"]) == (5.0, "2020", "2020-07-01")
    marks = json.dumps(spec["layer"])
    assert '"mark": {"type": "line"' in marks  # the medians joined into one series
    assert any(layer.get("transform") == [{"filter": "datum.first"}] for layer in spec["layer"])


def test_overview_charts_are_titled():
    status = charts.status_chart({"verified": 2}).to_dict()
    assert status["title"]["text"] == "Claims by verification status"
    assert status["encoding"]["x"]["title"] == "Claims (count)"
    assert len(dataset(status)) == 7
    month = charts.per_month_chart([{"month": "2021-01", "claims": 3}]).to_dict()
    assert month["encoding"]["x"]["title"] == "Month of publication"
    top = charts.count_chart(
        [{"value": "Fed", "claims": 4}], label="value", count="claims",
        title="Most-cited speakers", what="Speaker",
    ).to_dict()  # fmt: skip
    assert top["encoding"]["y"]["title"] == "Speaker"


def test_charts_render_to_png_and_svg():
    chart = charts.timeline_chart(ROWS, subject="US <script>", metric="rate", unit="percent")
    png = charts.to_png(chart, scale=1)
    assert png.startswith(b"\x89PNG")
    svg = charts.to_svg(chart).decode()
    assert svg.lstrip().startswith("<svg") and "US &lt;script&gt;: rate" in svg
    # Text from articles is text in the SVG, never markup.
    assert "<script" not in svg


def test_empty_data_still_builds_a_chart():
    spec = charts.timeline_chart([], subject="s", metric="m", unit=None).to_dict()
    assert all(not rows for rows in spec.get("datasets", {}).values())


def test_images_are_available_only_with_vl_convert(monkeypatch):
    assert charts.png_available()  # requirements-dev.txt installs the `png` extra
    monkeypatch.setitem(sys.modules, "vl_convert", None)  # as if it were not installed
    assert not charts.png_available()
