"""Official figures on the pages: the Reference page, the Timeline's official line,
Compare's official mark and the claim detail's check, over the sample ledger with the
shipped reference pack (tests/sample_ledger.py does not load it) and three claims of
the US unemployment rate written here."""

from __future__ import annotations

import json
import shutil

import pytest
from pyarrow import ipc

from claims import checks, config, reference, reference_links, store
from claims.normalise import key_columns
from tests.pages.conftest import open_page, texts
from tests.reference_ledger import US_UNEMPLOYMENT, add_annual_jobs, link_us_unemployment

BLS_URL = "https://www.bls.gov/cps/tables.htm"
UNEMPLOYMENT_KEY = key_columns("the United States", "unemployment rate", "percent")


@pytest.fixture(scope="session")
def reference_template(ledger_template, tmp_path_factory):
    """The page tests' sample ledger, with the shipped pack and the jobs article."""
    path = tmp_path_factory.mktemp("reference-template") / "ledger.db"
    shutil.copy(ledger_template, path)
    db = store.connect(path)
    reference.load_pack(db, config.REFERENCE_DIR)
    add_annual_jobs(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def ledger_path(reference_template, tmp_path, monkeypatch):
    path = tmp_path / "claims.db"
    shutil.copy(reference_template, path)
    monkeypatch.setenv(config.ENV_VAR, str(path))
    return path


@pytest.fixture
def db(ledger_path):
    opened = store.connect(ledger_path)
    yield opened
    opened.close()


@pytest.fixture
def linked(db):
    """The US unemployment rate series linked to the jobs article's figure."""
    return link_us_unemployment(db)


def plain(text: str) -> str:
    """Text without the backslashes that keep markdown inert."""
    return text.replace("\\", "")


def table(at, column: str):
    """The page's table with this column (AppTest keeps no key of a plain dataframe)."""
    found = [frame.value for frame in at.dataframe if column in frame.value.columns]
    assert found, f"no table with a {column!r} column"
    return found[0]


def claim_with(db, surface: str) -> int:
    return db.execute("SELECT id FROM claims WHERE surface = ?", [surface]).fetchone()[0]


def unemployment_proposal(db) -> reference_links.Proposal:
    found = [p for p in reference_links.proposals(db) if p.series == US_UNEMPLOYMENT]
    assert found, "the jobs article's figure should be proposed for the BLS series"
    return found[0]


# ---------------------------------------------------------------- the Reference page


def test_the_reference_page_lists_the_shipped_series_with_their_coverage(ledger_path):
    at = open_page("reference")
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Reference series"
    shown = table(at, "coverage")
    row = shown[shown["name"] == US_UNEMPLOYMENT].iloc[0]
    assert row["publisher"] == "U.S. Bureau of Labor Statistics"
    assert (row["unit"], row["frequency"], row["vintage"]) == ("percent", "year", 1)
    assert row["coverage"].startswith("1941 to ")
    assert row["url"] == BLS_URL
    assert "Brent crude oil spot price (daily)" in set(shown["name"])


def test_accepting_a_proposal_needs_a_note_and_is_logged_then_undone(ledger_path, db):
    proposal = unemployment_proposal(db)
    at = open_page("reference", reviewer="Ana")
    at.button(key=f"r_accept_{proposal.id}").click().run()
    assert "note" in plain(at.error[0].value)
    assert reference_links.decision_log(db) == []

    at.text_input(key=f"r_note_{proposal.id}").input("the BLS annual average")
    at.button(key=f"r_accept_{proposal.id}").click().run()
    assert not at.error, [e.value for e in at.error]
    assert f"Linked {US_UNEMPLOYMENT}" in at.success[0].value
    [decision] = reference_links.decision_log(db)
    assert (decision["action"], decision["reviewer"], decision["note"]) == (
        "accept", "Ana", "the BLS annual average"
    )  # fmt: skip
    links = table(at, "claims")
    assert list(links["series"]) == [US_UNEMPLOYMENT]
    assert list(links["claims"]) == [3]
    assert "the BLS annual average" in set(table(at, "action")["note"])
    assert f"r_accept_{proposal.id}" not in [b.key for b in at.button]  # no longer proposed

    at.text_input(key="r_undo_note").input("linked the wrong series")
    at.button(key="r_undo_go").click().run()
    assert "Decision undone." in at.success[0].value
    assert reference_links.links(db) == []
    assert [d["action"] for d in reference_links.decision_log(db)] == ["undo", "accept"]


def upload_series(at, name: str, data: bytes, **fields: str):
    at.file_uploader(key="r_file").set_value((name, data, "text/csv"))
    at.text_input(key="r_name").input(fields.get("series", "Zembla CPI"))
    at.text_input(key="r_unit").input(fields.get("unit", "index point"))
    at.selectbox(key="r_frequency").set_value(fields.get("frequency", "month"))
    at.button(key="r_import_go").click().run()


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("cpi.csv", b"Date,Value\n2020-01,100\n2020-02,n/a\n", "Value is 'n/a', not a number"),
        ("cpi.csv", b"When,Value\n2020-01,100\n", "has no column 'Date'"),
        ("cpi.csv", b"Date,Value\n2020-01,100\n2020-01-15,101\n", "2020-01 is given twice"),
        ("cpi.json", b"{not json", "cpi.json is not JSON"),
        ("cpi.xlsx", b"PK not a workbook", "not a readable Excel workbook"),
    ],
)  # fmt: skip
def test_a_bad_file_is_refused_in_one_message_and_nothing_is_written(
    ledger_path, db, name, data, said
):
    before = (db["reference_series"].count, db["reference_imports"].count)
    at = open_page("reference", reviewer="Ana")
    upload_series(at, name, data)
    assert len(at.error) == 1
    message = plain(at.error[0].value)
    assert message.startswith("Not imported, nothing was written:")
    assert said in message
    assert (db["reference_series"].count, db["reference_imports"].count) == before
    assert not at.success


