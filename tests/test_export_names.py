"""Export file names say what the file holds: ledger, filters, day."""

from __future__ import annotations

import re
from datetime import date

from claims.export.names import MAX_SUMMARY, export_file_name, filter_summary
from claims.query import ClaimFilter

DAY = date(2026, 12, 5)


def test_a_whole_ledger_export_is_named_all():
    assert export_file_name("data/claims.db", ClaimFilter(), "jsonl", DAY) == (
        "claims_all_2026-12-05.jsonl"
    )
    assert export_file_name("data/claims.db", None, "csv", DAY) == "claims_all_2026-12-05.csv"


def test_the_filters_are_named_in_words_a_person_reads():
    claim_filter = ClaimFilter(
        status=["verified", "disputed"],
        speaker="IMF",
        published_from="2023-01-01",
        min_confidence=0.5,
        include_vanished=True,
    )
    assert export_file_name("/srv/Team Ledger.db", claim_filter, "xlsx", DAY) == (
        "team-ledger_status-verified+disputed_speaker-imf_since-2023-01-01_"
        "min-confidence-0.5_with-vanished_2026-12-05.xlsx"
    )


def test_hostile_or_foreign_text_becomes_a_name_every_file_system_takes():
    claim_filter = ClaimFilter(speaker="../../Zoë «=cmd|' /C calc'!A0»", search="$(rm -rf ~)")
    name = export_file_name("ledger.db", claim_filter, "csv", DAY)
    assert re.fullmatch(r"[a-z0-9.+_-]+", name)
    assert name == "ledger_search-rm-rf_speaker-zoe-cmd-c-calc-a0_2026-12-05.csv"


def test_a_long_filter_is_cut_short_and_says_so():
    summary = filter_summary(ClaimFilter(search="word " * 100, metric="m" * 300))
    assert len(summary) <= MAX_SUMMARY + len("-etc")
    assert summary.startswith("search-word-word") and summary.endswith("-etc")
