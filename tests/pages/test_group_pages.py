"""Groups of comparable claims on the pages: Compare's decisions, Overview's disputes,
the Claims detail's group, through Streamlit's AppTest on the sample ledger."""

from __future__ import annotations

import pytest

from claims import groups, render, store
from claims.groups import ClaimKey
from tests.conftest import numeric_claim
from tests.pages.conftest import open_page, texts

DISCOUNT_2008 = ClaimKey("united states", "discount rate", "percent", "2008")
LABOUR = ClaimKey("united states", "labour force participation rate", "percent", "2023-03")
LABOR = LABOUR._replace(metric="labor force participation rate")


def add(db, text: str, surface: str, value: float, published: str, title: str, **fields) -> int:
    claim = numeric_claim(text, surface, value, unit="percent", **fields)
    source_id, _ = store.add_source(db, text, [claim], title=title, published=published)
    return db.execute("SELECT max(id) FROM claims WHERE source_id = ?", [source_id]).fetchone()[0]


@pytest.fixture
def spellings(ledger_path):
    """Two US and one UK spelling of one figure: a merge waiting to be proposed."""
    db = store.connect(ledger_path)
    for outlet, metric, day in (("BLS", "labor", 7), ("CNBC", "labor", 8), ("FT", "labour", 9)):
        # The British outlet says it in other words: the same sentence with only the
        # spelling changed is the same statement, which lines up without a merge.
        text = (
            f"Figures for March put the US {metric} force participation rate at 62.6%, "
            f"said {outlet}."
            if metric == "labour"
            else f"The US {metric} force participation rate rose to 62.6% in March, {outlet} said."
        )
        add(db, text, "62.6%", 62.6, f"2023-04-0{day}", f"{outlet}: jobs",
            subject="US", metric=f"{metric} force participation rate",
            period="2023-03")  # fmt: skip
    return db


def compare(key: ClaimKey, reviewer: str | None = "Ana"):
    return open_page("compare", query=render.group_key_params(key), reviewer=reviewer)


