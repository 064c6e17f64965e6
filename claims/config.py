"""Where the database lives, and the few settings: the one place that decides.

Order of precedence: an explicit path (the CLI's --db flag or a caller's
argument), then the CLAIMS_DB environment variable, then data/claims.db in
the project folder (installed with pip, outside a checkout: in the current folder).

Settings (the reviewing organisation named in ClaimReview exports) follow the
same order: an explicit value (--org), an environment variable, then the
[organisation] table of data/settings.toml:

    [organisation]
    name = "Example Fact Check"
    url = "https://factcheck.example"
    review_url = "https://factcheck.example/claims/{id}"
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
# The wheel carries the repository's data/ files the library reads (the synonyms
# table, the sample articles) as the package folder claims/shipped_data; see
# [tool.setuptools] in pyproject.toml.
INSTALLED_DATA_DIR = PACKAGE_DIR / "shipped_data"


def _running_from_checkout() -> bool:
    return (PROJECT_DIR / "data" / "synonyms.csv").is_file()


# In a checkout everything lives in data/: the shipped files and the user's own
# (the database, synonyms.local.csv, settings.toml), as the README describes.
# Installed, the shipped files come from the package, and the user's own from the
# data/ folder of the current directory, never from inside site-packages.
if _running_from_checkout():
    DATA_DIR = SHIPPED_DATA_DIR = PROJECT_DIR / "data"
else:
    DATA_DIR, SHIPPED_DATA_DIR = Path("data"), INSTALLED_DATA_DIR
SAMPLES_DIR = SHIPPED_DATA_DIR / "samples"
REFERENCE_DIR = SHIPPED_DATA_DIR / "reference"  # the official series (claims.reference)
DEFAULT_DB = DATA_DIR / "claims.db"
ENV_VAR = "CLAIMS_DB"


def database_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database file to open."""
    if explicit:
        return Path(explicit)
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env)
    return DEFAULT_DB


# ---------------------------------------------------------------- settings

SETTINGS_FILE = DATA_DIR / "settings.toml"
ORG_ENV_VAR = "CLAIMS_ORG"
ORG_URL_ENV_VAR = "CLAIMS_ORG_URL"
REVIEW_URL_ENV_VAR = "CLAIMS_REVIEW_URL"


def _settings(path: Path | None = None) -> dict:
    """The [organisation] table of data/settings.toml, or {} when there is none.

    A broken settings file is a user error worth naming, not a silent default.
    """
    import tomllib

    from claims.model import ClaimsError

    path = path or SETTINGS_FILE
    try:
        with open(path, "rb") as handle:
            table = tomllib.load(handle).get("organisation", {})
    except FileNotFoundError:
        return {}
    except (tomllib.TOMLDecodeError, OSError) as exc:
        raise ClaimsError(f"Cannot read the settings in {path}: {exc}.") from None
    return table if isinstance(table, dict) else {}


def _setting(env_var: str, key: str, explicit: str | None) -> str | None:
    if explicit and explicit.strip():
        return explicit.strip()
    from_env = os.environ.get(env_var, "").strip()
    if from_env:
        return from_env
    value = _settings().get(key)
    return (str(value).strip() or None) if value else None


def reviewing_organisation(explicit: str | None = None) -> str | None:
    """The name of the organisation that publishes the reviews (ClaimReview author).

    Order: an explicit value (the CLI's --org), $CLAIMS_ORG, then
    `name` under [organisation] in data/settings.toml. None when unset.
    """
    return _setting(ORG_ENV_VAR, "name", explicit)


def reviewing_organisation_url(explicit: str | None = None) -> str | None:
    """The organisation's home page: $CLAIMS_ORG_URL or `url` in settings.toml."""
    return _setting(ORG_URL_ENV_VAR, "url", explicit)


def review_url_template(explicit: str | None = None) -> str | None:
    """Where a claim's published fact check lives, with {id} for the claim id.

    $CLAIMS_REVIEW_URL or `review_url` in settings.toml, e.g.
    "https://factcheck.example/claims/{id}". ClaimReview requires a url.
    """
    return _setting(REVIEW_URL_ENV_VAR, "review_url", explicit)
