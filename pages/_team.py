"""The teamwork parts the Claims page and the Review queue share: assigning claims,
a claim's comment thread, its history beside the comments.

Streamlit glue only: the rules (names, who is known, the logs) are claims.team's.
Names and comments are people's text: shown with st.text or in tables, never as
markdown or HTML.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from claims import render, team
from claims.model import ClaimsError
from pages import _shared as ui


def _me() -> str:
    return ui.reviewer()


def reviewer_label(name: str, me: str | None = None) -> str:
    """How a reviewer is offered in a picker: the person using the page is "me"."""
    me = _me() if me is None else me
    return f"me ({name})" if name and name == me else name


def label_for_me() -> Callable[[str], str]:
    """A picker's format_func, fixed to who uses the page now."""
    me = _me()
    return lambda name: reviewer_label(name, me)


def reviewer_options(*also: str | None) -> list[str]:
    """Everyone known to the ledger, the person using the page first."""
    me = _me()
    names = [me, *ui.read("known_reviewers"), *also]
    return [name for name in dict.fromkeys(names) if name]


def assign_form(
    claim_ids: list[int],
    *,
    key: str,
    current: str | None = None,
    group: tuple[str, list[int]] | None = None,
) -> None:
    """Assign the given claims to a reviewer (a known one, or a new one on purpose), or
    take them off whoever has them; `group` (its label and claim ids) offers the claims
    of one figure together."""
    others = [i for i in group[1] if i not in claim_ids] if group else []
    with st.form(f"assign_{key}"):
        a1, a2, a3 = st.columns([2, 2, 3])
        options = reviewer_options(current)
        picked = a1.selectbox(
            "Assign to", options, index=options.index(current) if current in options else None,
            key=f"a_who_{key}", format_func=label_for_me(), placeholder="pick a reviewer",
        )  # fmt: skip
        typed = a2.text_input("or type a name", key=f"a_name_{key}",
                              max_chars=team.MAX_NAME_CHARS)  # fmt: skip
        note = a3.text_input("Note (optional)", key=f"a_note_{key}")
        new = st.checkbox("They are new to this ledger", key=f"a_new_{key}",
                          help="Needed for a name nobody has used here yet.")  # fmt: skip
        with_group = bool(others) and st.checkbox(
            # Widget labels are markdown: the group's label is article text, escaped.
            render.escape_markdown(
                (
                    "With the other claim"
                    if len(others) == 1
                    else f"With the {len(others)} other claims"
                )
                + f" of its group ({group[0] if group else ''})"
            ),
            key=f"a_group_{key}",
        )
        buttons = st.container(horizontal=True, gap="small")
        give = buttons.form_submit_button("Assign", key=f"a_go_{key}", type="primary")
        take = buttons.form_submit_button("Unassign", key=f"a_off_{key}")
    if not (give or take):
        return
    assignee = (typed or "").strip() or picked
    if with_group:
        claim_ids = [*claim_ids, *others]
    try:
        if give:
            if not assignee:
                raise ClaimsError("Pick or type the name of the reviewer to assign.")
            changed = team.assign(db(), claim_ids, assignee, by=_me(), note=note,
                                  new_reviewer=new)  # fmt: skip
            # st.success renders markdown: the name is a person's text, escaped.
            done = f"assigned to {render.escape_markdown(team.reviewer_name(assignee))}"
        else:
            changed = team.unassign(db(), claim_ids, by=_me(), note=note)
            done = "no longer assigned"
    except ClaimsError as exc:
        ui.error(exc)
        return
    if not changed:
        st.info("Nothing changed: the assignment was already so.")
        return
    what = f"Claim {changed[0]}" if len(changed) == 1 else f"{len(changed)} claims"
    ui.flash(f"{what} {done}.")
    st.rerun()


def db():
    return ui.get_db()


def comment_thread(claim_id: int) -> None:
    """The claim's comments, oldest first, and a box to add one (comments are kept for
    good: there is no edit or delete)."""
    thread = ui.read("comments_of", claim_id)
    if not thread:
        st.caption("No comment yet.")
    for comment in thread:
        with st.container(border=True):
            st.text(f"{comment['author']} · {comment['at'].replace('T', ' ')[:16]} UTC")
            st.text(comment["text"])
    with st.form(f"comment_{claim_id}", clear_on_submit=True):
        text = st.text_area("Add a comment", key=f"c_text_{claim_id}", height=80,
                            max_chars=team.MAX_COMMENT_CHARS)  # fmt: skip
        send = st.form_submit_button("Comment", key=f"c_go_{claim_id}")
    if send:
        try:
            team.add_comment(db(), claim_id, text or "", author=_me())
        except ClaimsError as exc:
            ui.error(exc)
            return
        ui.flash(f"Comment added to claim {claim_id}.")
        st.rerun()


def history_table(claim_id: int) -> None:
    """Reviews and assignment changes of the claim, oldest first."""
    history = ui.read("claim_history", claim_id)
    if not history:
        st.info("No review yet. Set a status or edit a field to start the history.")
        return
    st.dataframe(
        pd.DataFrame(history)[
            ["at", "reviewer", "field", "old", "new", "note", "evidence_url"]
        ].assign(evidence_url=lambda d: d["evidence_url"].map(render.safe_url)),
        hide_index=True,
        key=f"history_{claim_id}",
        column_config={
            "at": "When (UTC)",
            "evidence_url": st.column_config.LinkColumn("Evidence"),
        },
    )


def history_and_comments(claim_id: int) -> None:
    """The history on the left, the comment thread beside it."""
    left, right = st.columns([3, 2])
    with left:
        st.markdown("**History**")
        history_table(claim_id)
    with right:
        st.markdown("**Comments**")
        comment_thread(claim_id)


def assignee_text(claim_id: int) -> str:
    assignee = ui.read("assignee_of", claim_id)
    return f"assigned to {reviewer_label(assignee)}" if assignee else "not assigned"


def assigned_to_me_panel() -> None:
    """The Overview's "assigned to me": how many claims, how many still to review, and
    links to them in the Claims table and the Review queue."""
    st.subheader("Assigned to me")
    me = _me()
    if not me:
        st.caption("Type your name in the sidebar to see the claims assigned to you.")
        return
    summary = ui.read("assigned_summary", me)
    if not summary["total"]:
        st.text(f"No claim is assigned to {me}. Assign claims on the Claims page.")
        return
    st.text(
        f"{summary['total']:,} claims are assigned to {me}; "
        f"{summary['open']:,} still to review (unreviewed or in review)."
    )
    links = st.container(horizontal=True, gap="small")
    links.page_link(ui.CLAIMS, label="My claims", query_params={"assignee": me},
                    icon=":material/table_rows:")  # fmt: skip
    if summary["open"]:
        links.page_link(ui.QUEUE, label="Review my open claims one by one",
                        query_params={"assignee": me, "status": list(team.OPEN_STATUSES)},
                        icon=":material/checklist:")  # fmt: skip
