"""Reference: the official series beside the claims, their links to figures, imports.

Lists the series (claims.reference) with their coverage and latest vintage, the
links in force and the links the ledger proposes (claims.reference_links), where a
person accepts or rejects each with a note, links a series to a figure they name,
undoes a decision and reads the log; and imports a series from a CSV, Excel or JSON
file, at the scale its values are stated in. The command line does the same
(`python -m claims reference ...`).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from claims import reference, reference_links, render
from claims.model import ClaimsError
from pages import _shared as ui

# Proposals drawn with their buttons; the rest wait until these are decided.
SHOWN_PROPOSALS = 20

st.title("Reference series")
ui.show_flash()
db = ui.get_db()


def decide(action: Callable[[], object], done: str) -> None:
    """Run a logged decision (claims.reference_links requires the reviewer and a note);
    a refusal is shown, success after the rerun."""
    try:
        action()
    except ClaimsError as exc:
        ui.error(exc)
    else:
        ui.flash(done)
        st.rerun()


# ---------------------------------------------------------------- series

st.subheader("Official series", anchor=False)
series = ui.read("reference_series")
if not series:
    st.info(
        "No official series yet. Import a file below, or load the shipped pack with "
        "`python -m claims reference pack`."
    )
else:
    st.dataframe(
        pd.DataFrame(series).assign(
            url=lambda d: d["url"].map(render.safe_url),
            coverage=lambda d: d["first"] + " to " + d["last"],
        )[["name", "unit", "frequency", "coverage", "observations", "vintage", "means",
           "publisher", "imported", "scale", "transform", "url"]],
        hide_index=True,
        key="r_series",
        column_config={
            "name": st.column_config.TextColumn("Series", width="large"),
            "publisher": "Publisher",
            "unit": "Unit",
            "frequency": "Frequency",
            "means": "A value is",
            "coverage": "Coverage",
            "observations": st.column_config.NumberColumn("Observations", format="%d"),
            "vintage": st.column_config.NumberColumn("Latest vintage", format="%d"),
            "imported": "Imported (UTC)",
            "scale": st.column_config.NumberColumn(
                "Scale", format="compact",
                help="What the latest import's values were stated in and multiplied by to "
                "be stored in full, as claims are (1M for a table in millions)",
            ),
            "transform": "Derived by",
            "url": st.column_config.LinkColumn("Source"),
        },
    )  # fmt: skip

# ---------------------------------------------------------------- links

st.subheader("Links in force", anchor=False)
links = ui.read("reference_links")
if not links:
    st.caption("No series is linked to a figure yet: accept a proposal below.")
else:
    st.dataframe(
        pd.DataFrame(links)[["series", "key", "frequency", "claims", "id"]],
        hide_index=True,
        key="r_links",
        column_config={
            "series": "Series",
            "key": "Figure (subject / metric / unit)",
            "frequency": "Frequency",
            "claims": st.column_config.NumberColumn("Claims it checks", format="%d"),
            "id": "Link id",
        },
    )

st.subheader("Proposed links", anchor=False)
st.caption(
    "A series' name read as a figure, in the same unit: accept to check the figure's "
    "claims against the series, reject to stop proposing it. Each decision needs your "
    "name (in the sidebar) and a note."
)
proposals = ui.read("link_proposals")
if not proposals:
    st.caption("Nothing to propose: no figure of the ledger looks like a series' name.")
for proposal in proposals[:SHOWN_PROPOSALS]:
    with st.container(border=True):
        st.text(
            f"{proposal.series}  →  {proposal.label}\n"
            f"similarity {proposal.score:.0f} · {proposal.claims} claims · {proposal.id}"
        )
        row = st.columns([4, 1, 1], vertical_alignment="bottom")
        note = row[0].text_input("Note (required): why", key=f"r_note_{proposal.id}")
        if row[1].button("Accept", key=f"r_accept_{proposal.id}", icon=":material/link:"):
            decide(
                lambda p=proposal, note=note: reference_links.accept(
                    db, p.id, reviewer=ui.reviewer(), note=note
                ),
                f"Linked {proposal.series} to {proposal.label}.",
            )
        if row[2].button("Reject", key=f"r_reject_{proposal.id}", icon=":material/link_off:"):
            decide(
                lambda p=proposal, note=note: reference_links.reject(
                    db, p.id, reviewer=ui.reviewer(), note=note
                ),
                f"Rejected: {proposal.series} is not {proposal.label}.",
            )
if len(proposals) > SHOWN_PROPOSALS:
    st.caption(f"{len(proposals) - SHOWN_PROPOSALS} more proposals follow once these are decided.")

# ---------------------------------------------------------------- by hand


def link_by_hand(values: dict) -> str:
    """Link the chosen series to the figure the form names, through the library the
    CLI's `reference link` uses (it refuses a missing note or reviewer, or a unit
    that is not the series'); returns what the page then says."""
    row = reference_links.link(
        db,
        values["series"] or "",
        subject=values["subject"],
        metric=values["metric"],
        unit=values["unit"],
        reviewer=ui.reviewer(),
        note=values["note"],
    )
    key = reference_links.key_label(row["subject_key"], row["metric_key"], row["unit_key"])
    covered = reference_links.claims_covered(db, row)
    checks = (
        f"it checks {covered:,} claim(s)"
        if covered
        else "no claim has this figure yet; claims added later will be checked"
    )
    return f"Linked {row['series']} to {key}: {checks}."


