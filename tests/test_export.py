"""Exports: every format read back and checked, provenance, manifests, spreadsheet safety."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import UTC, date, datetime

import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest

from claims import config, export, store
from claims.export import api, reading, safety
from claims.export.formats import xlsxfile
from claims.importer import import_file
from claims.model import EXTRACTOR_VERSION, VERDICT_STATUSES, ClaimsError
from claims.query import ClaimFilter
from claims.schema import NUL_TRACKED_COLUMNS
from tests.ledger_data import (
    FIRST_ARTICLE,
    HOSTILE_SPEAKER,
    HOSTILE_SUBJECT,
    SECOND_ARTICLE,
    TAB_TEXT,
    build_hostile_ledger,
)

RISKY_START = ("=", "+", "-", "@", "\t", "\r", "\0")
PROVENANCE = (
    "source_url",
    "source_title",
    "source_publisher",
    "source_published",
    "sentence",
    "status",
    "status_note",
    "edit_note",
    "last_reviewer",
    "last_review_date",
)


@pytest.fixture(autouse=True)
def no_settings(tmp_path, monkeypatch):
    """Keep the developer's settings file and environment out of these tests."""
    monkeypatch.setattr(config, "SETTINGS_FILE", tmp_path / "no-settings.toml")
    for name in (config.ORG_ENV_VAR, config.ORG_URL_ENV_VAR, config.REVIEW_URL_ENV_VAR):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def ledger(db):
    return db, build_hostile_ledger(db)


def csv_rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def by_id(rows: list[dict], key: str = "id") -> dict:
    return {int(row[key]): row for row in rows}


# ---------------------------------------------------------------- the API the dashboard uses


def test_every_format_has_an_extension_and_a_mime_type():
    assert set(export.FORMATS) == {"csv", "json", "jsonl", "xlsx", "parquet", "claimreview"}
    for extension, mime in export.FORMATS.values():
        assert extension.isalnum() and "/" in mime


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "xlsx", "parquet"])
def test_export_bytes_holds_the_filtered_view(ledger, fmt):
    db, ids = ledger
    data = export.export_bytes(db, ClaimFilter(status=["false", "verified"]), fmt)
    manifest = export.export_manifest(db, ClaimFilter(status=["false", "verified"]), fmt, data)
    assert manifest["row_count"] == 2
    assert manifest["sha256"] == hashlib.sha256(data).hexdigest()
    assert manifest["filters"] == {"status": ["false", "verified"]}


@pytest.mark.parametrize("fmt", list(export.FORMATS))
def test_an_empty_view_is_a_valid_empty_file(ledger, fmt):
    db, _ = ledger
    data = export.export_bytes(db, ClaimFilter(search="nothingmatchesthis"), fmt, org="Org")
    if fmt == "csv":
        assert csv_rows(data) == []
    elif fmt == "json":
        document = json.loads(data)
        assert document["sources"] == document["claims"] == document["reviews"] == []
    elif fmt in ("jsonl",):
        assert data == b""
    elif fmt == "claimreview":
        assert json.loads(data) == []
    elif fmt == "xlsx":
        assert load_xlsx(data)["claims"].max_row == 1
    else:
        assert pq.read_table(io.BytesIO(data)).num_rows == 0


def test_export_with_manifest_gives_the_file_and_its_manifest_from_one_snapshot(ledger):
    db, _ = ledger
    data, manifest = export.export_with_manifest(db, None, "jsonl")
    assert manifest["sha256"] == hashlib.sha256(data).hexdigest()
    assert manifest["counts"] == {
        "sources": 2,
        "claims": 5,
        "reviews": 7,
        # A whole-ledger export is a backup: it counts the decision logs, empty or not.
        "source_reviews": 0,
        "key_merges": 0,
        "claim_splits": 0,
        "assignment_log": 0,
        "comments": 0,
    }
    assert manifest["database_revision"] == store.revision(db)


