"""A count of the candidates in a contest: the size of its field.

"Nine candidates are still in the race for the Whig Party nomination", "the six
remaining hopefuls met in Dunmore", "all three Whig presidential contenders": the
figure is the field's, not any one candidate's (CLAIM-SPEC `subject`: what the quantity
is about). A count is a field's when the sentence names its party (an adjective before
the counted noun, "the race for the X nomination", "in this X race") or counts the field
as it stands ("remaining", "still in the race"); "the two candidates" of a debate and
"six state senate candidates" a donor backs are no field. Its subject is that party, else
the one party the article names far more often than any other, else none. It measures its
counted noun alone ("candidates", "contenders": data/synonyms.csv reads them as one), so
that one field's counts line up across articles however they qualify it, and a field as
it stands is dated by the month of publication, the step a field's size is charted in,
when the sentence gives it no time of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["PARTY_WORD", "Field", "field_count"]

# The counted nouns of a field (numbers.py gives the singular as the unit).
_FIELD_UNITS = frozenset({"candidate", "contender", "hopeful"})

# Party words as articles write them, by the party's name. US and UK parties are the
# ones with adjectives that do not say "Party"; "the Acme Party" names itself.
_PARTY_WORDS = {
    "Republican Party": ("Republican", "Republicans", "GOP"),
    "Democratic Party": ("Democratic", "Democrat", "Democrats"),
    "Labour Party": ("Labour",),
    "Conservative Party": ("Conservative", "Conservatives", "Tory", "Tories"),
    "Liberal Democrats": ("Liberal Democrat", "Liberal Democrats", "Lib Dem", "Lib Dems"),
}
_PARTY_OF_WORD = {word: party for party, words in _PARTY_WORDS.items() for word in words}
PARTY_WORD = "|".join(sorted(map(re.escape, _PARTY_OF_WORD), key=len, reverse=True))
_PARTY_WORD_RE = re.compile(rf"\b(?:{PARTY_WORD})\b")
# "the race for the Acme Party nomination", "the Whig nomination".
_NOMINATION_RE = re.compile(
    r"\b(?:for|of|in)\s+(?:the|this)\s+(?P<party>(?:[A-Z][\w'’.-]*\s+){1,3})(?:presidential\s+)?"
    r"(?:nomination|primary|primaries|leadership|race|contest)\b"
)
# A party adjective among the words before the counted noun: "nine major Whig candidates",
# "three GOP presidential contenders".
_PARTY_BEFORE_NOUN_RE = re.compile(
    rf"^(?:\s+[a-z][\w-]*)*?\s+(?P<party>{PARTY_WORD})(?:\s+[a-z][\w-]*)?\s+$"
)
# The counted noun, past up to three modifiers, when the surface stops at the number.
_NOUN_AFTER_RE = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:candidates|contenders|hopefuls)\b")
# The field as it stands: "the remaining four candidates", "four remaining candidates",
# "candidates still in the race", "candidates left in the race", "still running".
_REMAINING_RE = re.compile(r"\bremaining\b")
_STILL_IN_RACE_RE = re.compile(
    r"\s+(?:(?:are|were|is)\s+)?(?:still|left)\s+(?:in\s+the\s+(?:race|running|field)|running)\b"
)
# What ends the clause of a count, which a nomination it names must share.
_CLAUSE_END_RE = re.compile(r"[,;:()\u2013\u2014]")
# How much more often the article must name one party than any other to speak for it.
_DOMINANCE = 2


@dataclass(frozen=True)
class Field:
    """The party a count of candidates is the field of (None when unsaid), whether the
    sentence counts the field as it stands now, and its counted noun as written."""

    party: str | None
    now: bool
    noun: str = "candidates"


def field_count(sentence: str, start: int, end: int, unit: str | None, text: str) -> Field | None:
    """The field the count at [start, end) of the sentence measures, or None when it
    counts no candidates. `text` is the whole article, for the party it is about."""
    if unit not in _FIELD_UNITS:
        return None
    noun_end = _noun_end(sentence, end)
    noun = sentence[:noun_end].rsplit(None, 1)[-1].lower()
    party = _party_before_noun(sentence, start, noun_end)
    clause = _clause_around(sentence, start, noun_end)
    if party is None and (m := _NOMINATION_RE.search(sentence, *clause)):
        party = _party_named(m["party"].strip())
    now = bool(
        _REMAINING_RE.search(sentence, max(0, start - 14), noun_end)
        or _STILL_IN_RACE_RE.match(sentence, noun_end)
    )
    if party is None and not now:
        return None  # "the two candidates", "three House candidates": no field is counted
    return Field(party or _article_party(text), now, noun if noun.endswith("s") else unit + "s")


def _clause_around(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding [start, end): from the last break before it to the next."""
    breaks = [m.start() for m in _CLAUSE_END_RE.finditer(sentence)]
    before = max((b for b in breaks if b < start), default=-1) + 1
    after = min((b for b in breaks if b >= end), default=len(sentence))
    return before, after


def _noun_end(sentence: str, end: int) -> int:
    """Where the counted noun ends: the surface may stop at the number."""
    m = _NOUN_AFTER_RE.match(sentence, end)
    return m.end() if m else end


def _party_before_noun(sentence: str, start: int, noun_end: int) -> str | None:
    """The party an adjective names between the number and its counted noun: "nine major
    Whig candidates", "three GOP presidential contenders"."""
    words = sentence[start:noun_end].rsplit(None, 1)[0]  # without the counted noun
    m = _PARTY_BEFORE_NOUN_RE.match(" " + words.split(None, 1)[-1] + " ")
    return _PARTY_OF_WORD[m["party"]] if m else None


def _party_named(name: str) -> str | None:
    """A party as "the X nomination" names it: a party word, or a name ending in
    "Party"."""
    if name in _PARTY_OF_WORD:
        return _PARTY_OF_WORD[name]
    return name if name.endswith("Party") else None


@lru_cache(maxsize=8)  # asked for each count of candidates in the same article
def _article_party(text: str) -> str | None:
    """The party an article names at least twice and twice as often as any other."""
    counts: dict[str, int] = {}
    for m in _PARTY_WORD_RE.finditer(text):
        party = _PARTY_OF_WORD[m.group()]
        counts[party] = counts.get(party, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < 2 or (len(ranked) > 1 and ranked[0] < _DOMINANCE * ranked[1]):
        return None
    return max(counts, key=counts.__getitem__)
