"""The optional shared-password sign-in in front of every page."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from claims import store, team
from claims.auth import hash_password
from pages._signin import PASSWORD_ENV
from tests.pages.conftest import APP, PAGES
from tests.pages.test_pages import status_form


@pytest.fixture
def password(monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, hash_password("team secret 1", iterations=1000))
    monkeypatch.setattr("pages._signin.FAILED_SIGN_IN_DELAY", 0)
    return "team secret 1"


def test_without_a_configured_password_the_ledger_is_open(ledger_path, monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Overview"


def test_no_page_shows_before_sign_in(ledger_path, password):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert [t.value for t in at.title] == ["Claim ledger"]
    assert [t.label for t in at.text_input] == ["Your name", "Team password"]
    assert "sources" not in " ".join(m.value for m in at.markdown).lower()
    # No page's script is in the navigation: no page URL is a way round it (each
    # path shows the sign-in form, so that a link's page opens once signed in).
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGES["claims"])


def test_a_wrong_password_is_refused_and_the_right_one_opens_the_ledger(ledger_path, password):
    at = AppTest.from_file(APP, default_timeout=60).run()
    name, secret = at.text_input
    name.input("Ana")
    secret.input("guess")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["That password is not right."]
    assert [t.value for t in at.title] == ["Claim ledger"]

    at.text_input[1].input(password)
    at.button[0].click().run()
    assert not at.exception
    assert at.title[0].value == "Overview"


def test_signing_in_needs_a_name_which_then_is_the_fixed_reviewer(ledger_path, password):
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.text_input[1].input(password)
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Say who: your name is required."]
    assert [t.value for t in at.title] == ["Claim ledger"]

    at.text_input[0].input("  Ana   Ruiz ")
    at.button[0].click().run()
    assert at.title[0].value == "Overview"
    # The sidebar names the signed-in person; there is no box to type another name into.
    assert "Reviewing as Ana Ruiz" in [t.value for t in at.sidebar.text]
    assert not [t for t in at.sidebar.text_input if t.label == "Your name (reviewer)"]
    # A name put in the session by other means is not written: the sign-in's is.
    at.session_state["reviewer"] = "Mallory"
    db = store.connect(ledger_path)
    claim_id = db.execute("SELECT min(id) FROM claims").fetchone()[0]
    at.switch_page(PAGES["claims"])
    at.query_params["claim"] = str(claim_id)
    at.run()
    new, note, _evidence, go = status_form(at, claim_id)
    new.set_value("verified")
    note.input("checked")
    go.click().run()
    assert not at.error, [e.value for e in at.error]
    assert [r["reviewer"] for r in store.reviews_of(db, claim_id)] == ["Ana Ruiz"]


class SignedOnUser:
    """What st.user holds for a person signed in through OpenID Connect."""

    is_logged_in = True

    def __init__(self, **claims: str) -> None:
        self.claims = claims

    def to_dict(self) -> dict:
        return {"is_logged_in": True, **self.claims}


def test_a_single_sign_on_identity_is_the_fixed_reviewer(ledger_path, monkeypatch):
    import streamlit as st

    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    sections = {"auth": {"client_id": "ledger"}}
    monkeypatch.setattr("pages._signin._secrets_section", lambda name: sections.get(name, {}))
    monkeypatch.setattr(st, "user", SignedOnUser(name="", email="kim@example.org"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["reviewer"] = "Mallory"
    at.run()
    assert not at.exception
    assert "Reviewing as kim@example.org" in [t.value for t in at.sidebar.text]
    assert not [t for t in at.sidebar.text_input if t.label == "Your name (reviewer)"]
    db = store.connect(ledger_path)
    claim_id = db.execute("SELECT min(id) FROM claims").fetchone()[0]
    at.switch_page(PAGES["claims"])
    at.query_params["claim"] = str(claim_id)
    at.run()
    at.text_area(key=f"c_text_{claim_id}").input("seen")
    at.button(key=f"c_go_{claim_id}").click().run()
    assert [c["author"] for c in team.comments_of(db, claim_id)] == ["kim@example.org"]


def _cookie_writes(at) -> list[str]:
    return [str(e.proto.body) for e in at.get("html") if "claims_signin=" in str(e.proto.body)]


def test_every_run_after_signing_in_leaves_the_browser_its_cookie(ledger_path, password):
    # A run can be replaced before its script reaches the browser (signing in opens the
    # page first asked for at once): each later run of the session writes the cookie
    # again, so that a reload finds it.
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.text_input[0].input("Ana")
    at.text_input[1].input(password)
    at.button[0].click().run()
    assert not at.exception and len(_cookie_writes(at)) == 1
    at.switch_page(PAGES["claims"]).run()
    assert not at.exception and len(_cookie_writes(at)) == 1
    assert "Max-Age=0" not in _cookie_writes(at)[0]
