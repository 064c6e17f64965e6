"""Charts: titled, axes with units, readable tooltips; checked through to_dict(), and
through the SVG that vl-convert draws where what a reader sees is at stake (the years
on date axes, the footer)."""

from __future__ import annotations

import html
import itertools
import json
import re
import sys
from datetime import date

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


def title_text(spec: dict) -> str:
    """The chart's title as read: its lines joined."""
    text = spec["title"]["text"]
    return " ".join(text) if isinstance(text, list) else text


def axis_labels(svg: str, axis: str = "X") -> list[str]:
    """The labels Vega drew on an axis of a chart's SVG (each axis is a group that names
    itself for screen readers, its labels a group of text marks)."""
    start = svg.index(f'aria-label="{axis}-axis')
    end = svg.find('class="mark-group role-axis"', start)
    chunk = svg[start : end if end > 0 else None]
    labels = chunk[chunk.index("role-axis-label") :]
    labels = labels[: labels.index("</g>")]
    return [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", labels)]


def svg_texts(svg: str) -> str:
    """Every text of a chart's SVG, a text of several lines (tspans) read as one."""
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.DOTALL)
    return " ".join(html.unescape(" ".join(re.sub(r"<[^>]+>", " ", t).split())) for t in texts)


def dataset(spec: dict) -> list[dict]:
    return next(iter(spec["datasets"].values()))


def test_timeline_by_period_is_titled_with_units_and_points_at_mid_period():
    spec = charts.timeline_chart(
        ROWS, subject="US", metric="unemployment rate", unit="percent"
    ).to_dict()
    assert title_text(spec) == "US: unemployment rate"
    points = layer_encodings(spec)[-1]
    assert points["y"]["title"] == "unemployment rate (percent)"
    assert points["x"]["axis"]["title"] == "Period the figure refers to"
    assert points["shape"]["field"] == "status" and points["color"]["field"] == "speaker"
    titles = [t["title"] for t in points["tooltip"]]
    assert {"Figure", "Sentence", "Source", "Status"} <= set(titles)
    rows = {r["id"]: r for r in dataset(spec)}
    assert set(rows) == {1, 2}  # claim 3 has no period
    assert rows[1]["when"] == "2020-07-01" and rows[2]["speaker"] == "(unattributed)"
    assert rows[1]["figure"] == "4.75 to 5%"
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
    assert points["x"]["axis"]["title"] == "Publication date" and points["y"]["title"] == "rate"
    assert [r["when"] for r in dataset(spec)] == ["2021-01-02", "2021-04-02"]
    with pytest.raises(ValueError):
        charts.timeline_chart(ROWS, subject="a", metric="b", unit=None, colour_by="mood")


def test_compare_chart_marks_median_spread_outliers_and_first():
    key = groups.ClaimKey("us", "rate", "percent", "2020")
    rows = [dict(r, approx=None, metric="rate", published=r["published"] or "2021-06-01")
            for r in ROWS]  # fmt: skip
    group = groups.build_group(key, rows)
    spec = charts.compare_chart(group).to_dict()
    assert title_text(spec) == "us · rate · percent · 2020"
    assert "median 6" in " ".join(spec["title"]["subtitle"])
    marks = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
             for layer in spec["layer"]]  # fmt: skip
    assert marks[:2] == ["rect", "rule"] and marks[-2:] == ["point", "text"]
    points = layer_encodings(spec)[-2]
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
    assert title_text(status) == "Claims by verification status"
    assert layer_encodings(status)[0]["x"]["title"] == "Claims (count)"
    assert len(dataset(status)) == 7
    month = charts.per_month_chart([{"month": "2021-01", "claims": 3}]).to_dict()
    assert layer_encodings(month)[0]["x"]["axis"]["title"] == "Month of publication"
    top = charts.count_chart(
        [{"value": "Fed", "claims": 4}], label="value", count="claims",
        title="Most-cited speakers", what="Speaker",
    ).to_dict()  # fmt: skip
    assert layer_encodings(top)[0]["y"]["title"] == "Speaker"


@pytest.mark.slow  # renders images through vl-convert: seconds
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


# ---------------------------------------------------------------- ready for a report


