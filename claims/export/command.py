"""The shell command that exports a view, shown beside it in the dashboard."""

from __future__ import annotations

import shlex
from pathlib import Path

from claims.export.job import FORMATS
from claims.export.names import export_file_name
from claims.query import ClaimFilter


def export_command(claim_filter: ClaimFilter, fmt: str, db_path: str | Path) -> str:
    """The shell command that exports what `claim_filter` matches, shown beside a view
    (claims.cli_export.filter_from_args reads its options back as the same filter),
    to a file named for what it holds (claims.export.names)."""
    options = {
        "--search": claim_filter.search,
        "--status": ",".join(claim_filter.status) or None,
        "--kind": ",".join(claim_filter.kind) or None,
        "--source": claim_filter.source_id,
        "--speaker": claim_filter.speaker,
        "--subject": claim_filter.subject,
        "--metric": claim_filter.metric,
        "--unit": claim_filter.unit,
        "--period-from": claim_filter.period_from,
        "--period-to": claim_filter.period_to,
        "--since": claim_filter.published_from,
        "--until": claim_filter.published_to,
        "--min-confidence": claim_filter.min_confidence,
    }
    words = [".venv/bin/python", "-m", "claims", "export", "--db", str(db_path)]
    words += ["--format", fmt, "-o", export_file_name(db_path, claim_filter, FORMATS[fmt][0])]
    for option, value in options.items():
        if value is not None:
            # "--option=value": a value that starts with "-" is not read as an option.
            words.append(f"{option}={value}")
    if claim_filter.include_vanished:
        words.append("--include-vanished")
    return shlex.join(words)
