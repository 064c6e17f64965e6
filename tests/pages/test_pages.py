"""Every page of the dashboard through Streamlit's AppTest, on the sample ledger."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from claims import store
from claims.groups import ClaimKey
from tests import sample_ledger
from tests.pages.conftest import PAGES, open_page, texts


def plain(element) -> str:
    """An alert's text without the backslashes that keep markdown inert."""
    return element.value.replace("\\", "")


def one_claim_id(db, **where) -> int:
    clause = " AND ".join(f"{k} = ?" for k in where) or "1"
    return db.execute(f"SELECT id FROM claims WHERE {clause} ORDER BY id LIMIT 1",
                      list(where.values())).fetchone()[0]  # fmt: skip


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_runs_without_exception(ledger_path, page):
    at = open_page(page)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.title[0].value.lower().startswith(page[:4]) or page in ("add", "queue")


def test_the_sidebar_names_the_database_and_keeps_the_reviewer(ledger_path):
    at = open_page("overview")
    assert str(ledger_path) in [c.value for c in at.sidebar.code]
    at.sidebar.text_input(key="reviewer").input("Ana").run()
    at.switch_page(PAGES["sources"]).run()
    assert at.sidebar.text_input(key="reviewer").value == "Ana"


def test_overview_counts_and_charts(ledger_path):
    at = open_page("overview")
    metrics = {m.label: m.value for m in at.metric}
    db = store.connect(ledger_path)
    assert metrics["Sources"] == f"{db['sources'].count:,}"
    assert metrics["Claims"] == f"{db['claims'].count:,}"
    assert len(at.get("vega_lite_chart")) >= 4
    assert "Nobody has reviewed a claim yet" in texts(at)


def test_an_empty_ledger_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_DB", str(tmp_path / "empty.db"))
    monkeypatch.setattr("claims.config.SAMPLES_DIR", tmp_path / "no-samples")
    for page in PAGES:
        at = open_page(page)
        assert not at.exception, (page, [e.value for e in at.exception])
        assert not at.get("vega_lite_chart"), page
        if page != "add":
            assert at.info, page


def test_filters_change_the_rows_shown(ledger_path):
    at = open_page("claims")
    before = at.dataframe[0].value
    assert len(before) == 50
    at.text_input(key="f_q").input("discount").run()
    after = at.dataframe[0].value
    assert 0 < len(after) < 50
    assert at.query_params["q"] == "discount"
    at.text_input(key="f_q").set_value("")
    at.selectbox(key="f_metric").set_value("inflation").run()
    assert set(at.dataframe[0].value["metric"]) == {"inflation"}
    assert at.query_params["metric"] == "inflation"
    at.multiselect(key="f_status").select("verified").run()
    assert not at.dataframe
    assert "No claim matches these filters" in texts(at)


def test_query_params_restore_the_filters(ledger_path):
    at = open_page("claims", query={"metric": "discount rate", "sort": "value", "desc": "0"})
    assert at.selectbox(key="f_metric").value == "discount rate"
    assert at.selectbox(key="f_sort").value == "value"
    table = at.dataframe[0].value
    assert set(table["metric"]) == {"discount rate"}
    values = [float(re.search(r"-?\d[\d.]*", f).group()) for f in table["figure"]]
    assert values == sorted(values)


