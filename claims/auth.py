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
from collections.abc import Mapping

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


def _session_mac(expires: int, key: str, name: str = "") -> str:
    message = str(expires) if not name else f"{expires}\x1f{name}"
    return hmac.new(key.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).hexdigest()


def _encode_name(name: str) -> str:
    return base64.urlsafe_b64encode(name.encode("utf-8")).decode("ascii").rstrip("=")


def _decode_name(encoded: str) -> str:
    padded = encoded + "=" * (-len(encoded) % 4)
    return base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8")


def session_token(key: str, now: float, hours: float, name: str = "") -> str:
    """A cookie value that keeps a browser signed in for `hours` from `now`, as `name`
    (the reviewer every change is written under), signed with the name."""
    expires = int(now + hours * 3600)
    if not name:
        return f"{expires}.{_session_mac(expires, key)}"
    return f"{expires}.{_encode_name(name)}.{_session_mac(expires, key, name)}"


def session_identity(token: str | None, key: str, now: float) -> str | None:
    """The name a cookie value was signed in as ("" when it carries none), or None when
    it was not made with `key`, has expired or is malformed."""
    if not isinstance(token, str) or len(token) > 512:
        return None
    parts = token.split(".")
    if len(parts) == 2:
        (expires_text, mac), name = parts, ""
    elif len(parts) == 3:
        expires_text, encoded, mac = parts
        try:
            name = _decode_name(encoded)
        except (ValueError, UnicodeError):
            return None
    else:
        return None
    if not expires_text.isascii() or not expires_text.isdigit() or len(expires_text) > 12:
        return None
    expires = int(expires_text)
    if expires <= now or not hmac.compare_digest(mac, _session_mac(expires, key, name)):
        return None
    return name


def session_token_valid(token: str | None, key: str, now: float) -> bool:
    """Whether a cookie value was made with `key` and has not expired."""
    return session_identity(token, key, now) is not None


# The claims of a single sign-on identity (st.user) that name a person, best first.
_IDENTITY_CLAIMS = ("name", "email", "preferred_username", "sub")


def identity_from_user(user: Mapping[str, object]) -> str | None:
    """The reviewer name of a person signed in through OpenID Connect: their name, else
    their e-mail address, else their user name or subject; None if none is usable."""
    from claims.team import reviewer_name

    for claim in _IDENTITY_CLAIMS:
        try:
            return reviewer_name(user.get(claim))
        except ClaimsError:
            continue
    return None
