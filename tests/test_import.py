"""Import: round trips through every importable format, merging, and files that are wrong."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest

from claims import export, store
from claims.export import reading
from claims.importer import import_file
from claims.model import ClaimsError
from claims.query import ClaimFilter
from claims.readers.article import MAX_TEXT_BYTES
from tests.ledger_data import (
    FIRST_ARTICLE,
    HOSTILE_SPEAKER,
    HOSTILE_SUBJECT,
    TAB_TEXT,
    build_hostile_ledger,
    claim_for,
)

IMPORTABLE = ("jsonl", "json", "csv", "xlsx")
ID_KEYS = {"id", "source_id", "claim_id"}
# Manifest entries that describe the export run rather than the data.
RUN_KEYS = {"exported_at", "database_revision"}


@pytest.fixture
def ledger(db):
    return db, build_hostile_ledger(db)


def fresh_db(tmp_path, name: str):
    return store.connect(tmp_path / f"{name}.db")


def export_to(db, tmp_path, fmt: str, name: str = "export"):
    path = tmp_path / f"{name}.{export.FORMATS[fmt][0]}"
    export.write_export(db, None, fmt, path)
    return path


def ledger_content(db) -> dict:
    """Everything stored, with ids replaced by what identifies a row across databases."""
    hashes = {row["id"]: row["content_hash"] for row in db["sources"].rows}
    claim_keys = {}
    claims = []
    for claim in db["claims"].rows_where(order_by="id"):
        key = (
            hashes[claim["source_id"]],
            claim["kind"],
            claim["sentence_start"],
            claim["surface_start"],
            claim["surface_end"],
        )
        claim_keys[claim["id"]] = key
        kept = {k: v for k, v in claim.items() if k not in ("id", "source_id", "version")}
        claims.append((key, sorted(kept.items())))
    reviews = [
        (claim_keys[r["claim_id"]], sorted((k, v) for k, v in r.items() if k not in ID_KEYS))
        for r in db["reviews"].rows_where(order_by="id")
    ]
    sources = sorted(
        (sorted((k, v) for k, v in row.items() if k != "id") for row in db["sources"].rows),
        key=repr,
    )
    return {
        "sources": sources,
        "claims": sorted(claims, key=repr),
        "reviews": sorted(reviews, key=repr),
    }


def without_ids(value):
    if isinstance(value, dict):
        return {k: without_ids(v) for k, v in value.items() if k not in ID_KEYS | RUN_KEYS}
    if isinstance(value, list):
        return [without_ids(v) for v in value]
    return value


def file_content(path, fmt: str):
    """An export file's data, ids and run details left out."""
    data = path.read_bytes()
    if fmt == "json":
        return without_ids(json.loads(data))
    if fmt == "jsonl":
        return [without_ids(json.loads(line)) for line in data.splitlines()]
    if fmt == "csv":
        return without_ids(list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))))
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheets = {}
    for sheet in workbook.worksheets:
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        records = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
        if sheet.title == "export":
            records = [r for r in records if r["key"] not in RUN_KEYS]
        sheets[sheet.title] = without_ids(records)
    return sheets


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt", IMPORTABLE)
def test_export_import_export_gives_the_same_data(ledger, tmp_path, fmt):
    db, _ = ledger
    first = export_to(db, tmp_path, fmt, "first")
    restored = fresh_db(tmp_path, "restored")
    summary = import_file(restored, first)
    assert summary["sources_added"] == 2
    assert summary["claims_added"] == 5
    assert summary["reviews_added"] == 7
    assert summary["manifest"] == "matches"
    assert ledger_content(restored) == ledger_content(db)
    second = export_to(restored, tmp_path, fmt, "second")
    assert file_content(second, fmt) == file_content(first, fmt)


