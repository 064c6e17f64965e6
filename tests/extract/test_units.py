"""The unit vocabulary: currencies, measures, durations and counted nouns."""

from __future__ import annotations

import pytest

from claims.extract import extract_claims, units


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("delegates", "delegate"),
        ("meetings", "meeting"),
        ("people", "person"),
        ("jobs", "job"),
        ("countries", "country"),
        ("redundancies", "redundancy"),
        ("matches", "match"),
        ("businesses", "business"),
        ("taxes", "tax"),
        ("children", "child"),
        ("women", "woman"),
        ("chances", "chance"),
        ("houses", "house"),
        ("buses", "bus"),
        ("crises", "crisis"),
        ("lives", "life"),
        ("movies", "movie"),
        ("U-turns", "u-turn"),
        ("Patents", "patent"),
        ("status", "status"),
        ("glass", "glass"),
    ],
)
def test_singular(plural, singular):
    assert units.singular(plural) == singular


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("delegates", True),
        ("people", True),
        ("staff", True),
        ("Americans", True),
        ("is", False),
        ("its", False),
        ("business", False),
        ("status", False),
        ("US", False),
        ("Kim's", False),
        ("news", False),
        ("says", False),
    ],
)
def test_is_plural_noun(word, expected):
    assert units.is_plural_noun(word) is expected


@pytest.mark.parametrize(
    ("prefix", "code"),
    [
        ("$", "USD"),
        ("US$", "USD"),
        ("£", "GBP"),
        ("€", "EUR"),
        ("¥", "JPY"),
        ("HK$", "HKD"),
        ("A$", "AUD"),
        ("Rs", "INR"),
        ("Rs.", "INR"),
        ("USD ", "USD"),
        ("₩", "KRW"),
        ("?", None),
    ],
)
def test_currency_from_prefix(prefix, code):
    assert units.currency_from_prefix(prefix) == code


@pytest.mark.parametrize(
    ("qualifier", "word", "code"),
    [
        (None, "dollars", "USD"),
        ("Australian", "dollars", "AUD"),
        (None, "euros", "EUR"),
        (None, "pounds", "GBP"),
        (None, "yen", "JPY"),
        (None, "won", "KRW"),
        (None, "rupees", "INR"),
        (None, "yuan", "CNY"),
        ("Swiss", "francs", "CHF"),
        (None, "francs", None),
    ],
)
def test_currency_from_words(qualifier, word, code):
    assert units.currency_from_words(qualifier, word) == code


@pytest.mark.parametrize(
    ("word", "symbol"),
    [
        ("kilometres", "km"),
        ("km", "km"),
        ("tonnes", "tonne"),
        ("barrels", "barrel"),
        ("MW", "MW"),
        ("megabytes", "MB"),
        ("degrees Celsius", "degC"),
        ("litres", "litre"),
        ("miles", "mile"),
        ("mb", None),
        ("apples", None),
    ],
)
def test_canonical_measure(word, symbol):
    assert units.canonical_measure(word) == symbol


@pytest.mark.parametrize(
    ("word", "unit"),
    [
        ("years", "year"),
        ("Decades", "decade"),
        ("centuries", "century"),
        ("day", "day"),
        ("seasons", None),
    ],
)
def test_canonical_time(word, unit):
    assert units.canonical_time(word) == unit


def test_canonical_noun_unit_prefers_time_and_measure_vocabulary():
    assert units.canonical_noun_unit("days") == "day"
    assert units.canonical_noun_unit("kilometres") == "km"
    assert units.canonical_noun_unit("journalists") == "journalist"


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        # a bare count of a measure of employment counts jobs
        ("Total farm employment rose by 12,000 in May.", "12,000", "job"),
        ("Employment in mining changed little (-3,000).", "-3,000", "job"),
        ("Factory payrolls fell by 8,000.", "8,000", "job"),
        # other measures, and figures with a unit of their own, are left alone
        ("Total farm output rose by 12,000 in May.", "12,000", None),
        ("Employment rose by 1.5% in May.", "1.5%", "percent"),
    ],
)
def test_count_unit_from_the_measure(text, surface, unit):
    claim = next(c for c in extract_claims(text, "2023-06-10") if c.surface == surface)
    assert claim.unit == unit


