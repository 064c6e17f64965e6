"""Sources: every article with its claim counts and status mix, corrections to an article's
details, and speakers' track records."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from claims import reextract, render, store
from claims.model import STATUSES, ClaimsError, parse_id
from pages import _shared as ui

PAGE_SIZE = 100

st.title("Sources")
ui.show_flash()
db = ui.get_db()

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
    # A saved correction can move the source in the table: a new key drops the selection
    # by row, and the source stays open through the URL.
    key=f"sources_table_{page}_{search}_{st.session_state.get('sc_saved', 0)}",
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
chosen = [rows[i]["id"] for i in event.selection.rows if 0 <= i < len(rows)]
linked = st.query_params.get("source")
if not chosen and linked:
    # A link to one source, or the one just corrected; a hand-edited link may name none.
    if (linked_id := parse_id(linked)) is None:
        ui.warning(f"Ignored source {linked!r}: not a source id.")
    else:
        chosen = [linked_id]


def correct(source_id: int) -> None:
    """A form to correct the chosen article's details, and the log of corrections."""
    try:
        source = store.get_source(db, source_id)
    except ClaimsError as exc:
        ui.error(exc)
        return
    with st.form(f"correct_{source_id}"):
        st.markdown("**Correct this article's details**")
        c1, c2 = st.columns(2)
        title = c1.text_input("Title", source["title"] or "", key=f"sc_title_{source_id}")
        publisher = c2.text_input(
            "Publisher", source["publisher"] or "", key=f"sc_publisher_{source_id}"
        )
        c1, c2, c3 = st.columns([2, 2, 1])
        author = c1.text_input("Author", source["author"] or "", key=f"sc_author_{source_id}")
        url = c2.text_input("URL", source["url"] or "", key=f"sc_url_{source_id}")
        published = ui.publication_date_input(
            c3, "Publication date", source["published"], key=f"sc_published_{source_id}"
        )
        note = st.text_input("Why (optional)", key=f"sc_note_{source_id}")
        go = st.form_submit_button("Save corrections", type="primary")
    if go:
        changes = {"title": title, "publisher": publisher, "author": author, "url": url,
                   "published": render.iso_date(published)}  # fmt: skip
        try:
            changed, summary = reextract.correct_source(
                db, source_id, changes, reviewer=ui.reviewer(), note=note
            )
        except ClaimsError as exc:
            ui.error(exc)
        else:
            message = f"Source {source_id}: " + (
                f"corrected {', '.join(changed)}." if changed else "nothing changed."
            )
            if summary is not None:
                message += (
                    f" Its claims were read again against the new date: {summary.claims_updated}"
                    f" updated, {summary.claims_protected} kept as a person left them."
                )
            ui.flash(message)
            st.query_params["source"] = str(source_id)
            st.session_state["sc_saved"] = st.session_state.get("sc_saved", 0) + 1
            st.rerun()
    log = store.source_reviews_of(db, source_id)
    if log:
        st.caption("Corrections")
        st.dataframe(
            pd.DataFrame(log)[["at", "reviewer", "field", "old", "new", "note"]],
            hide_index=True,
        )


if chosen:
    st.page_link(
        ui.CLAIMS,
        label=f"Open the claims of source {chosen[0]}",
        query_params={"source": str(chosen[0])},
        icon=":material/table_rows:",
    )
    correct(chosen[0])
else:
    st.caption("Select a source to open its claims or correct its title, publisher or date.")

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
