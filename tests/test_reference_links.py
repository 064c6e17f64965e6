"""Links between reference series and claims' keys: what the ledger proposes, and the
append-only log of a person's decisions (accept, reject, undo) that the proposals obey."""

from __future__ import annotations

import json
import sqlite3

import pytest

from claims import reference, reference_links, store
from claims.model import ClaimsError
from tests.reference_ledger import (
    BRENT_DAILY,
    BRENT_MONTHLY,
    CHINA_GDP,
    CPI,
    INFLATION,
    US_UNEMPLOYMENT,
)
from tests.test_cli import run


def proposed(db) -> dict[tuple[str, str], reference_links.Proposal]:
    return {(p.series, p.label): p for p in reference_links.proposals(db)}


def proposal_for(db, series: str) -> reference_links.Proposal:
    (found,) = [p for p in reference_links.proposals(db) if p.series == series]
    return found


def test_series_are_proposed_for_the_keys_they_measure_in_their_unit(ledger):
    found = proposed(ledger)
    assert set(found) == {
        (CHINA_GDP, "china / gdp / USD"),
        (US_UNEMPLOYMENT, "united states / unemployment rate / percent"),
        (BRENT_DAILY, "brent crude / price / USD"),
        (BRENT_MONTHLY, "brent crude / price / USD"),
        (INFLATION, "united states / inflation / percent"),
        ("US inflation (CPI-U, change on a year earlier)", "united states / inflation / percent"),
    }
    # How many claims each would check: the key's live claims, with or without a period.
    assert found[(CHINA_GDP, "china / gdp / USD")].claims == 3
    assert found[(BRENT_DAILY, "brent crude / price / USD")].claims == 2
    # The price index is in index points: never proposed for inflation in percent.
    assert all(p.series != CPI for p in found.values())


def test_a_subject_the_series_does_not_name_is_not_proposed():
    brent = reference_links._series_name({"name": BRENT_DAILY, "unit": "USD"})
    us_gdp = reference_links._series_name(
        {"name": "United States GDP (current US dollars)", "unit": "USD"}
    )
    assert reference_links.name_score(brent, "brent", "price") == 100
    assert reference_links.name_score(brent, "", "oil price") == 100
    assert reference_links.name_score(brent, "", "price") == 0  # which price?
    assert reference_links.name_score(brent, "united states", "price") == 0
    assert reference_links.name_score(us_gdp, "united states", "gdp") == 100
    assert reference_links.name_score(us_gdp, "china", "gdp") == 0
    assert reference_links.name_score(us_gdp, "united states", "price") < 80


def test_accepting_a_proposal_links_it_and_it_is_not_proposed_again(ledger):
    proposal = proposal_for(ledger, CHINA_GDP)
    link = reference_links.accept(ledger, proposal.id, reviewer="ann", note="same figure")
    assert (link["id"], link["state"]) == (proposal.id, "accepted")
    assert [p.series for p in reference_links.proposals(ledger)].count(CHINA_GDP) == 0
    (listed,) = reference_links.links(ledger, series=CHINA_GDP)
    assert (listed["key"], listed["claims"]) == ("china / gdp / USD", 3)
    (logged,) = reference_links.decision_log(ledger)
    assert (logged["action"], logged["reviewer"], logged["note"], logged["score"]) == (
        "accept",
        "ann",
        "same figure",
        100.0,
    )
    assert logged["at"]


def test_a_rejected_proposal_is_not_proposed_again_until_undone(ledger):
    proposal = proposal_for(ledger, BRENT_MONTHLY)
    reference_links.reject(ledger, proposal.id, reviewer="ann", note="quotes are daily")
    assert proposal.id not in {p.id for p in reference_links.proposals(ledger)}
    assert reference_links.links(ledger) == []
    undone = reference_links.undo(ledger, proposal.id, reviewer="bob", note="they are not")
    assert undone["state"] is None
    assert proposal.id in {p.id for p in reference_links.proposals(ledger)}
    actions = [row["action"] for row in reference_links.decision_log(ledger)]
    assert actions == ["undo", "reject"]  # newest first; nothing rewritten


