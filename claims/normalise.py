"""Claim keys: the normalised (subject, metric, unit, period) that lines up the same figure.

"North Korea's GDP", "the North Korean economy's output" and "N. Korea's gross
domestic product" must key alike, while "5,000 delegates" and "5,000 tonnes"
must never. The rules, in order:

1. Text is folded: Unicode accents dropped, lower case, dots of abbreviations
   removed ("U.S." -> "us", "N. Korea" -> "n korea"), possessives dropped
   ("Korea's" -> "korea"), other punctuation read as a space, the articles
   "the/a/an" and words that never name anything (pronouns, determiners,
   "today", auxiliaries: "Today", "our", "economy has") dropped, and plural
   words made singular ("prices" -> "price"). A subject of one word and
   "in"/"from" a name is a group of that name, written owner first as the
   possessive folds ("casinos in Zembla" -> "zembla casino", "supporters of Jo Lee" ->
   "jo lee supporter"); a subject's middle initials are dropped ("Jo R. Rivers" ->
   "jo rivers").
2. Places move to the subject. A known place (a synonym of kind "place",
   including its demonym) at the start of the subject keeps the subject and
   hands the rest to the metric when the rest is one word or a measure's name:
   subject "the North Korean economy", metric "output" keys as ("north korea",
   "economy output" -> "gdp"); a longer rest is an organisation and stays
   ("U.S. Bureau of Labor Statistics"). A metric that
   starts with a place, or ends with "of/in <place>", gives the place to an
   empty subject (or drops it when the subject already names it).
   Only places listed in the synonym table are recognised: that is the cheap
   part of demonym handling; anything else is left to fuzzy merge proposals.
3. Synonyms: the longest listed variant is replaced by its canonical, anywhere
   in the phrase (data/synonyms.csv, extended by data/synonyms.local.csv).
   Names of measures (kind "metric": "economy" -> "gdp") are replaced in
   metrics only, so a subject "the economy" stays the economy; a claim with no
   metric whose whole subject is such a name ("Inflation rose to 3%") keys it
   as the metric.
4. Units map to a family key that says what may be compared: "percent",
   "percentage point", "basis point", "currency:USD", "time:year",
   "measure:tonne", "count:delegate", or "number" for a bare number.
   A family holds exactly one canonical unit, so values in it compare as they are.

Keys are plain strings; a missing subject or metric keys as "" (never NULL, so
that SQL equality and indexes work). Everything here is pure and cached,
because it runs over every claim at ingest and over a million rows when a
database is re-keyed.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from claims.config import DATA_DIR, SHIPPED_DATA_DIR
from claims.model import ClaimsError
from claims.plurals import singular

SYNONYMS_FILE = SHIPPED_DATA_DIR / "synonyms.csv"
LOCAL_SYNONYMS_FILE = DATA_DIR / "synonyms.local.csv"

# Big enough for every distinct subject/metric spelling of a large ledger.
_CACHE_SIZE = 200_000


class ClaimKey(NamedTuple):
    """What makes two numeric claims comparable."""

    subject: str
    metric: str
    unit: str
    period: str | None


# ---------------------------------------------------------------- folding text

_ARTICLES = frozenset({"the", "a", "an"})
# Words that never name what a figure is about: pronouns, determiners and "today",
# which extractors sometimes leave in a subject ("Today, we learned ..." -> "today").
# "us" is missing on purpose: folded, "U.S." is "us".
_FUNCTION_WORDS = frozenset(
    """i we you he she they it me him them my our your his her their its this that these those
    both each every all some most among within which who whom whose when where here there
    today yesterday tomorrow now currently since has have had is are was were been be will
    would""".split()
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
# A dot that is not a decimal point: abbreviation dots go ("u.s." -> "us").
_NON_DECIMAL_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_PUNCTUATION = re.compile(r"[^\w\s.]|_")


@lru_cache(maxsize=4096)
def fold_words(text: str | None) -> tuple[str, ...]:
    """Text as a tuple of folded words (rule 1 of the module docstring), plurals kept.

    Cached: matching folds the same sentence for each of its numbers."""
    if not text:
        return ()
    if not text.isascii():  # accents off ("Société" -> "societe"); ASCII has none
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_APOSTROPHES).lower().replace("&", " and ")
    text = _NON_DECIMAL_DOT.sub("", text)  # before possessives: "U.S.'s" -> "us's" -> "us"
    text = _POSSESSIVE.sub("", text)
    text = _PUNCTUATION.sub(" ", text)
    return tuple(
        word for word in text.split() if word not in _ARTICLES and word not in _FUNCTION_WORDS
    )


def match_words(text: str | None) -> tuple[str, ...]:
    """Folded words made singular: the form synonyms are matched in."""
    return tuple(singular(word) for word in fold_words(text))


# ---------------------------------------------------------------- the synonym table


@dataclass
class SynonymTable:
    """Variants (as singular word tuples) -> canonical words, plus the known places.

    `variants` apply to subjects and metrics, `metric_variants` to metrics (it
    holds `variants` too); `places` are the variants that name a place.
    """

    variants: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    metric_variants: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    places: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    longest: int = 1

    def add(self, canonical: str, variant: str, kind: str = "") -> None:
        canonical_words = fold_words(canonical)
        variant_words = match_words(variant)
        if not canonical_words or not variant_words:
            return
        for words in (match_words(canonical), variant_words):
            self.metric_variants[words] = canonical_words
            if kind == "metric":
                self.variants.pop(words, None)  # a later row's meaning wins
            else:
                self.variants[words] = canonical_words
            if kind == "place":
                self.places[words] = canonical_words
            self.longest = max(self.longest, len(words))
        if kind != "place":
            # A later row that gives a place's variant another meaning wins.
            self.places.pop(variant_words, None)

    def is_metric_name(self, words: tuple[str, ...]) -> bool:
        """Whether the words are, as a whole, a name of a measure ("inflation", "cpi")."""
        return bool(words) and words in self.metric_variants and words not in self.variants

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, str]]) -> SynonymTable:
        table = cls()
        for row in rows:
            table.add(row["canonical"], row["variant"], (row.get("kind") or "").strip())
        return table

    def replace(self, words: tuple[str, ...], *, metric: bool = True) -> tuple[str, ...]:
        """Replace the longest variant at each position by its canonical (rule 3).

        A place's variant is replaced only where it opens the phrase ("American voters"):
        after another word it names a group, not the place ("African Americans")."""
        table = self.metric_variants if metric else self.variants
        out: list[str] = []
        i = 0
        while i < len(words):
            for size in range(min(self.longest, len(words) - i), 0, -1):
                canonical = table.get(words[i : i + size])
                if canonical is not None and i > 0 and words[i : i + size] in self.places:
                    continue
                if canonical is not None:
                    out.extend(canonical)
                    i += size
                    break
            else:
                out.append(words[i])
                i += 1
        return _drop_repeats(out)

    def leading_place(self, words: tuple[str, ...]) -> tuple[tuple[str, ...], int]:
        """The place the words start with and how many words it takes, or ((), 0)."""
        for size in range(min(self.longest, len(words)), 0, -1):
            place = self.places.get(words[:size])
            if place is not None:
                return place, size
        return (), 0

    def trailing_place(self, words: tuple[str, ...]) -> tuple[tuple[str, ...], int]:
        """A place the words end with after "of" or "in" ("gdp of north korea")."""
        for size in range(min(self.longest, len(words) - 2), 0, -1):
            if words[-size - 1] in ("of", "in"):
                place = self.places.get(words[-size:])
                if place is not None:
                    return place, size + 1
        return (), 0


def _drop_repeats(words: list[str]) -> tuple[str, ...]:
    # "cpi inflation" -> "inflation inflation" -> "inflation".
    return tuple(w for i, w in enumerate(words) if i == 0 or w != words[i - 1])


def read_synonym_file(path: Path) -> list[dict[str, str]]:
    """Rows of a synonym CSV (canonical,variant[,kind]); '#' lines and blank lines skipped."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    except OSError as exc:
        raise ClaimsError(f"Cannot read the synonym file {path}: {exc}.") from None
    reader = csv.DictReader(lines)
    if not reader.fieldnames or not {"canonical", "variant"} <= set(reader.fieldnames):
        raise ClaimsError(f"{path} needs a header line 'canonical,variant' (optionally ',kind').")
    rows = []
    for number, row in enumerate(reader, start=2):
        if not (row.get("canonical") or "").strip() or not (row.get("variant") or "").strip():
            raise ClaimsError(f"{path}: row {number} needs both a canonical and a variant.")
        rows.append(row)
    return rows


