"""The same figure across articles: standing figures, context matching, disputes, revisions,
and the `groups --json` listing.

Articles are stored the way they arrive (a source with the claims an extractor would give),
with texts written for these tests.
"""

from __future__ import annotations

import json

import pytest

from claims import groups, matching, normalise, store
from claims.groups import ClaimKey
from tests.conftest import numeric_claim
from tests.test_cli import run
from tests.test_groups import add_article, ids


@pytest.fixture(autouse=True)
def shipped_synonyms():
    normalise.use_synonyms(normalise.load_synonyms([normalise.SYNONYMS_FILE]))
    yield
    normalise.use_synonyms(None)


def key_of(db, claim_id: int) -> tuple:
    row = db.execute(
        "SELECT subject_key, metric_key, unit_key, coalesce(period, '') FROM claims WHERE id = ?",
        [claim_id],
    ).fetchone()
    return tuple(row)


# ---------------------------------------------------------------- standing figures


def test_a_standing_figure_groups_across_articles_by_name_and_size(db):
    debt = {"subject": "Nortex", "metric": "tax bill", "unit": "USD"}
    a = add_article(
        db,
        "Nortex faces a tax bill of $4.2bn, the ministry said.",
        "2005-01-10",
        "Wire: Nortex",
        ("$4.2bn", 4.2e9, debt),
    )
    b = add_article(
        db,
        "The oil firm Nortex, whose tax bill stands at $4.2bn, appealed again.",
        "2005-02-02",
        "Daily: appeal",
        ("$4.2bn", 4.2e9, debt),
    )
    c = add_article(
        db,
        "Analysts doubt Nortex can pay its $4.3bn tax bill.",
        "2005-03-15",
        "Weekly: doubts",
        ("$4.3bn", 4.3e9, debt),
    )
    group = groups.group_of_claim(db, a[0])
    assert group.key == ClaimKey("nortex", "tax bill", "currency:USD", "~4.2e+09")
    assert ids(group) == {*a, *b}  # a standing figure of about one size
    assert group.n_sources == 2
    assert group.label.endswith("· no period, about 4,200,000,000")
    listed = groups.list_groups(db, min_sources=2)
    assert [row["key"] for row in listed] == [group.key]
    assert groups.group_of_claim(db, c[0]).key.period == "~4.3e+09"


def test_a_standing_figure_needs_both_subject_and_metric(db):
    (claim_id,) = add_article(
        db,
        "It owes $4.2bn.",
        "2005-01-10",
        "Wire: debt",
        ("$4.2bn", 4.2e9, {"metric": "debt", "unit": "USD"}),
    )
    assert groups.group_of_claim(db, claim_id) is None


def test_the_timeline_places_a_standing_figure_at_its_publication(db):
    from claims import charts

    fields = {"subject": "Nortex", "metric": "tax bill", "unit": "USD"}
    add_article(db, "Nortex owes $4bn in tax.", "2004-06-01", "A: tax", ("$4bn", 4e9, fields))
    add_article(
        db,
        "Nortex owed $3bn in tax in 2003.",
        "2004-07-01",
        "B: tax",
        ("$3bn", 3e9, {**fields, "period": "2003"}),
    )
    periods = groups.series(db, ClaimKey("nortex", "tax bill", "currency:USD", None))
    assert [g.key.period for g in periods] == ["2003", "~4e+09"]
    frame = charts.timeline_frame([c for g in periods for c in g.claims], x="period")
    assert list(frame["period"]) == ["2003", "as of 2004-06-01"]
    assert list(frame["when"]) == ["2003-07-02", "2004-06-01"]


# ---------------------------------------------------------------- context matching


def whig_rules(db) -> list[int]:
    """An article that names the subject of a standing figure."""
    return add_article(
        db,
        "It takes 1,500 delegates to win the Whig nomination, party rules say.",
        "2016-03-01",
        "A: rules",
        ("1,500", 1500.0, {"subject": "Whig nomination", "metric": "delegates",
                           "unit": "delegate"}),
    )  # fmt: skip


def test_a_claim_missing_its_subject_takes_it_from_the_same_words_elsewhere(db):
    named = whig_rules(db)
    nameless = add_article(
        db,
        "A candidate needs 1,500 delegates to win the nomination outright under party rules.",
        "2016-03-09",
        "B: race",
        ("1,500", 1500.0, {"metric": "delegates", "unit": "delegate"}),
    )
    assert (
        key_of(db, nameless[0])[:2] == key_of(db, named[0])[:2] == ("whig nomination", "delegate")
    )
    group = groups.group_of_claim(db, nameless[0])
    assert ids(group) == {*named, *nameless}


def test_a_subjectless_claim_in_other_words_stays_out_of_the_named_group(db):
    named = whig_rules(db)
    other = add_article(
        db,
        "Roughly 1,500 delegates crowded into the hall on Saturday for the opening speech.",
        "2016-03-09",
        "B: hall",
        ("1,500", 1500.0, {"metric": "delegates", "unit": "delegate"}),
    )
    assert key_of(db, other[0])[0] == ""
    assert groups.group_of_claim(db, other[0]) is None
    assert ids(groups.group_of_claim(db, named[0])) == set(named)


def test_two_nameless_standing_figures_said_alike_group_with_each_other_only(db):
    a = add_article(
        db,
        "The reservoir holds 300 million litres of drinking water for the valley.",
        "2010-01-01",
        "A: water",
        ("300 million litres", 3e8, {"metric": "drinking water", "unit": "litre"}),
    )
    b = add_article(
        db,
        "Its 300 million litres of drinking water supply the whole valley.",
        "2010-02-01",
        "B: water",
        ("300 million litres", 3e8, {"metric": "drinking water", "unit": "litre"}),
    )
    subject = key_of(db, a[0])[0]
    assert subject.startswith(matching.MATCHED_PREFIX)
    assert key_of(db, b[0])[0] == subject
    group = groups.group_of_claim(db, a[0])
    assert ids(group) == {*a, *b}
    assert matching.MATCHED_PREFIX not in group.label  # a made-up key is no name


