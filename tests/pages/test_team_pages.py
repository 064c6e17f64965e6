"""Assignments, comments and the review queue on the pages (AppTest)."""

from __future__ import annotations

from claims import store, team
from tests.pages.conftest import open_page, texts
from tests.pages.test_pages import one_claim_id


def first_unreviewed(db) -> int:
    return one_claim_id(db, status="unreviewed")


def test_assign_an_open_claim_to_myself_and_see_it_in_the_history(ledger_path):
    db = store.connect(ledger_path)
    claim_id = first_unreviewed(db)
    at = open_page("claims", query={"claim": str(claim_id)}, reviewer="Ana")
    at.selectbox(key=f"a_who_claim_{claim_id}").set_value("Ana")
    at.text_input(key=f"a_note_claim_{claim_id}").input("yours this week")
    at.button(key=f"a_go_claim_{claim_id}").click().run()
    assert not at.error, [e.value for e in at.error]
    assert team.assignee_of(db, claim_id) == "Ana"
    assert f"Claim {claim_id} assigned to Ana." in texts(at)
    assert "assigned to me (Ana)" in texts(at)
    history = at.dataframe[-1].value
    assert list(zip(history["reviewer"], history["field"], history["new"], history["note"],
                    strict=True)) == [("Ana", "assigned to", "Ana", "yours this week")]  # fmt: skip


def test_assigning_to_a_name_nobody_used_needs_saying_they_are_new(ledger_path):
    db = store.connect(ledger_path)
    claim_id = first_unreviewed(db)
    at = open_page("claims", query={"claim": str(claim_id)}, reviewer="Ana")
    at.text_input(key=f"a_name_claim_{claim_id}").input("Zed")
    at.button(key=f"a_go_claim_{claim_id}").click().run()
    assert any("No reviewer named 'Zed'" in e.value.replace("\\", "") for e in at.error)
    assert team.assignee_of(db, claim_id) is None

    at.checkbox(key=f"a_new_claim_{claim_id}").check()
    at.button(key=f"a_go_claim_{claim_id}").click().run()
    assert not at.error, [e.value for e in at.error]
    assert team.assignee_of(db, claim_id) == "Zed"
    assert [(r["assigned_by"], r["new_assignee"]) for r in team.assignment_log(db, claim_id)] == [
        ("Ana", "Zed")
    ]


def test_assigning_without_a_reviewer_name_is_refused(ledger_path):
    db = store.connect(ledger_path)
    claim_id = first_unreviewed(db)
    at = open_page("claims", query={"claim": str(claim_id)})
    at.text_input(key=f"a_name_claim_{claim_id}").input("Zed")
    at.checkbox(key=f"a_new_claim_{claim_id}").check()
    at.button(key=f"a_go_claim_{claim_id}").click().run()
    assert any("Say who" in e.value for e in at.error)
    assert team.assignee_of(db, claim_id) is None


def test_a_comment_is_added_to_the_thread_and_shown_as_plain_text(ledger_path):
    db = store.connect(ledger_path)
    claim_id = first_unreviewed(db)
    hostile = "<img src=x onerror=alert(1)> **not bold**"
    at = open_page("claims", query={"claim": str(claim_id)}, reviewer="Bo")
    at.text_area(key=f"c_text_{claim_id}").input(hostile)
    at.button(key=f"c_go_{claim_id}").click().run()
    assert not at.error, [e.value for e in at.error]
    assert [(c["author"], c["text"]) for c in team.comments_of(db, claim_id)] == [("Bo", hostile)]
    assert hostile in [t.value for t in at.text]  # st.text: never markdown, never HTML
    assert not any("onerror" in h.proto.body for h in at.get("html"))


def test_an_empty_comment_is_refused_and_writes_nothing(ledger_path):
    db = store.connect(ledger_path)
    claim_id = first_unreviewed(db)
    at = open_page("claims", query={"claim": str(claim_id)}, reviewer="Bo")
    at.text_area(key=f"c_text_{claim_id}").input("   ")
    at.button(key=f"c_go_{claim_id}").click().run()
    assert [e.value for e in at.error] == ["A comment needs some text\\."]
    assert team.comments_of(db, claim_id) == []


