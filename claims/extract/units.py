"""Units of a quantity: currencies, percentages, durations, measures and counted nouns.

Everything here maps what the text says to the canonical unit vocabulary of
CLAIM-SPEC.md: ISO 4217 codes for money, singular words for time, short symbols
for measures and the singular lower-case noun for counts. The tables are small
and the regexes are compiled once at import, because the extractor runs them on
every number of every article.
"""

from __future__ import annotations

import re

from claims.plurals import IRREGULAR_PLURALS, singular

__all__ = [
    "CURRENCY_PREFIX_RE",
    "CURRENCY_WORDS",
    "CURRENCY_WORD_RE",
    "MEASURE_RE",
    "PERCENT_RE",
    "TIME_RE",
    "TIME_UNITS",
    "canonical_measure",
    "canonical_noun_unit",
    "canonical_time",
    "currency_from_prefix",
    "currency_from_words",
    "is_plural_noun",
    "points_unit",
    "unit_of_measure",
]

# Currency written before the number ("$5", "US$5", "£600m", "Rs 500").
CURRENCY_PREFIXES = {
    "$": "USD",
    "us$": "USD",
    "u.s.$": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "hk$": "HKD",
    "s$": "SGD",
    "nz$": "NZD",
    "r$": "BRL",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "rs": "INR",
    "rs.": "INR",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "cny": "CNY",
    "rmb": "CNY",
    "krw": "KRW",
    "inr": "INR",
    "chf": "CHF",
    "aud": "AUD",
    "cad": "CAD",
    "hkd": "HKD",
    "sgd": "SGD",
}

CURRENCY_PREFIX_RE = re.compile(
    r"(?:US\$|U\.S\.\s?\$|A\$|AU\$|C\$|CA\$|HK\$|S\$|NZ\$|R\$|[$£€¥₹₩])\s?"
    r"|(?:USD|EUR|GBP|JPY|CNY|RMB|KRW|INR|CHF|AUD|CAD|HKD|SGD|Rs\.?)\s?(?=\d)"
)

# Currency named after the number ("1.5bn euros", "300 billion won").
CURRENCY_WORDS = {
    "dollar": "USD",
    "buck": "USD",  # in speech, "20 bucks" are dollars
    "us dollar": "USD",
    "australian dollar": "AUD",
    "canadian dollar": "CAD",
    "hong kong dollar": "HKD",
    "singapore dollar": "SGD",
    "new zealand dollar": "NZD",
    "euro": "EUR",
    "pound": "GBP",
    "pound sterling": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "won": "KRW",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "swiss franc": "CHF",
    "rouble": "RUB",
    "ruble": "RUB",
    "rand": "ZAR",
    "ringgit": "MYR",
    "baht": "THB",
    "naira": "NGN",
    "lira": "TRY",
    "peso": "MXN",
}
CURRENCY_WORD_RE = re.compile(
    r"\s+((?:US|Australian|Canadian|Hong Kong|Singapore|New Zealand|Swiss)\s+)?"
    r"(dollars?|bucks?|euros?|pounds?(?:\s+sterling)?|sterling|yen|won|yuan|renminbi|rupees?|francs?"
    r"|roubles?|rubles?|rand|ringgit|baht|naira|lira|pesos?)\b",
    re.IGNORECASE,
)

PERCENT_RE = re.compile(
    r"\s?(?:%|per\s?cent\b|percent\b|pc\b)(?:\s?(?:percentage\s)?points?\b)?"
    r"|\s(?:percentage|basis)[\s-]points?\b|\s?bps?\b",
    re.IGNORECASE,
)

