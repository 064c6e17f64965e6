"""Charts and tables ready for a report, on the pages (AppTest over the sample ledger):
a footer naming the sources under every chart, several subjects on one Timeline, the
Compare chart's statuses, the Claims table's sentences and blanks, and group names that
read the same in the selector, the header and the Overview."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from pyarrow import ipc

from claims import charts, groups, query, render, store
from claims.normalise import key_columns
from tests.conftest import numeric_claim
from tests.ledger_data import claim_for
from tests.pages.conftest import open_page, texts


def today_words() -> str:
    day = datetime.now(UTC).date()
    return f"exported {day.day} {day:%B %Y}"


def datasets(chart) -> list:
    """The data frames a drawn chart carries (Streamlit sends Altair's datasets as Arrow)."""
    return [ipc.open_stream(d.data.data).read_pandas() for d in chart.proto.datasets]


def footer_of(chart) -> str:
    """The footer text drawn under a chart: the one dataset with a footer column."""
    [footer] = [frame["footer"][0] for frame in datasets(chart) if "footer" in frame.columns]
    return " ".join(footer.split("\n"))


def spec_of(chart) -> dict:
    return json.loads(chart.proto.spec)


def point_layer(chart) -> dict:
    """The claims' points: the layer whose shapes say each claim's status."""
    return next(
        layer for layer in spec_of(chart)["layer"]
        if layer.get("encoding", {}).get("shape", {}).get("field") == "status"
    )  # fmt: skip


def title_of(chart) -> str:
    text = spec_of(chart)["title"]["text"]
    return " ".join(text) if isinstance(text, list) else text


# ---------------------------------------------------------------- footers


def test_every_overview_chart_names_the_ledgers_sources_and_the_export_date(ledger_path):
    at = open_page("overview")
    assert not at.exception
    drawn = at.get("vega_lite_chart")
    assert len(drawn) == 5  # status, kinds, months, speakers, metrics
    names = query.source_names(store.connect(ledger_path))
    expected = charts.footer_text(names, exported=datetime.now(UTC).date())
    assert expected.startswith("Sources: Federal Open Market Committee")
    for chart in drawn:
        assert footer_of(chart) == expected
        assert footer_of(chart).endswith(f"From the claim ledger, {today_words()}.")


def test_the_compare_chart_names_its_sources_and_marks_each_status(ledger_path):
    db = store.connect(ledger_path)
    key = groups.ClaimKey("united states", "discount rate", "percent", "2008")
    group = groups.group_for_key(db, key)
    some = group.claims[0]["id"]
    store.set_status(db, some, "verified", note="checked the release", reviewer="Ana")
    at = open_page("compare", query=render.group_key_params(key))
    assert not at.exception
    [chart] = at.get("vega_lite_chart")
    assert footer_of(chart) == charts.footer_text(
        charts.source_names(group.claims), exported=datetime.now(UTC).date()
    )
    assert "Federal Open Market Committee" in footer_of(chart)
    points = [layer for layer in spec_of(chart)["layer"] if layer["mark"]["type"] == "point"]
    assert points[-1]["encoding"]["shape"]["field"] == "status"
    labelled = next(frame for frame in datasets(chart) if "status_label" in frame.columns)
    assert dict(zip(labelled["id"], labelled["status_label"], strict=True))[some] == "verified"
    # The header, the chart's title and the picker name the group alike.
    assert title_of(chart) == group.label
    assert group.label in texts(at)
    picked = at.selectbox(key="c_key")
    assert picked.format_func(picked.value).startswith(f"{group.label} (")


# ---------------------------------------------------------------- several subjects


GROWTH = {
    "United Kingdom": ("Office for National Statistics", [0.4, 0.6, 0.2]),
    "Germany": ("Destatis", [0.1, -0.2, 0.3]),
    "Japan": ("Cabinet Office", [0.9, 0.5, -0.1]),
}


@pytest.fixture
def three_subjects(ledger_path):
    """UK, Germany and Japan growth in the first three quarters of 2023, an article each."""
    db = store.connect(ledger_path)
    for subject, (publisher, values) in GROWTH.items():
        for quarter, value in enumerate(values, start=1):
            text = f"{subject} growth was {value}% in the quarter, {publisher} said."
            claim = claim_for(text, f"{value}%", value, unit="percent", subject=subject,
                              metric="growth", period=f"2023-Q{quarter}")  # fmt: skip
            published = f"2023-{3 * quarter + 1:02d}-15"
            store.add_source(db, text, [claim], title=f"{subject} Q{quarter}",
                             publisher=publisher, published=published)  # fmt: skip
    return db


def subject_key(subject: str) -> str:
    return key_columns(subject, "growth", "percent")["subject_key"]


def test_a_timeline_shows_three_subjects_of_one_measure(three_subjects):
    uk = key_columns("United Kingdom", "growth", "percent")
    at = open_page("timeline", query=uk)
    assert not at.exception
    others = at.multiselect(key="t_also")
    assert {"Germany (3 claims)", "Japan (3 claims)"} <= set(others.options)
    others.set_value([subject_key("Germany"), subject_key("Japan")]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.query_params["also"] == [subject_key("Germany"), subject_key("Japan")]
    chart = at.get("vega_lite_chart")[0]
    assert title_of(chart) == "United Kingdom, Germany and Japan: growth"
    colour = point_layer(chart)["encoding"]["color"]
    assert colour["field"] == "subject"
    assert colour["scale"]["domain"] == ["United Kingdom", "Germany", "Japan"]
    plotted = next(f for f in datasets(chart) if "subject" in f.columns and "id" in f.columns)
    assert sorted(plotted["subject"].value_counts().items()) == [
        ("Germany", 3), ("Japan", 3), ("United Kingdom", 3)
    ]  # fmt: skip
    footer = footer_of(chart)
    assert all(publisher in footer for publisher, _ in GROWTH.values())
    assert "for United Kingdom, with Germany and Japan" in texts(at)


def test_a_shared_link_restores_the_other_subjects(three_subjects):
    query_ = {**key_columns("United Kingdom", "growth", "percent"), "also": subject_key("Japan")}
    at = open_page("timeline", query=query_)
    assert not at.exception
    assert at.multiselect(key="t_also").value == [subject_key("Japan")]
    chart = at.get("vega_lite_chart")[0]
    assert point_layer(chart)["encoding"]["color"]["scale"]["domain"] == [
        "United Kingdom", "Japan"
    ]  # fmt: skip


# ---------------------------------------------------------------- the Claims table


@pytest.fixture
def quotes(ledger_path):
    """An article of quotes only: no figure, subject, metric or period on any claim."""
    db = store.connect(ledger_path)
    text = 'Kim said: "We will not give up." Lee said: "Talks go on."'
    claims = [
        claim_for(text, "We will not give up.", None, kind="quote", speaker="Kim"),
        claim_for(text, "Talks go on.", None, kind="quote", speaker="Lee"),
    ]
    store.add_source(db, text, claims, title="Quotes only", published="2024-02-02")
    return db


def claims_table(at):
    return next(d for d in at.dataframe if "sentence" in d.value.columns)


def test_the_claims_table_shows_each_sentence_with_its_figure_marked(ledger_path):
    at = open_page("claims", query={"metric": "discount rate"})
    assert not at.exception
    table = claims_table(at)
    shown = list(table.proto.column_order)
    assert shown[:3] == ["id", "status", "sentence"]  # the sentence before the fields
    listed = query.list_claims(
        store.connect(ledger_path), query.ClaimFilter(metric="discount rate"), page_size=50
    )
    rows = {r["id"]: r for r in listed}
    for claim_id, sentence in zip(table.value["id"], table.value["sentence"], strict=True):
        assert f"«{rows[claim_id]['surface']}»" in sentence, sentence


def test_the_claims_table_hides_empty_columns_and_shows_blanks_not_none(quotes):
    at = open_page("claims", query={"kind": "quote"})
    assert not at.exception
    table = claims_table(at)
    shown = list(table.proto.column_order)
    assert "speaker" in shown and "sentence" in shown
    assert not {"figure", "subject", "metric", "period"} & set(shown)
    assert table.proto.placeholder == ""  # a missing value is a blank cell
    sentences = set(table.value["sentence"])
    assert 'Kim said: "«We will not give up.»' in " ".join(sentences)


# ---------------------------------------------------------------- group names


@pytest.fixture
def two_spellings(ledger_path):
    """Britain's 2022 inflation disputed by three outlets; five papers call it the UK's in
    2021: the name's commonest spelling is "the UK", the 2022 group's own "Britain"."""
    db = store.connect(ledger_path)
    stated = [(2022, "Britain", v, f"Outlet {i}") for i, v in enumerate((5.0, 5.0, 9.0))]
    stated += [(2021, "the UK", 2.0, f"Paper {i}") for i in range(5)]
    for n, (year, subject, value, outlet) in enumerate(stated):
        text = f"{subject}'s inflation was {value} percent in {year}, {outlet} said."
        claim = numeric_claim(text, f"{value} percent", value, unit="percent", subject=subject,
                              metric="inflation", period=str(year))  # fmt: skip
        store.add_source(db, text, [claim], title=outlet, published=f"{year + 1}-01-{n + 1:02d}")
    return db


def test_a_group_reads_the_same_in_the_overview_the_selector_and_the_header(two_spellings):
    overview = open_page("overview")
    table = next(d for d in overview.dataframe if "figure" in d.value.columns).value
    disputed = next(f for f in table["figure"] if "inflation" in f and "2022" in f)
    assert disputed == "the UK · inflation · percent · 2022"
    key = groups.ClaimKey("united kingdom", "inflation", "percent", "2022")
    at = open_page("compare", query=render.group_key_params(key))
    picked = at.selectbox(key="c_key")
    assert picked.format_func(picked.value).startswith(f"{disputed} (")
    assert title_of(at.get("vega_lite_chart")[0]) == disputed
    assert disputed in texts(at)
