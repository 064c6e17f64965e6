"""Dating and correcting articles on the Add and Sources pages (AppTest)."""

from __future__ import annotations

from datetime import date

from claims import store
from tests.pages.conftest import open_page


def newest_source(db) -> dict:
    return next(db["sources"].rows_where(order_by="id desc", limit=1))


def test_an_old_article_pasted_with_its_date_keeps_it(ledger_path, simple_extractor):
    db = store.connect(ledger_path)
    at = open_page("add")
    at.text_area(key="p_text").input("Unemployment rate fell to 6.5 percent in 1997.")
    at.date_input(key="p_published").set_value(date(1998, 3, 2))
    at.button(key="p_go").click().run()
    assert not at.error, [e.value for e in at.error]
    html = "".join(h.proto.body for h in at.get("html"))
    assert "1998-03-02" in html
    at.button(key="save_pending").click().run()
    source = newest_source(db)
    assert source["published"] == "1998-03-02"
    published = {r[0] for r in db.execute("SELECT published FROM claims WHERE source_id = ?",
                                          [source["id"]])}  # fmt: skip
    assert published == {"1998-03-02"}


def test_an_uploaded_file_gets_its_publisher_and_date_in_the_preview(ledger_path, simple_extractor):
    db = store.connect(ledger_path)
    at = open_page("add")
    at.file_uploader(key="f_uploads").set_value([("a.txt", b"Inflation hit 9 percent.",
                                                  "text/plain")])  # fmt: skip
    at.button(key="f_go").click().run()
    (publisher,) = [t for t in at.text_input if t.key and t.key.startswith("d_publisher_")]
    (published,) = [d for d in at.date_input if d.key and d.key.startswith("d_published_")]
    publisher.input("The Daily Record")
    published.set_value(date(1921, 7, 4))
    (apply,) = [b for b in at.button if b.label == "Apply"]
    apply.click().run()
    assert not at.error, [e.value for e in at.error]
    at.button(key="save_pending").click().run()
    source = newest_source(db)
    assert (source["publisher"], source["published"]) == ("The Daily Record", "1921-07-04")


def choose_first_source(at):
    table = at.dataframe[0]
    at.session_state[table.key] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    return int(table.value["id"].iloc[0])


def test_the_sources_page_corrects_a_date_and_logs_it(ledger_path, simple_extractor):
    db = store.connect(ledger_path)
    at = open_page("sources", reviewer="Ana")
    source_id = choose_first_source(at)
    at.date_input(key=f"sc_published_{source_id}").set_value(date(1999, 12, 31))
    at.text_input(key=f"sc_note_{source_id}").input("the print date")
    [b for b in at.button if b.label == "Save corrections"][0].click().run()
    assert not at.error, [e.value for e in at.error]
    assert store.get_source(db, source_id)["published"] == "1999-12-31"
    (row,) = store.source_reviews_of(db, source_id)
    assert (row["field"], row["new"], row["reviewer"], row["note"]) == (
        "published", "1999-12-31", "Ana", "the print date",
    )  # fmt: skip
    assert any("corrected published" in s.value for s in at.success)
    assert len(at.dataframe) == 3  # sources, corrections, speakers


def test_the_sources_page_refuses_a_bad_url_and_changes_nothing(ledger_path, simple_extractor):
    db = store.connect(ledger_path)
    at = open_page("sources", reviewer="Ana")
    source_id = choose_first_source(at)
    before = store.get_source(db, source_id)
    at.text_input(key=f"sc_url_{source_id}").input("javascript:alert(2)")
    [b for b in at.button if b.label == "Save corrections"][0].click().run()
    assert "must start with http:// or https://" in at.error[0].value.replace("\\", "")
    assert store.get_source(db, source_id) == before
    assert store.source_reviews_of(db, source_id) == []


def test_the_bulk_report_names_the_articles_it_skipped_as_duplicates(ledger_path, simple_extractor):
    at = open_page("add")
    line = b'{"text": "Payrolls rose 2 percent in May.", "title": "Jobs"}\n'
    at.file_uploader(key="b_upload").set_value(("bulk.jsonl", line, "application/jsonl"))
    at.button(key="b_go").click().run()
    at.file_uploader(key="b_upload").set_value(("again.jsonl", line, "application/jsonl"))
    at.button(key="b_go").click().run()
    assert "0 articles" in at.success[0].value and "1 were already" in at.success[0].value
    skipped = [d.value for d in at.dataframe if "already stored as" in d.value.columns]
    assert len(skipped) == 1 and list(skipped[0]["input"]) == ["again.jsonl line 1"]