def test_undo_takes_back_only_the_latest_decision(ledger):
    proposal = proposal_for(ledger, US_UNEMPLOYMENT)
    reference_links.accept(ledger, proposal.id, reviewer="ann", note="the BLS average")
    reference_links.reject(ledger, proposal.id, reviewer="bob", note="annual only")
    undo = {"reviewer": "bob", "note": "too soon"}
    assert reference_links.undo(ledger, proposal.id, **undo)["state"] == "accepted"
    assert reference_links.undo(ledger, proposal.id, **undo)["state"] is None
    with pytest.raises(ClaimsError, match="has no decision to undo"):
        reference_links.undo(ledger, proposal.id, **undo)


def test_the_same_decision_twice_is_refused(ledger):
    proposal = proposal_for(ledger, US_UNEMPLOYMENT)
    reference_links.accept(ledger, proposal.id, reviewer="ann", note="the BLS average")
    with pytest.raises(ClaimsError, match=f"{proposal.id} is already accepted"):
        reference_links.link(ledger, US_UNEMPLOYMENT, subject="US", metric="unemployment rate",
                             unit="percent", reviewer="bob", note="again")  # fmt: skip
    assert [row["action"] for row in reference_links.decision_log(ledger)] == ["accept"]


def test_the_decision_log_is_append_only(ledger):
    reference_links.accept(ledger, proposal_for(ledger, CHINA_GDP).id, reviewer="ann", note="ok")
    for statement in ("UPDATE reference_link_log SET note = 'x'", "DELETE FROM reference_link_log"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            ledger.execute(statement)


def test_a_link_by_hand_keys_its_words_as_claims_are(ledger):
    link = reference_links.link(
        ledger, US_UNEMPLOYMENT, subject="US", metric="unemployment", unit="%", reviewer="ann",
        note="the BLS annual average",
    )  # fmt: skip
    assert (link["subject_key"], link["metric_key"], link["unit_key"]) == (
        "united states",
        "unemployment rate",
        "percent",
    )
    assert link["id"] == reference_links.link_id(
        US_UNEMPLOYMENT, "united states", "unemployment rate", "percent"
    )
    assert reference_links.claims_covered(ledger, link) == 3


def test_a_link_by_hand_without_a_unit_takes_the_series_unit(ledger):
    link = reference_links.link(
        ledger, US_UNEMPLOYMENT, subject="US", metric="unemployment rate", unit=None,
        reviewer="ann", note="the BLS annual average",
    )  # fmt: skip
    assert link["unit_key"] == "percent"
    assert reference_links.claims_covered(ledger, link) == 3


def decisions(db) -> int:
    return db.execute("SELECT count(*) FROM reference_link_log").fetchone()[0]


@pytest.mark.parametrize(
    ("series", "unit", "message"),
    [
        (US_UNEMPLOYMENT, "USD", "is in percent; claims in USD cannot be checked against it"),
        (CPI, "percent", "is in index point; claims in percent cannot be checked"),
        ("No such series", "percent", "No reference series named 'No such series'"),
    ],
)
def test_a_link_that_cannot_hold_is_refused_and_nothing_written(ledger, series, unit, message):
    with pytest.raises(ClaimsError, match=message):
        reference_links.link(
            ledger, series, subject="US", metric="unemployment", unit=unit, reviewer="ann",
            note="by hand",
        )  # fmt: skip
    assert decisions(ledger) == 0
    assert ledger.execute("SELECT count(*) FROM reference_links").fetchone()[0] == 0


def test_deciding_needs_a_known_id_a_reviewer_and_a_note_to_reject(ledger):
    proposal = proposal_for(ledger, CHINA_GDP)
    with pytest.raises(ClaimsError, match="No proposal or link with id 'l-0000000000'"):
        reference_links.accept(ledger, "l-0000000000", reviewer="ann", note="yes")
    with pytest.raises(ClaimsError, match="reviewer name is required"):
        reference_links.accept(ledger, proposal.id, reviewer=" ", note="yes")
    for decide in (reference_links.accept, reference_links.reject):
        with pytest.raises(ClaimsError, match="Say why in the note"):
            decide(ledger, proposal.id, reviewer="ann", note=" ")
    assert decisions(ledger) == 0


def test_a_key_merged_into_a_linked_one_finds_the_series(ledger):
    from claims import groups

    reference_links.accept(ledger, proposal_for(ledger, CHINA_GDP).id, reviewer="ann", note="ok")
    groups.accept_merge(
        ledger, ("prc", "gdp", "currency:USD", None), ("china", "gdp", "currency:USD", None),
        reviewer="ann", note="the PRC is China",
    )  # fmt: skip
    (found,) = reference_links.series_for_key(ledger, ("prc", "gdp", "currency:USD"))
    assert found["series"] == CHINA_GDP
    assert reference_links.series_for_key(ledger, ("japan", "gdp", "currency:USD")) == []


def test_a_linked_series_is_a_line_of_dated_periods(ledger):
    line = reference.official_line(ledger, CHINA_GDP)
    assert line[0] == {"period": "1960", "start": "1960-01-01", "end": "1960-12-31",
                       "value": 59716249310.97416}  # fmt: skip
    assert [point["period"] for point in line] == sorted(point["period"] for point in line)
    monthly = reference.official_line(ledger, BRENT_MONTHLY)
    march = next(point for point in monthly if point["period"] == "2022-03")
    assert (march["start"], march["end"], march["value"]) == ("2022-03-01", "2022-03-31", 117.25)


# ---------------------------------------------------------------- command line


def test_the_command_line_proposes_accepts_rejects_and_undoes(ledger_path):
    db = ["--db", str(ledger_path)]
    listed = run("reference", "proposals", "--json", *db)
    assert listed.returncode == 0, listed.stderr
    proposals = [json.loads(line) for line in listed.stdout.splitlines()]
    china = next(p for p in proposals if p["series"] == CHINA_GDP)
    assert (china["key"], china["claims"], china["score"]) == ("china / gdp / USD", 3, 100.0)

    accepted = run("reference", "accept", china["id"], "--reviewer", "ann", "--note", "WB", *db)
    assert accepted.stdout.strip() == (
        f"Linked {CHINA_GDP!r} and china / gdp / USD ({china['id']})."
    )
    links = run("reference", "links", "--json", *db)
    assert [json.loads(line)["id"] for line in links.stdout.splitlines()] == [china["id"]]
    again = run("reference", "proposals", *db)
    assert china["id"] not in again.stdout

    undone = run("reference", "undo", china["id"], "--note", "too soon", *db)
    assert (
        undone.stdout.strip() == f"Undid the latest decision on {china['id']}: it is now undecided."
    )
    rejected = run("reference", "reject", china["id"], "--note", "nominal, not real", *db)
    assert rejected.returncode == 0, rejected.stderr
    log = run("reference", "log", "--json", *db)
    actions = [(row["action"], row["note"]) for row in map(json.loads, log.stdout.splitlines())]
    assert actions == [("reject", "nominal, not real"), ("undo", "too soon"), ("accept", "WB")]


def test_the_command_line_links_by_hand_and_refuses_in_one_line(ledger_path):
    db = ["--db", str(ledger_path)]
    linked = run("reference", "link", US_UNEMPLOYMENT, "--subject", "United States",
                 "--metric", "unemployment rate", "--unit", "percent",
                 "--note", "BLS", *db)  # fmt: skip
    assert linked.returncode == 0, linked.stderr
    assert "united states / unemployment rate / percent" in linked.stdout
    refusals = [
        (("link", US_UNEMPLOYMENT, "--metric", "unemployment rate", "--unit", "USD"),
         f"error: {US_UNEMPLOYMENT!r} is in percent; claims in USD cannot be checked against it."),
        (("link", "Atlantis GDP", "--metric", "gdp", "--unit", "USD"),
         "error: No reference series named 'Atlantis GDP'."),
        (("accept", "l-0000000000"),
         "error: No proposal or link with id 'l-0000000000'; `reference proposals` lists them."),
        (("undo", "l-0000000000"), "error: l-0000000000 has no decision to undo."),
    ]  # fmt: skip
    for args, message in refusals:
        refused = run("reference", *args, "--note", "why", *db)
        assert (refused.returncode, refused.stderr.strip(), refused.stdout) == (2, message, "")
    with store.connect(ledger_path) as reopened:
        assert decisions(reopened) == 1