def test_every_filter_is_restored_from_the_url(ledger_path):
    query = {"q": "rate", "status": ["unreviewed", "verified"], "kind": "numeric",
             "source": "3", "speaker": "Federal Open Market Committee",
             "subject": "United States", "unit": "percent", "period_from": "2001",
             "period_to": "2008-Q2", "published_from": "2001-01-01",
             "published_to": "2009-12-31", "min_conf": "0.5", "page": "1"}  # fmt: skip
    at = open_page("claims", query=query)
    assert not at.exception and not at.warning
    state = {k: at.session_state[k] for k in ("f_q", "f_status", "f_kind", "f_source",
             "f_speaker", "f_subject", "f_unit", "f_period_from", "f_period_to",
             "f_pub_from", "f_pub_to", "f_conf")}  # fmt: skip
    assert state == {
        "f_q": "rate", "f_status": ["unreviewed", "verified"], "f_kind": ["numeric"],
        "f_source": 3, "f_speaker": "Federal Open Market Committee",
        "f_subject": "United States", "f_unit": "percent", "f_period_from": "2001",
        "f_period_to": "2008-Q2", "f_pub_from": date(2001, 1, 1),
        "f_pub_to": date(2009, 12, 31), "f_conf": 0.5,
    }  # fmt: skip
    # The URL written back is the one that was read (page 1 is the default).
    assert at.query_params == {k: v for k, v in query.items() if k != "page"}


def test_bad_query_params_warn_and_do_not_break(ledger_path):
    at = open_page("claims", query={"status": "bogus", "period_from": "2020-13", "claim": "x"})
    assert not at.exception
    assert len(at.warning) == 3
    assert len(at.dataframe[0].value) == 50


@pytest.mark.parametrize("nasty", ["'; DROP TABLE claims; --", "%_\\", '"unterminated', "a*)("])
def test_sql_metacharacters_in_filters_are_ordinary_text(ledger_path, nasty):
    at = open_page("claims", query={"q": nasty, "speaker": nasty, "unit": nasty})
    assert not at.exception and not at.error
    assert "No claim matches these filters" in texts(at)
    at = open_page("sources")
    at.text_input(key="s_search").input(nasty).run()
    assert not at.exception
    assert store.connect(ledger_path)["claims"].count > 0


def status_form(at, claim_id: int, version: int = 1):
    suffix = f"{claim_id}_{version}"
    return (
        at.selectbox(key=f"s_new_{suffix}"),
        at.text_area(key=f"s_note_{suffix}"),
        at.text_input(key=f"s_evidence_{suffix}"),
        at.button(key=f"s_go_{suffix}"),
    )


def test_opening_a_claim_shows_its_sentence_in_context(ledger_path):
    db = store.connect(ledger_path)
    claim = store.get_claim(db, one_claim_id(db, metric="inflation"))
    at = open_page("claims", query={"claim": str(claim["id"])})
    html = "".join(h.proto.body for h in at.get("html"))
    assert f"<mark>{claim['surface']}</mark>" in html
    assert at.subheader[0].value == f"Claim {claim['id']}"
    assert "No review yet" in texts(at)


def test_a_status_change_with_a_note_writes_a_review_row(ledger_path):
    db = store.connect(ledger_path)
    claim_id = one_claim_id(db)
    at = open_page("claims", query={"claim": str(claim_id)}, reviewer="Ana")
    new, note, evidence, go = status_form(at, claim_id)
    new.set_value("verified")
    note.input("Matches the BLS table")
    evidence.input("https://www.bls.gov/")
    go.click().run()
    assert not at.error, [e.value for e in at.error]
    reviews = store.reviews_of(db, claim_id)
    assert [(r["reviewer"], r["field"], r["old"], r["new"], r["note"], r["evidence_url"])
            for r in reviews] == [("Ana", "status", "unreviewed", "verified",
                                   "Matches the BLS table", "https://www.bls.gov/")]  # fmt: skip
    assert f"Claim {claim_id} is now verified." in texts(at)
    history = at.dataframe[-1].value
    assert list(history["note"]) == ["Matches the BLS table"]


def test_a_status_change_without_a_note_is_refused(ledger_path):
    db = store.connect(ledger_path)
    claim_id = one_claim_id(db)
    at = open_page("claims", query={"claim": str(claim_id)}, reviewer="Ana")
    new, _, _, go = status_form(at, claim_id)
    new.set_value("false")
    go.click().run()
    assert "needs a note" in plain(at.error[0])
    assert store.reviews_of(db, claim_id) == []
    assert store.get_claim(db, claim_id)["status"] == "unreviewed"


