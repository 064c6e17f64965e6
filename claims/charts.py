"""Altair charts for the dashboard and for reports: built from query results.

Every chart is titled, its axes say what they measure and in which unit, and
its tooltips read as plain sentences. Nothing here knows about Streamlit;
tests check the specs through chart.to_dict(). to_png/to_svg render a chart
for download with vl-convert.
"""

from __future__ import annotations

import importlib.util
import io
import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import altair as alt
import pandas as pd

from claims.model import STATUSES
from claims.render import format_number, format_value, truncate

# One colour and one shape per status, the same in every chart.
STATUS_COLOURS = {
    "unreviewed": "#9e9e9e",
    "in_review": "#1f77b4",
    "verified": "#2ca02c",
    "disputed": "#ff7f0e",
    "misleading": "#9467bd",
    "false": "#d62728",
    "unverifiable": "#8c564b",
}
STATUS_SHAPES = {
    "unreviewed": "circle",
    "in_review": "square",
    "verified": "diamond",
    "disputed": "triangle-up",
    "misleading": "triangle-down",
    "false": "cross",
    "unverifiable": "triangle-right",
}
# The name of the point selection a Streamlit page reads to open a claim.
PICK = "pick"
WIDTH = 760

# Sources, speakers and subjects get these colours in turn. Hues a reader with a
# colour-vision deficiency still tells apart, and the first four steps apart in
# lightness (CIE L* 26, 71, 44, 58), so a report printed in black and white keeps
# them distinct; none is grey, the official series' colour.
SERIES_COLOURS = [
    "#1f3b73", "#e69f00", "#1b7837", "#cf6aa0", "#56b4e9", "#7b3294", "#d55e00", "#8c510a",
]  # fmt: skip
# Each subject's line on a multi-subject timeline also gets its own dash, for print.
SERIES_DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [1, 3]]

# Every date axis says the year: "2021" at a year's start, "Mar 2021" at a month's,
# "15 Mar 2021" at a day's (Vega's default would write "March" or "Mar 15" alone).
DATE_LABELS = (
    "timeFormat(datum.value, '%m-%d') === '01-01' ? timeFormat(datum.value, '%Y')"
    " : timeFormat(datum.value, '%d') === '01' ? timeFormat(datum.value, '%b %Y')"
    " : timeFormat(datum.value, '%-d %b %Y')"
)
# Vega neither wraps a title nor a text mark: lines are cut here, short enough for a
# chart in half of a 1400-pixel page or in the whole of an 800-pixel one.
TITLE_CHARS = 60
SUBTITLE_CHARS = 85
FOOTER_CHARS = 64


def _status_scale(kind: str) -> alt.Scale:
    palette = STATUS_COLOURS if kind == "colour" else STATUS_SHAPES
    return alt.Scale(domain=list(STATUSES), range=[palette[s] for s in STATUSES])


def _axis_title(name: str, unit: str | None) -> str:
    return f"{name} ({unit})" if unit else name


def _lines(text: str, width: int) -> list[str]:
    """Text cut into lines of at most `width` characters (a long word is broken)."""
    return textwrap.wrap(" ".join(text.split()), width) or [""]


def _title(text: str, subtitle: str | None = None) -> alt.Title:
    """A chart's title and subtitle, wrapped so that neither is clipped by a narrow page."""
    lines = _lines(truncate(text, 2 * TITLE_CHARS), TITLE_CHARS)
    if subtitle is None:
        return alt.Title(lines, anchor="start")
    return alt.Title(lines, subtitle=_lines(subtitle, SUBTITLE_CHARS), anchor="start")


def _date_axis(title: str) -> alt.Axis:
    return alt.Axis(title=title, labelExpr=DATE_LABELS, labelOverlap=True, titleLimit=400)


def _legend(title: str, *, columns: int = 1) -> alt.Legend:
    """A compact legend above the plot in columns: beside it, a legend takes the plot's
    width on a narrow page and its labels are cut; under it, it would meet the footer.
    Its symbols are opaque whatever the layer they come from (a period's faint bar), and
    its sizes are set here, not left to a theme's larger ones."""
    return alt.Legend(
        title=title, orient="top", direction="vertical", columns=columns,
        labelLimit=180, symbolLimit=40, columnPadding=10, rowPadding=2, symbolSize=60,
        labelFontSize=11, titleFontSize=11, symbolOpacity=1,
        labelExpr="replace(datum.label, '_', ' ')",
    )  # fmt: skip