# Measures with their canonical short symbol. Longest spellings first so that
# "km2" wins over "km" and "kilometres" over "km".
_MEASURES = {
    "km2": "km2",
    "sq km": "km2",
    "square kilometres": "km2",
    "square kilometers": "km2",
    "square miles": "sq mi",
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "km": "km",
    "metres": "m",
    "meters": "m",
    "metre": "m",
    "meter": "m",
    "cm": "cm",
    "mm": "mm",
    "miles": "mile",
    "mile": "mile",
    "feet": "ft",
    "foot": "ft",
    "ft": "ft",
    "acres": "acre",
    "acre": "acre",
    "hectares": "ha",
    "hectare": "ha",
    "kilograms": "kg",
    "kilogram": "kg",
    "kilos": "kg",
    "kg": "kg",
    "grams": "g",
    "tonnes": "tonne",
    "tonne": "tonne",
    "tons": "ton",
    "ton": "ton",
    "lbs": "lb",
    "lb": "lb",
    "barrels": "barrel",
    "barrel": "barrel",
    "bpd": "barrel per day",
    "litres": "litre",
    "liters": "litre",
    "litre": "litre",
    "liter": "litre",
    "gallons": "gallon",
    "gallon": "gallon",
    "megawatts": "MW",
    "gigawatts": "GW",
    "kilowatts": "kW",
    "MW": "MW",
    "GW": "GW",
    "kW": "kW",
    "kWh": "kWh",
    "MWh": "MWh",
    "GWh": "GWh",
    "TWh": "TWh",
    "megabytes": "MB",
    "megabyte": "MB",
    "gigabytes": "GB",
    "gigabyte": "GB",
    "terabytes": "TB",
    "MB": "MB",
    "GB": "GB",
    "TB": "TB",
    "Mbps": "Mbps",
    "mph": "mph",
    "km/h": "km/h",
    "°C": "degC",
    "degrees Celsius": "degC",
    "degrees centigrade": "degC",
    "°F": "degF",
    "degrees Fahrenheit": "degF",
}
# Symbols in capitals are case-sensitive (MB is not mb); words are not.
MEASURE_RE = re.compile(
    r"\s?("
    + "|".join(re.escape(k) for k in sorted(_MEASURES, key=len, reverse=True))
    + r")(?![\w/])"
)
# Spelled-out words match in any case ("Kilometres"); short symbols only as written.
_MEASURES_LOWER = {k.lower(): v for k, v in _MEASURES.items() if len(k) > 3 and k.islower()}

TIME_UNITS = {
    "second": 1,
    "minute": 60,
    "hour": 3600,
    "day": 86400,
    "week": 604800,
    "month": 2629800,
    "year": 31557600,
    "decade": 315576000,
    "century": 3155760000,
}
TIME_RE = re.compile(
    r"\s+(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|century|centuries)\b",
    re.IGNORECASE,
)

# Plural-looking words that are not plural nouns (verbs too: "takes"), for is_plural_noun;
# singular() has its own list (claims.plurals), words it leaves as they are.
_NOT_PLURAL = {
    "is",
    "was",
    "has",
    "its",
    "his",
    "hers",
    "this",
    "thus",
    "as",
    "us",
    "yes",
    "plus",
    "less",
    "unless",
    "across",
    "always",
    "perhaps",
    "whereas",
    "towards",
    "afterwards",
    "besides",
    "news",
    "politics",
    "economics",
    "physics",
    "lens",
    "bias",
    "gas",
    "chaos",
    "bus",
    "virus",
    "bonus",
    "status",
    "campus",
    "census",
    "series",
    "species",
    "means",
    "whilst",
    "does",
    "goes",
    "says",
    "gets",
    "makes",
    "takes",
    "remains",
    "seems",
}

IRREGULAR_PLURAL_WORDS = frozenset(k for k, v in IRREGULAR_PLURALS.items() if k != v) | {
    "police",
    "staff",
    "personnel",
    "cattle",
    "aircraft",
}


def is_plural_noun(word: str) -> bool:
    """Whether a word looks like a plural noun ("delegates", "people", "countries")."""
    lower = word.lower()
    if lower in IRREGULAR_PLURAL_WORDS:
        return True
    if len(lower) < 3 or not lower.endswith("s") or lower in _NOT_PLURAL:
        return False
    return not (word.isupper() or lower.endswith(("ss", "us", "is", "'s", "’s")))


def currency_from_prefix(prefix: str) -> str | None:
    """ISO code for a currency written before the number ("US$" -> USD)."""
    return CURRENCY_PREFIXES.get(prefix.strip().lower().replace(" ", ""))