def test_a_good_file_is_imported_and_listed_with_its_name_shown_literally(ledger_path, db):
    hostile = "<b>Zembla</b> *CPI* [x](javascript:alert(1))"
    at = open_page("reference", reviewer="Ana")
    upload_series(at, "cpi.csv", b"Date,Value\n2020-01,100\n2020-02,101.5\n", series=hostile)
    assert not at.error, [e.value for e in at.error]
    assert "2 observations (vintage 1)" in at.success[0].value
    assert dict(reference.observations(db, hostile)) == {"2020-01": 100.0, "2020-02": 101.5}
    shown = table(at, "coverage")
    assert hostile in set(shown["name"])  # a dataframe cell: text, never markup
    assert "<b>Zembla</b>" not in "".join(str(e.proto.body) for e in at.get("html"))


# ---------------------------------------------------------------- the Timeline


def test_the_timeline_names_and_draws_the_official_series_of_a_linked_key(ledger_path, linked):
    at = open_page("timeline", query=UNEMPLOYMENT_KEY)
    assert not at.exception, [e.value for e in at.exception]
    captions = [plain(c.value) for c in at.caption]
    assert (
        "Official series (grey line, by period): US unemployment rate (annual average), "
        "vintage 1, published by U.S. Bureau of Labor Statistics (annual, 84 observations)."
    ) in captions
    assert [b.proto.url for b in at.get("link_button")] == [BLS_URL]
    by_period = at.get("vega_lite_chart")[0].proto
    subtitle = " ".join(json.loads(by_period.spec)["title"]["subtitle"])  # wrapped lines
    assert subtitle.endswith("; the grey line is US unemployment rate (annual average)")
    # The claims span 2019-2022: the official line covers it and a year either side.
    assert official_points(by_period) == {
        "2018": 3.9, "2019": 3.7, "2020": 8.1, "2021": 5.3, "2022": 3.6, "2023": 3.6
    }  # fmt: skip


def official_points(chart) -> dict[str, float]:
    """period -> value of a chart's official line: its dataset with a 'series' column."""
    for dataset in chart.datasets:
        frame = ipc.open_stream(dataset.data.data).read_pandas()
        if "series" in frame.columns:
            return dict(zip(frame["period"], frame["value"], strict=True))
    return {}


def test_the_timeline_of_an_unlinked_key_draws_no_official_line(ledger_path):
    at = open_page("timeline", query=UNEMPLOYMENT_KEY)
    assert not at.exception
    assert not any("Official series" in c.value for c in at.caption)
    assert official_points(at.get("vega_lite_chart")[0].proto) == {}


# ---------------------------------------------------------------- Compare


def test_compare_marks_the_official_value_of_a_period_of_the_series_frequency(ledger_path, linked):
    at = open_page("compare", query={**UNEMPLOYMENT_KEY, "period": "2022"})
    assert not at.exception, [e.value for e in at.exception]
    assert (
        "Official figure for 2022: 3.6 (US unemployment rate (annual average), vintage 1); "
        "the solid grey line on the chart."
    ) in [plain(c.value) for c in at.caption]
    monthly = open_page("compare", query={**UNEMPLOYMENT_KEY, "period": "2022-03"})
    assert not any("Official figure" in c.value for c in monthly.caption)