def series_scale(domain: Sequence[str] | None = None) -> alt.Scale:
    """The categorical colours of sources, speakers and subjects (SERIES_COLOURS)."""
    if domain is None:
        return alt.Scale(range=SERIES_COLOURS)
    return alt.Scale(domain=list(domain), range=SERIES_COLOURS)


# ---------------------------------------------------------------- footer


def source_names(rows: Sequence[Mapping]) -> list[str]:
    """Who the shown claims come from, most claims first: each article's publisher, or
    its title when no publisher is known."""
    names = Counter(
        " ".join(str(r.get("source_publisher") or r.get("source_title") or "").split())
        or f"source {r.get('source_id')}"
        for r in rows
    )
    return [name for name, _ in sorted(names.items(), key=lambda item: (-item[1], item[0]))]


def footer_text(sources: Sequence[str], *, exported: date, shown: int = 4) -> str:
    """The line under a chart (on screen, in the PNG and the SVG): whose figures these are
    and when they left the ledger, so a chart copied into a report keeps its provenance."""
    named = [truncate(name, 120) for name in sources[:shown]]
    more = len(sources) - len(named)
    who = and_list([*named, f"{more} more"] if more else named) or "no sources"
    when = f"{exported.day} {exported:%B %Y}"
    return f"Sources: {who}. From the claim ledger, exported {when}."


def with_footer(chart: alt.LayerChart, text: str) -> alt.LayerChart:
    """The chart with `text` (footer_text) written under its plot and axis titles, as a
    layer of the chart itself: it is in the PNG and SVG downloads and keeps the chart's
    width, selections and autosize.

    A layer's marks are placed from the plot's left edge, right of the axis labels, and
    how wide those are is known only when drawn: the footer ends at the plot's right edge
    instead (a credit line's place), where a chart of any width has room for it."""
    footer = (
        alt.Chart(pd.DataFrame({"footer": ["\n".join(_lines(text, FOOTER_CHARS))]}))
        .mark_text(
            align="right", baseline="top", dy=FOOTER_OFFSET, lineBreak="\n", fontSize=10,
            color="#555", lineHeight=13,
        )
        .encode(x=alt.value("width"), y=alt.value("height"), text="footer:N")
    )  # fmt: skip
    framed = chart.copy()
    framed.layer = [*chart.layer, footer]
    return framed


# Below the plot: past the axis labels and title (about 50 pixels in Streamlit's theme,
# whose axis titles sit lower than Vega's own), and a gap.
FOOTER_OFFSET = 62


# ---------------------------------------------------------------- overview


def status_chart(by_status: Mapping[str, int]) -> alt.LayerChart:
    """Claims per verification status (horizontal bars, every status listed)."""
    data = pd.DataFrame(
        {"status": list(STATUSES), "claims": [int(by_status.get(s, 0)) for s in STATUSES]}
    )
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("status:N", sort=list(STATUSES), title="Status"),
            x=alt.X("claims:Q", title="Claims (count)"),
            color=alt.Color("status:N", scale=_status_scale("colour"), legend=None),
            tooltip=[
                alt.Tooltip("status:N", title="Status"),
                alt.Tooltip("claims:Q", title="Claims", format=","),
            ],
        )
    )
    return alt.LayerChart(layer=[bars]).properties(
        title=_title("Claims by verification status"), width=WIDTH
    )


def count_chart(
    rows: Sequence[Mapping], *, label: str, count: str, title: str, what: str
) -> alt.LayerChart:
    """Horizontal bars of `count` per `label`, largest first (top speakers, metrics, kinds)."""
    data = pd.DataFrame(
        [{"label": str(r[label]), "count": int(r[count])} for r in rows],
        columns=["label", "count"],
    )
    bars = (
        alt.Chart(data)
        .mark_bar(color="#4c78a8")
        .encode(
            y=alt.Y("label:N", sort="-x", title=what, axis=alt.Axis(labelLimit=200)),
            x=alt.X("count:Q", title="Claims (count)"),
            tooltip=[
                alt.Tooltip("label:N", title=what),
                alt.Tooltip("count:Q", title="Claims", format=","),
            ],
        )
    )
    return alt.LayerChart(layer=[bars]).properties(title=_title(title), width=WIDTH)