def test_an_unknown_format_is_a_user_error(ledger):
    db, _ = ledger
    with pytest.raises(ClaimsError, match="Unknown export format"):
        export.export_bytes(db, None, "docx")


# ---------------------------------------------------------------- CSV


def test_csv_rows_carry_claims_and_their_provenance(ledger):
    db, ids = ledger
    rows = by_id(csv_rows(export.export_bytes(db, None, "csv")))
    assert set(rows) == {
        ids["gdp"],
        ids["inflation"],
        ids["delegates"],
        ids["unemployment"],
        ids["sales"],
    }
    gdp = rows[ids["gdp"]]
    for column in PROVENANCE:
        assert column in gdp
    assert gdp["source_url"] == "https://news.example/nk?a=1&b=2"
    assert gdp["source_publisher"] == "Example News"
    assert gdp["source_published"] == "2021-01-06"
    assert gdp["sentence"] == FIRST_ARTICLE.splitlines()[0]
    assert gdp["status"] == "false"
    assert gdp["status_note"] == "'+1"  # escaped: a note of +1
    assert gdp["last_reviewer"] == "ann"
    assert gdp["last_review_date"] == db["reviews"].get(2)["at"]
    assert [r["new"] for r in json.loads(gdp["review_history"])] == ["in_review", "false"]
    # The field edit after the status note carries no note: the status note stays.
    inflation = rows[ids["inflation"]]
    assert inflation["status_note"] == "checked the bulletin"
    assert inflation["edit_note"] == ""
    assert rows[ids["delegates"]]["status_note"] == ""
    assert rows[ids["delegates"]]["review_history"] == ""


def test_csv_escapes_formula_like_text_and_keeps_numbers_as_numbers(ledger):
    db, ids = ledger
    data = export.export_bytes(db, None, "csv")
    rows = by_id(csv_rows(data))
    gdp, inflation, delegates = rows[ids["gdp"]], rows[ids["inflation"]], rows[ids["delegates"]]
    assert gdp["subject"] == "'" + HOSTILE_SUBJECT
    assert gdp["speaker"] == "'" + HOSTILE_SPEAKER
    assert gdp["source_title"] == "'+North Korea's economy"
    assert inflation["subject"] == "'@inflation"
    assert inflation["hedge"] == "'" + TAB_TEXT
    assert delegates["approx"] == "'+1"
    assert gdp["value"] == "-8.5"  # a number, not the text '-8.5
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert frame.loc[frame["id"] == ids["gdp"], "value"].item() == -8.5
    assert frame["value"].dtype.kind == "f"
    numeric = export.INTEGER_COLUMNS | export.REAL_COLUMNS
    for row in rows.values():
        for column, cell in row.items():
            if column not in numeric and cell:
                assert not cell.startswith(RISKY_START), (column, cell)


def test_csv_gives_each_article_text_once_on_the_first_row_of_its_source(ledger):
    db, ids = ledger
    rows = csv_rows(export.export_bytes(db, None, "csv"))
    texts = [(int(r["source_id"]), r["source_text"]) for r in rows if r["source_text"]]
    first, second = ids["sources"]
    assert [source_id for source_id, _ in texts] == [first, second]
    # Neither article begins with a risky character, so both are verbatim (CR LF kept).
    assert dict(texts) == {first: FIRST_ARTICLE, second: SECOND_ARTICLE}


def test_csv_export_crosses_batches_without_losing_rows_or_texts(ledger, monkeypatch):
    db, _ = ledger
    monkeypatch.setattr(reading, "BATCH_SIZE", 2)
    rows = csv_rows(export.export_bytes(db, None, "csv"))
    assert [int(r["id"]) for r in rows] == sorted(int(r["id"]) for r in rows)
    assert len(rows) == 5
    assert sum(1 for r in rows if r["source_text"]) == 2