# ---------------------------------------------------------------- the claim detail


def test_the_claim_detail_shows_its_check_and_a_person_confirms_the_suggestion(
    ledger_path, db, linked
):
    claim_id = claim_with(db, "3.9%")
    at = open_page("claims", query={"claim": str(claim_id)}, reviewer="Ana")
    assert not at.exception, [e.value for e in at.exception]
    shown = texts(at)
    assert f"Against {US_UNEMPLOYMENT} (vintage 1), period 2022" in shown
    assert "Claim 3.9 · official 3.6 · difference 0.3" in shown
    assert "Suggestion: differs by 0.3 points (official 3.6)" in shown
    assert store.get_claim(db, claim_id)["status"] == "unreviewed"  # a check sets nothing

    at.button(key=f"chk_disputed_{claim_id}_0").click().run()
    assert not at.error, [e.value for e in at.error]
    assert f"Claim {claim_id} is now disputed." in at.success[0].value
    assert store.get_claim(db, claim_id)["status"] == "disputed"
    [review] = store.reviews_of(db, claim_id)
    assert review["reviewer"] == "Ana"
    assert review["note"] == (
        f"{US_UNEMPLOYMENT}, vintage 1, 2022: differs by 0.3 points (official 3.6)"
    )
    assert review["evidence_url"] == BLS_URL


def test_a_confirmation_needs_the_reviewers_name(ledger_path, db, linked):
    claim_id = claim_with(db, "3.7%")
    at = open_page("claims", query={"claim": str(claim_id)})
    assert "matches the official figure within tolerance" in texts(at)
    at.button(key=f"chk_verified_{claim_id}_0").click().run()
    assert "reviewer" in plain(at.error[0].value).lower()
    assert store.get_claim(db, claim_id)["status"] == "unreviewed"


def test_a_monthly_claim_against_the_annual_series_shows_a_frequency_mismatch(
    ledger_path, db, linked
):
    claim_id = claim_with(db, "3.5%")
    at = open_page("claims", query={"claim": str(claim_id)}, reviewer="Ana")
    warnings = [plain(w.value) for w in at.warning]
    assert (
        f"{US_UNEMPLOYMENT}: frequency mismatch: claim is monthly, series is annual. Not compared."
    ) in warnings
    assert not [b for b in at.button if b.key.startswith(f"chk_verified_{claim_id}")]


# ---------------------------------------------------------------- linking by hand


def link_by_hand(at, series: str, **fields: str):
    at.selectbox(key="r_link_series").set_value(series)
    at.text_input(key="r_link_subject").input(fields.get("subject", "United States"))
    at.text_input(key="r_link_metric").input(fields.get("metric", "unemployment rate"))
    at.text_input(key="r_link_unit").input(fields.get("unit", ""))
    at.text_input(key="r_link_note").input(fields.get("note", ""))
    at.button(key="r_link_go").click().run()


def test_a_person_links_a_series_to_a_figure_they_name_and_undoes_it(ledger_path, db):
    at = open_page("reference", reviewer="Ana")
    link_by_hand(at, US_UNEMPLOYMENT)  # no note
    assert [plain(e.value) for e in at.error] == [
        "Not linked, nothing was written: Say why in the note: every link decision keeps one."
    ]
    assert reference_links.decision_log(db) == []

    link_by_hand(at, US_UNEMPLOYMENT, note="the BLS annual average, not proposed")
    assert not at.error, [e.value for e in at.error]
    assert plain(at.success[0].value) == (
        f"Linked {US_UNEMPLOYMENT} to united states / unemployment rate / percent: "
        "it checks 3 claim(s)."
    )
    [decision] = reference_links.decision_log(db)
    assert (decision["action"], decision["reviewer"], decision["note"], decision["score"]) == (
        "accept", "Ana", "the BLS annual average, not proposed", None
    )  # fmt: skip
    assert list(table(at, "claims")["series"]) == [US_UNEMPLOYMENT]

    # The same log as a proposal's: the undo beneath takes the link back.
    at.text_input(key="r_undo_note").input("meant the monthly series")
    at.button(key="r_undo_go").click().run()
    assert "Decision undone." in at.success[0].value
    assert reference_links.links(db) == []
    assert [d["action"] for d in reference_links.decision_log(db)] == ["undo", "accept"]


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"unit": "USD", "note": "n"}, "is in percent; claims in USD cannot be checked"),
        ({"metric": "", "note": "n"}, "A link needs a metric"),
    ],
)
def test_a_link_by_hand_that_cannot_hold_is_refused_and_nothing_written(
    ledger_path, db, fields, said
):
    at = open_page("reference", reviewer="Ana")
    link_by_hand(at, US_UNEMPLOYMENT, **fields)
    assert len(at.error) == 1 and said in plain(at.error[0].value)
    assert reference_links.decision_log(db) == []
    assert not at.success


