"""Plural nouns to singular: one rule for the whole project.

Two places need it: the unit of a counted noun ("236,000 jobs" is counted in
"job"; claims.extract.units) and the words of a comparable key ("jobless claims"
and "jobless claim" are one metric; claims.normalise). Both once had rules of their
own that disagreed ("lives" was "life" in a unit and "live" in a key). A compact
rule set with a table of exceptions is enough for the nouns of news text and is far
faster than a general inflection library, which would also be a dependency.
Changing what singular() returns for a word changes keys: bump
normalise.KEY_RULES_VERSION with it, so that ledgers re-key.
"""

from __future__ import annotations

IRREGULAR_PLURALS = {
    "people": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "police": "police",
    "staff": "staff",
    "personnel": "personnel",
    "cattle": "cattle",
    "sheep": "sheep",
    "fish": "fish",
    "aircraft": "aircraft",
    "data": "data",
    "media": "media",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "crises": "crisis",
    "analyses": "analysis",
    "theses": "thesis",
    "indices": "index",
    "series": "series",
    "species": "species",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "halves": "half",
    "shelves": "shelf",
    "leaves": "leaf",
    "thieves": "thief",
    "wolves": "wolf",
    "calves": "calf",
    "centuries": "century",
    "movies": "movie",
    "cookies": "cookie",
    "calories": "calorie",
    "zombies": "zombie",
    "lies": "lie",
    "ties": "tie",
    "buses": "bus",
    "viruses": "virus",
    "bonuses": "bonus",
    "campuses": "campus",
    "statuses": "status",
    "census": "census",
}
# Words ending in s that are not plurals (or whose singular would mislead).
NOT_PLURAL = frozenset(
    """us gas news series species means this its has was is as plus bus census status bonus
    virus campus corpus bias canvas chaos thus lens always perhaps whereas overseas across less
    unless yes does politics economics statistics physics mathematics analytics ethics""".split()
)


def singular(word: str) -> str:
    """The singular of an English noun, lower case ("Countries" -> "country").

    Words of three letters or fewer stay as they are ("gas", "ads", "los"): at that
    length an s is as often part of the word or an abbreviation as a plural.
    """
    lower = word.lower()
    if lower in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[lower]
    if len(lower) <= 3 or lower in NOT_PLURAL or not lower.endswith("s"):
        return lower
    if lower.endswith(("ss", "us", "is", "ous")):
        return lower
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("sses", "ches", "shes", "xes", "zzes")):
        return lower[:-2]
    return lower[:-1]


_IRREGULAR_SINGULARS = {one: many for many, one in IRREGULAR_PLURALS.items() if one != many}


def plural(noun: str) -> str:
    """The plural of a singular English noun, lower case ("delegate" -> "delegates",
    "person" -> "people", "country" -> "countries"); a noun already in s stays."""
    lower = noun.lower()
    if lower in _IRREGULAR_SINGULARS:
        return _IRREGULAR_SINGULARS[lower]
    if not lower or lower.endswith("s"):
        return lower
    if lower.endswith("y") and lower[-2:-1] not in tuple("aeiou"):
        return lower[:-1] + "ies"
    if lower.endswith(("ch", "sh", "x", "z")):
        return lower + "es"
    return lower + "s"
