"""Claims: filter, page through, open one claim, edit it, set statuses, export.

An open claim whose figure is linked to an official series shows its check
(claims.checks) and offers to set it verified or disputed with the check's
suggestion as the note, for a person to confirm.

The view (filters, sort, page, open claim) lives in st.query_params, so the
URL reproduces it. Sorting, filtering and paging happen in SQL.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pandas as pd
import streamlit as st

from claims import checks, config, render, store, team
from claims.export import FORMATS, export_bytes, export_command, export_file_name
from claims.export.api import IN_MEMORY_LIMIT
from claims.model import (
    EARLIEST_PUBLISHED,
    KINDS,
    STATUSES,
    ClaimsError,
    ConflictError,
    period_bounds,
)
from claims.query import COUNT_CAP, SORTABLE, ClaimFilter
from pages import _shared as ui
from pages import _team as teamwork

PAGE_SIZE = 50
EXPORT_LABELS = {"jsonl": "JSON Lines", "xlsx": "Excel", "parquet": "Parquet",
                 "claimreview": "ClaimReview JSON-LD"}  # fmt: skip
FIELD_LABELS = {
    "value": "Value",
    "low": "Low (range)",
    "high": "High (range)",
    "unit": "Unit",
    "approx": "Approximation word",
    "subject": "Subject",
    "metric": "Metric",
    "period": "Period (YYYY, YYYY-QN, YYYY-MM, YYYY-MM-DD)",
    "speaker": "Speaker",
    "speaker_org": "Speaker's organisation",
    "cue": "Attribution cue",
    "via": "Via (reported by)",
    "hedge": "Hedge",
}

st.title("Claims")
ui.show_flash()
db = ui.get_db()

view = ui.view_from_url()
f0 = view.filter

# ---------------------------------------------------------------- filters

ui.init_state(
    {
        "f_q": f0.search or "",
        "f_status": list(f0.status),
        "f_kind": list(f0.kind),
        "f_source": f0.source_id,
        "f_speaker": f0.speaker,
        "f_subject": f0.subject,
        "f_metric": f0.metric,
        "f_unit": f0.unit,
        "f_period_from": f0.period_from or "",
        "f_period_to": f0.period_to or "",
        "f_pub_from": render.parse_iso_date(f0.published_from),
        "f_pub_to": render.parse_iso_date(f0.published_to),
        "f_conf": f0.min_confidence or 0.0,
        "f_assignee": f0.assigned_to,
        "f_sort": view.sort,
        "f_desc": view.descending,
        "f_page": view.page,
    }
)


def facet_box(column, label: str, facet: str) -> str | None:
    """A searchable picker over a facet's values that also takes any typed value."""
    options = ui.read("distinct_values", facet, limit=300)
    current = st.session_state.get(f"f_{facet}")
    if current and current not in options:
        options = [current, *options]
    return column.selectbox(
        label, options, key=f"f_{facet}", index=None, placeholder="any",
        accept_new_options=True,
    )  # fmt: skip