def test_a_claim_with_neither_subject_nor_metric_never_takes_a_key(db):
    add_article(
        db,
        "The reservoir holds 300 million litres of drinking water for the valley.",
        "2010-01-01",
        "A: water",
        ("300 million litres", 3e8, {"subject": "Vale reservoir", "metric": "drinking water",
                                     "unit": "litre"}),
    )  # fmt: skip
    (bare,) = add_article(
        db,
        "The reservoir holds 300 million litres of drinking water for the valley, still.",
        "2010-02-01",
        "B: water",
        ("300 million litres", 3e8, {"unit": "litre"}),
    )
    assert key_of(db, bare)[:2] == ("", "")
    assert groups.group_of_claim(db, bare) is None


def test_context_terms_leave_out_numbers_common_words_and_the_counted_noun():
    sentence = "It takes 1,500 delegates to win the Whig nomination, party rules say."
    start = sentence.index("1,500")
    terms = matching.context_terms(sentence, start, start + 5, "count:delegate")
    assert terms == {"take", "win", "whig", "nomination", "party", "rule"}


# ---------------------------------------------------------------- disputes and revisions


def test_a_baseline_with_its_own_period_does_not_dispute_the_current_value(db):
    rate = {"subject": "Ruritania", "metric": "unemployment rate", "unit": "percent"}
    add_article(
        db,
        "Ruritania's unemployment rate fell to 4.1% in May, down from 4.9% a year earlier.",
        "2016-06-03",
        "A: jobs",
        ("4.1%", 4.1, {**rate, "period": "2016-05"}),
        ("4.9%", 4.9, {**rate, "period": "2015-05"}),
    )
    add_article(
        db,
        "Unemployment in Ruritania was 4.1% in May.",
        "2016-06-04",
        "B: jobs",
        ("4.1%", 4.1, {**rate, "period": "2016-05"}),
    )
    assert groups.disputed_groups(db) == []
    may = groups.group_for_key(db, ClaimKey("ruritania", "unemployment rate", "percent", "2016-05"))
    assert may.n_sources == 2 and not may.flagged


def test_values_of_one_figure_beyond_tolerance_are_a_dispute(db):
    toll = {"subject": "Harbour fire", "metric": "death toll", "unit": "person", "period": "2019"}
    add_article(db, "The harbour fire killed 40 people.", "2019-05-01", "A: fire",
                ("40 people", 40.0, toll))  # fmt: skip
    add_article(db, "Forty? The harbour fire killed 40 people.", "2019-05-02", "B: fire",
                ("40 people", 40.0, toll))  # fmt: skip
    add_article(db, "The harbour fire killed 62 people.", "2019-05-03", "C: fire",
                ("62 people", 62.0, toll))  # fmt: skip
    (disputed,) = groups.disputed_groups(db)
    assert disputed.key.subject == "harbour fire"
    assert [c["value"] for c in disputed.claims if c["outlier"]] == [62.0]


def test_a_revision_the_text_calls_one_shows_as_a_revision_not_a_dispute(db):
    jobs = {"subject": "Ruritania", "metric": "jobs added", "unit": "job", "period": "2016-03"}
    text = "March payrolls were revised down from 160,000 to 120,000, the agency said."
    revised, current = add_article(
        db,
        text,
        "2016-05-06",
        "A: revision",
        ("160,000", 160_000.0, jobs),
        ("120,000", 120_000.0, jobs),
    )
    group = groups.group_of_claim(db, current)
    assert group.revised == [revised]
    assert group.outliers == [] and not group.flagged
    assert group.median == 120_000.0
    by_id = {c["id"]: c for c in group.claims}
    assert by_id[revised]["note"] == "an earlier estimate, revised in the same sentence"


@pytest.mark.parametrize(
    ("sentence", "surface", "revised"),
    [
        ("The figure was revised up from 2.1% to 2.4%.", "2.1%", True),
        ("Officials revised their estimate downward from about 300 to 250.", "300", True),
        ("The figure was revised up from 2.1% to 2.4%.", "2.4%", False),
        ("Sales rose from 2.1% to 2.4%.", "2.1%", False),
    ],
)
def test_is_revised_estimate(sentence, surface, revised):
    claim = {
        "sentence": sentence,
        "sentence_start": 10,
        "surface_start": 10 + sentence.index(surface),
    }
    assert groups.is_revised_estimate(claim) is revised


# ---------------------------------------------------------------- groups --json


def test_groups_json_lists_every_claim_in_exactly_one_group(tmp_path):
    path = tmp_path / "ledger.db"
    db = store.connect(path)
    debt = {"subject": "Nortex", "metric": "tax bill", "unit": "USD"}
    texts = [
        ("Nortex owes a tax bill of $4.2bn.", "2005-01-10", "$4.2bn", debt),
        ("Its tax bill: Nortex must pay $4.2bn.", "2005-02-10", "$4.2bn", debt),
        ("About 12 people came.", "2005-02-11", "12 people", {"unit": "person"}),
    ]
    for number, (text, published, surface, fields) in enumerate(texts):
        store.add_source(
            db,
            text,
            [numeric_claim(text, surface, 4.2e9 if "$" in surface else 12.0, **fields)],
            title=f"Story {number}",
            url=f"https://news.example/{number}",
            published=published,
        )
    db.close()
    done = run("groups", "--json", "--db", str(path))
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    members = [c["claim_id"] for r in records for c in r["claims"]]
    assert sorted(members) == [1, 2, 3]  # each live numeric claim once
    tax = next(r for r in records if len(r["claims"]) == 2)
    assert {k: tax[k] for k in ("subject", "metric", "unit", "period")} == {
        "subject": "Nortex",
        "metric": "tax bill",
        "unit": "USD",
        "period": None,
    }
    assert tax["group"].startswith("g-")
    assert tax["claims"][0] == {
        "claim_id": 1,
        "source_url": "https://news.example/0",
        "source_title": "Story 0",
        "surface": "$4.2bn",
        "surface_start": texts[0][0].index("$4.2bn"),
        "value": 4.2e9,
        "period": None,
    }
    lone = next(r for r in records if len(r["claims"]) == 1)
    assert lone["group"] == "claim-3" and lone["unit"] == "person"
    again = run("groups", "--json", "--db", str(path))
    assert again.stdout == done.stdout  # ids are stable

    several = run("groups", "--json", "--min-sources", "2", "--db", str(path))
    assert [json.loads(line)["group"] for line in several.stdout.splitlines()] == [tax["group"]]


