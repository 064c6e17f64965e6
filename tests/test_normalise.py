"""Claim keys: folding, places, synonyms, unit families and the synonym files."""

from __future__ import annotations

import pytest

from claims import normalise
from claims.model import ClaimsError, ExtractedClaim
from claims.normalise import (
    ClaimKey,
    claim_key,
    load_synonyms,
    normalise_metric,
    normalise_subject,
    subject_metric_keys,
    unit_family,
)


@pytest.fixture(autouse=True)
def shipped_synonyms():
    """Every test starts and ends with the shipped table (a test may swap it)."""
    normalise.use_synonyms(load_synonyms([normalise.SYNONYMS_FILE]))
    yield
    normalise.use_synonyms(None)


@pytest.mark.parametrize(
    ("subject", "metric"),
    [
        ("North Korea", "GDP"),
        ("the North Korean economy", "output"),
        (None, "the North Korean economy's output"),
        ("N. Korea", "gross domestic product"),
        ("North Korea's", "economy"),
        ("DPRK", "real GDP"),
        (None, "GDP of North Korea"),
        ("North Korea", "North Korea's GDP"),
    ],
)
def test_every_way_of_naming_north_korean_gdp_keys_alike(subject, metric):
    assert subject_metric_keys(subject, metric) == ("north korea", "gdp")


@pytest.mark.parametrize(
    ("subject", "metric", "expected"),
    [
        ("U.S.", "jobless rate", ("united states", "unemployment rate")),
        ("America", "unemployment rate", ("united states", "unemployment rate")),
        ("the United States", "Unemployment Rate", ("united states", "unemployment rate")),
        (None, "the U.S. unemployment rate", ("united states", "unemployment rate")),
        (None, "the unemployment rate in the US", ("united states", "unemployment rate")),
        (None, "fed funds rate", ("", "federal funds rate")),
        (None, "target range for the federal funds rate", ("", "federal funds rate")),
        ("the Fed", "federal funds rate target", ("federal reserve", "federal funds rate")),
        ("US", "CPI", ("united states", "inflation")),
        (None, "consumer prices", ("", "inflation")),
        (None, "CPI inflation", ("", "inflation")),
        (None, "the inflation rate", ("", "inflation")),
        (None, "core CPI", ("", "core inflation")),
        ("U.S.'s", "nonfarm payrolls", ("united states", "nonfarm payroll employment")),
        # Measures are replaced in metrics only; a subject that is one becomes the metric.
        ("the economy", "jobs created", ("economy", "nonfarm payroll employment")),
        ("Inflation", None, ("", "inflation")),
        ("the CPI", None, ("", "inflation")),
        # Pronouns, determiners and "today" never name a subject.
        ("Today", "jobs created", ("", "nonfarm payroll employment")),
        ("our", "unemployment rate", ("", "unemployment rate")),
        # a vote share and a commodity's price, however an article words them
        ("Sam Lee", "share of the vote", ("sam lee", "vote share")),
        ("Sam Lee", "percentage of the vote", ("sam lee", "vote share")),
        ("Brent", "crude price per barrel", ("brent", "oil price per barrel")),
        ("Brent", "oil prices per barrel", ("brent", "oil price per barrel")),
        ("US", "official unemployment rate", ("united states", "unemployment rate")),
        # a threshold, whichever verb of winning reaches it
        ("nomination", "delegates needed to clinch", ("nomination", "delegate needed to win")),
        ("nomination", "delegates needed to secure", ("nomination", "delegate needed to win")),
    ],
)
def test_abbreviations_and_synonyms_become_one_canonical(subject, metric, expected):
    assert subject_metric_keys(subject, metric) == expected


def test_case_punctuation_possessives_articles_and_plurals_fold_away():
    assert normalise_metric("The Prices of Houses") == "price of house"
    assert normalise_metric("house prices") == "house price"
    assert normalise_metric("workers' wages") == "worker wage"
    assert normalise_metric("Year-on-year   growth!") == "year on year growth"
    assert normalise_subject("Côte d’Ivoire") == "cote d ivoire"
    # Words that only look plural stay as they are.
    assert normalise_metric("news series status") == "news series status"
    assert normalise_metric("business losses") == "business loss"