def monthly(
    subject: str,
    values: list[float],
    *,
    speaker: str = "ONS",
    first_id: int = 1,
    publisher: str | None = "Office for National Statistics",
    approx=None,
) -> list[dict]:
    """A claim a month from March 2021, one article each."""
    return [
        {"id": first_id + i, "value": v, "low": None, "high": None, "unit": "percent",
         "approx": approx, "period": f"2021-{3 + i:02d}", "period_start": f"2021-{3 + i:02d}-01",
         "period_end": f"2021-{3 + i:02d}-28", "published": f"2021-{4 + i:02d}-02",
         "status": "verified" if i == 0 else "unreviewed", "speaker": speaker,
         "source_title": f"{subject} report {i}", "source_publisher": publisher,
         "source_id": first_id + i, "sentence": f"Growth in {subject} was {v}%.",
         "subject": subject, "metric": "growth"}
        for i, v in enumerate(values)
    ]  # fmt: skip


def spans(start: str, end: str) -> list[dict]:
    """Two claims, one a period at each end of a span."""
    first, second = monthly("UK", [3.0, 4.0])
    return [dict(first, period_start=start, period_end=start),
            dict(second, period_start=end, period_end=end)]  # fmt: skip


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2021-03-01", "2021-03-20"),
        ("2021-03-01", "2021-06-30"),
        ("2019-01-01", "2021-12-31"),
        ("1990-01-01", "2021-12-31"),
    ],  # fmt: skip
)
def test_every_date_on_a_timeline_axis_shows_its_year(start, end):
    """Over three weeks, four months, three years or thirty years: no "March" alone."""
    for x in ("period", "published"):
        rows = spans(start, end) if x == "period" else [
            dict(r, published=d) for r, d in zip(spans(start, end), (start, end), strict=True)
        ]  # fmt: skip
        svg = charts.to_svg(charts.timeline_chart(rows, subject="UK", metric="growth",
                                                  unit="percent", x=x)).decode()  # fmt: skip
        labels = axis_labels(svg)
        assert len(labels) >= 2, labels
        assert all(re.search(r"\b(19|20)\d\d\b", label) for label in labels), labels


def test_the_months_of_publication_axis_shows_the_year():
    rows = [{"month": f"2021-{m:02d}", "claims": m} for m in range(1, 7)]
    labels = axis_labels(charts.to_svg(charts.per_month_chart(rows)).decode())
    assert labels and all("2021" in label for label in labels), labels


def test_every_temporal_axis_uses_the_year_labels():
    """The spec check behind the drawings: each date axis has the year-keeping labels."""
    key = groups.ClaimKey("uk", "growth", "percent", None)
    periods = [groups.build_group(key._replace(period="2021-03"), monthly("UK", [3.0]))]
    specs = [
        charts.timeline_chart(monthly("UK", [3, 4]), subject="UK", metric="growth",
                              unit="percent", medians=charts.series_medians(periods)),
        charts.per_month_chart([{"month": "2021-01", "claims": 3}]),
    ]  # fmt: skip
    for chart in specs:
        encodings = [e for e in layer_encodings(chart.to_dict()) if "axis" in e.get("x", {})]
        assert encodings and all(e["x"]["axis"]["labelExpr"] == charts.DATE_LABELS
                                 for e in encodings)  # fmt: skip


def test_long_titles_are_wrapped_and_legends_sit_above_the_plot():
    """Vega neither wraps a title nor shrinks a legend beside a narrow plot: lines are cut
    to fit half a wide page, and legends go above the plot in columns."""
    long_subject = "The Democratic People's Republic of Korea and its neighbouring economies"
    chart = charts.timeline_chart(
        monthly("UK", [3, 4]),
        subject=long_subject,
        metric="gross domestic product growth",
        unit="percent",
    )
    spec = chart.to_dict()  # fmt: skip
    assert isinstance(spec["title"]["text"], list) and len(spec["title"]["text"]) >= 2
    assert all(len(line) <= charts.TITLE_CHARS for line in spec["title"]["text"])
    assert all(len(line) <= charts.SUBTITLE_CHARS for line in spec["title"]["subtitle"])
    assert title_text(spec) == f"{long_subject}: gross domestic product growth"
    legends = [e[channel]["legend"] for e in layer_encodings(spec)
               for channel in ("color", "shape") if e.get(channel, {}).get("legend")]  # fmt: skip
    assert legends and all(legend["orient"] == "top" for legend in legends)