def period_text(value: str, label: str) -> str | None:
    """A period typed in a filter box, or None with a message if it does not parse."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        period_bounds(value)
    except ClaimsError as exc:
        ui.error(f"{label}: {exc}")
        return None
    return value


with st.expander("Filters", expanded=True, icon=":material/filter_list:"):
    c1, c2, c3 = st.columns([2, 2, 1])
    search = c1.text_input("Search (words in the sentence, subject, speaker, title)", key="f_q")
    status = c2.multiselect("Status", STATUSES, key="f_status", format_func=ui.status_label)
    kind = c3.multiselect("Kind", KINDS, key="f_kind")
    c1, c2, c3, c4, c5 = st.columns(5)
    sources = {s["id"]: s for s in ui.read("source_choices", limit=500)}
    source_ids = list(sources)
    if st.session_state.get("f_source") is not None and st.session_state["f_source"] not in sources:
        source_ids.insert(0, st.session_state["f_source"])
    source_id = c1.selectbox(
        "Source",
        source_ids,
        key="f_source",
        index=None,
        placeholder="any",
        format_func=lambda i: render.truncate(
            (sources.get(i) or {}).get("title") or f"source {i}", 80
        ),
    )
    speaker = facet_box(c2, "Speaker", "speaker")
    subject = facet_box(c3, "Subject", "subject")
    metric = facet_box(c4, "Metric", "metric")
    unit = facet_box(c5, "Unit", "unit")
    c1, c2, c3, c4, c5 = st.columns(5)
    period_from = period_text(c1.text_input("Period from", key="f_period_from"), "Period from")
    period_to = period_text(c2.text_input("Period to", key="f_period_to"), "Period to")
    pub_from = c3.date_input("Published from", key="f_pub_from", min_value=EARLIEST_PUBLISHED)
    pub_to = c4.date_input("Published to", key="f_pub_to", min_value=EARLIEST_PUBLISHED)
    min_conf = c5.slider("Minimum confidence", 0.0, 1.0, step=0.05, key="f_conf")
    c1, c2, c3, _ = st.columns([2, 1, 2, 2])
    sort = c1.selectbox("Sort by", list(SORTABLE), key="f_sort")
    descending = c2.toggle("Descending", key="f_desc")
    assigned_to = c3.selectbox(
        "Assigned to", teamwork.reviewer_options(st.session_state.get("f_assignee")),
        key="f_assignee", index=None, placeholder="anyone or no one",
        format_func=teamwork.label_for_me(),
    )  # fmt: skip

claim_filter = ClaimFilter(
    search=search.strip() or None,
    status=list(status),
    kind=list(kind),
    source_id=source_id,
    speaker=speaker or None,
    subject=subject or None,
    metric=metric or None,
    unit=unit or None,
    period_from=period_from,
    period_to=period_to,
    published_from=render.iso_date(pub_from),
    published_to=render.iso_date(pub_to),
    min_confidence=min_conf or None,
    assigned_to=assigned_to or None,
)

# A new filter or order starts again at page one.
view_key = repr((claim_filter, sort, descending))
if st.session_state.get("_claims_view_key") not in (None, view_key):
    st.session_state["f_page"] = 1
st.session_state["_claims_view_key"] = view_key

try:
    # Counting stops past COUNT_CAP: a broad filter over a million claims stays quick.
    total = ui.read("count_claims", claim_filter, cap=COUNT_CAP)
except ClaimsError as exc:
    ui.error(exc)
    st.stop()
more = total > COUNT_CAP
total = min(total, COUNT_CAP)
pages = max(1, -(-total // PAGE_SIZE))
if st.session_state["f_page"] > pages:
    st.session_state["f_page"] = pages

# ---------------------------------------------------------------- table

top = st.columns([3, 1])
first = (st.session_state["f_page"] - 1) * PAGE_SIZE
top[0].text(
    f"{'More than ' if more else ''}{total:,} claims match · "
    f"showing {min(total, first + 1):,}–{min(total, first + PAGE_SIZE):,}"
    + (" · narrow the filters to page further" if more else "")
)
page = top[1].number_input("Page", min_value=1, max_value=pages, step=1, key="f_page")

rows = ui.read(
    "list_claims", claim_filter, sort=sort, descending=descending, page=page, page_size=PAGE_SIZE
)
if not rows:
    if claim_filter.is_empty():
        st.info("There are no claims yet. Add an article on the **Add articles** page.")
        st.page_link(ui.ADD, label="Add articles", icon=":material/post_add:")
    else:
        st.info("No claim matches these filters. Loosen or clear a filter above.")
    selected: list[dict] = []
else:
    # The sentence with the claim's words marked; columns empty on this page left out.
    records, shown_columns = render.claims_table(rows)
    table = pd.DataFrame(records, columns=list(render.CLAIMS_TABLE_COLUMNS))
    # The key follows the view so that a selection never points at the rows
    # of another filter or page.
    nonce = st.session_state.get("_table_nonce", 0)  # bumped after a bulk change
    digest = hashlib.sha1(f"{view_key}|{page}|{nonce}".encode()).hexdigest()[:10]
    event = st.dataframe(
        table,
        key=f"claims_table_{digest}",
        on_select="rerun",
        selection_mode="multi-row",
        hide_index=True,
        column_order=shown_columns,
        placeholder="",  # a blank cell, not "None"
        column_config={
            "id": st.column_config.NumberColumn("Id", format="%d", width="small"),
            "status": "Status",
            "sentence": st.column_config.TextColumn(
                "Claim in its sentence",
                width="large",
                help="The sentence of the article, the claim's words between « and ».",
            ),
            "figure": "Figure",
            "subject": "Subject",
            "metric": "Metric",
            "period": "Period",
            "speaker": "Speaker",
            "published": "Published",
            "kind": "Kind",
            "source": "Source",
            "confidence": st.column_config.ProgressColumn(
                "Confidence", min_value=0.0, max_value=1.0, format="%.2f", width="small"
            ),
        },
    )
    picked = [i for i in event.selection.rows if 0 <= i < len(rows)]
    selected = [rows[i] for i in picked]

# Selecting one row opens it; clearing the selection closes what it opened.
selected_ids = [r["id"] for r in selected]
previous = st.session_state.get("_claims_selected")
if selected_ids != previous:
    st.session_state["_claims_selected"] = selected_ids
    if len(selected_ids) == 1:
        view.claim_id = selected_ids[0]
    elif previous:
        view.claim_id = None

new_view = render.ClaimsView(
    filter=claim_filter, sort=sort, descending=descending, page=page, claim_id=view.claim_id
)
params = render.view_to_params(new_view)
current = {k: st.query_params.get_all(k) for k in st.query_params}
if current != {k: v if isinstance(v, list) else [v] for k, v in params.items()}:
    st.query_params.from_dict(params)

if total:
    st.page_link(
        ui.QUEUE,
        label=f"Review these {'first ' if total > team.QUEUE_LIMIT else ''}"
        f"{min(total, team.QUEUE_LIMIT):,} claims one by one",
        query_params={k: v for k, v in params.items() if k not in ("page", "claim")},
        icon=":material/checklist:",
    )

# ---------------------------------------------------------------- export

over_limit = total > IN_MEMORY_LIMIT or (
    more and ui.read("count_claims", claim_filter, cap=IN_MEMORY_LIMIT) > IN_MEMORY_LIMIT
)
if over_limit:
    # A download is built whole in the server's memory: a view this large is
    # exported to a file from the command line instead, with the same filters.
    st.info(
        f"These are more than {IN_MEMORY_LIMIT:,} claims: too many to build into a download "
        "here. Narrow the filters, or export them to a file from the command line:"
    )
    st.code(export_command(claim_filter, "csv", ui.db_path()), language="bash")
    if claim_filter.assigned_to:
        st.caption("The command does not filter by assignee: it exports these claims "
                   "whoever they are assigned to.")  # fmt: skip
elif total:
    db_file = str(ui.db_path())

    text_on_every_row = st.checkbox(
        "CSV: the article text on every row",
        key="export_text_on_every_row",
        help="By default an article's text is on the first row of its claims only, so that "
        "it is in the file once; on every row, a row filtered in a spreadsheet keeps it.",
    )

    def exporter(fmt: str, wanted: ClaimFilter = claim_filter):
        every_row = text_on_every_row and fmt == "csv"

        def run() -> bytes:
            # Runs on its own thread when the button is clicked: its own connection.
            own = store.open_for_reading(db_file)
            try:
                return export_bytes(own, wanted, fmt, text_on_every_row=every_row)
            finally:
                own.close()

        return run

    row = st.container(horizontal=True, gap="small", vertical_alignment="center")
    row.text(f"Export these {'more than ' if more else ''}{total:,} claims:")
    # ClaimReview is signed by the reviewing organisation: without one configured,
    # the button would only fail, so it is not offered (the caption says why).
    signed = config.reviewing_organisation() is not None
    for fmt, (ext, mime) in FORMATS.items():
        if fmt == "claimreview" and not signed:
            continue
        row.download_button(
            EXPORT_LABELS.get(fmt, fmt.upper()),
            data=exporter(fmt),
            file_name=export_file_name(db_file, claim_filter, ext),
            mime=mime,
            key=f"export_{fmt}",
            on_click="ignore",
            icon=":material/download:",
        )
    if not signed:
        st.caption(
            "ClaimReview export needs the reviewing organisation's name: set CLAIMS_ORG or "
            "[organisation] name in data/settings.toml (see the README)."
        )

# ---------------------------------------------------------------- bulk status

if len(selected) > 1:
    st.divider()
    st.subheader(f"Set the status of {len(selected)} selected claims")
    with st.form("bulk_status"):
        b1, b2 = st.columns([1, 2])
        bulk_status = b1.selectbox("New status", STATUSES, format_func=ui.status_label,
                                   key="bulk_new_status")  # fmt: skip
        bulk_note = b2.text_input("Note (required): why", key="bulk_note")
        bulk_evidence = st.text_input("Evidence URL (optional)", key="bulk_evidence")
        apply_bulk = st.form_submit_button("Set status of all selected", key="bulk_apply")
    if apply_bulk:
        try:
            store.set_status_many(
                db,
                [r["id"] for r in selected],
                bulk_status,
                note=bulk_note,
                reviewer=ui.reviewer(),
                evidence_url=bulk_evidence,
                expected_versions={r["id"]: r["version"] for r in selected},
            )
        except ClaimsError as exc:
            ui.error(exc)
        else:
            ui.flash(f"{len(selected)} claims set to {ui.status_label(bulk_status)}.")
            st.session_state["_table_nonce"] = st.session_state.get("_table_nonce", 0) + 1
            st.rerun()

if len(selected) > 1:
    st.subheader(f"Assign the {len(selected)} selected claims")
    teamwork.assign_form([r["id"] for r in selected], key="bulk")

# ---------------------------------------------------------------- one claim


def open_snapshot(claim_id: int) -> dict | None:
    """The claim as it was when its detail opened: edits are checked against its version."""
    held = st.session_state.get("_opened")
    if held is not None and held["id"] == claim_id:
        return held
    try:
        claim = store.get_claim(db, claim_id)
    except ClaimsError as exc:
        ui.error(exc)
        return None
    st.session_state["_opened"] = claim
    return claim


def show_group(claim_id: int) -> None:
    """The group of comparable claims this claim is in, with a link to compare it."""
    group = ui.read("group_of_claim", claim_id)
    if group is None:
        st.caption("Not grouped: a claim needs a value, a period and a subject or metric.")
        return
    claim = next((c for c in group.claims if c["id"] == claim_id), {})
    if group.split_claim_id is not None:
        st.text(f"Split off its group ({group.label}): it is compared with nothing.")
    else:
        marks = [name for name in ("outlier", "changed", "first") if claim.get(name)]
        flags = f" · this claim: {', '.join(marks)}" if marks else ""
        note = f"\n{claim['note']}" if claim.get("note") else ""
        st.text(f"Group: {group.label}\n{render.group_summary_text(group)}{flags}{note}")
    st.page_link(
        ui.COMPARE,
        label="Compare the sources of this figure",
        query_params=render.group_key_params(group.key),
        icon=":material/compare_arrows:",
    )


def check_text(check: checks.Check) -> str:
    """A check in plain lines: the series, the two values and the difference."""
    lines = [f"Against {check.series} (vintage {check.vintage}), period {check.period or 'none'}"]
    if check.official_value is not None:
        lines.append(
            f"Claim {render.format_number(check.claim_value)} · official "
            f"{checks.official_text(check.official_value)} · difference "
            f"{render.format_number(check.difference)}"
        )
    lines.append(f"Suggestion: {check.suggestion}")
    return "\n".join(lines)


def save_change(change: Callable[[], dict], failed: str) -> dict | None:
    """Run one change to the open claim: the claim as it now is, or None after saying
    why it failed ("Not saved, edit conflict: ..."); the detail then shows the new one."""
    try:
        updated = change()
    except ConflictError as exc:
        ui.error(f"{failed}, edit conflict: {exc}")
        return None
    except ClaimsError as exc:
        ui.error(f"{failed}: {exc}")
        return None
    st.session_state["_opened"] = updated
    return updated


def confirm_buttons(check: checks.Check, version: int, index: int) -> None:
    """Verified / disputed, for a person to click: the check never sets a status itself.
    The suggestion becomes the review note and the series' URL the evidence."""
    row = st.columns(len(checks.CONFIRMABLE) + 1, vertical_alignment="center")
    row[0].caption("Set the status with this suggestion as the note:")
    for column, status in zip(row[1:], checks.CONFIRMABLE, strict=True):
        if column.button(
            f"Confirm {ui.status_label(status)}", key=f"chk_{status}_{check.claim_id}_{index}"
        ):
            updated = save_change(
                lambda status=status: checks.confirm(
                    db, check.claim_id, status, reviewer=ui.reviewer(),
                    series=check.series, expected_version=version,
                ),
                "Status not changed",
            )  # fmt: skip
            if updated is not None:
                ui.flash(f"Claim {check.claim_id} is now {ui.status_label(status)}.")
                st.rerun()


