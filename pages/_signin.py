"""The optional sign-in in front of every page of a team deployment.

Two ways, configured in .streamlit/secrets.toml (see README, "Running it for a
team"); with neither, the dashboard is open, as for one researcher on their
own machine:
- an `[auth]` section: Streamlit's OpenID Connect login (st.login);
- `[ledger] password_hash` (or the CLAIMS_PASSWORD_HASH environment variable):
  a shared password, checked against a salted hash made by
  `python -m claims hash-password`. A browser stays signed in for
  `[ledger] sign_in_hours` (or CLAIMS_SIGN_IN_HOURS; 12 by default) through a
  signed cookie (claims.auth.session_token).

Either way, the person signed in is the reviewer every change is written under
(their single sign-on name, or the name given with the shared password, which the
cookie carries signed): the sidebar shows it and it cannot be typed over.

A visitor who followed a link to a page (a claim, a filtered view)
lands on that page once signed in, and signing out removes the files this
browser downloaded from the server's memory at once.
"""

from __future__ import annotations

import json
import logging
import os
import time
from urllib.parse import urlsplit

import streamlit as st

from claims.auth import (
    SESSION_COOKIE,
    identity_from_user,
    session_identity,
    session_token,
    verify_password,
)
from claims.model import ClaimsError
from claims.team import reviewer_name

PASSWORD_ENV = "CLAIMS_PASSWORD_HASH"
HOURS_ENV = "CLAIMS_SIGN_IN_HOURS"
DEFAULT_SIGN_IN_HOURS = 12.0
FAILED_SIGN_IN_DELAY = 1.0  # seconds; slows down guessing
_log = logging.getLogger(__name__)


def _secrets_section(name: str) -> dict:
    try:
        return dict(st.secrets.get(name, {}))
    except (FileNotFoundError, KeyError, ValueError, st.errors.StreamlitAPIException):
        return {}  # no secrets file: nothing configured


def password_hash() -> str | None:
    return os.environ.get(PASSWORD_ENV) or _secrets_section("ledger").get("password_hash")


def sign_in_hours() -> float:
    """How long a password sign-in lasts in a browser (a bad setting: the default)."""
    given = os.environ.get(HOURS_ENV) or _secrets_section("ledger").get("sign_in_hours")
    try:
        hours = float(given) if given is not None else DEFAULT_SIGN_IN_HOURS
    except (TypeError, ValueError):
        return DEFAULT_SIGN_IN_HOURS
    return hours if 0 < hours <= 24 * 90 else DEFAULT_SIGN_IN_HOURS


def is_signed_in() -> bool:
    """Whether the visitor may see the ledger (always, when no sign-in is configured)."""
    if _secrets_section("auth"):
        return bool(st.user.is_logged_in)
    stored = password_hash()
    if not stored or st.session_state.get("signed_in"):
        return True
    if st.session_state.get("_signed_out"):
        return False  # the cookie this session was opened with is no longer honoured
    name = session_identity(st.context.cookies.get(SESSION_COOKIE), stored, time.time())
    if name:  # a reload of a browser that signed in (a cookie naming nobody: sign in again)
        st.session_state["signed_in"] = True
        st.session_state["signed_in_as"] = name
        return True
    return False


def sign_in_configured() -> bool:
    return bool(_secrets_section("auth") or password_hash())


def signed_in_reviewer() -> str | None:
    """Who is signed in, as the reviewer name changes are written under; None when the
    dashboard has no sign-in (or nobody is signed in)."""
    if _secrets_section("auth"):
        if not st.user.is_logged_in:
            return None
        return identity_from_user(st.user.to_dict())
    if password_hash():
        return st.session_state.get("signed_in_as")
    return None


def _app_url() -> str:
    """The URL in the visitor's browser ("" where there is none, as in tests)."""
    url = st.context.url
    return url if isinstance(url, str) else ""


def remember_wanted_page() -> None:
    """Keep the page and query a visitor asked for, to open them once signed in."""
    if "_wanted_page" in st.session_state:
        return
    path = urlsplit(_app_url()).path.strip("/").rsplit("/", 1)[-1]
    st.session_state["_wanted_page"] = (path, st.query_params.to_dict())