def load_synonyms(paths: Iterable[Path]) -> SynonymTable:
    """A table from these files in order; later files win for a variant they repeat."""
    rows: list[dict[str, str]] = []
    for path in paths:
        if Path(path).exists():
            rows.extend(read_synonym_file(Path(path)))
    return SynonymTable.from_rows(rows)


# What a stored key depends on besides the synonym table: bump it when a change to
# the rules in this module changes the keys it makes, so that ledgers re-key.
# 2: one singular for keys and units (claims.plurals): "hispanics", "lives", "bonuses"
# and "clinics" are made singular in keys as in units.
# 3: a group of a name written "casinos in Zembla" keys as "zembla casino", like
# "Zembla's casinos".
# 4: a person's middle initials dropped ("Jo R. Rivers" -> "jo rivers").
# 5: people "of" a name owner first ("supporters of Jo Lee" -> "jo lee supporter").
KEY_RULES_VERSION = 5

_table: SynonymTable | None = None
_fingerprint: str | None = None


def key_fingerprint() -> str:
    """Which synonym table and key rules make keys now: a ledger that stored its claims'
    keys under another fingerprint needs `rekey` to line them up again."""
    global _fingerprint
    if _fingerprint is None:
        table = synonym_table()
        content = json.dumps(
            [KEY_RULES_VERSION, *(sorted(d.items()) for d in
                                  (table.variants, table.metric_variants, table.places))]
        )  # fmt: skip
        _fingerprint = "k-" + hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]
    return _fingerprint