def test_a_change_without_a_reviewer_name_is_refused(ledger_path):
    db = store.connect(ledger_path)
    claim_id = one_claim_id(db)
    at = open_page("claims", query={"claim": str(claim_id)})
    new, note, _, go = status_form(at, claim_id)
    new.set_value("false")
    note.input("why")
    go.click().run()
    assert "reviewer name is required" in plain(at.error[0])
    assert store.reviews_of(db, claim_id) == []


def test_editing_fields_validates_and_saves(ledger_path):
    db = store.connect(ledger_path)
    claim_id = one_claim_id(db)
    at = open_page("claims", query={"claim": str(claim_id)}, reviewer="Bo")
    at.text_input(key=f"e_value_{claim_id}_1").input("five")
    at.button(key=f"save_{claim_id}_1").click().run()
    assert "value must be a number" in plain(at.error[0])
    at.text_input(key=f"e_value_{claim_id}_1").input("5.5")
    at.text_input(key=f"e_period_{claim_id}_1").input("2020-Q5")
    at.button(key=f"save_{claim_id}_1").click().run()
    assert "2020-Q5" in plain(at.error[0])
    assert store.get_claim(db, claim_id)["version"] == 1
    at.text_input(key=f"e_period_{claim_id}_1").input("2020-Q4")
    at.button(key=f"save_{claim_id}_1").click().run()
    assert not at.error
    claim = store.get_claim(db, claim_id)
    assert (claim["value"], claim["period"], claim["period_end"]) == (5.5, "2020-Q4", "2020-12-31")
    assert {r["field"] for r in store.reviews_of(db, claim_id)} == {"value", "period"}
    # The form now starts from the saved claim (version 2).
    assert at.text_input(key=f"e_value_{claim_id}_2").value == "5.5"


def test_a_stale_edit_is_refused_naming_the_conflict(ledger_path):
    db = store.connect(ledger_path)
    claim_id = one_claim_id(db)
    at = open_page("claims", query={"claim": str(claim_id)}, reviewer="Ana")
    # Another reviewer saves first.
    store.update_claim(db, claim_id, {"unit": "percent points"}, expected_version=1,
                       reviewer="Bo")  # fmt: skip
    at.text_input(key=f"e_value_{claim_id}_1").input("9")
    at.button(key=f"save_{claim_id}_1").click().run()
    assert "edit conflict" in plain(at.error[0])
    assert "changed by someone else" in plain(at.error[0])
    assert store.get_claim(db, claim_id)["value"] != 9
    # Reloading picks up the other reviewer's version; then the save goes through.
    at.button(key=f"reload_{claim_id}").click().run()
    at.text_input(key=f"e_value_{claim_id}_2").input("9")
    at.button(key=f"save_{claim_id}_2").click().run()
    assert not at.error
    assert store.get_claim(db, claim_id)["value"] == 9


def test_selecting_rows_opens_one_or_sets_the_status_of_several(ledger_path):
    db = store.connect(ledger_path)
    at = open_page("claims", reviewer="Ana")
    table = at.dataframe[0]
    ids = list(table.value["id"][:3])
    at.session_state[table.key] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert at.query_params["claim"] == str(ids[0])
    assert at.subheader[0].value == f"Claim {ids[0]}"
    at.session_state[table.key] = {"selection": {"rows": [0, 1, 2], "columns": [], "cells": []}}
    at.run()
    assert "claim" not in at.query_params
    at.selectbox(key="bulk_new_status").set_value("disputed")
    at.text_input(key="bulk_note").input("Two sources disagree")
    at.button(key="bulk_apply").click().run()
    assert not at.error, [e.value for e in at.error]
    assert [store.get_claim(db, i)["status"] for i in ids] == ["disputed"] * 3
    assert all(len(store.reviews_of(db, i)) == 1 for i in ids)