def test_groups_refuses_a_minimum_below_one(tmp_path):
    path = tmp_path / "ledger.db"
    store.connect(path).close()
    done = run("groups", "--json", "--min-sources", "0", "--db", str(path))
    assert done.returncode == 2
    assert done.stderr.startswith("error: --min-sources")


def test_a_proposal_never_folds_a_named_subject_into_a_nameless_group(db):
    rate = {"metric": "jobless rate", "unit": "percent", "period": "2016-05"}
    for day, text in enumerate(
        ["The jobless rate was 4.7% in May.", "In May the jobless rate hit 4.7%.",
         "May's jobless rate: 4.7%."], start=3,
    ):  # fmt: skip
        add_article(db, text, f"2016-06-0{day}", f"Outlet {day}: jobs", ("4.7%", 4.7, rate))
    add_article(
        db,
        "Ruritania's jobless rate was 4.7% in May.",
        "2016-06-09",
        "Gazette: jobs",
        ("4.7%", 4.7, {**rate, "subject": "Ruritania"}),
    )
    (proposal,) = groups.propose_merges(db)
    metric = normalise.normalise_metric("jobless rate")
    assert proposal["into_key"][:2] == ("ruritania", metric)
    assert proposal["from_key"][:2] == ("", metric)


def test_upgrading_to_standing_figures_rekeys_and_keeps_merges_and_splits(tmp_path, monkeypatch):
    import sqlite_utils

    from tests.test_group_summaries import recomputed, stored

    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    store.migrations.apply(old, stop_before="0009_standing_figures")
    # Ledgers of that schema did not line claims up across articles (and today's
    # matching reads columns they lack).
    monkeypatch.setattr(store, "match_missing_keys", lambda db, ids: 0)
    rate = {"unit": "percent", "period": "2016-05"}
    jobless = add_article(
        old, "Ruritania's jobless rate was 4.7% in May.", "2016-06-03", "A: jobs",
        ("4.7%", 4.7, {**rate, "subject": "Ruritania", "metric": "jobless rate"}),
    )  # fmt: skip
    idle = add_article(
        old, "Ruritania's idle rate was 4.9% in May.", "2016-06-04", "B: jobs",
        ("4.9%", 4.9, {**rate, "subject": "Ruritania", "metric": "idle rate"}),
    )  # fmt: skip
    odd = add_article(
        old, "Ruritania's jobless rate was 9% in May, a blog claimed.", "2016-06-05", "C: blog",
        ("9%", 9.0, {**rate, "subject": "Ruritania", "metric": "jobless rate"}),
    )  # fmt: skip
    jobless_key = ClaimKey("ruritania", normalise.normalise_metric("jobless rate"), "percent",
                           "2016-05")  # fmt: skip
    idle_key = jobless_key._replace(metric="idle rate")
    groups.accept_merge(old, idle_key, jobless_key, reviewer="ana", note="same measure")
    groups.split_claim(old, odd[0], reviewer="ana", note="a blog's guess")
    old.execute("UPDATE claims SET metric_key = 'stale rule' WHERE id = ?", [jobless[0]])
    old.close()
    monkeypatch.undo()

    upgraded = store.connect(path)
    assert "0009_standing_figures" in [m.name for m in store.migrations.applied(upgraded)]
    group = groups.group_for_key(upgraded, jobless_key)
    assert ids(group) == {*jobless, *idle}  # the stale key was made again
    assert groups.group_of_claim(upgraded, odd[0]).split_claim_id == odd[0]
    groups.ensure_keys(upgraded)
    assert stored(upgraded) == recomputed(upgraded)


def test_standing_figures_of_other_sizes_under_one_name_are_other_figures(db):
    debt = {"subject": "Nortex", "metric": "tax bill", "unit": "USD"}
    ids_by_value = {}
    for day, value in enumerate((4.2e9, 4.2e9, 0.9e9), start=1):
        text = f"Nortex faces a tax bill of ${value / 1e9:g}bn (report {day})."
        ids_by_value.setdefault(value, []).extend(
            add_article(db, text, f"2005-01-0{day}", f"Outlet {day}: tax",
                        (f"${value / 1e9:g}bn", value, debt))
        )  # fmt: skip
    big = groups.group_of_claim(db, ids_by_value[4.2e9][0])
    small = groups.group_of_claim(db, ids_by_value[0.9e9][0])
    assert ids(big) == set(ids_by_value[4.2e9]) and ids(small) == set(ids_by_value[0.9e9])
    assert groups.disputed_groups(db) == []
    series = groups.series(db, big.key._replace(period=None))
    assert sorted(g.key.period for g in series) == ["~4.2e+09", "~9e+08"]


# ---------------------------------------------------------------- short names


def test_a_short_subject_takes_the_only_full_name_of_the_same_measure(db):
    rate = {"metric": "policy rate", "unit": "percent"}
    full = add_article(
        db, "The Monetary Policy Committee set the policy rate at 2% in May.", "2019-05-02",
        "Bank: May", ("2%", 2.0, {**rate, "subject": "Monetary Policy Committee",
                                  "period": "2019-05"}),
    )  # fmt: skip
    short = add_article(
        db, "The Committee kept the policy rate at 2.25% in June.", "2019-06-02",
        "Bank: June", ("2.25%", 2.25, {**rate, "subject": "Committee", "period": "2019-06"}),
    )  # fmt: skip
    assert key_of(db, short[0])[0] == key_of(db, full[0])[0] == "monetary policy committee"
    series = groups.series(db, ClaimKey("monetary policy committee", "policy rate", "percent",
                                        None))  # fmt: skip
    assert [g.key.period for g in series] == ["2019-05", "2019-06"]
    # The June group holds only "Committee" claims, yet reads as the full name, in the
    # group and in the picker alike.
    june = groups.group_for_key(db, series[1].key)
    assert june.subject == "Monetary Policy Committee"
    listed = {r["period"]: r["label"] for r in groups.list_groups(db)}
    assert june.label == listed["2019-06"]


def test_a_short_subject_stored_first_is_completed_by_a_later_full_name(db):
    rate = {"metric": "policy rate", "unit": "percent", "period": "2019-06"}
    (short,) = add_article(
        db, "The Committee kept the policy rate at 2.25%.", "2019-06-02", "Bank: June",
        ("2.25%", 2.25, {**rate, "subject": "Committee"}),
    )  # fmt: skip
    assert key_of(db, short)[0] == "committee"
    add_article(
        db, "The Monetary Policy Committee's policy rate is 2.25%.", "2019-06-09", "Wire",
        ("2.25%", 2.25, {**rate, "subject": "Monetary Policy Committee"}),
    )  # fmt: skip
    assert key_of(db, short)[0] == "monetary policy committee"


