"""The lenient name match of bench/eval_extract.py, which every key score rests on.

bench/ is not a package, so the module is loaded from its path.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "eval_extract.py"


def load_bench_module():
    spec = importlib.util.spec_from_file_location("eval_extract", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


ee = load_bench_module()


@pytest.mark.parametrize(
    ("gold", "pred"),
    [
        ("Jo Smith", "Smith"),
        ("pre-tax profit", "profit"),
        ("support among likely voters", "support"),
        # an acronym names the same body as its spelled-out name, either way round
        ("Harbour Records Bureau", "HRB"),
        ("HRB", "Harbour Records Bureau"),
        ("Office of Harbour Works (OHW)", "OHW"),
        ("Office of Harbour Works (OHW)", "Office of Harbour Works"),
    ],
)
def test_names_that_match(gold, pred):
    assert ee.names_match(gold, pred)


@pytest.mark.parametrize(
    ("gold", "pred"),
    [
        ("unemployment rate", "unemployment"),
        ("Harbour Records Bureau", "HRA"),
        ("Harbour", "H"),
        ("Jo Smith", None),
    ],
)
def test_names_that_do_not_match(gold, pred):
    assert not ee.names_match(gold, pred)
