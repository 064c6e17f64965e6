"""The shared-password gate's hashing."""

import pytest

from claims import auth
from claims.model import ClaimsError


def test_a_password_verifies_against_its_hash_and_others_do_not():
    stored = auth.hash_password("correct horse", iterations=1000)
    assert stored.startswith("pbkdf2_sha256$1000$")
    assert auth.verify_password("correct horse", stored)
    assert not auth.verify_password("correct horsE", stored)
    assert not auth.verify_password("", stored)


def test_the_same_password_hashes_differently_each_time():
    assert auth.hash_password("long enough", iterations=1000) != auth.hash_password(
        "long enough", iterations=1000
    )


def test_short_passwords_and_broken_hashes_are_clear_errors():
    with pytest.raises(ClaimsError, match="at least 8"):
        auth.hash_password("short")
    with pytest.raises(ClaimsError, match="not valid"):
        auth.verify_password("whatever", "md5$abc")


def test_a_session_token_keeps_a_browser_signed_in_until_it_expires():
    from claims.auth import session_token, session_token_valid

    key = "pbkdf2_sha256$1000$salt$hash"
    token = session_token(key, now=1_000_000, hours=12)
    assert session_token_valid(token, key, now=1_000_000 + 11 * 3600)
    assert not session_token_valid(token, key, now=1_000_000 + 12 * 3600)  # expired
    assert not session_token_valid(token, "another password's hash", now=1_000_000)
    expires, mac = token.split(".")
    forged = f"{int(expires) + 3600}.{mac}"  # a later end, with the old signature
    assert not session_token_valid(forged, key, now=1_000_000)
    for junk in (None, "", "x", "1.2.3", "²³.abc", "9" * 40 + ".abc"):
        assert not session_token_valid(junk, key, now=1_000_000)


def test_a_session_token_carries_the_signed_in_name_and_cannot_be_renamed():
    from claims.auth import _encode_name, session_identity, session_token

    key = "pbkdf2_sha256$1000$c2FsdA==$aGFzaA=="
    token = session_token(key, now=1_000_000, hours=1, name="Ana María")
    assert session_identity(token, key, now=1_000_000) == "Ana María"
    assert session_identity(token, key, now=1_000_000 + 3600) is None  # expired
    expires, _, mac = token.split(".")
    renamed = f"{expires}.{_encode_name('Bo')}.{mac}"
    assert session_identity(renamed, key, now=1_000_000) is None
    # A token made without a name is valid and names nobody.
    assert session_identity(session_token(key, now=1_000_000, hours=1), key, 1_000_000) == ""
    for junk in ("1.2.3.4", f"{expires}.!!!.{mac}", "x" * 600):
        assert session_identity(junk, key, now=1_000_000) is None


def test_a_single_sign_on_identity_names_the_reviewer():
    from claims.auth import identity_from_user

    assert identity_from_user({"name": " Ana  María ", "email": "ana@example.org"}) == "Ana María"
    assert identity_from_user({"name": "", "email": "ana@example.org"}) == "ana@example.org"
    assert identity_from_user({"sub": "1234"}) == "1234"
    assert identity_from_user({"is_logged_in": True}) is None