def per_month_chart(rows: Sequence[Mapping]) -> alt.LayerChart:
    """Claims per month of publication."""
    data = pd.DataFrame(
        [{"month": f"{r['month']}-01", "claims": int(r["claims"])} for r in rows],
        columns=["month", "claims"],
    )
    bars = (
        alt.Chart(data)
        .mark_bar(color="#4c78a8")
        .encode(
            x=alt.X("yearmonth(month):T", axis=_date_axis("Month of publication")),
            y=alt.Y("claims:Q", title="Claims (count)"),
            tooltip=[
                alt.Tooltip("yearmonth(month):T", title="Month", format="%B %Y"),
                alt.Tooltip("claims:Q", title="Claims", format=","),
            ],
        )
    )
    return alt.LayerChart(layer=[bars]).properties(
        title=_title("Claims per month of publication"), width=WIDTH
    )


# ---------------------------------------------------------------- timeline


def _midpoint(start: str, end: str | None) -> str:
    a = date.fromisoformat(start)
    b = date.fromisoformat(end) if end else a
    return date.fromordinal((a.toordinal() + b.toordinal()) // 2).isoformat()


def timeline_frame(rows: Sequence[Mapping], *, x: str = "period") -> pd.DataFrame:
    """The plotted table of a series: one row per claim with an x date.

    x="period": the middle of the period the figure refers to; a standing
    figure (no period) stands at its publication date, "as of" it, so that a
    series keeps every source; x="published": the publication date. Claims
    with neither date are left out.
    """
    records = []
    for r in rows:
        period = r.get("period") or ""
        if x == "period":
            if r.get("period_start"):
                when = _midpoint(r["period_start"], r.get("period_end"))
            elif not period and r.get("published"):
                when, period = r["published"], f"as of {r['published']}"
            else:
                continue
        else:
            if not r.get("published"):
                continue
            when = r["published"]
        has_range = r.get("low") is not None and r.get("high") is not None
        records.append(
            {
                "id": int(r["id"]),
                "when": when,
                "start": r.get("period_start") or when,
                "end": r.get("period_end") or when,
                "value": r["value"],
                "low": r["low"] if has_range else None,
                "high": r["high"] if has_range else None,
                "figure": format_value(r),
                "period": period,
                "published": r.get("published") or "",
                "status": r.get("status") or "unreviewed",
                "speaker": r.get("speaker") or "(unattributed)",
                "source": truncate(r.get("source_title") or f"source {r.get('source_id')}", 60),
                # A series' name as its picker shows it (the page sets "series"), so the
                # legend of a multi-subject timeline reads like the picker.
                "subject": truncate(r.get("series") or r.get("subject") or "(no subject)", 60),
                "sentence": truncate(r.get("sentence"), 180),
                "mark": claim_mark(r),
                "first": bool(r.get("first")),
            }
        )
    columns = [
        "id", "when", "start", "end", "value", "low", "high", "figure", "period",
        "published", "status", "speaker", "source", "subject", "sentence", "mark", "first",
    ]  # fmt: skip
    return pd.DataFrame(records, columns=columns)


COLOUR_BY = ("speaker", "source", "subject")


def and_list(names: Sequence[str]) -> str:
    """Names as a sentence lists them: "A", "A and B", "A, B and C"."""
    names = list(names)
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def _most_first(values: pd.Series) -> list[str]:
    """A colour domain: the values with most claims first, so they get the first colours."""
    counts = Counter(values)
    return sorted(counts, key=lambda v: (-counts[v], v))


def timeline_chart(
    rows: Sequence[Mapping],
    *,
    subject: str,
    metric: str,
    unit: str | None,
    colour_by: str = "speaker",
    x: str = "period",
    medians: Sequence[Mapping] = (),
    official: Sequence[Mapping] = (),
    official_name: str | None = None,
    subjects: Sequence[str] = (),
) -> alt.LayerChart:
    """A series over time: points at the period (or publication date), value on y.

    Colour by speaker, source or subject, shape by status, ranges as vertical error
    bars, the period's extent as a faint horizontal bar, each period's median
    (`medians`, from series_medians) as a dashed line over it, and the first
    appearance of each figure ringed. Clicking a point selects its claim id
    (selection named PICK). `official` (points of claims.reference.official_line,
    the series `official_name`) is drawn as a line under the claims, over their
    span only; it is drawn by period, so only when x is "period".

    Several subjects' series of one measure ("UK, Germany and Japan growth") share a
    chart when each row's "series" names its subject and `subjects` lists them in the
    order to colour them: colour_by is then "subject", and each subject's medians are
    a line of its colour and dash.
    """
    if colour_by not in COLOUR_BY:
        raise ValueError("colour_by is 'speaker', 'source' or 'subject'")
    data = timeline_frame(rows, x=x)
    x_title = "Period the figure refers to" if x == "period" else "Publication date"
    subtitle = (
        "Each point is a claim, placed at the middle of the period it is about"
        if x == "period"
        else "Each point is a claim, placed at the day it was published"
    )
    base = alt.Chart(data).encode(
        x=alt.X("when:T", axis=_date_axis(x_title)),
        y=alt.Y(
            "value:Q",
            title=_axis_title(metric, unit),
            scale=alt.Scale(zero=False, padding=18),
            axis=alt.Axis(titleLimit=300),
        ),
    )
    tooltip = [
        alt.Tooltip("figure:N", title="Figure"),
        alt.Tooltip("period:N", title="Period"),
        *([alt.Tooltip("subject:N", title="Subject")] if colour_by == "subject" else []),
        alt.Tooltip("speaker:N", title="Speaker"),
        alt.Tooltip("source:N", title="Source"),
        alt.Tooltip("published:N", title="Published"),
        alt.Tooltip("status:N", title="Status"),
        alt.Tooltip("mark:N", title="Marked"),
        alt.Tooltip("sentence:N", title="Sentence"),
        alt.Tooltip("id:Q", title="Claim id"),
    ]
    pick = alt.selection_point(name=PICK, fields=["id"], on="click", empty=False)
    # Subjects in the order picked (the main one gets the first colour); else most claims first.
    picked = colour_by == "subject" and subjects
    domain = list(subjects) if picked else _most_first(data[colour_by])
    # Filled circles in the colour legend: merged from every layer, its symbols would
    # otherwise take a subject's dashes from its median line.
    legend = _legend(colour_by.capitalize()).copy()
    legend.symbolType, legend.symbolDash, legend.symbolStrokeWidth = "circle", [1, 0], 0
    colour = alt.Color(f"{colour_by}:N", scale=series_scale(domain), legend=legend)
    layers: list[Any] = []  # charts and layers of charts (the median layer)
    if x == "period" and medians:
        subtitle += "; a line joins each period's median"
    official_data = official_frame(official, data) if x == "period" else pd.DataFrame()
    if not official_data.empty:
        official_name = official_name or "the official series"
        layers.append(_official_layer(official_data, official_name))
        subtitle += f"; the grey line is {truncate(official_name, 70)}"
    if x == "period":
        layers.append(
            base.mark_rule(opacity=0.35, strokeWidth=3).encode(
                x="start:T", x2="end:T", color=colour
            )
        )
    layers.append(
        base.transform_filter("datum.low != null && datum.high != null")
        .mark_rule(strokeWidth=1.5)
        .encode(y="low:Q", y2="high:Q", color=colour)
    )
    if x == "period" and medians:
        by_subject = colour if colour_by == "subject" else None
        layers.append(_median_layer(medians, colour=by_subject, domain=domain))
    layers.append(
        base.transform_filter("datum.first")
        .mark_point(size=320, filled=False, strokeWidth=2, color="#2ca02c")
        .encode(tooltip=[alt.Tooltip("source:N", title="First appearance")])
    )
    layers.append(
        base.mark_point(size=90, filled=True, opacity=0.9)
        .encode(
            color=colour,
            shape=alt.Shape(
                "status:N", scale=_status_scale("shape"), legend=_legend("Status", columns=2)
            ),
            tooltip=tooltip,
            strokeWidth=alt.condition(pick, alt.value(2), alt.value(0)),
            stroke=alt.value("black"),
        )
        .add_params(pick)
    )
    return alt.LayerChart(layer=layers).properties(
        title=_title(f"{subject}: {metric}", subtitle),
        width=WIDTH,
        height=360,
    )


def series_medians(groups: Sequence[Any], *, series: str | None = None) -> list[dict]:
    """Each period's median of a series (claims.groups.series), for timeline_chart;
    `series` names the subject when several share the chart."""
    return [
        {"start": g.claims[0]["period_start"], "end": g.claims[0]["period_end"],
         "median": g.median, "period": g.key.period, "label": format_number(g.median),
         "subject": truncate(series or g.subject or "", 60)}
        for g in groups
        if g.claims and g.median is not None and g.claims[0].get("period_start")
    ]  # fmt: skip


def _median_layer(
    medians: Sequence[Mapping], *, colour: alt.Color | None = None, domain: Sequence[str] = ()
) -> alt.LayerChart:
    """Each period's median as a dashed rule over the period, and a thin line joining
    the medians in time order, so a measure reads as one series across periods.
    With `colour` (several subjects), each subject's line has its colour and its dash."""
    columns = ["start", "end", "median", "period", "label", "subject"]
    data = pd.DataFrame(list(medians), columns=columns)
    data["middle"] = [
        _midpoint(start, end) for start, end in zip(data["start"], data["end"], strict=True)
    ]
    tooltip = [alt.Tooltip("period:N", title="Period"), alt.Tooltip("label:N", title="Median")]
    chart = alt.Chart(data)
    if colour is None:
        rules = chart.mark_rule(color="#444", strokeDash=[5, 3], strokeWidth=2).encode(
            x="start:T", x2="end:T", y="median:Q", tooltip=tooltip
        )
        line = chart.mark_line(color="#444", strokeWidth=1, opacity=0.6).encode(
            x="middle:T", y="median:Q", order="middle:T", tooltip=tooltip
        )
        return alt.LayerChart(layer=[line, rules])
    tooltip.insert(0, alt.Tooltip("subject:N", title="Subject"))
    dashes = alt.StrokeDash(
        "subject:N",
        scale=alt.Scale(domain=list(domain), range=SERIES_DASHES),
        legend=None,  # the colour legend names the subjects; the dash only helps in print
    )
    rules = chart.mark_rule(strokeDash=[5, 3], strokeWidth=2, opacity=0.7).encode(
        x="start:T", x2="end:T", y="median:Q", color=colour, tooltip=tooltip
    )
    line = chart.mark_line(strokeWidth=2, opacity=0.8).encode(
        x="middle:T", y="median:Q", order="middle:T", color=colour, strokeDash=dashes,
        detail="subject:N", tooltip=tooltip,
    )  # fmt: skip
    return alt.LayerChart(layer=[line, rules])


# Light and wide, under the claims: apart from the medians' thin dark line at a glance.
OFFICIAL_COLOUR = "#a0a0a0"


def official_frame(points: Sequence[Mapping], claims: pd.DataFrame) -> pd.DataFrame:
    """An official series' points as plotted under a timeline: each at the middle of
    its period, kept to the claims' span and one period either side of it, so that
    a series of seventy years does not squeeze the claims of three into a corner."""
    columns = ["when", "period", "value", "label"]
    if not points or claims.empty:
        return pd.DataFrame(columns=columns)
    first, last = min(claims["start"]), max(claims["end"])
    ordered = sorted(points, key=lambda p: p["start"])
    inside = [i for i, p in enumerate(ordered) if p["end"] >= first and p["start"] <= last]
    if inside:
        kept = ordered[max(0, inside[0] - 1) : inside[-1] + 2]
    else:
        # No official figure in the claims' span: the nearest one on each side, if any.
        before = [p for p in ordered if p["end"] < first][-1:]
        after = [p for p in ordered if p["start"] > last][:1]
        kept = before + after
    records = [
        {
            "when": _midpoint(p["start"], p["end"]),
            "period": p["period"],
            "value": p["value"],
            "label": format_number(p["value"]),
        }
        for p in kept
    ]
    return pd.DataFrame(records, columns=columns)


def _official_layer(data: pd.DataFrame, name: str) -> alt.Chart:
    """The official series as a wide grey line with small points: under the claims,
    and told apart from them by its colour, which no speaker or source is given."""
    return (
        alt.Chart(data.assign(series=truncate(name, 90)))
        .mark_line(
            color=OFFICIAL_COLOUR,
            strokeWidth=4,
            opacity=0.8,
            # A point per period while they are few enough to tell apart.
            point=alt.OverlayMarkDef(color=OFFICIAL_COLOUR, size=36) if len(data) <= 120 else False,
        )
        .encode(
            x="when:T",
            y="value:Q",
            order="when:T",
            tooltip=[
                alt.Tooltip("series:N", title="Official series"),
                alt.Tooltip("period:N", title="Period"),
                alt.Tooltip("label:N", title="Official value"),
            ],
        )
    )


# ---------------------------------------------------------------- compare

# How a claim of a group is marked, most telling first (claims.groups sets the flags).
MARK_COLOURS = {
    "outlier": "#d62728",
    "changed on repetition": "#ff7f0e",
    "revised estimate": "#9467bd",
    "first appearance": "#2ca02c",
    "agrees": "#4c78a8",
}


def claim_mark(claim: Mapping) -> str:
    """One word for a grouped claim's flags: revised, outlier, changed, first appearance
    or agrees."""
    if claim.get("revised"):
        return "revised estimate"
    if claim.get("outlier"):
        return "outlier"
    if claim.get("changed"):
        return "changed on repetition"
    return "first appearance" if claim.get("first") else "agrees"


def compare_frame(claims: Sequence[Mapping]) -> pd.DataFrame:
    """A group's claims as a table, one row per claim, earliest publication first."""
    records = []
    for r in claims:
        has_range = r.get("low") is not None and r.get("high") is not None
        records.append(
            {
                "id": int(r["id"]),
                "who": truncate(r.get("source_title") or f"source {r.get('source_id')}", 60),
                "publisher": r.get("source_publisher") or "",
                "speaker": r.get("speaker") or "",
                "value": r["value"],
                "low": r["low"] if has_range else None,
                "high": r["high"] if has_range else None,
                "figure": format_value(r),
                "deviation": r.get("deviation"),
                "published": r.get("published") or "",
                "status": r.get("status") or "unreviewed",
                "mark": claim_mark(r),
                "first": bool(r.get("first")),
                "note": r.get("note") or "",
                "sentence": truncate(r.get("sentence"), 180),
            }
        )
    columns = ["id", "who", "publisher", "speaker", "value", "low", "high", "figure",
               "deviation", "published", "status", "mark", "first", "note", "sentence"]  # fmt: skip
    return pd.DataFrame(records, columns=columns)


def compare_chart(group: Any, official: Sequence[Mapping] = ()) -> alt.LayerChart:
    """Every claim of a group (claims.groups.ClaimGroup) side by side, one row per claim.

    A rule marks the median, a band the tolerance around it; colour says which
    claims are outliers, changed on repetition, or the first appearance, a ring
    marks the first appearance, and each point's shape and label say its
    verification status. Each of
    `official` ({series, vintage, value}, claims.official.values_for_period) is a
    solid grey rule: the official figure for the group's period.
    """
    data = compare_frame(group.claims)
    # Two claims of one source would share a row name: the claim id keeps them apart.
    data["row"] = [f"{who} · #{i}" for who, i in zip(data["who"], data["id"], strict=True)]
    data["status_label"] = data["status"].str.replace("_", " ")
    x_title = _axis_title(group.metric or "value", group.unit or None)
    base = alt.Chart(data).encode(
        y=alt.Y(
            "row:N",
            # No axis title: the rows name themselves ("source · #claim"), and a
            # title beside long labels is drawn over them.
            title=None,
            sort=alt.EncodingSortField("published", order="ascending"),
            axis=alt.Axis(labelLimit=220),
        ),
    )
    layers = []
    if group.median is not None:
        allowed = group.allowed_deviation or 0
        stats = pd.DataFrame(
            [{"low": group.median - allowed, "high": group.median + allowed,
              "median": group.median, "label": f"median {format_number(group.median)}"}]
        )  # fmt: skip
        layers.append(
            alt.Chart(stats)
            .mark_rect(opacity=0.12, color="#4c78a8")
            .encode(x="low:Q", x2="high:Q", tooltip=[alt.Tooltip("label:N", title="Median")])
        )
        layers.append(
            alt.Chart(stats)
            .mark_rule(color="#444", strokeDash=[5, 3], strokeWidth=1.5)
            .encode(x="median:Q", tooltip=[alt.Tooltip("label:N", title="Median")])
        )
    if official:
        layers.append(_official_rules(official))
    layers.append(
        base.transform_filter("datum.low != null && datum.high != null")
        .mark_rule(strokeWidth=2, color="#888")
        .encode(x="low:Q", x2="high:Q")
    )
    # The first appearance is ringed, as on the Timeline: the point's shape is its status.
    layers.append(
        base.transform_filter("datum.first")
        .mark_point(size=360, filled=False, strokeWidth=2, color="#2ca02c")
        .encode(x="value:Q", tooltip=[alt.Tooltip("who:N", title="First appearance")])
    )
    layers.append(
        base.mark_point(size=130, filled=True, opacity=0.95).encode(
            x=alt.X(
                "value:Q",
                title=x_title,
                scale=alt.Scale(zero=False, padding=18),
                axis=alt.Axis(format=",~r", titleLimit=400, labelOverlap=True, tickCount=6),
            ),
            color=alt.Color(
                "mark:N",
                scale=alt.Scale(domain=list(MARK_COLOURS), range=list(MARK_COLOURS.values())),
                legend=_legend("Marked"),
            ),
            shape=alt.Shape("status:N", scale=_status_scale("shape"), legend=None),
            tooltip=[
                alt.Tooltip("who:N", title="Source"),
                alt.Tooltip("figure:N", title="Figure"),
                alt.Tooltip("published:N", title="Published"),
                alt.Tooltip("speaker:N", title="Speaker"),
                alt.Tooltip("status:N", title="Status"),
                alt.Tooltip("mark:N", title="Marked"),
                alt.Tooltip("note:N", title="Why"),
                alt.Tooltip("sentence:N", title="Sentence"),
                alt.Tooltip("id:Q", title="Claim id"),
            ],
        )
    )
    # Each claim's status in words, a column right of the plot: a shape alone is easy to
    # misread in a printed report, and the words make a shape legend unnecessary (beside
    # the points, a word would run past the plot's edge at the largest value).
    layers.append(
        base.mark_text(align="left", dx=10, fontSize=11, color="#333").encode(
            x=alt.value("width"), text="status_label:N"
        )
    )
    subtitle = (
        f"{group.n_claims} claims from {group.n_sources} sources; median "
        f"{format_number(group.median)}, spread {format_number(group.spread)} "
        f"{group.unit or ''}; band = within tolerance of the median; ring = first "
        "appearance; shape and the words on the right = verification status"
        + ("; solid grey line = the official figure" if official else "")
    )
    return alt.LayerChart(layer=layers).properties(
        title=_title(group.label, subtitle),
        width=WIDTH,
        height=alt.Step(30),
    )


def _official_rules(official: Sequence[Mapping]) -> alt.Chart:
    data = pd.DataFrame(
        [
            {
                "value": o["value"],
                "series": truncate(o["series"], 90),
                "label": f"{format_number(o['value'])} (vintage {o.get('vintage')})",
            }
            for o in official
        ],
        columns=["value", "series", "label"],
    )
    return (
        alt.Chart(data)
        .mark_rule(color=OFFICIAL_COLOUR, strokeWidth=2.5)
        .encode(
            x="value:Q",
            tooltip=[
                alt.Tooltip("series:N", title="Official series"),
                alt.Tooltip("label:N", title="Official value"),
            ],
        )
    )


# ---------------------------------------------------------------- export


def png_available() -> bool:
    """Whether to_png and to_svg can render: vl-convert-python (84 MB) is the optional
    extra `png`, which only image downloads need. Found without importing it."""
    return importlib.util.find_spec("vl_convert") is not None


def to_png(chart: alt.TopLevelMixin, *, scale: float = 2.0) -> bytes:
    """The chart as a PNG image (vl-convert, no browser)."""
    buffer = io.BytesIO()
    chart.save(buffer, format="png", scale_factor=scale)
    return buffer.getvalue()


def to_svg(chart: alt.TopLevelMixin) -> bytes:
    """The chart as SVG text, UTF-8 encoded."""
    buffer = io.StringIO()
    chart.save(buffer, format="svg")
    return buffer.getvalue().encode("utf-8")
