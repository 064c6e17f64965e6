"""Add articles: paste, upload, fetch or bulk-load; preview the claims before saving."""

from __future__ import annotations

import dataclasses
import os
import tempfile
import uuid
from pathlib import Path

import pandas as pd
import streamlit as st

from claims import ingest, render
from claims.model import ClaimsError
from claims.readers.article import Article, make_article, with_overrides
from claims.readers.files import ARTICLE_SUFFIXES, read_article_file, safe_file_name
from claims.readers.urls import fetch_article
from pages import _shared as ui

st.title("Add articles")
ui.show_flash()
db = ui.get_db()

# Articles read and extracted but not saved yet: [{id, article, claims}].
pending: list[dict] = st.session_state.setdefault("_pending", [])


# The preview draws at most PREVIEW_PAGE claims at a time, and none of an article with
# more than PREVIEW_MAX (a table of numbers, not an article): drawing 100,000 tick
# boxes would hold the server for every user.
PREVIEW_PAGE = 50
PREVIEW_MAX = 2_000


def queue(article: Article) -> None:
    """Extract an article's claims and put it up for preview."""
    claims = ui.extract(article.text, article.published)
    pending.append(
        {"id": uuid.uuid4().hex[:8], "article": article, "claims": claims, "dropped": set()}
    )


def upload_to_file(upload, folder: str) -> Path:
    """Write an uploaded file to a temporary folder under a harmless name."""
    path = Path(folder) / safe_file_name(upload.name)
    path.write_bytes(upload.getvalue())
    return path


paste_tab, files_tab, url_tab, bulk_tab = st.tabs(
    ["Paste text", "Upload files", "From a URL", "Bulk file (.jsonl / .csv)"]
)

with paste_tab, st.form("paste_form"):
    c1, c2 = st.columns(2)
    title = c1.text_input("Title", key="p_title")
    publisher = c2.text_input("Publisher", key="p_publisher")
    c1, c2, c3 = st.columns(3)
    published = ui.publication_date_input(c1, "Publication date", None, key="p_published")
    author = c2.text_input("Author", key="p_author")
    url = c3.text_input("URL", key="p_url", placeholder="https://…")
    text = st.text_area("Article text", height=220, key="p_text")
    paste_go = st.form_submit_button("Extract claims", key="p_go", type="primary")
if paste_go:
    try:
        queue(
            make_article(
                text, label="The pasted article", title=title, publisher=publisher,
                author=author, url=url, published=render.iso_date(published),
            )
        )  # fmt: skip
    except ClaimsError as exc:
        ui.error(exc)

with files_tab, st.form("files_form", clear_on_submit=True):
    uploads = st.file_uploader(
        "Article files (.txt, .md, .html, .htm)",
        type=[s.lstrip(".") for s in ARTICLE_SUFFIXES],
        accept_multiple_files=True,
        key="f_uploads",
    )
    files_go = st.form_submit_button("Extract claims", key="f_go", type="primary")
if files_go:
    if not uploads:
        ui.error("Choose one or more files first.")
    with tempfile.TemporaryDirectory() as folder:
        for upload in uploads or []:
            try:
                article = read_article_file(upload_to_file(upload, folder))
                queue(dataclasses.replace(article, label=upload.name))
            except ClaimsError as exc:
                ui.error(f"{upload.name}: {exc}")

with url_tab, st.form("url_form"):
    fetch_url = st.text_input("Web page or plain-text URL", key="u_url", placeholder="https://…")
    url_go = st.form_submit_button("Fetch and extract", key="u_go", type="primary")
if url_go:
    try:
        with st.spinner("Fetching…"):
            queue(fetch_article(fetch_url.strip()))
    except ClaimsError as exc:
        ui.error(exc)

with bulk_tab:
    st.caption(
        "One article per line (.jsonl) or row (.csv) with a text or html field and any of "
        "title, url, publisher, author, published. Saved straight away, without a preview."
    )
    with st.form("bulk_form", clear_on_submit=True):
        bulk = st.file_uploader("Bulk file", type=["jsonl", "csv"], key="b_upload")
        bulk_go = st.form_submit_button("Load all", key="b_go", type="primary")
    if bulk_go:
        if bulk is None:
            ui.error("Choose a .jsonl or .csv file first.")
        else:
            bar = st.progress(0.0, text="Starting…")
            with tempfile.TemporaryDirectory() as folder:
                path = upload_to_file(bulk, folder)

                def progress(done: int, total: int, label: str) -> None:
                    bar.progress(done / max(total, 1), text=f"{done:,} of {total:,} articles")

                try:
                    summary = ingest.ingest_many(db, [path], progress=progress)
                except ClaimsError as exc:
                    ui.error(exc)
                    summary = None
            bar.empty()
            if summary is not None:
                st.success(
                    f"Added {summary.added:,} articles with {summary.claims_added:,} claims; "
                    f"{summary.duplicates:,} were already in the ledger; "
                    f"{len(summary.failures):,} failed."
                )

                def shown(label: str) -> str:
                    """An input's label without the temporary folder the upload went to."""
                    return label.removeprefix(str(Path(folder)) + os.sep)

                if summary.failures:
                    st.dataframe(
                        pd.DataFrame(
                            [(shown(label), reason) for label, reason in summary.failures],
                            columns=["input", "reason"],
                        ),
                        hide_index=True,
                    )
                skipped = [(shown(label), r.message) for label, r in summary.results if r.duplicate]
                if skipped:
                    st.caption("Already in the ledger, so skipped:")
                    st.dataframe(
                        pd.DataFrame(skipped, columns=["input", "already stored as"]),
                        hide_index=True,
                    )
                st.page_link(ui.SOURCES, label="See the sources", icon=":material/newspaper:")


