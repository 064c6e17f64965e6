"""Official reference series: import from CSV, Excel and JSON, vintages, derived series,
refusals that write nothing, the shipped pack and the command line."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook

from claims import config, reference, store
from claims.model import ClaimsError
from tests.test_cli import run

RATE_CSV = """Date,Country,Rate
2016-01-01,Zembla,5.1
2016-02-01,Zembla,4.9
2016-03-01,Zembla,5.0
2016-01-01,Ruritania,7.0
"""
ZEMBLA_RATE = reference.SeriesSpec(
    name="Zembla jobless rate",
    unit="percent",
    frequency="month",
    value_column="Rate",
    filters={"Country": "Zembla"},
    publisher="Zembla Statistics Office",
)


@pytest.fixture
def db(tmp_path):
    return store.connect(tmp_path / "ledger.db")


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def stored_rows(db) -> int:
    return db.execute("SELECT count(*) FROM reference_observations").fetchone()[0]


def test_a_csv_series_is_stored_by_period_of_its_frequency(db, tmp_path):
    result = reference.import_file(db, write(tmp_path, "rates.csv", RATE_CSV), ZEMBLA_RATE)
    assert (result.vintage, result.observations) == (1, 3)
    assert reference.observations(db, "Zembla jobless rate") == [
        ("2016-01", 5.1),
        ("2016-02", 4.9),
        ("2016-03", 5.0),
    ]
    (listed,) = reference.list_series(db)
    assert (listed["first"], listed["last"], listed["publisher"]) == (
        "2016-01",
        "2016-03",
        "Zembla Statistics Office",
    )
    sha = db.execute("SELECT sha256 FROM reference_imports").fetchone()[0]
    assert len(sha) == 64


@pytest.mark.parametrize(
    ("cell", "frequency", "period"),
    [
        ("2016-05-17", "day", "2016-05-17"),
        ("2016-05-17", "month", "2016-05"),
        ("2016-05-17", "quarter", "2016-Q2"),
        ("2016-05", "year", "2016"),
        ("2016Q3", "quarter", "2016-Q3"),
        ("2016", "year", "2016"),
        ("2016", "month", None),
        ("2016-02-30", "day", None),
        ("May 2016", "month", None),
    ],
)
def test_dates_become_periods_as_claims_write_them(cell, frequency, period):
    assert reference.period_of(cell, frequency) == period


@pytest.mark.parametrize(
    ("csv_text", "spec_changes", "message"),
    [
        (RATE_CSV, {"value_column": "Value"}, "has no column 'Value'"),
        (RATE_CSV.replace("4.9", "n/a"), {}, "row 3: Rate is 'n/a', not a number"),
        (RATE_CSV.replace("2016-02-01", "2016-01-15"), {}, "2016-01 is given twice"),
        (RATE_CSV.replace("2016-02-01", "yesterday"), {}, "row 3: Date is 'yesterday'"),
        ("Date,Country,Rate\n", {}, "has no rows"),
        (RATE_CSV, {"filters": {"Country": "Atlantis"}}, "has no rows with a value"),
        (RATE_CSV, {"frequency": "fortnight"}, "is not one of"),
    ],
)
def test_a_bad_file_is_refused_with_one_line_and_nothing_written(
    db, tmp_path, csv_text, spec_changes, message
):
    spec = reference.SeriesSpec(**{**ZEMBLA_RATE.__dict__, **spec_changes})
    with pytest.raises(ClaimsError, match=message):
        reference.import_file(db, write(tmp_path, "rates.csv", csv_text), spec)
    assert stored_rows(db) == 0
    assert reference.list_series(db) == []


def test_a_revised_file_is_a_new_vintage_and_the_first_estimate_is_kept(db, tmp_path):
    path = write(tmp_path, "rates.csv", RATE_CSV)
    reference.import_file(db, path, ZEMBLA_RATE)
    again = reference.import_file(db, path, ZEMBLA_RATE)
    assert again.unchanged and again.vintage == 1
    revised = write(tmp_path, "rates.csv", RATE_CSV.replace("4.9", "4.8"))
    result = reference.import_file(db, revised, ZEMBLA_RATE)
    assert result.vintage == 2
    assert dict(reference.observations(db, "Zembla jobless rate"))["2016-02"] == 4.8
    assert dict(reference.observations(db, "Zembla jobless rate", vintage=1))["2016-02"] == 4.9


def test_a_series_keeps_its_unit_and_frequency(db, tmp_path):
    path = write(tmp_path, "rates.csv", RATE_CSV)
    reference.import_file(db, path, ZEMBLA_RATE)
    changed = reference.SeriesSpec(**{**ZEMBLA_RATE.__dict__, "unit": "percentage point"})
    with pytest.raises(ClaimsError, match="Give the new one another name"):
        reference.import_file(db, write(tmp_path, "other.csv", RATE_CSV + "2016-04-01,Zembla,4\n"),
                              changed)  # fmt: skip


def test_excel_and_json_files_import_alike(db, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Year", "Value"])
    sheet.append([2019, 1.5])
    sheet.append([2020, -2.25])
    book.save(tmp_path / "gdp.xlsx")
    spec = reference.SeriesSpec(name="Zembla growth", unit="percent", frequency="year",
                                date_column="Year")  # fmt: skip
    reference.import_file(db, tmp_path / "gdp.xlsx", spec)
    assert reference.observations(db, "Zembla growth") == [("2019", 1.5), ("2020", -2.25)]
    rows = {"observations": [{"Date": "2021-03-31", "Value": 2.0}]}
    path = write(tmp_path, "growth.json", json.dumps(rows))
    quarterly = reference.SeriesSpec(name="Zembla growth, quarterly", unit="percent",
                                     frequency="quarter")  # fmt: skip
    reference.import_file(db, path, quarterly)
    assert reference.observations(db, "Zembla growth, quarterly") == [("2021-Q1", 2.0)]


def test_a_broken_excel_file_is_refused(db, tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ClaimsError, match="not a readable Excel workbook"):
        reference.import_file(db, path, ZEMBLA_RATE)


def test_a_derived_series_is_the_change_on_a_year_earlier(db, tmp_path):
    index = "Date,Value\n2015-01-01,200\n2015-02-01,210\n2016-01-01,206\n2016-02-01,210\n"
    spec = reference.SeriesSpec(name="Zembla prices", unit="index point", frequency="month")
    reference.import_file(db, write(tmp_path, "cpi.csv", index), spec)
    result = reference.derive(db, "Zembla prices", "Zembla inflation")
    assert result.observations == 2
    assert reference.observations(db, "Zembla inflation") == [("2016-01", 3.0), ("2016-02", 0.0)]
    row = reference.series_row(db, "Zembla inflation")
    assert (row["unit"], row["means"]) == ("percent", "change on a year earlier")
    assert row["transform"] == "percent change on a year earlier of Zembla prices"


def test_the_shipped_pack_loads_once(db):
    results = reference.load_pack(db, config.REFERENCE_DIR)
    names = {r.series for r in results}
    assert "US unemployment rate (annual average)" in names
    assert "Brent crude oil spot price (daily)" in names
    assert dict(reference.observations(db, "US unemployment rate (annual average)"))["2009"] == 9.3
    again = reference.load_pack(db, config.REFERENCE_DIR)
    assert all(r.unchanged for r in again)
    assert (config.REFERENCE_DIR / "README.md").read_text().count("ODC-PDDL-1.0") >= 1


def test_the_command_line_adds_lists_and_shows(tmp_path):
    path = tmp_path / "ledger.db"
    store.connect(path).close()
    csv_path = write(tmp_path, "rates.csv", RATE_CSV)
    added = run("reference", "add", str(csv_path), "--name", "Zembla jobless rate",
                "--unit", "percent", "--frequency", "month", "--value-column", "Rate",
                "--filter", "Country=Zembla", "--db", str(path))  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "3 observations (vintage 1)" in added.stdout
    listed = run("reference", "list", "--json", "--db", str(path))
    assert json.loads(listed.stdout)["name"] == "Zembla jobless rate"
    shown = run("reference", "show", "Zembla jobless rate", "--db", str(path))
    assert shown.stdout.splitlines() == ["2016-01\t5.1", "2016-02\t4.9", "2016-03\t5"]
    refused = run("reference", "add", str(csv_path), "--name", "x", "--unit", "percent",
                  "--frequency", "month", "--filter", "Country", "--db", str(path))  # fmt: skip
    assert refused.returncode == 2
    assert refused.stderr.strip() == "error: --filter takes COLUMN=VALUE, not 'Country'."


# ---------------------------------------------------------------- scales

GDP_MILLIONS_CSV = "Date,Value\n2015,18295019\n2021,23315081.5\n"


@pytest.mark.parametrize(
    ("text", "scale"),
    [(None, 1.0), ("", 1.0), ("thousand", 1e3), ("Millions", 1e6), ("bn", 1e9),
     ("trillion", 1e12), ("1000", 1e3), ("1e6", 1e6), (2.5, 2.5)],
)  # fmt: skip
def test_a_scale_is_read_as_a_word_or_a_number(text, scale):
    assert reference.parse_scale(text) == scale


@pytest.mark.parametrize("text", ["lots", "0", "-1000", "nan", "inf"])
def test_a_scale_that_is_no_positive_number_is_refused(text):
    with pytest.raises(ClaimsError, match="A scale is .* or a positive number"):
        reference.parse_scale(text)


def test_a_file_in_millions_is_stored_in_full_and_its_scale_recorded(tmp_path):
    path = tmp_path / "ledger.db"
    store.connect(path).close()
    csv_path = write(tmp_path, "gdp.csv", GDP_MILLIONS_CSV)
    add = ("reference", "add", str(csv_path), "--name", "US GDP (millions of US$)",
           "--unit", "USD", "--frequency", "year", "--db", str(path))  # fmt: skip
    added = run(*add, "--scale", "million")
    assert added.returncode == 0, added.stderr
    assert added.stdout == (
        "US GDP (millions of US$): 2 observations (vintage 1), stated in millions and "
        "stored in full (x 1,000,000).\n"
    )
    db = store.connect(path)
    assert reference.observations(db, "US GDP (millions of US$)") == [
        ("2015", 18295019000000.0),
        ("2021", 23315081500000.0),
    ]
    assert [v["scale"] for v in reference.vintages(db, "US GDP (millions of US$)")] == [1e6]
    # The same file at the same scale is a repeat; at another scale it is new data.
    assert "nothing changed" in run(*add, "--scale", "1000000").stdout
    assert "(vintage 2), stated in thousands" in run(*add, "--scale", "thousand").stdout
    assert dict(reference.observations(db, "US GDP (millions of US$)", 1))["2015"] == 1.8295019e13
    shown = run(
        "reference", "show", "US GDP (millions of US$)", "--vintage", "1", "--db", str(path)
    )
    assert shown.stdout.splitlines() == ["2015\t18295019000000", "2021\t23315081500000"]
    listed = run("reference", "list", "--db", str(path)).stdout
    assert "vintage 2, stated in thousands and stored in full (x 1,000)" in listed


def test_a_bad_scale_is_refused_in_one_line_and_nothing_written(tmp_path):
    path = tmp_path / "ledger.db"
    store.connect(path).close()
    refused = run("reference", "add", str(write(tmp_path, "gdp.csv", GDP_MILLIONS_CSV)),
                  "--name", "US GDP", "--unit", "USD", "--frequency", "year",
                  "--scale", "lots", "--db", str(path))  # fmt: skip
    assert refused.returncode == 2
    assert refused.stderr == (
        "error: A scale is hundred, thousand, million, billion, trillion or a positive "
        "number, not 'lots'.\n"
    )
    assert reference.list_series(store.connect(path)) == []


def test_a_pack_entry_may_state_its_scale(tmp_path, db):
    write(tmp_path, "gdp.csv", GDP_MILLIONS_CSV)
    pack = [{"file": "gdp.csv", "name": "US GDP", "unit": "USD", "frequency": "year",
             "scale": "million"}]  # fmt: skip
    write(tmp_path, "pack.json", json.dumps(pack))
    reference.load_pack(db, tmp_path)
    assert dict(reference.observations(db, "US GDP"))["2015"] == 1.8295019e13
