"""Quantities in a sentence: the number, its scale, unit, range, approximator and sign.

`find_quantities(sentence)` walks the sentence left to right. A cheap compiled
regex finds where a number may start (a digit, a currency sign, a number word);
small anchored regexes then read the number, its scale ("bn", "million"), its
unit and a range continuation, and reject what CLAIM-SPEC.md says is not a
claim: dates and years, times, ordinals, identifiers ("Boeing 737", "G7",
"Covid-19"), hyphenated modifiers ("a five-year plan"), sports scores, and
"one" used as a pronoun. Offsets are relative to the string scanned.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claims.extract import units
from claims.extract.casualties import CASUALTY_WORD
from claims.extract.context import fold_case, may_hold_any
from claims.extract.names import CALENDAR_NAMES, MONTHS, SAYING_VERBS, WEEKDAYS

__all__ = [
    "NAME_BEFORE_AGE_RE",
    "PART_OF_WORDS",
    "Quantity",
    "find_quantities",
    "parse_word_number",
]

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_MULTIPLIERS = {
    "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
_WORD_ALT = "|".join(sorted([*_SMALL, *_TENS, *_MULTIPLIERS, "dozen"], key=len, reverse=True))

# At most a dozen words ("two hundred and fifty-three thousand four hundred and
# twelve" has ten): unbounded, "one one one ..." is re-read from every word.
WORD_NUMBER_RE = re.compile(
    rf"\b(?:{_WORD_ALT})(?:(?:-|\s+and\s+|\s+)(?:{_WORD_ALT})){{0,12}}\b", re.IGNORECASE
)
_ALPHA_RE = re.compile(r"[A-Za-z]+")
_BARE_MULTIPLIERS = frozenset([*_MULTIPLIERS, "dozen"])

# "a dozen", "a million", "a third of a billion", "half a billion".
_A_PHRASE_RE = re.compile(
    r"\b(?:(?P<frac>an?\s+quarter|half|an?\s+third)\s+(?:of\s+)?an?\s+"
    r"(?P<fscale>million|billion|trillion)"
    r"|an?\s+(?P<scale>dozen|hundred|thousand|million|billion|trillion))\b",
    re.IGNORECASE,
)
_A_FRACTIONS = {"quarter": 0.25, "half": 0.5, "third": 1 / 3}

_DIGITS_RE = re.compile(r"(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?(?![\d,]\d)|\.\d+")
# Fractions of a percent as central banks write them: "1/4 percent", "5-1/4 to 5-1/2
# percent", "3-3/4 to 4 percent" (a range may end on a whole number).
_FRACTION_RE = re.compile(
    r"(?:(?P<whole>\d+)[- ])?(?P<num>\d)/(?P<den>\d{1,2})"
    r"(?=(?:\s*(?:to|-|and)\s*(?:(?:\d+[- ])?\d/\d{1,2}|\d+(?!\d*/)))?"
    r"\s*(?:%|percent|per\s?cent))"
)
_SCALE_RE = re.compile(
    r"(?:(?P<abbr>bn|mn|m|tn)\b|\s?(?P<word>billion|million|trillion|thousand|crore|lakh)\b)",
    re.IGNORECASE,
)
_K_RE = re.compile(r"k\b")
_SCALES = {
    "bn": 1e9, "billion": 1e9, "mn": 1e6, "m": 1e6, "million": 1e6, "tn": 1e12,
    "trillion": 1e12, "thousand": 1e3, "crore": 1e7, "lakh": 1e5, "k": 1e3,
}  # fmt: skip

# Where a number may start. Finding candidates is the hot loop of the extractor,
# so symbols and digits come from one regex that begins with a character class
# (which the regex engine scans for quickly) and number words from a plain word
# scan with a set lookup, instead of one case-insensitive alternation. A symbol
# alone, or a digit with the digits, commas and points after it.
_SYMBOL_CANDIDATE_RE = re.compile(r"[$£€¥₹₩\d](?:(?<=\d)[\d,.]*)?")
_CODE_BEFORE_RE = re.compile(r"(?:USD|EUR|GBP|JPY|CNY|RMB|KRW|INR|CHF|AUD|CAD|HKD|SGD|Rs\.?)\s?$")
_DOLLAR_QUALIFIERS = frozenset({"US", "HK", "NZ", "AU", "CA", "A", "C", "S", "R"})
_LETTERS_RE = re.compile(r"[A-Za-z]+")
_CANDIDATE_WORDS = frozenset([*_SMALL, *_TENS, *_MULTIPLIERS, "dozen", "half"])
# Words whose presence makes a sentence worth a word-by-word scan.
_WORD_HINTS = _CANDIDATE_WORDS | {"quarter", "quarters", "third", "thirds"}
_WORD_HINT_BYTES = frozenset(word.encode() for word in _WORD_HINTS)
_PUNCTUATION = "-–—,.;:!?()[]{}\"'“”‘’/"
_PUNCTUATION_TO_SPACE = str.maketrans({c: " " for c in _PUNCTUATION})
# The same for ASCII text as bytes, which translate several times faster. str.split()
# also splits at the separators \x1c-\x1f and bytes.split() does not: they become
# spaces here, so that both give the same words.
_ASCII_TO_SPACE = "".join(c for c in _PUNCTUATION if c.isascii()) + "\x1c\x1d\x1e\x1f"
_ASCII_PUNCTUATION_TO_SPACE = bytes.maketrans(_ASCII_TO_SPACE.encode(), b" " * len(_ASCII_TO_SPACE))
_ARTICLES = frozenset({"a", "an", "A", "An"})
_TOKEN_REST_RE = re.compile(r"[\w.,/%:-]*")

# Shares of a whole: "one in five voters", "two-thirds of", "half of all adults".
_SHARE_IN_RE = re.compile(
    rf"(?P<a>\d+|{_WORD_ALT})\s+(?:in|out\s+of)\s+(?P<b>\d+|{_WORD_ALT})\b(?!\s*(?:%|per))",
    re.IGNORECASE,
)
_FRACTION_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
    "tenth": 10, "tenths": 10,
}  # fmt: skip
# A fraction of a whole: "two-thirds of", or the subject of a plural verb ("a third say",
# "two-thirds support"; "a third would be" is as often the third of a list).
# A fraction written in words: its numerator, separator and denominator.
_FRACTION_WORDS_RE = (
    r"(?P<n>an?|one|two|three|four|five|six|seven|eight|nine)(?P<sep>[\s-])"
    r"(?P<d>half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)"
)
_SHARE_FRACTION_RE = re.compile(
    _FRACTION_WORDS_RE + rf"\s+(?:of\b|(?P<verb>(?=(?:{SAYING_VERBS}|back|support|are|were)\b)))",
    re.IGNORECASE,
)
# A fraction that a change is by, with no noun after it: "fallen by two thirds since".
_BY_RIGHT_BEFORE_RE = re.compile(r"\bby\s+$", re.IGNORECASE)
_FRACTION_OF_A_CHANGE_RE = re.compile(
    _FRACTION_WORDS_RE
    + r"(?=\s*(?:[,.;:)]|$)|\s+(?:since|in|from|to|over|last|this|on|after|between"
    r"|compared|and|or|but|during|by)\b)",
    re.IGNORECASE,
)
# "half of all adults", "half of voters", "half the states"; not "half an hour", nor a
# half of a time or a size ("half the year", "half his life", "half the price").
_HALF_OF_RE = re.compile(
    r"half\s+(?:of\s+(?:all|the|its|their|those|these|them|our|his|her|what|[a-z]+s)\b"
    r"|(?:the|all|its|their|those|these|our|his|her)\s(?!(?:[a-z-]*[^s\W]\s+)?(?:time|times|year"
    r"|years|day|days|night|week|weeks|month|months|hour|hours|life|lives|century|decade"
    r"|season|game|match|size|price|cost|rate|length|distance|amount|level|story)\b))",
    re.IGNORECASE,
)
# A half of a time or a thing in two parts: "the second half of the year".
_PART_BEFORE_HALF_RE = re.compile(
    r"\b(?:first|second|latter|former|final|last|opening|back|front|top|bottom|other)\s+$",
    re.IGNORECASE,
)

_APPROX_RE = re.compile(
    r"\b(just\s+over|just\s+under|just\s+above|just\s+below|well\s+over|well\s+above"
    r"|well\s+below|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to"
    r"|close\s+to|closer\s+to|as\s+many\s+as|as\s+much\s+as|as\s+few\s+as|as\s+little\s+as"
    r"|in\s+excess\s+of|north\s+of|south\s+of"  # "north of $5m": more than $5m
    r"|upwards?\s+of"
    r"|almost|nearly|about|around|approximately|roughly|some|over|under|near"
    r"|above|below"
    r"|exceeding|exceeds|exceeded|exceed)\s+(?:between\s+)?$",
    re.IGNORECASE,
)
_BETWEEN_RE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_AGE_BEFORE_RE = re.compile(r"\b(?:aged|age\s+of|ages\s+of)\s+$", re.IGNORECASE)
_AGE_HYPHEN_RE = re.compile(r"-(year|month|week|day)s?-old\b", re.IGNORECASE)
_YEARS_OLD_RE = re.compile(r"(?:\s+|-)old\b")  # "35 years old", "a 25 year-old son"
_TIME_OF_DAY_RE = re.compile(
    r"\s?(?:(?:(?i:[ap]\.m\.?)|[ap]m)(?!\w)|(?:GMT|BST|CET|EST|EDT|PST|PDT|UTC|ET|hrs|o['’]clock)\b)"
    r"|:\d|[./]\d"
)
# "245p" and "50 cents" are money in the minor unit; "1.5C" is degrees Celsius.
_MINOR_CURRENCY_RE = re.compile(r"p\b(?!\.m\.)|\s(?:pence|cents?)\b")
_GLUED_CELSIUS_RE = re.compile(r"C\b")
_CLOCK_TIME_RE = re.compile(r"[012]?\d\.[0-5]\d")
_CLOCK_WORDS = frozenset({"at", "until", "till", "by", "from", "before", "after"})
_CAPITAL_MERIDIEM_RE = re.compile(r"\s?[AP]M\b")
_YEAR_WORDS = frozenset({"in", "since", "circa", "until", "till", "from", "around", "by"})
# A change or another figure before it makes the number a count: "grew by 1200",
# "fell to 900 from 1300", "a risk of 1 in 1200"; not "dates from 1150", "built by 1620".
_COUNT_CONTEXT_BEFORE_RE = re.compile(
    r"\b(?:rose|risen|rise|rises|fell|fallen|falls|grew|grown|grows|cut|cuts|increased"
    r"|decreased|dropped|climbed|jumped|slipped|gained|lost|raised|lowered|reduced)\b"
    r"[^.;]{0,24}\bby\s+$"
    r"|\d[^.;]{0,16}\b(?:from|in)\s+$",
    re.IGNORECASE,
)
_RANGE_JOIN_RE = re.compile(r"\s*[-–—]\s*|\s+(?:to|and|or)\s+")
_COMPOUND_TIME_JOIN_RE = re.compile(r",?\s+(?:and\s+)?")
_OF_DETERMINER_RE = re.compile(
    r"\s+of\s+(?:its|the|their|his|her|our|these|those|all|them)(?=\s)", re.IGNORECASE
)
_CAPITALISED_WORD_RE = re.compile(r"[ \t]+([A-Z][a-z]+)")


def _names_someone(s: str, currency: re.Match) -> bool:
    """Whether a currency's word is a name's first word ("8 Rand Okafor"): a singular
    currency word with a capital, before another capitalised word. Plurals ("5 Euros In
    May", a title-case headline), days and function words stay money."""
    word = currency.group(2)
    if not word[0].isupper() or word.endswith("s"):
        return False
    after = _CAPITALISED_WORD_RE.match(s, currency.end())
    return (
        after is not None
        and after.group(1) not in CALENDAR_NAMES
        and after.group(1).lower() not in _STOPWORDS
    )


_NOUN_WORD_RE = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’-]*)")
# A model number after a maker's name: "300-900", "X520", "K-9" (a letter glued to the
# maker's word, "F-35", is read with it).
_MODEL_RE = re.compile(
    # a bare number of one or two digits is another figure ("24 Okafor 18 Lee votes")
    r"(?:-?\d[\w-]*|[ \t]+(?:[A-Z]{1,3}-?\d[\w-]*|\d{3,}[\w-]*|\d+-[\w-]+))"
    r"(?=[ \t]+[A-Za-z])"
)
# (possessive: backing off a word or its spaces cannot reach the end)
_PREV_WORD_RE = re.compile(r"([A-Za-z][\w'’.&-]*+)\s++$")
_FOLLOWING_FALL_RE = re.compile(
    r"\s+(?:fall|drop|decline|cut|reduction|decrease|contraction|slump|plunge|lower|down|less"
    r"|fewer)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK_RE = re.compile(r"[,;:()\"“”]|\b(?:and|but|while|whereas|although)\b")
_WORD_RE = re.compile(r"[A-Za-z]+")

# Words that make a quantity a fall (CLAIM-SPEC: value signed by direction words).
DIRECTION_DOWN = frozenset(
    """fell fall falls falling fallen drop drops dropped dropping decline declines declined
    declining shrank shrink shrinks shrinking shrunk contracted contracting lost lose loses
    losing down cut cuts cutting slumped slump slumps slumping decreased decrease decreases
    decreasing plunged plunge plunges plunging plummeted plummeting tumbled tumble tumbles
    slid slide slides slipped slip slips sank sink sinks dipped dip dips eased shed sheds
    shedding axe axes axed axing reduced reduce reduces reducing slashed slash slashing
    retreated weakened""".split()
)
# "lower" as a verb: before its object's determiner ("to lower its target by 50 basis
# points"); elsewhere it is as often the adjective ("the lower house passed it by 300").
_LOWERING_VERBS = frozenset("lower lowers lowered lowering".split())
_OBJECT_OPENERS = frozenset("its their his her our the a an rates interest".split())
# Verbs that lower their object, which may stand between them and "by" ("reduce the
# monthly pace of its purchases by $20bn"); a falling noun further back ("after the fall
# of the regime the economy grew by 6%") signs nothing.
_LOWERING_OBJECT_VERBS = _LOWERING_VERBS | frozenset(
    """cut cuts cutting reduce reduces reduced reducing slash slashes slashed slashing
    trim trims trimmed trimming decrease decreases decreased decreasing""".split()
)
# A rise in the words before the change: the change is the rise's, not a fall's.
_RISING_VERBS = frozenset(
    """rose rise rises risen rising grew grow grows grown growing increased increase
    increases increasing expanded expand expands expanding climbed climbs jumped jumps
    gained gains raised raise raises raising""".split()
)
# Words between a change and its size that qualify the size: "fell by an annualised 2%".
_RATE_MODIFIERS = frozenset(
    """a an annualised annualized annual seasonally adjusted estimated revised unexpected
    further additional another extra modest slight""".split()
)
# A number after one of these is a level or a starting point, never a change.
_LEVEL_MARKERS = frozenset({"to", "from", "at"})
# The first word of a time phrase of two words: "this year", "last month".
_TIME_DETERMINERS = frozenset("this last next that".split())
# An auxiliary between a direction word and the number starts another verb phrase.
_AUXILIARIES = frozenset(
    "is are was were will would could should may might must can has have had be".split()
)
# A "X to Y" after one of these is a change from X to Y, not a range.
_CHANGE_WORDS = DIRECTION_DOWN | frozenset(
    """from up by rose rise rises rising risen increased increase increases grew grow grows
    growing climbed climb climbs gained gain gains jumped jump jumps surged surge soared
    soar raised raise added boosted""".split()
)
_SMALL_NUMBER_WORDS = frozenset(w for w, n in _SMALL.items() if 1 <= n <= 12)
_STOPWORDS = frozenset(
    """of in on at to for from by with and or but nor the a an than as per each every that
    which who whom whose what was were is are be been being has have had will would could
    should may might can must shall this these those its their his her our your my it they
    he she we you i them him us across over under between since until after before during
    into onto about while when where if not no so said says say also only just more most
    less least than then there here such another all both some any many much few very
    too up down out off via within without against among toward towards per cent percent
    around nearly almost last next""".split()
)
_NAME_EXEMPT = frozenset(
    """I The A An In On At By For From With Of To And But Or Nor So Yet Some About Around
    Nearly Almost Only Just Over Under More Less Fewer Roughly Approximately Up Between
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split()
)
_NUMBER_LABELS = frozenset({"no", "no.", "number", "nos", "nos.", "#"})
# Words that label a part by its number ("part 1", "chapter 11", "page 14") when the
# number counts nothing after it; "10 days early" after "season" is a duration.
_PART_LABELS = frozenset("part chapter section page volume episode season".split())
# A ranking's cut-off names a list, not a count: "in the top 20", "Acme's top 10 titles"
# (a verb "top" takes no determiner: "sales could top 5 million").
_RANK_CUTOFF_RE = re.compile(
    r"\b(?:the|its|their|his|her|our|[\w.]+['’]s)\s+(?:top|bottom)\s+$", re.I
)


def _ranks_a_cutoff(s: str, start: int) -> bool:
    """Whether the number at `start` is a ranking's cut-off ("in the top 10")."""
    lo = max(0, start - 40)
    if not may_hold_any(s, ("top", "bottom"), lo, start):
        return False
    return _RANK_CUTOFF_RE.search(s, lo, start) is not None


@dataclass(slots=True)
class Quantity:
    """A quantity found at [start, end) of the scanned string."""

    start: int
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    approx: str | None = None
    kind: str = "count"  # count | percent | money | time | measure | share | age | number
    in_words: bool = False
    noun: str | None = None  # the counted noun as written ("bus drivers")


@dataclass(slots=True)
class _Core:
    """A number with its currency prefix and scale, before the unit is read."""

    start: int
    number_start: int
    end: int
    value: float
    currency: str | None
    scale: float
    plain_int: bool
    in_words: bool
    text: str

    @property
    def scaled(self) -> bool:
        return self.scale != 1.0


@dataclass(slots=True)
class _Unit:
    unit: str | None
    kind: str
    end: int  # end of the surface (the unit is inside it unless it is a counted noun)
    value_factor: float = 1.0
    noun: str | None = None


def parse_word_number(s: str, start: int, end: int) -> tuple[float, int] | None:
    """Value of the number words in s[start:end] and where the valid prefix ends.

    "forty-two" -> 42, "two hundred and fifty" -> 250, "three million" -> 3e6.
    Stops before a word that cannot continue the number ("two three").
    """
    total = 0.0
    current = 0.0
    last = None
    stop = start
    pending_and = False
    for token in _ALPHA_RE.finditer(s, start, end):
        word = token.group().lower()
        if word == "and":
            if last not in ("hundred", "scale"):
                break
            pending_and = True
            continue
        if word in _SMALL:
            if last == "small" or (last == "tens" and _SMALL[word] >= 10):
                break
            current += _SMALL[word]
            last = "small"
        elif word in _TENS:
            if last in ("small", "tens"):
                break
            current += _TENS[word]
            last = "tens"
        elif word == "hundred":
            if last == "hundred":
                break
            current = (current or 1) * 100
            last = "hundred"
        elif word == "dozen":
            current = (current or 1) * 12
            last = "scale"
        elif word in _MULTIPLIERS:
            if pending_and:
                break
            total += (current or 1) * _MULTIPLIERS[word]
            current = 0
            last = "scale"
        else:
            break
        pending_and = False
        stop = token.end()
    if stop == start:
        return None
    return total + current, stop


def _number_at(s: str, i: int) -> _Core | None:
    """Read a number (with currency prefix and scale) starting exactly at i."""
    currency = None
    j = i
    prefix = units.CURRENCY_PREFIX_RE.match(s, i)
    if prefix:
        currency = units.currency_from_prefix(prefix.group())
        j = prefix.end()
    in_words = False
    plain_int = False
    fraction = _FRACTION_RE.match(s, j)
    if fraction:
        value = int(fraction.group("whole") or 0) + int(fraction.group("num")) / int(
            fraction.group("den")
        )
        end = fraction.end()
    elif (digits := _DIGITS_RE.match(s, j)) is not None:
        raw = digits.group()
        value = float(raw.replace(",", ""))
        end = digits.end()
        plain_int = raw.isdigit()
    elif (phrase := _A_PHRASE_RE.match(s, j)) is not None:
        if phrase.group("frac"):
            key = fold_case(phrase.group("frac").split()[-1])
            value = _A_FRACTIONS[key] * _MULTIPLIERS[fold_case(phrase.group("fscale"))]
        else:
            value = (_MULTIPLIERS | {"dozen": 12.0})[fold_case(phrase.group("scale"))]
        end, in_words = phrase.end(), True
    elif (words := WORD_NUMBER_RE.match(s, j)) is not None:
        first_word = _ALPHA_RE.match(s, j)
        assert first_word is not None  # WORD_NUMBER_RE matched a word here
        if first_word.group().lower() in _BARE_MULTIPLIERS:
            return None  # "several hundred people", "dozen" alone: vague, no number
        parsed = parse_word_number(s, j, words.end())
        if parsed is None:
            return None
        value, end = parsed
        in_words = True
    else:
        return None
    if not math.isfinite(value):
        return None  # hundreds of digits in a row: not a quantity anyone wrote
    factor = 1.0
    if not in_words:
        scale = _SCALE_RE.match(s, end)
        if scale and (scale.group("word") or _scale_abbreviation_ok(scale, currency)):
            factor = _SCALES[fold_case(scale.group("abbr") or scale.group("word"))]
            end = scale.end()
        elif currency and (k := _K_RE.match(s, end)):
            factor = 1e3
            end = k.end()
    if factor != 1.0:
        plain_int = False
    if not math.isfinite(value * factor):
        return None
    return _Core(i, j, end, value * factor, currency, factor, plain_int, in_words, s[j:end])


def _scale_abbreviation_ok(scale: re.Match, currency: str | None) -> bool:
    """'£600m' and '1.2bn' are scales; a capital 'M' is one only after a currency sign."""
    abbr = scale.group("abbr")
    return abbr.islower() or abbr.lower() == "bn" or currency is not None


def _unit_after(s: str, core: _Core) -> _Unit:
    """The unit written after a number, and where the quantity's surface ends."""
    k = core.end
    if core.currency:
        return _Unit(core.currency, "money", k)
    if m := units.PERCENT_RE.match(s, k):
        text = m.group().lower()
        if "basis" in text or text.strip().startswith("bp"):
            return _Unit("basis point", "percent", m.end())
        unit = "percentage point" if "point" in text else "percent"
        return _Unit(unit, "percent", m.end())
    if m := _MINOR_CURRENCY_RE.match(s, k):
        code = "USD" if "cent" in m.group() else "GBP"
        return _Unit(code, "money", m.end(), value_factor=0.01)
    if m := _GLUED_CELSIUS_RE.match(s, k):
        return _Unit("degC", "measure", m.end())
    if (m := units.CURRENCY_WORD_RE.match(s, k)) and not _names_someone(s, m):
        currency = units.currency_from_words(m.group(1), m.group(2))
        if currency:
            return _Unit(currency, "money", m.end())
    if m := units.MEASURE_RE.match(s, k):
        return _Unit(units.canonical_measure(m.group(1)), "measure", m.end())
    if m := units.TIME_RE.match(s, k):
        time_unit = units.canonical_time(m.group(1))
        if _YEARS_OLD_RE.match(s, m.end()):
            return _Unit(time_unit, "age", m.end())
        return _compound_duration(s, core, _Unit(time_unit, "time", m.end()))
    return _counted_noun(s, k, core.value)


def _compound_duration(s: str, core: _Core, first: _Unit) -> _Unit:
    """'two hours 35 minutes' -> 155 minutes; anything else stays as it is."""
    join = _COMPOUND_TIME_JOIN_RE.match(s, first.end)
    if not join:
        return first
    second = _number_at(s, join.end())
    if second is None or second.currency:
        return first
    unit_m = units.TIME_RE.match(s, second.end)
    if not unit_m:
        return first
    small = units.canonical_time(unit_m.group(1))
    # both were matched by TIME_RE, whose every word canonical_time knows
    assert first.unit is not None and small is not None
    big_seconds = units.TIME_UNITS[first.unit]
    small_seconds = units.TIME_UNITS[small]
    if small_seconds >= big_seconds or small in ("month", "year") and first.unit != "year":
        return first
    ratio = 12.0 if (first.unit, small) == ("year", "month") else big_seconds / small_seconds
    added = second.value / (core.value * ratio) if core.value else 0.0
    return _Unit(small, "time", unit_m.end(), value_factor=ratio * (1 + added))


def _counted_noun(s: str, k: int, value: float) -> _Unit:
    """The noun a count counts: the first plural noun within a few words.

    "5,000 delegates" -> delegate, "40 factory jobs" -> job,
    "300 of its design patents" -> patent. Time and measure words found this
    way ("12 sick days") are units and end the surface.
    """
    pos = noun_start = k
    of_det = _OF_DETERMINER_RE.match(s, pos)
    if of_det and value != 1:
        pos = of_det.end()
    if (more := _MORE_OR_FEWER_RE.match(s, pos)) and not _THAN_AFTER_RE.match(s, more.end()):
        pos = noun_start = more.end()  # "five more seats", "20,000 fewer people": seats, people
    for _ in range(4):
        word_m = _NOUN_WORD_RE.match(s, pos)
        if (
            word_m
            and (model := _MODEL_RE.match(s, word_m.end()))
            and word_m.group(1)[0].isupper()
            and word_m.group(1) not in CALENDAR_NAMES  # "40 May 2024 orders": a date
        ):
            pos = model.end()  # "45 Beacon 300-900 jets", "12 Globex X520 vans": a model
            continue
        if not word_m:
            break
        word = word_m.group(1)
        lower = word.lower()
        if lower in _STOPWORDS and not (word.isupper() and len(word) > 1):
            break  # "US patents": an acronym is a modifier, not the pronoun "us"
        if pos == k and lower in _SMALL_NUMBER_WORDS:
            break  # "200 two years ago": another quantity ("four of the six" reads on)
        if value != 1 and units.is_plural_noun(word):
            unit = units.canonical_noun_unit(word)
            if units.canonical_time(word):
                return _Unit(unit, "time", word_m.end())
            if units.canonical_measure(word):
                return _Unit(unit, "measure", word_m.end())
            return _Unit(unit, "count", k, noun=s[noun_start : word_m.end()].strip())
        pos = word_m.end()
    return _Unit(None, "number", k)


# A comparative between a count and its noun, which counts the noun all the same; not
# one that "than" follows ("two more than last year": no noun is counted).
_MORE_OR_FEWER_RE = re.compile(r"\s+(?:more|fewer|extra)\b", re.IGNORECASE)
_THAN_AFTER_RE = re.compile(r"\s+than\b")


def _sentence_initial(s: str, i: int) -> bool:
    """True when only quotes, brackets or a colon precede position i in its clause."""
    head = s[:i].rstrip(" \t\"'“‘(")
    return head == "" or head.endswith((":", "\n", "—", "- "))


def _glued_to_identifier(s: str, core: _Core) -> bool:
    """Numbers glued to letters are labels: 'G7', 'Covid-19', 'A380', '#1', 'f(2)'."""
    i = core.start
    if core.currency:
        return False
    if i == 0:
        return False
    prev = s[i - 1]
    if prev.isalnum() or prev in "#_":
        return True
    # "-19", "/2", ".5" after a letter or digit; "(1)" right after a word is a call
    # or a clause number ("alert(1)", "Article 5(2)"), not a quantity; but the second
    # share of "58-36%" is one
    if prev in "-–" and i > 1 and s[i - 2].isdigit() and units.PERCENT_RE.match(s, core.end):
        return False
    return prev in "-–/.(" and i > 1 and s[i - 2].isalnum()


# A telephone number is an identifier: "(202) 691-6378", "202-691-6378", "+1 202 691 6378".
_PHONE_RE = re.compile(r"(?:\+\d{1,3}[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}(?!\d)")


def _phone_number_end(s: str, core: _Core) -> int | None:
    """Where the telephone number that starts at this number ends, or None."""
    start = core.start
    if start > 0 and s[start - 1] in "(+":
        start -= 1
    if start > 0 and s[start - 1] == "+":
        start -= 1
    if start > 0 and s[start - 1].isdigit():
        return None
    m = _PHONE_RE.match(s, start)
    return m.end() if m else None


# After a part's number: no counted noun, only punctuation, "of", "here" or a conjunction.
_BARE_AFTER_RE = re.compile(
    r"\s*(?:[,.;:)]|$|\s(?:of|here|and|or|in|on|at|for|to|is|was|can|could|may|will|would"
    r"|says|states|requires|allows|applies|makes|shows|provides)\b)"
)


# What joins a score's two numbers: "35 to 12 percent", "58-36%"; not a spaced dash ("has
# 40 - 12% of").
_SCORE_JOIN = r"[-–]|\s+to\s+"
# The first share of a score, its unit written after the second: "leads Lee 48 to 41
# percent", "beats Ng 58-36%". A number right after a name is then no label of it; a
# rising pair after a name is a range or a label ("Phase 2 to 5 percent").
_FIRST_SHARE_OF_SCORE_RE = re.compile(
    rf"(?:{_SCORE_JOIN})(?P<second>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)"
)


def _first_share_of_score(s: str, core: _Core) -> bool:
    score = _FIRST_SHARE_OF_SCORE_RE.match(s, core.end)
    return score is not None and core.value > float(score["second"])


def _follows_name_or_label(s: str, core: _Core) -> bool:
    """Numbers after a name or a label: 'Boeing 737', 'Article 5', 'No 10', 'number one'."""
    i = core.start
    if core.currency:
        return False
    word_m = _PREV_WORD_RE.search(s, max(0, i - 30), i)
    if word_m is None:
        return False
    word = word_m.group(1)
    if word.lower() in _NUMBER_LABELS:
        return True
    if word.lower() in _PART_LABELS and word_m.end() == i and _BARE_AFTER_RE.match(s, core.end):
        return True  # "Read part 1 here", "chapter 11 of the code"
    # A word with a capital right before the number ("Boeing 737", "iPhone 12"), not
    # opening the sentence and not a possessive ("Britain's 4 million"), is a name.
    return not word.islower() and _goes_on_a_name(s, word_m) and not core.scaled


def _goes_on_a_name(s: str, word: re.Match) -> bool:
    """Whether a number right after `word` (a _PREV_WORD_RE match) may go on the name
    that word is of: not after a possessive ("Britain's 4 million"), a word that only
    opens a sentence, or one of _NAME_EXEMPT."""
    return (
        not word.group(1).endswith(("'s", "’s", "'", "’"))
        and word.group(1) not in _NAME_EXEMPT
        and not _sentence_initial(s, word.start())
    )


def _skip_right_context(s: str, core: _Core) -> bool:
    """Times ('3pm', '10:30', '1519 GMT'), ordinals ('3rd'), decades ('1990s'), '9/11'."""
    end = core.end
    if end < len(s) and s[end].isalpha():
        # a letter glued to the number that no unit regex claimed: "3rd", "1990s", "4G"
        return not (
            units.MEASURE_RE.match(s, end)
            or units.PERCENT_RE.match(s, end)
            or _MINOR_CURRENCY_RE.match(s, end)
            or _GLUED_CELSIUS_RE.match(s, end)
            or s.startswith(("pc", "per"), end)
        )
    return bool(_TIME_OF_DAY_RE.match(s, end))


# "1. Markets rally" opening a sentence: the number of an item in a list.
_LIST_LABEL_AFTER_RE = re.compile(r"[.)](?:\s+[A-Z]|\s*$)")
# What a year written before a noun dates rather than counts: "its 2029 earnings", "2027
# results", "all 2031 campaigns" ("Builders finished 2000 houses" counts houses).
_DATED_NOUNS_AFTER_RE = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:earnings|results|figures|profits?|sales|revenues?|accounts|budgets?"
    r"|campaigns?|elections?|forecasts?|targets?|season|census|survey|report|accounts)\b"
)


def _list_label(s: str, core: _Core) -> bool:
    """Whether a small whole number labels a list item, opening the sentence ("1. Markets
    rally") or closed by a bracket it did not open ("she 1) listens and 2) nods",
    "(3) Rates fall"), a rank closed by a stop in brackets ("(9.)"), or counts the items
    of a listicle's headline ("10 Things to Know for Today")."""
    if not (core.plain_int and core.value < 100):
        return False
    if s[core.end : core.end + 1] == ")" and _bracket_labels(s, core.start):
        return True
    if s.startswith(".)", core.end) and s[core.start - 1 : core.start] == "(":
        return True  # "Lee (9.)": a rank in a ranked list, written as an ordinal
    return not s[: core.start].strip() and bool(
        _LIST_LABEL_AFTER_RE.match(s, core.end) or _LISTICLE_RE.match(s, core.end)
    )


def _bracket_labels(s: str, start: int) -> bool:
    """Whether the ")" after a number at `start` closes a label: no bracket is open
    before the number ("1) listens"), or one opens right before it at the sentence's
    start ("(3) Rates fall"); not "Lee (45)", an age, nor "(up 4)"."""
    before = s[:start]
    if before.count("(") <= before.count(")"):
        return True
    return before.endswith("(") and not before[:-1].strip()


# A headline that counts its own items: "10 Things to Know", "3 Important Things To Know
# About", "5 Ways the Vote Could Go".
_LISTICLE_RE = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+){0,2}(?:Things|Ways|Reasons|Facts|Truths|Takeaways|Questions"
    r"|Lessons|Tips|Signs|Moments|Charts|Numbers|Myths|Mistakes|Secrets)\b"
)