if series:
    with st.expander("Link a series to a figure you name", icon=":material/add_link:"):
        st.caption(
            "For a figure the ledger does not propose: name it as claims say it; it is "
            'keyed as claims are ("US" is united states). Undo it from the log below.'
        )
        with st.form("r_link", clear_on_submit=False):
            c1, c2, c3, c4 = st.columns([3, 2, 2, 1])
            link_values = {
                "series": c1.selectbox("Series", [r["name"] for r in series], key="r_link_series"),
                "subject": c2.text_input("Subject", key="r_link_subject",
                                         placeholder="e.g. United States"),
                "metric": c3.text_input("Metric", key="r_link_metric",
                                        placeholder="e.g. unemployment rate"),
                "unit": c4.text_input("Unit", key="r_link_unit", placeholder="the series'"),
            }  # fmt: skip
            link_values["note"] = st.text_input("Note (required): why", key="r_link_note")
            link_go = st.form_submit_button("Link", key="r_link_go", icon=":material/link:")
        if link_go:
            try:
                done = link_by_hand(link_values)
            except ClaimsError as exc:
                ui.error(f"Not linked, nothing was written: {exc}")
            else:
                ui.flash(render.escape_markdown(done))  # the names are typed text
                st.rerun()

# ---------------------------------------------------------------- decisions


def decision_label(row: dict) -> str:
    key = reference_links.key_label(row["subject_key"], row["metric_key"], row["unit_key"])
    return f"{row['series']} → {key} (latest: {row['action']} by {row['reviewer']})"


def undo_link(link_id: str | None, note: str) -> None:
    if not link_id:
        raise ClaimsError("No link decision to undo yet.")
    reference_links.undo(db, link_id, reviewer=ui.reviewer(), note=note)


