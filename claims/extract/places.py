"""Countries by name, code or demonym, from the maintained ISO 3166 list (pycountry).

"German growth" is about Germany and "the Chinese economy" about China: the
adjective of a country names the country a figure is about. The names come from
pycountry instead of a hand-typed list; the demonyms are derived from those names
by the regular English endings ("-an", "-ian", "-ese", "-i"), with a short table
for the irregular ones ("French", "Dutch") that no ending rule derives.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "country_code",
    "country_name",
    "countries_named",
    "demonym_country",
    "is_country",
    "is_country_or_us_state",
    "is_place",
    "main_country",
]

try:
    import pycountry
except ImportError:  # pragma: no cover - the dependency is in requirements.txt
    pycountry = None  # type: ignore[assignment]  # an optional module: each use checks for None

# Short forms newspapers use for a few countries, beyond the ISO names and codes.
_ALIASES = {
    "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB",
    "US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US", "America": "US",
}  # fmt: skip
# Demonyms no ending rule derives from the country's name. The adjectives of a country's
# parts ("Scottish", "Welsh") and of languages ("English lessons") are left out: they do
# not name the whole country.
_IRREGULAR_DEMONYMS = {
    "British": "GB", "French": "FR",
    "Dutch": "NL", "Swiss": "CH", "Spanish": "ES", "Polish": "PL", "Danish": "DK",
    "Swedish": "SE", "Finnish": "FI", "Turkish": "TR", "Irish": "IE", "Greek": "GR",
    "Thai": "TH", "Filipino": "PH", "Peruvian": "PE", "Norwegian": "NO",
    "Belgian": "BE", "Portuguese": "PT", "Icelandic": "IS", "Saudi": "SA",
    "Emirati": "AE", "Argentine": "AR", "Argentinian": "AR", "Kiwi": "NZ",
    "Russian": "RU", "American": "US", "Vietnamese": "VN", "Iranian": "IR", "Syrian": "SY",
}  # fmt: skip


def _short_name(country) -> str:
    """The name a newspaper uses: "South Korea", not "Korea, Republic of"."""
    name = getattr(country, "common_name", None) or country.name
    return name.split(",")[0]


def _derived_demonyms(name: str) -> list[str]:
    """Regular adjectives of a country's name, likeliest first: Kenya -> Kenyan,
    Germany -> German, Japan -> Japanese, Brazil -> Brazilian, Pakistan -> Pakistani."""
    forms = [name + "n"] if name[-1:] == "a" else []
    if name.endswith("ny"):
        forms.append(name[:-1])
    if name[-1:] in "aeiouy":
        stem = name[:-1]
        forms += [stem + "ian", stem + "ese", stem + "an", stem + "i"]
    return forms + [name + "ese", name + "ian", name + "i", name + "an"]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(name or code -> alpha-2, demonym -> alpha-2, alpha-2 -> short name)."""
    names: dict[str, str] = dict(_ALIASES)
    demonyms: dict[str, str] = dict(_IRREGULAR_DEMONYMS)
    short: dict[str, str] = {}
    if pycountry is None:
        return names, demonyms, short
    for country in pycountry.countries:
        code = country.alpha_2
        short_name = _short_name(country)
        short[code] = short_name
        for name in (country.name, short_name, getattr(country, "official_name", None)):
            if name:
                names.setdefault(name, code)
    derived = [
        (form, rank, c.alpha_2)
        for c in pycountry.countries
        for rank, form in enumerate(_derived_demonyms(_short_name(c)))
    ]
    for form, _rank, code in sorted(derived, key=lambda row: row[1]):
        demonyms.setdefault(form, code)  # "Nigerian": Nigeria + n before Niger + ian
    short["GB"] = "UK"  # the short form British and most world newspapers write
    short["US"] = "US"
    return names, demonyms, short


def country_code(name: str) -> str | None:
    """The ISO alpha-2 code of a country named as written ("Germany", "UK"), else None."""
    return _tables()[0].get(name.strip())


def demonym_country(word: str) -> str | None:
    """The ISO alpha-2 code of a country adjective ("German" -> "DE"), else None."""
    return _tables()[1].get(word.strip())


def country_name(code: str) -> str:
    """The short name of a country by its code: "DE" -> "Germany", "GB" -> "UK"."""
    return _tables()[2].get(code, code)


def is_country(name: str) -> bool:
    return country_code(name) is not None


@lru_cache(maxsize=1)
def _region_names() -> frozenset[str]:
    """Names of the ISO 3166-2 regions (states, provinces, nations): "New York", "Ohio"."""
    if pycountry is None:
        return frozenset()
    return frozenset(s.name for s in pycountry.subdivisions)


@lru_cache(maxsize=1)
def _us_state_names() -> frozenset[str]:
    if pycountry is None:
        return frozenset()
    return frozenset(s.name for s in pycountry.subdivisions.get(country_code="US"))


