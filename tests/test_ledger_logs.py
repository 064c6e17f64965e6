"""A backup keeps the decision logs, and a restore brings them back: source reviews,
merges, rejections and splits (claims.ledger_logs), in every format meant for restore."""

from __future__ import annotations

import csv
import io
import itertools
import json
from datetime import UTC, datetime, timedelta

import openpyxl
import pytest

from claims import export, groups, store
from claims.importer import import_file
from claims.model import ClaimsError
from claims.normalise import ClaimKey
from claims.query import ClaimFilter
from tests.ledger_data import build_hostile_ledger

RESTORE_FORMATS = ("jsonl", "json", "csv", "xlsx")
UNEMPLOYMENT = ClaimKey("unemployment", "rate", "percent", "2023")
JOBLESS = ClaimKey("jobless", "rate", "percent", "2023")
INFLATION = ClaimKey("inflation", "inflation", "percent", "2020-03")
PRICES = ClaimKey("prices", "inflation", "percent", "2020-03")


@pytest.fixture
def decided(db):
    """The hostile ledger with one of each decision a person makes beside claim reviews."""
    ids = build_hostile_ledger(db)
    first, _ = ids["sources"]
    store.update_source(
        db, first, {"title": "North Korea's economy", "publisher": "=News"}, reviewer="ann",
        note="the headline as printed",
    )  # fmt: skip
    groups.accept_merge(db, JOBLESS, UNEMPLOYMENT, reviewer="bob", note="same series")
    groups.undo_merge(db, JOBLESS, reviewer="bob", note="clicked too soon")
    groups.accept_merge(db, JOBLESS, UNEMPLOYMENT, reviewer="bob", note="same series after all")
    groups.reject_merge(db, PRICES, INFLATION, reviewer="+cy", note="-not the same measure")
    groups.split_claim(db, ids["gdp"], reviewer="ann", note="a forecast, not an estimate")
    groups.split_claim(db, ids["unemployment"], reviewer="ann", note="youth rate")
    groups.undo_split(db, ids["unemployment"], reviewer="ann", note="it is the headline rate")
    return db, ids


def export_to(db, tmp_path, fmt: str, name: str, claim_filter: ClaimFilter | None = None):
    path = tmp_path / f"{name}.{export.FORMATS[fmt][0]}"
    export.write_export(db, claim_filter, fmt, path)
    return path


def decision_logs(db) -> dict:
    """Every decision-log row, its ids replaced by what names the same thing in any ledger:
    a source by its content hash, a split's claim by its place in the article."""
    hashes = {row["id"]: row["content_hash"] for row in db["sources"].rows}
    anchors = {
        row["id"]: (hashes[row["source_id"]], row["surface_start"], row["surface_end"])
        for row in db["claims"].rows
    }

    def rows(table: str) -> list[dict]:
        found = []
        for row in db[table].rows_where(order_by="id"):
            row = {k: v for k, v in row.items() if k != "id"}
            if "source_id" in row:
                row["source_id"] = hashes[row["source_id"]]
            if "claim_id" in row:
                row["claim_id"] = anchors[row["claim_id"]]
            found.append(row)
        return found

    return {table: rows(table) for table in ("source_reviews", "key_merges", "claim_splits")}


def in_force(db) -> dict:
    """What the decisions do: the merges in force and which claims stand alone."""
    return {
        "aliases": sorted(tuple(row.values()) for row in db["key_aliases"].rows),
        "split": sorted(
            db.execute(
                "SELECT surface FROM claims WHERE id IN (SELECT value FROM json_each(?))",
                [json.dumps(groups.split_claim_ids(db))],
            ).fetchall()
        ),
        "rejected": sorted(groups.rejected_pairs(db)),
    }


def row_counts(db) -> dict:
    tables = ("sources", "claims", "reviews", "source_reviews", "key_merges", "claim_splits")
    return {table: db[table].count for table in tables}


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt", RESTORE_FORMATS)
def test_a_restore_brings_back_source_reviews_merges_rejections_and_splits(decided, tmp_path, fmt):
    db, _ = decided
    backup = export_to(db, tmp_path, fmt, "backup")
    restored = store.connect(tmp_path / "restored.db")
    summary = import_file(restored, backup)
    assert summary["source_reviews_added"] == 2  # title and publisher
    assert summary["key_merges_added"] == 4  # merge, unmerge, merge, reject
    assert summary["claim_splits_added"] == 3  # split, split, unsplit
    assert decision_logs(restored) == decision_logs(db)
    assert in_force(restored) == in_force(db)
    assert in_force(restored)["split"] == [("8.5 per cent",)]
    assert in_force(restored)["aliases"] == [("percent", "jobless", "rate", "unemployment", "rate")]
    # The restored article keeps its corrected title, and its log says how it came to be.
    first = restored["sources"].get(1)
    assert first["title"] == "North Korea's economy" and first["publisher"] == "=News"
    assert [r["new"] for r in store.source_reviews_of(restored, 1)] == [
        "North Korea's economy",
        "=News",
    ]


