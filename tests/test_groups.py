"""Groups of comparable claims: membership, disagreement, first appearance and decisions.

Every set below is built the way articles arrive: a source with its text and
the claims an extractor would give (tests.conftest.numeric_claim), stored with
claims.store.add_source.
"""

from __future__ import annotations

import pytest

from claims import groups, normalise, store
from claims.groups import ClaimKey, Tolerance
from claims.model import ClaimsError
from tests.conftest import numeric_claim

NK_GDP = ClaimKey("north korea", "gdp", "percent", "2020")
US_JOBLESS = ClaimKey("united states", "unemployment rate", "percent", "2023-03")


@pytest.fixture(autouse=True)
def shipped_synonyms():
    """Keys as the shipped synonym table makes them, whatever a local file says."""
    normalise.use_synonyms(normalise.load_synonyms([normalise.SYNONYMS_FILE]))
    yield
    normalise.use_synonyms(None)


def add_article(db, text: str, published: str, title: str, *claims: tuple) -> list[int]:
    """Store one article with claims given as (surface, value, fields); returns claim ids."""
    extracted = [numeric_claim(text, surface, value, **fields) for surface, value, fields in claims]
    source_id, _ = store.add_source(
        db, text, extracted, title=title, publisher=title.split(":")[0], published=published
    )
    rows = db.execute("SELECT id FROM claims WHERE source_id = ? ORDER BY id", [source_id])
    return [row[0] for row in rows.fetchall()]


def ids(group) -> set[int]:
    return {claim["id"] for claim in group.claims}


# ---------------------------------------------------------------- one figure, many names


@pytest.fixture
def north_korea(db):
    """Three outlets report Fitch's 2020 estimate, each naming North Korea's GDP its own way."""
    pct = {"unit": "percent", "period": "2020", "speaker": "Fitch Solutions"}
    a = add_article(
        db,
        "North Korea's GDP likely shrank by 8.5 per cent in 2020, according to Fitch Solutions.",
        "2021-01-06",
        "Reuters: North Korea opens party congress",
        ("8.5 per cent", -8.5, {"subject": "North Korea", "metric": "GDP", **pct}),
    )
    b = add_article(
        db,
        "The North Korean economy's output contracted 8.5% last year, Fitch Solutions estimated.",
        "2021-01-11",
        "NK News: Sanctions and the pandemic",
        ("8.5%", -8.5, {"subject": "the North Korean economy", "metric": "output", **pct}),
    )
    c = add_article(
        db,
        "N. Korea's gross domestic product fell 8.5 per cent in 2020, Fitch Solutions said.",
        "2021-02-02",
        "Yonhap: Fitch sees slow recovery",
        ("8.5 per cent", -8.5, {"subject": "N. Korea", "metric": "gross domestic product", **pct}),
    )
    return db, a + b + c


def test_three_names_for_north_korean_gdp_form_one_group(north_korea):
    db, claim_ids = north_korea
    group = groups.group_for_key(db, NK_GDP)
    assert ids(group) == set(claim_ids)
    assert (group.n_claims, group.n_sources) == (3, 3)
    assert (group.median, group.spread) == (-8.5, 0)
    assert not group.flagged
    assert group.first["claim_id"] == claim_ids[0]
    assert group.first["source_title"] == "Reuters: North Korea opens party congress"
    assert group.first["published"] == "2021-01-06"
    listed = groups.list_groups(db, search="gross domestic product")
    assert [row["key"] for row in listed] == [NK_GDP]
    assert listed[0]["n_sources"] == 3
    assert listed[0]["label"].endswith("· percent · 2020")


def test_the_same_figure_from_several_sources_is_not_disputed(north_korea):
    db, _ = north_korea
    assert groups.disputed_groups(db) == []


# ---------------------------------------------------------------- units never mix


