"""The optional shared-password gate of a team deployment.

The password is never stored: `python -m claims hash-password` prints a salted
PBKDF2 hash, which goes into .streamlit/secrets.toml as

    [ledger]
    password_hash = "pbkdf2_sha256$600000$<salt>$<hash>"

and the dashboard asks for the password before showing any page.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from claims.model import ClaimsError

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 600_000  # OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def hash_password(password: str, *, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """A salted hash of `password` to keep in the deployment's secrets."""
    if not password or len(password) < 8:
        raise ClaimsError("Choose a password of at least 8 characters.")
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"{ALGORITHM}${iterations}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored_hash: str) -> bool:
    """Whether `password` matches `stored_hash`, compared in constant time."""
    try:
        algorithm, iterations, salt, expected = stored_hash.split("$")
        if algorithm != ALGORITHM:
            raise ValueError(algorithm)
        digest = hashlib.pbkdf2_hmac(
            "sha256", (password or "").encode("utf-8"), base64.b64decode(salt), int(iterations)
        )
    except (ValueError, TypeError):
        raise ClaimsError(
            "The configured password_hash is not valid; make a new one with "
            "`python -m claims hash-password`."
        ) from None
    return hmac.compare_digest(_b64(digest), expected)


# ---------------------------------------------------------------- staying signed in
#
# A signed-in browser keeps a cookie holding when its sign-in ends and an HMAC of
# that time keyed by the configured password hash: the server keeps no session
# table, a forged or expired cookie is refused, and changing the password (a new
# hash) ends every sign-in made with the old one.

SESSION_COOKIE = "claims_signin"


def _session_mac(expires: int, key: str) -> str:
    return hmac.new(key.encode("utf-8"), str(expires).encode("ascii"), hashlib.sha256).hexdigest()


def session_token(key: str, now: float, hours: float) -> str:
    """A cookie value that keeps a browser signed in for `hours` from `now`."""
    expires = int(now + hours * 3600)
    return f"{expires}.{_session_mac(expires, key)}"


def session_token_valid(token: str | None, key: str, now: float) -> bool:
    """Whether a cookie value was made with `key` and has not expired."""
    if not isinstance(token, str):
        return False
    expires_text, _, mac = token.partition(".")
    if not expires_text.isascii() or not expires_text.isdigit() or len(expires_text) > 12:
        return False
    expires = int(expires_text)
    return expires > now and hmac.compare_digest(mac, _session_mac(expires, key))