def test_csv_keeps_every_digit_and_every_character(db):
    from tests.ledger_data import claim_for

    # SQLite prints 0.1 + 0.2 as 0.3 and stops a printf at a NUL: Python writes those.
    text = 'Growth was 0.3 per cent, "said" a back\x00slash, \U0001f600 speaker.'
    claim = claim_for(text, "0.3 per cent", 0.1 + 0.2, confidence=1 / 3, subject="=\x00x")
    store.add_source(db, text, [claim], title='"quoted", title')
    (row,) = csv_rows(export.export_bytes(db, None, "csv"))
    assert float(row["value"]) == 0.1 + 0.2 and float(row["confidence"]) == 1 / 3
    assert row["sentence"] == text and row["subject"] == "'=\x00x"
    assert row["source_title"] == '"quoted", title' and row["source_text"] == text
    assert row["low"] == "" and row["status_note"] == ""


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_text_smuggled_into_a_number_column_is_exported_as_escaped_text(ledger, fmt):
    db, ids = ledger
    # Only a hand-edited database holds these: the store and the importer check types.
    db.execute("UPDATE claims SET value = '=1+1', sentence_start = '@x' WHERE id = ?", [ids["gdp"]])
    db.conn.commit()
    data = export.export_bytes(db, ClaimFilter(status=["false"]), fmt)
    if fmt == "csv":
        (row,) = csv_rows(data)
    else:
        (row,) = [json.loads(line) for line in data.splitlines() if b'"type":"claim"' in line]
    assert row["value"] == ("'=1+1" if fmt == "csv" else "=1+1")
    assert row["sentence_start"] == ("'@x" if fmt == "csv" else "@x")


def test_every_text_the_csv_prints_through_sql_is_watched_for_nul():
    # The export checks rows for NUL only when the ledger's count says one exists.
    printed = set(export.CLAIM_COLUMNS) - export.INTEGER_COLUMNS - export.REAL_COLUMNS
    assert printed <= set(NUL_TRACKED_COLUMNS)


def test_csv_quotes_text_and_leaves_numbers_bare(ledger):
    db, ids = ledger
    lines = export.export_bytes(db, ClaimFilter(status=["unverifiable"]), "csv").decode("utf-8-sig")
    header, line = lines.split("\r\n")[:2]
    assert header.startswith('"id","source_id","kind","sentence","sentence_start",')
    assert line.startswith(f'{ids["sales"]},{ids["sources"][1]},"numeric","Sales of ""=HYPERLINK""')
    assert ',12.0,,,"percent",' in line  # value, then low and high missing, then the unit


def test_a_write_during_an_export_does_not_tear_it(ledger, tmp_path, monkeypatch):
    db, ids = ledger
    path = tmp_path / "claims.db"
    real_stream = reading.stream
    wrote = []

    def stream_with_a_write_after_the_first_batch(*args, **kwargs):
        yield from real_stream(*args, **kwargs)
        if not wrote:  # another process changes the ledger between sections
            other = store.connect(path)
            store.set_status(other, ids["sales"], "false", note="late", reviewer="zed")
            other.close()
            wrote.append(True)

    monkeypatch.setattr(reading, "stream", stream_with_a_write_after_the_first_batch)
    data, manifest = export.export_with_manifest(db, None, "json")
    document = json.loads(data)
    assert wrote
    assert by_id(document["claims"])[ids["sales"]]["status"] == "unverifiable"  # as it began
    assert len(document["reviews"]) == 7
    assert manifest["database_revision"] < store.revision(db)


# ---------------------------------------------------------------- JSON and JSON Lines


def test_json_holds_sources_claims_and_reviews_unescaped(ledger):
    db, ids = ledger
    document = json.loads(export.export_bytes(db, None, "json"))
    assert document["format"] == export.GENERATOR
    assert [s["text"] for s in document["sources"]] == [FIRST_ARTICLE, SECOND_ARTICLE]
    claims = by_id(document["claims"])
    gdp = claims[ids["gdp"]]
    assert gdp["subject"] == HOSTILE_SUBJECT  # JSON is not a spreadsheet: no apostrophe
    assert gdp["value"] == -8.5 and isinstance(gdp["value"], float)
    assert gdp["status_note"] == "+1"
    assert set(PROVENANCE) <= set(gdp)
    assert len(document["reviews"]) == 7
    assert document["reviews"][0]["note"] == "-cmd"