def test_a_persons_middle_initial_keys_alike_with_or_without_it():
    assert (
        subject_metric_keys("Ann R. Okafor", "net worth")
        == subject_metric_keys("Ann Okafor", "net worth")
        == ("ann okafor", "net worth")
    )
    # a last letter is part of the name, and two initials are not one
    assert subject_metric_keys("Plan B", "cost")[0] == "plan b"
    assert subject_metric_keys("Jo H.W. Rivers", "votes")[0] == "jo hw river"
    assert subject_metric_keys("Côte d’Ivoire", "exports")[0] == "cote d ivoire"


def test_people_of_a_name_key_alike_with_the_name_first():
    from claims.normalise import KEY_RULES_VERSION

    assert KEY_RULES_VERSION >= 5  # ledgers keyed before re-key
    assert subject_metric_keys("supporters of Ann Okafor", "support") == subject_metric_keys(
        "Ann Okafor supporters", "support"
    )
    assert subject_metric_keys("Bank of Zembla", "rate")[0] == "bank of zembla"


def test_a_group_of_a_name_keys_alike_with_a_possessive_or_a_preposition():
    assert (
        subject_metric_keys("casinos in Zembla City", "revenue")
        == subject_metric_keys("Zembla City's casinos", "revenue")
        == ("zembla city casino", "revenue")
    )
    assert subject_metric_keys("banks from Zembla", None)[0] == "zembla bank"
    # "of" names a body, not a group of one
    assert subject_metric_keys("Bank of England", None)[0] == "bank of england"


def test_a_subject_on_its_own_keeps_only_the_place():
    # The rest of "the North Korean economy" belongs to the metric (see subject_metric_keys).
    assert normalise_subject("the North Korean economy") == "north korea"
    assert normalise_subject("Fitch Solutions") == "fitch solution"


def test_an_organisation_named_after_a_place_stays_the_subject():
    assert subject_metric_keys("U.S. Bureau of Labor Statistics", "unemployment rate") == (
        "united states bureau of labor statistics",
        "unemployment rate",
    )
    assert subject_metric_keys("American consumers", "spending") == (
        "united states",
        "consumer spending",
    )


def test_a_place_in_the_metric_is_kept_when_the_subject_is_someone_else():
    assert subject_metric_keys("Fitch", "North Korea's GDP") == ("fitch", "north korea gdp")


@pytest.mark.parametrize(
    ("unit", "family"),
    [
        ("percent", "percent"),
        ("%", "percent"),
        ("per cent", "percent"),
        ("percentage point", "percentage point"),
        ("percentage points", "percentage point"),
        ("basis points", "basis point"),
        ("USD", "currency:USD"),
        ("$", "currency:USD"),
        ("eur", "currency:EUR"),
        ("EUR", "currency:EUR"),
        ("KRW", "currency:KRW"),
        ("year", "time:year"),
        ("years", "time:year"),
        ("tonne", "measure:tonne"),
        ("tonnes", "measure:tonne"),
        ("km", "measure:km"),
        ("MW", "measure:MW"),
        ("delegate", "count:delegate"),
        ("delegates", "count:delegate"),
        ("people", "count:person"),
        ("job", "count:job"),
        (None, "number"),
        ("", "number"),
    ],
)
def test_units_map_to_comparable_families(unit, family):
    assert unit_family(unit) == family


def test_units_that_must_never_mix_have_different_families():
    families = {unit_family(u) for u in ("delegate", "tonne", "USD", "EUR", "percent")}
    assert len(families | {unit_family("percentage point")}) == 6


