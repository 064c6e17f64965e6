"""The seed article's gold (shared/eval/dev/seed.json) as a test, read at run time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.extract import extract_claims

SEED = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev" / "seed.json"


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip(f"{SEED} is not present")
    return json.loads(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def predicted(seed):
    return [c for c in extract_claims(seed["text"], seed["published"]) if c.kind == "numeric"]


def _overlapping(claims, gold):
    return [
        c
        for c in claims
        if c.surface_start < gold["surface_end"] and gold["surface_start"] < c.surface_end
    ]


def test_every_required_numeric_claim_is_found_with_value_and_unit(seed, predicted):
    required = [g for g in seed["claims"] if g["kind"] == "numeric" and not g.get("optional")]
    assert len(required) >= 7
    for gold in required:
        found = _overlapping(predicted, gold)
        assert len(found) == 1, gold["surface"]
        assert found[0].value == pytest.approx(gold["value"]), gold["surface"]
        assert found[0].unit == gold["unit"], gold["surface"]


def test_no_numeric_claim_outside_the_gold(seed, predicted):
    golds = [g for g in seed["claims"] if g["kind"] == "numeric"]
    for claim in predicted:
        assert any(
            g["surface_start"] < claim.surface_end and claim.surface_start < g["surface_end"]
            for g in golds
        ), claim.surface


def test_seed_gdp_claim_fields(seed, predicted):
    gold = next(g for g in seed["claims"] if g["kind"] == "numeric" and g["value"] < 0)
    (claim,) = _overlapping(predicted, gold)
    assert (claim.value, claim.unit, claim.period, claim.hedge, claim.approx) == (
        gold["value"],
        gold["unit"],
        gold["period"],
        gold["hedge"],
        gold["approx"],
    )
    assert (claim.subject, claim.metric) == (gold["subject"], gold["metric"])


def test_seed_periods_and_approximators(seed, predicted):
    required = [g for g in seed["claims"] if g["kind"] == "numeric" and not g.get("optional")]
    for gold in required:
        (claim,) = _overlapping(predicted, gold)
        assert claim.period == gold["period"], gold["surface"]
        assert claim.approx == gold["approx"], gold["surface"]