def test_jsonl_lines_are_typed_sources_then_claims_then_reviews(ledger):
    db, _ = ledger
    lines = [json.loads(line) for line in export.export_bytes(db, None, "jsonl").splitlines()]
    types = [line["type"] for line in lines]
    assert types == ["source"] * 2 + ["claim"] * 5 + ["review"] * 7
    claim = lines[2]
    assert claim["value"] == -8.5 and claim["speaker"] == HOSTILE_SPEAKER
    assert claim["source_title"] == "+North Korea's economy"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_keeps_every_digit_and_every_character(db, fmt):
    from tests.ledger_data import claim_for

    text = 'Growth was 0.3 per cent, "said" a \\ back\x00slash \u2028 \U0001f600 speaker.'
    claim = claim_for(text, "0.3 per cent", 0.1 + 0.2, confidence=1 / 3, subject=text[-20:])
    store.add_source(db, text, [claim], title='\x01\t"quoted"')
    data = export.export_bytes(db, None, fmt)
    records = (
        json.loads(data)["claims"]
        if fmt == "json"
        else [json.loads(line) for line in data.splitlines() if b'"type":"claim"' in line]
    )
    (record,) = records
    assert record["value"] == 0.1 + 0.2 and record["confidence"] == 1 / 3
    assert record["sentence"] == text and record["subject"] == text[-20:]
    assert record["source_title"] == '\x01\t"quoted"'
    assert record["low"] is None


def test_a_filtered_export_has_only_the_sources_and_reviews_of_its_claims(ledger):
    db, ids = ledger
    document = json.loads(export.export_bytes(db, ClaimFilter(search="unemployment"), "json"))
    assert [c["id"] for c in document["claims"]] == [ids["unemployment"]]
    assert [s["id"] for s in document["sources"]] == [ids["sources"][1]]
    assert [r["claim_id"] for r in document["reviews"]] == [ids["unemployment"]]


# ---------------------------------------------------------------- Excel


