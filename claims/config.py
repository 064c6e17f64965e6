"""Where the database lives: the one place that decides.

Order of precedence: an explicit path (the CLI's --db flag or a caller's
argument), then the CLAIMS_DB environment variable, then data/claims.db in
the project folder.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"
SAMPLES_DIR = DATA_DIR / "samples"
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