def test_export_offers_every_format_and_claimreview_once_an_organisation_is_set(
    ledger_path, monkeypatch
):
    monkeypatch.delenv("CLAIMS_ORG", raising=False)
    monkeypatch.setattr("claims.config.SETTINGS_FILE", ledger_path.parent / "absent.toml")
    at = open_page("claims")
    labels = {b.label for b in at.get("download_button")}
    assert labels == {"CSV", "JSON", "JSON Lines", "Excel", "Parquet"}
    assert any("needs the reviewing organisation" in c.value for c in at.caption)

    monkeypatch.setenv("CLAIMS_ORG", "Example Fact Check")
    at = open_page("claims")
    labels = {b.label for b in at.get("download_button")}
    assert "ClaimReview JSON-LD" in labels


def export_commands(at) -> list[str]:
    return [code.value for code in at.code if "-m claims export" in code.value]


def test_a_view_too_large_for_a_download_shows_the_command_that_exports_it(
    ledger_path, monkeypatch
):
    monkeypatch.setattr("claims.export.api.IN_MEMORY_LIMIT", 5)
    at = open_page("claims", query={"q": "rate", "kind": "numeric"})
    assert not at.exception
    assert not at.get("download_button")
    assert any("more than 5 claims" in info.value for info in at.info)
    (command,) = export_commands(at)
    assert command.startswith(".venv/bin/python -m claims export --db ")
    assert str(ledger_path) in command
    today = datetime.now(UTC).date().isoformat()
    named = f"{ledger_path.stem}_search-rate_kind-numeric_{today}.csv"
    assert command.endswith(f"--format csv -o {named} --search=rate --kind=numeric")

    monkeypatch.setattr("claims.export.api.IN_MEMORY_LIMIT", 10_000)
    at = open_page("claims", query={"q": "rate", "kind": "numeric"})
    assert at.get("download_button") and not export_commands(at)  # under it: the downloads


def test_hostile_text_never_reaches_markdown(ledger_path):
    db = store.connect(ledger_path)
    claim_id = one_claim_id(db, speaker=sample_ledger.HOSTILE_SPEAKER)
    seen = []
    for page, query in (("claims", {"claim": str(claim_id)}), ("sources", None),
                        ("timeline", None), ("compare", None), ("overview", None)):  # fmt: skip
        at = open_page(page, query=query)
        assert not at.exception
        markdown = "\n".join(
            str(e.value)
            for kind in (
                "markdown",
                "caption",
                "info",
                "warning",
                "error",
                "success",
                "title",
                "subheader",
            )
            for e in getattr(at, kind)
        )
        for raw in ("<script", "<img", "javascript:", "data:text", "<b>"):
            assert raw not in markdown, (page, raw)
        html = "".join(h.proto.body for h in at.get("html"))
        assert "<script>alert" not in html and "<img src=x" not in html
        seen.append(html)
    assert "&lt;img src=x onerror=alert(2)&gt;" in seen[0]
    # The title is shown literally as text.
    assert any(sample_ledger.HOSTILE_TITLE in t.value for t in open_page(
        "claims", query={"claim": str(claim_id)}).text)  # fmt: skip


FUNDS = ClaimKey("united states", "federal funds rate", "percent", None)


def test_timeline_switches_series_colour_and_opens_a_picked_claim(ledger_path):
    at = open_page("timeline")
    assert at.selectbox(key="t_series").value == FUNDS
    assert at.query_params["metric_key"] == "federal funds rate"
    assert len(at.get("vega_lite_chart")) == 2
    at.radio(key="t_colour").set_value("source").run()
    assert not at.exception
    inflation = FUNDS._replace(metric="inflation")
    at.selectbox(key="t_series").set_value(inflation).run()
    assert at.query_params["metric_key"] == "inflation"
    db = store.connect(ledger_path)
    claim_id = one_claim_id(db, metric="inflation", unit="percent")
    at.session_state["tl_period"] = {"selection": {"pick": [{"id": claim_id}]}}
    at.run()
    assert at.subheader[0].value == f"Claim {claim_id}"
    links = [link.proto.page for link in at.get("page_link")]
    assert any("claims" in (p or "") for p in links)
    assert any("compare" in (p or "") for p in links)


