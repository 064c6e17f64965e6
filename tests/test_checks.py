"""Checks: claims of linked keys beside the official figures for their periods, never
compared across frequencies, and a person's confirmation written to the review log."""

from __future__ import annotations

import json

import pytest

from claims import checks, reference_links, store
from claims.model import ClaimsError
from tests.ledger_data import claim_for
from tests.reference_ledger import (
    BRENT_2022_03,
    BRENT_2022_03_08,
    BRENT_DAILY,
    BRENT_MONTHLY,
    CHINA_2020,
    CHINA_2021,
    CHINA_GDP,
    INFLATION,
    INFLATION_2022_03,
    UNEMPLOYMENT_2022,
    US_UNEMPLOYMENT,
    claim_id,
)
from tests.test_cli import run

LINKED = (BRENT_DAILY, BRENT_MONTHLY, CHINA_GDP, INFLATION, US_UNEMPLOYMENT)


def link_all(db) -> None:
    for proposal in reference_links.proposals(db):
        if proposal.series in LINKED:
            reference_links.accept(db, proposal.id, reviewer="ann", note="same figure")


def check_of(db, surface: str) -> checks.Check:
    (found,) = checks.check_claim(db, claim_id(db, surface))
    return found


def test_nothing_is_checked_before_a_person_links_a_series(ledger):
    assert checks.check_claims(ledger) == []
    assert checks.check_claim(ledger, claim_id(ledger, "8.5%")) == []


def test_an_oil_price_on_a_day_is_checked_against_the_daily_price(ledger):
    link_all(ledger)
    daily = check_of(ledger, "$133.18")
    assert (daily.series, daily.period, daily.official_value) == (
        BRENT_DAILY,
        "2022-03-08",
        BRENT_2022_03_08,
    )
    assert daily.difference == 0
    assert daily.suggestion == "matches the official figure within tolerance (official 133.18)"
    # The month's figure meets the monthly average, not a day of it.
    monthly = check_of(ledger, "$117")
    assert (monthly.series, monthly.official_value) == (BRENT_MONTHLY, BRENT_2022_03)
    assert monthly.outcome == checks.MATCH  # "about $117": a dollar either way


def test_a_countrys_gdp_in_a_year_is_checked_against_the_world_bank(ledger):
    link_all(ledger)
    rounded_down = check_of(ledger, "$17.7 trillion")
    assert (rounded_down.series, rounded_down.vintage, rounded_down.official_value) == (
        CHINA_GDP,
        1,
        CHINA_2021,
    )
    assert rounded_down.difference == pytest.approx(17.7e12 - CHINA_2021)
    # $17.7tn allows $0.05tn; the official $17.82tn is 0.68% more: a relative difference.
    assert rounded_down.outcome == checks.DIFFERS
    assert rounded_down.suggestion == "differs by 0.676% (official 17.82 trillion)"
    assert check_of(ledger, "$14.7 trillion").official_value == CHINA_2020
    assert check_of(ledger, "$14.7 trillion").outcome == checks.MATCH
    missing = check_of(ledger, "$30bn")
    assert (missing.outcome, missing.official_value, missing.difference) == (
        checks.NO_FIGURE,
        None,
        None,
    )
    assert missing.suggestion == "no official figure for 1950"


def test_inflation_in_a_month_is_checked_against_the_derived_12_month_change(ledger):
    link_all(ledger)
    found = check_of(ledger, "8.5%")
    assert (found.series, found.period, found.official_value) == (
        INFLATION,
        "2022-03",
        INFLATION_2022_03,
    )
    assert found.official_value == 8.5425
    assert found.outcome == checks.MATCH  # 8.5% is 8.5425 rounded to one decimal


def test_a_monthly_claim_against_an_annual_series_is_a_mismatch_not_a_comparison(ledger):
    link_all(ledger)
    monthly = check_of(ledger, "3.6%")
    assert monthly.outcome == checks.MISMATCH
    assert monthly.suggestion == "frequency mismatch: claim is monthly, series is annual"
    assert (monthly.official_value, monthly.difference) == (None, None)
    annual = check_of(ledger, "3.9%")
    assert (annual.official_value, annual.outcome) == (UNEMPLOYMENT_2022, checks.DIFFERS)
    assert annual.suggestion == "differs by 0.3 points (official 3.6)"
    assert annual.difference == pytest.approx(0.3)
    no_period = check_of(ledger, "3.7%")
    assert no_period.suggestion == "cannot be checked: the claim has no period"


def test_a_claim_of_a_month_with_only_a_daily_series_linked_is_a_mismatch(ledger):
    reference_links.accept(
        ledger, _proposal(ledger, BRENT_DAILY), reviewer="ann", note="daily quotes"
    )
    assert check_of(ledger, "$117").suggestion == (
        "frequency mismatch: claim is monthly, series is daily"
    )