def lightness(colour: str) -> float:
    """CIE L* of an sRGB colour: how light it prints in greyscale."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    y = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 116 * y ** (1 / 3) - 16 if y > 0.008856 else 903.3 * y


def test_the_categorical_palette_reads_in_greyscale_and_is_not_the_official_grey():
    assert len(set(charts.SERIES_COLOURS)) == len(charts.SERIES_COLOURS) >= 6
    first = [lightness(c) for c in charts.SERIES_COLOURS[:4]]
    assert min(abs(a - b) for a, b in itertools.combinations(first, 2)) >= 10
    for colour in charts.SERIES_COLOURS:
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert max(r, g, b) - min(r, g, b) > 40, f"{colour} is nearly grey"


def test_speakers_get_the_palette_most_claims_first():
    rows = monthly("UK", [3, 4, 5], speaker="ONS") + monthly("UK", [6], speaker="IMF", first_id=9)
    points = layer_encodings(
        charts.timeline_chart(rows, subject="UK", metric="growth", unit="percent").to_dict()
    )[-1]
    scale = points["color"]["scale"]
    assert scale["range"] == charts.SERIES_COLOURS and scale["domain"] == ["ONS", "IMF"]


# ---------------------------------------------------------------- the footer


def test_the_footer_names_the_sources_and_the_export_date():
    rows = (monthly("UK", [3, 4]) + monthly("DE", [1], publisher=None, first_id=5)
            + monthly("JP", [2], publisher="  Nikkei\n Asia ", first_id=7))  # fmt: skip
    names = charts.source_names(rows)
    # The publisher, else the article's title; most claims first, spaces tidied.
    assert names == ["Office for National Statistics", "DE report 0", "Nikkei Asia"]
    text = charts.footer_text(names, exported=date(2026, 12, 5))
    assert text == (
        "Sources: Office for National Statistics, DE report 0 and Nikkei Asia. "
        "From the claim ledger, exported 5 December 2026."
    )
    many = charts.footer_text([f"Outlet {i}" for i in range(9)], exported=date(2026, 1, 2))
    assert many.startswith("Sources: Outlet 0, Outlet 1, Outlet 2, Outlet 3 and 5 more.")
    assert many.endswith("exported 2 January 2026.")


@pytest.mark.slow  # renders images through vl-convert: seconds
def test_the_footer_is_drawn_under_every_chart_and_in_its_images():
    rows = monthly("UK", [3, 4])
    key = groups.ClaimKey("uk", "growth", "percent", "2021-03")
    text = charts.footer_text(["Office for National Statistics"], exported=date(2026, 12, 5))
    built = [
        charts.timeline_chart(rows, subject="UK", metric="growth", unit="percent"),
        charts.compare_chart(groups.build_group(key, rows)),
        charts.status_chart({"verified": 1}),
        charts.count_chart([{"value": "ONS", "claims": 2}], label="value", count="claims",
                           title="Most-cited speakers", what="Speaker"),
        charts.per_month_chart([{"month": "2021-04", "claims": 2}]),
    ]  # fmt: skip
    for chart in built:
        framed = charts.with_footer(chart, text)
        spec = framed.to_dict()
        assert len(spec["layer"]) == len(chart.to_dict()["layer"]) + 1
        assert title_text(spec) == title_text(chart.to_dict())  # the chart is otherwise as built
        drawn = svg_texts(charts.to_svg(framed).decode())
        assert "Sources: Office for National Statistics." in drawn
        assert "exported 5 December 2026." in drawn
        assert charts.to_png(framed, scale=1).startswith(b"\x89PNG")


def test_a_long_footer_is_cut_into_lines():
    text = charts.footer_text([f"A rather long publisher name {i}" for i in range(4)],
                              exported=date(2026, 12, 5))  # fmt: skip
    layer = charts.with_footer(charts.status_chart({}), text).to_dict()["layer"][-1]
    footer = dataset(
        {
            "datasets": {
                k: v
                for k, v in charts.with_footer(charts.status_chart({}), text)
                .to_dict()["datasets"]
                .items()
                if "footer" in v[0]
            }
        }
    )
    lines = footer[0]["footer"].split("\n")  # fmt: skip
    assert len(lines) >= 2 and all(len(line) <= charts.FOOTER_CHARS for line in lines)
    assert " ".join(lines) == text and layer["mark"]["lineBreak"] == "\n"


# ---------------------------------------------------------------- several subjects


def three_subjects() -> tuple[list[dict], list[dict], list[str]]:
    """UK, Germany and Japan growth: each subject's claims and per-period medians."""
    names = ["United Kingdom", "Germany", "Japan"]
    rows, medians = [], []
    for n, (name, values) in enumerate(zip(names, ([3, 4, 5], [1, 1.5, 2], [0.5, 0.2, 0.9]),
                                           strict=True)):  # fmt: skip
        claims = [dict(c, series=name) for c in monthly(name, values, first_id=10 * n + 1)]
        rows += claims
        key = groups.ClaimKey(name.lower(), "growth", "percent", None)
        periods = [groups.build_group(key._replace(period=c["period"]), [c]) for c in claims]
        medians += charts.series_medians(periods, series=name)
    return rows, medians, names


