"""The group summaries (migrations 0005, 0006, 0009) equal a recomputation from the claims.

Every kind of write that changes a group is made here: inserts, edits of a value,
a period or a name, vanishing, deletes (a source's cascade too), merges, undone
merges, splits and undone splits, keys wiped and recomputed.
"""

from __future__ import annotations

import json
import random

import pytest

from claims import groups, normalise, store
from claims.groups import ClaimKey
from tests.conftest import numeric_claim

# The groups as claims.groups defines them, recomputed from scratch (no summary read).
MEMBERS = """
    SELECT coalesce(a.into_metric, c.metric_key) AS metric_key,
           coalesce(a.into_subject, c.subject_key) AS subject_key,
           c.unit_key,
           CASE WHEN coalesce(c.period, '') = '' THEN '~' || printf('%.2g', abs(c.value))
                ELSE c.period END AS period,
           c.period_start, c.source_id, c.value
    FROM claims c LEFT JOIN key_aliases a ON a.unit_key = c.unit_key
        AND a.from_metric = c.metric_key AND a.from_subject = c.subject_key
    WHERE c.vanished = 0 AND c.value IS NOT NULL
        AND ((c.period IS NOT NULL AND c.period != ''
              AND (c.subject_key != '' OR c.metric_key != ''))
             OR (coalesce(c.period, '') = '' AND c.subject_key != '' AND c.metric_key != ''))
        AND c.id NOT IN (SELECT value FROM json_each(?))
"""
KEY = "metric_key, subject_key, unit_key, period"


def recomputed(db) -> dict[str, set]:
    params = [json.dumps(groups.split_claim_ids(db))]
    return {
        "group_stats": set(
            db.execute(
                f"SELECT {KEY}, max(period_start), count(*), count(DISTINCT source_id), "
                f"min(value), max(value) FROM ({MEMBERS}) GROUP BY {KEY}",
                params,
            ).fetchall()
        ),
        "group_values": set(
            db.execute(
                f"SELECT {KEY}, value, count(*) FROM ({MEMBERS}) GROUP BY {KEY}, value", params
            ).fetchall()
        ),
        "group_sources": set(
            db.execute(
                f"SELECT {KEY}, source_id, count(*) FROM ({MEMBERS}) GROUP BY {KEY}, source_id",
                params,
            ).fetchall()
        ),
        "series_stats": set(
            db.execute(
                "SELECT metric_key, subject_key, unit_key, count(*), sum(n) FROM "
                f"(SELECT {KEY}, count(*) AS n FROM ({MEMBERS}) GROUP BY {KEY}) "
                "GROUP BY metric_key, subject_key, unit_key",
                params,
            ).fetchall()
        ),
        "group_names": {
            (part, key, n)
            for part in ("subject", "metric")
            for key, n in db.execute(
                f"SELECT {part}_key, count(*) FROM (SELECT DISTINCT {KEY} FROM ({MEMBERS})) "
                f"GROUP BY {part}_key",
                params,
            ).fetchall()
        },
    }


def stored(db) -> dict[str, set]:
    columns = {
        "group_stats": f"{KEY}, period_start, n_claims, n_sources, min, max",
        "group_values": f"{KEY}, value, n",
        "group_sources": f"{KEY}, source_id, n",
        "series_stats": "metric_key, subject_key, unit_key, n_periods, n_claims",
        "group_names": "part, key, n_groups",
    }
    return {
        table: set(db.execute(f"SELECT {cols} FROM {table}").fetchall())
        for table, cols in columns.items()
    }


def assert_exact(db) -> None:
    groups.ensure_keys(db)
    assert stored(db) == recomputed(db)


@pytest.fixture(autouse=True)
def shipped_synonyms():
    normalise.use_synonyms(normalise.load_synonyms([normalise.SYNONYMS_FILE]))
    yield
    normalise.use_synonyms(None)