def _proposal(db, series: str) -> str:
    return next(p.id for p in reference_links.proposals(db) if p.series == series)


def test_checks_filter_by_series_subject_and_metric(ledger):
    link_all(ledger)
    every = checks.check_claims(ledger)
    # Each claim once: with both Brent series linked, a day meets the daily price and a
    # month the monthly average, neither a mismatch with the other.
    every_claim = [row[0] for row in ledger.execute("SELECT id FROM claims ORDER BY id")]
    assert [c.claim_id for c in every] == every_claim
    by_series = checks.check_claims(ledger, series=CHINA_GDP)
    assert {c.claim_id for c in by_series} == {
        claim_id(ledger, s) for s in ("$17.7 trillion", "$14.7 trillion", "$30bn")
    }
    by_words = checks.check_claims(ledger, subject="US", metric="unemployment")
    assert {c.series for c in by_words} == {US_UNEMPLOYMENT}
    assert len(by_words) == 3
    with pytest.raises(ClaimsError, match="No reference series named 'Atlantis'"):
        checks.check_claims(ledger, series="Atlantis")


@pytest.mark.parametrize(
    ("surface", "value", "expected"),
    [("3.5%", 3.5, 0.05), ("4%", 4, 0.5), ("$1.2bn", 1.2e9, 5e7), ("$85.12", 85.12, 0.005),
     ("5,000", 5000, 0.5), ("half", 50, 0.0)],
)  # fmt: skip
def test_the_tolerance_is_the_rounding_the_surface_shows(surface, value, expected):
    tolerance = checks.tolerance({"surface": surface, "value": value, "low": None})
    assert tolerance == pytest.approx(expected)


@pytest.mark.parametrize(
    ("approx", "official", "agrees"),
    [(None, 3.55, True), (None, 3.56, False), ("about", 3.6, True), ("about", 3.61, False),
     ("more than", 9.0, True), ("more than", 3.4, False), ("less than", 3.0, True),
     ("less than", 3.6, False)],
)  # fmt: skip
def test_approximate_figures_and_bounds_widen_the_match(approx, official, agrees):
    claim = {"surface": "3.5%", "value": 3.5, "low": None, "high": None, "approx": approx}
    assert checks._agrees(claim, official, checks.tolerance(claim)) is agrees


def test_confirming_a_suggestion_writes_a_review_with_the_note_and_evidence(ledger):
    link_all(ledger)
    claim = claim_id(ledger, "$17.7 trillion")
    updated = checks.confirm(ledger, claim, "disputed", reviewer="ann")
    assert updated["status"] == "disputed"
    (review,) = store.reviews_of(ledger, claim)
    assert (review["field"], review["old"], review["new"], review["reviewer"]) == (
        "status",
        "unreviewed",
        "disputed",
        "ann",
    )
    assert review["note"] == (
        f"{CHINA_GDP}, vintage 1, 2021: differs by 0.676% (official 17.82 trillion)"
    )
    assert review["evidence_url"] == "https://data.worldbank.org/indicator/NY.GDP.MKTP.CD"


def test_a_status_is_confirmed_only_from_an_official_figure(ledger):
    link_all(ledger)
    with pytest.raises(ClaimsError, match="no official figure to confirm"):
        checks.confirm(ledger, claim_id(ledger, "3.6%"), "verified", reviewer="ann")
    with pytest.raises(ClaimsError, match="confirms verified or disputed, not 'false'"):
        checks.confirm(ledger, claim_id(ledger, "8.5%"), "false", reviewer="ann")
    assert ledger.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
    assert store.get_claim(ledger, claim_id(ledger, "8.5%"))["status"] == "unreviewed"


# ---------------------------------------------------------------- command line


def test_check_json_prints_one_object_per_checked_claim(ledger_path):
    with store.connect(ledger_path) as db:
        link_all(db)
        gdp = claim_id(db, "$17.7 trillion")
    printed = run("check", "--json", "--series", CHINA_GDP, "--db", str(ledger_path))
    assert printed.returncode == 0, printed.stderr
    rows = [json.loads(line) for line in printed.stdout.splitlines()]
    assert len(rows) == 3
    assert rows[0] == {
        "claim_id": gdp,
        "series": CHINA_GDP,
        "vintage": 1,
        "period": "2021",
        "claim_value": 17.7e12,
        "official_value": CHINA_2021,
        "difference": rows[0]["difference"],
        "outcome": "differs",
        "suggestion": "differs by 0.676% (official 17.82 trillion)",
    }
    assert rows[0]["difference"] == pytest.approx(17.7e12 - CHINA_2021)
    table = run("check", "--subject", "United States", "--db", str(ledger_path))
    assert table.stdout.splitlines()[0].split() == [
        "claim", "period", "claim", "value", "official", "difference", "series", "suggestion",
    ]  # fmt: skip
    assert "frequency mismatch: claim is monthly, series is annual" in table.stdout


