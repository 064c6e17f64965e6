"""Property tests: extract_claims is total and its offsets are always right."""

from __future__ import annotations

import logging
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.extract import extract_claims
from claims.model import KINDS, period_bounds

# Pieces that reach the number, unit, range, period and attribution code paths.
TOKENS = [
    "5,000", "8.5", "1.2bn", "£600m", "$3", "US$", "€", "¥", "Rs", "-", "–", "−", "/", "1/4",
    "5-1/4", "2012-13", "2020", "Q3", "March", "January 6", "1 July", "per cent", "%",
    "percentage points", "million", "bn", "m", "k", "km", "MB", "years", "year-old", "aged",
    "one", "two", "forty-two", "hundred", "a dozen", "a quarter of a", "half", "in", "of", "to",
    "and", "or", "between", "more than", "almost", "up to", "fell", "rose", "shrank", "by",
    "the", "last year", "fourth quarter", "said", "according to", "told", '"', "“", "”", "'",
    ",", ".", ":", ";", "(", ")", "\n", "\n\n", " ", "Kim", "Acme Bank", "people", "jobs",
    "Covid-19", "G7", "3pm", "10:30", "3rd", "1990s", "7-5", "0", "00", ".5", "1e5", "٣",
]  # fmt: skip

token_text = st.lists(st.sampled_from(TOKENS), max_size=60).map(" ".join)
glued_text = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=300), token_text, glued_text)
published = st.one_of(st.none(), st.dates().map(str), st.dates(), st.text(max_size=12))


class _Errors(logging.Handler):
    """Collects the errors extract_claims logs when it swallows an exception."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _extract_without_swallowed_errors(text, pub):
    handler = _Errors()
    logger = logging.getLogger("claims.extract")
    logger.addHandler(handler)
    try:
        claims = extract_claims(text, pub)
    finally:
        logger.removeHandler(handler)
    assert [r.getMessage() for r in handler.records] == []
    return claims


@settings(max_examples=300, deadline=None)
@given(any_text, published)
def test_claims_are_well_formed_for_any_text(text, pub):
    claims = _extract_without_swallowed_errors(text, pub)
    keys = [(c.sentence_start, c.surface_start) for c in claims]
    assert keys == sorted(keys)
    for c in claims:
        assert c.kind in KINDS
        assert 0 <= c.sentence_start <= c.surface_start <= c.surface_end <= c.sentence_end
        assert c.sentence_end <= len(text)
        assert c.surface == text[c.surface_start : c.surface_end]
        assert c.surface
        assert 0.0 <= c.confidence <= 1.0
        period_bounds(c.period)  # raises on a malformed period
        if c.kind == "numeric":
            assert isinstance(c.value, float) and math.isfinite(c.value)
            if c.low is not None:
                assert c.low <= c.value <= c.high
        else:
            assert (c.surface_start, c.surface_end) == (c.sentence_start, c.sentence_end)


@settings(max_examples=100, deadline=None)
@given(any_text)
def test_extraction_is_deterministic(text):
    assert extract_claims(text) == extract_claims(text)


@settings(max_examples=100, deadline=None)
@given(token_text, st.integers(min_value=0, max_value=5))
def test_leading_text_shifts_offsets_only(text, pad):
    """Blank lines before an article move every claim by the same amount."""
    padding = "\n\n" * pad
    base = [(c.kind, c.surface, c.value) for c in extract_claims(text)]
    shifted = extract_claims(padding + text)
    assert [(c.kind, c.surface, c.value) for c in shifted] == base
