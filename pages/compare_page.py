"""Compare: one claim key (subject, metric, unit, period) as every source or speaker stated it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from claims import charts, query, render
from pages import _shared as ui

st.title("Compare")

keys = ui.read("claim_keys", limit=1000)
if not keys:
    st.info(
        "No numeric claim has a subject, metric and period yet, so there is nothing to "
        "compare. Add articles, or complete claims on the **Claims** page."
    )
    st.page_link(ui.ADD, label="Add articles", icon=":material/post_add:")
    st.stop()


def key_label(k: dict) -> str:
    unit = k["unit"] or "no unit"
    return (f"{k['subject']} · {k['metric']} · {k['period']} · {unit} "
            f"({k['sources']} sources, {k['claims']} claims)")  # fmt: skip


c1, c2 = st.columns([4, 1])
index = c1.selectbox(
    "Claim key: subject · metric · period · unit (type to search; most sources first)",
    range(len(keys)),
    format_func=lambda i: key_label(keys[i]),
    key="c_key",
)
by = c2.radio("One row per", ["source", "speaker"], horizontal=True, key="c_by")
key = keys[index]

rows = ui.read("compare_claims", key["subject"], key["metric"], key["unit"], key["period"], by=by)
summary = query.summarise_comparison(rows)
if len(rows) < 2:
    st.info(
        f"Only one {by} states this figure, so there is nothing to compare yet. Keys higher in "
        "the list are stated by more sources."
    )

left, right = st.columns([5, 3]) if len(rows) > 1 else (None, st.container())
if left is not None:
    with left:
        chart = charts.compare_chart(rows, summary, key=key, by=by)
        name = render.truncate(f"compare-{key['subject']}-{key['metric']}-{key['period']}", 60)
        ui.chart(chart, name=name.replace(" ", "-").replace("/", "-"), key="cmp_chart")
with right:
    frame = charts.compare_frame(rows)
    frame["claims"] = [r.get("claims", 1) for r in rows]
    st.dataframe(
        frame[["who", "figure", "published", "status", "mark", "claims", "id"]],
        hide_index=True,
        column_config={
            "who": by.capitalize(),
            "figure": "Figure",
            "published": "Published",
            "status": "Status",
            "mark": "Marked",
            "claims": st.column_config.NumberColumn("Claims", help="claims on this key"),
            "id": st.column_config.NumberColumn("Claim id", format="%d"),
        },
    )
    if summary["n"]:
        stats = pd.DataFrame(
            [
                ("values", f"{summary['n']}"),
                ("median", render.format_number(summary["median"])),
                ("lowest", render.format_number(summary["min"])),
                ("highest", render.format_number(summary["max"])),
                ("spread (highest − lowest)", render.format_number(summary["spread"])),
                ("middle half", f"{render.format_number(summary['q1'])} to "
                                f"{render.format_number(summary['q3'])}"),
                ("outliers", f"{sum(1 for r in rows if r.get('outlier'))}"),
            ],
            columns=["", key["unit"] or "value"],
        )  # fmt: skip
        st.dataframe(stats, hide_index=True)
