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
from pages._signin import (
    clear_cookie_after_sign_out,
    is_signed_in,
    keep_signed_in,
    open_wanted_page,
    sign_in_page,
    sign_out_button,
)

# The ledger's pages: (script, title, icon, URL path; the Overview is the default).
LEDGER_PAGES = (
    (ui.OVERVIEW, "Overview", ":material/dashboard:", ""),
    (ui.ADD, "Add articles", ":material/post_add:", "add"),
    (ui.CLAIMS, "Claims", ":material/table_rows:", "claims"),
    (ui.QUEUE, "Review queue", ":material/checklist:", "queue"),
    (ui.TIMELINE, "Timeline", ":material/timeline:", "timeline"),
    (ui.COMPARE, "Compare", ":material/compare_arrows:", "compare"),
    (ui.SOURCES, "Sources", ":material/newspaper:", "sources"),
    (ui.REFERENCE, "Reference", ":material/query_stats:", "reference"),
)


def main() -> None:
    st.set_page_config(page_title="Claim ledger", page_icon=":material/fact_check:", layout="wide")
    if not is_signed_in():
        # Every page's URL shows the sign-in form and nothing of the ledger; it keeps
        # the path, so the page asked for opens once signed in.
        clear_cookie_after_sign_out()
        guarded = [
            st.Page(sign_in_page, title="Sign in", url_path=path or None, default=not path)
            for *_, path in LEDGER_PAGES
        ]
        st.navigation(guarded, position="hidden").run()
        return
    keep_signed_in()
    pages = [
        st.Page(script, title=title, icon=icon, url_path=path or None, default=not path)
        for script, title, icon, path in LEDGER_PAGES
    ]
    page = st.navigation(pages)
    open_wanted_page(pages)
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
