"""The sample ledger opens with official figures beside its claims: `python -m claims init`
loads the articles and the reference pack, the ledger proposes links for the sample's
US figures, and once they are accepted the claims are checked - a monthly unemployment
rate against the annual series as a frequency mismatch, never compared."""

from __future__ import annotations

import pytest

from claims import checks, reference, reference_links, store
from tests.test_cli import run

US_UNEMPLOYMENT = "US unemployment rate (annual average)"
US_INFLATION = "US inflation (CPI-U, change on a year earlier)"


@pytest.fixture(scope="module")
def sample_ledger(tmp_path_factory):
    path = tmp_path_factory.mktemp("sample") / "ledger.db"
    made = run("init", "--db", str(path))
    assert made.returncode == 0, made.stderr
    db = store.connect(path)
    yield db
    db.close()


def test_the_sample_ledger_proposes_its_us_figures_series(sample_ledger):
    found = {(p.series, p.label): p for p in reference_links.proposals(sample_ledger)}
    assert (US_UNEMPLOYMENT, "united states / unemployment rate / percent") in found
    assert (US_INFLATION, "united states / inflation / percent") in found
    assert all(p.claims > 0 for p in found.values())


def test_the_sample_claims_are_checked_and_monthly_rates_are_not_compared(sample_ledger):
    for proposal in reference_links.proposals(sample_ledger):
        if proposal.series in (US_UNEMPLOYMENT, US_INFLATION):
            reference_links.accept(
                sample_ledger, proposal.id, reviewer="test", note="the BLS series"
            )
    found = checks.check_claims(sample_ledger, series=US_UNEMPLOYMENT)
    monthly = [c for c in found if checks.period_frequency(c.period) == "month"]
    assert monthly, "the samples report the monthly unemployment rate"
    for check in monthly:
        assert check.outcome == checks.MISMATCH
        assert check.suggestion == "frequency mismatch: claim is monthly, series is annual"
        assert check.official_value is None
    annual = dict(reference.observations(sample_ledger, US_UNEMPLOYMENT))
    for check in found:
        if checks.period_frequency(check.period) == "year":
            assert check.official_value == annual[check.period]
    inflation = checks.check_claims(sample_ledger, series=US_INFLATION)
    assert any(check.official_value is not None for check in inflation)