with st.expander("Decisions: the log, with undo", icon=":material/history:"):
    log = ui.read("link_decisions")
    # The newest decision of each link first: "undo" takes back that link's latest one.
    latest_of_link: dict[str, dict] = {}
    for row in log:
        latest_of_link.setdefault(row["link_id"], row)
    choices = {link_id: decision_label(row) for link_id, row in latest_of_link.items()}
    if st.session_state.get("r_undo") not in choices:
        # The link decided last, also when the first decision came after the first run.
        st.session_state["r_undo"] = next(iter(choices), None)
    row = st.columns([3, 3, 1], vertical_alignment="bottom")
    chosen = row[0].selectbox(
        "Link", list(choices), key="r_undo", format_func=choices.get, placeholder="none"
    )
    undo_note = row[1].text_input("Note (required)", key="r_undo_note")
    if row[2].button("Undo its latest decision", key="r_undo_go", icon=":material/undo:"):
        decide(lambda: undo_link(chosen, undo_note), "Decision undone.")
    if log:
        st.dataframe(
            pd.DataFrame(log).assign(
                key=lambda d: [
                    reference_links.key_label(s, m, u)
                    for s, m, u in zip(d["subject_key"], d["metric_key"], d["unit_key"],
                                       strict=True)
                ]
            )[["at", "reviewer", "action", "series", "key", "note", "score"]],
            hide_index=True,
            key="r_log",
            column_config={"at": "When (UTC)", "key": "Figure", "score": "Similarity"},
        )  # fmt: skip
    else:
        st.caption("No link decision yet.")

# ---------------------------------------------------------------- import


def spec_from_form(values: dict) -> reference.SeriesSpec:
    """The series the form describes; a malformed filter is refused (ClaimsError)."""
    return reference.SeriesSpec(
        name=values["name"].strip(),
        unit=values["unit"].strip(),
        frequency=values["frequency"],
        means=values["means"],
        publisher=values["publisher"].strip() or None,
        url=values["url"].strip() or None,
        date_column=values["date_column"].strip(),
        value_column=values["value_column"].strip(),
        filters=reference.parse_filters(
            line for line in values["filters"].splitlines() if line.strip()
        ),
        scale=reference.parse_scale(values["scale"]),
    )


def import_upload(upload, values: dict) -> reference.ImportResult:
    """Import the uploaded file as the series the form describes: the library refuses
    a bad file whole (no such column, not a number, a period twice), writing nothing."""
    if upload is None:
        raise ClaimsError("Choose a CSV, Excel or JSON file to import.")
    if upload.size > reference.MAX_FILE_BYTES:
        raise ClaimsError(f"{upload.name} is larger than {reference.MAX_FILE_BYTES // 2**20} MB.")
    return reference.import_bytes(db, upload.name, upload.getvalue(), spec_from_form(values))


st.subheader("Import a series from a file", anchor=False)
with st.form("r_import"):
    upload = st.file_uploader("CSV, Excel or JSON file", type=["csv", "xlsx", "json"], key="r_file")
    c1, c2, c3, c4 = st.columns([3, 1, 1, 2])
    values = {
        "name": c1.text_input("Name", key="r_name", placeholder="e.g. Zembla CPI"),
        "unit": c2.text_input("Unit", key="r_unit", placeholder="percent, USD, index point"),
        "frequency": c3.selectbox("Frequency", reference.FREQUENCIES, key="r_frequency"),
        "means": c4.selectbox("A value is", reference.MEANINGS, key="r_means"),
    }
    c1, c2, c3 = st.columns(3)
    values["date_column"] = c1.text_input("Date column", value="Date", key="r_date_column")
    values["value_column"] = c2.text_input("Value column", value="Value", key="r_value_column")
    values["filters"] = c3.text_area(
        "Filters (optional): COLUMN=VALUE, one a line", key="r_filters", height=68
    )
    c1, c2, c3 = st.columns([2, 2, 1])
    values["publisher"] = c1.text_input("Publisher (optional)", key="r_publisher")
    values["url"] = c2.text_input("Source URL (optional)", key="r_url", placeholder="https://…")
    values["scale"] = c3.text_input(
        "Values stated in (optional)",
        key="r_scale",
        placeholder="e.g. million",
        help="thousand, million, billion or a number: the values are multiplied by it and "
        'stored in full, as claims are ("$1.2bn" is 1,200,000,000)',
    )
    go = st.form_submit_button("Import", key="r_import_go", type="primary")
if go:
    try:
        result = import_upload(upload, values)
    except ClaimsError as exc:
        ui.error(f"Not imported, nothing was written: {exc}")
    else:
        ui.flash(str(result))
        st.rerun()
