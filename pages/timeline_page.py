"""Timeline: how one figure (subject + metric) moved, by period and by publication date."""

from __future__ import annotations

import streamlit as st

from claims import charts, render, store
from claims.model import ClaimsError
from pages import _shared as ui

st.title("Timeline")
db = ui.get_db()

series = ui.read("series_choices")
if not series:
    st.info(
        "No numeric claim has both a subject and a metric yet, so there is nothing to chart. "
        "Add articles, or fill in a claim's subject and metric on the **Claims** page."
    )
    st.page_link(ui.ADD, label="Add articles", icon=":material/post_add:")
    st.stop()

# The chosen series is kept in the URL (?subject=…&metric=…) so a chart can be shared.
choices = [(s["subject"], s["metric"]) for s in series]
counts = {(s["subject"], s["metric"]): s for s in series}
wanted = (st.query_params.get("subject"), st.query_params.get("metric"))
match = next(
    (c for c in choices if wanted[0] and wanted[1] and c[0].lower() == wanted[0].lower()
     and c[1].lower() == wanted[1].lower()),
    None,
)  # fmt: skip
# Without a series in the URL, start with the one that has most claims to plot.
plottable = max(series, key=lambda s: (s["with_period"], s["claims"]))
ui.init_state({"t_series": match or (plottable["subject"], plottable["metric"])})

c1, c2, c3 = st.columns([3, 1, 1])
subject, metric = c1.selectbox(
    "Series: subject · metric (type to search)",
    choices,
    key="t_series",
    format_func=lambda c: (
        f"{c[0]} · {c[1]} ({counts[c]['claims']} claims, {counts[c]['with_period']} with a period)"
    ),
)
st.query_params.update({"subject": subject, "metric": metric})

units = [u["unit"] for u in ui.read("series_units", subject, metric)]
if len(units) > 1:
    unit = c2.selectbox(
        "Unit (one per chart)", units, key=f"t_unit_{subject}_{metric}",
        format_func=lambda u: u or "(no unit)",
    )  # fmt: skip
else:
    unit = units[0] if units else None
    c2.text_input("Unit", value=unit or "(no unit)", disabled=True, key="t_unit_fixed")
colour_by = c3.radio("Colour by", ["speaker", "source"], horizontal=True, key="t_colour")

rows = ui.read("series_claims", subject, metric, unit)
name = render.truncate(f"timeline-{subject}-{metric}", 60).replace(" ", "-").replace("/", "-")
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
            rows, subject=subject, metric=metric, unit=unit, colour_by=colour_by, x=x
        )
        state = ui.chart(chart, name=f"{name}-{x}", key=f"tl_{x}", on_select="rerun")
        picked += ui.picked_ids(state, charts.PICK)

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
else:
    st.caption("Click a point to open its claim.")
