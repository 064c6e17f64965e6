"""Timeline: how one figure (a normalised subject + metric, in one unit) moved over time.

A series is a name's groups over every period (claims.groups.series), so its
units never mix: the name carries its unit family. Each period shows its
median and its first appearance; when a person linked the series to an official
one (the Reference page), the official series is drawn as a grey line under the
claims: its latest vintage, or an earlier one a person picks (the first estimate a
report may have quoted). The series is kept in the URL (subject_key, metric_key, unit_key) so a
chart can be shared.
"""

from __future__ import annotations

import streamlit as st

from claims import charts, groups, official, render, store
from claims.model import ClaimsError
from pages import _shared as ui

# A chart of more points is neither quick nor readable: the latest periods up to this many.
MAX_POINTS = 1000

st.title("Timeline")
db = ui.get_db()

c1, c2, c3 = st.columns([5, 3, 2])
search = c2.text_input("Search a series (subject, metric)", key="t_search")
listed = ui.read("list_series", search=search.strip() or None)
wanted = render.group_key_from_params(st.query_params)
key = ui.key_picker(
    c1,
    listed,
    wanted._replace(period=None) if wanted is not None else None,
    widget_key="t_series",
    label="Series: subject · metric · unit (most claims first)",
    describe=lambda r: f"{r['label']} ({r['n_claims']} claims over {r['n_periods']} periods)",
    empty="No numeric claim has a subject or metric and a period yet, so there is nothing to "
    "chart. Add articles, or fill in a claim's metric and period on the **Claims** page.",
    searched=bool(search.strip()),
)
st.query_params.update(render.group_key_params(key))

periods = ui.read("series", key, max_claims=MAX_POINTS)
rows = [claim for group in periods for claim in group.claims]
if not rows:
    st.info("No live claim is left in this series (its claims were edited or removed).")
    st.stop()
# The series' name as its picker writes it (every period's spellings, the key's own first).
named = next((row for row in listed if row["key"] == key), None) or {}
subject = named.get("subject") or periods[-1].subject or key.subject
metric = named.get("metric") or periods[-1].metric or key.metric
unit = periods[-1].unit or None


def other_subjects() -> list[dict]:
    """The series of the same measure and unit for other subjects ("Germany" and "Japan"
    beside "United Kingdom" growth), as list_series gives them, most claims first."""
    found = ui.read("list_series", search=key.metric or None)
    return [
        row for row in found
        if row["key"].metric == key.metric and row["key"].unit == key.unit
        and row["key"].subject != key.subject
    ]  # fmt: skip


def subject_name(row: dict) -> str:
    return row.get("subject") or row["key"].subject or "(no subject)"


others = {row["key"].subject: row for row in other_subjects()}
if "t_also" not in st.session_state or any(s not in others for s in st.session_state["t_also"]):
    wanted_also = st.query_params.get_all("also")
    st.session_state["t_also"] = [s for s in wanted_also if s in others]
also = st.multiselect(
    "Add other subjects of this measure, on the same chart",
    list(others),
    key="t_also",
    format_func=lambda s: f"{subject_name(others[s])} ({others[s]['n_claims']} claims)",
    placeholder="none" if others else "no other subject has this measure",
    max_selections=len(charts.SERIES_COLOURS) - 1,
)
# The other subjects travel in the link too (a repeated "also" parameter).
if also:
    st.query_params["also"] = also
else:
    st.query_params.pop("also", None)
# Each subject shown: its name as its picker reads, and its periods. One subject alone is
# coloured by speaker or source; several are coloured by subject.
shown = [(subject or "", periods)]
for subject_key in also:
    extra = others[subject_key]
    shown.append((subject_name(extra), ui.read("series", extra["key"], max_claims=MAX_POINTS)))
several = len(shown) > 1
if several:
    colour_by = "subject"
    c3.caption("Coloured by subject")
else:
    colour_by = c3.radio("Colour by", ["speaker", "source"], horizontal=True, key="t_colour")
rows = [
    {**claim, "series": name} for name, series in shown for group in series
    for claim in group.claims
]  # fmt: skip
medians = [m for name, series in shown for m in charts.series_medians(series, series=name)]
names = [name for name, _ in shown]
listed_periods = next((row["n_periods"] for row in listed if row["key"] == key), len(periods))
st.caption(
    f"{len(rows)} claims over {len(periods)} periods"
    + (f" (the latest; {listed_periods - len(periods)} earlier periods left out)"
       if listed_periods > len(periods) else "")
    + (f" for {subject}, with {charts.and_list(names[1:])}" if several else "")
    + ". A dashed line is a period's median; a ring marks the first appearance of each "
    "period's figure; a figure given without a period stands at its publication date."
)  # fmt: skip
name = render.file_slug(f"timeline-{charts.and_list(names)}-{metric}")