def test_a_timeline_with_three_subjects_colours_and_dashes_each_subject():
    rows, medians, names = three_subjects()
    chart = charts.timeline_chart(
        rows, subject=charts.and_list(names), metric="growth", unit="percent",
        colour_by="subject", medians=medians, subjects=names,
    )  # fmt: skip
    spec = chart.to_dict()
    assert title_text(spec) == "United Kingdom, Germany and Japan: growth"
    points = layer_encodings(spec)[-1]
    assert points["color"]["field"] == "subject"
    assert points["color"]["scale"]["domain"] == names  # the main subject gets the first colour
    assert "Subject" in [t["title"] for t in points["tooltip"]]
    plotted = {r["id"]: r["subject"] for r in dataset(spec) if "id" in r}
    assert sorted(set(plotted.values())) == sorted(names) and len(plotted) == 9
    # Each subject's medians are a line of its own colour and dash.
    median_lines = [
        layer for outer in spec["layer"] for layer in outer.get("layer", [])
        if layer.get("mark", {}).get("type") == "line"
    ]  # fmt: skip
    [line] = median_lines
    assert line["encoding"]["color"]["field"] == "subject"
    assert line["encoding"]["strokeDash"]["scale"]["domain"] == names
    drawn = svg_texts(charts.to_svg(chart).decode())
    assert all(name in drawn for name in names)  # the legend names the three subjects


def test_a_timeline_of_one_subject_still_joins_its_medians_in_grey():
    rows, medians, _ = three_subjects()
    spec = charts.timeline_chart(rows[:3], subject="United Kingdom", metric="growth",
                                 unit="percent", medians=medians[:3]).to_dict()  # fmt: skip
    [line] = [layer for outer in spec["layer"] for layer in outer.get("layer", [])
              if layer.get("mark", {}).get("type") == "line"]  # fmt: skip
    assert line["mark"]["color"] == "#444" and "color" not in line["encoding"]
    assert layer_encodings(spec)[-1]["color"]["field"] == "speaker"


# ---------------------------------------------------------------- compare and figures


def test_compare_marks_each_claims_verification_status():
    rows = monthly("UK", [3, 3.1, 5])
    rows[1]["status"], rows[2]["status"] = "in_review", "disputed"
    rows = [dict(r, period="2021", period_start="2021-01-01", period_end="2021-12-31")
            for r in rows]  # fmt: skip
    chart = charts.compare_chart(groups.build_group(groups.ClaimKey("uk", "growth", "percent",
                                                                    "2021"), rows))  # fmt: skip
    spec = chart.to_dict()
    points, labels = layer_encodings(spec)[-2:]
    assert points["shape"]["field"] == "status"
    assert points["shape"]["scale"]["range"] == [charts.STATUS_SHAPES[s] for s in
                                                  points["shape"]["scale"]["domain"]]  # fmt: skip
    assert labels["text"]["field"] == "status_label"
    drawn = svg_texts(charts.to_svg(chart).decode())
    for status in ("verified", "in review", "disputed"):
        assert re.search(rf"\b{status}\b", drawn), status
    # The first appearance is ringed, no longer a shape of its own.
    assert any(layer.get("transform") == [{"filter": "datum.first"}] for layer in spec["layer"])


def test_an_approximate_figure_keeps_its_words_in_the_charts():
    rows = monthly("UK", [3.0], approx="more than")
    spec = charts.timeline_chart(rows, subject="UK", metric="growth", unit="percent").to_dict()
    assert [r["figure"] for r in dataset(spec)] == ["more than 3%"]
    group = groups.build_group(groups.ClaimKey("uk", "growth", "percent", "2021-03"), rows)
    assert charts.compare_frame(group.claims)["figure"].tolist() == ["more than 3%"]
