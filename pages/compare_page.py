"""Compare: one group of comparable claims (subject, metric, unit, period) side by side.

The group, its median, spread, outliers and first appearance come from
claims.groups; a person accepts or rejects proposed merges and splits claims
off here, each decision with their name and a note. When the figure is linked
to an official series of the period's frequency, its official value is a rule
on the chart. The key is kept in the
URL (subject_key, metric_key, unit_key, period) so a comparison can be shared.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from claims import charts, groups, render
from claims.model import ClaimsError
from claims.normalise import ClaimKey
from pages import _shared as ui

st.title("Compare")
ui.show_flash()
db = ui.get_db()

# ---------------------------------------------------------------- picker

c1, c2, c3 = st.columns([3, 1, 1])
search = c1.text_input("Search a figure (subject, metric: “GDP”, “unemployment”)", key="c_search")
min_sources = c2.number_input("Stated by at least … sources", 1, 1000, 1, key="c_min_sources")
listed = ui.read("list_groups", search=search.strip() or None, min_sources=int(min_sources))
wanted = render.group_key_from_params(st.query_params)
key = ui.key_picker(
    c1,
    listed,
    wanted if wanted is not None and wanted.period is not None else None,
    widget_key="c_key",
    label="Group: subject · metric · unit · period (most sources first)",
    describe=lambda r: f"{r['label']} ({r['n_sources']} sources, {r['n_claims']} claims)",
    empty="No numeric claim has a subject or metric and a period yet, so there is nothing "
    "to compare. Add articles, or complete claims on the **Claims** page.",
    searched=bool(search.strip()),
)
with c3.popover("Tolerance", icon=":material/tune:"):
    relative = st.number_input(
        "Relative (% of the median)", 0.0, 100.0, 5.0, 0.5, key="c_tol_rel",
        help="A value further than this from the group's median is an outlier.",
    )  # fmt: skip
    points = st.number_input(
        "For values in percent (percentage points)", 0.0, 100.0, 0.5, 0.1, key="c_tol_pct",
        help="Percent values are compared by points: 3.5% and 3.9% agree at 0.5.",
    )  # fmt: skip
tolerance = groups.Tolerance(relative=relative / 100, percent=points)

group = ui.read("group_for_key", key, tolerance)
if group is None:
    st.info("No live claim has this key any more (its claims were edited or removed).")
    st.stop()
if tuple(group.key) != tuple(key):
    st.text(f"This key was merged into: {group.label}")
st.query_params.update(render.group_key_params(group.key))

# ---------------------------------------------------------------- the group

st.subheader("The group", anchor=False)
st.text(f"{group.label}\n{render.group_summary_text(group)}")
st.text(render.first_appearance_text(group.first))
cols = st.columns(5)
cols[0].metric("Sources", group.n_sources)
cols[1].metric("Median", render.format_number(group.median))
cols[2].metric("Spread", render.format_number(group.spread))
cols[3].metric("Outliers", len(group.outliers))
cols[4].metric("Changed on repetition", len(group.changed))

# The official figure for the period, when a person linked this figure to a series of
# the period's frequency (claims.official): a rule on the chart, named under it.
official_values = ui.read("official_values", group.key, group.key.period)
for value in official_values:
    st.caption(
        render.escape_markdown(
            f"Official figure for {value.period}: {render.format_number(value.value)} "
            f"({value.series}, vintage {value.vintage}); the solid grey line on the chart."
        )
    )
marks = [{"series": v.series, "vintage": v.vintage, "value": v.value} for v in official_values]
if group.n_claims > 1 or marks:
    name = render.file_slug(f"compare-{group.label}")
    ui.chart(
        charts.compare_chart(group, official=marks), name=name, key="cmp_chart",
        footer=ui.footer(group.claims),
    )  # fmt: skip
if group.n_claims == 1:
    st.info("Only one claim states this figure, so there is nothing to compare it with yet.")
frame = charts.compare_frame(group.claims)
st.dataframe(
    frame[["id", "who", "publisher", "published", "speaker", "figure", "deviation", "mark",
           "first", "note", "status"]],
    hide_index=True,
    key="c_table",
    column_config={
        "id": st.column_config.NumberColumn("Claim", format="%d"),
        "who": "Source",
        "publisher": "Publisher",
        "published": "Published",
        "speaker": "Speaker",
        "figure": "Figure",
        "deviation": st.column_config.NumberColumn("From the median", format="%+.4g"),
        "mark": "Marked",
        "first": st.column_config.CheckboxColumn("First appearance"),
        "note": "Why marked",
        "status": "Status",
    },
)  # fmt: skip


def decide(action: Callable[[], object], done: str) -> None:
    """Run a logged decision (claims.groups checks the reviewer's name and the note);
    problems are shown, success after the rerun."""
    try:
        action()
    except ClaimsError as exc:
        ui.error(exc)
    else:
        ui.flash(done)
        st.rerun()


def chosen_merge(choice: tuple[str, str, str] | None) -> ClaimKey:
    """The merged name picked in the history (unit, subject, metric) as a key."""
    if choice is None:
        raise ClaimsError("Choose the merge to undo.")
    unit, subject, metric = choice
    return ClaimKey(subject, metric, unit, None)


def chosen_split(choice: int | None) -> int:
    if choice is None:
        raise ClaimsError("Choose the claim to put back.")
    return choice


def undo_row(
    label: str,
    choices: dict,
    *,
    key: str,
    button: str,
    undo: Callable[[object, str], object],
    done: str,
) -> None:
    """Pick a decision in force, say why, undo it (keys: key, key_note, key_go)."""
    row = st.columns([3, 3, 1], vertical_alignment="bottom")
    chosen = row[0].selectbox(
        label, list(choices), key=key, index=None, format_func=choices.get,
        placeholder="choose one" if choices else "none",
    )  # fmt: skip
    note = row[1].text_input("Note (required)", key=f"{key}_note")
    if row[2].button(button, key=f"{key}_go"):
        decide(lambda: undo(chosen, note), done)


def key_text(k: ClaimKey) -> str:
    return " · ".join(part for part in (k.subject, k.metric, k.unit) if part)


# ---------------------------------------------------------------- merges

st.subheader("Probably the same figure", anchor=False)
proposals = ui.read("propose_merges", key=group.key, limit=10)
if not proposals:
    st.caption("No other name in this unit and period looks like this one.")
for i, p in enumerate(proposals):
    with st.container(border=True):
        agree = "values agree" if p["values_agree"] else "values differ"
        st.text(
            f"{p['from_label']}  →  {p['into_label']}\n"
            f"similarity {p['score']:.0f} · {agree} · periods: {', '.join(p['periods'])} · "
            f"sources {p['from_sources']} + {p['into_sources']}"
        )
        row = st.columns([4, 1, 1], vertical_alignment="bottom")
        note = row[0].text_input("Note (required): why", key=f"c_merge_note_{i}")
        if row[1].button("Accept merge", key=f"c_merge_accept_{i}", icon=":material/merge:"):
            decide(
                lambda p=p, note=note: groups.accept_merge(
                    db, p["from_key"], p["into_key"], reviewer=ui.reviewer(), note=note
                ),
                f"Merged {key_text(p['from_key'])} into {key_text(p['into_key'])}.",
            )
        if row[2].button("Not the same", key=f"c_merge_reject_{i}", icon=":material/block:"):
            decide(
                lambda p=p, note=note: groups.reject_merge(
                    db, p["from_key"], p["into_key"], reviewer=ui.reviewer(), note=note
                ),
                "Recorded: not the same figure; the pair is no longer proposed.",
            )

# ---------------------------------------------------------------- splits

st.subheader("Split a claim off this group", anchor=False)
claim_names = {
    c["id"]: f"claim {c['id']}: {render.format_value(c)} · {render.truncate(c['source_title'], 60)}"
    for c in group.claims
}
row = st.columns([2, 3, 1], vertical_alignment="bottom")
split_id = row[0].selectbox(
    "Claim", list(claim_names), key="c_split_claim", format_func=claim_names.get
)
split_note = row[1].text_input("Note (required): why it is not this figure", key="c_split_note")
if row[2].button("Split off", key="c_split_go", icon=":material/call_split:"):
    decide(
        lambda: groups.split_claim(db, split_id, reviewer=ui.reviewer(), note=split_note),
        f"Claim {split_id} now stands alone, out of this group.",
    )

# ---------------------------------------------------------------- history

with st.expander("Decisions: merges and splits, with undo", icon=":material/history:"):
    merges = ui.read("active_merges")
    split_ids = ui.read("split_claim_ids")
    merged_names = {
        (m["unit_key"], m["from_subject"], m["from_metric"]): (
            f"{m['from_subject']} {m['from_metric']} → {m['into_subject']} {m['into_metric']} "
            f"({m['unit_key'] or 'number'})"
        )
        for m in merges
    }
    undo_row(
        "Merge in force",
        merged_names,
        key="c_unmerge",
        button="Undo merge",
        undo=lambda choice, note: groups.undo_merge(
            db, chosen_merge(choice), reviewer=ui.reviewer(), note=note
        ),
        done="Merge undone: the names are separate groups again.",
    )
    undo_row(
        "Claim split off",
        {claim_id: f"claim {claim_id}" for claim_id in split_ids},
        key="c_unsplit",
        button="Put back",
        undo=lambda choice, note: groups.undo_split(
            db, chosen_split(choice), reviewer=ui.reviewer(), note=note
        ),
        done="The claim is back in the group its key gives it.",
    )
    log_columns = ["at", "reviewer", "action", "note"]
    merge_log = ui.read("merge_log", limit=100)
    if merge_log:
        st.dataframe(
            pd.DataFrame(merge_log)[
                [*log_columns, "unit_key", "from_subject", "from_metric", "into_subject",
                 "into_metric"]
            ],
            hide_index=True, key="c_merge_log",
        )  # fmt: skip
    split_log = ui.read("split_log", limit=100)
    if split_log:
        st.dataframe(
            pd.DataFrame(split_log)[[*log_columns, "claim_id", "surface", "metric_key", "period"]],
            hide_index=True, key="c_split_log",
        )  # fmt: skip
    if not merge_log and not split_log:
        st.caption("No merge or split yet.")