def test_the_assigned_to_filter_lists_my_claims_and_the_overview_counts_them(ledger_path):
    db = store.connect(ledger_path)
    ids = [row[0] for row in db.execute("SELECT id FROM claims WHERE vanished = 0 LIMIT 3")]
    team.assign(db, ids, "Ana", by="Bo", new_reviewer=True)
    store.set_status(db, ids[0], "verified", note="ok", reviewer="Ana")

    at = open_page("claims", query={"assignee": "Ana"}, reviewer="Ana")
    assert "3 claims match" in texts(at)
    assert sorted(at.dataframe[0].value["id"]) == sorted(ids)
    assert at.selectbox(key="f_assignee").value == "Ana"

    at = open_page("overview", reviewer="Ana")
    assert "3 claims are assigned to Ana; 2 still to review (unreviewed or in review)." in texts(at)
    at = open_page("overview", reviewer="Nobody")
    assert "No claim is assigned to Nobody." in texts(at)


def test_bulk_assign_of_selected_rows(ledger_path):
    db = store.connect(ledger_path)
    at = open_page("claims", query={"status": "unreviewed"}, reviewer="Ana")
    table = at.dataframe[0]
    ids = list(table.value["id"])[:2]
    at.session_state[table.key] = {"selection": {"rows": [0, 1], "columns": [], "cells": []}}
    at.run()
    at.selectbox(key="a_who_bulk").set_value("Ana")
    at.button(key="a_go_bulk").click().run()
    assert not at.error, [e.value for e in at.error]
    assert [team.assignee_of(db, i) for i in ids] == ["Ana", "Ana"]
    assert "2 claims assigned to Ana." in texts(at)


def test_the_queue_sets_a_status_with_the_note_and_the_next_claim_follows(ledger_path):
    db = store.connect(ledger_path)
    at = open_page("queue", query={"status": "unreviewed", "sort": "id", "desc": "0"},
                   reviewer="Ana")  # fmt: skip
    first, second = team.review_queue(
        db, team.ClaimFilter(status=["unreviewed"]), sort="id", descending=False, limit=2
    )
    assert f"Claim {first}" in [s.value for s in at.subheader]
    assert at.get("progress")[0].proto.text.startswith("Claim 1 of ")

    # No note: refused, and the claim stays.
    at.button(key="q_verified").click().run()
    assert any("needs a note" in e.value for e in at.error)
    assert store.get_claim(db, first)["status"] == "unreviewed"
    assert f"Claim {first}" in [s.value for s in at.subheader]

    at.text_input(key=f"q_note_{first}").input("matches the release")
    at.button(key="q_disputed").click().run()
    assert not at.error, [e.value for e in at.error]
    review = store.reviews_of(db, first)[-1]
    assert (review["reviewer"], review["new"], review["note"]) == (
        "Ana",
        "disputed",
        "matches the release",
    )
    # The next claim follows, though the first has left the view of unreviewed claims.
    assert f"Claim {second}" in [s.value for s in at.subheader]
    assert at.query_params["claim"] == str(second)
    assert at.get("progress")[0].proto.text.startswith("Claim 2 of ")

    at.button(key="q_prev").click().run()
    assert f"Claim {first}" in [s.value for s in at.subheader]
    at.button(key="q_next").click().run()
    at.button(key="q_mine").click().run()
    assert team.assignee_of(db, second) == "Ana"


def test_the_queue_of_an_empty_view_says_so(ledger_path):
    at = open_page("queue", query={"speaker": "nobody at all"}, reviewer="Ana")
    assert not at.exception
    assert "No claim is in this view" in texts(at)


def test_assign_a_claim_with_the_other_claims_of_its_group(ledger_path):
    from claims import groups

    db = store.connect(ledger_path)
    claim_id, members = next(
        (row[0], ids)
        for row in db.execute("SELECT id FROM claims WHERE vanished = 0 ORDER BY id")
        if (group := groups.group_of_claim(db, row[0])) is not None
        and len(ids := [c["id"] for c in group.claims]) > 1
    )
    at = open_page("claims", query={"claim": str(claim_id)}, reviewer="Ana")
    at.selectbox(key=f"a_who_claim_{claim_id}").set_value("Ana")
    at.checkbox(key=f"a_group_claim_{claim_id}").check()
    at.button(key=f"a_go_claim_{claim_id}").click().run()
    assert not at.error, [e.value for e in at.error]
    assert {i: team.assignee_of(db, i) for i in members} == dict.fromkeys(members, "Ana")
    assert f"{len(members)} claims assigned to Ana." in texts(at)
