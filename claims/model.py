"""The record: extracted claims, statuses and the unit vocabulary.

Sources, claims and reviews are stored as rows (dicts) by claims.store; this
module holds what the extractor produces and the vocabulary every layer
shares, so that nothing else needs to repeat it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, fields
from datetime import date

EXTRACTOR_VERSION = "1.2.1"


class ClaimsError(Exception):
    """An error a user can cause and act on (bad file, bad value, unknown id).

    Pages show its message with st.error; the CLI prints it and exits 2.
    """


class ConflictError(ClaimsError):
    """Another writer changed a claim between our read and our write."""


KINDS = ("numeric", "quote", "statement")

STATUSES = (
    "unreviewed",
    "in_review",
    "verified",
    "disputed",
    "misleading",
    "false",
    "unverifiable",
)

# The statuses that are a verdict (used by ClaimReview export).
VERDICT_STATUSES = ("verified", "disputed", "misleading", "false", "unverifiable")


@dataclass
class ExtractedClaim:
    """One claim as CLAIM-SPEC.md defines it, with offsets into the article text.

    For numeric claims `surface` is the quantity; for quote and statement claims
    it is the whole sentence and surface offsets equal the sentence offsets.
    """

    kind: str
    surface: str
    surface_start: int
    surface_end: int
    sentence_start: int
    sentence_end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    approx: str | None = None
    subject: str | None = None
    metric: str | None = None
    period: str | None = None
    speaker: str | None = None
    speaker_org: str | None = None
    cue: str | None = None
    via: str | None = None
    hedge: str | None = None
    confidence: float = 0.5

    def to_dict(self) -> dict:
        # Not dataclasses.asdict, which deep-copies every value: this runs per claim.
        return {name: getattr(self, name) for name in CLAIM_FIELDS}


CLAIM_FIELDS = tuple(f.name for f in fields(ExtractedClaim))

# Fields of a stored claim that a person may edit from the dashboard or CLI.
EDITABLE_FIELDS = (
    "value",
    "low",
    "high",
    "unit",
    "approx",
    "subject",
    "metric",
    "period",
    "speaker",
    "speaker_org",
    "cue",
    "via",
    "hedge",
    "kind",
)

NUMERIC_FIELDS = ("value", "low", "high")

_PERIOD_RE = re.compile(r"^(\d{4})(?:-(Q[1-4]|\d{2})(?:-(\d{2}))?)?$")


def period_bounds(period: str | None) -> tuple[str | None, str | None]:
    """Return the first and last day (YYYY-MM-DD) of a period string.

    Accepts YYYY, YYYY-QN, YYYY-MM and YYYY-MM-DD; raises ClaimsError for
    anything else so that a mistyped period never reaches the database.
    """
    if period is None or period == "":
        return None, None
    m = _PERIOD_RE.match(period.strip())
    if not m:
        raise ClaimsError(f"Period {period!r} is not YYYY, YYYY-QN, YYYY-MM or YYYY-MM-DD.")
    year = int(m.group(1))
    part, day = m.group(2), m.group(3)
    try:
        if part is None:
            return date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()
        if part.startswith("Q"):
            q = int(part[1])
            first_month, last_month = 3 * q - 2, 3 * q
            last_day = calendar.monthrange(year, last_month)[1]
            return (
                date(year, first_month, 1).isoformat(),
                date(year, last_month, last_day).isoformat(),
            )
        month = int(part)
        if day is None:
            last_day = calendar.monthrange(year, month)[1]
            return date(year, month, 1).isoformat(), date(year, month, last_day).isoformat()
        d = date(year, month, int(day)).isoformat()
        return d, d
    except ValueError as exc:
        raise ClaimsError(f"Period {period!r} is not a real date: {exc}.") from None


def parse_number(text: str | float | int | None, field: str = "value") -> float | None:
    """Turn user input into a float, or None for empty; ClaimsError if not a number."""
    if text is None:
        return None
    if isinstance(text, (int, float)):
        return float(text)
    cleaned = text.strip().replace(",", "")
    if cleaned == "":
        return None
    try:
        number = float(cleaned)
    except ValueError:
        raise ClaimsError(f"{field} must be a number, not {text!r}.") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ClaimsError(f"{field} must be a finite number, not {text!r}.")
    return number