def test_a_short_subject_with_two_possible_full_names_stays_as_it_is(db):
    share = {"metric": "support", "unit": "percent", "period": "2016-03"}
    for name, value in (("Hillary Clinton", 44.0), ("Chelsea Clinton", 12.0)):
        add_article(db, f"{name} has {value:g}% support.", "2016-03-01", f"Poll: {name}",
                    (f"{value:g}%", value, {**share, "subject": name}))  # fmt: skip
    (short,) = add_article(
        db, "Clinton has 43% support.", "2016-03-02", "Poll: short",
        ("43%", 43.0, {**share, "subject": "Clinton"}),
    )  # fmt: skip
    assert key_of(db, short)[0] == "clinton"


# ---------------------------------------------------------------- the same statement


def test_the_same_statement_in_two_articles_lines_up_whatever_subject_each_inferred(db):
    sentence = "A candidate needs 1,500 delegates to win the Whig nomination outright this year."
    first = add_article(
        db, f"Smith leads the race.\n{sentence}", "2016-03-01", "A: Smith",
        ("1,500", 1500.0, {"subject": "Smith", "metric": "delegates", "unit": "delegate"}),
    )  # fmt: skip
    second = add_article(
        db, f"Jones trails badly.\n{sentence}", "2016-03-08", "B: Jones",
        ("1,500", 1500.0, {"subject": "Jones", "metric": "delegates", "unit": "delegate"}),
    )  # fmt: skip
    assert key_of(db, second[0]) == key_of(db, first[0])
    assert ids(groups.group_of_claim(db, second[0])) == {*first, *second}


def test_another_figure_in_similar_words_keeps_its_own_key(db):
    fields = {"metric": "vote share", "unit": "percent", "period": "2016-05"}
    smith = add_article(
        db, "Smith won 55% of the vote in the northern primary on Tuesday.", "2016-05-04",
        "A", ("55%", 55.0, {**fields, "subject": "Smith"}),
    )  # fmt: skip
    jones = add_article(
        db, "Jones won 55% of the vote in the southern caucus last weekend.", "2016-05-09",
        "B", ("55%", 55.0, {**fields, "subject": "Jones"}),
    )  # fmt: skip
    assert key_of(db, jones[0])[0] == normalise.normalise_subject("Jones")
    assert key_of(db, smith[0])[0] == normalise.normalise_subject("Smith")


# ---------------------------------------------------------------- inferred subjects


def test_a_specific_number_with_an_inferred_subject_joins_the_same_figure(db):
    first = add_article(
        db, "Smith leads.\nA nominee needs 1,237 delegates to win the Whig nomination.",
        "2016-03-01", "A", ("1,237", 1237.0, {"subject": "Smith", "metric": "delegates",
                                             "unit": "delegate"}),
    )  # fmt: skip
    second = add_article(
        db, "Jones trails.\nJones must reach 1,237 to clinch the nomination outright.",
        "2016-03-08", "B", ("1,237", 1237.0, {"subject": "Lee", "metric": "delegates needed",
                                             "unit": "delegate"}),
    )  # fmt: skip
    assert key_of(db, second[0]) == key_of(db, first[0])


def test_a_round_number_or_a_subject_the_sentence_names_keeps_its_key(db):
    add_article(
        db, "Smith leads.\nA nominee needs 1,200 delegates to win the Whig nomination.",
        "2016-03-01", "A", ("1,200", 1200.0, {"subject": "Smith", "metric": "delegates",
                                             "unit": "delegate"}),
    )  # fmt: skip
    (round_,) = add_article(
        db, "Jones trails.\nJones must reach 1,200 delegates to clinch the nomination.",
        "2016-03-08", "B", ("1,200", 1200.0, {"subject": "Lee", "metric": "delegates",
                                             "unit": "delegate"}),
    )  # fmt: skip
    (named,) = add_article(
        db, "Jones trails badly.\nJones must reach 1,200 delegates to clinch the nomination.",
        "2016-03-09", "C", ("1,200", 1200.0, {"subject": "Jones", "metric": "delegates",
                                             "unit": "delegate"}),
    )  # fmt: skip
    assert key_of(db, round_)[0] == normalise.normalise_subject("Lee")
    assert key_of(db, named)[0] == normalise.normalise_subject("Jones")


@pytest.mark.parametrize(
    ("value", "specific"),
    [(1237, True), (49.6, True), (214, True), (300, False), (11e6, False), (4.9, False)],
)
def test_distinctive_numbers(value, specific):
    assert matching.distinctive(value) is specific


def test_a_specific_count_said_of_two_subjects_named_by_name_is_two_figures(db):
    # The same specific number and words, each sentence naming its own subject: two
    # companies paying the same sum, two candidates each needing the same count.
    (smith,) = add_article(
        db, "Smith needs 1,237 delegates to take the Whig nomination.", "2016-03-01", "A",
        ("1,237", 1237.0, {"subject": "Smith", "metric": "delegates", "unit": "delegate"}),
    )  # fmt: skip
    (jones,) = add_article(
        db, "Jones needs 1,237 delegates to take the Whig nomination.", "2016-03-08", "B",
        ("1,237", 1237.0, {"subject": "Jones", "metric": "delegates", "unit": "delegate"}),
    )  # fmt: skip
    assert key_of(db, smith)[0] == "smith"
    assert key_of(db, jones)[0] == "jone"


def test_a_specific_rate_stated_by_another_subject_keeps_its_key(db):
    add_article(
        db, "Smith's approval rating stands at 41.5 percent.", "2016-03-01", "A",
        ("41.5 percent", 41.5, {"subject": "Smith", "metric": "approval rating",
                                "unit": "percent", "period": "2016-03"}),
    )  # fmt: skip
    (jones,) = add_article(
        db, "Jones's approval rating stands at 41.5 percent.", "2016-03-08", "B",
        ("41.5 percent", 41.5, {"subject": "Jones", "metric": "approval rating",
                                "unit": "percent", "period": "2016-03"}),
    )  # fmt: skip
    assert key_of(db, jones)[0] == normalise.normalise_subject("Jones")


