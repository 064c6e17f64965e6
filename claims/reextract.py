"""Re-extraction: the current extractor over stored articles, claims a person touched kept.

New claims are added; unreviewed claims no longer found are marked vanished
(never deleted); claims a person edited, reviewed or gave a status are left
exactly as they are. Extraction runs as ingest runs it (claims.ingest: in this
process, or in worker processes for many sources); the database is written by
this process only, one transaction per source.
"""

from __future__ import annotations

import json
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass, field, fields

import sqlite_utils

from claims import ingest, store
from claims.ingest import Progress, extractor_for, failure_reason, plural
from claims.matching import match_missing_keys
from claims.model import EXTRACTOR_VERSION, ClaimsError, ExtractedClaim, safe_period_bounds


@dataclass
class ReextractSummary:
    sources: int = 0
    claims_added: int = 0
    claims_updated: int = 0
    claims_unchanged: int = 0
    claims_vanished: int = 0
    claims_protected: int = 0  # reviewed or edited by a person: left exactly as they were
    failures: list[tuple[str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{plural(self.sources, 'source')} re-extracted: "
            f"{plural(self.claims_added, 'new claim')}, {self.claims_updated} updated, "
            f"{self.claims_unchanged} unchanged, {self.claims_vanished} marked vanished, "
            f"{self.claims_protected} kept as reviewed or edited, "
            f"{plural(len(self.failures), 'failure')}."
        )


# Fields the extractor sets on a stored claim (the sentence text is derived).
_EXTRACTED_FIELDS = tuple(f.name for f in fields(ExtractedClaim))
# A claim whose surface moved by at most this many characters is the same claim.
NEAR_CHARS = 200


def _is_protected(row: dict, reviewed_ids: set[int]) -> bool:
    """A claim a person has touched: edited, given a status, or reviewed."""
    return (
        bool(json.loads(row["edited"] or "[]"))
        or row["status"] != "unreviewed"
        or row["id"] in reviewed_ids
    )


def match_claims(
    old: list[dict], new: list[ExtractedClaim]
) -> tuple[list[tuple[dict, ExtractedClaim]], list[dict], list[ExtractedClaim]]:
    """Pair stored claims with freshly extracted ones.

    First by (kind, surface_start, surface_end); then the same kind and surface
    text within NEAR_CHARS of the old offset, nearest first.
    Returns (pairs, old claims not found again, new claims not stored before).
    """
    unmatched_old = list(old)
    by_span: dict[tuple, list[dict]] = {}
    for row in unmatched_old:
        by_span.setdefault((row["kind"], row["surface_start"], row["surface_end"]), []).append(row)
    pairs: list[tuple[dict, ExtractedClaim]] = []
    leftover_new: list[ExtractedClaim] = []
    for claim in new:
        rows = by_span.get((claim.kind, claim.surface_start, claim.surface_end))
        if rows:
            row = rows.pop(0)
            unmatched_old.remove(row)
            pairs.append((row, claim))
        else:
            leftover_new.append(claim)
    unmatched_new: list[ExtractedClaim] = []
    for claim in leftover_new:
        near = [
            row
            for row in unmatched_old
            if row["kind"] == claim.kind
            and row["surface"] == claim.surface
            and abs(row["surface_start"] - claim.surface_start) <= NEAR_CHARS
        ]
        if near:
            row = min(near, key=lambda r: abs(r["surface_start"] - claim.surface_start))
            unmatched_old.remove(row)
            pairs.append((row, claim))
        else:
            unmatched_new.append(claim)
    return pairs, unmatched_old, unmatched_new


def _extracted_values(claim: ExtractedClaim, text: str) -> dict:
    values = {name: getattr(claim, name) for name in _EXTRACTED_FIELDS}
    values["sentence"] = text[claim.sentence_start : claim.sentence_end]
    values["period_start"], values["period_end"] = safe_period_bounds(claim.period)
    values["extractor_version"] = EXTRACTOR_VERSION
    values["vanished"] = 0
    return values


def _update_claim_row(db: sqlite_utils.Database, row: dict, changes: dict) -> None:
    assignments = ", ".join(f"{column} = ?" for column in changes)
    db.execute(
        f"UPDATE claims SET {assignments}, version = version + 1, updated = ? WHERE id = ?",
        [*changes.values(), store.now_utc(), row["id"]],
    )


def _reextract_source(
    db: sqlite_utils.Database, source: dict, new: list[ExtractedClaim], summary: ReextractSummary
) -> None:
    """Apply one source's fresh claims in one transaction."""
    with store.write_transaction(db):
        old = list(db["claims"].rows_where("source_id = ?", [source["id"]], order_by="id"))
        reviewed_ids = {
            r[0]
            for r in db.execute(
                "SELECT DISTINCT claim_id FROM reviews WHERE claim_id IN "
                "(SELECT id FROM claims WHERE source_id = ?)",
                [source["id"]],
            )
        }
        pairs, gone, fresh = match_claims(old, new)
        updated: list[int] = []
        for row, claim in pairs:
            if _is_protected(row, reviewed_ids):
                summary.claims_protected += 1
                if row["vanished"]:
                    # Found again: the mark was the extractor's, not a person's.
                    _update_claim_row(db, row, {"vanished": 0})
                continue
            as_extracted = _as_extracted(row)
            changes = {
                name: value
                for name, value in _extracted_values(claim, source["text"]).items()
                if as_extracted[name] != value
            }
            if "period" in changes:
                changes["extracted_period"] = None  # the new period is the claim's own
            if changes:
                _update_claim_row(db, row, changes)
                summary.claims_updated += 1
                updated.append(row["id"])
            else:
                summary.claims_unchanged += 1
        for row in gone:
            if _is_protected(row, reviewed_ids):
                summary.claims_protected += 1
            elif not row["vanished"]:
                _update_claim_row(db, row, {"vanished": 1})
                summary.claims_vanished += 1
        match_missing_keys(db, updated)  # a changed claim lines up again
        store.add_claims(db, source["id"], fresh)
        summary.claims_added += len(fresh)


def _as_extracted(row: dict) -> dict:
    """A stored claim as the extractor left it: with the period it gave, where matching
    since gave the claim its figure's (claims.matching keeps it in extracted_period)."""
    if row.get("extracted_period") is None:
        return row
    period = row["extracted_period"] or None
    start, end = safe_period_bounds(period)
    return {**row, "period": period, "period_start": start, "period_end": end}


def reextract(
    db: sqlite_utils.Database, *, progress: Progress | None = None, workers: int | None = None
) -> ReextractSummary:
    """Run the current extractor over every stored source.

    New claims are added; unreviewed claims no longer found are marked
    vanished (never deleted); claims a person edited, reviewed or gave a status
    are left exactly as they are. One transaction per source.
    """
    summary = ReextractSummary()
    ids = [row[0] for row in db.execute("SELECT id FROM sources ORDER BY id")]
    extractor = extractor_for(len(ids), workers)
    pending: deque[tuple[dict, Future]] = deque()

    def apply_oldest() -> None:
        source, future = pending.popleft()
        label = f"source {source['id']}"
        try:
            _reextract_source(db, source, future.result(), summary)
            summary.sources += 1
        except Exception as exc:  # noqa: BLE001 - one bad source never aborts the rest
            store.raise_if_damaged(db, exc)  # ... but a damaged ledger does
            summary.failures.append((label, failure_reason(exc)))
        if progress is not None:
            progress(summary.sources + len(summary.failures), len(ids), label)

    try:
        for source_id in ids:
            source = store.get_source(db, source_id)
            pending.append((source, extractor.submit(source["text"], source["published"])))
            while len(pending) >= extractor.max_pending:
                apply_oldest()
        while pending:
            apply_oldest()
    finally:
        extractor.close()
    return summary


def reextract_source(db: sqlite_utils.Database, source_id: int) -> ReextractSummary:
    """Run the current extractor over one stored source (as reextract does for all)."""
    source = store.get_source(db, source_id)
    summary = ReextractSummary()
    # Through the module, as ingest's own extraction is looked up (tests replace it there).
    claims = ingest.extract_for_ingest(source["text"], source["published"])
    _reextract_source(db, source, claims, summary)
    summary.sources = 1
    return summary


def correct_source(
    db: sqlite_utils.Database,
    source_id: int,
    changes: dict,
    *,
    reviewer: str,
    note: str | None = None,
) -> tuple[list[str], ReextractSummary | None]:
    """Correct an article's metadata as a person (store.update_source). A new publication
    date moves what "last year" or "on Tuesday" means, so the article's claims are
    extracted again against it: periods follow, and claims a person edited or reviewed
    stay exactly as they are. Returns the changed fields and the re-extraction summary
    (None when the date did not change)."""
    before = store.get_source(db, source_id)
    changed = store.update_source(db, source_id, changes, reviewer=reviewer, note=note)
    if "published" not in changed:
        return changed, None
    try:
        return changed, reextract_source(db, source_id)
    except Exception as exc:  # noqa: BLE001 - undone and reported, never half applied
        # The details and the claims' periods go together: the change is undone (the
        # log keeps both rows) rather than leaving a date the periods do not follow.
        store.update_source(
            db,
            source_id,
            {field: before[field] for field in changed},
            reviewer=reviewer,
            note="undone: the claims could not be read again against the new date",
        )
        raise ClaimsError(
            f"Source {source_id} was not changed: its claims could not be read again "
            f"against the new date ({failure_reason(exc)})."
        ) from None