@pytest.mark.parametrize("fmt", IMPORTABLE)
def test_a_round_trip_across_many_small_batches(ledger, tmp_path, monkeypatch, fmt):
    db, _ = ledger
    monkeypatch.setattr(reading, "BATCH_SIZE", 2)
    monkeypatch.setattr(reading, "SOURCE_BATCH_SIZE", 1)
    monkeypatch.setattr(reading, "SMALL_RESULT", 0)  # the large-export query plan
    restored = fresh_db(tmp_path, "restored")
    import_file(restored, export_to(db, tmp_path, fmt))
    assert ledger_content(restored) == ledger_content(db)


@pytest.mark.parametrize("fmt", IMPORTABLE)
def test_import_undoes_the_spreadsheet_escaping(ledger, tmp_path, fmt):
    db, ids = ledger
    restored = fresh_db(tmp_path, "restored")
    import_file(restored, export_to(db, tmp_path, fmt))
    claims = list(restored["claims"].rows_where(order_by="id"))
    assert claims[0]["subject"] == HOSTILE_SUBJECT
    assert claims[0]["speaker"] == HOSTILE_SPEAKER
    assert claims[0]["value"] == -8.5
    assert claims[1]["hedge"] == TAB_TEXT
    assert claims[2]["approx"] == "+1"
    notes = [r["note"] for r in restored["reviews"].rows_where(order_by="id")]
    assert notes[:2] == ["-cmd", "+1"]
    assert restored["sources"].get(1)["title"] == "+North Korea's economy"


@pytest.mark.parametrize("fmt", IMPORTABLE)
def test_statuses_edits_and_history_come_back(ledger, tmp_path, fmt):
    db, ids = ledger
    restored = fresh_db(tmp_path, "restored")
    import_file(restored, export_to(db, tmp_path, fmt))
    statuses = [c["status"] for c in restored["claims"].rows_where(order_by="id")]
    assert statuses == ["false", "verified", "unreviewed", "misleading", "unverifiable"]
    inflation = list(restored["claims"].rows_where("value = 4.3"))[0]
    assert json.loads(inflation["edited"]) == ["subject", "value"]
    fields = [r["field"] for r in store.reviews_of(restored, inflation["id"])]
    assert fields == ["status", "value", "subject"]
    # The full-text index is filled for imported claims too.
    found = restored.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'unemployment'")
    assert len(found.fetchall()) == 1


def test_a_long_article_with_control_characters_survives_excel(db, tmp_path):
    text = FIRST_ARTICLE + "\x0c page two _x0041_ " + "words " * 12_000
    store.add_source(db, text, [claim_for(text, "8.5 per cent", -8.5)], url="https://x.example")
    path = export_to(db, tmp_path, "xlsx")
    workbook = openpyxl.load_workbook(path, read_only=True)
    assert workbook["sources"]["L2"].value > 1  # text_parts: the article spilled over
    workbook.close()
    restored = fresh_db(tmp_path, "restored")
    import_file(restored, path)
    assert restored["sources"].get(1)["text"] == text