def _year_of_a_report(s: str, core: _Core) -> bool:
    """Whether a year (1800-2099, no scale) names the year of results or a campaign."""
    return (
        core.plain_int
        and len(core.text) == 4
        and 1800 <= core.value <= 2099
        and bool(_DATED_NOUNS_AFTER_RE.match(s, core.end))
    )


# "over" and a span the figure before it is spread over ("$1bn over five years", "185,000
# over two years"), or that opens a clause ("Over five years, the board ..."): the
# stretch of time, not "more than" it ("has over 20 years of experience").
_AMOUNT_BEFORE_OVER_RE = re.compile(r"\d[\d,.]*\s*(?:%|[A-Za-z]+)?(?:\s+[a-z]+){0,2}\s+$")
_CLAUSE_OPENS_BEFORE_RE = re.compile(r"(?:^|[,;:(]|\b(?:and|but))\s*$")
# After the span, words that measure from a time: "over 365 days since", "over a year ago".
_SPAN_SINCE_RE = re.compile(r"\s+(?:since|ago|before|after|later)\b", re.IGNORECASE)


def _spread_over(s: str, over: int, end: int) -> bool:
    if _SPAN_SINCE_RE.match(s, end):
        return False
    return bool(
        _AMOUNT_BEFORE_OVER_RE.search(s, max(0, over - 30), over)
        or _CLAUSE_OPENS_BEFORE_RE.search(s, max(0, over - 6), over)
    )


