"""The record: extracted claims, statuses and the unit vocabulary.

Sources, claims and reviews are stored as rows (dicts) by claims.store; this
module holds what the extractor produces and the vocabulary every layer
shares, so that nothing else needs to repeat it.
"""

from __future__ import annotations

import calendar
import io
import re
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from typing import BinaryIO

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


def safe_period_bounds(period: str | None) -> tuple[str | None, str | None]:
    # An extractor period that does not parse is kept as text, without bounds,
    # rather than losing the claim.
    try:
        return period_bounds(period)
    except ClaimsError:
        return None, None


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


# The earliest publication date the ledger takes: old enough for any newspaper archive,
# recent enough that a typo ("0204") is caught.
EARLIEST_PUBLISHED = date(1800, 1, 1)


def normalise_published(raw: object) -> str | None:
    """A publication date as YYYY-MM-DD (ISO dates and datetimes accepted), or ClaimsError.

    Any day from EARLIEST_PUBLISHED to tomorrow (a time zone ahead) is a date an article
    can carry; anything else is refused with the range named.
    """
    if raw is None:
        return None
    day: date | None
    if isinstance(raw, datetime | date):
        day = raw.date() if isinstance(raw, datetime) else raw
    else:
        day = _parse_day(str(raw).strip())
        if day is None:
            return None
    latest = date.today() + timedelta(days=1)
    if not EARLIEST_PUBLISHED <= day <= latest:
        raise ClaimsError(
            f"Publication date {day.isoformat()} is out of range: give a date from "
            f"{EARLIEST_PUBLISHED.isoformat()} to {latest.isoformat()}."
        )
    return day.isoformat()


def _parse_day(text: str) -> date | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    for layout in ("%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y"):
        try:
            return datetime.strptime(text, layout).date()
        except ValueError:
            continue
    raise ClaimsError(f"Publication date {text!r} is not a date; use YYYY-MM-DD.")


# SQLite's largest INTEGER: an id beyond it cannot name a row, and int() of it would
# overflow when bound as a parameter.
MAX_ID = 2**63 - 1
_ID_RE = re.compile(r"[0-9]{1,19}")


def parse_id(raw: object) -> int | None:
    """A row id from a URL or the command line: ASCII digits naming 1 to MAX_ID, else None.

    str.isdigit() would take "²" or "٣"; int() would take " 7", "+7" or "7_0".
    """
    if isinstance(raw, list):
        raw = raw[-1] if raw else None
    if raw is None:
        return None
    text = str(raw).strip()
    if not _ID_RE.fullmatch(text):
        return None
    value = int(text)
    return value if 0 < value <= MAX_ID else None


# C0 and C1 control characters but newline and tab: an escape sequence in a title or a
# name could move the cursor, recolour or retitle a researcher's terminal.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: object) -> str:
    """Text for a terminal line with control characters shown, not obeyed ("\\x1b")."""
    return _CONTROL_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


def json_for_terminal(text: str) -> str:
    """JSON text with its DEL and C1 controls written as \\u escapes: the same JSON to a
    parser, inert on a terminal. json.dumps escapes C0 itself, but with ensure_ascii=False
    it leaves U+007F to U+009F as they are (U+009B starts an escape sequence, as ESC [ does).
    """
    return _CONTROL_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# The same characters as UTF-8 bytes, for output that reaches the terminal in chunks.
# "\r\n" ends a CSV line and stays; a lone "\r" would let text overwrite its line.
_CONTROL_BYTES_RE = re.compile(rb"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]")
# A chunk ending in one of these bytes may end half way through one of those characters.
_MAYBE_UNFINISHED = (b"\r", b"\xc2")


class TerminalSafeWriter(io.RawIOBase):
    """A binary stream to a terminal that writes control characters as visible escapes.

    `json=True` writes them as \\u escapes, so that JSON stays JSON.
    """

    def __init__(self, out: BinaryIO, *, json: bool = False) -> None:
        super().__init__()
        self._out = out
        self._pending = b""
        self._escape = _json_escape if json else _visible_escape

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        chunk = self._pending + bytes(data)
        self._pending = b""
        if chunk.endswith(_MAYBE_UNFINISHED):
            chunk, self._pending = chunk[:-1], chunk[-1:]
        self._out.write(_CONTROL_BYTES_RE.sub(self._escape, chunk))
        return len(data)

    def flush(self) -> None:
        if self._pending:
            self._out.write(_CONTROL_BYTES_RE.sub(self._escape, self._pending))
            self._pending = b""
        self._out.flush()


def _code_point(match: re.Match[bytes]) -> int:
    return ord(match.group().decode("utf-8"))


def _visible_escape(match: re.Match[bytes]) -> bytes:
    return f"\\x{_code_point(match):02x}".encode()


def _json_escape(match: re.Match[bytes]) -> bytes:
    return f"\\u{_code_point(match):04x}".encode()