def load_xlsx(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def sheet_dicts(sheet) -> list[dict]:
    rows = list(sheet.iter_rows())
    header = [cell.value for cell in rows[0]]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def test_xlsx_has_claims_sources_reviews_and_an_export_sheet(ledger):
    db, ids = ledger
    workbook = load_xlsx(export.export_bytes(db, None, "xlsx"))
    assert workbook.sheetnames == [
        "claims",
        "sources",
        "source_text",
        "reviews",
        # the decision logs a whole-ledger export (a backup) carries
        "source_reviews",
        "key_merges",
        "claim_splits",
        # and the team's work on the claims
        "assignment_log",
        "comments",
        "export",
    ]
    claims = {row["id"].value: row for row in sheet_dicts(workbook["claims"])}
    gdp = claims[ids["gdp"]]
    assert gdp["value"].value == -8.5 and gdp["value"].data_type == "n"
    assert gdp["subject"].value == "'" + HOSTILE_SUBJECT and gdp["subject"].data_type == "s"
    assert gdp["speaker"].value == "'" + HOSTILE_SPEAKER
    assert gdp["status_note"].value == "'+1"
    assert gdp["source_url"].value == "https://news.example/nk?a=1&b=2"
    assert claims[ids["inflation"]]["hedge"].value == "'" + TAB_TEXT
    sources = sheet_dicts(workbook["sources"])
    assert [s["text"].value for s in sources] == [FIRST_ARTICLE, SECOND_ARTICLE]
    assert len(sheet_dicts(workbook["reviews"])) == 7
    manifest = {row["key"].value: row["value"].value for row in sheet_dicts(workbook["export"])}
    assert manifest["row_count"] == 5
    assert manifest["database_revision"] == store.revision(db)
    assert manifest["extractor_version"] == EXTRACTOR_VERSION
    assert json.loads(manifest["filters"]) == {}
    assert manifest["exported_at"]


def test_no_xlsx_cell_is_a_formula_or_starts_like_one(ledger):
    db, _ = ledger
    workbook = load_xlsx(export.export_bytes(db, None, "xlsx"))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(RISKY_START), (sheet.title, cell.value)


def test_a_long_article_is_split_over_cells_that_fit():
    # Control characters grow fivefold when escaped (\x0c -> _x000C_): pieces shrink to fit.
    text = "Growth was 2 per cent in 2024." + "\x0c" * 10_000 + "x" * 70_000
    parts = export.xlsx_text_parts(text)
    assert len(parts) > 3 and all(len(p) <= export.XLSX_CELL_LIMIT for p in parts)
    assert "".join(export.xlsx_read_text(p) for p in parts) == text


def test_an_export_larger_than_a_sheet_is_refused_before_writing(ledger, monkeypatch):
    db, _ = ledger
    monkeypatch.setattr(xlsxfile, "XLSX_MAX_ROWS", 5)  # a header and four claims
    with pytest.raises(ClaimsError, match="narrow the filters"):
        export.export_bytes(db, None, "xlsx")
    assert export.export_bytes(db, ClaimFilter(status=["false"]), "xlsx")


# ---------------------------------------------------------------- Parquet


def test_parquet_keeps_types_and_carries_its_manifest(ledger):
    db, ids = ledger
    data = export.export_bytes(db, ClaimFilter(status=["false"]), "parquet")
    table = pq.read_table(io.BytesIO(data))
    assert table.num_rows == 1
    assert str(table.schema.field("value").type) == "double"
    assert str(table.schema.field("id").type) == "int64"
    row = table.to_pylist()[0]
    assert row["value"] == -8.5 and row["subject"] == HOSTILE_SUBJECT
    assert row["status_note"] == "+1" and row["source_published"] == "2021-01-06"
    manifest = export.parquet_manifest(io.BytesIO(data))
    assert manifest["row_count"] == 1
    assert manifest["filters"] == {"status": ["false"]}
    assert manifest["database_revision"] == store.revision(db)
    assert manifest["extractor_version"] == EXTRACTOR_VERSION


# ---------------------------------------------------------------- manifests beside the file


@pytest.mark.parametrize("fmt", list(export.FORMATS))
def test_write_export_writes_the_file_and_a_manifest_beside_it(ledger, tmp_path, fmt):
    db, _ = ledger
    path = tmp_path / f"out.{export.FORMATS[fmt][0]}"
    manifest = export.write_export(db, ClaimFilter(speaker=HOSTILE_SPEAKER), fmt, path, org="Org")
    beside = json.loads(export.manifest_path(path).read_text())
    assert beside == manifest
    assert manifest["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert manifest["row_count"] == 1
    assert manifest["filters"] == {"speaker": HOSTILE_SPEAKER}
    assert manifest["database_revision"] == store.revision(db)
    assert manifest["extractor_version"] == EXTRACTOR_VERSION
    assert manifest["exported_at"].endswith("+00:00")
    assert not list(tmp_path.glob(".*partial"))


def test_a_failed_export_leaves_no_file(ledger, tmp_path):
    db, _ = ledger
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(ClaimsError, match="organisation"):
        export.write_export(db, None, "claimreview", folder / "out.jsonld")
    assert list(folder.iterdir()) == []


# ---------------------------------------------------------------- ClaimReview

# Google's fact-check documentation (developers.google.com/search/docs/appearance/
# structured-data/factcheck): required and recommended properties.
CLAIMREVIEW_REQUIRED = ("claimReviewed", "reviewRating", "url")
CLAIMREVIEW_RECOMMENDED = ("author", "datePublished", "itemReviewed")
CLAIM_RECOMMENDED = ("appearance", "author", "datePublished")  # firstAppearance: unknown to us
RATING_REQUIRED = ("alternateName",)
RATING_RECOMMENDED = ("bestRating", "name", "ratingValue", "worstRating")


def claim_reviews(db, monkeypatch, **env) -> list[dict]:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return json.loads(export.export_bytes(db, None, "claimreview", org="Example Fact Check"))


def test_claimreview_has_one_review_per_verdict_with_googles_properties(ledger, monkeypatch):
    db, ids = ledger
    reviews = claim_reviews(
        db, monkeypatch, CLAIMS_REVIEW_URL="https://factcheck.example/claims/{id}"
    )
    verdicts = {ids["gdp"], ids["inflation"], ids["unemployment"], ids["sales"]}
    assert {int(r["url"].rsplit("/", 1)[1]) for r in reviews} == verdicts
    for review in reviews:
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        for key in CLAIMREVIEW_REQUIRED + CLAIMREVIEW_RECOMMENDED:
            assert review.get(key), key
        assert review["author"] == {"@type": "Organization", "name": "Example Fact Check"}
        date.fromisoformat(review["datePublished"])
        claim = review["itemReviewed"]
        assert claim["@type"] == "Claim"
        for key in CLAIM_RECOMMENDED:
            assert claim.get(key), key
        assert claim["appearance"]["@type"] == "CreativeWork"
        date.fromisoformat(claim["datePublished"])
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        for key in RATING_REQUIRED:
            assert rating.get(key), key


def test_claimreview_maps_status_speaker_source_and_review_date(ledger, monkeypatch):
    db, ids = ledger
    reviews = claim_reviews(db, monkeypatch)
    gdp = next(r for r in reviews if r["claimReviewed"].startswith("North Korea"))
    assert gdp["claimReviewed"] == FIRST_ARTICLE.splitlines()[0]
    assert gdp["url"] == "https://evidence.example/gdp"  # no template: the verdict's evidence
    assert gdp["itemReviewed"]["author"]["name"] == HOSTILE_SPEAKER
    assert gdp["itemReviewed"]["appearance"]["url"] == "https://news.example/nk?a=1&b=2"
    assert gdp["itemReviewed"]["appearance"]["datePublished"] == "2021-01-06"
    verdict_at = db["reviews"].get(2)["at"]
    assert gdp["datePublished"] == verdict_at[:10]
    rating = gdp["reviewRating"]
    assert rating["alternateName"] == "False"
    for key in RATING_RECOMMENDED:
        assert key in rating
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    names = sorted(r["reviewRating"]["alternateName"] for r in reviews)
    assert names == sorted(
        export.VERDICT_RATINGS[s][0] for s in VERDICT_STATUSES if s != "disputed"
    )


def test_claimreview_without_a_page_url_says_so_in_the_manifest(ledger):
    db, _ = ledger
    data, manifest = export.export_with_manifest(db, None, "claimreview", org="Org")
    reviews = json.loads(data)
    # Only the false verdict came with an evidence link; no review_url template is set.
    assert [r["url"] for r in reviews if "url" in r] == ["https://evidence.example/gdp"]
    assert manifest["claimreview_without_url"] == 3
    assert manifest["organisation"] == "Org"


def test_large_and_small_exports_give_the_same_file(ledger, monkeypatch):
    db, _ = ledger
    small = {fmt: export.export_bytes(db, None, fmt, org="O") for fmt in ("csv", "claimreview")}
    monkeypatch.setattr(reading, "SMALL_RESULT", 0)
    for fmt, data in small.items():
        assert export.export_bytes(db, None, fmt, org="O") == data


def test_claimreview_leaves_out_claims_without_a_verdict(ledger, monkeypatch):
    db, ids = ledger
    store.set_status(db, ids["unemployment"], "in_review", note="reopened", reviewer="cy")
    texts = [r["claimReviewed"] for r in claim_reviews(db, monkeypatch)]
    assert len(texts) == 3
    assert not any(text.startswith("Unemployment") for text in texts)
    assert not any("5,000 delegates" in text for text in texts)


def test_claimreview_needs_an_organisation(ledger, monkeypatch):
    db, _ = ledger
    with pytest.raises(ClaimsError, match="--org"):
        export.export_bytes(db, None, "claimreview")
    monkeypatch.setenv(config.ORG_ENV_VAR, "From The Environment")
    reviews = json.loads(export.export_bytes(db, None, "claimreview"))
    assert {r["author"]["name"] for r in reviews} == {"From The Environment"}


def test_the_organisation_can_come_from_the_settings_file(ledger, tmp_path, monkeypatch):
    db, _ = ledger
    settings = tmp_path / "settings.toml"
    settings.write_text('[organisation]\nname = "Settings Org"\nurl = "https://org.example"\n')
    monkeypatch.setattr(config, "SETTINGS_FILE", settings)
    review = json.loads(export.export_bytes(db, None, "claimreview"))[0]
    assert review["author"] == {
        "@type": "Organization",
        "name": "Settings Org",
        "url": "https://org.example",
    }
    assert config.reviewing_organisation("Explicit") == "Explicit"


# ---------------------------------------------------------------- the escaping itself


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        "+1",
        "-cmd",
        "@SUM(A1)",
        "\tx",
        "\rx",
        "\0x",
        "'=already quoted",
        "''-two",
        "'plain apostrophe",
        "plain",
        "",
        "-8.5",
    ],
)
def test_escaping_is_safe_and_reversible(text):
    escaped = export.escape_formula(text)
    assert not escaped.startswith(RISKY_START)
    assert export.unescape_formula(escaped) == text
    cell = export.xlsx_text(text)
    assert not cell.startswith(RISKY_START)
    assert export.xlsx_read_text(cell) == text