def test_a_specific_sum_said_of_two_named_companies_with_one_word_in_common_stays_apart(db):
    add_article(
        db, "On Tuesday Acme agreed to pay $1.25 billion for the biotech firm.", "2016-03-01",
        "A", ("$1.25 billion", 1.25e9, {"subject": "Acme", "metric": "acquisition",
                                        "unit": "USD"}),
    )  # fmt: skip
    (other,) = add_article(
        db, "On Tuesday Globex said it would pay $1.25 billion in fines.", "2016-03-02",
        "B", ("$1.25 billion", 1.25e9, {"subject": "Globex", "metric": "fines",
                                        "unit": "USD"}),
    )  # fmt: skip
    assert key_of(db, other)[:2] == ("globex", "fine")


def test_a_rate_only_a_little_different_is_another_figure(db):
    add_article(
        db, "Ruritania's inflation rose to 3.0% in March, the statistics office said.",
        "2016-04-10", "A", ("3.0%", 3.0, {"subject": "Ruritania", "metric": "inflation",
                                          "unit": "percent", "period": "2016-03"}),
    )  # fmt: skip
    (other,) = add_article(
        db, "Inflation rose to 3.4% in March, the statistics office said on Friday.",
        "2016-04-11", "B", ("3.4%", 3.4, {"metric": "inflation", "unit": "percent",
                                          "period": "2016-03"}),
    )  # fmt: skip
    assert key_of(db, other)[0] == ""


def test_matching_never_rewrites_the_key_of_a_claim_a_person_edited(db):
    add_article(
        db, "The fund holds 1,537 tonnes of grain in its silos, the board said.", "2016-03-01",
        "A", ("1,537 tonnes", 1537.0, {"subject": "Acme Fund", "metric": "grain",
                                       "unit": "tonne"}),
    )  # fmt: skip
    (edited,) = add_article(
        db, "The board said the fund holds 1,537 tonnes of grain in its silos.", "2016-03-05",
        "B", ("1,537 tonnes", 1537.0, {"metric": "grain", "unit": "tonne"}),
    )  # fmt: skip
    claim = store.get_claim(db, edited)
    store.update_claim(db, edited, {"subject": "Zembla Reserve"},
                       expected_version=claim["version"], reviewer="ana")  # fmt: skip
    store.recompute_claim_keys(db)  # keys made again, matching run again
    assert key_of(db, edited)[0] == "zembla reserve"


def test_groups_json_lists_standing_figures_of_several_sizes_under_one_name_once_each(db):
    debt = {"subject": "Nortex", "metric": "debt", "unit": "USD"}
    for day, value in ((1, 3e9), (2, 12e9), (3, 3e9)):
        text = f"Nortex has debt of ${value / 1e9:g}bn, report {day} says."
        add_article(db, text, f"2005-01-0{day}", f"Outlet {day}",
                    (f"${value / 1e9:g}bn", value, debt))  # fmt: skip
    records = [r for r in groups.all_groups(db) if r["subject"] == "Nortex"]
    assert sorted(len(r["claims"]) for r in records) == [1, 2]
    assert len({r["group"] for r in records}) == len(records)


def test_groups_json_spells_a_name_alike_in_every_period_of_its_series(db):
    # Each month's group alone would spell the country its own way; a timeline's points
    # (and a table of them) must read as one series.
    rate = {"metric": "unemployment rate", "unit": "percent"}
    spellings = [("U.S.", "2015-10"), ("US", "2015-11"), ("US", "2015-11"), ("U.S.", "2015-12"),
                 ("US", "2016-01")]  # fmt: skip
    for n, (name, month) in enumerate(spellings):
        text = f"The {name} unemployment rate was 5.{n}% in the month."
        add_article(
            db,
            text,
            f"{month}-28",
            f"Outlet {n}",
            (f"5.{n}%", 5.0 + n / 10, {**rate, "subject": name, "period": month}),
        )
    records = [r for r in groups.all_groups(db) if r["metric"] == "unemployment rate"]
    assert sorted(r["period"] for r in records) == ["2015-10", "2015-11", "2015-12", "2016-01"]
    assert {r["subject"] for r in records} == {"US"}


def test_a_long_series_keeps_its_standing_figures(db):
    fields = {"subject": "Nortex", "metric": "tax bill", "unit": "USD"}
    for year in range(2001, 2006):
        add_article(db, f"Nortex paid $2bn in tax in {year}.", f"{year + 1}-01-01",
                    f"A {year}", ("$2bn", 2e9, {**fields, "period": str(year)}))  # fmt: skip
    add_article(db, "Nortex owes $5bn in tax.", "2006-06-01", "B", ("$5bn", 5e9, fields))
    periods = groups.series(db, ClaimKey("nortex", "tax bill", "currency:USD", None),
                            max_claims=2)  # fmt: skip
    assert [g.key.period for g in periods][-1] == "~5e+09"


def test_a_revision_written_with_decimals_is_found():
    sentence = "Growth was revised to 1.5% from 2.1%, the office said."
    claim = {"sentence": sentence, "sentence_start": 0, "surface_start": sentence.index("2.1%")}
    assert groups.is_revised_estimate(claim)
    sentence = "Before the revision, prices rose from 3% to 5%."
    claim = {"sentence": sentence, "sentence_start": 0, "surface_start": sentence.index("3%")}
    assert not groups.is_revised_estimate(claim)


def test_a_short_name_a_person_merged_is_not_completed_to_another(db):
    share = {"metric": "support", "unit": "percent", "period": "2016-03"}
    (short,) = add_article(db, "Clinton has 43% support.", "2016-03-01", "A",
                           ("43%", 43.0, {**share, "subject": "Clinton"}))  # fmt: skip
    add_article(db, "Hillary Rodham has 44% support.", "2016-03-01", "B",
                ("44%", 44.0, {**share, "subject": "Hillary Rodham"}))  # fmt: skip
    key = ClaimKey("clinton", "support", "percent", "2016-03")
    into = key._replace(subject="hillary rodham")
    groups.accept_merge(db, key, into, reviewer="ana", note="the same person")
    add_article(db, "Bill Clinton has 12% support.", "2016-03-02", "C",
                ("12%", 12.0, {**share, "subject": "Bill Clinton"}))  # fmt: skip
    assert key_of(db, short)[0] == "clinton"
    assert short in ids(groups.group_for_key(db, into))