def _approximator(s: str, start: int) -> tuple[str | None, int]:
    """The approximator written just before `start` and where it begins."""
    m = _APPROX_RE.search(s, max(0, start - 24), start)
    if m is None:
        return None, start
    return " ".join(m.group(1).lower().split()), m.start()


def _clause_words_before(s: str, start: int, limit: int = 3) -> list[str]:
    """Up to `limit` words before `start`, stopping at a clause break."""
    window = s[max(0, start - 60) : start]
    breaks = list(_CLAUSE_BREAK_RE.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return [w.lower() for w in _WORD_RE.findall(window)][-limit:]


_IN_POINTS_RE = re.compile(r"[^a-z]*(?:percentage\s+)?points?\b")


def _is_fall(s: str, start: int, end: int, points: bool = False) -> bool:
    """Whether a direction word makes this quantity a fall ('shrank by 8.5%', 'a 5% drop').
    A change in points may follow its verb's object without "by" ("lower its target
    rate 75 basis points")."""
    if _FOLLOWING_FALL_RE.match(s, end):
        return True
    words = _clause_words_before(s, start, limit=11)
    while words and words[-1] in _RATE_MODIFIERS:
        words = words[:-1]  # "contracted by an annualised 0.5%"
    if len(words) > 3 and words[-1] == "by" and words[-3] in _TIME_DETERMINERS:
        del words[-3:-1]  # "cut its debt last year by": the when between verb and "by"
    # a verb's object may stand between it and "by": "lower its target for the federal
    # funds rate by", "reduce the monthly pace of its purchases by"
    by = bool(words) and (words[-1] == "by" or points)
    words = words[-10:] if by else words[-5:]
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else ""
        if by and index < len(words) - 1 and word in _LEVEL_MARKERS and word != "to":
            continue  # "reduced the price at the pump by": inside the verb's object
        if word in _LEVEL_MARKERS or word in _AUXILIARIES or word in _RISING_VERBS:
            return False  # "fell to 4%"; "the cuts will fund a £150m plan": another verb
        if by and word in _LOWERING_VERBS and following in _OBJECT_OPENERS:
            return True  # "lower its target ... by"; not "the lower house ... by"
        far = index < len(words) - 5
        if far and word not in _LOWERING_OBJECT_VERBS:
            continue  # "after the fall of the regime the economy grew by": another phrase
        if (
            word == "negative"
            and index == len(words) - 1
            and _IN_POINTS_RE.match(s, start, end + 20)
        ):
            return True  # "a net negative 6 points": below zero (not "a negative 42% rating")
        if word in DIRECTION_DOWN:
            # "fell 7%", "shrank by 8.5%", "a decline of 3%", "cut its forecast by 0.5
            # points"; but in "cut rates seven times" the number is not the change.
            adjacent = index == len(words) - 1
            return adjacent or words[-1] in ("by", "of")
    return False


def _previous_word(s: str, start: int) -> str:
    m = _PREV_WORD_RE.search(s, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


# "from the current $8.50 to $14", "from a low of 40% to 55%", "from its 2019 level of
# 3% to 5%": the level a change starts from, past a word that describes it (a bare
# determiner describes nothing: "from the $2 to $3 range" is a range).
_FROM_LEVEL_BEFORE_RE = re.compile(
    r"\b(?P<verb>[a-z]+\s+)?from\s+(?:(?:the|its|their|his|her|our|a|an)\s+)?"
    r"(?:current|present|existing|previous|prior|old|today['’]s|record|low|high|\d{4})\s+"
    r"(?:(?:level|rate|of|low|high)\s+){0,2}$",
    re.IGNORECASE,
)
# Verbs after which "from X to Y" spans a range rather than a change: "estimates range
# from 100 to 250", "fees vary from $15 to $26", "anywhere from 20 to 40".
_SPANS_VERBS = frozenset(
    "range ranges ranged ranging vary varies varied varying anywhere run runs ran".split()
)


def _changes_from(s: str, start: int) -> bool:
    """Whether the number at `start` is the level a change starts from ("rose from 3%
    to 5%", "raise the wage from the current $8.50 to $14"), not a range's low end
    ("prices range from $10 to $15", "vary widely from $10 to $15")."""
    word = _previous_word(s, start)
    if word == "from":
        return _verb_before(s, s.rfind("from", max(0, start - 30), start)) not in _SPANS_VERBS
    if word in _CHANGE_WORDS:
        return True
    m = _FROM_LEVEL_BEFORE_RE.search(s, max(0, start - 60), start)
    return m is not None and (m["verb"] or "").strip().lower() not in _SPANS_VERBS


def _verb_before(s: str, at: int) -> str:
    """The word before `at`, past an adverb ("vary widely from")."""
    word = _previous_word(s, at)
    if word.endswith("ly"):
        word = _previous_word(s, s.rfind(word, max(0, at - 30), at))
    return word


def _range_after(s: str, first: _Core, first_unit: _Unit) -> tuple[_Core, _Unit, str] | None:
    """A second number that makes 'X to Y', 'X-Y', 'between X and Y' or 'X or Y' a range."""
    join = _RANGE_JOIN_RE.match(s, first_unit.end if first_unit.kind != "count" else first.end)
    if not join:
        return None
    word = join.group().strip().lower()
    second = _number_at(s, join.end())
    if second is None or (second.currency and first.currency and second.currency != first.currency):
        return None
    if word == "and" and not _BETWEEN_RE.search(s, max(0, first.start - 12), first.start):
        return None
    if word == "to" and _changes_from(s, first.start):
        return None
    if word == "or" and not (first.in_words or second.in_words or second.value <= 2 * first.value):
        return None
    if word in ("-", "–", "—") and (first.in_words or second.in_words or join.group() != word):
        return None
    second_unit = _unit_after(s, second)
    if first_unit.unit and second_unit.unit and first_unit.unit != second_unit.unit:
        return None
    return second, second_unit, word


def _share_at(s: str, i: int) -> Quantity | None:
    """'one in five' -> 20 percent; 'two-thirds of' -> 0.6667 and 'half of all' -> 0.5,
    fractions of a whole without a unit, as the spec writes them."""
    if (m := _SHARE_IN_RE.match(s, i)) and not _name_goes_on(s, m):
        a, b = _plain_value(m.group("a")), _plain_value(m.group("b"))
        if a is not None and b and 0 < a < b <= 1000:
            return Quantity(i, m.end(), round(100 * a / b, 2), unit="percent", kind="share")
    if _A_PHRASE_RE.match(s, i):
        return None  # "a third of a billion" is a number, not a share
    fraction = _fraction_at(s, i)
    if fraction is not None:
        m = fraction
        n = m.group("n").lower()
        numerator = 1 if n in ("a", "an", "one") else _SMALL[n]
        denominator = _FRACTION_WORDS[fold_case(m.group("d"))]
        end = m.end("d")
        value = round(numerator / denominator, 4)
        if (of := _OF_A_UNIT_RE.match(s, end)) and (unit := _unit_word_at(s, of.end())):
            # "a quarter of a percentage point", "half a mile": that much of the unit
            return Quantity(i, unit.end, value, unit=unit.unit, kind=unit.kind, in_words=True)
        return Quantity(i, end, value, unit=None, kind="share", in_words=True)
    if _HALF_OF_RE.match(s, i) and not _PART_BEFORE_HALF_RE.search(s, max(0, i - 10), i):
        return Quantity(i, i + 4, 0.5, unit=None, kind="share", in_words=True)
    return None


def _name_goes_on(s: str, share: re.Match) -> bool:
    """Whether the capitalised number word opening a share ends a name instead, as a
    name's last word after another capitalised one ("control of Westmarch One in three
    deals", "Air Force One"). Not in a headline, whose "In" is capitalised too, nor at
    the start of a sentence."""
    if not share.group("a")[:1].isupper() or not s[share.end("a") :].lstrip()[:1].islower():
        return False
    word = _PREV_WORD_RE.search(s, max(0, share.start() - 30), share.start())
    return bool(word and word.group(1)[:1].isupper() and _goes_on_a_name(s, word))


_OF_A_UNIT_RE = re.compile(r"\s+of\s+an?(?=\s)")


def _unit_word_at(s: str, k: int) -> _Unit | None:
    """A unit of measure, percent or time written at k ("percentage point", "mile")."""
    if m := units.PERCENT_RE.match(s, k):
        unit = "percentage point" if "point" in m.group().lower() else "percent"
        return _Unit(unit, "percent", m.end())
    if m := units.MEASURE_RE.match(s, k):
        return _Unit(units.canonical_measure(m.group(1)), "measure", m.end())
    if m := units.TIME_RE.match(s, k):
        return _Unit(units.canonical_time(m.group(1)), "time", m.end())
    return None


def _fraction_at(s: str, i: int) -> re.Match[str] | None:
    """A fraction of a whole at i: one a change is by ("fallen by two thirds since"), or
    one of a group or that says or backs something ("two-thirds of", "a third say")."""
    if _BY_RIGHT_BEFORE_RE.search(s, max(0, i - 4), i) and (
        m := _FRACTION_OF_A_CHANGE_RE.match(s, i)
    ):
        return m
    m = _SHARE_FRACTION_RE.match(s, i)
    return m if m is not None and _names_a_share(m) else None


_BEING_AFTER_RE = re.compile(r"(?:are|were)\b")


def _names_a_share(fraction: re.Match) -> bool:
    """Whether a fraction before a verb is a share of the people asked ("a third say",
    "two thirds support"), not a count of parts of a year ("two quarters were weak")."""
    if fraction["verb"] is None:
        return True  # "two thirds of"
    counted = fraction["d"].lower() in ("quarters", "halves") and fraction["sep"] != "-"
    return not (counted and _BEING_AFTER_RE.match(fraction.string, fraction.end()))


def _plain_value(token: str) -> float | None:
    if token.isdigit():
        return float(token)
    parsed = parse_word_number(token, 0, len(token))
    return parsed[0] if parsed and parsed[1] == len(token) else None


def find_quantities(s: str, blocked: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Every numeric claim's quantity in `s`, left to right.

    `blocked` spans (dates, years, quarters found by the periods module) are
    never read as quantities.
    """
    blocked = sorted(blocked or [])
    found: list[Quantity] = []
    pos = 0
    next_block = 0  # candidates come in order, so one pass over the blocked spans suffices
    counting: Quantity | None = None  # the last count with its noun, which a word may continue
    for i in _candidate_starts(s):
        if i < pos:
            continue
        while next_block < len(blocked) and blocked[next_block][1] <= i:
            next_block += 1
        if next_block < len(blocked) and blocked[next_block][0] <= i:
            pos = blocked[next_block][1]
            continue
        quantity, next_pos = _quantity_at(s, i, counting)
        if quantity is not None:
            if quantity.kind == "count" and quantity.noun is not None:
                counting = quantity
            if (
                found
                and _restates(s, found[-1], quantity)
                and not _LEVELS_OF_A_NET_RE.match(s, quantity.end)
            ):
                _take_sign(found[-1], quantity)
            if found and quantity.unit is None and _compares_with(s, found[-1], quantity):
                quantity.unit, quantity.kind = found[-1].unit, found[-1].kind
            if found and quantity.unit is None and _part_of_a_whole(s, found[-1], quantity):
                quantity.unit, quantity.kind = found[-1].unit, found[-1].kind
                quantity.noun = found[-1].noun
            if found and _unit_written_once(s, found[-1], quantity):
                found[-1].unit, found[-1].kind = quantity.unit, quantity.kind
            found.append(quantity)
        pos = max(next_pos, i + 1)
    return found


# A month's day before a year: "July 14, 1789" (any year: the periods module knows the
# years from 1800 on).
_DAY_OF_A_MONTH_BEFORE_RE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2},?\s+$"
)
# "six figures", "seven-figure": how many digits an amount has, not a count of figures.
_FIGURES_OF_AN_AMOUNT_RE = re.compile(r"[\s-]figures?\b")


# "Of the 1,590 votes cast, 1,128 were for Lee": the part counts what the whole counts.
_OF_THE_BEFORE_RE = re.compile(r"\b[Oo]f\s+(?:all\s+)?(?:the\s+)?$")
_REST_OF_THE_WHOLE_RE = re.compile(r"[^,;:.!?\d]{0,80},\s*")


def _part_of_a_whole(s: str, whole: Quantity, part: Quantity) -> bool:
    return (
        whole.kind == "count"
        and whole.noun is not None
        and _OF_THE_BEFORE_RE.search(s, max(0, whole.start - 12), whole.start) is not None
        and _REST_OF_THE_WHOLE_RE.fullmatch(s, whole.end, part.start) is not None
    )


# Between two quantities that state the same change in other terms: "$100bn (£60bn)",
# "cutting 40 jobs - 8% of staff", "1.5bn euros ($1.9bn; £1.3bn)".
_RESTATEMENT_RE = re.compile(r"(?:\s+[A-Za-z][\w'’-]*){0,3}\s*[-–—(;]\s*")


# "passed by 320 votes to 206", "7,000 people against 5,000": the bare number counts
# the same thing as the one before it.
_COMPARISON_RE = re.compile(
    r"\s*,?\s*(?:to|against|versus|vs\.?|and|or|from|compared\s+with)\s+", re.IGNORECASE
)


def _compares_with(s: str, previous: Quantity, current: Quantity) -> bool:
    if previous.kind != "count" or previous.unit is None or current.kind != "number":
        return False
    end = previous.end
    if previous.noun and s.startswith(previous.noun, end + 1):
        end += 1 + len(previous.noun)  # the counted noun is not inside the surface
    if _VERB_AFTER_RE.match(s, current.end):
        return False  # "won 12 seats and nine were killed": a clause of its own
    return _COMPARISON_RE.fullmatch(s, end, current.start) is not None


_VERB_AFTER_RE = re.compile(r"\s+(?:were|was|are|is|have|has|had|will|would)\b")


# The second hour of a span of a day after the first: "6 to 9 p.m.", "6-9pm".
_HOURS_AFTER_RE = re.compile(r"\s*(?:[-–]|to)\s*\d{1,2}(?:[:.]\d\d)?\s?(?i:[ap]\.?m)(?!\w)")
# "58-36%": a poll's two shares, the unit written after the second
_SHARE_AFTER_DASH_RE = re.compile(r"[-–]\d+(?:\.\d+)?\s*(?:%|percent\b|per\s+cent\b)")
# "35 to 12 percent", "58-36%": a score whose unit is written after its second number
_SCORE_JOIN_RE = re.compile(_SCORE_JOIN)


def _unit_written_once(s: str, previous: Quantity, current: Quantity) -> bool:
    return (
        previous.kind == "number"
        and current.kind == "percent"
        and previous.value > current.value
        and _SCORE_JOIN_RE.fullmatch(s, previous.end, current.start) is not None
    )


# The first of two levels a net is broken down into, which restate no change: "-20
# points (35 percent positive to 55 percent negative)", unlike "fell 12 points (3%)".
_LEVELS_OF_A_NET_RE = re.compile(r"\s+(?:[a-z]+\s+)?to\s+[-+−]?\d")


def _restates(s: str, previous: Quantity, current: Quantity) -> bool:
    return _RESTATEMENT_RE.fullmatch(s, previous.end, current.start) is not None


def _take_sign(previous: Quantity, current: Quantity) -> None:
    if previous.value < 0 < current.value and current.kind not in ("age", "share"):
        current.value = -current.value
        if current.low is not None and current.high is not None:
            current.low, current.high = -current.high, -current.low


def _candidate_starts(s: str) -> list[int]:
    """Sorted positions where a quantity may start: symbols, digits and number words."""
    starts = [_symbol_start(s, m.start()) for m in _SYMBOL_CANDIDATE_RE.finditer(s)]
    if _has_word_hint(s):
        starts.extend(_word_candidate_starts(s))
        starts.sort()
    return starts


def _has_word_hint(s: str) -> bool:
    """Whether a word of s (split at spaces and punctuation) is one of _WORD_HINTS."""
    if s.isascii():
        words = s.lower().encode().translate(_ASCII_PUNCTUATION_TO_SPACE).split()
        return not _WORD_HINT_BYTES.isdisjoint(words)
    return not _WORD_HINTS.isdisjoint(s.lower().translate(_PUNCTUATION_TO_SPACE).split())


def _symbol_start(s: str, i: int) -> int:
    """Move a candidate back over a currency qualifier or code: 'US$5', 'USD 5', '.5'."""
    if s[i] == "$":
        for width in (2, 1):
            qualifier = s[max(0, i - width) : i]
            if qualifier in _DOLLAR_QUALIFIERS and not s[i - width - 1 : i - width].isalpha():
                return i - width
        return i
    if i and s[i - 1] == "." and not s[i - 2 : i - 1].isdigit():
        return i - 1  # ".5"
    before = s[i - 2 : i].strip()
    if not before or not (before[-1].isupper() or before[-1] in "s."):
        return i  # no currency code can end here; skip the regex
    code = _CODE_BEFORE_RE.search(s, max(0, i - 5), i)
    if code and not s[code.start() - 1 : code.start()].isalpha():
        return code.start()
    return i


def _word_candidate_starts(s: str) -> list[int]:
    starts = []
    for m in _LETTERS_RE.finditer(s):
        word = m.group()
        lower = word.lower()
        if (
            lower in _CANDIDATE_WORDS
            or word in _ARTICLES
            and (
                _A_PHRASE_RE.match(s, m.start())
                or _SHARE_FRACTION_RE.match(s, m.start())
                or _FRACTION_OF_A_CHANGE_RE.match(s, m.start())
            )
        ):
            starts.append(m.start())
    starts.sort()
    return starts


def _skip_token(s: str, i: int) -> int:
    token = _TOKEN_REST_RE.match(s, i)
    assert token is not None  # the pattern matches the empty string
    return token.end()


def _quantity_at(s: str, i: int, counting: Quantity | None = None) -> tuple[Quantity | None, int]:
    """The quantity starting at i (or None) and where scanning resumes. `counting`: the
    last count with its noun before it in the sentence, which a bare number word may
    continue, counting the same ("Lee has 11 delegates, Stone has five")."""
    share = _share_at(s, i)
    if share is not None:
        return _finish(s, share), share.end
    core = _number_at(s, i)
    if core is None:
        return None, _skip_token(s, i)
    if _glued_to_identifier(s, core) or _skip_right_context(s, core):
        return None, _skip_token(s, core.end)
    if _list_label(s, core) or _year_of_a_report(s, core):
        return None, _skip_token(s, core.end)
    phone_end = _phone_number_end(s, core)
    if phone_end is not None:
        return None, phone_end
    hyphen = s[core.end : core.end + 1]
    if hyphen == "-" and s[core.end + 1 : core.end + 2].isalpha() and not core.currency:
        return _hyphenated(s, core)  # money stays a claim: "a £5m-a-year deal"
    unit = _unit_after(s, core)
    if (
        unit.kind not in ("percent", "money")
        and _follows_name_or_label(s, core)
        and not _first_share_of_score(s, core)
    ):
        return None, _skip_token(s, core.end)
    if _HOURS_AFTER_RE.match(s, core.end):
        return None, _skip_token(s, core.end)  # "from 6 to 9 p.m.", "6-9pm": hours of a day
    rng = _range_after(s, core, unit)
    if unit.kind != "money" and _ranks_a_cutoff(s, core.start):
        # "in the top 10", "a levy on the top 4 or 5 percent": the range goes with it
        return None, _skip_token(s, rng[0].end if rng else core.end)
    if rng is not None and (
        _descends(core, rng[0]) or _BREAKDOWN_OF_POINTS_RE.search(s, max(0, i - 12), i)
    ):
        # "58%-36%", "44 percent to 37 percent", "leads Lee, 1,428 to 1,153": a score of
        # two figures, no range; so is a net in points broken down in brackets, in
        # either order ("-20 points (35 percent to 55 percent)")
        rng = None
    if rng is None and counting is not None and _part_of_a_count(s, core, unit):
        # "40 hospitals, including six in the capital": six hospitals
        unit = _Unit(counting.unit, counting.kind, unit.end)
    elif rng is None and not _stands_alone_as_a_number(s, core, unit):
        if counting is None or not _continues_a_count(s, core, unit):
            return None, _skip_token(s, core.end)
        # "Okafor won 30 seats, while Lee's party won four": seats too
        unit = _Unit(counting.unit, counting.kind, unit.end)
    if (
        rng is None
        and s.startswith(("-", "–"), core.end)
        and s[core.end + 1 : core.end + 2].isdigit()
        and not _SHARE_AFTER_DASH_RE.match(s, core.end)
    ):
        return None, _skip_token(s, core.end + 1)  # "7-5", "3-2 vote": a score
    if rng is not None:
        return _range_quantity(s, core, unit, rng)
    if unit.kind == "number" and core.plain_int and 1800 <= core.value <= 2100:
        return None, core.end  # a bare four-digit number is a year the periods module missed
    if (
        unit.kind == "number"
        and core.plain_int
        and 1000 <= core.value < 1800
        and (_DAY_OF_A_MONTH_BEFORE_RE.search(s, max(0, i - 16), i))
    ):
        return None, core.end  # "a treaty signed on June 3, 1789": a year
    if 5 <= core.value <= 10 and core.in_words and _FIGURES_OF_AN_AMOUNT_RE.match(s, core.end):
        return None, _skip_token(s, core.end)  # "ran into six figures": a size, no count
    if (
        unit.kind == "number"
        and core.plain_int
        and 1000 <= core.value < 1800
        and _previous_word(s, i) in _YEAR_WORDS
        and s[core.end : core.end + 1] in (",", ".", ";", ")", "")
        and not _COUNT_CONTEXT_BEFORE_RE.search(s, max(0, i - 40), i)
    ):
        return None, core.end  # "founded in 1789": an older year
    if (
        unit.kind == "number"
        and (_CLOCK_TIME_RE.fullmatch(core.text) or _CAPITAL_MERIDIEM_RE.match(s, core.end))
        and _previous_word(s, i) in _CLOCK_WORDS
    ):
        return None, core.end  # "at 10.30", "polls close at 8 PM"; not "12 AM stations"
    value = core.value * unit.value_factor
    kind = unit.kind
    if kind in ("count", "number") and (
        _AGE_BEFORE_RE.search(s, max(0, i - 12), i)
        or _is_age_after_name(s, core)
        or _is_age_at_a_time(s, core)
    ):
        unit = _Unit("year", "age", unit.end)
        kind = "age"
    surface_end = max(unit.end, core.end)
    quantity = Quantity(
        i, surface_end, value, unit=unit.unit, kind=kind, in_words=core.in_words, noun=unit.noun
    )
    return _finish(s, quantity), surface_end


_CAPITALISED_NEXT_RE = re.compile(r" [A-Z][a-z]")


def _stands_alone_as_a_number(s: str, core: _Core, unit: _Unit) -> bool:
    """Whether a number outside any range is a claim rather than a label or pronoun."""
    if core.in_words:
        return _words_are_a_number(s, core, unit)
    if unit.unit is not None:
        return True
    if core.plain_int and (len(core.text) >= 5 or core.text.startswith("0")):
        return False  # "text ACMEBAR to 55501", "track 03": codes, not quantities
    # "Route 9 Diner", "Channel 4 News": a bare number before a name is part of it.
    return not _CAPITALISED_NEXT_RE.match(s, core.end)


# A number word that ends an elliptical item of a list of counts: after a verb of
# having or winning or a possessive, and before a comma, "and" or the end ("Stone has
# five, Ng has four"); not "the two met", "five of them" or a time ("opens at nine").
_ELLIPSIS_BEFORE_RE = re.compile(
    r"(?:\b(?:has|have|had|won|wins|got|gets|took|takes)|['’]s)\s+$", re.IGNORECASE
)
_ELLIPSIS_AFTER_RE = re.compile(r"\s*(?:[,;.)]|\s(?:and|or|while|to)\b|$)")


# Words that introduce a part of the count before: "30 people, including 12 children".
PART_OF_WORDS = r"(?:including|among\s+them|of\s+(?:whom|which|them))"
# A part of the count before, its noun left out: "40 hospitals, including six in the
# capital", "30 seats, of which 12 were new".
_PART_BEFORE_RE = re.compile(rf",\s+{PART_OF_WORDS}\s+$")
_PART_AFTER_RE = re.compile(
    r"\s*(?:[,;.)]|\s(?:and|or|in|at|from|on|were|are|was|is|who|which|that)\b|$)"
)


def _part_of_a_count(s: str, core: _Core, unit: _Unit) -> bool:
    """Whether a bare number counts some of the count just before it, whose noun it
    leaves out ("40 hospitals, including six in the capital")."""
    return (
        unit.unit is None
        and core.currency is None
        and float(core.value).is_integer()
        and (not core.in_words or core.value >= 2)  # not "including one"
        and _PART_BEFORE_RE.search(s, max(0, core.start - 20), core.start) is not None
        and _PART_AFTER_RE.match(s, core.end) is not None
    )


def _continues_a_count(s: str, core: _Core, unit: _Unit) -> bool:
    return (
        core.in_words
        and unit.unit is None
        and core.value >= 2
        and _ELLIPSIS_BEFORE_RE.search(s, max(0, core.start - 12), core.start) is not None
        and _ELLIPSIS_AFTER_RE.match(s, core.end) is not None
    )


# "Jo Smith, 45, said", "Lee, then 38," and "Smith (45) and Jones (52)": an age set off
# after a name.
NAME_BEFORE_AGE_RE = re.compile(r"(?P<name>[A-Z][\w'’-]+)(?:,\s(?:(?:then|now)\s)?|\s\()$")


def _is_age_after_name(s: str, core: _Core) -> bool:
    """'Jo Smith, 45, said', 'Jane Doe, 31.' and 'Smith (45)': an age set off by commas
    or brackets after a name (not after a day or a month: "rose on Monday, then 45")."""
    if not (core.plain_int and 0 < core.value < 120 and s[core.end : core.end + 1] in ",.;)"):
        return False  # "Ana, 34; Eric, 32": a list of ages
    name = NAME_BEFORE_AGE_RE.search(s, max(0, core.start - 30), core.start)
    if name is None:
        return False
    # a day or a month alone is no name ("on Monday, then 45"); one ending a person's
    # name is ("Yin Myint May, 60,")
    return name["name"].lower() not in _WHEN_WORDS or bool(
        _NAME_WORD_BEFORE_RE.search(s, max(0, name.start() - 30), name.start())
    )


_NAME_WORD_BEFORE_RE = re.compile(r"[A-Z][\w'’-]+\s+$")


_WHEN_WORDS = frozenset(w.lower() for w in WEEKDAYS | MONTHS) | {"today", "yesterday"}


# "who was 69 when he took office", "she was 12 at the time", and "She was 92." closing
# its sentence: a person's age then. A bare number a person is, with nothing after it.
_PERSON_WAS_RE = re.compile(r"\b(?:(?:he|she|who)\s+(?:was|is)|I\s+was)\s+$", re.IGNORECASE)
_WHEN_AFTER_RE = re.compile(r"\s+(?:when|at\s+the\s+time)\b|\.(?:\s|$)|$", re.IGNORECASE)
# "died at 92", "dies Sunday at 94", "passed away at 88": the age at death.
_DIED_AT_RE = re.compile(
    r"\b(?:die[sd]|dying|passed\s+away)(?:\s+(?:on\s+)?[A-Z][a-z]+day)?\s+at\s+$"
)


def _is_age_at_a_time(s: str, core: _Core) -> bool:
    if not (core.plain_int and 0 < core.value < 120):
        return False
    before = max(0, core.start - 40)
    return (
        _WHEN_AFTER_RE.match(s, core.end) is not None
        and _PERSON_WAS_RE.search(s, before, core.start) is not None
    ) or (
        _DIED_AT_RE.search(s, before, core.start) is not None
        and not _CLOCK_AFTER_RE.match(s, core.end)
    )


# "died at 10 p.m.", "at 9:30": a clock time, not an age.
_CLOCK_AFTER_RE = re.compile(r"\s*(?:[:.]\d|[ap]\.?m\b|o['’]clock)", re.IGNORECASE)


def _words_are_a_number(s: str, core: _Core, unit: _Unit) -> bool:
    """Reject 'one' as a pronoun ('one of the few', 'one day') and names ('Six Nations')."""
    if core.text[:1].isupper() and not _sentence_initial(s, core.start):
        return False
    if core.value == 1 and core.text.lower() in ("one", "a", "an"):
        return unit.kind in ("percent", "money", "measure")
    if core.text.lower() == "two" and _refers_to_a_pair(s, core):
        return False
    # A number word with nothing counted is a pronoun-like use: "the two met"; but one
    # that a casualty word follows counts people ("left nine dead").
    return unit.unit is not None or (
        _CASUALTY_AFTER_RE.match(s, core.end) is not None
        and not _NONE_OF_BEFORE_RE.search(s, max(0, core.start - 20), core.start)
    )


_CASUALTY_AFTER_RE = re.compile(rf"\s+(?:(?:were|are|have\s+been)\s+)?(?:{CASUALTY_WORD})\b")
# "none of the four were hurt": no one was
_NONE_OF_BEFORE_RE = re.compile(r"\b(?:none|neither|not\s+one|no\s+one)\s+of\s+(?:the\s+)?$", re.I)
# "the two candidates are level", "talks between the two countries": a pair the text
# has named, referred to again, not a count it reports. A relative clause after the
# noun makes it a count again ("the two plants that closed").
_THE_BEFORE_RE = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)
_PAIR_NOUN_AFTER_RE = re.compile(r"\s+(?:[a-z]+\s+)?[a-z]+s\b(?!\s+(?:that|who|which)\b)")


def _refers_to_a_pair(s: str, core: _Core) -> bool:
    return bool(
        _THE_BEFORE_RE.search(s, max(0, core.start - 8), core.start)
        and _PAIR_NOUN_AFTER_RE.match(s, core.end)
    )


# A hyphenated count before a noun that is itself an amount ("a 187-seat lead", "a
# 22-point defeat", "the 3,412-delegate threshold", "an 11 million-person population")
# states a figure; before any other noun it only describes ("a five-year plan", "10-year
# bonds", "a 12-member panel"), which the spec leaves optional.
_AMOUNT_HEADS = (
    "lead", "leads", "advantage", "margin", "majority", "deficit", "gap", "threshold",
    "defeat", "victory", "win", "loss", "swing", "population", "shortfall", "backlog",
    "surplus", "increase", "rise", "drop", "decline", "fall", "cut", "jump", "haul",
)  # fmt: skip
_COUNT_MODIFIER_RE = re.compile(
    r"-(?P<noun>[a-z]+)\s+(?:(?:[a-z]+-)?[a-z]+\s+)?(?:" + "|".join(_AMOUNT_HEADS) + r")\b"
)


def _hyphenated(s: str, core: _Core) -> tuple[Quantity | None, int]:
    """'the 39-year-old' is an age; 'a 187-seat lead' a count; 'a five-year plan' a
    modifier (optional in the spec)."""
    age = _AGE_HYPHEN_RE.match(s, core.end)
    if age is None:
        return _count_modifier(s, core)
    unit = units.canonical_time(age.group(1))
    quantity = Quantity(core.start, age.end(), core.value, unit=unit, kind="age")
    quantity.in_words = core.in_words
    return _finish(s, quantity), age.end()


def _count_modifier(s: str, core: _Core) -> tuple[Quantity | None, int]:
    """'a 187-seat lead': the count and its noun, when the noun it modifies is an
    amount (see _AMOUNT_HEADS); durations ('a 10-year lead') stay modifiers."""
    found = _COUNT_MODIFIER_RE.match(s, core.end)
    if found is None or units.canonical_time(found["noun"]):
        return None, _skip_token(s, core.end)
    end = found.end("noun")
    unit = units.canonical_noun_unit(found["noun"])
    quantity = Quantity(core.start, end, core.value, unit=unit, kind="count", noun=found["noun"])
    quantity.in_words = core.in_words
    return _finish(s, quantity), end


_BREAKDOWN_OF_POINTS_RE = re.compile(r"\bpoints?\s*\(\s*$")


def _descends(first: _Core, second: _Core) -> bool:
    """Whether the second number of "X to Y" is the smaller (a scale written once, "£2-3bn",
    applies to both)."""
    if second.scaled and not first.scaled:
        return second.value < first.value * second.scale
    return second.value < first.value


def _range_quantity(
    s: str, first: _Core, first_unit: _Unit, rng: tuple[_Core, _Unit, str]
) -> tuple[Quantity | None, int]:
    second, second_unit, word = rng
    low, high = first.value, second.value
    if second.scaled and not first.scaled and first.value < second.value / second.scale:
        low = first.value * second.scale  # "£2-3bn": the scale written once applies to both
    if not low < high:
        if word in ("-", "–", "—"):
            return None, _skip_token(s, second.end)
        return None, first.end
    unit = first_unit if first_unit.unit else second_unit
    if word in ("-", "–", "—") and unit.unit is None:
        return None, _skip_token(s, second.end)  # "4-6 6-3": set scores
    start = first.start
    between = _BETWEEN_RE.search(s, max(0, start - 12), start)
    if between and word == "and":
        start = between.start()
    end = max(second_unit.end, second.end) if unit.kind != "count" else second.end
    if unit.unit is None and _AGE_BEFORE_RE.search(s, max(0, start - 12), start):
        unit = _Unit("year", "age", end)  # "aged 18 to 24"
    quantity = Quantity(
        start,
        end,
        (low + high) / 2,
        low=low,
        high=high,
        unit=unit.unit,
        kind=unit.kind,
        in_words=first.in_words,
        noun=unit.noun,
    )
    return _finish(s, quantity, number_start=first.start), end


def _tidy(value: float) -> float:
    """Drop binary floating-point noise from scaled values (12 significant digits)."""
    return float(f"{value:.12g}")


def _finish(s: str, q: Quantity, number_start: int | None = None) -> Quantity:
    """Add the approximator and the sign that the words around the quantity give."""
    anchor = q.start if number_start is None else min(q.start, number_start)
    q.value = _tidy(q.value)  # 257.25p * 0.01 is 2.5725, not 2.5725000000000002
    if q.low is not None and q.high is not None:
        q.low, q.high = _tidy(q.low), _tidy(q.high)
    q.approx, approx_start = _approximator(s, anchor)
    if q.approx == "over" and q.kind == "time" and _spread_over(s, approx_start, q.end):
        q.approx = None  # "$1bn over five years", "Over a decade, ...": during, not more than
    points = q.unit in ("basis point", "percentage point")
    by_fraction = q.kind == "share" and _BY_RIGHT_BEFORE_RE.search(s, max(0, q.start - 4), q.start)
    if (q.kind not in ("age", "share") or by_fraction) and _is_fall(s, approx_start, q.end, points):
        q.value = -q.value
        if q.low is not None and q.high is not None:
            q.low, q.high = -q.high, -q.low
    elif anchor > 0 and s[anchor - 1] in "-−" and (anchor < 2 or s[anchor - 2] in " (\t\n"):
        q.value = -q.value  # a minus sign: "-0.5%"
        q.start = anchor - 1
    return q
