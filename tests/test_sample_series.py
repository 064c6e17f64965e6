"""The shipped sample ledger lines up as a researcher expects: one policy-rate series.

The samples hold 52 FOMC statements (2000-2023). Each states the Committee's decision
on the federal funds rate; later ones state a range without a period and name the
Committee only by its head noun. Extracted and keyed by the real pipeline, they must
give one series with a point per statement, and a dissenter's preferred range is not
the Committee's decision.
"""

from __future__ import annotations

import pytest

from claims import config, groups, store
from claims.groups import ClaimKey
from claims.ingest import load_samples

FED_FUNDS = ClaimKey("federal open market committee", "federal funds rate", "percent", None)


@pytest.fixture(scope="module")
def sample_ledger(tmp_path_factory):
    db = store.connect(tmp_path_factory.mktemp("samples") / "ledger.db")
    load_samples(db, config.SAMPLES_DIR)
    return db


def test_every_fomc_statement_is_a_point_of_one_federal_funds_series(sample_ledger):
    sql = "SELECT id FROM sources WHERE title LIKE 'FOMC statement%'"
    statements = {row[0] for row in sample_ledger.execute(sql)}
    assert len(statements) == 52
    periods = groups.series(sample_ledger, FED_FUNDS)
    claims = [claim for group in periods for claim in group.claims]
    assert {claim["source_id"] for claim in claims} == statements
    listed = groups.list_series(sample_ledger, search="federal funds")
    assert listed[0]["key"] == FED_FUNDS  # the Timeline opens on it


def test_a_dissenters_preferred_range_is_not_the_committees_decision(sample_ledger):
    periods = groups.series(sample_ledger, FED_FUNDS)
    sentences = [claim["sentence"] for group in periods for claim in group.claims]
    assert not [s for s in sentences if "preferred" in s]


def test_the_sample_ledger_flags_no_artefact_as_a_dispute(sample_ledger):
    # A sector's jobs (a sector "added" them) and a running total (jobs "since I took
    # office") are not the month's payroll figure, so
    # the release and the statement that agree on 236,000 dispute nothing.
    assert groups.disputed_groups(sample_ledger) == []