def open_wanted_page(pages: list) -> None:
    """After signing in, go to the page the visitor first asked for (with its query)."""
    path, query = st.session_state.pop("_wanted_page", ("", {}))
    target = next((p for p in pages if path and p.url_path == path), None)
    if target is not None:
        st.switch_page(target, query_params=query)
    elif query:
        st.query_params.from_dict(query)  # the default page's own filters


def sign_in_page() -> None:
    """The only page a visitor who is not signed in can reach."""
    remember_wanted_page()
    st.title("Claim ledger")
    if _secrets_section("auth"):
        st.text("Sign in to open the ledger.")
        st.button("Sign in", on_click=st.login, type="primary")
        return
    with st.form("sign_in"):
        name = st.text_input(
            "Your name", max_chars=80, help="Every change you make is written under this name."
        )
        password = st.text_input("Team password", type="password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if submitted:
        _check_password(name, password)


def _check_password(name: str, password: str) -> None:
    try:
        name = reviewer_name(name, what="your name")
        ok = verify_password(password, password_hash() or "")
    except ClaimsError as exc:
        st.error(str(exc))
        return
    if not ok:
        time.sleep(FAILED_SIGN_IN_DELAY)
        st.error("That password is not right.")
        return
    st.session_state["signed_in"] = True
    st.session_state["signed_in_as"] = name
    st.session_state.pop("_signed_out", None)
    token = session_token(password_hash() or "", time.time(), sign_in_hours(), name)
    st.session_state["_set_cookie"] = token
    st.rerun()


def _set_cookie(value: str, max_age: int) -> None:
    """Write the sign-in cookie in the browser."""
    write_cookie(SESSION_COOKIE, value, max_age)


def write_cookie(name: str, value: str, max_age: int) -> None:
    """Write a cookie in the browser (Streamlit reads cookies, but cannot set them from
    Python): strict same-site, the whole app's path. `value` must be cookie-safe
    (quote it first if it is a person's text)."""
    secure = "; Secure" if urlsplit(_app_url()).scheme == "https" else ""
    cookie = f"{name}={value}; Max-Age={max_age}; Path=/; SameSite=Strict{secure}"
    st.html(
        f"<script>document.cookie = {json.dumps(cookie)};</script>",
        unsafe_allow_javascript=True,
        width="content",
    )


def keep_signed_in() -> None:
    """Leave the browser its cookie after signing in: on every run of the session the
    sign-in happened in, not only the first, since a run can be replaced before its
    script reaches the browser (signing in opens the page first asked for at once), and
    a reload with no cookie would ask for the password again."""
    if token := st.session_state.get("_set_cookie"):
        _set_cookie(token, int(sign_in_hours() * 3600))


def _sign_out() -> None:
    st.session_state.pop("signed_in", None)
    st.session_state.pop("signed_in_as", None)
    st.session_state.pop("_set_cookie", None)
    st.session_state["_signed_out"] = True
    st.session_state["_clear_cookie"] = True
    forget_downloads()


def forget_downloads() -> None:
    """Remove this browser's downloads from the server's memory now: Streamlit keeps a
    download at its /media URL until two sessions after this one have closed."""
    try:
        from streamlit.runtime import get_instance
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        manager, context = get_instance().media_file_mgr, get_script_run_ctx()
        if context is None:
            return
        manager.clear_session_refs(context.session_id)
        manager.remove_orphaned_files()  # marks unreferenced downloads ...
        manager.remove_orphaned_files()  # ... and removes them
    except Exception:  # noqa: BLE001 - Streamlit's internals moved: the README's limits apply
        _log.warning("could not remove this session's downloads", exc_info=True)


def sign_out_button() -> None:
    """In the sidebar of a signed-in visitor, when sign-in is configured."""
    if _secrets_section("auth"):
        st.sidebar.button("Sign out", on_click=_sign_out_with_login)
    elif password_hash():
        st.sidebar.button("Sign out", on_click=_sign_out)


def _sign_out_with_login() -> None:
    forget_downloads()
    st.logout()


def clear_cookie_after_sign_out() -> None:
    """On the sign-in page after signing out, remove the browser's cookie."""
    if st.session_state.pop("_clear_cookie", False):
        _set_cookie("", 0)
