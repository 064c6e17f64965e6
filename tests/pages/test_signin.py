"""The optional shared-password sign-in in front of every page."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from claims.auth import hash_password
from pages._signin import PASSWORD_ENV
from tests.pages.conftest import APP, PAGES


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
    assert len(at.text_input) == 1
    assert "sources" not in " ".join(m.value for m in at.markdown).lower()
    # No page's script is in the navigation: no page URL is a way round it (each
    # path shows the sign-in form, so that a link's page opens once signed in).
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGES["claims"])


def test_a_wrong_password_is_refused_and_the_right_one_opens_the_ledger(ledger_path, password):
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.text_input[0].input("guess")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["That password is not right."]
    assert [t.value for t in at.title] == ["Claim ledger"]

    at.text_input[0].input(password)
    at.button[0].click().run()
    assert not at.exception
    assert at.title[0].value == "Overview"