def test_a_link_by_hand_needs_the_reviewers_name(ledger_path, db):
    at = open_page("reference")
    link_by_hand(at, US_UNEMPLOYMENT, note="the BLS annual average")
    assert "reviewer" in plain(at.error[0].value).lower()
    assert reference_links.decision_log(db) == []


# ---------------------------------------------------------------- scales


def test_a_file_stated_in_millions_is_imported_in_full(ledger_path, db):
    at = open_page("reference", reviewer="Ana")
    at.text_input(key="r_scale").input("million")
    upload_series(at, "gdp.csv", b"Date,Value\n2021,23315081\n", series="US GDP",
                  unit="USD", frequency="year")  # fmt: skip
    assert not at.error, [e.value for e in at.error]
    assert plain(at.success[0].value) == (
        "US GDP: 1 observations (vintage 1), stated in millions and stored in full (x 1,000,000)."
    )
    assert reference.observations(db, "US GDP") == [("2021", 23315081e6)]
    shown = table(at, "coverage")
    assert shown[shown["name"] == "US GDP"].iloc[0]["scale"] == 1e6


def test_a_scale_that_is_no_number_is_refused_and_nothing_written(ledger_path, db):
    before = db["reference_imports"].count
    at = open_page("reference", reviewer="Ana")
    at.text_input(key="r_scale").input("lots")
    upload_series(at, "gdp.csv", b"Date,Value\n2021,23315081\n", series="US GDP",
                  unit="USD", frequency="year")  # fmt: skip
    assert [plain(e.value) for e in at.error] == [
        "Not imported, nothing was written: A scale is hundred, thousand, million, billion, "
        "trillion or a positive number, not 'lots'."
    ]
    assert db["reference_imports"].count == before


# ---------------------------------------------------------------- an earlier vintage

REVISED = {"2018": 3.9, "2019": 3.5, "2020": 8.0, "2021": 5.4, "2022": 3.6, "2023": 3.7}


def revise_us_unemployment(db) -> None:
    """A second vintage of the BLS series, as a re-imported revised file makes."""
    row = reference.series_row(db, US_UNEMPLOYMENT)
    spec = reference.SeriesSpec(name=row["name"], unit=row["unit"], frequency=row["frequency"])
    reference.store_observations(
        db, spec, sorted(REVISED.items()), source="revised.csv", sha256="revised"
    )


def test_the_timeline_draws_an_earlier_vintage_a_person_picks(ledger_path, db, linked):
    revise_us_unemployment(db)
    at = open_page("timeline", query=UNEMPLOYMENT_KEY)
    assert not at.exception, [e.value for e in at.exception]
    picker = at.selectbox(key=f"t_vintage:{US_UNEMPLOYMENT}")
    assert picker.value == 2  # the latest, unless a person picks another
    assert picker.options[0].startswith("2 (latest), imported ")
    assert picker.options[1].startswith("1, imported ")
    captions = [plain(c.value) for c in at.caption]
    assert any(f"{US_UNEMPLOYMENT}, vintage 2, the latest of 2, published" in c for c in captions)
    assert official_points(at.get("vega_lite_chart")[0].proto) == REVISED

    picker.set_value(1).run()
    captions = [plain(c.value) for c in at.caption]
    assert any(
        f"{US_UNEMPLOYMENT}, vintage 1 of 2, an earlier estimate (checks use the latest, "
        "vintage 2), published by U.S. Bureau of Labor Statistics" in c
        for c in captions
    ), captions
    chart = at.get("vega_lite_chart")[0].proto
    assert official_points(chart) == {
        "2018": 3.9, "2019": 3.7, "2020": 8.1, "2021": 5.3, "2022": 3.6, "2023": 3.6
    }  # fmt: skip
    subtitle = " ".join(json.loads(chart.spec)["title"]["subtitle"])
    assert subtitle.endswith(f"the grey line is {US_UNEMPLOYMENT} (vintage 1 of 2)")
    # What the Timeline draws is a view: checks keep to the latest vintage.
    (check,) = checks.check_claim(db, claim_with(db, "3.9%"))
    assert check.vintage == 2