SPELLINGS = [
    ("United States", "unemployment rate", "percent"),
    ("US", "jobless rate", "%"),
    ("North Korea", "GDP", "percent"),
    ("N. Korea", "gross domestic product", "per cent"),
    ("North Korea", "party congress", "delegates"),
    ("North Korea", "party congress", "tonnes"),
    ("", "inflation", "percent"),
    ("Japan", "labour force participation rate", "percent"),
    ("Japan", "labor force participation rate", "percent"),
]
PERIODS = ["2020", "2021", "2023-03", None, ""]


def add_random_article(db, rng: random.Random, n: int) -> int:
    parts, claims = [], []
    for i in range(rng.randint(1, 4)):
        subject, metric, unit = rng.choice(SPELLINGS)
        value = rng.choice([3.5, 3.6, 9.0, -8.5, 5000.0, 62.6])
        surface = f"[{n}-{i}] {value:g}"
        parts.append(f"{subject} {metric} was {surface} {unit}.")
        claims.append((surface, value, subject, metric, unit, rng.choice(PERIODS)))
    text = "\n".join(parts)
    extracted = [
        numeric_claim(text, surface, value, subject=s or None, metric=m, unit=u, period=p)
        for surface, value, s, m, u, p in claims
    ]
    published = f"2023-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
    source_id, _ = store.add_source(db, text, extracted, title=f"T{n}", published=published)
    return source_id


def seeded(db, seed: int, *, articles: int) -> random.Random:
    """Fill the ledger with random articles; returns the generator for more."""
    rng = random.Random(seed)
    for n in range(articles):
        add_random_article(db, rng, n)
    return rng


def claim_ids(db) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM claims ORDER BY id").fetchall()]


def test_a_fresh_ledger_has_empty_summaries(db):
    assert stored(db) == recomputed(db) == {t: set() for t in stored(db)}


def test_summaries_follow_inserts_edits_vanishing_and_deletes(db):
    rng = seeded(db, 5, articles=30)
    assert_exact(db)
    assert db["group_stats"].count > 5
    for claim_id in rng.sample(claim_ids(db), 15):
        claim = store.get_claim(db, claim_id)
        change = rng.choice(
            [
                {"value": rng.choice(["1", "3.5", "9", "-8.5"])},
                {"period": rng.choice(["2020", "2021", "2023-03", ""])},
                {"metric": rng.choice(["GDP", "output", "unemployment rate", ""])},
                {"unit": rng.choice(["percent", "delegates", "tonnes", ""])},
                {"subject": rng.choice(["US", "Japan", ""])},
            ]
        )
        store.update_claim(db, claim_id, change, expected_version=claim["version"], reviewer="t")
        assert_exact(db)
    ids = claim_ids(db)
    db.execute("UPDATE claims SET vanished = 1 WHERE id IN (?, ?, ?)", ids[:3])
    assert_exact(db)
    db.execute("UPDATE claims SET vanished = 0 WHERE id = ?", [ids[0]])
    db.execute("DELETE FROM claims WHERE id = ?", [ids[5]])
    assert_exact(db)
    # Keys wiped (a bulk writer) and recomputed: the claims leave and rejoin their groups.
    db.execute("UPDATE claims SET subject_key = NULL, metric_key = NULL, unit_key = NULL")
    assert db["group_stats"].count == 0
    store.recompute_claim_keys(db)
    assert_exact(db)
    source = db.execute("SELECT source_id FROM claims ORDER BY id DESC LIMIT 1").fetchone()[0]
    db.execute("DELETE FROM claims WHERE source_id = ?", [source])
    assert_exact(db)