def test_5000_delegates_and_5000_tonnes_are_never_compared(db):
    fields = {"subject": "North Korea", "metric": "party congress", "period": "2021"}
    delegates = add_article(
        db,
        "The party congress drew 5,000 delegates to Pyongyang in 2021.",
        "2021-01-06",
        "AP: congress",
        ("5,000 delegates", 5000, {**fields, "unit": "delegates"}),
    )
    tonnes = add_article(
        db,
        "Ahead of the party congress, 5,000 tonnes of rice arrived in 2021.",
        "2021-01-07",
        "AFP: rice",
        ("5,000 tonnes", 5000, {**fields, "unit": "tonne"}),
    )
    also_delegates = add_article(
        db,
        "Some 4,800 delegates attended the party congress in 2021.",
        "2021-01-08",
        "BBC: congress",
        ("4,800 delegates", 4800, {**fields, "unit": "delegate", "approx": "some"}),
    )
    people = groups.group_for_key(db, ("north korea", "party congress", "count:delegate", "2021"))
    freight = groups.group_for_key(db, ("north korea", "party congress", "measure:tonne", "2021"))
    assert ids(people) == set(delegates + also_delegates)
    assert ids(freight) == set(tonnes)
    assert groups.propose_merges(db) == []
    with pytest.raises(ClaimsError, match="never compared"):
        groups.accept_merge(
            db, freight.key, people.key, reviewer="ana", note="same congress, surely"
        )


def test_dollars_and_euros_are_never_compared(db):
    fields = {"subject": "European Union", "metric": "aid to Ukraine", "period": "2022"}
    usd = add_article(
        db,
        "The European Union's aid to Ukraine reached $1.2bn in 2022.",
        "2022-12-01",
        "CNN: aid",
        ("$1.2bn", 1.2e9, {**fields, "unit": "USD"}),
    )
    eur = add_article(
        db,
        "The European Union's aid to Ukraine reached €1.2bn in 2022.",
        "2022-12-02",
        "Le Monde: aid",
        ("€1.2bn", 1.2e9, {**fields, "unit": "EUR"}),
    )
    in_dollars = groups.group_for_key(
        db, ("european union", "aid to ukraine", "currency:USD", "2022")
    )
    in_euros = groups.group_for_key(
        db, ("european union", "aid to ukraine", "currency:EUR", "2022")
    )
    assert (ids(in_dollars), ids(in_euros)) == (set(usd), set(eur))
    with pytest.raises(ClaimsError, match="never compared"):
        groups.accept_merge(
            db, in_euros.key, in_dollars.key, note="the same figure", reviewer="ana"
        )


def test_percent_and_percentage_points_stay_apart(db):
    text = "The U.S. unemployment rate fell 0.1 percentage point to 3.5% in March 2023."
    level, change = add_article(
        db,
        text,
        "2023-04-07",
        "BLS: The Employment Situation",
        ("3.5%", 3.5, {"subject": "U.S.", "metric": "unemployment rate", "unit": "percent"}),
        ("0.1 percentage point", -0.1, {"metric": "U.S. unemployment rate", "unit": "pp"}),
    )
    # As the extractor resolves "March" in an article of April.
    db.execute(
        "UPDATE claims SET period = '2023-03', period_start = '2023-03-01', "
        "period_end = '2023-03-31'"
    )
    assert ids(groups.group_for_key(db, US_JOBLESS)) == {level}
    points = groups.group_for_key(db, US_JOBLESS._replace(unit="percentage point"))
    assert ids(points) == {change}
    assert not groups.disputed_groups(db, min_sources=1)


# ---------------------------------------------------------------- disagreement


@pytest.fixture
def jobless(db):
    """Four outlets agree on March's 3.5% unemployment rate; a fifth says 4.5%."""
    month = {"unit": "percent", "period": "2023-03"}
    agreeing = []
    for published, title, subject, metric in (
        ("2023-04-07", "BLS: The Employment Situation", "U.S.", "unemployment rate"),
        ("2023-04-07", "White House: Statement on the jobs report", "America", "jobless rate"),
        ("2023-04-08", "Reuters: Hiring slows", "the United States", "unemployment rate"),
        ("2023-04-09", "AP: Jobs report", None, "the U.S. unemployment rate"),
    ):
        text = f"{title}. In March the {metric} of {subject or 'the country'} was 3.5%."
        agreeing += add_article(
            db,
            text,
            published,
            title,
            ("3.5%", 3.5, {"subject": subject, "metric": metric, **month}),
        )
    conflicting = add_article(
        db,
        "A blog claimed America's jobless rate hit 4.5% in March.",
        "2023-04-10",
        "Blog: The real numbers",
        ("4.5%", 4.5, {"subject": "America", "metric": "jobless rate", **month}),
    )
    return db, agreeing, conflicting[0]


