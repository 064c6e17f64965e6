"""Review queue: the claims of a view, one at a time, a status set with one click or key.

The view is the Claims page's (the same query parameters: filters, sort), so
"Review these claims one by one" there opens this page on them. The queue is the
view's claims as they were when it opened (at most claims.team.QUEUE_LIMIT): a
claim that leaves the view once reviewed (a queue of unreviewed claims) does not
shift the ones after it. The claim shown is in the URL (?claim=), so a reload
stays on it.

Keys: V verified, D disputed, M misleading, F false, U unverifiable, I in review,
N next, P previous, A assign to me. Shortcuts do not fire while
typing in the note: Tab leaves it.
"""

from __future__ import annotations

import streamlit as st

from claims import render, store, team
from claims.model import ClaimsError, ConflictError
from pages import _shared as ui
from pages import _team as teamwork

# The statuses a reviewer sets here, with their keys (not "unreviewed": a review
# moves a claim on; the Claims page can set it back).
STATUS_KEYS = {
    "verified": "V",
    "disputed": "D",
    "misleading": "M",
    "false": "F",
    "unverifiable": "U",
    "in_review": "I",
}

st.title("Review queue")
ui.show_flash()
db = ui.get_db()

view = ui.view_from_url()


def queue_ids() -> list[int]:
    """The view's claim ids as they were when the queue opened (or was reloaded)."""
    key = repr((view.filter, view.sort, view.descending))
    held = st.session_state.get("_queue")
    if held is None or held[0] != key:
        try:
            ids = ui.read("review_queue", view.filter, sort=view.sort, descending=view.descending)
        except ClaimsError as exc:
            ui.error(exc)
            st.stop()
        held = (key, ids)
        st.session_state["_queue"] = held
        st.session_state["_queue_done"] = False
    return held[1]


def view_text(filters: dict) -> str:
    """The view's filters in words: "status unreviewed, in_review; assigned to Ana"."""
    if not filters:
        return "every claim"
    parts = []
    for name, value in filters.items():
        shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        parts.append(f"{name.replace('_', ' ')} {shown}")
    return "; ".join(parts)


def go_to(claim_id: int | None) -> None:
    """Show another claim of the queue (None: past the end)."""
    if claim_id is None:
        st.session_state["_queue_done"] = True
        st.query_params.pop("claim", None)
    else:
        st.session_state["_queue_done"] = False
        st.query_params["claim"] = str(claim_id)


def set_status_and_move_on(claim_id: int, version: int, status: str, following: int | None) -> None:
    """A status button's callback: the note typed for this claim becomes the review's
    note; on success the next claim follows."""
    note = st.session_state.get(f"q_note_{claim_id}") or ""
    try:
        store.set_status(db, claim_id, status, note=note, reviewer=ui.reviewer(),
                         expected_version=version)  # fmt: skip
    except ConflictError as exc:
        st.session_state["_queue_error"] = f"Status not changed, edit conflict: {exc}"
        return
    except ClaimsError as exc:
        st.session_state["_queue_error"] = f"Status not changed: {exc}"
        return
    ui.flash(f"Claim {claim_id} is now {ui.status_label(status)}.")
    go_to(following)


def assign_to_me(claim_id: int) -> None:
    try:
        team.assign(db, [claim_id], ui.reviewer(), by=ui.reviewer())
    except ClaimsError as exc:
        st.session_state["_queue_error"] = f"Not assigned: {exc}"
        return
    ui.flash(f"Claim {claim_id} assigned to you.")


def reload_queue() -> None:
    st.session_state.pop("_queue", None)
    go_to(None)
    st.session_state["_queue_done"] = False


ids = queue_ids()
back = {k: v for k, v in render.view_to_params(view).items() if k not in ("page", "claim")}
top = st.container(horizontal=True, gap="small", vertical_alignment="center")
top.page_link(ui.CLAIMS, label="Back to the Claims table", query_params=back,
              icon=":material/table_rows:")  # fmt: skip
top.button("Reload the queue", on_click=reload_queue, icon=":material/refresh:",
           help="Take the view's claims again as they are now.")  # fmt: skip
st.caption("View: " + render.escape_markdown(view_text(view.filter.as_dict())))

if not ids:
    st.info("No claim is in this view. Loosen the filters on the Claims page.")
    st.stop()
if st.session_state.get("_queue_done"):
    st.success(f"That was the last of the {len(ids):,} claims in this queue.")
    st.button("Start again from the first", on_click=go_to, args=(ids[0],))
    st.stop()

current_id = view.claim_id if view.claim_id in ids else ids[0]
position = ids.index(current_id)
following = team.next_in_queue(ids, current_id)
earlier = team.previous_in_queue(ids, current_id)
if (problem := st.session_state.pop("_queue_error", None)) is not None:
    ui.error(problem)

try:
    claim = store.get_claim(db, current_id)
    source = store.get_source(db, claim["source_id"])
except ClaimsError as exc:
    ui.error(exc)
    st.stop()

st.progress((position + 1) / len(ids), text=f"Claim {position + 1} of {len(ids):,}")
st.subheader(f"Claim {current_id}")
ui.safe_html(render.claim_context_html(source["text"], claim))
st.text(
    f"{render.format_value(claim)} · status: {ui.status_label(claim['status'])} · "
    f"{teamwork.assignee_text(current_id)}\n"
    f"Source {source['id']}: {source['title'] or '(untitled)'}"
    f"{' · ' + source['published'] if source['published'] else ''}"
)

st.text_input(
    "Note (required for a status): why", key=f"q_note_{current_id}",
    placeholder="e.g. matches the statistics office's release",
)  # fmt: skip
if not ui.reviewer():
    st.caption("Type your name in the sidebar first: every status is written under it.")
row = st.container(horizontal=True, gap="small")
for status, shortcut in STATUS_KEYS.items():
    row.button(
        ui.status_label(status).capitalize(), key=f"q_{status}", shortcut=shortcut,
        on_click=set_status_and_move_on, args=(current_id, claim["version"], status, following),
        type="primary" if status == "verified" else "secondary",
    )  # fmt: skip
steps = st.container(horizontal=True, gap="small")
steps.button("Previous", key="q_prev", shortcut="P", on_click=go_to, args=(earlier,),
             disabled=earlier is None, icon=":material/arrow_back:")  # fmt: skip
steps.button("Next", key="q_next", shortcut="N", on_click=go_to, args=(following,),
             icon=":material/arrow_forward:")  # fmt: skip
steps.button("Assign to me", key="q_mine", shortcut="A", on_click=assign_to_me,
             args=(current_id,), disabled=not ui.reviewer())  # fmt: skip
steps.page_link(ui.CLAIMS, label="Open in the Claims page", icon=":material/open_in_new:",
                query_params={**back, "claim": str(current_id)})  # fmt: skip
st.caption(
    "Keys: "
    + " · ".join(f"{key} {ui.status_label(status)}" for status, key in STATUS_KEYS.items())
    + " · N next · P previous · A assign to me. Tab leaves the note first."
)

st.divider()
teamwork.history_and_comments(current_id)