def official_line_of_key() -> official.OfficialLine | None:
    """The official series linked to the shown key (claims.reference_links), with a
    caption naming it and its vintage; a choice when several are linked."""
    lines = ui.read("official_lines", key)
    if not lines:
        return None
    if several:
        st.caption("The official series is drawn when one subject is shown.")
        return None
    if len(lines) > 1:
        series_names = [line.series for line in lines]
        chosen = st.selectbox("Official series to draw", series_names, key="t_official")
        line = lines[series_names.index(chosen)]
    else:
        line = lines[0]
    line = chosen_vintage(line)
    row = st.columns([5, 1], vertical_alignment="center")
    row[0].caption(
        render.escape_markdown(
            f"Official series (grey line, by period): {line.series}, "
            + official.vintage_words(line)
            + (f", published by {line.publisher}" if line.publisher else "")
            + f" ({official.FREQUENCY_WORDS[line.frequency]}, {len(line.points):,} observations)."
        )
    )
    if url := render.safe_url(line.url):
        row[1].link_button("Series source", url, icon=":material/open_in_new:")
    return line


def chosen_vintage(line: official.OfficialLine) -> official.OfficialLine:
    """The vintage to draw of a series imported more than once: the latest unless a
    person picks an earlier one. Each series keeps its own choice (its widget key)."""
    if line.latest is None or line.latest < 2:
        return line
    labels = {
        row["vintage"]: official.vintage_label(row, line.latest)
        for row in ui.read("series_vintages", line.series)
    }
    chosen = st.selectbox(
        "Vintage to draw (checks use the latest)",
        list(labels),
        key=f"t_vintage:{line.series}",
        format_func=labels.get,
    )
    if chosen is None or chosen == line.vintage:
        return line
    return ui.read("official_line", line.series, chosen)


line = official_line_of_key()
picked: list[int] = []
by_period, by_published = st.tabs(["By the period it refers to", "By publication date"])
for tab, x in ((by_period, "period"), (by_published, "published")):
    with tab:
        frame = charts.timeline_frame(rows, x=x)
        if frame.empty:
            what = "a period that could be read" if x == "period" else "a publication date"
            st.info(f"None of these claims has {what}. Try the other view, or set the period of "
                    "a claim on the **Claims** page.")  # fmt: skip
            continue
        left_out = len(rows) - len(frame)
        if left_out:
            st.caption(f"{left_out} claim(s) without a usable date are left out of this view.")
        chart = charts.timeline_chart(
            rows, subject=charts.and_list(names), metric=metric or "", unit=unit,
            colour_by=colour_by, x=x, medians=medians, subjects=names,
            official=line.points if line else (),
            official_name=official.chart_name(line) if line else None,
        )  # fmt: skip
        state = ui.chart(
            chart, name=f"{name}-{x}", key=f"tl_{x}", on_select="rerun", footer=ui.footer(rows)
        )
        picked += ui.picked_ids(state, charts.PICK)

with st.expander("First appearance of each period", icon=":material/flag:"):
    for series_name, series in shown:
        for group in reversed(series):
            period = groups.period_label(group.key.period)
            who = f"{series_name}, " if several else ""
            st.text(f"{who}{period}: {render.first_appearance_text(group.first)}")

if picked:
    try:
        claim = store.get_claim(db, picked[-1])
        source = store.get_source(db, claim["source_id"])
    except ClaimsError as exc:
        ui.error(exc)
    else:
        st.subheader(f"Claim {claim['id']}")
        ui.safe_html(render.claim_context_html(source["text"], claim))
        st.text(render.claim_summary(claim) + f" · status: {ui.status_label(claim['status'])}")
        st.text(f"Source: {source['title'] or '(untitled)'} ({source['published'] or 'no date'})")
        st.page_link(
            ui.CLAIMS,
            label=f"Open claim {claim['id']} to review or edit it",
            query_params={"claim": str(claim["id"])},
            icon=":material/open_in_new:",
        )
        group = ui.read("group_of_claim", claim["id"])
        if group is not None:
            st.page_link(
                ui.COMPARE,
                label="Compare the sources for this period"
                if claim["period"]
                else "Compare the sources of this standing figure",
                query_params=render.group_key_params(group.key),
                icon=":material/compare_arrows:",
            )
else:
    st.caption("Click a point to open its claim.")