def test_a_csv_whose_rows_were_re_sorted_still_imports(ledger, tmp_path):
    db, _ = ledger
    path = export_to(db, tmp_path, "csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:  # keep CR LF in articles
        rows = list(csv.reader(handle))
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([rows[0], *reversed(rows[1:])])
    restored = fresh_db(tmp_path, "restored")
    summary = import_file(restored, path)
    assert summary["manifest"].startswith("differs")
    assert (summary["sources_added"], summary["claims_added"]) == (2, 5)


# ---------------------------------------------------------------- merging


@pytest.mark.parametrize("fmt", IMPORTABLE)
def test_importing_twice_duplicates_nothing(ledger, tmp_path, fmt):
    db, _ = ledger
    path = export_to(db, tmp_path, fmt)
    restored = fresh_db(tmp_path, "restored")
    import_file(restored, path)
    before = ledger_content(restored)
    summary = import_file(restored, path)
    assert summary["sources_added"] == 0 and summary["sources_matched"] == 2
    assert summary["claims_added"] == 0 and summary["claims_skipped"] == 5
    assert summary["reviews_added"] == 0
    assert ledger_content(restored) == before


def test_importing_into_a_ledger_that_has_one_article_merges(ledger, tmp_path):
    db, _ = ledger
    path = export_to(db, tmp_path, "jsonl")
    other = fresh_db(tmp_path, "other")
    # The same first article, stored with one claim the export also has and one it has not.
    store.add_source(
        other,
        FIRST_ARTICLE,
        [
            claim_for(FIRST_ARTICLE, "5,000", 5000, unit="delegate"),
            claim_for(FIRST_ARTICLE, "2020", 2020, kind="numeric"),
        ],
        title="kept title",
    )
    summary = import_file(other, path)
    assert (summary["sources_added"], summary["sources_matched"]) == (1, 1)
    assert (summary["claims_added"], summary["claims_skipped"]) == (4, 1)
    assert other["sources"].count == 2
    assert other["claims"].count == 6
    assert other["sources"].get(1)["title"] == "kept title"


# ---------------------------------------------------------------- files that are wrong


@pytest.mark.parametrize(
    ("field", "value"),
    [("via", ["x"]), ("confidence", "NaN"), ("sentence_end", 10**30), ("unit", 5), ("id", True)],
)
def test_wrongly_typed_values_are_user_errors(ledger, tmp_path, field, value):
    db, _ = ledger
    path = export_to(db, tmp_path, "jsonl")
    records = [json.loads(line) for line in path.read_text().splitlines()]
    next(r for r in records if r["type"] == "claim")[field] = value
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    restored = fresh_db(tmp_path, "restored")
    with pytest.raises(ClaimsError, match=field):
        import_file(restored, path)
    assert (restored["sources"].count, restored["claims"].count) == (0, 0)


def test_a_number_typed_into_a_spreadsheet_text_cell_is_read_as_text(ledger, tmp_path):
    db, _ = ledger
    path = export_to(db, tmp_path, "xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["claims"]
    column = [cell.value for cell in sheet[1]].index("subject") + 1
    sheet.cell(row=2, column=column, value=2023)
    workbook.save(path)
    restored = fresh_db(tmp_path, "restored")
    import_file(restored, path)
    assert restored["claims"].get(1)["subject"] == "2023"


def test_one_way_formats_are_refused(ledger, tmp_path):
    db, _ = ledger
    path = export_to(db, tmp_path, "parquet")
    with pytest.raises(ClaimsError, match="one-way"):
        import_file(fresh_db(tmp_path, "r"), path)


def test_a_claimreview_file_is_refused_with_a_reason(ledger, tmp_path):
    db, _ = ledger
    path = tmp_path / "reviews.json"
    path.write_bytes(export.export_bytes(db, None, "claimreview", org="Org"))
    with pytest.raises(ClaimsError, match="ClaimReview"):
        import_file(fresh_db(tmp_path, "r"), path)


def test_a_bad_row_leaves_the_database_unchanged(ledger, tmp_path):
    db, _ = ledger
    path = export_to(db, tmp_path, "jsonl")
    lines = path.read_text().splitlines()
    broken = json.loads(lines[6])
    broken["sentence"] = "A sentence the article does not contain."
    lines[6] = json.dumps(broken)
    path.write_text("\n".join(lines) + "\n")
    restored = fresh_db(tmp_path, "restored")
    with pytest.raises(ClaimsError, match="does not match its article"):
        import_file(restored, path)
    assert (restored["sources"].count, restored["claims"].count) == (0, 0)


def test_a_claim_before_its_source_is_an_error(ledger, tmp_path):
    db, _ = ledger
    path = export_to(db, tmp_path, "jsonl")
    lines = path.read_text().splitlines()
    path.write_text("\n".join([lines[2], *lines[:2], *lines[3:]]) + "\n")
    with pytest.raises(ClaimsError, match="not in the file"):
        import_file(fresh_db(tmp_path, "r"), path)


def test_garbage_is_a_user_error(tmp_path):
    for name, content in (
        ("x.jsonl", "not json\n"),
        ("x.json", "{"),
        ("x.csv", "a,b\n1,2\n"),
        ("x.xlsx", "not a zip"),
    ):
        path = tmp_path / name
        path.write_text(content)
        with pytest.raises(ClaimsError):
            import_file(fresh_db(tmp_path, name), path)
    with pytest.raises(ClaimsError, match="No file"):
        import_file(fresh_db(tmp_path, "none"), tmp_path / "missing.csv")


# ---------------------------------------------------------------- a restore loses nothing

CLAIMLESS_ARTICLE = "A short note about the weather, with no figure in it at all."


@pytest.mark.parametrize("fmt", IMPORTABLE)
def test_a_whole_ledger_restore_brings_back_articles_without_claims(ledger, tmp_path, fmt):
    db, _ = ledger
    store.add_source(db, CLAIMLESS_ARTICLE, [], title="Weather note", url="https://w.example")
    restored = fresh_db(tmp_path, "restored")
    summary = import_file(restored, export_to(db, tmp_path, fmt))
    assert summary["sources_added"] == 3
    assert ledger_content(restored) == ledger_content(db)
    note = next(restored["sources"].rows_where("title = 'Weather note'"))
    assert (note["text"], note["url"]) == (CLAIMLESS_ARTICLE, "https://w.example")


def test_a_filtered_export_carries_only_the_sources_of_its_claims(ledger, tmp_path):
    db, _ = ledger
    store.add_source(db, CLAIMLESS_ARTICLE, [], title="Weather note")
    path = tmp_path / "verified.jsonl"
    export.write_export(db, ClaimFilter(status=["verified"]), "jsonl", path)
    kinds = [json.loads(line)["type"] for line in path.read_text().splitlines()]
    assert kinds.count("source") == 1


def rewrite_jsonl(path, change) -> None:
    """Apply `change` to the file's records (a list of dicts), as someone editing it would."""
    records = [json.loads(line) for line in path.read_text().splitlines()]
    change(records)
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")


def stored_counts(db) -> tuple[int, int, int]:
    return db["sources"].count, db["claims"].count, db["reviews"].count


def test_two_claims_with_one_id_are_refused_naming_the_id(ledger, tmp_path):
    db, ids = ledger
    path = export_to(db, tmp_path, "jsonl")

    def give_the_delegates_the_gdp_id(records):
        delegates = next(r for r in records if r["type"] == "claim" and r["id"] == ids["delegates"])
        delegates["id"] = ids["gdp"]

    rewrite_jsonl(path, give_the_delegates_the_gdp_id)
    restored = fresh_db(tmp_path, "restored")
    with pytest.raises(ClaimsError, match=rf"same id.*\b{ids['gdp']}\b"):
        import_file(restored, path)
    assert stored_counts(restored) == (0, 0, 0)


def test_two_csv_rows_of_one_claim_id_are_refused(ledger, tmp_path):
    db, ids = ledger
    path = export_to(db, tmp_path, "csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[2]["id"] = rows[1]["id"]
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    restored = fresh_db(tmp_path, "restored")
    with pytest.raises(ClaimsError, match=rf"same id.*\b{rows[1]['id']}\b"):
        import_file(restored, path)
    assert stored_counts(restored) == (0, 0, 0)


def test_two_sources_with_one_id_are_refused(ledger, tmp_path):
    db, _ = ledger
    path = export_to(db, tmp_path, "jsonl")

    def give_both_sources_id_1(records):
        for record in records:
            if record["type"] == "source":
                record["id"] = 1

    rewrite_jsonl(path, give_both_sources_id_1)
    restored = fresh_db(tmp_path, "restored")
    with pytest.raises(ClaimsError, match=r"same id.*\b1\b"):
        import_file(restored, path)
    assert stored_counts(restored) == (0, 0, 0)


@pytest.mark.parametrize("fmt", IMPORTABLE)
def test_an_article_with_a_nul_character_round_trips(db, tmp_path, fmt):
    # Ingest keeps a NUL as it keeps any character, so offsets count it: the
    # import must compare the sentence with the article as Python reads it.
    text = "Wire copy\x00 garbled.\n" + FIRST_ARTICLE
    store.add_source(db, text, [claim_for(text, "8.5 per cent", -8.5, unit="percent")])
    restored = fresh_db(tmp_path, "restored")
    summary = import_file(restored, export_to(db, tmp_path, fmt))
    assert (summary["sources_added"], summary["claims_added"]) == (1, 1)
    assert ledger_content(restored) == ledger_content(db)
    assert restored["sources"].get(1)["text"] == text


# ---------------------------------------------------------------- restoring review work


def statuses_and_logs(db) -> dict:
    """Each claim's status and review log, by the claim's sentence and surface."""
    found = {}
    for claim in db["claims"].rows_where(order_by="id"):
        log = [
            (r["at"], r["reviewer"], r["field"], r["old"], r["new"], r["note"])
            for r in store.reviews_of(db, claim["id"])
        ]
        found[(claim["sentence"], claim["surface"])] = (claim["status"], sorted(log))
    return found


@pytest.fixture
def unreviewed_twin(ledger, tmp_path):
    """A second ledger holding the same articles and claims, none of them reviewed yet."""
    db, _ = ledger
    path = export_to(db, tmp_path, "jsonl", "unreviewed")

    def forget_the_reviews(records):
        records[:] = [r for r in records if r["type"] != "review"]
        for record in records:
            if record["type"] == "claim":
                record.update(status="unreviewed", edited="[]")

    rewrite_jsonl(path, forget_the_reviews)
    twin = fresh_db(tmp_path, "twin")
    import_file(twin, path)
    return twin


def test_reviews_of_claims_already_stored_are_merged_in(ledger, unreviewed_twin, tmp_path):
    db, _ = ledger
    summary = import_file(unreviewed_twin, export_to(db, tmp_path, "jsonl"))
    assert (summary["claims_added"], summary["claims_skipped"]) == (0, 5)
    assert (summary["reviews_added"], summary["reviews_skipped"]) == (7, 0)
    assert summary["conflicts"] == []
    assert statuses_and_logs(unreviewed_twin) == statuses_and_logs(db)
    inflation = next(unreviewed_twin["claims"].rows_where("value = 4.3"))
    assert json.loads(inflation["edited"]) == ["subject", "value"]


def test_merging_one_file_twice_adds_nothing_the_second_time(ledger, unreviewed_twin, tmp_path):
    db, _ = ledger
    path = export_to(db, tmp_path, "csv")
    import_file(unreviewed_twin, path)
    before = ledger_content(unreviewed_twin)
    summary = import_file(unreviewed_twin, path)
    assert (summary["reviews_added"], summary["reviews_skipped"]) == (0, 7)
    assert ledger_content(unreviewed_twin) == before


def test_a_later_local_review_wins_and_the_conflict_is_reported(ledger, unreviewed_twin, tmp_path):
    db, ids = ledger
    path = export_to(db, tmp_path, "jsonl")

    def date_the_file_reviews_back(records):
        for record in records:
            if record["type"] == "review":
                record["at"] = "2020-01-01T00:00:00+00:00"

    rewrite_jsonl(path, date_the_file_reviews_back)
    gdp = next(unreviewed_twin["claims"].rows_where("value = -8.5"))["id"]
    store.set_status(unreviewed_twin, gdp, "disputed", note="local check", reviewer="dee")
    summary = import_file(unreviewed_twin, path)
    assert summary["reviews_added"] == 7  # the file's log is kept whole, as history
    assert store.get_claim(unreviewed_twin, gdp)["status"] == "disputed"
    assert len(summary["conflicts"]) == 1
    assert f"Claim {gdp}" in summary["conflicts"][0] and "disputed" in summary["conflicts"][0]
    # The other claims, reviewed only in the file, take the file's status.
    statuses = [c["status"] for c in unreviewed_twin["claims"].rows_where(order_by="id")]
    assert statuses == ["disputed", "verified", "unreviewed", "misleading", "unverifiable"]


# ---------------------------------------------------------------- values that break the ledger


def claim_record(records, claim_id):
    return next(r for r in records if r["type"] == "claim" and r["id"] == claim_id)


def review_records(records, claim_id):
    return [r for r in records if r["type"] == "review" and r["claim_id"] == claim_id]


@pytest.mark.parametrize(
    ("field", "value", "complaint"),
    [
        ("edited", "{not json", "edited"),
        ("edited", '["colour"]', "edited"),
        ("confidence", 1e300, "confidence"),
        ("confidence", -0.1, "confidence"),
        ("low", 9.0, "low"),
        ("surface_end", 10_000, "surface"),
        ("surface_start", -1, "surface"),
        ("status", "checked", "status"),
        ("vanished", 7, "vanished"),
    ],
)
def test_a_claim_value_outside_the_record_rules_is_refused(
    ledger, tmp_path, field, value, complaint
):
    db, ids = ledger
    path = export_to(db, tmp_path, "jsonl")

    def spoil(records):
        claim = claim_record(records, ids["delegates"])
        claim[field] = value
        if field == "low":
            claim["high"] = 1.0  # low above high

    rewrite_jsonl(path, spoil)
    restored = fresh_db(tmp_path, "restored")
    with pytest.raises(ClaimsError, match=rf"Claim {ids['delegates']}\b.*{complaint}") as raised:
        import_file(restored, path)
    assert "Nothing was imported" in str(raised.value)
    assert stored_counts(restored) == (0, 0, 0)


@pytest.mark.parametrize(
    ("field", "value", "complaint"),
    [
        ("field", "colour", "field"),
        ("new", "checked", "new"),
        ("old", "maybe", "old"),
        ("evidence_url", "javascript:alert(1)", "evidence_url"),
    ],
)
def test_a_review_value_outside_the_record_rules_is_refused(
    ledger, tmp_path, field, value, complaint
):
    db, ids = ledger
    path = export_to(db, tmp_path, "jsonl")
    rewrite_jsonl(
        path, lambda records: review_records(records, ids["sales"])[0].update({field: value})
    )
    restored = fresh_db(tmp_path, "restored")
    with pytest.raises(ClaimsError, match=rf"claim {ids['sales']}\b.*{complaint}"):
        import_file(restored, path)
    assert stored_counts(restored) == (0, 0, 0)


@pytest.mark.parametrize("fmt", ("jsonl", "csv"))
def test_a_status_its_review_log_contradicts_is_refused(ledger, tmp_path, fmt):
    db, ids = ledger
    claim = store.get_claim(db, ids["sales"])
    # The claim says verified while its log's last word is unverifiable.
    db.execute("UPDATE claims SET status = 'verified' WHERE id = ?", [claim["id"]])
    db.conn.commit()
    restored = fresh_db(tmp_path, "restored")
    with pytest.raises(ClaimsError, match=rf"Claim {ids['sales']}\b.*status.*unverifiable"):
        import_file(restored, export_to(db, tmp_path, fmt))
    assert stored_counts(restored) == (0, 0, 0)


def test_a_status_with_no_review_in_its_log_is_refused(ledger, tmp_path):
    db, ids = ledger
    path = export_to(db, tmp_path, "jsonl")
    rewrite_jsonl(
        path, lambda records: claim_record(records, ids["delegates"]).update(status="false")
    )
    restored = fresh_db(tmp_path, "restored")
    with pytest.raises(ClaimsError, match=rf"Claim {ids['delegates']}\b.*status"):
        import_file(restored, path)
    assert stored_counts(restored) == (0, 0, 0)


# ---------------------------------------------------------------- limits


@pytest.mark.parametrize("fmt", ("jsonl", "csv"))
def test_an_article_larger_than_ingest_takes_is_refused_by_name(ledger, tmp_path, fmt):
    db, ids = ledger
    huge = "Padding words. " * (MAX_TEXT_BYTES // 15 + 1)
    store.add_source(db, huge, [], title="The huge one")  # as a ledger built before the limit
    restored = fresh_db(tmp_path, "restored")
    with pytest.raises(ClaimsError, match=r"Source 3 \(The huge one\) is too large.*MB") as raised:
        import_file(restored, export_to(db, tmp_path, fmt))
    assert "Nothing was imported" in str(raised.value)
    assert stored_counts(restored) == (0, 0, 0)