@pytest.mark.parametrize("fmt", RESTORE_FORMATS)
def test_importing_a_backup_twice_adds_no_decision_the_second_time(decided, tmp_path, fmt):
    db, _ = decided
    backup = export_to(db, tmp_path, fmt, "backup")
    restored = store.connect(tmp_path / "restored.db")
    import_file(restored, backup)
    before = row_counts(restored)
    summary = import_file(restored, backup)
    assert row_counts(restored) == before
    assert summary["source_reviews_added"] == summary["key_merges_added"] == 0
    assert summary["claim_splits_added"] == 0
    assert summary["source_reviews_skipped"] == 2
    assert summary["key_merges_skipped"] == 4
    assert summary["claim_splits_skipped"] == 3
    assert summary["conflicts"] == []


def test_a_backup_imported_into_its_own_ledger_adds_nothing(decided, tmp_path):
    db, _ = decided
    before = row_counts(db)
    summary = import_file(db, export_to(db, tmp_path, "jsonl", "backup"))
    assert row_counts(db) == before
    assert summary["key_merges_skipped"] == 4 and summary["claim_splits_skipped"] == 3


def test_a_filtered_export_carries_no_decision_log(decided, tmp_path):
    db, _ = decided
    path = export_to(db, tmp_path, "jsonl", "view", ClaimFilter(status=["false"]))
    types = {json.loads(line)["type"] for line in path.read_text().splitlines()}
    assert types == {"source", "claim", "review"}


# ---------------------------------------------------------------- where each format keeps them


def test_the_csv_keeps_each_decision_as_a_ledger_record_row_after_the_claims(decided, tmp_path):
    db, _ = decided
    path = export_to(db, tmp_path, "csv", "backup")
    rows = list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"), newline="")))
    records = [json.loads(row["ledger_record"]) for row in rows if row["ledger_record"]]
    assert [r["type"] for r in records] == ["source_review"] * 2 + ["key_merge"] * 4 + [
        "claim_split"
    ] * 3
    # A decision's row holds nothing else, so a spreadsheet's filters keep claims apart.
    decision_rows = [row for row in rows if row["ledger_record"]]
    assert all(v == "" for row in decision_rows for k, v in row.items() if k != "ledger_record")
    assert rows[-1]["ledger_record"]  # after every claim and article


def test_the_workbook_has_a_sheet_per_decision_log_with_formulas_escaped(decided, tmp_path):
    db, _ = decided
    workbook = openpyxl.load_workbook(export_to(db, tmp_path, "xlsx", "backup"))
    merges = list(workbook["key_merges"].iter_rows(values_only=True))
    assert merges[0][:2] == ("id", "action")
    assert [row[1] for row in merges[1:]] == ["merge", "unmerge", "merge", "reject"]
    reject = dict(zip(merges[0], merges[-1], strict=True))
    assert reject["reviewer"] == "'+cy" and reject["note"] == "'-not the same measure"
    publisher = list(workbook["source_reviews"].iter_rows(values_only=True))[-1]
    assert "'=News" in publisher


# ---------------------------------------------------------------- merging and refusing


def test_decisions_made_after_a_restore_survive_importing_the_backup_again(decided, tmp_path):
    db, _ = decided
    backup = export_to(db, tmp_path, "jsonl", "backup")
    restored = store.connect(tmp_path / "restored.db")
    import_file(restored, backup)
    groups.undo_merge(restored, JOBLESS, reviewer="dee", note="separate series after all")
    groups.undo_split(restored, 1, reviewer="dee", note="back with its group")
    before = row_counts(restored)
    summary = import_file(restored, backup)
    assert row_counts(restored) == before  # everything else was already there
    assert in_force(restored)["aliases"] == [] and in_force(restored)["split"] == []
    assert summary["conflicts"] == []  # the same rows again: skipped, nothing to weigh


@pytest.fixture
def ticking_clock(monkeypatch):
    """Each write a second after the last: the ledger's clock counts whole seconds."""
    start, ticks = datetime(2026, 1, 1, tzinfo=UTC), itertools.count()
    monkeypatch.setattr(
        store, "now_utc", lambda: (start + timedelta(seconds=next(ticks))).isoformat()
    )