def test_the_sql_escape_agrees_with_the_python_one():
    import sqlite3

    conn = sqlite3.connect(":memory:")
    safety.register_escape_function(conn)
    sql = f"SELECT {safety.escaped_in_sql('?1')}"
    for text in [
        "=1",
        "+1",
        "-1",
        "@a",
        "\tx",
        "\rx",
        "\0x",
        "'=x",
        "'x",
        "''",
        "",
        "A",
        "a=1",
        "2024-01-01",
        "élan",
        "\u00a0=x",
        "😀",
        None,
    ]:
        expected = None if text is None else export.escape_formula(text)
        assert conn.execute(sql, [text]).fetchone()[0] == expected, repr(text)


def test_plain_text_is_left_alone():
    assert export.escape_formula("'plain apostrophe") == "'plain apostrophe"
    assert export.escape_formula("GDP") == "GDP"
    assert export.escape_ooxml("a_x0041_b\x0c") == "a_x005F_x0041_b_x000C_"


def test_a_view_too_large_to_build_in_memory_is_refused_with_the_way_out(ledger, monkeypatch):
    db, _ = ledger
    monkeypatch.setattr(api, "IN_MEMORY_LIMIT", 3)
    with pytest.raises(ClaimsError, match=r"More than 3 claims .*`python -m claims export`"):
        export.export_bytes(db, None, "csv")
    rows = csv_rows(export.export_bytes(db, ClaimFilter(status=["false", "verified"]), "csv"))
    assert len(rows) == 2