def test_one_conflicting_source_is_flagged_and_the_spread_reported(jobless):
    db, agreeing, conflicting = jobless
    group = groups.group_for_key(db, US_JOBLESS)
    assert ids(group) == {*agreeing, conflicting}
    assert group.outliers == [conflicting]
    assert (group.median, group.min, group.max, group.spread) == (3.5, 3.5, 4.5, 1.0)
    assert group.relative_spread == pytest.approx(1 / 3.5)
    assert group.allowed_deviation == 0.5
    flagged = {c["id"]: (c["outlier"], c["changed"]) for c in group.claims}
    assert flagged[conflicting] == (True, True)
    assert all(flagged[i] == (False, False) for i in agreeing)
    assert group.first["source_title"] == "BLS: The Employment Situation"
    disputed = groups.disputed_groups(db)
    assert [g.key for g in disputed] == [US_JOBLESS]
    assert disputed[0].n_sources == 5
    summary = disputed[0].summary()
    assert summary["label"] == "America · unemployment rate · percent · 2023-03"  # most used
    assert (summary["n_outliers"], summary["flagged"], summary["spread"]) == (1, True, 1.0)


def test_a_wider_tolerance_accepts_the_conflicting_source(jobless):
    db, _, _ = jobless
    assert not groups.group_for_key(db, US_JOBLESS, Tolerance(percent=1.0)).outliers


def test_relative_tolerance_applies_to_counts(db):
    month = {"metric": "nonfarm payrolls", "unit": "job", "period": "2023-03"}
    values = [("BLS", 236_000), ("White House", 236_000), ("CNBC", 240_000), ("Blog", 263_000)]
    claim_ids = {}
    for day, (outlet, value) in enumerate(values, start=7):
        text = f"{outlet}: employers added {value:,} jobs in March."
        claim_ids[outlet] = add_article(
            db, text, f"2023-04-{day:02d}", f"{outlet}: jobs", (f"{value:,} jobs", value, month)
        )[0]
    group = groups.group_for_key(db, ("", "nonfarm payroll employment", "count:job", "2023-03"))
    assert group.median == 238_000
    assert group.outliers == [claim_ids["Blog"]]  # 10.5% off; CNBC's 240,000 is within 5%
    assert group.changed == [claim_ids["CNBC"], claim_ids["Blog"]]


def test_a_figure_that_grows_on_repetition_is_marked_changed_but_not_disputed(db):
    pct = {"subject": "North Korea", "metric": "GDP", "unit": "percent", "period": "2020"}
    first = add_article(
        db,
        "North Korea's GDP shrank by 8.5 per cent in 2020, Fitch Solutions estimated.",
        "2021-01-06",
        "Reuters: Fitch estimate",
        ("8.5 per cent", -8.5, pct),
    )
    later = add_article(
        db,
        "The economy, which shrank by nearly 9 per cent in 2020, is still struggling.",
        "2021-06-15",
        "Opinion: A lost year",
        ("nearly 9 per cent", -9.0, {**pct, "approx": "nearly"}),
    )
    group = groups.group_for_key(db, NK_GDP)
    assert group.outliers == []  # 0.25 from the median of -8.75: within half a point
    assert group.changed == later
    assert group.first["claim_id"] == first[0]
    by_id = {c["id"]: c for c in group.claims}
    assert by_id[later[0]]["note"] == "first stated as -8.5 (Reuters: Fitch estimate, 2021-01-06)"
    # Repeated a little differently, within tolerance: marked on the claim, no dispute.
    assert not group.flagged
    assert groups.disputed_groups(db) == []


def test_a_range_that_covers_the_median_agrees(db):
    pct = {"subject": "Japan", "metric": "inflation", "unit": "percent", "period": "2023"}
    add_article(
        db, "Japan's inflation was 3.2% in 2023.", "2024-01-19", "A: cpi", ("3.2%", 3.2, pct)
    )
    add_article(
        db, "Inflation in Japan ran at 3.2% in 2023.", "2024-01-20", "B: cpi", ("3.2%", 3.2, pct)
    )
    ranged = add_article(
        db,
        "Japan's inflation was between 2% and 4% in 2023.",
        "2024-01-21",
        "C: cpi",
        ("between 2% and 4%", 3.0, {**pct, "low": 2.0, "high": 4.0}),
    )
    group = groups.group_for_key(db, ("japan", "inflation", "percent", "2023"))
    assert ranged[0] in ids(group)
    assert group.outliers == []


# ---------------------------------------------------------------- merges and splits


