"""Deep links a person edited by hand: an impossible id or page is answered, not raised."""

from __future__ import annotations

import pytest

from claims.model import MAX_ID
from tests.pages.conftest import open_page
from tests.pages.test_pages import plain

# Past SQLite's integers (would overflow when bound), far past them, and a digit
# that str.isdigit() takes but int() and SQLite do not.
IMPOSSIBLE = [str(MAX_ID + 1), "99999999999999999999999", "²"]


@pytest.mark.parametrize("raw", IMPOSSIBLE)
def test_a_link_to_an_impossible_claim_says_so(ledger_path, raw):
    at = open_page("claims", query={"claim": raw})
    assert not at.exception
    assert [plain(w) for w in at.warning] == [f"Ignored claim {raw!r}: not a claim id."]
    assert len(at.dataframe[0].value) == 50  # the list is still there


@pytest.mark.parametrize("raw", IMPOSSIBLE)
def test_a_link_to_an_impossible_source_says_so_on_both_pages(ledger_path, raw):
    for page in ("claims", "sources"):
        at = open_page(page, query={"source": raw})
        assert not at.exception
        assert [plain(w) for w in at.warning] == [f"Ignored source {raw!r}: not a source id."]


@pytest.mark.parametrize("raw", [*IMPOSSIBLE, str(MAX_ID)])
def test_an_impossible_page_number_shows_a_page(ledger_path, raw):
    at = open_page("claims", query={"page": raw})
    assert not at.exception and not at.error
    assert at.number_input(key="f_page").value >= 1 and len(at.dataframe[0].value) > 0


def test_the_largest_possible_id_is_a_claim_that_does_not_exist(ledger_path):
    at = open_page("claims", query={"claim": str(MAX_ID)})
    assert not at.exception
    assert [plain(e) for e in at.error] == [f"No claim with id {MAX_ID}."]