def show_checks(claim_id: int, version: int) -> None:
    """The claim against the official series linked to its figure (claims.checks)."""
    found = ui.read("claim_checks", claim_id)
    if not found:
        return
    st.markdown("**Official figure**")
    for index, check in enumerate(found):
        with st.container(border=True):
            if check.outcome == checks.MISMATCH:
                # Never compared: a monthly figure is not its year's average.
                ui.warning(f"{check.series}: {check.suggestion}. Not compared.")
                continue
            st.text(check_text(check))
            if check.official_value is not None:
                confirm_buttons(check, version, index)


def show_detail(snap: dict) -> None:
    claim_id, version = snap["id"], snap["version"]
    current = store.get_claim(db, claim_id)
    source = store.get_source(db, snap["source_id"])
    st.divider()
    st.subheader(f"Claim {claim_id}")
    if current["version"] != version:
        ui.warning(
            f"Claim {claim_id} was changed by someone else since you opened it "
            f"(version {version}, now {current['version']}). Saving will be refused until you "
            "reload it."
        )
        if st.button("Reload the claim", key=f"reload_{claim_id}"):
            st.session_state["_opened"] = current
            st.rerun()
    ui.safe_html(render.claim_context_html(source["text"], snap))
    meta = st.columns([3, 1])
    meta[0].text(
        f"Source {source['id']}: {source['title'] or '(untitled)'}\n"
        f"{source['publisher'] or ''}  {source['published'] or ''}".rstrip()
    )
    url = render.safe_url(source.get("url"))
    if url:
        meta[1].link_button("Open the article", url, icon=":material/open_in_new:")
    st.text(
        f"Status: {ui.status_label(current['status'])} · kind: {current['kind']} · "
        f"confidence: {current['confidence']:.2f} · extractor {current['extractor_version']} · "
        f"{teamwork.assignee_text(claim_id)}"
    )

    show_group(claim_id)
    show_checks(claim_id, version)

    edit_tab, status_tab, assign_tab, history_tab = st.tabs(
        ["Edit fields", "Set status", "Assign", "History and comments"]
    )
    with edit_tab, st.form(f"edit_{claim_id}_{version}"):
        cols = st.columns(3)
        entered = {
            name: cols[i % 3].text_input(
                label, value=render.field_text(snap[name]), key=f"e_{name}_{claim_id}_{version}"
            )
            for i, (name, label) in enumerate(FIELD_LABELS.items())
        }
        entered["kind"] = cols[len(FIELD_LABELS) % 3].selectbox(
            "Kind", KINDS, index=KINDS.index(snap["kind"]), key=f"e_kind_{claim_id}_{version}"
        )
        edit_note = st.text_input("Note (optional)", key=f"e_note_{claim_id}_{version}")
        save = st.form_submit_button("Save changes", key=f"save_{claim_id}_{version}")
    if save:
        changes = render.edit_changes(snap, entered)
        if not changes:
            st.info("Nothing changed.")
        else:
            updated = save_change(
                lambda: store.update_claim(
                    db, claim_id, changes, expected_version=version,
                    reviewer=ui.reviewer(), note=edit_note or None,
                ),
                "Not saved",
            )  # fmt: skip
            if updated is not None:
                ui.flash(f"Claim {claim_id} saved ({len(changes)} field(s) changed).")
                st.rerun()

    with status_tab, st.form(f"status_{claim_id}_{version}"):
        s1, s2 = st.columns([1, 2])
        new_status = s1.selectbox(
            "New status", STATUSES, index=STATUSES.index(current["status"]),
            format_func=ui.status_label, key=f"s_new_{claim_id}_{version}",
        )  # fmt: skip
        note = s2.text_area("Note (required): why", key=f"s_note_{claim_id}_{version}", height=80)
        evidence = st.text_input(
            "Evidence URL (optional)", key=f"s_evidence_{claim_id}_{version}",
            placeholder="https://…",
        )  # fmt: skip
        change = st.form_submit_button("Set status", key=f"s_go_{claim_id}_{version}")
    if change:
        updated = save_change(
            lambda: store.set_status(
                db, claim_id, new_status, note=note, reviewer=ui.reviewer(),
                evidence_url=evidence, expected_version=version,
            ),
            "Status not changed",
        )  # fmt: skip
        if updated is not None:
            if updated["version"] == version:
                st.info(f"Claim {claim_id} already has that status.")
            else:
                ui.flash(f"Claim {claim_id} is now {ui.status_label(new_status)}.")
                st.rerun()

    with assign_tab:
        group = ui.read("group_of_claim", claim_id)
        teamwork.assign_form(
            [claim_id], key=f"claim_{claim_id}", current=ui.read("assignee_of", claim_id),
            group=(group.label, [c["id"] for c in group.claims]) if group else None,
        )  # fmt: skip

    with history_tab:
        teamwork.history_and_comments(claim_id)


if view.claim_id is not None:
    snapshot = open_snapshot(view.claim_id)
    if snapshot is not None:
        show_detail(snapshot)
elif rows and len(selected) <= 1:
    st.caption("Select a row to open its claim; select several to set their status at once.")