def test_compare_marks_first_appearance_and_outliers(ledger_path):
    db = store.connect(ledger_path)
    at = compare(DISCOUNT_2008)
    assert not at.exception and not at.error
    group = groups.group_for_key(db, DISCOUNT_2008)
    table = at.dataframe[0].value
    assert sorted(table["id"]) == sorted(c["id"] for c in group.claims)
    first = table[table["first"]]
    assert list(first["id"]) == [group.first["claim_id"]]
    assert set(table[table["mark"] == "outlier"]["id"]) == set(group.outliers)
    assert group.outliers  # the sample ledger's 2008 discount rate moved: a dispute
    assert render.first_appearance_text(group.first) in texts(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Outliers"] == str(len(group.outliers))
    assert len(at.get("vega_lite_chart")) == 1
    assert at.query_params["period"] == "2008"


def test_a_wider_tolerance_clears_the_outliers(ledger_path):
    at = compare(DISCOUNT_2008)
    at.number_input(key="c_tol_pct").set_value(10.0).run()
    assert {m.label: m.value for m in at.metric}["Outliers"] == "0"


def test_accepting_a_merge_with_a_note_makes_one_group(spellings):
    db = spellings
    at = compare(LABOUR)
    assert "labour force participation rate" in texts(at)
    at.text_input(key="c_merge_note_0").input("US and UK spelling of one figure")
    at.button(key="c_merge_accept_0").click().run()
    assert not at.error, [e.value for e in at.error]
    [merge] = groups.merge_log(db)
    assert (merge["action"], merge["reviewer"], merge["note"]) == (
        "merge", "Ana", "US and UK spelling of one figure")  # fmt: skip
    assert (merge["from_metric"], merge["into_metric"]) == (LABOUR.metric, LABOR.metric)
    assert groups.group_for_key(db, LABOUR).n_sources == 3
    assert "Merged" in texts(at)
    # The page now shows the merged group, under the name the merge kept.
    assert {m.label: m.value for m in at.metric}["Sources"] == "3"
    assert at.query_params["metric_key"] == LABOR.metric


def test_a_merge_without_a_note_is_refused_and_nothing_written(spellings):
    db = spellings
    at = compare(LABOUR)
    at.button(key="c_merge_accept_0").click().run()
    assert "note" in at.error[0].value.replace("\\", "")
    assert groups.merge_log(db) == []
    assert groups.group_for_key(db, LABOUR).n_sources == 1


def test_a_merge_without_a_reviewer_name_is_refused(spellings):
    at = compare(LABOUR, reviewer=None)
    at.text_input(key="c_merge_note_0").input("same figure")
    at.button(key="c_merge_accept_0").click().run()
    assert "reviewer name is required" in at.error[0].value.replace("\\", "")
    assert groups.merge_log(spellings) == []


def test_rejecting_a_proposal_stops_it_being_proposed(spellings):
    at = compare(LABOUR)
    at.text_input(key="c_merge_note_0").input("different surveys")
    at.button(key="c_merge_reject_0").click().run()
    assert not at.error
    assert [m["action"] for m in groups.merge_log(spellings)] == ["reject"]
    assert "No other name in this unit and period" in texts(at)


def test_splitting_a_claim_takes_it_out_of_the_group_and_undo_puts_it_back(ledger_path):
    db = store.connect(ledger_path)
    group = groups.group_for_key(db, DISCOUNT_2008)
    claim_id = group.outliers[0]
    at = compare(DISCOUNT_2008)
    at.selectbox(key="c_split_claim").set_value(claim_id)
    at.button(key="c_split_go").click().run()
    assert "note" in at.error[0].value.replace("\\", "")
    assert groups.split_claim_ids(db) == []
    at.text_input(key="c_split_note").input("A forecast, not the rate")
    at.button(key="c_split_go").click().run()
    assert not at.error, [e.value for e in at.error]
    assert claim_id not in {c["id"] for c in groups.group_for_key(db, DISCOUNT_2008).claims}
    assert claim_id not in set(at.dataframe[0].value["id"])
    assert [r["note"] for r in groups.split_log(db)] == ["A forecast, not the rate"]
    at.selectbox(key="c_unsplit").set_value(claim_id)
    at.text_input(key="c_unsplit_note").input("It was the rate after all")
    at.button(key="c_unsplit_go").click().run()
    assert not at.error
    assert claim_id in set(at.dataframe[0].value["id"])


def test_an_accepted_merge_can_be_undone_from_the_history(spellings):
    db = spellings
    groups.accept_merge(db, LABOUR, LABOR, reviewer="Bo", note="spelling")
    at = compare(LABOR)
    at.selectbox(key="c_unmerge").set_value(("percent", LABOUR.subject, LABOUR.metric))
    at.text_input(key="c_unmerge_note").input("keep them apart after all")
    at.button(key="c_unmerge_go").click().run()
    assert not at.error, [e.value for e in at.error]
    assert groups.group_for_key(db, LABOR).n_sources == 2
    assert [m["action"] for m in groups.merge_log(db)] == ["unmerge", "merge"]


@pytest.fixture
def conflict(ledger_path):
    """Five outlets state Ruritania's 2022 inflation; one of them says 9 percent."""
    db = store.connect(ledger_path)
    stated = [("Alpha", 5.0), ("Beta", 5.0), ("Gamma", 5.1), ("Delta", 9.0), ("Eps", 5.0)]
    for day, (outlet, value) in enumerate(stated, start=1):
        text = f"Ruritania's inflation was {value} percent in 2022, {outlet} reported."
        add(db, text, f"{value} percent", value, f"2023-01-0{day}", f"{outlet}: prices",
            subject="Ruritania", metric="inflation", period="2022")  # fmt: skip
    return db


def test_the_overview_lists_numbers_in_dispute_linking_to_compare(conflict):
    at = open_page("overview")
    assert not at.exception and not at.error
    table = next(d for d in at.dataframe if "figure" in d.value.columns).value
    top = table.iloc[0]
    assert top["figure"] == "Ruritania · inflation · percent · 2022"
    assert (top["sources"], top["outliers"]) == (5, 1)
    assert "Alpha: prices" in top["first"]
    links = [link.proto for link in at.get("page_link") if "compare" in link.proto.page]
    assert "subject_key=ruritania" in links[0].query_string


def test_the_claims_detail_shows_its_group_and_links_to_compare(conflict):
    db = conflict
    claim_id = db.execute("SELECT id FROM claims WHERE value = 9.0 AND subject = 'Ruritania'")
    claim_id = claim_id.fetchone()[0]
    at = open_page("claims", query={"claim": str(claim_id)})
    assert not at.exception
    shown = texts(at)
    assert "Group: Ruritania · inflation · percent · 2022" in shown
    assert "this claim: outlier, changed" in shown
    links = [link.proto for link in at.get("page_link") if "compare" in link.proto.page]
    assert "period=2022" in links[0].query_string
