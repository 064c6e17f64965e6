"""File names that say what an export holds: the ledger, the filters, the day.

`ledger_status-verified+disputed_speaker-imf_2026-12-05.csv`: a file found
in a downloads folder months later tells which ledger it came from, which
claims it holds and when it was made, without opening it. Every part is
reduced to lowercase ASCII letters, digits, dots, "+" and "-", so that the
name is valid on every file system and needs no quoting in a shell.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

from claims.query import ClaimFilter

# How the filters are named in a file name (ClaimFilter's fields, in its order).
FILTER_WORDS = {
    "search": "search",
    "status": "status",
    "kind": "kind",
    "source_id": "source",
    "speaker": "speaker",
    "subject": "subject",
    "metric": "metric",
    "unit": "unit",
    "period_from": "period-from",
    "period_to": "period-to",
    "published_from": "since",
    "published_to": "until",
    "min_confidence": "min-confidence",
    "include_vanished": "with-vanished",
}
WHOLE_LEDGER = "all"
# Most file systems take 255 bytes: the filters' part stops well before.
MAX_SUMMARY = 100

_UNSAFE = re.compile(r"[^a-z0-9.+]+")


def slug(text: str) -> str:
    """Lowercase ASCII words joined by "-": "Zoë's figures" -> "zoe-s-figures"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _UNSAFE.sub("-", ascii_text.lower()).strip("-.")


def filter_summary(claim_filter: ClaimFilter | None) -> str:
    """The filters as words, "status-verified+disputed_since-2023-01-01"; "all" for none."""
    parts = []
    for name, value in (claim_filter or ClaimFilter()).as_dict().items():
        word = FILTER_WORDS[name]
        if value is True:
            parts.append(word)
            continue
        values = value if isinstance(value, list) else [value]
        parts.append(f"{word}-{'+'.join(slug(str(v)) or 'x' for v in values)}")
    summary = "_".join(parts) or WHOLE_LEDGER
    if len(summary) > MAX_SUMMARY:
        summary = summary[:MAX_SUMMARY].rstrip("-_+.") + "-etc"
    return summary


def export_file_name(
    db_path: str | Path,
    claim_filter: ClaimFilter | None,
    extension: str,
    day: date | None = None,
) -> str:
    """The name of an export: ledger (its file's name), filters, day (UTC), extension."""
    ledger = slug(Path(db_path).stem) or "ledger"
    day = day or datetime.now(UTC).date()
    return f"{ledger}_{filter_summary(claim_filter)}_{day.isoformat()}.{extension}"