def test_timeline_restores_the_series_from_the_url(ledger_path):
    query = {"subject_key": "united states", "metric_key": "discount rate",
             "unit_key": "basis point"}  # fmt: skip
    at = open_page("timeline", query=query)
    assert at.selectbox(key="t_series").value == ClaimKey(*query.values(), None)
    # Units never mix: every point of the chart is in basis points.
    spec = at.get("vega_lite_chart")[0].proto.spec
    assert "basis point" in spec and "(percent)" not in spec


def test_sources_link_to_their_claims(ledger_path):
    at = open_page("sources")
    table = at.dataframe[0]
    assert {"title", "claims", "n_verified"} <= set(table.value.columns)
    assert not any(str(u).startswith("javascript") for u in table.value["url"] if u)
    at.session_state[table.key] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    link = at.get("page_link")[0].proto
    assert "source=" in link.query_string or "claims" in link.page
    assert len(at.dataframe) == 2  # the per-speaker table


def test_add_an_article_by_pasting_previews_then_saves(ledger_path, simple_extractor):
    db = store.connect(ledger_path)
    before = db["sources"].count
    at = open_page("add")
    at.text_input(key="p_title").input("Jobs <b>report</b>")
    at.text_input(key="p_publisher").input("Bureau")
    at.text_area(key="p_text").input(
        "Unemployment rate fell to 3.4 percent.\nInflation was 6 percent <script>x</script>."
    )
    at.button(key="p_go").click().run()
    assert not at.error, [e.value for e in at.error]
    html = "".join(h.proto.body for h in at.get("html"))
    assert "<mark>3.4 percent</mark>" in html and "&lt;script&gt;" in html
    assert "Jobs &lt;b&gt;report&lt;/b&gt;" in html
    keeps = [c for c in at.checkbox if c.key and c.key.startswith("keep_")]
    assert len(keeps) == 2
    keeps[1].uncheck().run()
    at.button(key="save_pending").click().run()
    assert db["sources"].count == before + 1
    source = db.execute("SELECT id FROM sources ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert [c["surface"] for c in db["claims"].rows_where("source_id = ?", [source])] == [
        "3.4 percent"
    ]
    links = at.get("page_link")
    assert links and f"source={source}" in links[0].proto.query_string


def test_add_refuses_an_empty_paste_with_a_message(ledger_path, simple_extractor):
    at = open_page("add")
    at.button(key="p_go").click().run()
    assert "empty" in plain(at.error[0])
    assert not at.exception


def test_add_uploads_several_files_and_a_bulk_file(ledger_path, simple_extractor):
    db = store.connect(ledger_path)
    before = db["sources"].count
    at = open_page("add")
    at.file_uploader(key="f_uploads").set_value(
        [("a.txt", b"Inflation hit 9 percent.", "text/plain"),
         ("b.md", b"# Title B\n\nRates rose 25 basis points.", "text/markdown")]
    )  # fmt: skip
    at.button(key="f_go").click().run()
    assert not at.error, [e.value for e in at.error]
    assert len([c for c in at.checkbox if c.key.startswith("keep_")]) == 2
    at.button(key="save_pending").click().run()
    assert db["sources"].count == before + 2
    bulk = b'{"text": "Payrolls rose 2 percent.", "title": "x"}\n{"nope": 1}\n'
    at.file_uploader(key="b_upload").set_value(("bulk.jsonl", bulk, "application/jsonl"))
    at.button(key="b_go").click().run()
    assert "Added 1 articles" in at.success[0].value
    assert db["sources"].count == before + 3
    assert len(at.dataframe[0].value) == 1  # the failed line, with its reason