@pytest.mark.parametrize(
    ("sentence", "surface", "unit"),
    [
        ("Smith leads Jones by 6 points among likely voters.", "6", "percentage point"),
        ("Her approval rating has risen 8 points since October.", "8", "percentage point"),
        ("Lee won the primary by more than 20 points.", "20", "percentage point"),
        ("Rovers are 5 points behind United after the draw.", "5", "point"),
        ("The FTSE 100 index fell 30 points, or 0.5%, to 5,000.", "30", "point"),
    ],
)
def test_points_of_polls_and_votes_are_percentage_points(sentence, surface, unit):
    (claim,) = [c for c in extract_claims(sentence, "2016-05-24") if c.surface == surface]
    assert claim.unit == unit


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("The voting age would be lowered to 16.", "16"),
        ("Adults are defined as being aged over 19.", "19"),
    ],
)
def test_a_bare_number_of_an_age_is_in_years(sentence, surface):
    (claim,) = [c for c in extract_claims(sentence, "2016-05-24") if c.surface == surface]
    assert claim.unit == "year"


@pytest.mark.parametrize(
    ("sentence", "surface", "unit"),
    [
        ("New mortgage loans fell to 79,000 in January.", "79,000", "loan"),
        ("The number of visitors rose to 5,000.", "5,000", "visitor"),
        ("Sales fell to 79,000 in January.", "79,000", None),  # units, pounds or dollars
        ("Temperatures will fall to 20.", "20", None),  # degrees, not temperatures
    ],
)
def test_a_bare_count_of_a_plural_measure_counts_its_noun(sentence, surface, unit):
    (claim,) = [c for c in extract_claims(sentence, "2016-05-24") if c.surface == surface]
    assert claim.unit == unit


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        # a part counts what its whole counts
        ("Zembla will select 23 of its 29 delegates on Saturday.", "23", "delegate"),
        # a rival's bare number counts what the first figure counts
        ("Rivers has won 758 delegates, compared to Lee’s 538.", "538", "delegate"),
        ("Rivers led with 35 percent, followed by Lee at 25 percent and Ng at 14.", "14",
         "percent"),
        # never a time's unit, nor a share's to a number said otherwise
        ("About 58 percent of firms with 1,000 or more staff pay leave.", "1,000", None),
    ],
)  # fmt: skip
def test_a_bare_number_takes_the_unit_of_the_count_it_continues(text, surface, unit):
    (claim,) = [c for c in extract_claims(text, "2016-04-14") if c.surface == surface]
    assert claim.unit == unit


def test_a_figure_named_again_bare_keeps_the_count_the_article_gave_it():
    text = (
        "Rivers needs 2,383 delegates to win the nomination.\n\n"
        "She is 71 short of the magic number of 2,383. Lee must reach 1,237 too."
    )
    claims = {c.surface_start: c for c in extract_claims(text, "2016-06-01") if c.kind == "numeric"}
    again = claims[text.rindex("2,383")]
    assert (again.unit, again.metric) == ("delegate", "delegates needed")
    assert claims[text.index("1,237")].unit is None  # never counted: nothing to take


def test_a_signed_change_in_brackets_in_a_jobs_sentence_counts_jobs():
    text = (
        "Couriers (+7,000) and air transportation (+6,000) added jobs, while "
        "warehousing lost jobs (-12,000)."
    )
    claims = [c for c in extract_claims(text, "2023-04-07") if c.kind == "numeric"]
    assert [(c.surface, c.value, c.unit) for c in claims] == [
        ("7,000", 7000, "job"),
        ("6,000", 6000, "job"),
        ("-12,000", -12000, "job"),
    ]
    # a bracketed figure in another sentence counts nothing it does not say
    text = "Attendance rose at the museum (+7,000)."
    assert [c.unit for c in extract_claims(text, "2023-04-07") if c.kind == "numeric"] == [None]
