"""Chart image downloads: offered with vl-convert-python (the optional `png` extra),
explained without it."""

from __future__ import annotations

import sys

from tests.pages.conftest import open_page

IMAGE_BUTTONS = {"PNG image", "SVG image"}


def labels(at) -> list[str]:
    return [b.label for b in at.get("download_button")]


def captions(at) -> list[str]:
    return [c.value for c in at.caption]


def test_every_chart_offers_its_png_and_svg_when_vl_convert_is_installed(ledger_path):
    at = open_page("overview")
    charts = len(at.get("vega_lite_chart"))
    assert charts >= 4
    assert labels(at).count("PNG image") == labels(at).count("SVG image") == charts
    assert not any("vl-convert-python" in c for c in captions(at))


def test_without_vl_convert_the_charts_show_and_say_how_to_get_images(ledger_path, monkeypatch):
    # As if the extra were not installed: importing vl_convert fails, finding it too.
    monkeypatch.setitem(sys.modules, "vl_convert", None)
    at = open_page("overview")
    assert not at.exception, [e.value for e in at.exception]
    charts = len(at.get("vega_lite_chart"))
    assert charts >= 4
    assert not IMAGE_BUTTONS & set(labels(at))
    notes = [c for c in captions(at) if "vl-convert-python" in c]
    assert len(notes) == charts
    assert "pip install 'claim-ledger[png]'" in notes[0]