@pytest.mark.slow  # extracts every sample article
def test_a_first_run_fills_an_empty_database_with_the_samples(tmp_path, monkeypatch):
    pytest.importorskip("claims.extract", reason="the extractor is needed to load samples")
    path = tmp_path / "first.db"
    monkeypatch.setenv("CLAIMS_DB", str(path))
    at = open_page("overview")
    assert not at.exception, [e.value for e in at.exception]
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Sources"].replace(",", "")) >= 80
    assert int(metrics["Claims"].replace(",", "")) > 0
    # ...and the shipped official series beside them, as `python -m claims init` does.
    assert store.connect(path)["reference_series"].count >= 20


@pytest.mark.parametrize(
    ("url", "message"),
    [("javascript:alert(1)", "javascript"), ("http://127.0.0.1:9/", "127.0.0.1"), ("", "")],
)
def test_a_bad_url_is_refused_with_a_plain_message(ledger_path, url, message):
    at = open_page("add")
    at.text_input(key="u_url").input(url)
    at.button(key="u_go").click().run()
    assert not at.exception
    assert at.error and message in plain(at.error[0])


def _paste(at, text: str) -> None:
    at.text_area(key="p_text").input(text)
    at.button(key="p_go").click().run()


def test_a_long_preview_is_paged_and_unticks_hold_across_pages(ledger_path, simple_extractor):
    db = store.connect(ledger_path)
    at = open_page("add")
    _paste(at, "\n".join(f"Line {n} says rates rose {n} percent." for n in range(1, 121)))
    keeps = [c for c in at.checkbox if c.key.startswith("keep_")]
    assert [c.label for c in keeps] == [f"Keep {n}" for n in range(1, 51)]
    keeps[0].uncheck().run()  # claim 1 on page 1
    at.number_input(key=next(k.key for k in at.number_input)).set_value(3).run()
    keeps = [c for c in at.checkbox if c.key.startswith("keep_")]
    assert [c.label for c in keeps] == [f"Keep {n}" for n in range(101, 121)]
    keeps[-1].uncheck().run()  # claim 120 on page 3
    at.button(key="save_pending").click().run()
    source = db.execute("SELECT max(id) FROM sources").fetchone()[0]
    stored = [c["surface"] for c in db["claims"].rows_where("source_id = ?", [source])]
    assert len(stored) == 118
    assert "1 percent" not in stored and "120 percent" not in stored


def test_an_article_with_absurdly_many_claims_is_reported_not_drawn(ledger_path, simple_extractor):
    from pages.add_page import PREVIEW_MAX

    at = open_page("add")
    _paste(at, "\n".join(f"Row {n}: {n} percent." for n in range(1, PREVIEW_MAX + 2)))
    assert not [c for c in at.checkbox if c.key.startswith("keep_")]
    assert f"yields {PREVIEW_MAX + 1:,} candidate claims" in at.warning[0].value
    assert f"with {PREVIEW_MAX + 1} ticked claim(s)" in at.button(key="save_pending").label


def test_a_long_article_is_extracted_in_a_worker_process(monkeypatch):
    from pages import _shared

    monkeypatch.setattr(_shared, "EXTRACT_ELSEWHERE_CHARS", 10)
    pool = _shared.processes.worker_pool(1)
    submitted = []

    class Recording:
        def submit(self, fn, *args):
            submitted.append(args)
            return pool.submit(fn, *args)

    monkeypatch.setattr(_shared, "_extraction_pool", Recording)
    text = "Unemployment fell to 3.4 percent in May. " * 5
    try:
        claims = _shared.extract(text, "2023-06-10")
    finally:
        pool.shutdown()
    assert submitted == [(text, "2023-06-10")]
    assert {c.surface for c in claims} == {"3.4 percent"}
