"""Overview: how much is in the ledger, what state it is in, what changed lately."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from claims import charts, render
from pages import _shared as ui
from pages import _team as teamwork

st.title("Overview")

counts = ui.read("stats")
if counts["sources"] == 0:
    st.info(
        "The ledger is empty. Add articles on the **Add articles** page, or fill it with "
        "the sample articles from the shell: `python -m claims init`."
    )
    st.page_link(ui.ADD, label="Add articles", icon=":material/post_add:")
    st.stop()

reviewed = counts["claims"] - counts["by_status"].get("unreviewed", 0)
cols = st.columns(5)
cols[0].metric("Sources", f"{counts['sources']:,}")
cols[1].metric("Claims", f"{counts['claims']:,}")
cols[2].metric("Reviewed", f"{reviewed:,}")
cols[3].metric("Verified", f"{counts['by_status'].get('verified', 0):,}")
cols[4].metric("Review entries", f"{counts['reviews']:,}")

teamwork.assigned_to_me_panel()

# Every source of the ledger is behind these charts: the footer names them.
ledger_footer = charts.footer_text(ui.read("source_names"), exported=ui.today())
# One chart a row: two side by side leave each too narrow on a small screen for its
# title, labels and footer.
ui.chart(
    charts.status_chart(counts["by_status"]), name="claims-by-status", key="ch_status",
    footer=ledger_footer,
)  # fmt: skip
kinds = [{"kind": k, "claims": n} for k, n in sorted(counts["by_kind"].items())]
ui.chart(
    charts.count_chart(kinds, label="kind", count="claims", title="Claims by kind", what="Kind"),
    name="claims-by-kind",
    key="ch_kind",
    footer=ledger_footer,
)

per_month = ui.read("claims_per_month")
if per_month:
    ui.chart(
        charts.per_month_chart(per_month), name="claims-per-month", key="ch_month",
        footer=ledger_footer,
    )  # fmt: skip
else:
    st.info("No claim has a publication date yet, so there is no monthly chart.")

for facet, title, what in (
    ("speaker", "Most-cited speakers", "Speaker"),
    ("metric", "Most-cited metrics", "Metric"),
):
    top = ui.read("top_values", facet, limit=12)
    if top:
        ui.chart(
            charts.count_chart(top, label="value", count="claims", title=title, what=what),
            name=f"top-{facet}s",
            key=f"ch_top_{facet}",
            footer=ledger_footer,
        )
    else:
        st.info(f"No claim names a {facet} yet.")

st.subheader("Numbers in dispute")
disputed = ui.read("disputed_groups", limit=10)
if not disputed:
    st.info(
        "No figure is in dispute: where several sources state one figure, they agree "
        "within the tolerance, and no repetition changed it."
    )
else:
    summaries = [g.summary() for g in disputed]
    table = pd.DataFrame(
        {
            "figure": [s["label"] for s in summaries],
            "sources": [s["n_sources"] for s in summaries],
            "claims": [s["n_claims"] for s in summaries],
            "median": [s["median"] for s in summaries],
            "lowest": [s["min"] for s in summaries],
            "highest": [s["max"] for s in summaries],
            "spread": [s["relative_spread"] for s in summaries],
            "outliers": [s["n_outliers"] for s in summaries],
            "changed": [s["n_changed"] for s in summaries],
            "first": [render.first_appearance_text(s["first"]) for s in summaries],
        }
    )
    picked = st.dataframe(
        table,
        hide_index=True,
        key="disputed_table",
        on_select="rerun",
        selection_mode="single-row",
        column_config={
            "figure": st.column_config.TextColumn("Figure", width="large"),
            "sources": st.column_config.NumberColumn("Sources", format="%d"),
            "claims": st.column_config.NumberColumn("Claims", format="%d"),
            "median": st.column_config.NumberColumn("Median", format="%.4g"),
            "lowest": st.column_config.NumberColumn("Lowest", format="%.4g"),
            "highest": st.column_config.NumberColumn("Highest", format="%.4g"),
            "spread": st.column_config.NumberColumn(
                "Spread", format="percent", help="highest − lowest, relative to the median"
            ),
            "outliers": st.column_config.NumberColumn("Outliers", format="%d"),
            "changed": st.column_config.NumberColumn("Changed on repetition", format="%d"),
            "first": "First appearance",
        },
    )
    chosen = [i for i in picked.selection.rows if 0 <= i < len(disputed)]
    group = disputed[chosen[0]] if chosen else disputed[0]
    st.page_link(
        ui.COMPARE,
        label="Compare the sources of the selected figure" if chosen else
        "Compare the sources of the most-cited figure in dispute (select a row for another)",
        query_params=render.group_key_params(group.key),
        icon=":material/compare_arrows:",
    )  # fmt: skip

st.subheader("Recent review activity")
recent = ui.read("recent_reviews", limit=25)
if not recent:
    st.info(
        "Nobody has reviewed a claim yet. Open a claim on the **Claims** page and set its "
        "status with a note."
    )
    st.page_link(ui.CLAIMS, label="Review claims", icon=":material/table_rows:")
else:
    table = pd.DataFrame(recent)[
        ["at", "reviewer", "claim_id", "field", "old", "new", "note", "surface", "source_title"]
    ]
    st.dataframe(
        table,
        hide_index=True,
        column_config={
            "at": "When (UTC)",
            "reviewer": "Reviewer",
            "claim_id": st.column_config.NumberColumn("Claim", format="%d"),
            "field": "Field",
            "old": "Was",
            "new": "Now",
            "note": "Note",
            "surface": "Claim",
            "source_title": "Source",
        },
    )