def synonym_table() -> SynonymTable:
    """The shipped table merged with the user's data/synonyms.local.csv, read once."""
    global _table
    if _table is None:
        _table = load_synonyms([SYNONYMS_FILE, LOCAL_SYNONYMS_FILE])
    return _table


def use_synonyms(table: SynonymTable | None) -> None:
    """Replace the table (tests, or after a user edited their file); None re-reads the files.

    Stored keys do not change by themselves: run store.recompute_claim_keys(db).
    """
    global _table, _fingerprint
    _table, _fingerprint = table, None
    _subject_metric_words.cache_clear()
    _unit_family.cache_clear()


# ---------------------------------------------------------------- subject and metric


def normalise_subject(subject: str | None) -> str:
    """The subject's key on its own: folded, places and synonyms canonical.

    As in subject_metric_keys, a place keeps only the place ("the North Korean
    economy" -> "north korea") and a subject that is only a measure's name
    ("inflation") is not a subject ("").
    """
    return " ".join(_subject_metric_words(subject, None)[0])


def normalise_metric(metric: str | None) -> str:
    """The metric's key on its own (no subject to hand a place to)."""
    words = synonym_table().replace(_metric_words(metric))
    return " ".join(words)


def subject_metric_keys(subject: str | None, metric: str | None) -> tuple[str, str]:
    """(subject_key, metric_key) of a claim, with places moved to the subject (rule 2)
    and a lead written from the leader's side (as_lead)."""
    subject, metric = as_lead(subject, metric)
    subject_words, metric_words = _subject_metric_words(subject, metric)
    return " ".join(subject_words), " ".join(metric_words)


# How the extractor names a gap between rivals (claims/extract/leads.py).
MARGIN_BEHIND = "margin behind "
LEAD_OVER = "lead over "


def as_lead(subject: str | None, metric: str | None) -> tuple[str | None, str | None]:
    """One gap between two rivals, written from the leader's side with the rival by
    surname: ("Jones", "margin behind Ann Smith") and ("Smith", "lead over Tom Jones")
    are both ("Smith", "lead over Jones"), so that either side's report lines up; what
    follows the rival's name stays ("lead over Jones among women")."""
    if not subject or not metric:
        return subject, metric
    text = metric.strip()
    if text.lower().startswith(MARGIN_BEHIND) and len(text) > len(MARGIN_BEHIND):
        leader, rest = _name_and_rest(text[len(MARGIN_BEHIND) :])
        return leader, LEAD_OVER + surname(subject) + rest
    if text.lower().startswith(LEAD_OVER) and len(text) > len(LEAD_OVER):
        rival, rest = _name_and_rest(text[len(LEAD_OVER) :])
        return subject, LEAD_OVER + surname(rival) + rest
    return subject, metric


