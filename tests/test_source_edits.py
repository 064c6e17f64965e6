"""Correcting an article's metadata: a logged change per field, periods re-resolved on a
new date, claims a person touched kept, bad input refused with nothing written."""

from __future__ import annotations

import pytest

from claims import ingest, reextract, store
from claims.model import ClaimsError
from claims.readers.article import make_article

TEXT = (
    "Acme Widgets reported on Tuesday that its profits rose 12% last year.\n\n"
    "The company also said it employs 4,000 people."
)


@pytest.fixture
def source_id(db):
    article = make_article(TEXT, title="Acme results", published="2004-03-04")
    return ingest.ingest_article(db, article).source_id


def numeric(db, source_id):
    rows = db.execute(
        "SELECT id, surface, period, vanished FROM claims WHERE source_id = ? AND kind = 'numeric' "
        "ORDER BY surface_start",
        [source_id],
    ).fetchall()
    return {surface: (claim_id, period, vanished) for claim_id, surface, period, vanished in rows}


def test_a_new_date_moves_relative_periods_and_is_logged(db, source_id):
    assert numeric(db, source_id)["12%"][1] == "2003"
    changed, summary = reextract.correct_source(
        db, source_id, {"published": "1998-03-02", "publisher": " The Wire "},
        reviewer="ana", note="date from the print edition",
    )  # fmt: skip
    assert sorted(changed) == ["published", "publisher"]
    assert summary.claims_updated >= 1
    assert numeric(db, source_id)["12%"][1] == "1997"
    source = store.get_source(db, source_id)
    assert (source["published"], source["publisher"]) == ("1998-03-02", "The Wire")
    log = store.source_reviews_of(db, source_id)
    assert [(r["field"], r["old"], r["new"], r["reviewer"], r["note"]) for r in log] == [
        ("published", "2004-03-04", "1998-03-02", "ana", "date from the print edition"),
        ("publisher", None, "The Wire", "ana", "date from the print edition"),
    ]
    claims_published = {
        row[0] for row in db.execute("SELECT published FROM claims WHERE source_id = ?",
                                     [source_id])
    }  # fmt: skip
    assert claims_published == {"1998-03-02"}


def test_a_claim_a_person_edited_keeps_its_period_through_a_date_change(db, source_id):
    claim_id = numeric(db, source_id)["12%"][0]
    claim = store.get_claim(db, claim_id)
    store.update_claim(
        db, claim_id, {"period": "2003-Q4"}, expected_version=claim["version"], reviewer="bo"
    )
    reextract.correct_source(db, source_id, {"published": "1998-03-02"}, reviewer="ana")
    assert store.get_claim(db, claim_id)["period"] == "2003-Q4"
    assert numeric(db, source_id)["4,000"][2] == 0  # the others stay live


def test_a_title_change_alone_extracts_nothing_again(db, source_id):
    before = numeric(db, source_id)
    changed, summary = reextract.correct_source(db, source_id, {"title": "Acme"}, reviewer="ana")
    assert (changed, summary) == (["title"], None)
    assert numeric(db, source_id) == before


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"published": "1750-01-01"}, "out of range: give a date from 1800-01-01"),
        ({"published": "yesterday-ish"}, "is not a date"),
        ({"url": "javascript:alert(1)"}, "must start with http:// or https://"),
        ({"text": "new text"}, "'text' is not an editable source field"),
    ],
)
def test_bad_corrections_are_refused_and_change_nothing(db, source_id, changes, message):
    before = (store.get_source(db, source_id), numeric(db, source_id), store.revision(db))
    with pytest.raises(ClaimsError, match=message):
        reextract.correct_source(db, source_id, changes, reviewer="ana")
    assert (store.get_source(db, source_id), numeric(db, source_id), store.revision(db)) == before
    assert store.source_reviews_of(db, source_id) == []


def test_a_correction_needs_a_reviewer_and_an_unchanged_value_logs_nothing(db, source_id):
    with pytest.raises(ClaimsError, match="reviewer name is required"):
        reextract.correct_source(db, source_id, {"title": "X"}, reviewer=" ")
    assert reextract.correct_source(db, source_id, {"title": "Acme results"}, reviewer="ana") == (
        [],
        None,
    )
    assert store.source_reviews_of(db, source_id) == []


def test_the_log_cannot_be_rewritten(db, source_id):
    reextract.correct_source(db, source_id, {"title": "Acme"}, reviewer="ana")
    with pytest.raises(Exception, match="append-only"):
        db.execute("UPDATE source_reviews SET reviewer = 'eve'")
    with pytest.raises(Exception, match="append-only"):
        db.execute("DELETE FROM source_reviews")


def test_a_date_change_whose_re_extraction_fails_is_undone_and_reported(db, source_id, monkeypatch):
    before = (store.get_source(db, source_id)["published"], numeric(db, source_id))

    def broken(text, published=None):
        raise RuntimeError("extractor down")

    monkeypatch.setattr(ingest, "extract_for_ingest", broken)
    with pytest.raises(ClaimsError, match=f"^Source {source_id} was not changed: its claims"):
        reextract.correct_source(db, source_id, {"published": "1998-03-02"}, reviewer="ana")
    assert (store.get_source(db, source_id)["published"], numeric(db, source_id)) == before
    log = [(r["field"], r["old"], r["new"]) for r in store.source_reviews_of(db, source_id)]
    assert log == [("published", "2004-03-04", "1998-03-02"),
                   ("published", "1998-03-02", "2004-03-04")]  # fmt: skip