def add_participation(db, spelling: str, outlet: str, published: str, value: float) -> list[int]:
    # British spellings come in other words too: the same sentence with only the spelling
    # changed is the same statement, which claims.matching lines up without a proposal.
    text = (
        f"Figures for March put the US {spelling} at {value}%, said {outlet}."
        if "labour" in spelling
        else f"The US {spelling} rose to {value}% in March, {outlet} reported."
    )
    fields = {"subject": "US", "metric": spelling, "unit": "percent"}
    return add_article(
        db,
        text,
        published,
        f"{outlet}: labour market",
        (f"{value}%", value, {**fields, "period": "2023-03"}),
    )


def test_fuzzy_matching_proposes_and_a_merge_survives_re_extraction(db):
    us = add_participation(db, "labor force participation rate", "BLS", "2023-04-07", 62.6)
    us += add_participation(db, "labor force participation rate", "CNBC", "2023-04-07", 62.6)
    uk_text = "Figures for March put the US labour force participation rate at 62.6%, said the FT."
    uk_fields = {
        "subject": "US",
        "metric": "labour force participation rate",
        "unit": "percent",
        "period": "2023-03",
    }
    uk = add_article(db, uk_text, "2023-04-08", "FT: labour market", ("62.6%", 62.6, uk_fields))
    proposals = groups.propose_merges(db)
    assert len(proposals) == 1
    proposal = proposals[0]
    assert proposal["from_key"] == (
        "united states",
        "labour force participation rate",
        "percent",
        "2023-03",
    )
    assert proposal["into_key"] == (
        "united states",
        "labor force participation rate",
        "percent",
        "2023-03",
    )
    assert proposal["values_agree"] and proposal["score"] > 95

    merged = groups.accept_merge(
        db, proposal["from_key"], proposal["into_key"], reviewer="ana", note="US/UK spelling"
    )
    assert merged == proposal["into_key"]
    assert ids(groups.group_for_key(db, merged)) == set(us + uk)
    assert groups.group_for_key(db, proposal["from_key"]).key == merged  # leads to the merge
    assert groups.propose_merges(db) == []

    # Re-extraction: the FT article's claims are replaced by new rows with new ids.
    add_participation(db, "labor force participation rate", "AP", "2023-04-09", 62.6)
    source_id = store.get_claim(db, uk[0])["source_id"]
    db.execute("DELETE FROM claims WHERE source_id = ?", [source_id])
    new_ids = store.add_claims(db, source_id, [numeric_claim(uk_text, "62.6%", 62.6, **uk_fields)])
    assert set(new_ids).isdisjoint(uk)
    group = groups.group_for_key(db, merged)
    assert set(new_ids) <= ids(group)
    assert group.n_sources == 4

    # A new month stated in the other spelling joins the merged name too (merges are by name).
    may = add_article(
        db,
        "The labour force participation rate was 62.6% in May.",
        "2023-06-02",
        "FT: May",
        ("62.6%", 62.6, {**uk_fields, "period": "2023-05"}),
    )
    assert ids(groups.group_for_key(db, merged._replace(period="2023-05"))) == set(may)
    assert [g.key.period for g in groups.series(db, merged)] == ["2023-03", "2023-05"]

    groups.undo_merge(db, proposal["from_key"], reviewer="ana", note="keep spellings apart")
    after = ids(groups.group_for_key(db, merged))
    assert set(us) <= after and set(new_ids).isdisjoint(after)
    assert [m["action"] for m in groups.merge_log(db)] == ["unmerge", "merge"]


def test_a_rejected_proposal_is_not_proposed_again(db):
    add_participation(db, "labor force participation rate", "BLS", "2023-04-07", 62.6)
    add_participation(db, "labour force participation rate", "FT", "2023-04-08", 62.6)
    proposal = groups.propose_merges(db)[0]
    groups.reject_merge(
        db, proposal["from_key"], proposal["into_key"], reviewer="ben", note="keep them apart"
    )
    assert groups.propose_merges(db) == []


def test_merges_chain_and_cannot_loop(db):
    a = ClaimKey("united states", "labour participation", "percent", "2023-03")
    b = ClaimKey("united states", "labour force participation", "percent", "2023-03")
    c = ClaimKey("united states", "labor force participation rate", "percent", "2023-03")
    for key, outlet in ((a, "A"), (b, "B"), (c, "C")):
        add_participation(db, key.metric, outlet, "2023-04-07", 62.6)
    groups.accept_merge(db, a, b, note="the same figure", reviewer="ana")
    groups.accept_merge(db, b, c, note="the same figure", reviewer="ana")
    assert groups.resolve_key(db, a) == c
    assert groups.group_for_key(db, c).n_sources == 3
    with pytest.raises(ClaimsError, match="already one group"):
        groups.accept_merge(db, c, a, note="the same figure", reviewer="ana")


