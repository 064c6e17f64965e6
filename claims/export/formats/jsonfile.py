"""JSON and JSON Lines.

- json: {"format", "sources": [...], "claims": [...], "reviews": [...]}; a
  whole-ledger export adds the decision logs (claims.ledger_logs) under their
  tables' names.
- jsonl: one object per line, typed by "type": every "source" line, then
  every "claim" line, then every "review" line (so an importer can stream);
  a whole-ledger export then the decision logs' lines. A large export's claim
  lines are written by several processes (claims.export.parallel).

SQLite writes each object (claims.export.cells); Python splices in the
provenance.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import BinaryIO

from claims.export.cells import json_members, json_object_sql
from claims.export.columns import (
    CLAIM_COLUMNS,
    OFFICIAL_COLUMNS,
    REVIEW_COLUMNS,
    REVIEW_PROVENANCE,
    SOURCE_COLUMNS,
    SOURCE_PROVENANCE,
)
from claims.export.job import GENERATOR, Job
from claims.export.parallel import claim_records
from claims.export.reading import (
    NEVER_REVIEWED,
    IdRange,
    SourceForm,
    claim_batches,
    decision_logs,
    log_json,
    review_batches,
    source_batches,
)


@contextmanager
def text_stream(out: BinaryIO, encoding: str = "utf-8") -> Iterator[io.TextIOWrapper]:
    """A text view of `out` that leaves `out` open (a BytesIO must stay readable)."""
    text = io.TextIOWrapper(out, encoding=encoding, newline="", write_through=False)
    try:
        yield text
    finally:
        text.flush()
        text.detach()


_JSON_UNREVIEWED = json_members(REVIEW_PROVENANCE, NEVER_REVIEWED.provenance)


def _json_claims(job: Job, kind: str | None, id_range: IdRange = None) -> Iterator[list[str]]:
    """The claims' JSON objects, provenance spliced in, a batch at a time."""
    obj = json_object_sql("claims", CLAIM_COLUMNS, kind)
    for batch in claim_batches(job, [obj], _JSON_PROVENANCE, id_range=id_range):
        sources, reviews = batch.sources, batch.reviews
        lines = []
        for source_id, claim_id, claim in batch.rows:
            log = reviews.get(claim_id)
            review = (
                _JSON_UNREVIEWED if log is None else json_members(REVIEW_PROVENANCE, log.provenance)
            )
            official = json_members(OFFICIAL_COLUMNS, job.official_of(claim_id))
            lines.append(f"{claim[:-1]},{sources[source_id]},{review},{official}}}")
        yield lines


# A source's provenance as members of a claim's JSON object, written by SQLite.
_JSON_PROVENANCE: SourceForm[str] = SourceForm(
    (
        "json_object("
        + ", ".join(f"'{name}', sources.{column}" for name, column in SOURCE_PROVENANCE)
        + ")",
    ),
    lambda row: row[1][1:-1],
)


def _json_sources(job: Job, kind: str | None) -> Iterator[list[str]]:
    obj = json_object_sql("sources", SOURCE_COLUMNS, kind)
    for rows in source_batches(job, (("json", obj),)):
        yield [row[0] for row in rows]


def _json_reviews(job: Job, kind: str | None) -> Iterator[list[str]]:
    obj = json_object_sql("reviews", REVIEW_COLUMNS, kind)
    for rows in review_batches(job, (("json", obj),)):
        yield [row[0] for row in rows]


def write_jsonl(job: Job, out: BinaryIO) -> None:
    """Every source line, then every claim line, then every review line."""
    with claim_records(job, write_jsonl_claims) as write_claims:
        _write_lines(out, _json_sources(job, "source"))
        write_claims(out)
        _write_lines(out, _json_reviews(job, "review"))
        for log in decision_logs(job):
            _write_lines(out, [log_json(job, log, typed=True)])


def write_jsonl_claims(job: Job, out: BinaryIO, id_range: IdRange) -> None:
    _write_lines(out, _json_claims(job, "claim", id_range))


def _write_lines(out: BinaryIO, batches: Iterable[list[str]]) -> None:
    for lines in batches:
        lines.append("")  # so that the last line ends too, without copying the batch again
        out.write("\n".join(lines).encode("utf-8"))


def write_json(job: Job, out: BinaryIO) -> None:
    sections = [
        ("sources", _json_sources(job, None)),
        ("claims", _json_claims(job, None)),
        ("reviews", _json_reviews(job, None)),
    ]
    sections += [(log.table, iter([log_json(job, log, typed=False)])) for log in decision_logs(job)]
    with text_stream(out) as text:
        text.write(f'{{"format":"{GENERATOR}","version":1')
        for name, batches in sections:
            text.write(f',\n"{name}":[')
            separator = "\n"
            for lines in batches:
                text.write(separator)
                text.write(",\n".join(lines))
                separator = ",\n"
            text.write("\n]")
        text.write("}\n")