def test_summaries_follow_merges_and_splits(db):
    rng = seeded(db, 11, articles=25)
    groups.ensure_keys(db)
    us = ClaimKey("united states", "unemployment rate", "percent", "2020")
    japan_uk = ClaimKey("japan", "labour force participation rate", "percent", "2020")
    japan_us = ClaimKey("japan", "labor force participation rate", "percent", "2020")
    korea = ClaimKey("north korea", "gdp", "percent", "2020")
    groups.accept_merge(db, japan_uk, japan_us, reviewer="ana", note="spelling")
    assert_exact(db)
    groups.accept_merge(db, japan_us, korea, reviewer="ana", note="a chain, for the test")
    assert_exact(db)
    groups.undo_merge(db, japan_us, note="checked by hand", reviewer="ana")
    assert_exact(db)
    groups.accept_merge(db, korea, us, note="the same figure", reviewer="ana")
    assert_exact(db)
    grouped = db.execute(
        "SELECT id FROM claims WHERE value IS NOT NULL AND period != '' ORDER BY id"
    ).fetchall()
    for (claim_id,) in grouped[:4]:
        groups.split_claim(db, claim_id, reviewer="bo", note="not the same figure")
        assert_exact(db)
    groups.undo_split(db, grouped[1][0], note="checked by hand", reviewer="bo")
    assert_exact(db)
    # Adding a claim at a split place keeps it out; editing a split claim too.
    add_random_article(db, rng, 99)
    claim = store.get_claim(db, grouped[0][0])
    store.update_claim(db, claim["id"], {"value": "7"}, expected_version=claim["version"],
                       reviewer="t")  # fmt: skip
    assert_exact(db)
    groups.undo_merge(db, korea, note="checked by hand", reviewer="ana")
    groups.undo_merge(db, japan_uk, note="checked by hand", reviewer="ana")
    assert_exact(db)


def test_summaries_answer_what_list_groups_showed_before(db):
    seeded(db, 3, articles=20)
    groups.ensure_keys(db)
    listed = groups.list_groups(db, limit=1000)
    built = [groups.group_for_key(db, row["key"]) for row in listed]
    assert [(r["n_claims"], r["n_sources"], r["min"], r["max"]) for r in listed] == [
        (g.n_claims, g.n_sources, g.min, g.max) for g in built
    ]


def add_figure(db, subject: str, metric: str, period: str, value: float, n: int) -> None:
    text = f"{subject} {metric} was {value}% in {period} (report {n})."
    claim = numeric_claim(
        text, f"{value}%", value, subject=subject, metric=metric, unit="percent", period=period
    )
    store.add_source(db, text, [claim], title=f"R{n}", published=f"2024-01-{n % 28 + 1:02d}")


def test_a_search_finds_names_by_key_spelling_subject_and_metric_and_merge(db):
    add_figure(db, "North Korea", "GDP", "2020", -8.5, 1)
    add_figure(db, "US", "jobless rate", "2023-03", 3.5, 2)
    add_figure(db, "Japan", "labour force participation rate", "2023-03", 62.6, 3)
    add_figure(db, "Japan", "labor force participation rate", "2023-03", 62.6, 4)

    def found(search: str) -> set[tuple[str, str]]:
        by_groups = {r["key"][:2] for r in groups.list_groups(db, search=search)}
        by_series = {r["key"][:2] for r in groups.list_series(db, search=search)}
        assert by_groups == by_series, search
        return by_groups

    assert found("gross domestic product") == {("north korea", "gdp")}  # the search's key
    assert found("korea") == {("north korea", "gdp")}  # the key
    assert found("jobless") == {("united states", "unemployment rate")}  # a spelling
    assert found("north korea gdp") == {("north korea", "gdp")}  # subject then metric
    assert found("zzz") == set() and found("%_") == set()
    japan = ClaimKey("japan", "labour force participation rate", "percent", "2023-03")
    groups.accept_merge(db, japan, japan._replace(metric="labor force participation rate"),
                        reviewer="ana", note="spelling")  # fmt: skip
    # The merged-away spelling still finds the group it was merged into.
    assert found("labour") == {("japan", "labor force participation rate")}


def test_a_series_can_be_cut_to_its_latest_periods(db):
    for n, period in enumerate(["2019", "2020", "2021", "2022", "2023"]):
        for k in range(3):
            add_figure(db, "US", "inflation", period, 2.0 + n, 10 * n + k)
    key = ClaimKey("united states", "inflation", "percent", None)
    assert [g.key.period for g in groups.series(db, key)] == ["2019", "2020", "2021", "2022",
                                                               "2023"]  # fmt: skip
    assert [g.key.period for g in groups.series(db, key, max_claims=7)] == ["2022", "2023"]
    assert [g.key.period for g in groups.series(db, key, max_claims=1)] == ["2023"]
