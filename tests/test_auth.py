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