def details(item: dict) -> None:
    """Title, publisher, author and date of a previewed article, for the person to set
    whatever route it came by; a new date extracts the claims again ("last year" moves)."""
    article = item["article"]
    with st.expander(
        "Title, publisher, author, date", expanded=not article.published, icon=":material/edit:"
    ), st.form(f"details_{item['id']}"):  # fmt: skip
        c1, c2 = st.columns(2)
        title = c1.text_input("Title", article.title or "", key=f"d_title_{item['id']}")
        publisher = c2.text_input(
            "Publisher", article.publisher or "", key=f"d_publisher_{item['id']}"
        )
        c1, c2 = st.columns(2)
        author = c1.text_input("Author", article.author or "", key=f"d_author_{item['id']}")
        published = ui.publication_date_input(
            c2, "Publication date", article.published, key=f"d_published_{item['id']}"
        )
        if not st.form_submit_button("Apply"):
            return
    given = {"title": title, "publisher": publisher, "author": author,
             "published": render.iso_date(published)}  # fmt: skip
    try:
        changed = with_overrides(article, given)
    except ClaimsError as exc:
        ui.error(exc)
        return
    if changed.published != article.published:
        item["claims"] = ui.extract(changed.text, changed.published)
        item["dropped"] = set()
        item["id"] = uuid.uuid4().hex[:8]  # fresh tick boxes for the fresh claims
    item["article"] = changed
    st.rerun()


# ---------------------------------------------------------------- saved

for saved in st.session_state.pop("_saved", []):
    st.success(saved["message_safe"])
    st.text(saved["message"])
    st.page_link(
        ui.CLAIMS,
        label=f"Open the claims of source {saved['source_id']}",
        query_params={"source": str(saved["source_id"])},
        icon=":material/table_rows:",
    )

# ---------------------------------------------------------------- preview


def preview_page(item: dict) -> None:
    """One page of an article's claims, each with a tick box; what is unticked is kept
    in the item, so it holds across pages."""
    claims, article = item["claims"], item["article"]
    pages = -(-len(claims) // PREVIEW_PAGE)
    page = 1
    if pages > 1:
        page = st.number_input(
            f"Page of claims (1 to {pages}, {PREVIEW_PAGE} a page)",
            min_value=1, max_value=pages, value=1, step=1, key=f"page_{item['id']}",
        )  # fmt: skip
    first = (page - 1) * PREVIEW_PAGE
    for i in range(first, min(first + PREVIEW_PAGE, len(claims))):
        tick, body = st.columns([1, 9])
        tick.checkbox(
            f"Keep {i + 1}",
            value=i not in item["dropped"],
            key=f"keep_{item['id']}_{i}",
            on_change=toggle_kept,
            args=(item, i),
        )
        with body:
            ui.safe_html(render.preview_html(article.text, claims[i].to_dict()))


def toggle_kept(item: dict, index: int) -> None:
    item["dropped"] ^= {index}


if not pending:
    st.info(
        "Paste an article, upload files or give a URL: the extracted claims show here for "
        "review before anything is saved."
    )
    st.stop()

st.divider()
st.subheader("Preview: untick the claims to leave out")
kept: dict[str, list] = {}
for item in pending:
    article = item["article"]
    with st.container(border=True):
        ui.safe_html(
            f"<h4>{render.escape_html(article.title or '(untitled)')}</h4>"
            f'<div class="cl-meta">{render.escape_html(article.label)} · '
            f"{render.escape_html(article.publisher or 'publisher unknown')} · "
            f"{render.escape_html(article.published or 'date unknown')} · "
            f"{len(article.text):,} characters</div>"
        )
        details(item)
        claims = item["claims"]
        if not claims:
            st.info("No claims were found in this article; it can still be saved as a source.")
        elif len(claims) > PREVIEW_MAX:
            st.warning(
                f"This article yields {len(claims):,} candidate claims, more than the preview "
                f"shows ({PREVIEW_MAX:,}): it reads like a table of numbers. Save it with all "
                "of them, then review them on the Claims page, or discard it."
            )
        else:
            preview_page(item)
        kept[item["id"]] = [c for i, c in enumerate(claims) if i not in item["dropped"]]
        if st.button("Discard this article", key=f"discard_{item['id']}"):
            pending.remove(item)
            st.rerun()

total_kept = sum(len(v) for v in kept.values())
if st.button(
    f"Save {len(pending)} article(s) with {total_kept} ticked claim(s)",
    key="save_pending",
    type="primary",
):
    results = []
    for item in list(pending):
        try:
            result = ingest.ingest_article(db, item["article"], claims=kept[item["id"]])
        except ClaimsError as exc:
            ui.error(f"{item['article'].label}: {exc}")
            continue
        pending.remove(item)
        verb = "Saved" if result.created else "Already in the ledger:"
        results.append(
            {
                "source_id": result.source_id,
                "message": result.message,
                "message_safe": f"{verb} source {result.source_id} "
                f"({result.claims_added} claims added).",
            }
        )
    st.session_state["_saved"] = results
    st.rerun()