# First-level regions whose names say which country an article is about: states,
# provinces, a federation's lands, the UK's nations.
_MAJOR_REGION_TYPES = frozenset(
    ("State", "Province", "Land", "Country", "Nation", "Canton", "Prefecture",
     "Regional state", "Autonomous community", "Union territory")
)  # fmt: skip


@lru_cache(maxsize=1)
def _region_countries() -> dict[str, str]:
    """Country codes by major region name ("Ohio" -> "US", "Bavaria" -> "DE"), for the
    names that belong to one country only."""
    if pycountry is None:
        return {}
    found: dict[str, set[str]] = {}
    for region in pycountry.subdivisions:
        if region.type in _MAJOR_REGION_TYPES:
            found.setdefault(region.name, set()).add(region.country_code)
    return {name: codes.pop() for name, codes in found.items() if len(codes) == 1}


def is_country_or_us_state(name: str) -> bool:
    """A country or a US state: the places a headline writes before a name ("Wisconsin
    Smith rally"); other regions' names (boroughs, provinces) are too often people's."""
    return is_country(name) or name.strip() in _us_state_names()


def is_place(name: str) -> bool:
    """Whether the name is a country or a region of one, as ISO 3166 lists them."""
    return is_country(name) or name.strip() in _region_names()


# Not "The" before a name: "The United States" is the United States, "The Gambia" Gambia.
# Words that open a sentence before a name: "In France", "But Germany".
_SENTENCE_OPENERS = frozenset(
    """In But And For As Like With From To At On By Of So Then While When After Before
    Since Unlike Even Yet Or Across Inside Outside Within Beyond""".split()
)
_CAPITALISED_RE = re.compile(r"\b(?:U\.S\.|U\.K\.|(?!The\s)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")


# A nation's seats of government, central banks and statistics offices, which name the
# country an article is about as surely as its name does: "the White House and the
# Federal Reserve". Not names shared with other countries' bodies ("Congress") nor those
# holding the country's own name ("Bank of England"), which the country's name counts.
_NATIONAL_INSTITUTIONS = {
    **dict.fromkeys(["White House", "Federal Reserve", "Capitol Hill", "Pentagon"], "US"),
    # statistics offices, whose figures are their country's
    **dict.fromkeys(
        ["Bureau of Labor Statistics", "Bureau of Economic Analysis", "Census Bureau"], "US"
    ),
    **dict.fromkeys(["Downing Street", "Whitehall", "Westminster", "House of Commons"], "GB"),
    "Office for National Statistics": "GB",
    "Destatis": "DE",
    "INSEE": "FR",
    "Kremlin": "RU",
    "Bundestag": "DE",
    "Bundesbank": "DE",
}
_INSTITUTION_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, _NATIONAL_INSTITUTIONS)) + r")\b")


def _country_mentions(text: str) -> list[tuple[str, float]]:
    """The codes of the countries a text names, once per mention: by name, code, demonym
    (its people's plural too: "Americans"), one of its states or provinces, or one of its
    national institutions."""
    codes = []
    for m in _CAPITALISED_RE.finditer(text):
        words = m.group()
        code = country_code(words) or demonym_country(words) or _region_countries().get(words)
        if code is None and " " in words:
            # two capitalised words that are no one name: "French Navy", or a word that
            # opens a sentence before a country ("In France", "But Germany"); not a
            # surname ("Ana French") nor a place named after one ("Lake Chad")
            first, second = words.split()
            code = country_code(first) or demonym_country(first)
            if code is None and first in _SENTENCE_OPENERS:
                code = country_code(second) or demonym_country(second)
        if code is not None:
            codes.append((code, 1.0))
        elif words.endswith("ns") and (code := demonym_country(words[:-1])):
            # "Americans": the people, who may live or be spoken of anywhere: half a
            # mention, unless the text names their country too
            codes.append((code, 0.5))
    codes.extend((_NATIONAL_INSTITUTIONS[m.group()], 1.0) for m in _INSTITUTION_RE.finditer(text))
    return codes


def countries_named(text: str) -> set[str]:
    """The countries a sentence names, by their names as main_country gives them."""
    return {country_name(code) for code, _ in _country_mentions(text)}


@lru_cache(maxsize=8)  # asked for each monthly statistic of the same article
def main_country(text: str) -> str | None:
    """The country an article names most (by name, code, demonym, one of its states or
    provinces or its national institutions, twice at least), or None."""
    mentions = _country_mentions(text)
    named = {code for code, weight in mentions if weight == 1.0}
    counts: dict[str, float] = {}
    for code, weight in mentions:
        # a people's plural counts in full for a country the text also names
        counts[code] = counts.get(code, 0) + (1.0 if code in named else weight)
    best = max(counts, key=counts.__getitem__, default=None)
    # Named once, a country is as likely a passing mention as what the article is about.
    return country_name(best) if best is not None and counts[best] >= 2 else None