# ---------------------------------------------------------------- one specific number


def test_a_specific_count_said_three_ways_is_one_figure_whatever_the_order(db):
    # The first and last articles share no word; the middle one links them, and it
    # arrives last: the figure is found all the same, under the key most claims carry.
    first = add_article(
        db, "Ames leads.\nIt takes 2,118 delegates to win the Whig nomination.", "2016-03-01",
        "A", ("2,118", 2118.0, {"subject": "Ames", "metric": "delegates", "unit": "delegate"}),
    )  # fmt: skip
    last = add_article(
        db, "Bell trails.\nBell hopes to stop Ames short of the 2,118 delegates on the floor.",
        "2016-03-08", "B",
        ("2,118", 2118.0, {"subject": "Bell", "metric": "delegates", "unit": "delegate"}),
    )  # fmt: skip
    middle = add_article(
        db, "Cole waits.\nThe 2,118 delegates needed for the Whig nomination decide the floor.",
        "2016-03-09", "C",
        ("2,118", 2118.0, {"subject": "Whig nomination", "metric": "delegates needed",
                           "unit": "delegate"}),
    )  # fmt: skip
    keys = {key_of(db, claim[0]) for claim in (first, last, middle)}
    assert len(keys) == 1
    assert keys.pop()[:2] in {("ame", "delegate"), ("whig nomination", "delegate needed")}


def test_a_bare_specific_number_joins_the_count_and_takes_its_unit(db):
    (count,) = add_article(
        db, "A nominee needs 2,118 delegates to win the Whig nomination.", "2016-03-01",
        "A", ("2,118", 2118.0, {"subject": "Whig nomination", "metric": "delegates needed",
                                "unit": "delegate"}),
    )  # fmt: skip
    (bare,) = add_article(
        db, "Ames says no rival will reach 2,118 before the convention and the nomination.",
        "2016-03-04", "B", ("2,118", 2118.0, {"subject": "Ames", "metric": "reach"}),
    )  # fmt: skip
    assert key_of(db, bare) == key_of(db, count)
    assert key_of(db, bare)[2] == "count:delegate"


def test_a_name_two_figures_share_does_not_make_them_one(db):
    # The same number of delegates, the same candidate named beside it: her lead in
    # one article, the delegates at stake in a state in another.
    (lead,) = add_article(
        db, "Going into the vote, Ames held a 214-delegate advantage from earlier wins.",
        "2016-03-14", "A", ("214", 214.0, {"subject": "Ames", "metric": "advantage",
                                           "unit": "delegate"}),
    )  # fmt: skip
    (stake,) = add_article(
        db, "With 214 delegates at stake in Ruritania, Ames is assured of at least 118.",
        "2016-03-15", "B", ("214", 214.0, {"subject": "Ruritania", "metric": "delegates",
                                           "unit": "delegate"}),
    )  # fmt: skip
    assert key_of(db, lead)[:2] == ("ame", "advantage")
    assert key_of(db, stake)[:2] == ("ruritania", "delegate")


def test_a_country_the_article_gives_a_rate_keeps_it_beside_another_countrys_rate(db):
    rate = {"metric": "jobless rate", "unit": "percent", "period": "2016-01"}
    add_article(
        db, "Chile's official jobless rate of 4.9 percent hides many who gave up looking.",
        "2016-02-08", "A", ("4.9 percent", 4.9, {**rate, "subject": "Chile"}),
    )  # fmt: skip
    (other,) = add_article(
        db, "Critics cast doubt on the official jobless rate of 4.9 percent, saying many gave up.",
        "2016-02-09", "B", ("4.9 percent", 4.9, {**rate, "subject": "Norway"}),
    )  # fmt: skip
    assert key_of(db, other)[0] == "norway"


def test_a_specific_figure_is_dated_by_the_date_its_articles_give(db):
    # Claims that give no date, or the same time more precisely, take the figure's.
    needed = {"subject": "Whig nomination", "metric": "delegates needed", "unit": "delegate"}
    first = add_article(
        db, "It takes 2,118 delegates to win the Whig nomination.", "2016-03-01", "A",
        ("2,118", 2118.0, {**needed, "period": "2016"}),
    )  # fmt: skip
    dated = add_article(
        db, "On Tuesday Ames said he would reach the 2,118 delegates needed to win.",
        "2016-04-20", "B", ("2,118", 2118.0, {**needed, "period": "2016-04-19"}),
    )  # fmt: skip
    third = add_article(
        db, "A nominee needs 2,118 delegates to win; nobody is close.", "2016-04-25", "C",
        ("2,118", 2118.0, {**needed, "period": "2016"}),
    )  # fmt: skip
    undated = add_article(
        db, "It takes 2,118 delegates to win the Whig nomination, Cole said.", "2016-04-26",
        "D", ("2,118", 2118.0, needed),
    )  # fmt: skip
    keys = {key_of(db, c[0]) for c in (first, dated, third, undated)}
    assert keys == {("whig nomination", "delegate needed", "count:delegate", "2016")}


def test_a_figure_said_of_two_months_is_two_figures(db):
    jobs = {"subject": "Ruritania", "metric": "jobs added", "unit": "job"}
    march = add_article(
        db, "Ruritanian employers added 215,000 jobs in March, the office said.", "2016-04-02",
        "A", ("215,000", 215000.0, {**jobs, "period": "2016-03"}),
    )  # fmt: skip
    for day in (3, 4):
        add_article(
            db, f"Ruritanian employers added 215,000 jobs in June, report {day} said.",
            f"2016-07-0{day}", f"B{day}", ("215,000", 215000.0, {**jobs, "period": "2016-06"}),
        )  # fmt: skip
    assert key_of(db, march[0])[3] == "2016-03"


def test_a_common_noun_subject_is_not_short_for_a_longer_name(db):
    needed = {"metric": "delegates needed to win", "unit": "delegate"}
    text = (
        "It takes 1,991 delegates to win the Whig nomination. It takes 3,050 to win the nomination."
    )
    first = add_article(
        db, text, "2016-03-01", "A",
        ("1,991", 1991.0, {**needed, "subject": "Whig nomination"}),
        ("3,050", 3050.0, {**needed, "subject": "nomination"}),
    )  # fmt: skip
    (joined,) = add_article(
        db, "It takes 3,050 delegates to win, Ames said.", "2016-03-02", "B",
        ("3,050", 3050.0, {**needed, "subject": "Ames"}),
    )  # fmt: skip
    add_article(
        db, "It takes 1,991 delegates to win the Whig nomination.", "2016-03-03", "C",
        ("1,991", 1991.0, {**needed, "subject": "Whig nomination"}),
    )  # fmt: skip
    assert key_of(db, first[1])[0] == "nomination"
    assert key_of(db, joined)[0] == "nomination"