def test_a_split_takes_a_claim_out_and_survives_regrouping(jobless):
    db, agreeing, conflicting = jobless
    groups.split_claim(db, conflicting, reviewer="ana", note="the blog means U-6, not U-3")
    for _ in range(2):  # grouping again changes nothing
        group = groups.group_for_key(db, US_JOBLESS)
        assert ids(group) == set(agreeing)
        assert not group.flagged
        assert groups.disputed_groups(db) == []
    alone = groups.group_of_claim(db, conflicting)
    assert (ids(alone), alone.split_claim_id) == ({conflicting}, conflicting)
    review = store.reviews_of(db, conflicting)[-1]
    assert (review["field"], review["new"], review["reviewer"]) == ("group", "split off", "ana")
    with pytest.raises(ClaimsError, match="already split"):
        groups.split_claim(db, conflicting, note="checked by hand", reviewer="ana")

    groups.undo_split(db, conflicting, reviewer="ana", note="it is U-3 after all")
    assert ids(groups.group_for_key(db, US_JOBLESS)) == {*agreeing, conflicting}
    assert [s["action"] for s in groups.split_log(db)] == ["unsplit", "split"]


def test_a_split_holds_for_a_re_extracted_copy_at_the_same_place(jobless):
    db, agreeing, conflicting = jobless
    groups.split_claim(db, conflicting, reviewer="ana", note="different measure")
    # The claim's place in its article anchors the split, not its id.
    claim = store.get_claim(db, conflicting)
    copy = {k: claim[k] for k in claim if k not in ("id",)}
    new_id = db["claims"].insert(copy).last_pk
    assert {conflicting, new_id} <= set(groups.split_claim_ids(db))
    assert ids(groups.group_for_key(db, US_JOBLESS)) == set(agreeing)


def test_editing_a_claims_metric_moves_it_to_its_new_group(jobless):
    db, agreeing, conflicting = jobless
    claim = store.get_claim(db, conflicting)
    store.update_claim(
        db,
        conflicting,
        {"metric": "U-6 underemployment rate"},
        expected_version=claim["version"],
        reviewer="ana",
        note="the blog quotes U-6",
    )
    edited = store.get_claim(db, conflicting)
    assert (edited["subject_key"], edited["metric_key"]) == (
        "united states",
        "u 6 underemployment rate",
    )
    assert ids(groups.group_for_key(db, US_JOBLESS)) == set(agreeing)
    assert groups.disputed_groups(db) == []


def test_claims_written_without_keys_are_keyed_when_grouped(jobless):
    db, agreeing, conflicting = jobless
    db.execute("UPDATE claims SET subject_key = NULL, metric_key = NULL, unit_key = NULL")
    assert ids(groups.group_for_key(db, US_JOBLESS)) == {*agreeing, conflicting}


def test_claims_without_a_period_or_a_name_are_not_grouped(db):
    add_article(
        db,
        "The rate was 5.25 percent. Delegates numbered 5,000.",
        "2023-07-26",
        "FOMC: statement",
        ("5.25 percent", 5.25, {"metric": "federal funds rate", "unit": "percent"}),
        ("5,000", 5000, {"unit": "delegate", "period": "2023"}),
    )
    assert groups.list_groups(db) == []


def test_a_person_is_named_for_every_decision(north_korea):
    db, claim_ids = north_korea
    with pytest.raises(ClaimsError, match="reviewer"):
        groups.split_claim(db, claim_ids[0], note="checked by hand", reviewer=" ")
    with pytest.raises(ClaimsError, match="reviewer"):
        groups.accept_merge(
            db, NK_GDP, NK_GDP._replace(subject="dprk"), note="the same figure", reviewer=""
        )


def test_decision_logs_are_append_only(north_korea):
    db, claim_ids = north_korea
    groups.split_claim(db, claim_ids[0], note="checked by hand", reviewer="ana")
    with pytest.raises(Exception, match="append-only"):
        db.execute("DELETE FROM claim_splits")
    with pytest.raises(Exception, match="append-only"):
        db.execute("UPDATE claim_splits SET reviewer = 'mallory'")


