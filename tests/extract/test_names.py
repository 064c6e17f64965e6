"""Names: an article's runs of capitalised words, as the speaker and subject readers
find them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.extract.names import NAME_SEQ_RE, name_sequences


@pytest.mark.parametrize(
    "text",
    [
        "Ms. Jo Okafor of Acme Corp told eBay and 3M Co. that 2,150,000 people in Zembla voted.",
        'Jo "JJ" Lindqvist, the iPhone maker\'s chief, and the Bank of Westmarch said so.',
        "U.S. and E.U. officials met 21Acme staff;\nBeacon Ltd. said xeBay grew 12%.",
    ],
)
def test_name_sequences_are_the_names_a_scan_of_every_position_finds(text):
    found = [m.group() for m in name_sequences(text)]
    assert found == [m.group() for m in NAME_SEQ_RE.finditer(text)]
    assert len(found) >= 3 and any(name[0].islower() for name in found)  # "eBay", "iPhone"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aeBZ9 .\n-'\"“”&of", max_size=30))
def test_name_sequences_skip_only_where_no_name_can_start(text):
    assert [m.span() for m in name_sequences(text)] == [
        m.span() for m in NAME_SEQ_RE.finditer(text)
    ]