def test_claim_key_reads_extracted_claims_and_rows():
    claim = ExtractedClaim(
        kind="numeric",
        surface="8.5 per cent",
        surface_start=0,
        surface_end=12,
        sentence_start=0,
        sentence_end=12,
        value=-8.5,
        unit="percent",
        subject="N. Korea",
        metric="gross domestic product",
        period="2020",
    )
    expected = ClaimKey("north korea", "gdp", "percent", "2020")
    assert claim_key(claim) == expected
    assert claim_key(claim.to_dict()) == expected
    assert claim_key({"value": 1}) == ClaimKey("", "", "number", None)


def test_a_local_file_extends_and_overrides_the_shipped_table(tmp_path):
    local = tmp_path / "synonyms.local.csv"
    local.write_text(
        "# my newsroom's words\n"
        "canonical,variant,kind\n"
        "unemployment rate,joblessness,\n"
        "inflation,cost of living,\n"
        "pyongyang regime,dprk,\n"  # overrides the shipped dprk -> north korea
        "kenya,kenyan,place\n",
        encoding="utf-8",
    )
    normalise.use_synonyms(load_synonyms([normalise.SYNONYMS_FILE, local]))
    assert subject_metric_keys("US", "joblessness") == ("united states", "unemployment rate")
    assert normalise_metric("the cost of living") == "inflation"
    assert normalise_subject("DPRK") == "pyongyang regime"
    assert subject_metric_keys("the Kenyan economy", None) == ("kenya", "gdp")
    # The shipped rows are still there.
    assert normalise_metric("jobless rate") == "unemployment rate"


def test_a_synonym_file_without_its_header_is_refused(tmp_path):
    bad = tmp_path / "synonyms.local.csv"
    bad.write_text("gdp,gross domestic product\n", encoding="utf-8")
    with pytest.raises(ClaimsError, match="header"):
        load_synonyms([bad])
    half = tmp_path / "half.csv"
    half.write_text("canonical,variant\ngdp,\n", encoding="utf-8")
    with pytest.raises(ClaimsError, match="row 2"):
        load_synonyms([half])


def test_a_missing_local_file_is_fine():
    table = load_synonyms([normalise.SYNONYMS_FILE, normalise.DATA_DIR / "no-such-file.csv"])
    assert table.replace(("jobless", "rate")) == ("unemployment", "rate")


def test_a_repeated_subject_and_metric_is_keyed_by_a_cache_lookup():
    # Repeated names are the common case in a ledger of a million claims: each
    # distinct pair is worked out once, the rest come from the cache.
    names = [(f"Country {i % 500}", f"metric {i % 2000} rates") for i in range(20_000)]
    normalise._subject_metric_words.cache_clear()
    keys = [subject_metric_keys(subject, metric) for subject, metric in names]
    cache = normalise._subject_metric_words.cache_info()
    assert cache.misses == len(set(names))
    assert cache.hits == len(names) - len(set(names))
    assert keys[0] == keys[2000] == ("country 0", "metric 0 rate")


def test_a_demonym_after_another_word_names_a_group_not_the_place():
    table = normalise.load_synonyms([normalise.SYNONYMS_FILE])
    normalise.use_synonyms(table)
    try:
        assert normalise.normalise_subject("Americans") == "united states"
        assert normalise.normalise_subject("African Americans") == "african american"
        assert normalise.normalise_subject("Korean Americans") == "korean american"
    finally:
        normalise.use_synonyms(None)


def test_qualifiers_that_do_not_change_the_measure_fold_away():
    normalise.use_synonyms(normalise.load_synonyms([normalise.SYNONYMS_FILE]))
    try:
        plain = normalise.subject_metric_keys("US", "unemployment rate")
        for metric in ("official unemployment rate", "the current unemployment rate"):
            assert normalise.subject_metric_keys("US", metric) == plain
        assert normalise.normalise_metric("official") == "official"  # nothing else left
    finally:
        normalise.use_synonyms(None)


def test_unemployment_in_percent_is_the_unemployment_rate():
    rate = normalise.key_columns("France", "unemployment", "percent")
    assert (
        rate["metric_key"]
        == normalise.key_columns("France", "unemployment rate", "%")["metric_key"]
    )
    assert normalise.key_columns("France", "unemployment", "people")["metric_key"] == "unemployment"