def test_a_figure_is_named_by_the_fuller_name_some_of_its_claims_write(db):
    needed = {"metric": "delegates needed to win", "unit": "delegate"}
    for day, subject in ((1, "nomination"), (2, "nomination"), (3, "Whig nomination")):
        where = "the Whig nomination" if subject != "nomination" else "the nomination"
        add_article(
            db, f"It takes 3,050 delegates to win {where}.", f"2016-03-0{day}", f"Outlet {day}",
            ("3,050", 3050.0, {**needed, "subject": subject}),
        )  # fmt: skip
    keys = {row[0] for row in db.execute("SELECT subject_key FROM claims")}
    assert keys == {"whig nomination"}


def test_a_large_round_count_said_with_two_words_in_common_is_one_figure(db):
    people = {"metric": "people", "unit": "person"}
    first = add_article(
        db, "Ames vowed to deport 8 million undocumented people living in Zembla.",
        "2016-03-01", "A", ("8 million", 8e6, {**people, "subject": "Ames"}),
    )  # fmt: skip
    second = add_article(
        db, "To deport 8 million undocumented people is cruel, critics said in Ruritania.",
        "2016-03-02", "B", ("8 million", 8e6, {**people, "subject": "Bell"}),
    )  # fmt: skip
    other = add_article(
        db, "Some 8 million people visited the undocumented caves last year, Cole said.",
        "2016-03-03", "C", ("8 million", 8e6, {**people, "subject": "Cole"}),
    )  # fmt: skip
    assert key_of(db, second[0]) == key_of(db, first[0])
    assert key_of(db, other[0])[0] == "cole"  # one word in common: another figure


def test_a_toll_told_three_ways_is_one_figure_dated_by_its_event(db):
    killed = {"metric": "people killed", "unit": "person"}
    first = add_article(
        db, "Relatives of the 23 people killed in Lyon gathered on Friday.", "2017-03-10", "A",
        ("23", 23.0, {**killed, "subject": "Lyon"}),
    )  # fmt: skip
    dated = add_article(
        db, "The Lyon bombing on March 2 killed 23 people.", "2017-03-11", "B",
        ("23", 23.0, {**killed, "subject": "Lyon bombing", "period": "2017-03-02"}),
    )  # fmt: skip
    third = add_article(
        db, "A week after 23 people were killed, Lyon mourned.", "2017-03-12", "C",
        ("23", 23.0, killed),
    )  # fmt: skip
    keys = {key_of(db, c[0]) for c in (first, dated, third)}
    assert len(keys) == 1
    assert keys.pop()[3] == "2017-03-02"


def test_a_toll_is_dated_by_the_day_one_article_gives_its_event(db):
    # Two articles date the attack by its year, one by its day: the toll is the day's.
    killed = {"metric": "people killed", "unit": "person", "subject": "Lyon bombing"}
    ids_ = []
    for day, (text, period) in enumerate((
        ("The 2017 Lyon bombing killed 23 people.", "2017"),
        ("In 2017 the Lyon bombing left 23 people dead.", "2017"),
        ("The Lyon bombing of March 2, 2017, killed 23 people.", "2017-03-02"),
    ), start=1):  # fmt: skip
        ids_ += add_article(db, text, f"2018-01-0{day}", f"Outlet {day}",
                            ("23", 23.0, {**killed, "period": period}))  # fmt: skip
    assert {key_of(db, claim_id)[3] for claim_id in ids_} == {"2017-03-02"}


def test_a_toll_of_another_event_stays_apart(db):
    killed = {"metric": "people killed", "unit": "person"}
    (lyon,) = add_article(
        db, "The Lyon bombing killed 23 people.", "2017-03-11", "A",
        ("23", 23.0, {**killed, "subject": "Lyon bombing"}),
    )  # fmt: skip
    (other,) = add_article(
        db, "The ferry fire off Crete killed 23 people.", "2017-05-11", "B",
        ("23", 23.0, {**killed, "subject": "Crete ferry fire"}),
    )  # fmt: skip
    assert key_of(db, other)[0] != key_of(db, lyon)[0]


def test_a_figures_period_counts_what_the_articles_said_not_an_earlier_decision(db):
    # Two articles give no period, then three give one: the figure follows the articles,
    # although the first decision dated the figure by the first two.
    needed = {"subject": "Whig nomination", "metric": "delegates needed", "unit": "delegate"}
    ids_ = []
    for day, period in ((1, None), (2, None), (3, "2016"), (4, "2016"), (5, "2016")):
        fields = {**needed, "period": period} if period else needed
        ids_ += add_article(
            db, f"It takes 2,118 delegates to win the Whig nomination, day {day}.",
            f"2016-03-0{day}", f"Outlet {day}", ("2,118", 2118.0, fields),
        )  # fmt: skip
    assert {key_of(db, claim)[3] for claim in ids_} == {"2016"}
    first = db.execute("SELECT extracted_period FROM claims WHERE id = ?", [ids_[0]])
    assert first.fetchone()[0] == ""  # what the article said, kept


def test_a_persons_period_is_the_claims_own_for_later_decisions(db):
    needed = {"subject": "Whig nomination", "metric": "delegates needed", "unit": "delegate"}
    for day in (1, 2):
        add_article(
            db, f"It takes 2,118 delegates to win the Whig nomination, day {day}.",
            f"2016-03-0{day}", f"Outlet {day}", ("2,118", 2118.0, {**needed, "period": "2015"}),
        )  # fmt: skip
    (dated,) = add_article(
        db, "It takes 2,118 delegates to win the Whig nomination, day 3.", "2016-03-03",
        "Outlet 3", ("2,118", 2118.0, {**needed, "period": "2015-06"}),
    )  # fmt: skip
    assert key_of(db, dated)[3] == "2015"  # the figure's period, by two articles to one
    claim = store.get_claim(db, dated)
    store.update_claim(db, dated, {"period": "2016-03"}, expected_version=claim["version"],
                       reviewer="ana")  # fmt: skip
    row = db.execute("SELECT period, extracted_period FROM claims WHERE id = ?", [dated])
    assert tuple(row.fetchone()) == ("2016-03", None)


