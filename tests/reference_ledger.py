"""A ledger of three articles and the shipped reference pack, for the link and check tests.

The claims are written with ledger_data.claim_for, not extracted, so that these
tests depend on the reference code only. The official values they are checked
against were read off the shipped files in data/reference by hand.
"""

from __future__ import annotations

import shutil

import pytest

from claims import config, reference, reference_links, store
from tests.ledger_data import claim_for

OIL = (
    "Brent crude settled at $133.18 a barrel on Tuesday, March 8.\n"
    "In March, Brent averaged about $117 a barrel."
)
GDP = (
    "China's economy was worth $17.7 trillion in 2021, the World Bank said.\n"
    "A year earlier it was $14.7 trillion.\n"
    "In 1950 it was some $30bn."
)
JOBS = (
    "US inflation rose to 8.5% in March, the Labor Department said.\n"
    "The unemployment rate in the United States fell to 3.6% in March.\n"
    "Over the year the unemployment rate averaged 3.9%, the office said.\n"
    "The unemployment rate in the United States is 3.7%."
)

BRENT_DAILY = "Brent crude oil spot price (daily)"
BRENT_MONTHLY = "Brent crude oil spot price (monthly average)"
CHINA_GDP = "China GDP (current US dollars)"
US_UNEMPLOYMENT = "US unemployment rate (annual average)"
CPI = "US consumer price index (CPI-U, 1982-84=100)"
# Made in the test ledger with reference.derive, apart from the pack's own.
INFLATION = "US 12-month inflation (test)"

# Official values, from data/reference by hand.
BRENT_2022_03_08 = 133.18  # brent-daily-usd.csv
BRENT_2022_03 = 117.25  # brent-monthly-usd.csv, dated 2022-03-15
CHINA_2021 = 17820459508852.184  # worldbank-gdp-current-usd.csv, CHN 2021
CHINA_2020 = 14687744162801.033
INFLATION_2022_03 = round(100 * (287.504 - 264.877) / 264.877, 4)  # CPI-U 2022-03 / 2021-03
UNEMPLOYMENT_2022 = 3.6  # us-employment-annual.csv, unemployed_percent


def _add_articles(db) -> None:
    store.add_source(
        db,
        OIL,
        [
            claim_for(OIL, "$133.18", 133.18, unit="USD", subject="Brent crude",
                      metric="price", period="2022-03-08"),
            claim_for(OIL, "$117", 117, unit="USD", approx="about", subject="Brent crude",
                      metric="price", period="2022-03"),
        ],
        title="Oil hits a record",
        published="2022-03-09",
    )  # fmt: skip
    store.add_source(
        db,
        GDP,
        [
            claim_for(GDP, "$17.7 trillion", 17.7e12, unit="USD", subject="China",
                      metric="gross domestic product", period="2021"),
            claim_for(GDP, "$14.7 trillion", 14.7e12, unit="USD", subject="China",
                      metric="gross domestic product", period="2020"),
            claim_for(GDP, "$30bn", 30e9, unit="USD", approx="some", subject="China",
                      metric="gross domestic product", period="1950"),
        ],
        title="China's economy",
        published="2022-12-30",
    )  # fmt: skip
    store.add_source(
        db,
        JOBS,
        [
            claim_for(JOBS, "8.5%", 8.5, unit="percent", subject="US", metric="inflation",
                      period="2022-03"),
            claim_for(JOBS, "3.6%", 3.6, unit="percent", subject="the United States",
                      metric="unemployment rate", period="2022-03"),
            claim_for(JOBS, "3.9%", 3.9, unit="percent", subject="the United States",
                      metric="unemployment rate", period="2022"),
            claim_for(JOBS, "3.7%", 3.7, unit="percent", subject="the United States",
                      metric="unemployment rate"),
        ],
        title="Jobs and prices",
        published="2022-04-12",
    )  # fmt: skip


# The pages' jobs article: US unemployment rates by year (and one month), the figure
# of the pack's BLS annual series.
ANNUAL_JOBS = (
    "The unemployment rate in the United States averaged 3.9% in 2022.\n"
    "In 2019 the unemployment rate in the United States was 3.7%.\n"
    "The unemployment rate in the United States fell to 3.5% in March 2022."
)


def add_annual_jobs(db, *, with_month: bool = True) -> None:
    """The jobs article with its two annual rates, and its monthly one unless told not."""
    text = ANNUAL_JOBS if with_month else ANNUAL_JOBS.rsplit("\n", 1)[0]
    figures = [("3.9%", 3.9, "2022"), ("3.7%", 3.7, "2019")]
    if with_month:
        figures.append(("3.5%", 3.5, "2022-03"))
    claims = [
        claim_for(text, surface, value, unit="percent", subject="the United States",
                  metric="unemployment rate", period=period)
        for surface, value, period in figures
    ]  # fmt: skip
    store.add_source(db, text, claims, title="Jobs over the years", published="2023-01-10")


def link_us_unemployment(db):
    """The pack's US unemployment series linked to the jobs article's figure."""
    return reference_links.link(
        db, US_UNEMPLOYMENT, subject="United States", metric="unemployment rate",
        unit="percent", reviewer="setup", note="the BLS annual average",
    )  # fmt: skip


def claim_id(db, surface: str) -> int:
    return db.execute("SELECT id FROM claims WHERE surface = ?", [surface]).fetchone()[0]


@pytest.fixture(scope="module")
def reference_ledger_file(tmp_path_factory):
    """The ledger built once per module (the pack takes a second or two to load)."""
    path = tmp_path_factory.mktemp("reference") / "ledger.db"
    db = store.connect(path)
    _add_articles(db)
    reference.load_pack(db, config.REFERENCE_DIR)
    reference.derive(db, CPI, INFLATION)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def ledger_path(reference_ledger_file, tmp_path):
    """A copy of the reference ledger of this test's own."""
    path = tmp_path / "ledger.db"
    shutil.copy(reference_ledger_file, path)
    return path


@pytest.fixture
def ledger(ledger_path):
    db = store.connect(ledger_path)
    yield db
    db.close()
