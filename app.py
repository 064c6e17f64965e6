"""The claim ledger dashboard: `streamlit run app.py`.

The entry point only frames the pages: navigation, the shared sidebar and the
page that was asked for. Each page in pages/ reads widgets, calls claims.*
and renders.
"""

from __future__ import annotations

import sqlite3

import streamlit as st

from claims import store
from claims.model import ClaimsError
from pages import _shared as ui
from pages._signin import is_signed_in, sign_in_page, sign_out_button


def main() -> None:
    st.set_page_config(page_title="Claim ledger", page_icon=":material/fact_check:", layout="wide")
    if not is_signed_in():
        # Navigation holds only the sign-in page, so no page URL reaches the ledger.
        st.navigation([st.Page(sign_in_page, title="Sign in")]).run()
        return
    pages = [
        st.Page(ui.OVERVIEW, title="Overview", icon=":material/dashboard:", default=True),
        st.Page(ui.ADD, title="Add articles", icon=":material/post_add:", url_path="add"),
        st.Page(ui.CLAIMS, title="Claims", icon=":material/table_rows:", url_path="claims"),
        st.Page(ui.TIMELINE, title="Timeline", icon=":material/timeline:", url_path="timeline"),
        st.Page(
            ui.COMPARE, title="Compare", icon=":material/compare_arrows:", url_path="compare"
        ),  # fmt: skip
        st.Page(ui.SOURCES, title="Sources", icon=":material/newspaper:", url_path="sources"),
    ]
    page = st.navigation(pages)
    ui.sidebar()
    sign_out_button()
    ui.css()
    try:
        ui.get_db()
    except ClaimsError as exc:
        # Not a ledger, or one that cannot be opened: say so instead of every page failing.
        ui.error(exc)
        return
    try:
        page.run()
    except sqlite3.DatabaseError as exc:
        if not store.is_damage(exc):
            raise
        # A damaged page of the file, met only when a page reads it: what to do, not a trace.
        ui.error(store.damaged_message(ui.db_path()))


# Streamlit runs this file as __main__. Bulk ingestion extracts in worker
# processes started with "spawn", which import the main module again as
# __mp_main__: the guard keeps those workers from running the dashboard.
if __name__ == "__main__":
    main()