def test_a_decision_made_later_in_the_ledger_keeps_its_place_and_the_file_is_reported(
    db, tmp_path, ticking_clock
):
    ids = build_hostile_ledger(db)
    backup_ledger = store.connect(tmp_path / "other.db")
    import_file(backup_ledger, export_to(db, tmp_path, "jsonl", "plain"))
    # The other ledger merges first; this one undoes the same merge later.
    groups.accept_merge(backup_ledger, JOBLESS, UNEMPLOYMENT, reviewer="bob", note="same")
    groups.accept_merge(db, JOBLESS, UNEMPLOYMENT, reviewer="cy", note="same series")
    groups.undo_merge(db, JOBLESS, reviewer="cy", note="no: youth rate")
    summary = import_file(db, export_to(backup_ledger, tmp_path, "jsonl", "other"))
    assert summary["key_merges_added"] == 0 and summary["key_merges_skipped"] == 1
    assert db["key_aliases"].count == 0  # the later undo stays in force
    (conflict,) = summary["conflicts"]
    assert conflict.startswith("Merge decision 1: kept the ledger's later unmerge by cy")
    assert ids  # the claims themselves were already stored


def rewrite_jsonl(path, record_type: str, change) -> None:
    lines = []
    for line in path.read_text().splitlines():
        record = json.loads(line)
        if record["type"] == record_type:
            change(record)
        lines.append(json.dumps(record))
    path.write_text("\n".join(lines) + "\n")


@pytest.mark.parametrize(
    ("record_type", "change", "message"),
    [
        (
            "key_merge",
            lambda r: r.update(action="maybe"),
            "Merge decision 1: action must be merge or unmerge or reject, not 'maybe'",
        ),
        ("key_merge", lambda r: r.update(reviewer=""), "Merge decision 1 has no reviewer"),
        (
            "source_review",
            lambda r: r.update(field="text"),
            "Source review 1: field 'text' is not a source field",
        ),
        (
            "source_review",
            lambda r: r.update(source_id=99),
            "Source review 1 refers to source 99, which is not in the file",
        ),
        (
            "claim_split",
            lambda r: r.update(surface_end=10**6),
            "Split decision 1: surface offsets",
        ),
        (
            "claim_split",
            lambda r: r.update(surface_start="x"),
            "Split decision 1: surface_start must be a whole number",
        ),
        ("claim_split", lambda r: r.update(id=1), "Two rows of claim_splits in the file"),
    ],
)
def test_a_bad_decision_row_is_refused_by_row_and_field_and_nothing_is_written(
    decided, tmp_path, record_type, change, message
):
    db, _ = decided
    backup = export_to(db, tmp_path, "jsonl", "backup")
    rewrite_jsonl(backup, record_type, change)
    restored = store.connect(tmp_path / "restored.db")
    before = row_counts(restored)
    with pytest.raises(ClaimsError, match=message) as refused:
        import_file(restored, backup)
    assert "Nothing was imported" in str(refused.value)
    assert row_counts(restored) == before


def test_a_csv_ledger_record_that_is_not_one_is_refused(decided, tmp_path):
    db, _ = decided
    path = export_to(db, tmp_path, "csv", "backup")
    data = path.read_bytes().replace(b'"{""type"":""key_merge""', b'"{""type"":""x""', 1)
    path.write_bytes(data)
    with pytest.raises(ClaimsError, match="ledger_record cell is not a decision-log record"):
        import_file(store.connect(tmp_path / "restored.db"), path)


def test_a_correction_of_an_article_already_stored_joins_its_log_and_is_reported(decided, tmp_path):
    db, _ = decided
    backup = export_to(db, tmp_path, "jsonl", "backup")
    # A ledger that took in the same articles before anyone corrected them.
    other = store.connect(tmp_path / "other.db")
    build_hostile_ledger(other)
    summary = import_file(other, backup)
    assert summary["source_reviews_added"] == 2
    assert [r["new"] for r in store.source_reviews_of(other, 1)] == [
        "North Korea's economy",
        "=News",
    ]
    # Its article keeps the metadata it had (a new date would re-date claims): said so.
    assert other["sources"].get(1)["title"] == "+North Korea's economy"
    reported = [c for c in summary["conflicts"] if c.startswith("Source review")]
    assert reported == [
        "Source review 1: source 1 kept its title \"+North Korea's economy\" over the file's "
        f'correction to "North Korea\'s economy" of {db["source_reviews"].get(1)["at"]} '
        "(the correction is in its log).",
        "Source review 2: source 1 kept its publisher 'Example News' over the file's "
        f"correction to '=News' of {db['source_reviews'].get(2)['at']} "
        "(the correction is in its log).",
    ]