def currency_from_words(qualifier: str | None, word: str) -> str | None:
    """ISO code for a currency named after the number ("euros" -> EUR)."""
    base = " ".join(word.lower().split())
    if base.endswith("s") and base[:-1] in CURRENCY_WORDS:
        base = base[:-1]
    if qualifier:
        qualified = f"{qualifier.strip().lower()} {base}"
        if qualified in CURRENCY_WORDS:
            return CURRENCY_WORDS[qualified]
        if base in ("franc", "francs"):
            return "CHF"
    if base in ("franc",):
        return None
    return CURRENCY_WORDS.get(base)


def canonical_measure(word: str) -> str | None:
    """Short symbol for a measure word or symbol ("kilometres" -> km), else None."""
    return _MEASURES.get(word) or _MEASURES_LOWER.get(word.lower())


def canonical_time(word: str) -> str | None:
    """Singular time unit for a duration word ("decades" -> decade), else None."""
    lower = word.lower()
    if lower == "centuries":
        return "century"
    base = lower[:-1] if lower.endswith("s") else lower
    return base if base in TIME_UNITS else None


def canonical_noun_unit(word: str) -> str:
    """Canonical unit for a counted noun: a time or measure unit when it is one."""
    return canonical_time(word) or canonical_measure(word) or singular(word)


# Measures whose bare figures count something: "payroll employment rose by 236,000"
# counts jobs, as "added 236,000 jobs" does. Keyed by the head noun of the metric.
_COUNT_OF_MEASURE = {
    "age": "year",  # "the voting age would be lowered to 16"
    "employment": "job",
    "payroll": "job",
    "payrolls": "job",
    "jobs": "job",
    "job": "job",
}


# Words of polls and elections: "points" said of them are percentage points ("leads
# by 8 points in the poll"); in a league table or a game they are points.
_ELECTORAL_RE = re.compile(
    r"\b(?:polls?|polling|pollsters?|surveys?|voters?|votes?|caucus(?:es)?|primar(?:y|ies)|"
    r"elections?|electorate|precincts?|approval|rating|favou?rab\w*|percent|per\s+cent)\b|%",
    re.IGNORECASE,
)


# A stock index moves by points too, often said with its percentage ("fell 30 points,
# or 0.5%"): those stay points.
_INDEX_RE = re.compile(
    r"\b(?:index|indices|indexes|FTSE|Dow|Nasdaq|S&P|Nikkei|DAX|CAC|Hang\s+Seng|shares|stocks?)\b"
)


def points_unit(sentence: str) -> str:
    """The unit of a number of points in this sentence: percentage points where it
    speaks of polls, votes or percentages (and of no stock index), else points."""
    if _ELECTORAL_RE.search(sentence) and not _INDEX_RE.search(sentence):
        return "percentage point"
    return "point"


def unit_of_measure(metric: str | None) -> str | None:
    """The counted unit that a bare number of this metric implies, or None.

    The head is the last word before any qualifier: "employment in retail trade",
    "total nonfarm payroll employment" -> "employment" -> job.
    """
    if not metric:
        return None
    words = metric.lower().split()
    for index, word in enumerate(words):
        if word in ("in", "for", "of", "on", "at", "among"):
            words = words[:index]
            break
    if len(words) == 2 and words[1].endswith("ed") and is_plural_noun(words[0]):
        # "people wounded" ("killed 49 people and wounded 53"): the noun counted
        return canonical_noun_unit(words[0])
    if not words:
        return None
    if words[-1] in _COUNT_OF_MEASURE:
        return _COUNT_OF_MEASURE[words[-1]]
    if is_plural_noun(words[-1]) and words[-1] not in _AMOUNT_NOUNS:
        # "new mortgage loans fell to 79,000", "the number of visitors rose to 5,000"
        return canonical_noun_unit(words[-1])
    return None


# Plural nouns that name an amount rather than things counted one by one: "sales fell
# to 79,000" may be units, pounds or dollars.
_AMOUNT_NOUNS = frozenset(
    """sales exports imports earnings profits revenues prices costs shares rates
    assets reserves savings funds wages taxes deposits losses figures numbers results
    levels points returns yields bonds stocks holdings spending outgoings takings receipts
    proceeds payments fees bills debts benefits premiums volumes totals temperatures
    speeds scores ratings readings balances""".split()
)