def _name_and_rest(text: str) -> tuple[str, str]:
    """ "Tom Jones among women" -> ("Tom Jones", " among women"): the capitalised run."""
    words = text.split()
    k = 0
    while k < len(words) and words[k][:1].isupper():
        k += 1
    k = max(k, 1)
    rest = " ".join(words[k:])
    return " ".join(words[:k]), (" " + rest if rest else "")


def surname(name: str) -> str:
    """A person's name by its last word: "Tom Jones" and "Jones" are one rival."""
    words = name.split()
    return words[-1] if words else name


# Words before a measure's name that do not change what is measured: "the official
# unemployment rate" and "the current unemployment rate" are the unemployment rate.
_METRIC_QUALIFIERS = frozenset("official current latest actual overall reported".split())


def _metric_words(metric: str | None) -> tuple[str, ...]:
    words = match_words(metric)
    while len(words) > 1 and words[0] in _METRIC_QUALIFIERS:
        words = words[1:]
    return words


@lru_cache(maxsize=_CACHE_SIZE)
def _subject_metric_words(
    subject: str | None, metric: str | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    table = synonym_table()
    subject_words = _owner_first(match_words(_without_initials(subject)))
    metric_words = _metric_words(metric)

    place, size = table.leading_place(subject_words)
    rest = subject_words[size:]
    if place and (len(rest) <= 1 or rest in table.metric_variants):
        # "North Korean economy" + "output": the economy is part of what is measured.
        metric_words = rest + metric_words
        subject_words = place
    elif place:
        # "U.S. Bureau of Labor Statistics" is an organisation, not a place's measure.
        subject_words = place + table.replace(rest, metric=False)
    elif not subject_words:
        subject_words, metric_words = _place_from_metric(table, metric_words)
    elif not metric_words and table.is_metric_name(subject_words):
        # "Inflation rose to 3%": the extractor's subject is what is measured.
        subject_words, metric_words = (), subject_words
    else:
        subject_words = table.replace(subject_words, metric=False)

    if subject_words:
        # "North Korea" + "North Korea's GDP": the metric need not repeat the subject.
        lead, size = table.leading_place(metric_words)
        if lead == subject_words:
            metric_words = metric_words[size:]
    return subject_words, table.replace(metric_words)


# A middle initial between a first and a last name: "Jo R. Rivers" is "Jo Rivers".
_MIDDLE_INITIAL_RE = re.compile(r"(?<=[a-z]) (?:[A-Z]\. )+(?=[A-Z][a-z])")


def _without_initials(subject: str | None) -> str | None:
    """A name's middle initials dropped, as the same person is written with and without
    them ("Plan B", "Jo H.W. Rivers" and "Côte d'Ivoire" stay as they are)."""
    return _MIDDLE_INITIAL_RE.sub(" ", subject) if subject and ". " in subject else subject


def _owner_first(words: tuple[str, ...]) -> tuple[str, ...]:
    """A group of a name written with a preposition, owner first: "casino in zembla
    city" -> "zembla city casino", as "Zembla City's casinos" folds, and "supporter of
    jo lee" -> "jo lee supporter" (people "of" a name; "bank of zembla" is one name)."""
    if len(words) >= 3 and (
        words[1] in ("in", "from") or (words[1] == "of" and words[0] in _PEOPLE_OF_A_NAME)
    ):
        return (*words[2:], words[0])
    return words


# People named by their tie to a name: "supporters of Jo Lee" are "Jo Lee supporters".
_PEOPLE_OF_A_NAME = frozenset(
    "supporter backer voter member fan follower customer employee worker resident".split()
)


def _place_from_metric(
    table: SynonymTable, metric_words: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    place, size = table.leading_place(metric_words)
    if place:
        return place, metric_words[size:]
    place, size = table.trailing_place(metric_words)
    if place:
        return place, metric_words[:-size]
    return (), metric_words


# ---------------------------------------------------------------- units

_PERCENT = frozenset({"percent", "%", "per cent", "pct", "percentage", "per-cent"})
_PERCENTAGE_POINT = frozenset(
    {"percentage point", "percentage points", "pp", "ppt", "pts", "percent point", "pct point"}
)
_BASIS_POINT = frozenset({"basis point", "basis points", "bp", "bps", "bpt"})
_CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}
_ISO_CURRENCIES = frozenset(
    # Lower-case codes that are not also English nouns ("try", "pen", "cop" are left out;
    # upper case always reads as a code).
    """usd eur gbp jpy cny krw inr chf aud cad hkd sgd nzd brl rub zar mxn ngn kpw sek nok
    dkk pln czk huf idr myr thb php vnd twd sar aed egp kes pkr bdt clp uah""".split()
)
_TIME_WORDS = {
    "second": "second",
    "sec": "second",
    "minute": "minute",
    "min": "minute",
    "hour": "hour",
    "hr": "hour",
    "day": "day",
    "week": "week",
    "wk": "week",
    "month": "month",
    "year": "year",
    "yr": "year",
    "decade": "decade",
    "century": "century",
    "centurie": "century",
}
_MEASURES = {
    "km": "km",
    "kilometre": "km",
    "kilometer": "km",
    "m": "m",
    "metre": "m",
    "meter": "m",
    "cm": "cm",
    "mm": "mm",
    "mile": "mile",
    "kg": "kg",
    "kilogram": "kg",
    "g": "g",
    "gram": "g",
    "lb": "lb",
    "tonne": "tonne",
    "t": "tonne",
    "metric ton": "tonne",
    "ton": "ton",
    "barrel": "barrel",
    "bbl": "barrel",
    "litre": "litre",
    "liter": "litre",
    "l": "litre",
    "degc": "degC",
    "°c": "degC",
    "degf": "degF",
    "°f": "degF",
    "kw": "kW",
    "mw": "MW",
    "gw": "GW",
    "kwh": "kWh",
    "mwh": "MWh",
    "gwh": "GWh",
    "twh": "TWh",
    "ha": "ha",
    "hectare": "ha",
    "acre": "acre",
    "km2": "km2",
    "sq km": "km2",
}


def unit_family(unit: str | None) -> str:
    """The comparable family of a unit: claims compare only within one family.

    "percent", "percentage point", "basis point", "currency:<ISO code>",
    "time:<word>", "measure:<symbol>", "count:<noun>" or "number" (no unit).
    """
    return _unit_family(unit.strip() if unit else "")


@lru_cache(maxsize=4096)
def _unit_family(unit: str) -> str:
    if not unit:
        return "number"
    lowered = " ".join(unit.lower().split())
    if lowered in _PERCENT:
        return "percent"
    if lowered in _PERCENTAGE_POINT:
        return "percentage point"
    if lowered in _BASIS_POINT:
        return "basis point"
    if lowered in _CURRENCY_SIGNS:
        return "currency:" + _CURRENCY_SIGNS[lowered]
    if lowered in _ISO_CURRENCIES or re.fullmatch(r"[A-Z]{3}", unit):
        return "currency:" + unit.upper()
    if lowered in _MEASURES:
        return "measure:" + _MEASURES[lowered]
    words = tuple(singular(word) for word in fold_words(lowered))
    phrase = " ".join(words)
    if phrase in _TIME_WORDS:
        return "time:" + _TIME_WORDS[phrase]
    if phrase in _MEASURES:
        return "measure:" + _MEASURES[phrase]
    return "count:" + phrase if phrase else "number"


def unit_label(family: str) -> str:
    """The unit a family key stands for, as CLAIM-SPEC.md writes it ("count:job" -> "job")."""
    if family == "number":
        return ""
    return family.split(":", 1)[1] if ":" in family else family


# ---------------------------------------------------------------- the key


def key_columns(subject: str | None, metric: str | None, unit: str | None) -> dict[str, str]:
    """The stored key columns of a claim: subject_key, metric_key and unit_key."""
    subject_key, metric_key = subject_metric_keys(subject, metric)
    unit_key = unit_family(unit)
    if unit_key == "percent" and metric_key in _RATES_IN_PERCENT:
        metric_key += " rate"  # "unemployment fell to 4.9%": the unemployment rate
    return {"subject_key": subject_key, "metric_key": metric_key, "unit_key": unit_key}


# Measures whose figure in percent is their rate, however the article shortens it.
_RATES_IN_PERCENT = frozenset({"unemployment"})


def claim_key(claim: object) -> ClaimKey:
    """The key of an ExtractedClaim or a claim row (dict): (subject, metric, unit, period)."""

    def get(name: str) -> str | None:
        if isinstance(claim, Mapping):
            return claim.get(name)
        return getattr(claim, name, None)

    columns = key_columns(get("subject"), get("metric"), get("unit"))
    return ClaimKey(
        columns["subject_key"], columns["metric_key"], columns["unit_key"], get("period") or None
    )