def test_check_confirms_one_claim_and_refuses_bad_input_in_one_line(ledger_path):
    with store.connect(ledger_path) as db:
        link_all(db)
        inflation = claim_id(db, "8.5%")
        mismatch = claim_id(db, "3.6%")
    db_args = ("--db", str(ledger_path))
    confirmed = run("check", "--claim", str(inflation), "--confirm", "verified", *db_args)
    assert confirmed.stdout.strip() == f"Claim {inflation} is now verified."
    refusals = [
        (("--claim", "999999"), "error: No claim with id 999999."),
        (("--claim", "x"), "error: A claim id is a whole number from 1 to 9223372036854775807, "
                           "not 'x'."),
        (("--confirm", "verified"), "error: --confirm sets one claim's status: give it with "
                                    "--claim ID."),
        (("--claim", str(mismatch), "--confirm", "verified"),
         f"error: Claim {mismatch} has no official figure to confirm a status by."),
        (("--series", "Atlantis"), "error: No reference series named 'Atlantis'."),
    ]  # fmt: skip
    for args, message in refusals:
        refused = run("check", *args, *db_args)
        assert (refused.returncode, refused.stderr.strip(), refused.stdout) == (2, message, "")
    with store.connect(ledger_path) as db:
        assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "xlsx", "parquet"])
def test_exports_carry_the_official_figure_and_the_manifest_names_its_series(ledger, fmt, tmp_path):
    from claims import export, importer

    link_all(ledger)
    out = tmp_path / f"claims.{export.FORMATS[fmt][0]}"
    export.write_export(ledger, None, fmt, out)
    rows = {row["surface"]: row for row in _exported_claims(out, fmt)}
    oil = rows["$133.18"]
    assert oil["official_series"] == BRENT_DAILY
    assert float(oil["official_value"]) == BRENT_2022_03_08
    assert float(oil["official_difference"]) == 0
    assert rows["$30bn"].get("official_value") in (None, "")  # 1950: no official figure
    manifest = json.loads(export.manifest_path(out).read_text(encoding="utf-8"))
    assert {"series": BRENT_DAILY, "vintage": 1} in manifest["reference_series"]
    assert "official_value" in manifest["columns"]
    # the columns are read, not stored, by a restore: the file still imports
    if fmt != "parquet":  # Parquet exports are one-way
        fresh = store.connect(tmp_path / "restored.db")
        importer.import_file(fresh, out)
        assert fresh["claims"].count == ledger["claims"].count


def _exported_claims(path, fmt) -> list[dict]:
    import csv

    if fmt == "csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return [r for r in csv.DictReader(fh) if r["surface"]]
    if fmt == "jsonl":
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        return [line for line in lines if "source_url" in line]
    if fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True)["claims"]
        header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        return [dict(zip(header, r, strict=False)) for r in rows]
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


def test_a_claim_in_trillions_is_checked_against_a_series_stated_in_millions(tmp_path):
    """ "$18tn" is stored as 1.8e13; a World Bank-style table in millions of dollars,
    imported with --scale million, meets it in full."""
    path = tmp_path / "ledger.db"
    text = "US GDP reached $18tn in 2015.\nBy 2021 it was still $18.0tn, the report said."
    with store.connect(path) as db:
        store.add_source(db, text, [
            claim_for(text, "$18tn", 18e12, unit="USD", subject="US", metric="GDP",
                      period="2015"),
            claim_for(text, "$18.0tn", 18e12, unit="USD", subject="US", metric="GDP",
                      period="2021"),
        ], title="GDP", published="2022-01-05")  # fmt: skip
    csv_path = tmp_path / "gdp.csv"
    csv_path.write_text("Date,Value\n2015,18295019\n2021,23315081\n", encoding="utf-8")
    added = run("reference", "add", str(csv_path), "--name", "US GDP", "--unit", "USD",
                "--frequency", "year", "--scale", "million", "--db", str(path))  # fmt: skip
    assert added.returncode == 0, added.stderr
    linked = run("reference", "link", "US GDP", "--subject", "US", "--metric", "GDP",
                 "--note", "the same figure", "--db", str(path))  # fmt: skip
    assert linked.returncode == 0, linked.stderr
    printed = run("check", "--json", "--db", str(path))
    rows = {row["period"]: row for row in map(json.loads, printed.stdout.splitlines())}
    assert rows["2015"]["official_value"] == 18295019e6
    assert rows["2015"]["suggestion"] == (
        "matches the official figure within tolerance (official 18.3 trillion)"
    )
    assert rows["2021"]["outcome"] == "differs"
    assert rows["2021"]["suggestion"] == "differs by 22.8% (official 23.32 trillion)"