def test_a_writer_that_changes_a_metric_without_re_keying_leaves_it_to_be_re_keyed(jobless):
    db, agreeing, conflicting = jobless
    # As re-extraction or an import might: a plain UPDATE of the extracted fields.
    db.execute("UPDATE claims SET metric = 'U-6 rate' WHERE id = ?", [conflicting])
    assert store.get_claim(db, conflicting)["metric_key"] is None
    assert ids(groups.group_for_key(db, US_JOBLESS)) == set(agreeing)
    assert store.get_claim(db, conflicting)["metric_key"] == "u 6 rate"


def test_series_lists_a_name_over_its_periods(db):
    for period, value, published in (
        ("2023-01", 3.4, "2023-02-03"),
        ("2023-03", 3.5, "2023-04-07"),
    ):
        add_article(
            db,
            f"The U.S. unemployment rate was {value}% ({period}).",
            published,
            f"BLS: {period}",
            (
                f"{value}%",
                value,
                {"subject": "US", "metric": "jobless rate", "unit": "percent", "period": period},
            ),
        )
    [listed] = groups.list_series(db, search="unemployment")
    assert listed["key"] == US_JOBLESS._replace(period=None)
    assert (listed["n_periods"], listed["n_claims"]) == (2, 2)
    timeline = groups.series(db, listed["key"])
    assert [(g.key.period, g.median, g.first["source_title"]) for g in timeline] == [
        ("2023-01", 3.4, "BLS: 2023-01"),
        ("2023-03", 3.5, "BLS: 2023-03"),
    ]
    # A claim as typed (raw subject and metric) finds its group too.
    raw = {"subject": "America", "metric": "unemployment rate", "unit": "%", "period": "2023-03"}
    assert groups.group_for_key(db, raw).key == US_JOBLESS


def test_proposals_around_one_key_for_the_compare_page(db):
    add_participation(db, "labor force participation rate", "BLS", "2023-04-07", 62.6)
    add_participation(db, "labour force participation rate", "FT", "2023-04-08", 62.6)
    add_participation(db, "labor force participation rate", "AP", "2023-04-09", 62.6)
    jobs = "Employers added 236,000 jobs in March."
    add_article(
        db,
        jobs,
        "2023-04-07",
        "CNBC: jobs",
        ("236,000 jobs", 236_000, {"metric": "payroll jobs", "unit": "job", "period": "2023-03"}),
    )
    key = ClaimKey("united states", "labour force participation rate", "percent", "2023-03")
    [proposal] = groups.propose_merges(db, key=key)
    assert proposal["from_key"] == key
    assert proposal["into_key"].metric == "labor force participation rate"
    assert (proposal["from_sources"], proposal["into_sources"]) == (1, 2)
    assert (
        groups.propose_merges(db, key=("", "nonfarm payroll employment", "count:job", "2023-03"))
        == []
    )


def test_a_users_own_synonym_regroups_stored_claims_once_re_keyed(db, tmp_path):
    month = {"subject": "US", "unit": "percent", "period": "2023-03"}
    plain = add_article(
        db,
        "The US unemployment rate was 3.5% in March.",
        "2023-04-07",
        "BLS: March",
        ("3.5%", 3.5, {**month, "metric": "unemployment rate"}),
    )
    slang = add_article(
        db,
        "US joblessness stood at 3.5% in March.",
        "2023-04-08",
        "Tabloid: March",
        ("3.5%", 3.5, {**month, "metric": "joblessness"}),
    )
    assert ids(groups.group_for_key(db, US_JOBLESS)) == set(plain)
    local = tmp_path / "synonyms.local.csv"
    local.write_text("canonical,variant,kind\nunemployment rate,joblessness,metric\n")
    normalise.use_synonyms(normalise.load_synonyms([normalise.SYNONYMS_FILE, local]))
    assert store.recompute_claim_keys(db) == 2
    assert ids(groups.group_for_key(db, US_JOBLESS)) == set(plain + slang)


def test_every_decision_on_a_group_needs_a_note(north_korea):
    db, claim_ids = north_korea
    say_why = "Say why in the note"
    with pytest.raises(ClaimsError, match=say_why):
        groups.split_claim(db, claim_ids[0], reviewer="ana", note=" ")
    with pytest.raises(ClaimsError, match=say_why):
        groups.accept_merge(db, NK_GDP, NK_GDP._replace(subject="dprk"), reviewer="ana", note="")
    with pytest.raises(ClaimsError, match=say_why):
        groups.reject_merge(db, NK_GDP, NK_GDP._replace(subject="dprk"), reviewer="ana", note="")
    assert db["key_merges"].count == 0 and db["claim_splits"].count == 0
