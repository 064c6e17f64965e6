"""Identity and teamwork in headless Chromium: the signed-in reviewer is fixed, a typed
name survives reloads and tabs, a claim is assigned and commented on, and the review
queue is stepped through with the keyboard."""

from __future__ import annotations

import pytest

from claims import store, team
from tests.browser.harness import CHROMIUM, settle

# The dashboard tests' fixtures: the sample ledger, Chromium, the app open and behind
# the shared password (each started once for this module).
from tests.browser.test_dashboard import (  # noqa: F401
    TEAM_PASSWORD,
    browser,
    goto,
    ledger,
    page,
    server,
    shot,
    signed_server,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (Debian's chromium)"),
]

NAME_BOX = "Your name (reviewer)"


def type_name(tab, name: str) -> None:
    box = tab.get_by_role("textbox", name=NAME_BOX)
    box.fill(name)
    box.press("Enter")
    settle(tab)


def unreviewed_ids(db, count: int) -> list[int]:
    rows = db.execute(
        "SELECT id FROM claims WHERE status = 'unreviewed' AND vanished = 0 ORDER BY id LIMIT ?",
        [count],
    ).fetchall()
    return [row[0] for row in rows]


def test_sign_in_and_see_the_reviewer_fixed(browser, signed_server, ledger):  # noqa: F811
    context = browser.new_context(viewport={"width": 1400, "height": 1600})
    tab = context.new_page()
    try:
        (claim_id,) = unreviewed_ids(store.connect(ledger), 1)
        tab.goto(f"{signed_server}/claims?claim={claim_id}")
        settle(tab)
        tab.get_by_label("Your name", exact=True).fill("Sam Signed")
        tab.get_by_label("Team password").fill(TEAM_PASSWORD)
        tab.get_by_role("button", name="Sign in").click()
        settle(tab)
        sidebar = tab.locator("[data-testid='stSidebar']")
        sidebar.get_by_text("Reviewing as Sam Signed").wait_for(timeout=15000)
        assert tab.get_by_role("textbox", name=NAME_BOX).count() == 0  # nothing to type over
        shot(tab, "team-signed-in-reviewer")

        tab.reload()  # the cookie carries the name, signed
        settle(tab)
        sidebar.get_by_text("Reviewing as Sam Signed").wait_for(timeout=15000)

        tab.get_by_role("tab", name="History and comments").click()
        tab.get_by_label("Add a comment").fill("Signed-in comment")
        tab.get_by_role("button", name="Comment", exact=True).click()
        tab.get_by_text(f"Comment added to claim {claim_id}.").wait_for(timeout=15000)
    finally:
        context.close()
    thread = team.comments_of(store.connect(ledger), claim_id)
    assert [(c["author"], c["text"]) for c in thread] == [("Sam Signed", "Signed-in comment")]


def test_a_typed_name_is_kept_across_reloads_and_tabs(browser, server):  # noqa: F811
    context = browser.new_context(viewport={"width": 1400, "height": 1200})
    try:
        tab = context.new_page()
        tab.base = server
        goto(tab, "")
        type_name(tab, "Nadia Kept")
        tab.reload()
        settle(tab)
        assert tab.get_by_role("textbox", name=NAME_BOX).input_value() == "Nadia Kept"
        other = context.new_page()  # a new tab of the same browser
        other.base = server
        goto(other, "sources")
        assert other.get_by_role("textbox", name=NAME_BOX).input_value() == "Nadia Kept"
    finally:
        context.close()


def test_assign_comment_and_step_through_the_review_queue_with_the_keyboard(page, ledger):  # noqa: F811
    db = store.connect(ledger)
    first, second, third = unreviewed_ids(db, 3)

    # Assign a claim to myself and comment on it, on the Claims page.
    goto(page, f"claims?claim={first}")
    type_name(page, "Kim Keys")
    page.get_by_role("tab", name="Assign").click()
    form = page.locator("[data-testid='stForm']").filter(has_text="Assign to")
    form.get_by_label("or type a name").fill("Kim Keys")
    form.get_by_role("button", name="Assign", exact=True).click()
    page.get_by_text(f"Claim {first} assigned to Kim Keys.").wait_for(timeout=15000)
    settle(page)
    page.get_by_role("tab", name="History and comments").click()
    page.get_by_label("Add a comment").fill("Check the <b>March</b> release")
    page.get_by_role("button", name="Comment", exact=True).click()
    page.get_by_text(f"Comment added to claim {first}.").wait_for(timeout=15000)
    settle(page)
    page.get_by_role("tab", name="History and comments").click()
    page.get_by_text("Check the <b>March</b> release").wait_for(timeout=15000)  # literally
    assert team.assignee_of(db, first) == "Kim Keys"

    # The queue of unreviewed claims, oldest id first: a note, Tab, then one key.
    goto(page, "queue?status=unreviewed&sort=id&desc=0")
    page.get_by_role("heading", name=f"Claim {first}").wait_for(timeout=15000)
    assert page.locator("[data-testid='stMarkdownContainer'] mark, .cl-context mark").count() >= 1
    note = page.get_by_label("Note (required for a status): why")
    note.fill("Matches the statistics office")
    note.press("Tab")
    settle(page)
    page.keyboard.press("v")
    page.get_by_role("heading", name=f"Claim {second}").wait_for(timeout=15000)
    settle(page)
    shot(page, "team-review-queue")
    review = store.reviews_of(db, first)[-1]
    assert (review["reviewer"], review["new"], review["note"]) == (
        "Kim Keys",
        "verified",
        "Matches the statistics office",
    )

    page.keyboard.press("a")  # assign the claim shown to me
    page.get_by_text(f"Claim {second} assigned to you.").wait_for(timeout=15000)
    settle(page)
    page.keyboard.press("n")  # skip it
    page.get_by_role("heading", name=f"Claim {third}").wait_for(timeout=15000)
    settle(page)
    page.keyboard.press("p")  # and back
    page.get_by_role("heading", name=f"Claim {second}").wait_for(timeout=15000)
    assert f"claim={second}" in page.url
    assert team.assignee_of(db, second) == "Kim Keys"
    assert store.get_claim(db, second)["status"] == "unreviewed"  # skipping sets nothing
