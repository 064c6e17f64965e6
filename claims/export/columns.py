"""The columns of an export: a claim's stored fields, its provenance, the CSV row.

Which columns each table and row has, in order, and which hold numbers; the
importer (claims.importer) reads the same lists back.
"""

from __future__ import annotations

from claims.ledger_logs import CSV_COLUMN as LEDGER_RECORD

# A claim's stored fields, as exported and imported (`version` is local
# bookkeeping for concurrent edits and does not travel).
CLAIM_COLUMNS = (
    "id",
    "source_id",
    "kind",
    "sentence",
    "sentence_start",
    "sentence_end",
    "surface",
    "surface_start",
    "surface_end",
    "value",
    "low",
    "high",
    "unit",
    "approx",
    "subject",
    "metric",
    "period",
    "period_start",
    "period_end",
    "speaker",
    "speaker_org",
    "cue",
    "via",
    "hedge",
    "confidence",
    "published",
    "extractor_version",
    "status",
    "edited",
    "vanished",
    "created",
    "updated",
)

REVIEW_COLUMNS = (
    "id",
    "claim_id",
    "at",
    "reviewer",
    "field",
    "old",
    "new",
    "note",
    "evidence_url",
)

SOURCE_COLUMNS = (
    "id",
    "url",
    "title",
    "publisher",
    "author",
    "published",
    "retrieved",
    "language",
    "added",
    "content_hash",
    "text",
)

# The source's metadata a claim row carries, as (row column, sources column):
# every claim row has the first four, the CSV row all eight.
SOURCE_PROVENANCE = (
    ("source_url", "url"),
    ("source_title", "title"),
    ("source_publisher", "publisher"),
    ("source_published", "published"),
)
CSV_SOURCE_EXTRA = (
    ("source_author", "author"),
    ("source_retrieved", "retrieved"),
    ("source_language", "language"),
    ("source_added", "added"),
)
SOURCE_FIELDS = tuple(column for _, column in SOURCE_PROVENANCE + CSV_SOURCE_EXTRA)
# What a claim row says of the claim's review log (see ReviewLog): why its status was
# set and why it was last edited are apart, so that neither reason hides the other.
REVIEW_PROVENANCE = ("status_note", "edit_note", "last_reviewer", "last_review_date")

# A claim checked against an official series it is linked to (claims.checks): the
# series, its value for the claim's period and claim minus official; empty otherwise.
OFFICIAL_COLUMNS = ("official_series", "official_value", "official_difference")
PROVENANCE_COLUMNS = (
    CLAIM_COLUMNS + tuple(name for name, _ in SOURCE_PROVENANCE) + REVIEW_PROVENANCE
)
CLAIM_ROW_COLUMNS = PROVENANCE_COLUMNS + OFFICIAL_COLUMNS
# The flat CSV row adds what a round trip needs beyond the provenance.
CSV_COLUMNS = (
    PROVENANCE_COLUMNS
    + tuple(name for name, _ in CSV_SOURCE_EXTRA)
    + ("review_history", "source_text")
    + OFFICIAL_COLUMNS
    + (LEDGER_RECORD,)
)

INTEGER_COLUMNS = frozenset(
    {
        "id",
        "source_id",
        "claim_id",
        "sentence_start",
        "sentence_end",
        "surface_start",
        "surface_end",
        "vanished",
    }
)
REAL_COLUMNS = frozenset(
    {"value", "low", "high", "confidence", "official_value", "official_difference"}
)

NUMBER_COLUMNS = INTEGER_COLUMNS | REAL_COLUMNS
