"""The optional sign-in in front of every page of a team deployment.

Two ways, configured in .streamlit/secrets.toml (see README, "Running it for a
team"); with neither, the dashboard is open, as for one researcher on their
own machine:
- an `[auth]` section: Streamlit's OpenID Connect login (st.login);
- `[ledger] password_hash` (or the CLAIMS_PASSWORD_HASH environment variable):
  a shared password, checked against a salted hash made by
  `python -m claims hash-password`.
"""

from __future__ import annotations

import os
import time

import streamlit as st

from claims.auth import verify_password
from claims.model import ClaimsError

PASSWORD_ENV = "CLAIMS_PASSWORD_HASH"
FAILED_SIGN_IN_DELAY = 1.0  # seconds; slows down guessing


def _secrets_section(name: str) -> dict:
    try:
        return dict(st.secrets.get(name, {}))
    except (FileNotFoundError, KeyError, ValueError, st.errors.StreamlitAPIException):
        return {}  # no secrets file: nothing configured


def password_hash() -> str | None:
    return os.environ.get(PASSWORD_ENV) or _secrets_section("ledger").get("password_hash")


def is_signed_in() -> bool:
    """Whether the visitor may see the ledger (always, when no sign-in is configured)."""
    if _secrets_section("auth"):
        return bool(st.user.is_logged_in)
    return not password_hash() or bool(st.session_state.get("signed_in"))


def sign_in_page() -> None:
    """The only page a visitor who is not signed in can reach."""
    st.title("Claim ledger")
    if _secrets_section("auth"):
        st.text("Sign in to open the ledger.")
        st.button("Sign in", on_click=st.login, type="primary")
        return
    with st.form("sign_in"):
        password = st.text_input("Team password", type="password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if submitted:
        _check_password(password)


def _check_password(password: str) -> None:
    try:
        ok = verify_password(password, password_hash() or "")
    except ClaimsError as exc:
        st.error(str(exc))
        return
    if not ok:
        time.sleep(FAILED_SIGN_IN_DELAY)
        st.error("That password is not right.")
        return
    st.session_state["signed_in"] = True
    st.rerun()


def sign_out_button() -> None:
    """In the sidebar of a signed-in visitor, when sign-in is configured."""
    if _secrets_section("auth"):
        st.sidebar.button("Sign out", on_click=st.logout)
    elif password_hash():
        st.sidebar.button("Sign out", on_click=st.session_state.pop, args=("signed_in", None))