def test_re_extraction_keeps_a_figures_period_and_changes_nothing_it_found_again(db):
    from claims import ingest, reextract

    texts = [
        ("It takes 2,118 delegates to win the Whig nomination.", "2016-03-01"),
        ("A nominee needs 2,118 delegates to win the Whig nomination, the party says.",
         "2016-03-05"),
        ("On Tuesday Ames vowed to reach the 2,118 delegates needed to win the Whig "
         "nomination.", "2016-04-20"),
    ]  # fmt: skip
    for n, (text, day) in enumerate(texts):
        ingest.ingest_text(db, text, title=f"Report {n}", published=day)
    figure = "SELECT period, extracted_period FROM claims WHERE value = 2118 ORDER BY id"
    before = db.execute(figure).fetchall()
    assert [p for p, _ in before] == ["2016"] * 3  # "on Tuesday" is not the figure's date
    summary = reextract.reextract(db, workers=1)
    assert (summary.claims_updated, summary.claims_added) == (0, 0)
    assert db.execute(figure).fetchall() == before


def test_an_accented_surname_is_short_for_the_full_name(db):
    age = {"metric": "age", "unit": "year"}
    full = add_article(
        db, "Ana Gómez, the mayor, turned 61 on Monday.", "2019-05-02", "A",
        ("61", 61.0, {**age, "subject": "Ana Gómez"}),
    )  # fmt: skip
    short = add_article(
        db, "Gómez, 61, said she would run again.", "2019-05-03", "B",
        ("61", 61.0, {**age, "subject": "Gómez"}),
    )  # fmt: skip
    assert key_of(db, short[0])[0] == key_of(db, full[0])[0] == "ana gomez"


def test_counts_of_the_same_people_in_other_words_are_one_figure(db):
    first = add_article(
        db, "Ames vowed to deport 8 million undocumented people from Zembla.", "2016-03-01",
        "A", ("8 million", 8e6, {"subject": "Ames", "metric": "people", "unit": "person"}),
    )  # fmt: skip
    second = add_article(
        db, "Jo Ames Jr. again promised to deport 8 million undocumented immigrants.",
        "2016-03-02", "B",
        ("8 million", 8e6, {"subject": "Jo Ames", "metric": "undocumented immigrants",
                            "unit": "immigrant"}),
    )  # fmt: skip
    jobs = add_article(
        db, "Ames vowed to deport 8 million undocumented jobs, a satirist wrote.", "2016-03-03",
        "C", ("8 million", 8e6, {"subject": "Ames", "metric": "jobs", "unit": "job"}),
    )  # fmt: skip
    assert key_of(db, second[0]) == key_of(db, first[0])
    assert key_of(db, jobs[0])[2] == "count:job"  # other things counted: another figure


def test_a_lead_reported_from_either_side_is_one_group_spelled_from_the_leader(db):
    # "Lindqvist trails Okafor by 300" and "Okafor leads Lindqvist by 300" are one figure.
    add_article(db, "Lindqvist trails Okafor by 300 delegates.", "2016-03-21", "A",
                ("300", 300.0, {"subject": "Lindqvist", "metric": "margin behind Okafor",
                                "unit": "delegate", "period": "2016-03-21"}))  # fmt: skip
    add_article(db, "Okafor leads Piet Lindqvist by 300 delegates.", "2016-03-21", "B",
                ("300", 300.0, {"subject": "Okafor", "metric": "lead over Piet Lindqvist",
                                "unit": "delegate", "period": "2016-03-21"}))  # fmt: skip
    (record,) = [r for r in groups.all_groups(db) if r["unit"] and "delegate" in r["unit"]]
    assert len(record["claims"]) == 2
    assert (record["subject"], record["metric"]) == ("Okafor", "lead over Lindqvist")


def test_an_existing_ledgers_leads_are_re_keyed_from_the_leaders_side(db):
    from claims import schema

    (claim_id,) = add_article(db, "Lindqvist trails Okafor by 300 delegates.", "2016-03-21", "A",
                              ("300", 300.0, {"subject": "Lindqvist", "unit": "delegate",
                                              "metric": "margin behind Okafor"}))  # fmt: skip
    with store.write_transaction(db):  # keyed as a ledger made before leads had a side
        db.execute("UPDATE claims SET subject_key = 'lindqvist', "
                   "metric_key = 'margin behind okafor' WHERE id = ?", [claim_id])  # fmt: skip
        schema._leads_from_the_leaders_side(db)
    assert key_of(db, claim_id)[:2] == ("okafor", "lead over lindqvist")


# ---------------------------------------------------------------- reading new claims


def test_matching_a_new_article_reads_its_claims_by_id(db):
    """Lining up a new article's claims looks them up by id: read through the index on
    kind, every numeric claim stored was read again for each article ingested, and a
    bulk ingest slowed down as the ledger grew."""
    add_article(
        db, "Acme Mining sold 40 trucks in May.", "2021-06-01", "Wire: Acme",
        ("40 trucks", 40, {"subject": "Acme Mining", "metric": "truck sales"}),
    )  # fmt: skip
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    # an article of many figures, a results table: SQLite weighs a long list of ids
    # against the few rows it expects one kind to have, and picked the index
    towns = [f"Town{k}" for k in range(16)]
    table = "\n".join(f"Beacon Freight sold {70 + k} trucks in {t}." for k, t in enumerate(towns))
    figures = [
        (f"{70 + k} trucks", 70 + k, {"subject": "Beacon Freight", "metric": f"truck sales in {t}"})
        for k, t in enumerate(towns)
    ]
    add_article(db, table, "2021-06-02", "Post: Beacon", *figures)
    db.conn.set_trace_callback(None)
    by_id = [s for s in statements if s.lstrip().startswith("SELECT") and "WHERE id IN (" in s]
    assert len(by_id) == 2  # the new claims' keys, and the claims themselves
    for statement in by_id:
        plan = " ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {statement}"))
        assert "USING INTEGER PRIMARY KEY" in plan and "idx_claims_kind" not in plan, plan