# ---------------------------------------------------------- the reasons, the article, the name


@pytest.fixture
def edited_then_reviewed(db):
    """A claim edited with a reason, then given a status with another reason."""
    ids = build_hostile_ledger(db)
    claim_id = ids["delegates"]
    store.update_claim(
        db,
        claim_id,
        {"value": 5100},
        expected_version=store.get_claim(db, claim_id)["version"],
        reviewer="dee",
        note="=the printed figure",
    )
    store.set_status(db, claim_id, "verified", note="party records", reviewer="eve")
    store.update_claim(  # a later edit without a reason: no reason to show
        db,
        ids["sales"],
        {"unit": "percentage point"},
        expected_version=store.get_claim(db, ids["sales"])["version"],
        reviewer="eve",
        note=None,
    )
    return db, ids


def exported_rows(db, fmt: str) -> dict[int, dict]:
    """The claim rows of a whole-ledger export in `fmt`, by id, as text a person reads."""
    data = export.export_bytes(db, None, fmt)
    if fmt == "csv":
        return by_id(csv_rows(data))
    if fmt == "jsonl":
        lines = [json.loads(line) for line in data.splitlines()]
        return by_id([line for line in lines if line["type"] == "claim"])
    if fmt == "json":
        return by_id(json.loads(data)["claims"])
    if fmt == "xlsx":
        sheet = sheet_dicts(load_xlsx(data)["claims"])
        return {row["id"].value: {k: c.value for k, c in row.items()} for row in sheet}
    return by_id(pq.read_table(io.BytesIO(data)).to_pylist())


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "xlsx", "parquet"])
def test_every_claim_row_keeps_why_its_status_was_set_apart_from_why_it_was_edited(
    edited_then_reviewed, fmt
):
    db, ids = edited_then_reviewed
    rows = exported_rows(db, fmt)
    delegates = rows[ids["delegates"]]
    escaped = "'" if fmt in ("csv", "xlsx") else ""  # spreadsheets never run the note
    assert delegates["status_note"] == "party records"
    assert delegates["edit_note"] == escaped + "=the printed figure"
    assert delegates["last_reviewer"] == "eve"
    # A later edit without a reason leaves the edit note empty and the status note as it was.
    assert rows[ids["sales"]]["edit_note"] in (None, "")
    assert rows[ids["sales"]]["status_note"] == "no data"
    assert rows[ids["gdp"]]["status_note"] == escaped + "+1"  # the status it has now


