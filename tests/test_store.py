"""Storage: dedupe, the review log, optimistic concurrency, migrations, FTS."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import date

import pytest
import sqlite_utils

from claims import store
from claims.model import ClaimsError, ConflictError
from claims.schema import NUL_TRACKED_COLUMNS, migrations
from tests.conftest import ARTICLE, numeric_claim


def fts_ids(db, word: str) -> list[int]:
    rows = db.execute("SELECT claim_id FROM claims_fts WHERE claims_fts MATCH ?", [word])
    return sorted(r[0] for r in rows.fetchall())


def test_the_same_content_is_stored_once(db):
    first, created = store.add_source(db, ARTICLE, title="one")
    again, created_again = store.add_source(db, "  " + ARTICLE.replace(" ", "\n  "), title="two")
    assert created is True
    assert (again, created_again) == (first, False)
    assert db["sources"].count == 1
    assert db["sources"].get(first)["title"] == "one"


def test_adding_a_source_stores_its_claims_with_sentence_and_period_bounds(stored):
    db, source_id, ids = stored
    claim = store.get_claim(db, ids[0])
    assert claim["source_id"] == source_id
    assert claim["sentence"].startswith("North Korea's economy likely shrank")
    assert claim["surface"] == "8.5 per cent"
    assert (claim["value"], claim["unit"], claim["period"]) == (-8.5, "percent", "2020")
    assert (claim["period_start"], claim["period_end"]) == ("2020-01-01", "2020-12-31")
    assert claim["published"] == "2021-01-06"
    assert (claim["status"], claim["version"], json.loads(claim["edited"])) == (
        "unreviewed",
        1,
        [],
    )


def test_adding_a_source_stores_its_fields_as_given(db):
    source_id, _ = store.add_source(
        db, ARTICLE, title="Growth slows", publisher="Acme News", published="2021-01-06"
    )
    source = store.get_source(db, source_id)
    assert (source["id"], source["text"], source["title"]) == (source_id, ARTICLE, "Growth slows")
    assert (source["publisher"], source["published"]) == ("Acme News", "2021-01-06")
    assert source["url"] is None and source["content_hash"] == store.content_hash(ARTICLE)


@pytest.mark.parametrize("bad_id", [999, "abc", None, 2**70])
def test_a_source_that_is_not_there_is_a_clear_error(db, bad_id):
    with pytest.raises(ClaimsError, match="No source with id"):
        store.get_source(db, bad_id)


def test_an_empty_article_is_refused_and_nothing_is_written(db):
    with pytest.raises(ClaimsError, match="empty"):
        store.add_source(db, "   \n ")
    assert db["sources"].count == 0


def test_a_failing_claim_rolls_back_its_source(db):
    bad = numeric_claim(ARTICLE, "5,000", 5000)
    bad.sentence_end = len(ARTICLE) + 10
    with pytest.raises(ClaimsError):
        store.add_source(db, ARTICLE, [bad])
    assert db["sources"].count == 0
    assert db["claims"].count == 0


def test_each_edited_field_gets_a_review_row_and_an_edited_mark(stored):
    db, _, ids = stored
    claim = store.update_claim(
        db,
        ids[0],
        {"value": "-8.4", "period": "2020-Q4", "subject": "North Korea"},
        expected_version=1,
        reviewer="ana",
        note="checked the Fitch report",
    )
    assert claim["value"] == -8.4
    assert (claim["period_start"], claim["period_end"]) == ("2020-10-01", "2020-12-31")
    assert claim["version"] == 2
    assert json.loads(claim["edited"]) == ["period", "value"]  # subject did not change
    reviews = store.reviews_of(db, ids[0])
    assert [(r["field"], r["old"], r["new"], r["reviewer"]) for r in reviews] == [
        ("value", "-8.5", "-8.4", "ana"),
        ("period", "2020", "2020-Q4", "ana"),
    ]
    assert all(r["note"] == "checked the Fitch report" for r in reviews)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"value": "eight"}, "must be a number"),
        ({"value": "nan"}, "finite"),
        ({"period": "last year"}, "is not YYYY"),
        ({"period": "2021-02-30"}, "not a real date"),
        ({"status": "verified"}, "not an editable"),
        ({"kind": "rumour"}, "kind must be"),
    ],
)
def test_invalid_edits_are_refused_and_change_nothing(stored, changes, message):
    db, _, ids = stored
    before = store.get_claim(db, ids[0])
    with pytest.raises(ClaimsError, match=message):
        store.update_claim(db, ids[0], changes, expected_version=1, reviewer="ana")
    assert store.get_claim(db, ids[0]) == before
    assert store.reviews_of(db, ids[0]) == []


def test_a_stale_version_is_refused_and_nothing_is_written(stored):
    db, _, ids = stored
    store.update_claim(db, ids[0], {"value": "-8"}, expected_version=1, reviewer="ana")
    with pytest.raises(ConflictError, match=f"Claim {ids[0]} was changed by someone else"):
        store.update_claim(db, ids[0], {"value": "-9"}, expected_version=1, reviewer="ben")
    claim = store.get_claim(db, ids[0])
    assert (claim["value"], claim["version"]) == (-8.0, 2)
    assert [r["reviewer"] for r in store.reviews_of(db, ids[0])] == ["ana"]


def test_a_status_change_needs_a_note(stored):
    db, _, ids = stored
    for note in ("", "   ", None):
        with pytest.raises(ClaimsError, match="needs a note"):
            store.set_status(db, ids[0], "verified", note=note, reviewer="ana")
    assert store.get_claim(db, ids[0])["status"] == "unreviewed"
    assert store.reviews_of(db, ids[0]) == []


def test_a_status_change_is_logged_with_note_and_evidence(stored):
    db, _, ids = stored
    claim = store.set_status(
        db,
        ids[0],
        "disputed",
        note="IMF says -4.5",
        reviewer="ana",
        evidence_url="https://example.org/imf",
    )
    assert claim["status"] == "disputed"
    (review,) = store.reviews_of(db, ids[0])
    assert (review["field"], review["old"], review["new"]) == ("status", "unreviewed", "disputed")
    assert (review["note"], review["evidence_url"]) == ("IMF says -4.5", "https://example.org/imf")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"status": "true"}, "Unknown status"),
        ({"evidence_url": "javascript:alert(1)"}, "must start with http"),
        ({"reviewer": " "}, "reviewer name is required"),
    ],
)
def test_bad_status_changes_are_refused(stored, kwargs, message):
    db, _, ids = stored
    args = {"status": "verified", "note": "n", "reviewer": "ana", **kwargs}
    status = args.pop("status")
    with pytest.raises(ClaimsError, match=message):
        store.set_status(db, ids[0], status, **args)
    assert store.get_claim(db, ids[0])["status"] == "unreviewed"


def test_bulk_status_is_all_or_nothing(stored):
    db, _, ids = stored
    with pytest.raises(ClaimsError, match="No claim with id 999"):
        store.set_status_many(db, [ids[0], 999], "verified", note="ok", reviewer="ana")
    assert store.get_claim(db, ids[0])["status"] == "unreviewed"
    store.set_status_many(db, ids, "verified", note="ok", reviewer="ana")
    assert {store.get_claim(db, i)["status"] for i in ids} == {"verified"}
    assert db["reviews"].count == 2


def test_reviews_cannot_be_updated_or_deleted(stored):
    db, _, ids = stored
    store.set_status(db, ids[0], "verified", note="ok", reviewer="ana")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE reviews SET note = 'rewritten'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM reviews")
    assert store.reviews_of(db, ids[0])[0]["note"] == "ok"


def test_every_write_bumps_the_revision_seen_by_another_connection(stored, tmp_path):
    db, _, ids = stored
    other = store.connect(tmp_path / "claims.db")
    before = store.revision(other)
    store.set_status(db, ids[0], "verified", note="ok", reviewer="ana")
    assert store.revision(other) > before


def test_full_text_search_follows_edits_and_deletes(stored):
    db, source_id, ids = stored
    assert fts_ids(db, "shrank") == [ids[0]]
    assert fts_ids(db, "delegate") == [ids[1]]  # porter stemming: delegates
    assert fts_ids(db, "agency") == [ids[1]]
    store.update_claim(db, ids[1], {"subject": "Workers Party"}, expected_version=1, reviewer="ana")
    assert fts_ids(db, "workers") == [ids[1]]
    db["sources"].update(source_id, {"title": "Pyongyang gathering"})
    assert fts_ids(db, "pyongyang") == ids
    with store.write_transaction(db):
        db.execute("DELETE FROM claims WHERE id = ?", [ids[0]])
    assert fts_ids(db, "shrank") == []
    assert fts_ids(db, "pyongyang") == [ids[1]]


def test_summary_counts_stay_exact_through_writes(stored):
    db, _, ids = stored
    store.set_status(db, ids[0], "false", note="wrong", reviewer="ana")
    with store.write_transaction(db):
        db.execute("DELETE FROM claims WHERE id = ?", [ids[1]])
    counts = store.stats(db)
    assert counts["claims"] == 1
    assert counts["by_status"]["false"] == 1
    assert counts["by_status"]["unreviewed"] == 0
    assert counts["by_kind"] == {"numeric": 1}


def test_the_count_of_claims_with_a_nul_follows_every_write(stored):
    db, _, ids = stored

    def recomputed() -> int:
        checks = " OR ".join(f"instr({c}, char(0))" for c in NUL_TRACKED_COLUMNS)
        return db.execute(f"SELECT count(*) FROM claims WHERE {checks}").fetchone()[0]

    assert store.claims_with_nul(db) == recomputed() == 0
    version = store.get_claim(db, ids[0])["version"]
    store.update_claim(
        db, ids[0], {"subject": "North\x00Korea"}, expected_version=version, reviewer="ana"
    )
    assert store.claims_with_nul(db) == recomputed() == 1
    store.set_status(db, ids[0], "verified", note="checked", reviewer="ana")  # NUL stays
    assert store.claims_with_nul(db) == recomputed() == 1
    version = store.get_claim(db, ids[0])["version"]
    store.update_claim(
        db, ids[0], {"subject": "North Korea"}, expected_version=version, reviewer="ana"
    )
    assert store.claims_with_nul(db) == recomputed() == 0
    with store.write_transaction(db):
        db.execute("UPDATE claims SET hedge = ? WHERE id = ?", ["about\x00", ids[1]])
    assert store.claims_with_nul(db) == recomputed() == 1
    with store.write_transaction(db):
        db.execute("DELETE FROM claims WHERE id = ?", [ids[1]])
    assert store.claims_with_nul(db) == recomputed() == 0


def test_migrations_are_idempotent(db):
    schema = db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    store.migrate(db)
    store.migrate(db)
    assert db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
    applied = [m.name for m in store.migrations.applied(db)]
    assert applied == [
        "0001_initial",
        "0002_claim_counts",
        "0003_claim_keys",
        "0004_fast_pages",
        "0005_group_summaries",
        "0006_group_names",
        "0007_search_in_publication_order",
        "0008_claims_with_nul",
        "0009_standing_figures",
        "0010_source_reviews",
        "0011_claims_by_value",
        "0012_extracted_period",
        "0013_leads_from_the_leaders_side",
        "0014_reference_series",
        "0015_reference_links",
        "0016_assignments_and_comments",
        "0017_reference_import_scale",
    ]


def test_opening_an_older_database_upgrades_it_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    store.migrations.apply(old, stop_before="0002_claim_counts")
    claim = numeric_claim(ARTICLE, "5,000", 5000, unit="delegate")
    # Rows as the code of that schema wrote them: without the later key columns.
    source = {"text": ARTICLE, "content_hash": store.content_hash(ARTICLE), "added": "2021-01-06"}
    source_id = old["sources"].insert(source).last_pk
    row = store._claim_row(claim, ARTICLE, source_id, None, store.now_utc())
    for later_column in ("subject_key", "metric_key", "unit_key"):
        row.pop(later_column)
    old["claims"].insert(row)
    old["claims"].insert(row | {"surface_start": 0, "hedge": "odd\x00byte"})
    assert not old["claim_counts"].exists()
    old.close()

    upgraded = store.connect(path)
    assert upgraded["claim_counts"].exists()
    assert store.stats(upgraded)["by_kind"] == {"numeric": 2}
    assert upgraded["claims"].count == 2
    assert store.claims_with_nul(upgraded) == 1
    stored = next(upgraded["claims"].rows)
    assert (stored["subject_key"], stored["metric_key"], stored["unit_key"]) == (
        "",
        "",
        "count:delegate",
    )


def test_a_migration_that_fails_half_way_leaves_nothing_behind(tmp_path, monkeypatch):
    path = tmp_path / "claims.db"
    initial = migrations._migrations[0]
    make_tables = initial.fn

    def fail_after_making_the_tables(db):
        make_tables(db)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(initial, "fn", fail_after_making_the_tables)
    with pytest.raises(ClaimsError, match="disk I/O error"):
        store.connect(path)
    after = sqlite_utils.Database(path)
    assert after.table_names() == []  # no meta, sources or claims half made
    after.close()


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ClaimsError, match="Cannot open .*notes.db as a claims database"):
        store.connect(path)


def test_a_second_writer_waits_instead_of_failing(stored, tmp_path):
    db, _, ids = stored
    path = tmp_path / "claims.db"
    errors: list[Exception] = []

    def review(claim_id: int, reviewer: str) -> None:
        try:
            conn = store.connect(path)
            for n in range(20):
                store.set_status(
                    conn,
                    claim_id,
                    "verified" if n % 2 else "in_review",
                    note=f"pass {n}",
                    reviewer=reviewer,
                )
        except Exception as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=review, args=(i, f"r{i}")) for i in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert db["reviews"].count == 40


def test_integrity_check_is_ok_after_writes(stored):
    db, _, ids = stored
    store.update_claim(db, ids[0], {"metric": "GDP"}, expected_version=1, reviewer="ana")
    store.set_status(db, ids[1], "verified", note="ok", reviewer="ana")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_facet_and_month_summaries_equal_the_live_claims_after_every_kind_of_write(stored):
    db, source_id, ids = stored

    def summaries():
        facets = db.execute(
            "SELECT facet, value, status, n FROM facet_counts WHERE n != 0 ORDER BY 1, 2, 3"
        ).fetchall()
        months = db.execute("SELECT month, n FROM month_counts WHERE n != 0").fetchall()
        return facets, months

    def recomputed():
        facets = db.execute(
            " UNION ALL ".join(
                f"SELECT '{f}', {f}, status, count(*) FROM claims "
                f"WHERE vanished = 0 AND {f} IS NOT NULL AND {f} != '' GROUP BY {f}, status"
                for f in ("metric", "speaker", "subject", "unit")
            )
            + " ORDER BY 1, 2, 3"
        ).fetchall()
        months = db.execute(
            "SELECT substr(published, 1, 7), count(*) FROM claims "
            "WHERE vanished = 0 AND published IS NOT NULL GROUP BY 1"
        ).fetchall()
        return facets, months

    assert summaries() == recomputed()
    assert ("speaker", "Fitch Solutions", "unreviewed", 1) in summaries()[0]
    store.set_status(db, ids[0], "verified", note="ok", reviewer="ana")
    store.update_claim(db, ids[1], {"speaker": "KCNA"}, expected_version=1, reviewer="ana")
    db["sources"].update(source_id, {"published": "2021-02-01"})
    with store.write_transaction(db):
        db.execute("UPDATE claims SET vanished = 1 WHERE id = ?", [ids[1]])
    assert summaries() == recomputed()
    assert summaries()[1] == [("2021-02", 1)]
    other = "Exports rose 4% in May, the ministry said."
    store.add_source(db, other, [numeric_claim(other, "4%", 4, unit="percent", speaker="Ministry")])
    assert summaries() == recomputed()
    with store.write_transaction(db):
        db.execute("DELETE FROM claims WHERE speaker = 'Ministry'")
    assert summaries() == recomputed()


def test_a_ledger_keyed_with_another_synonym_table_says_so_and_init_rekeys_it(tmp_path):
    from claims import cli, normalise

    path = tmp_path / "ledger.db"
    db = store.connect(path)
    text = "Zemblan joblessness rose to 5% in May."
    claim = numeric_claim(text, "5%", 5.0, unit="percent", subject="Zembla",
                          metric="joblessness", period="2023-05")  # fmt: skip
    store.add_source(db, text, [claim], title="Jobs", published="2023-06-10")
    assert not store.keys_are_stale(db)
    assert db.execute("SELECT metric_key FROM claims").fetchone()[0] == "joblessness"
    # a user adds a synonym: the stored key is now stale, and the ledger says so
    table = normalise.load_synonyms([normalise.SYNONYMS_FILE])
    table.add("unemployment rate", "joblessness", "metric")
    normalise.use_synonyms(table)
    try:
        assert store.keys_are_stale(db)
        assert "python -m claims rekey" in store.stale_keys_notice(db)
        db.close()
        assert cli.main(["init", "--db", str(path)]) == 0
        db = store.connect(path)
        assert db.execute("SELECT metric_key FROM claims").fetchone()[0] == "unemployment rate"
        assert not store.keys_are_stale(db)
    finally:
        normalise.use_synonyms(None)
        db.close()


def test_a_source_date_is_stored_as_iso_text_and_a_field_that_is_not_text_is_refused(db):
    source_id, _ = store.add_source(db, ARTICLE, published=date(2021, 1, 6))
    assert store.get_source(db, source_id)["published"] == "2021-01-06"
    with pytest.raises(ClaimsError, match="title must be text"):
        store.add_source(db, ARTICLE + " Again.", title={"a": 1})
    assert db["sources"].count == 1


@pytest.mark.parametrize("bad_id", [999, "abc", None, 2**70])
def test_a_claim_that_is_not_there_is_a_clear_error(db, bad_id):
    with pytest.raises(ClaimsError, match="No claim with id"):
        store.get_claim(db, bad_id)
