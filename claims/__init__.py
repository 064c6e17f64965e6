"""The claim ledger: numeric and attributed claims from news articles.

The library behind the dashboard and the CLI. It never imports Streamlit.
"""

from claims.model import (
    EXTRACTOR_VERSION,
    STATUSES,
    ClaimsError,
    ConflictError,
    ExtractedClaim,
)

__all__ = [
    "EXTRACTOR_VERSION",
    "STATUSES",
    "ClaimsError",
    "ConflictError",
    "ExtractedClaim",
]