def test_csv_can_carry_the_article_text_on_every_row_and_still_restores(ledger, tmp_path):
    db, ids = ledger
    data = export.export_bytes(db, None, "csv", text_on_every_row=True)
    rows = csv_rows(data)
    articles = {int(ids["sources"][0]): FIRST_ARTICLE, int(ids["sources"][1]): SECOND_ARTICLE}
    assert len(rows) == 5
    assert all(row["source_text"] == articles[int(row["source_id"])] for row in rows)
    _, manifest = export.export_with_manifest(db, None, "csv", text_on_every_row=True)
    assert manifest["source_text"] == "on every row"
    assert manifest["counts"]["sources"] == 2
    path = tmp_path / "every-row.csv"
    path.write_bytes(data)
    summary = import_file(store.connect(tmp_path / "restored.db"), path)
    assert (summary["sources_added"], summary["claims_added"]) == (2, 5)


def test_excel_sheets_keep_their_header_in_view_with_filters_and_readable_widths(ledger):
    db, _ = ledger
    workbook = load_xlsx(export.export_bytes(db, None, "xlsx"))
    for sheet in workbook.worksheets:
        rows = sheet.max_row
        columns = openpyxl.utils.get_column_letter(sheet.max_column)
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref == f"A1:{columns}{rows}", sheet.title
    claims = workbook["claims"]
    header = [cell.value for cell in claims[1]]

    def width(name: str) -> float:
        return claims.column_dimensions[
            openpyxl.utils.get_column_letter(header.index(name) + 1)
        ].width

    assert width("sentence") > width("status_note") > width("status") > width("id")
    assert claims.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(header))}6"


def test_a_downloads_manifest_names_the_file_for_its_ledger_filters_and_day(ledger):
    db, _ = ledger
    _, manifest = export.export_with_manifest(db, ClaimFilter(status=["false"]), "csv")
    today = datetime.now(UTC).date().isoformat()
    assert manifest["file"] == f"claims_status-false_{today}.csv"
