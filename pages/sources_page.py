"""Sources: every article with its claim counts and status mix; speakers' track records."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from claims import render
from claims.model import STATUSES
from pages import _shared as ui

PAGE_SIZE = 100

st.title("Sources")

search = st.text_input("Search titles and publishers", key="s_search")
total = ui.read("count_sources", search=search or None)
if total == 0:
    if search:
        st.info("No source matches this search. Clear it to see every source.")
    else:
        st.info("There are no sources yet. Add articles on the **Add articles** page.")
        st.page_link(ui.ADD, label="Add articles", icon=":material/post_add:")
    st.stop()

pages = max(1, -(-total // PAGE_SIZE))
c1, c2 = st.columns([4, 1])
page = c2.number_input("Page", min_value=1, max_value=pages, step=1, key="s_page")
c1.text(f"{total:,} sources")
rows = ui.read(
    "sources_table", search=search or None, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE
)
status_columns = [f"n_{s}" for s in STATUSES]
table = pd.DataFrame(rows)
table["url"] = table["url"].map(render.safe_url)
table["claims_link"] = [f"./claims?source={r['id']}" for r in rows]
table["reviewed"] = [
    (r["claims"] - r["n_unreviewed"]) / r["claims"] if r["claims"] else 0.0 for r in rows
]
event = st.dataframe(
    table[["id", "title", "published", "claims", "reviewed", *status_columns, "claims_link",
           "url", "publisher"]],
    hide_index=True,
    key=f"sources_table_{page}_{search}",
    on_select="rerun",
    selection_mode="single-row",
    column_config={
        "id": st.column_config.NumberColumn("Id", format="%d", width="small"),
        "title": st.column_config.TextColumn("Title", width="large"),
        "published": "Published",
        "claims": st.column_config.NumberColumn("Claims", format="%d"),
        "publisher": st.column_config.TextColumn("Publisher", width="medium"),
        "reviewed": st.column_config.ProgressColumn("Reviewed", min_value=0.0, max_value=1.0,
                                                     format="percent"),
        **{f"n_{s}": st.column_config.NumberColumn(ui.status_label(s), format="%d")
           for s in STATUSES},
        "claims_link": st.column_config.LinkColumn("Claims page", display_text="open claims"),
        "url": st.column_config.LinkColumn("Article", display_text="article"),
    },
)  # fmt: skip
chosen = [rows[i] for i in event.selection.rows if 0 <= i < len(rows)]
if chosen:
    st.page_link(
        ui.CLAIMS,
        label=f"Open the {chosen[0]['claims']} claims of source {chosen[0]['id']}",
        query_params={"source": str(chosen[0]["id"])},
        icon=":material/table_rows:",
    )
else:
    st.caption("Select a source to open its claims.")

st.subheader("Speakers: claims by status")
speakers = ui.read("speakers_table", limit=300)
if not speakers:
    st.info("No claim is attributed to a speaker yet.")
else:
    st.dataframe(
        pd.DataFrame(speakers)[["speaker", "claims", *status_columns]],
        hide_index=True,
        column_config={
            "speaker": st.column_config.TextColumn("Speaker", width="medium"),
            "claims": "Claims",
            **{f"n_{s}": st.column_config.NumberColumn(ui.status_label(s), format="%d")
               for s in STATUSES},
        },
    )  # fmt: skip
