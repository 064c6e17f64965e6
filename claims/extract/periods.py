"""When a quantity applies: period mentions in a sentence, resolved to YYYY[-QN|-MM[-DD]].

A sentence is scanned once for explicit dates, months, quarters, fiscal years, plain
years and relative expressions ("last year"), with one alternation of their patterns.
Mentions without a year of their own ("the fourth quarter", "1 July") take it
from the sentence, else from the publication date, else from the last year the
article named before. The numbers module also uses the mention spans to skip
the digits of dates and years, which say *when* and are not claims.

A quantity takes the nearest governing mention (a baseline such as "since 1918" or
"the same month last year" governs nothing); failing that, the head of the list it
is an item of, the sentence's opening adverbial ("In March, ...") or the poll the
article reports on (ArticleTime).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property, lru_cache

from claims.extract.context import fold_case, matches_from_stems, may_hold_any
from claims.extract.lexicon import is_noun_not_adjective
from claims.extract.names import MODAL, VOTE_EVENT
from claims.extract.numbers import parse_word_number
from claims.extract.places import is_place
from claims.extract.sentences import paragraph_spans
from claims.extract.units import is_plural_noun
from claims.normalise import fold_words
from claims.plurals import singular

__all__ = [
    "ArticleTime",
    "PeriodMention",
    "about_a_poll",
    "attached_ago",
    "baseline_mentions",
    "baseline_period",
    "find_periods",
    "is_an_aim",
    "is_monthly_measure",
    "is_national_measure",
    "latest_release",
    "names_poll",
    "nearest_period",
    "present_of_comparison",
    "stated_now",
    "wealth_year",
    "told_of_the_past",
    "without",
]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
)
_FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_YEAR = r"(?:1[89]\d\d|20\d\d)"
# A reading of a day: "Monday's poll", "Tuesday night's results" date their figures as
# "the poll on Monday" does. Another possessive day names an event ahead or aside
# ("Tuesday's vote") or a release about an earlier time ("Friday's jobs report").
_READINGS = r"(?:poll|polls|survey|surveys|results|count|tally)"
# Words for a vote, whose day may date its results ("the caucuses on Monday"): the
# events, and the words for voting itself.
_VOTE_WORD = rf"(?:{VOTE_EVENT}|(?:votes?|voting|contests?)\b)"
# An event a possessive day names ("Sunday's election", "Saturday's march"): it dates
# the figures of a sentence that tells of it as past (see _past_event_day).
_EVENTS = (
    r"(?:election|elections|primary|primaries|referendum|vote|ballot|caucus|caucuses|race"
    r"|match|game|final|march|rally|protest|debate|attack|shooting|crash|earthquake|quake"
    r"|storm|flood|floods|fire|blast|explosion)"
)
_ORDINAL_QUARTER = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "final": 4, "last": 4,
    # a quarter named by its months: "the April-June quarter"
    "january-march": 1, "april-june": 2, "july-september": 3, "october-december": 4,
}  # fmt: skip

_PERIOD_SOURCE = rf"""
      (?P<iso>\b(?P<iso_y>{_YEAR})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)\b)
    | (?P<mdy>\b(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!,?\d)
          (?:(?:\s*[-–]\s*|\s+(?:through|thru)\s+)(?:(?P<mdy_m2>{_MONTH})\s+)?
             (?P<mdy_d2>[0-3]?\d)\b(?![-/.,]?\d)(?!\s*(?:%|percent|per\s+cent|points?\b)))?
          (?:,?\s+(?P<mdy_y>{_YEAR})\b)?)
    | (?P<dmy>\b(?P<dmy_d>[0-3]?\d)(?:st|nd|rd|th)?(?P<dmy_to>\s*[-–]\s*[0-3]?\d(?:st|nd|rd|th)?)?
          \s+(?:of\s+)?(?P<dmy_m>{_MONTH})(?![\w])
          (?:,?\s+(?P<dmy_y>{_YEAR})\b)?)
    | (?P<my>\b(?P<my_m>{_MONTH})(?:\s+of)?,?\s+(?P<my_y>{_YEAR})\b)
    | (?P<quarter>\b(?P<q_ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th
          |January[-–]March|April[-–]June|July[-–]September|October[-–]December)
          [\s-]quarter\b(?:\s+(?:of|in)\s+(?:(?P<q_y>{_YEAR})\b|(?P<q_rel>this|last|next)\s+year))?)
    | (?P<qcode>\b(?:(?P<qc_y1>{_YEAR})\s*)?Q(?P<qc_n>[1-4])(?:\s*(?P<qc_y2>{_YEAR})\b)?\b)
    | (?P<months3>\b(?P<m3_ord>first|last|final)\s+three\s+months\s+of\s+(?P<m3_y>{_YEAR})\b)
    | (?P<to_month>\b(?:(?P<tm_n>three|3|twelve|12)\s+months|(?P<tm_year>year)
          |(?P<tm_q>quarter))\s+to\s+
          (?:the\s+end\s+of\s+)?(?P<tm_m>{_FULL_MONTH})\b(?:,?\s+(?P<tm_y>{_YEAR})\b)?)
    | (?P<half>\b(?:first|second|last)\s+(?:half|six\s+months)\s+of\s+(?P<half_y>{_YEAR})\b)
    | (?P<fiscal>\b(?:FY\s?|fiscal\s+(?:year\s+)?)(?P<fy>{_YEAR}|\d\d)\b
          | \b(?P<fy_a>{_YEAR})[-/–](?P<fy_b>\d\d|{_YEAR})\b(?![-/–]?\d))
    | (?P<month_span>\b(?i:between|from)\s+(?P<ms_a>{_FULL_MONTH})(?:,?\s+(?P<ms_ya>{_YEAR}))?
          \s+(?i:and|to|through|until)\s+(?P<ms_b>{_FULL_MONTH})\b
          (?:,?\s+(?P<ms_y>{_YEAR})\b|(?(ms_ya)\s+(?i:this|last)\s+year\b))?)
    | (?P<month_in>\b(?:(?i:in|since|during|by|until|through|last|this|next|end\s+of)\s+
          |(?i:early|late|mid)(?:\s+|-))(?P<mi_m>{_FULL_MONTH})\b
          # not a day or year of the month's own ("in October 12", "in October, 2015");
          # after a comma a number is the clause's figure ("In October, 2,150 ...")
          (?!\s*(?:of\s+)?\d|,\s*(?:of\s+)?\d{{4}}\b(?![,.]\d)))
    | (?P<rel>\b(?P<rel_w>(?i:last|this|next))\s+(?P<rel_f>(?i:fiscal|financial)\s+)?
          (?P<rel_u>year|month|quarter|week)\b(?!['’]s|\s+of\b))
    | (?P<day_rel>\b(?P<dr_w>[Tt]oday|[Yy]esterday)\b(?!['’]s))
    | (?P<weekend>\b(?i:over|during)\s+the\s+(?i:past\s+)?weekend\b(?!['’]s)
          | \b(?i:last|this\s+past)\s+weekend\b(?!['’]s))
    | (?P<into_day>(?:(?<=\binto\s)|(?<=\b[Ee]ntering\s))
          (?P<id_wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?\b)
    | (?P<weekday>\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b
          (?!(?:\s+(?:night|morning|afternoon|evening))?['’]s
             (?!\s+(?:[A-Za-z]+\s+){{0,2}}(?:{_READINGS}|{_EVENTS})\b)  # "Monday's Zembla caucus"
             |,?\s+(?:{_MONTH}|[0-3]?\d\b)))
    | (?P<week_of>\b(?i:first|second|third|fourth|last|final|past)\s+week\s+(?:of|in)\s+
          (?P<wo_m>{_FULL_MONTH})\b(?:,?\s+(?P<wo_y>{_YEAR})\b)?)
    | (?P<ago>\b(?P<ago_n>\d{{1,3}}|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))
          \s+(?P<ago_u>years?|months?|weeks?|days?)\s+ago\b)
    | (?P<that_year>\b(?i:that|the\s+same|that\s+same)\s+year\b(?!['’]s|-))
    | (?P<the_step>\b(?i:over|during|for|in|through)\s+the\s+(?P<step>quarter|month)\b
          (?!['’]s|-|\s+(?:to|of|before|after|ago|ending|ended|ahead|earlier|since|following
              |century|centuries|finals?|mark|point)\b))
    | (?P<the_year>\b(?i:over|during|for|in|through)\s+the\s+year\b(?!['’]s|\s+(?:to|before|ago))
          | \b(?i:first)\s+(?:\w+\s+)?months\b(?:\s+of\s+the\s+year\b)?(?!\s+(?:of|to)\b))
    | (?P<year>(?<![\d$£€¥,.#/-])\b(?P<y>{_YEAR})\b(?![.,]\d|\s?(?:%|per\s?cent|percent|bn\b|m\b))
          (?!['’]?s\b)(?![-/]\d))
    """
_PERIOD_RE = re.compile(_PERIOD_SOURCE, re.VERBOSE)
# The ASCII characters each kind of expression above can open with. At a word that
# opens with one, only the kinds that can are tried, instead of every kind of the
# whole alternation; at any other character (a digit of another script, or "İ", "ſ"
# and "ı", which case-blind kinds read as i and s) the whole alternation is.
# tests/extract/test_periods.py checks that both find the same at every start.
_DIGITS = "0123456789"
_MONTH_INITIALS = "JFMASOND"
_WEEKDAY_INITIALS = "MTWFS"
_FIRST_CHARACTERS = {
    "iso": "12", "mdy": _MONTH_INITIALS, "dmy": _DIGITS, "my": _MONTH_INITIALS,
    "quarter": "fstl1234JAO", "qcode": "12Q", "months3": "fl", "to_month": "t31yq",
    "half": "fsl", "fiscal": "Ff12", "month_span": "bBfF",
    "month_in": "iIdDbBuUtTlLnNeEmMsS", "rel": "lLtTnN", "day_rel": "TtYy",
    "weekend": "oOdDlLtT", "into_day": _WEEKDAY_INITIALS, "weekday": _WEEKDAY_INITIALS,
    "week_of": "fFsStTlLpP", "ago": _DIGITS + "tTfFsSeEnN", "that_year": "tT",
    "the_step": "oOdDfFiItT", "the_year": "oOdDfFiItT", "year": "12",
}  # fmt: skip
# Each kind's part of the source: it opens with the group named after the kind.
_PERIOD_PARTS = re.split(rf"\|\s*(?=\(\?P<(?:{'|'.join(_FIRST_CHARACTERS)})>)", _PERIOD_SOURCE)


def _by_first_character() -> dict[str, re.Pattern[str]]:
    """The period pattern for each character an expression can open with: the kinds
    that can, in the order of the source, so that the first that matches wins as before."""
    kinds = [re.findall(r"\(\?P<(\w+)>", part)[0] for part in _PERIOD_PARTS]
    patterns = {}
    for char in sorted(set("".join(_FIRST_CHARACTERS.values()))):
        parts = [
            p
            for p, kind in zip(_PERIOD_PARTS, kinds, strict=True)
            if char in _FIRST_CHARACTERS[kind]
        ]
        patterns[char] = re.compile("\n|".join(parts), re.VERBOSE)
    return patterns


_PERIOD_BY_FIRST = _by_first_character()


def _period_at(s: str, start: int) -> re.Match[str] | None:
    """The period expression that starts at `start`, if any."""
    char = s[start]
    if not char.isascii():
        return _PERIOD_RE.match(s, start)
    pattern = _PERIOD_BY_FIRST.get(char)
    return pattern.match(s, start) if pattern is not None else None


# A year before a plural noun is a count ("2000 people") unless a preposition
# makes it a time ("in 2004 sales rose").
_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)")
_TWO_WORDS_AFTER_RE = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)(?:\s+([A-Za-z][A-Za-z'’-]*))?")
# What a poll's sample follows: "a poll of", "the survey of".
_SAMPLE_OF_BEFORE_RE = re.compile(r"\b(?:poll|survey|sample)\s+of\s+$", re.IGNORECASE)
_TEMPORAL_BEFORE_RE = re.compile(
    r"\b(?:in|since|by|until|till|from|of|during|before|after|for|to|through|between|and|"
    r"early|late|mid|circa|c\.)\s*$",
    re.IGNORECASE,
)

# "the lowest since 1918", "up 3 points since March", "than in the same month of 2010",
# "up 14 points from 2011": the period is a baseline the quantity is compared with, not
# the quantity's own.
_BASELINE_BEFORE_RE = re.compile(
    r"\bsince\s+$|\bsame\s+(?:period|month|quarter|week|day|time)\s+(?:of\s+|in\s+)?$"
    # "since its creation in May 2014", "since taking office in 2009": where a total starts
    r"|\bsince\s+(?:[\w'’-]+\s+){1,3}in\s+$"
    r"|\blast\s+(?:seen|recorded|reached)\s+(?:in\s+)?$"
    r"|\bthan\s+(?:in\s+|during\s+)?$"  # "fewer than seven years ago": the comparison's time
    # "more honest than he was in December", "higher than it did in 2019"
    r"|\bthan\s+(?:[a-z]+\s+)?(?:was|were|is|are|did|do|does|had|has|have)\s+(?:in\s+)?$"
    # "up 14 points from 2011", "rose 12% compared with 2019": the change is to now
    r"|\bcompared\s+(?:with|to)\s+(?:in\s+)?$|\d(?:\s*%|\s+[a-z]+){1,3}\s+from\s+$",
    re.IGNORECASE,
)
# Every phrase of _BASELINE_BEFORE_RE holds one of these.
_BASELINE_WORDS = ("since", "same", "last", "than", "compared", "from")


def _compared_before(s: str, start: int) -> bool:
    """Whether the words before `start` make the period there a baseline ("since",
    "than in", "compared with")."""
    lo = max(0, start - 30)
    if not may_hold_any(s, _BASELINE_WORDS, lo, start):
        return False
    return _BASELINE_BEFORE_RE.search(s, lo, start) is not None


# A year a forecast or target looks ahead to ("expects a 2% fall in 2031", "could double
# by 2030") is not the time the article reports on, so it does not become the context
# that dates later yearless mentions.
# Modal verbs only in lower case: "May" is a month and "Will" a name.
_FORWARD_BEFORE_RE = re.compile(
    r"\b(?:(?i:forecasts?|forecast(?:ing|er|ers)|predict\w*|expect\w*|project(?:s|ed|ing|ion)"
    r"|plans?|target\w*|aims?)|will|would|could|may|might)\b[^.;]*$|\b(?i:by)\s+$"
)
_FORWARD_WINDOW = 150
_SINCE_RE = re.compile(r"since\b", re.IGNORECASE)  # a mention that starts "since March"
# A value written right after a time, which is that time's value: "since peaking in
# 2006 at $5.2 billion".
_VALUE_AT_BEFORE_RE = re.compile(r"\s+(?:at|of)\s+(?:about\s+|around\s+|nearly\s+)?$")
# A period beyond one of these belongs to another clause: "95% effective, and deaths fell
# in March"; "up 4% in 2004; sales ...".
_CLAUSE_SEPARATOR_RE = re.compile(r";|,\s+(?:and|but|while|whereas)\b")
# A dash that opens or closes an aside: spaced, or an em dash ("2008-2012" is a range).
_ASIDE_DASH_RE = re.compile(r"\s(?:[-–—]|--)\s|—")

# "said today", "today's report", "reported yesterday that": the day of the report,
# not the time of the figure ("decided today to raise the rate to 5%" is).
_REPORT_VERBS = (
    r"(?:said|says|say|told|tells|reported|reports|announced|announces|showed|shows|show"
    r"|released|releases|published|publishes|learned|learnt|confirmed|stated|wrote|noted)"
)
_REPORT_BEFORE_RE = re.compile(rf"\b{_REPORT_VERBS}\s+(?:\w+\s+){{0,2}}$", re.IGNORECASE)
_REPORT_AFTER_RE = re.compile(rf"(?:,?\s+\w+){{0,2}}?,?\s+{_REPORT_VERBS}\b", re.IGNORECASE)


_WORD_BEFORE_RE = re.compile(r"[A-Za-z][\w.&'’-]*[ \t/]*$")


def _inside_name(s: str, start: int) -> bool:
    """'USA Today', 'NBC's Today': a capitalised 'Today' after a word is part of a name."""
    return s[start].isupper() and bool(_WORD_BEFORE_RE.search(s, max(0, start - 30), start))


def _day_of_report(s: str, start: int, end: int) -> bool:
    """Whether "today"/"yesterday" at [start, end) dates a report rather than a figure:
    "said on Monday", "Monday, it said", "reported a third-quarter profit of $1bn on
    Monday" (a firm's results are of a period, not of the day it reports them)."""
    return bool(
        _REPORT_BEFORE_RE.search(s, max(0, start - 40), start)
        or _REPORT_AFTER_RE.match(s, end, end + 40)
        or _RESULTS_REPORTED_BEFORE_RE.search(s, max(0, start - 120), start)
    )


_RESULTS_REPORTED_BEFORE_RE = re.compile(
    r"\b(?:reported|reports|posted|posts|announced|announces|unveiled|unveils)\s+[^,;]*?"
    r"\b(?:quarter|quarterly|half-year|half-yearly|annual|full-year|yearly|results)\b"
    r"[^,;]*\son\s+$"
)


_WELL_FORMED_RE = re.compile(r"[1-9]\d{3}(?:-Q[1-4]|-\d\d(?:-\d\d)?)?$")

# How far (in characters) a period may sit from a quantity and still govern it.
MAX_PERIOD_DISTANCE = 100


@dataclass(slots=True)
class PeriodMention:
    """A period expression at [start, end) of the scanned string."""

    start: int
    end: int
    period: str | None
    year: int | None  # the year written in the text, if any (feeds the article context)
    governs: bool = True  # False for a baseline ("the lowest since 1918")
    kind: str = ""  # which expression: "mdy", "month_in", "weekday", "year", ...
    forward: bool = False  # a year a forecast looks ahead to ("expected to fall in 2031")
    aside: bool = False  # within an aside between dashes ("- elected in 2009 -")


def _month_number(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _valid_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# How far ahead of publication a day without a year may lie and still be this year's:
# news looks back, but also to the days just ahead ("before the vote on April 26").
# Only a day is read so; a month alone ("sales rose in June") is the last one past.
_LOOK_AHEAD_DAYS = 31
# A sentence about what is to come: a month it names without a year is the next one.
_FUTURE_RE = re.compile(
    r"\b(?:will|would|won['’]t|shall|next|upcoming|coming|scheduled|planned|expected\s+to)\b"
    r"|['’]ll\b",
    re.IGNORECASE,
)


# What is being approached, named right before its month: "entering the final contests
# in June", "heading into the vote in July" (the coming one).
_APPROACHING_RE = re.compile(
    r"\b(?:[Ee]ntering|(?:[Gg]oing|[Hh]eading)\s+into)\s+(?:[\w'’-]+\s+){0,4}$"
)


def _month_span(
    m: re.Match, year: int | None, fallback: int | None, published: date | None
) -> str | None:
    """'between January and April': the months' year (their quarter when both fall in
    one), the latest such span not after publication; none for a span across years
    ("between November 2003 and August this year")."""
    if m.group("ms_ya") and m.group("ms_ya") != m.group("ms_y"):
        return None
    first, last = _month_number(m.group("ms_a")), _month_number(m.group("ms_b"))
    y = year or _year_for_month(last, 1, fallback, published)
    if not y:
        return None
    if first > last:
        return str(y)  # "from November to February": across the turn of the year
    quarter = (first - 1) // 3
    return f"{y:04d}-Q{quarter + 1}" if quarter == (last - 1) // 3 else str(y)


def _told_in_the_past(sentence: str, end: int) -> bool:
    """Whether the clause after a time ("Going into the vote in March, Smith led by 9")
    tells of the past, up to its first number."""
    digit = _DIGIT_RE.search(sentence, end)
    return bool(_PAST_VERB_RE.search(sentence, end, digit.start() if digit else len(sentence)))


_DIGIT_RE = re.compile(r"\d")


_THE_BEFORE_RE = re.compile(r"\b[Tt]he\s+$")


def _clause_around(sentence: str, start: int, end: int) -> str:
    """The clause that holds [start, end): "Sales rose in March, while profits are
    expected to fall" tells of a past March; the future is the other clause's."""
    lo = 0
    for sep in _CLAUSE_SEPARATOR_RE.finditer(sentence, 0, start):
        lo = sep.end()
    after = _CLAUSE_SEPARATOR_RE.search(sentence, end)
    return sentence[lo : after.start() if after else len(sentence)]


# A poll, survey or report the time dates ("a poll in January shows", "a survey of
# voters taken in May found"): what the report says will happen is its finding.
_REPORT_DATED_RE = re.compile(
    r"\b(?:polls?|surveys?|reports?|study|studies|census|stor(?:y|ies)|articles?|statements?)"
    r"(?:\s+[\w'’.-]+){0,5}?\s+$",
    re.IGNORECASE,
)
# A past verb or a relative clause that reports what someone said or found: the future
# after it is the content's ("In May, Acme said sales would rise", "one that said it
# would"); after a present one the time is the future's ("In May, Acme says, it will").
_REPORTING_RE = re.compile(
    r"\b(?:said|told|reported|announced|predicted|forecast|estimated|found"
    r"|(?:that|which|who)\s+(?:showed|shows|claimed|reports))\b"
)


# A relative clause that reports what its people said: "76% who said so in April".
_RELATIVE_REPORT_RE = re.compile(
    r"\b(?:who|that|which)\s+(?:[a-z]+\s+)?(?:said|told|reported|found|predicted|estimated)\b"
)


@lru_cache(maxsize=64)  # asked for each time in a sentence
def _future_marks(
    sentence: str,
) -> tuple[list[int], list[int], list[int], list[int], list[int]]:
    """Where a sentence's clause breaks end and start, its future words, its reporting
    words and its reporting relative clauses start: read once, so that each of its
    times is placed by bisection."""
    seps = list(_CLAUSE_SEPARATOR_RE.finditer(sentence))
    return (
        [m.end() for m in seps],
        [m.start() for m in seps],
        [m.start() for m in _FUTURE_RE.finditer(sentence)],
        [m.start() for m in _REPORTING_RE.finditer(sentence)],
        [m.start() for m in _RELATIVE_REPORT_RE.finditer(sentence)],
    )


def _future_around(sentence: str, start: int, end: int) -> bool:
    """Whether the clause of the time at [start, end) tells of what is to come; for the
    time of a report, or before a verb reporting what someone said, only up to there,
    and after a relative clause that reports ("who said so") only from there."""
    sep_ends, sep_starts, futures, reports, relatives = _future_marks(sentence)
    i = bisect_left(sep_ends, start + 1) - 1
    lo = sep_ends[i] if i >= 0 and sep_starts[i] < start else 0
    j = bisect_left(sep_starts, end)
    hi = sep_starts[j] if j < len(sep_starts) else len(sentence)
    if _REPORT_DATED_RE.search(sentence, max(lo, start - 60), start):
        hi = start
    elif (k := bisect_left(reports, end)) < len(reports) and reports[k] < hi:
        hi = reports[k]
    if (r := bisect_left(relatives, start) - 1) >= 0 and relatives[r] > lo:
        # "said they would vote for Lee, down from 76% who said so in April": the future
        # before a relative clause that reports is another's, not this time's
        lo = relatives[r]
    k = bisect_left(futures, lo)
    return k < len(futures) and futures[k] < hi


# How far ahead a day said of what is to come may lie: the half year a campaign or a
# season looks ahead ("the county's vote Aug. 29" in May).
_DAY_TO_COME_DAYS = 183


_LOOKS_BACK_RE = re.compile(r"(?:last|since)\b", re.IGNORECASE)


def _day_to_come(m: re.Match, month: int, day: int, published: date | None) -> bool:
    """Whether a day (or month) named without a year, later in the year than
    publication, is this year's coming one: its clause tells of the future or of the
    present, not the past ("four hopefuls are campaigning before the vote Aug. 29",
    "members go to the polls Nov. 7"; not "On Aug. 29, sales rose 5%")."""
    if published is None or (month, day) <= (published.month, published.day):
        return False
    try:
        ahead = (date(published.year, month, day) - published).days
    except ValueError:
        return False
    lo = max(0, m.start() - _CLAUSE_WINDOW)  # a run-on "sentence" is read near the day
    clause = _clause_around(m.string[lo : m.end() + _CLAUSE_WINDOW], m.start() - lo, m.end() - lo)
    past = _PAST_VERB_RE.search(clause) or _IRREGULAR_PAST_RE.search(clause)
    return bool(_FUTURE_RE.search(clause) or not past) and ahead <= _DAY_TO_COME_DAYS


# Past forms of common verbs that do not end in -ed.
_IRREGULAR_PAST_RE = re.compile(
    r"\b(?:went|said|told|met|left|began|found|brought|bought|built|caught|felt|kept|knew"
    r"|meant|sent|spoke|stood|thought|wrote|chose|drove|flew|threw|became|did|struck)\b"
)


def _year_for_month(
    month: int,
    day: int,
    default_year: int | None,
    published: date | None,
    *,
    look_ahead: bool = False,
):
    """Year of a month/day mentioned without one: the latest not after publication, or
    with `look_ahead` (a day is named) this year's when at most _LOOK_AHEAD_DAYS ahead."""
    if default_year is not None:
        return default_year
    if published is None:
        return None
    if (month, day) <= (published.month, published.day):
        return published.year
    if look_ahead:
        try:
            if (date(published.year, month, day) - published).days <= _LOOK_AHEAD_DAYS:
                return published.year
        except ValueError:
            pass
    return published.year - 1


def _shift_month(published: date, delta: int) -> str:
    index = published.year * 12 + published.month - 1 + delta
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _relative(word: str, unit: str, published: date | None) -> str | None:
    if published is None:
        return None
    delta = {"last": -1, "this": 0, "next": 1}[fold_case(word)]
    if unit == "year":
        return str(published.year + delta)
    if unit == "month":
        return _shift_month(published, delta)
    if unit == "week":
        day = published + timedelta(weeks=delta)  # "last week": the month it fell in
        return f"{day.year:04d}-{day.month:02d}"
    index = published.year * 4 + (published.month - 1) // 3 + delta
    return f"{index // 4:04d}-Q{index % 4 + 1}"


def _is_count_not_year(s: str, start: int, end: int) -> bool:
    """'2000 people' is a count; 'in 2004 sales rose' and 'the 2019 summit' are times."""
    if _SAMPLE_OF_BEFORE_RE.search(s, max(0, start - 20), start):
        # a poll's sample: "a poll of 2012 likely voters" (not "a survey of 2015 found"
        # nor "of 2019 tax returns", whose first word is a noun of its own)
        words = _TWO_WORDS_AFTER_RE.match(s, end)
        if words is None:
            return False
        first, second = words.groups()
        return is_plural_noun(first) or (
            second is not None
            and is_plural_noun(second)
            and not is_noun_not_adjective(first.lower())
        )
    nxt = _NEXT_WORD_RE.match(s, end)
    if not nxt or not is_plural_noun(nxt.group(1)):
        return False
    before = s[max(0, start - 12) : start]
    return not _TEMPORAL_BEFORE_RE.search(before) and not before.rstrip().lower().endswith("the")


# A poll's or survey's days joined by a word, after the verb of its fieldwork: "was
# conducted Nov. 6 to 10", "taken from May 3 until 9". Elsewhere "rose on April 2 to 15"
# gives a figure after "to".
_FIELDWORK_VERB_BEFORE_RE = re.compile(
    r"\b(?:conducted|taken|fielded|carried\s+out|surveyed|polled|interviewed)\s+"
    r"(?:(?:from|between|on)\s+)?$"
)
_WORD_JOINED_DAY_RE = re.compile(r"\s+(?:to|until)\s+(?P<day>[0-3]?\d)\b(?![.,]?\d|\s*%)")


def _fieldwork_last_day(s: str, m: re.Match[str]) -> int | None:
    """Where a fieldwork range joined by a word ends, for a day at m that opens it."""
    if m.group("mdy_d2") or m.group("mdy_y"):
        return None
    if not _FIELDWORK_VERB_BEFORE_RE.search(s, max(0, m.start() - 40), m.start()):
        return None
    later = _WORD_JOINED_DAY_RE.match(s, m.end())
    if later is None or int(later["day"]) <= int(m.group("mdy_d")):
        return None
    return later.end()


def find_periods(
    s: str,
    published: date | None = None,
    context_year: int | None = None,
    context_steps: Mapping[str, str] | None = None,
) -> list[PeriodMention]:
    """Period mentions in `s` (one sentence), resolved where the text allows.

    `context_year` is the last year the article named before this sentence; it
    resolves yearless mentions only when the publication date is unknown.
    `context_steps` holds the last quarter and month the article named ("quarter" ->
    "2004-Q3"), which "in the quarter" and "over the month" mean.
    """
    mentions: list[PeriodMention] = []
    year_before: int | None = None  # the last year written earlier in this sentence
    dashes, dashes_to = 0, 0  # aside dashes counted so far, up to position dashes_to
    for m in _period_matches(s):
        kind = m.lastgroup  # each kind's group holds the whole of its expression
        assert kind is not None
        if kind == "year" and _is_count_not_year(s, m.start(), m.end()):
            continue
        if kind == "day_rel" and _inside_name(s, m.start()):
            continue
        if kind == "weekday" and _named_day(s, m.start()):
            continue
        period, year = _resolve(m, kind, year_before, published, context_year)
        if kind == "the_step":
            period = (context_steps or {}).get(m.group("step").lower())
        if period is not None and not _WELL_FORMED_RE.match(period):
            period = None  # e.g. "last year" against a publication date in year 1
        if kind == "rel" and period and len(period) == 4 and _month_before(s, mentions, m):
            # "in April last year": the year of the month before, one mention
            month = mentions[-1]
            if month.period:
                month.period = period + month.period[4:]
            month.end = m.end()
            continue
        governs = not (
            _compared_before(s, m.start()) or _SINCE_RE.match(s, m.start())
        ) or _starts_ahead(s, m.start(), period, published)
        if kind in ("day_rel", "weekday") and _day_of_report(s, m.start(), m.end()):
            governs = False
        if _LEVEL_OF_A_TIME_BEFORE_RE.search(s, max(0, m.start() - 16), m.start()) and (
            _LEVEL_OF_A_TIME_AFTER_RE.match(s, m.end())
        ):
            governs = False  # "below its February 2020 level by 368,000": the baseline's
        if kind == "weekday" and _EVENT_AFTER_DAY_RE.match(s, m.end()):
            governs = governs and _past_event_day(s, m.start())
        if kind == "ago":
            governs = False  # "approved six years ago, now taken by 2 million": its own only
        if kind == "year" and _in_year_span(s, m.start(), m.end()):
            # "between 1979 and 1993": years no single period stands for, but the figures
            # of a sentence the span opens ("From 1990 to 2003, sales rose 40%") are as
            # they stood at its end
            frame = _SPAN_FRAME_RE.match(s)
            in_frame = frame is not None and m.start() < frame.end()
            closes_frame = frame is not None and m.end() == frame.end("end")
            period, kind = (period if closes_frame else None), "year_span"
            governs = governs and (closes_frame or not in_frame)
        end = m.end()
        if kind == "mdy" and period and (last_day := _fieldwork_last_day(s, m)):
            end, period = last_day, period[:7]  # "conducted Nov. 6 to 10": one month's days
        forward = year is not None and bool(
            _FORWARD_BEFORE_RE.search(s, max(0, m.start() - _FORWARD_WINDOW), m.start())
        )
        dashes += len(_ASIDE_DASH_RE.findall(s, dashes_to, m.start()))
        dashes_to = m.start()
        if kind == "year" and _YEAR_OF_A_NAME_RE.match(s, m.end()):
            year = None  # "Okafor's 1968 Zembla Trade Act": which act, not the time told of
        mentions.append(
            PeriodMention(m.start(), end, period, year, governs, kind, forward, dashes % 2 == 1)
        )
        if year is not None and not _IN_RELATIVE_ASIDE_RE.search(
            s, max(0, m.start() - 80), m.start()
        ):
            year_before = year  # not a year of an aside: "X, which began in 2013, rose in May"
    return mentions


# A year before a name in capitals says which one ("the 1968 Zembla Trade Act", "the
# 2012 Olympics"): it is no time the text goes on telling of.
_YEAR_OF_A_NAME_RE = re.compile(r"\s+(?:[A-Z][a-z]+\s+){1,3}(?:Act|Law|Bill|Olympics|Games|Cup)\b")


# A level of another time that a figure is measured from: "below its February 2020
# level", "4% above their 2019 level".
_LEVEL_OF_A_TIME_BEFORE_RE = re.compile(
    r"\b(?:below|above|under|beneath|over|from|to|than|of)\s+(?:its|their|his|her|the)\s+$",
    re.IGNORECASE,
)
# (not the level itself: "their 2020 low of $20", "its February 2020 level of 3.5%")
_LEVEL_OF_A_TIME_AFTER_RE = re.compile(
    r"\s+(?:levels?|peak|high|low|average)\b(?!\s+(?:of|at|was|were|is|stood)\b)"
)


_EVENT_AFTER_DAY_RE = re.compile(
    rf"(?:\s+(?:night|morning|afternoon|evening))?['’]s\s+(?:[A-Za-z]+\s+){{0,2}}{_EVENTS}\b"
)


# Words of what someone means to do: "hopes to win Saturday's primary".
_INTENT_RE = re.compile(r"\b(?:hopes?|hoping|aims?|aiming|prepar\w+|plans?|planning|seeks?)\b")


def _names_past_event(sentence: str, m: PeriodMention) -> bool:
    """Whether a possessive day names an event ("Monday's caucus") not told of as to come."""
    if not _EVENT_AFTER_DAY_RE.match(sentence, m.end):
        return False
    return not (
        _to_come(sentence, m.start) or _INTENT_RE.search(sentence, max(0, m.start - 60), m.start)
    )


def _to_come(s: str, start: int) -> bool:
    """Whether the sentence tells of the day at `start` as one to come ("will", "ahead of
    Tuesday's vote")."""
    return bool(_FUTURE_RE.search(s) or _AHEAD_OF_RE.search(s, max(0, start - 20), start))


def _past_event_day(s: str, start: int) -> bool:
    """Whether a possessive day's event ("Sunday's election") is told of as past, so
    that it dates the sentence's figures ("won 212 seats in Sunday's election"), not as
    one to come ("ahead of Tuesday's vote") nor in an aside about a name."""
    if _to_come(s, start):
        return False
    if _IN_RELATIVE_ASIDE_RE.search(s, max(0, start - 80), start):
        return False
    # the day's own clause, without a verb of expecting ("is projected to take")
    opened = max(s.rfind(",", 0, start), s.rfind(";", 0, start)) + 1
    closing = min((k for k in (s.find(",", start), s.find(";", start)) if k >= 0), default=len(s))
    clause = _EXPECTING_RE.sub(" ", s[opened:closing])
    return bool(_PAST_VERB_RE.search(clause) or _IRREGULAR_PAST_RE.search(clause))


_EXPECTING_RE = re.compile(r"\b[a-z]+ed\s+to\b")


_AHEAD_OF_RE = re.compile(r"\b(?:ahead\s+of|before|until|for)\s+$", re.IGNORECASE)


def _starts_ahead(s: str, start: int, period: str | None, published: date | None) -> bool:
    """Whether a time after "from" is when a change to come takes effect ("will rise 9%
    to $13.50 from next month", "from March 1"), not a baseline's: it lies ahead."""
    if not period or published is None or not _FROM_BEFORE_RE.search(s, max(0, start - 6), start):
        return False
    if "-Q" in period:  # a quarter lies ahead when its first month does
        period = f"{period[:4]}-{3 * int(period[-1]) - 2:02d}"
    return _after_publication(period, published)


_FROM_BEFORE_RE = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def _month_before(s: str, mentions: list[PeriodMention], m: re.Match) -> bool:
    """Whether a month mention stands right before the year word m ("in April last year")."""
    return (
        bool(mentions)
        and mentions[-1].kind == "month_in"
        and not s[mentions[-1].end : m.start()].strip()
    )


# A span of years: "between 1989 and 2003", "from 2008 to 2010".
_SPAN_START_RE = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_SPAN_NEXT_RE = re.compile(rf"\s*(?:and|to|-|–)\s*{_YEAR}\b")
_SPAN_END_RE = re.compile(rf"\b(?:between|from)\s+{_YEAR}\s*(?:and|to|-|–)\s*$", re.IGNORECASE)


# A span of years opening the sentence as its frame: "From 1990 to 2003, ...".
_SPAN_FRAME_RE = re.compile(
    rf"\s*(?:From|Between)\s+{_YEAR}\s*(?:and|to|-|–)\s*(?P<end>{_YEAR})\s*,"
)


def _in_year_span(s: str, start: int, end: int) -> bool:
    """Whether the year at [start, end) opens or closes a span of years."""
    opens = _SPAN_START_RE.search(s, max(0, start - 10), start) and _SPAN_NEXT_RE.match(s, end)
    return bool(opens or _SPAN_END_RE.search(s, max(0, start - 20), start))


# A relative clause set off by a comma, still open where a year is written in it.
_IN_RELATIVE_ASIDE_RE = re.compile(r",\s+(?:which|who|whose|where)\b[^,;:]*$")


# Every period expression contains one of these; the period patterns are tried only at
# the starts of the few words before each hint, because running them over every
# position of every sentence costs more than the rest of numeric extraction.
# The lookahead's class of first letters lets the scan skip most positions at once.
_HINT_RE = re.compile(
    r"(?=[\dQJFMASONDqhymTtYyWw])"
    r"(?:\d+|Q[1-4]|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|quarter|half|year|month"
    r"|[Tt]oday|[Yy]esterday|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|week\s+(?:of|in)\b"
    r"|week\b(?!['’]s)|weekend\b"  # "this week", "last week", "over the weekend"
    r"|weeks?\s+ago\b)"  # "two weeks ago", spelled out ("two days ago" is left: every "d"
    # would stop the scan)
)


# No period expression holds a word longer than this; looking further back for
# the start of a word would rescan a long unbroken token at every hint in it.
_MAX_WORD = 64


def _word_start(s: str, floor: int, end: int) -> int | None:
    """Start of the word ending at `end` (not before `floor`); None if it is too long."""
    lo = max(floor, end - _MAX_WORD)
    k = max(s.rfind(" ", lo, end), s.rfind("\n", lo, end)) + 1
    if k == 0 and lo > floor:
        return None  # longer than any word of a period expression
    return max(k, lo)


def _word_starts_before(s: str, h: int, floor: int, back: int) -> list[int]:
    """Start of the token holding position h, preceded by the starts of `back` words."""
    k = _word_start(s, floor, h)
    if k is None:
        return []
    starts = [k]
    for _ in range(back):
        end = k - 1
        while end > floor and s[end - 1] == " ":
            end -= 1
        if end <= floor:
            break
        k = _word_start(s, floor, end)
        if k is None:
            break
        starts.append(k)
    starts.reverse()
    return starts


def _words_back(hint: str) -> int:
    """How many words before a hint a period expression can start."""
    first = hint[0]
    if first.isdigit():
        return 1  # "fiscal 2019"
    if first == "Q" or hint.lower() in ("today", "yesterday") or hint.endswith("day"):
        return 0  # "Q3", "today", "yesterday", "Tuesday" start their expression
    if hint == "half":
        return 1  # "first half of 2027"
    return 2  # "end of March", "over the year", "last three months"


_LAST_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\s+$")


_PLACE_BEFORE_RE = re.compile(r"((?:[A-Z][a-z]+\s+){1,3})$")


def _named_day(s: str, start: int) -> bool:
    """A weekday inside a name ("Super Tuesday", "Black Friday"): a capitalised word
    stands right before it, other than the sentence's first word, and is no place
    ("a defeat in Ohio Tuesday" is dated)."""
    before = _LAST_WORD_BEFORE_RE.search(s, max(0, start - 30), start)
    if before is None or not before.group(1)[0].isupper():
        return False
    place = _PLACE_BEFORE_RE.search(s, max(0, start - 40), start)
    if place is not None and any(
        is_place(" ".join(words)) for words in _suffixes(place.group(1).split())
    ):
        return False
    return bool(s[: before.start()].strip())  # the sentence's opening word is no name


def _suffixes(words: list[str]) -> list[list[str]]:
    """The runs of words that end with the last: [A, B, C] -> [A B C], [B C], [C]."""
    return [words[k:] for k in range(len(words))]


def _period_matches(s: str) -> list[re.Match]:
    """Matches of the period patterns in s, left to right and not overlapping."""
    found: list[re.Match] = []
    pos = 0
    # Starts tried in vain for a hint: nothing there reaches a later hint either (the
    # digits of "5.3%" are two hints of one word, whose start is tried once).
    tried: set[int] = set()
    for hint in _HINT_RE.finditer(s):
        h = hint.start()
        if h < pos:
            continue
        for start in _word_starts_before(s, h, pos, _words_back(hint.group())):
            if start in tried:
                continue
            tried.add(start)
            m = _period_at(s, start)
            if m is not None and m.end() > h:
                found.append(m)
                pos = m.end()
                break
    return found


def _explicit_year(m: re.Match, kind: str) -> int | None:
    group = {
        "iso": "iso_y", "mdy": "mdy_y", "dmy": "dmy_y", "my": "my_y", "quarter": "q_y",
        "months3": "m3_y", "half": "half_y", "year": "y", "to_month": "tm_y", "week_of": "wo_y",
        "month_span": "ms_y",
    }.get(kind)  # fmt: skip
    if kind == "qcode":
        value = m.group("qc_y1") or m.group("qc_y2")
    elif kind == "fiscal":
        value = m.group("fy_a") or (m.group("fy") if len(m.group("fy") or "") == 4 else None)
    else:
        value = m.group(group) if group else None
    return int(value) if value else None


def _resolve(
    m: re.Match,
    kind: str,
    default_year: int | None,
    published: date | None,
    context_year: int | None,
) -> tuple[str | None, int | None]:
    """The period string of one mention and the year written in it."""
    year = _explicit_year(m, kind)
    # Without a publication date the article's own last-named year is the best guess.
    fallback = default_year if default_year is not None else None
    if fallback is None and published is None:
        fallback = context_year
    if kind == "year":
        return str(year), year
    if kind == "iso":
        assert year is not None  # the pattern requires an ISO date's year
        y, mo, d = year, int(m.group("iso_m")), int(m.group("iso_d"))
        return (f"{y:04d}-{mo:02d}-{d:02d}" if _valid_date(y, mo, d) else None), year
    if kind in ("mdy", "dmy"):
        mo = _month_number(m.group(f"{kind}_m"))
        d = int(m.group(f"{kind}_d"))
        y = year or _year_for_month(mo, d, fallback, published, look_ahead=True)
        if not year and fallback is None and published and _day_to_come(m, mo, d, published):
            y = published.year
        if y is None or not _valid_date(y, mo, d):
            return None, year
        if kind == "dmy" and m.group("dmy_to"):
            return f"{y:04d}-{mo:02d}", year  # "11-14 March": days of one month
        if kind == "mdy" and m.group("mdy_d2"):
            # "March 11-14": days of one month; "March 30-April 4" ends in April.
            if m.group("mdy_m2"):
                end_month = _month_number(m.group("mdy_m2"))
                y += end_month < mo  # "December 28-January 3" ends the next year
                return f"{y:04d}-{end_month:02d}", year
            return f"{y:04d}-{mo:02d}", year
        return f"{y:04d}-{mo:02d}-{d:02d}", year
    if kind == "my":
        return f"{year:04d}-{_month_number(m.group('my_m')):02d}", year
    if kind == "month_span":
        return _month_span(m, year, fallback, published), year
    if kind == "month_in":
        mo = _month_number(m.group("mi_m"))
        ahead = _APPROACHING_RE.search(
            m.string, max(0, m.start() - 60), m.start()
        ) and not _told_in_the_past(m.string, m.end())
        future = _future_around(m.string, m.start(), m.end())
        if fallback is None and published is not None and (ahead or future):
            # "will arrive at the convention in July": the coming July
            y = published.year + (mo < published.month)
            if ahead and (y, mo) > (published.year, published.month):
                # "Entering the contests in June, Smith leads by 270": the lead is as it
                # stands now, before what it approaches
                return published.isoformat(), year
        elif (
            fallback is None
            and published is not None
            and not _LOOKS_BACK_RE.match(m.group())
            and _day_to_come(m, mo, 1, published)
        ):
            y = published.year  # "the convention is in July"
        else:
            y = _year_for_month(mo, 1, fallback, published)
        return (f"{y:04d}-{mo:02d}" if y else None), year
    if kind == "quarter":
        ordinal = m.group("q_ord").lower().replace("–", "-")
        if ordinal == "last" and not (m.group("q_y") or m.group("q_rel")):
            return _relative("last", "quarter", published), None  # "last quarter": the one before
        q = _ORDINAL_QUARTER[ordinal]
        if m.group("q_rel"):
            rel = _relative(m.group("q_rel"), "year", published)
            return (f"{rel}-Q{q}" if rel else None), year
        y = year or _year_for_month(3 * q - 2, 1, fallback, published)
        return (f"{y:04d}-Q{q}" if y else None), year
    if kind == "qcode":
        q = int(m.group("qc_n"))
        y = year or _year_for_month(3 * q - 2, 1, fallback, published)
        return (f"{y:04d}-Q{q}" if y else None), year
    if kind == "months3":
        q = 1 if m.group("m3_ord").lower() == "first" else 4
        return f"{year:04d}-Q{q}", year
    if kind == "to_month":
        return _months_to(m, year, fallback, published), year
    if kind == "half":
        return str(year), year
    if kind == "fiscal":
        return _fiscal(m), year
    if kind == "rel":
        unit = m.group("rel_u").lower()
        # "over the last year" is the twelve months to now; "the last fiscal year" a year
        twelve_months = unit == "year" and not m.group("rel_f")
        if twelve_months and _THE_BEFORE_RE.search(m.string, max(0, m.start() - 4), m.start()):
            return None, None  # "over the last year": the twelve months to now, no calendar year
        return _relative(m.group("rel_w"), unit, published), None
    if kind == "day_rel":
        if published is None:
            return None, None
        back = 1 if m.group("dr_w").lower() == "yesterday" else 0
        return (published - timedelta(days=back)).isoformat(), None
    if kind == "weekend":
        return _last_weekend(published), None
    if kind == "weekday":
        near = _NEXT_OR_LAST_RE.search(m.string, max(0, m.start() - 14), m.start())
        if near is not None and published is not None:
            return _next_or_last_weekday(m.group("wd"), published, near["word"]), None
        if _FUTURE_BEFORE_DAY_RE.search(m.string, max(0, m.start() - 80), m.start()):
            # "Wyoming will select 23 delegates Saturday": the coming one
            return _coming_weekday(m.group("wd"), published), None
        return _weekday(m.group("wd"), published), None
    if kind == "into_day":
        # "going into Tuesday's primary": a standing figure as it stood that day, the
        # nearest such day (yesterday's primary, or the one two days ahead)
        return _nearest_weekday(m.group("id_wd"), published), None
    if kind == "ago":
        return _ago(m.group("ago_n"), m.group("ago_u"), published), None
    if kind == "week_of":
        mo = _month_number(m.group("wo_m"))
        y = year or _year_for_month(mo, 1, fallback, published)
        return (f"{y:04d}-{mo:02d}" if y else None), year
    if kind == "the_year":
        whole = default_year or context_year or (published.year if published else None)
        return (str(whole) if whole else None), None
    if kind == "that_year":
        # "that year", "the same year": the year named last before, in this sentence or
        # an earlier one; never the publication's, which no one would call "that year"
        named = default_year or context_year
        return (str(named) if named else None), None
    return None, year


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _ago(count: str, unit: str, published: date | None) -> str | None:
    """'four years ago', '3 months ago', 'two weeks ago': the time that long before
    publication, as precise as its unit ("a year ago" is left to the baseline rules:
    it is as often a comparison as a date)."""
    if published is None:
        return None
    if count.isdigit():
        n = int(count)
    else:
        parsed = parse_word_number(count, 0, len(count))
        assert parsed is not None  # the pattern allows only the words "two" to "twelve"
        n = int(parsed[0])
    unit = unit.lower().rstrip("s")
    if unit == "year":
        return str(published.year - n) if published.year - n >= 1 else None
    if unit == "month":
        return _shift_month(published, -n)
    days = n * 7 if unit == "week" else n
    if days >= published.toordinal():
        return None
    return (published - timedelta(days=days)).isoformat()


def _days_back(name: str, published: date) -> int:
    """How many days before publication the last day of that name was (0: that day)."""
    return (published.weekday() - _WEEKDAYS.index(name.lower())) % 7


def _last_weekend(published: date | None) -> str | None:
    """ "over the weekend", "last weekend": the month of the weekend before the
    publication day (its own, when it is published on a Saturday or Sunday)."""
    if published is None:
        return None
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    return f"{saturday.year:04d}-{saturday.month:02d}"


def _weekday(name: str, published: date | None) -> str | None:
    """'on Tuesday': the latest such day on or before publication (news reports the
    past week; a publication day that is a Tuesday is that day)."""
    if published is None:
        return None
    return (published - timedelta(days=_days_back(name, published))).isoformat()


# A verb of what is to come, in the weekday's own clause before it: "will vote on
# Monday", "is scheduled to meet Friday" (not "died Sunday ..., it will be").
_FUTURE_BEFORE_DAY_RE = re.compile(
    r"\b(?:will|won['’]t|shall|(?:is|are)\s+(?:scheduled|set|due|expected)\s+to"
    r"|plans?\s+to)\b[^.;:,()\u2013\u2014]{0,70}$|['’]ll\b[^.;:,()\u2013\u2014]{0,70}$"
)


# "next Wednesday", "last Monday"; not the verb "will last Monday and Tuesday"
_NEXT_OR_LAST_RE = re.compile(
    r"(?<!will\s)(?<!to\s)(?<!would\s)(?<!could\s)(?<!may\s)(?<!might\s)(?<!can\s)"
    r"\b(?P<word>next|last|this\s+coming)\s+$",
    re.IGNORECASE,
)


def _next_or_last_weekday(name: str, published: date, word: str) -> str:
    """ "next Wednesday": the coming one, never the day of publication itself; "last
    Wednesday": the one before it."""
    back = _days_back(name, published)
    step = -(back or 7) if word.lower() == "last" else ((7 - back) % 7 or 7)
    return (published + timedelta(days=step)).isoformat()


def _coming_weekday(name: str, published: date | None) -> str | None:
    """The next day of that name on or after publication."""
    if published is None:
        return None
    return (published + timedelta(days=(7 - _days_back(name, published)) % 7)).isoformat()


def _nearest_weekday(name: str, published: date | None) -> str | None:
    """The day of that name nearest publication, before or after (before on a tie)."""
    if published is None:
        return None
    back = _days_back(name, published)
    ahead = (7 - back) % 7
    day = published + timedelta(days=ahead) if ahead < back else published - timedelta(days=back)
    return day.isoformat()


def _months_to(
    m: re.Match, year: int | None, fallback: int | None, published: date | None
) -> str | None:
    """'the three months to September' and 'the quarter to September' are a quarter; 'the
    12 months to March' is that month."""
    month = _month_number(m.group("tm_m"))
    y = year or _year_for_month(month, 1, fallback, published)
    if y is None:
        return None
    three_months = (m.group("tm_n") or "").lower() in ("three", "3") or m.group("tm_q")
    if three_months and month % 3 == 0:  # "the three months to June", "the quarter to June"
        return f"{y:04d}-Q{month // 3}"
    return f"{y:04d}-{month:02d}"


def _fiscal(m: re.Match) -> str | None:
    """'FY2021' -> 2021; '2012-13' -> 2012 (the year it starts); '2010-2014' is a span."""
    if m.group("fy"):
        fy = m.group("fy")
        return fy if len(fy) == 4 else str(2000 + int(fy))
    first, second = int(m.group("fy_a")), int(m.group("fy_b"))
    if second == first + 1 or (second < 100 and second == (first + 1) % 100):
        return str(first)
    return None


def _start_of(mention: PeriodMention) -> int:
    return mention.start


# A clause with one of these has its own time, which the earlier period is not.
_OWN_TIME_RE = re.compile(r"\b(?:currently|now|today|still|at present|so far|ago)\b")


def _separated(sentence: str, mention: PeriodMention, start: int, end: int) -> bool:
    """Whether a clause boundary keeps the mention from governing [start, end).

    A period read before a clause joined by ", and" carries into it when that
    clause has no time of its own ("rose by 5,000 in March, and the rate held at
    3.5%"), as into a "while" clause that tells of the same past event; one read after
    it does not ("95% effective, and deaths fell in March"), nor does any other period
    across a semicolon, "but", "while" or "whereas", nor one out of
    an aside between dashes ("the firm - which listed in 2001 - employs 300"; into one
    it does: "the vote in 2019 - the first in 12 years - ").
    """
    lo, hi = min(mention.end, end), max(mention.start, start)
    if mention.aside and len(_ASIDE_DASH_RE.findall(sentence, lo, hi)) % 2:
        return True
    if _outside_relative_aside(sentence, mention, start):
        return True  # "the year, which ends in June, is forecast to be $9bn"
    sep = _CLAUSE_SEPARATOR_RE.search(sentence, lo, hi)
    if sep is None:
        return False
    carries = (
        mention.end <= start
        and (sep.group().endswith("and") or _parallel_past(sentence, sep, start))
        and not _OWN_TIME_RE.search(sentence, sep.end(), start)
    )
    return not carries


def _outside_relative_aside(sentence: str, mention: PeriodMention, start: int) -> bool:
    """Whether the mention sits in a relative clause set off by commas (", which ends
    in June,") and the figure at `start` outside it."""
    opened = _IN_RELATIVE_ASIDE_RE.search(sentence, max(0, mention.start - 80), mention.start)
    closing = sentence.find(",", mention.end)
    if opened is None or closing < 0:
        return False  # a clause that ends the sentence may be about its figure
    return not opened.start() <= start < closing


# A contrast clause that tells of the same past event: "Lee won 58% on Tuesday, while
# Ng took 42%" (not "while Ng is expected to take 40%", nor "but then fell").
_PAST_VERB_RE = re.compile(
    r"\b(?:[a-z]+ed|took|won|got|had|was|were|fell|rose|lost|gave|made|drew|came|held"
    r"|grew|saw|beat|led|ran|sold|spent|paid|shed|cut|hit)\b"
)
_NOT_THE_SAME_TIME_RE = re.compile(
    r"\b(?:will|would|could|may|might|expected|forecast|then|later|earlier|before|after"
    r"|since|previously|is|are|has|have)\b"
)


_CLAUSE_WINDOW = 300


def told_of_the_past(sentence: str, start: int, end: int) -> bool:
    """Whether the clause holding [start, end) tells of a past event, all of it then.
    (Looked for within a window: a clause is short, a run-on "sentence" may not be.)"""
    lo = max(0, start - _CLAUSE_WINDOW)
    clause = _clause_around(sentence[lo : end + _CLAUSE_WINDOW], start - lo, end - lo)
    clause = _PERFECT_INFINITIVE_RE.sub(" ", clause)  # "seems to have won": a past result
    return bool(_PAST_VERB_RE.search(clause)) and not _NOT_THE_SAME_TIME_RE.search(clause)


# "to have" before a past participle: "seems to have won" (not "needed to have 40%").
_PERFECT_INFINITIVE_RE = re.compile(
    r"\bto\s+have\b(?=\s+(?:[a-z]+ed|won|lost|got|taken|made|held|had|been|come|run)\b)"
)


def _parallel_past(sentence: str, sep: re.Match, start: int) -> bool:
    if not sep.group().endswith(("while", "whereas")):
        return False
    clause = sentence[sep.end() : start]
    return bool(_PAST_VERB_RE.search(clause)) and not _NOT_THE_SAME_TIME_RE.search(clause)


def nearest_period(
    start: int,
    end: int,
    mentions: list[PeriodMention],
    sentence: str | None = None,
    default: str | None = None,
) -> str | None:
    """The period of the mention closest to [start, end), within MAX_PERIOD_DISTANCE,
    else `default` (the period the sentence's context gives).

    The nearest mention wins even when it is unresolved ("next year" with no
    publication date), so that a farther year never stands in for it.
    """
    best: PeriodMention | None = None
    best_gap: float = MAX_PERIOD_DISTANCE + 1
    # Mentions are sorted and never overlap, so only the last governing one starting
    # before `end` and the first governing one starting at or after it can be nearest
    # (a baseline between them is passed over: "fell 2% in May from the same month
    # last year" is May's figure).
    after = bisect_left(mentions, end, key=_start_of)
    for mention in _governing_around(mentions, after, start, end):
        if sentence is not None and _separated(sentence, mention, start, end):
            continue
        gap: float
        if mention.end <= start:
            gap = start - mention.end
        elif mention.start >= end:
            gap = mention.start - end - 0.5  # a period after the number wins a tie
            if sentence is not None and _ATTACHED_AFTER_RE.fullmatch(sentence, end, mention.start):
                gap = 0.25  # "$5m in 2014, $6m in 2015": each figure's own, not the last's
        else:
            gap = 0
        if gap < best_gap:
            best, best_gap = mention, gap
    if best is None and sentence is not None:
        best = _list_head(sentence, start, mentions)
    return best.period if best else default


# What may stand between a figure and the time phrase that is its own: a place
# ("74% in Zembla last week") and the time's preposition ("$6m in 2015").
_ATTACHED_AFTER_RE = re.compile(
    r"(?:\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"
    r"\s+(?:(?:in|on|during|for|through|over)\s+)?(?:the\s+)?"
)


# How far back from a quantity a colon may open the list it is an item of.
_MAX_LIST_SPAN = 300


def _list_head(sentence: str, start: int, mentions: list[PeriodMention]) -> PeriodMention | None:
    """The mention that heads a list the quantity at `start` is an item of.

    "Sales rose in 2009 at four stores: the first by 5%; the second by 8%; ...": the
    items after the colon are the head clause's, however long the list runs and
    although semicolons part them.
    """
    colon = sentence.rfind(": ", max(0, start - _MAX_LIST_SPAN), start)
    if colon < 0:
        return None
    i = bisect_left(mentions, colon, key=_start_of)
    j = bisect_left(mentions, start, key=_start_of)
    if any(m.governs for m in mentions[i:j]):
        return None  # an item with a period of its own
    head = mentions[i - 1] if i > 0 else None
    if head is None or not head.governs or ";" in sentence[head.end : colon]:
        return None
    return head


# What may stand before the first comma of a sentence besides its period mentions for
# them to frame the whole sentence: "In March, ...", "On 3 May, ...", "From March to
# June, ...", "Last year alone, ...".
_FRAME_FILLER_RE = re.compile(
    r"(?:\s|\b(?:in|on|at|during|for|from|to|through|until|and|between|by|over|of|the|"
    r"end|start|beginning|alone|as)\b|[-–])*",
    re.IGNORECASE,
)


def sentence_frame(sentence: str, mentions: list[PeriodMention]) -> str | None:
    """The period of an opening adverbial that sets the time of the whole sentence.

    "In March, exports rose 4% and imports fell 2%": every figure of the sentence
    is March's, however far it stands from the mention. Only mentions before the
    first comma, with nothing but prepositions between them, form such a frame;
    the last of them wins ("From 3 May to 9 June, ..." is 9 June). A span of years
    ("From 2001 to 2009, ...") frames nothing: no one period stands for it.
    """
    comma = sentence.find(",")
    while comma >= 0 and any(m.start < comma < m.end for m in mentions):
        comma = sentence.find(",", comma + 1)  # "On March 3, 2016, ...": inside the date
    if comma < 0:
        return None
    pos, frame = 0, None
    for mention in mentions:
        if mention.start >= comma:
            break
        filler = _FRAME_FILLER_RE.match(sentence, pos, mention.start)
        assert filler is not None  # the pattern matches the empty string
        if filler.end() != mention.start:
            return None
        pos, frame = mention.end, mention
    if frame is None:
        return None
    filler = _FRAME_FILLER_RE.match(sentence, pos, comma)
    assert filler is not None  # the pattern matches the empty string
    if filler.end() != comma:
        return None
    return frame.period if frame.governs else None


def _governing_around(
    mentions: list[PeriodMention], after: int, start: int, end: int
) -> list[PeriodMention]:
    """The last governing mention before index `after` and the first at or after it,
    looking no further than MAX_PERIOD_DISTANCE from [start, end)."""
    found = []
    for i in range(after - 1, -1, -1):
        if mentions[i].end < start - MAX_PERIOD_DISTANCE:
            break
        if mentions[i].governs:
            found.append(mentions[i])
            break
    for i in range(after, len(mentions)):
        if mentions[i].start > end + MAX_PERIOD_DISTANCE:
            break
        if mentions[i].governs:
            found.append(mentions[i])
            break
    return found


def last_year_named(mentions: list[PeriodMention]) -> int | None:
    """The last explicit year in a sentence, to carry as the article's context; a
    baseline year ("up from the same period in 2009") or a forecast's ("expected to
    double in 2031") is not what the article reports on."""
    for mention in reversed(mentions):
        if mention.year is not None and mention.governs and not mention.forward:
            return mention.year
    return None


# Words that name an opinion poll or survey ("a new poll shows", "surveyed 900 adults"),
# not the day or place of a vote ("polling stations", "voters head to the polls").
_POLL_RE = re.compile(
    r"(?=[PpSs])\b(?:[Pp]oll(?:s|ed|ing)?|[Ss]urvey(?:s|ed)?)\b"
    r"(?<!\bto the polls)(?<!\bat the polls)"
    r"(?!\s+(?:stations?|days?|places?|booths?|cards?|clerks?)\b)"
)
# What every match of _POLL_RE starts with.
_POLL_STEMS = ("poll", "Poll", "survey", "Survey")
# Mentions that can date a poll's fieldwork: days, day ranges, "the first week of May".
_FIELDWORK_KINDS = frozenset({"iso", "mdy", "dmy", "weekday", "week_of"})
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")


def _after_publication(period: str | None, published: date | None) -> bool:
    """Whether a period begins after the day of publication."""
    if period is None or published is None or "Q" in period:
        return False
    return period > published.isoformat()[: len(period)]


def _month_of(period: str | None) -> str | None:
    return period[:7] if period is not None and len(period) >= 7 else None


# What a market report prices, and the verbs that move them.
_MARKET_RE = re.compile(
    r"\b(?:prices?|shares|stocks?|crude|oil|index|indexes|indices|futures|yields?|bonds?|"
    r"Dow|Nasdaq|S&P|FTSE|Nikkei|DAX|dollar|euro|yen|sterling|pound|gold)\b"
)
# The level a price moved from: "rose to $1.12 from $1.11", "fell from about 40".
_MOVED_FROM_RE = re.compile(r"\bfrom\s+(?:about\s+|around\s+)?$")
# A move over a longer span than the day: "for the week", "so far this year".
_LONGER_SPAN_RE = re.compile(
    r"\b(?:for|over|in)\s+the\s+(?:week|month|quarter|year)\b|\b(?:this|last)\s+(?:week|month"
    r"|quarter|year)\b|\byear\s+to\s+date\b|\bso\s+far\b",
    re.IGNORECASE,
)
_MOVE_RE = re.compile(
    r"\b(?:rose|rise|rising|fell|fall|falling|dropped|drop|slid|slipped|gained|gain|lost"
    r"|climbed|jumped|tumbled|plunged|sank|slumped|surged|soared|eased|edged|advanced"
    r"|declined|rallied|closed|settled|finished|ended|traded)\b"
)


def about_a_poll(text: str) -> bool:
    """Whether the article is about a poll: its headline or one of its first three
    paragraphs names one (a lede may open on the finding and name the poll later)."""
    return any(names_poll(text[start:end]) for start, end in paragraph_spans(text)[:4])


def names_poll(sentence: str) -> bool:
    """Whether the text names an opinion poll or survey."""
    if not _may_name_a_poll(sentence):
        return False  # most sentences name no poll: skip the pattern
    return _POLL_RE.search(sentence) is not None


def _may_name_a_poll(text: str) -> bool:
    """False when _POLL_RE cannot match in the text: "[Pp]oll" or "[Ss]urvey" is in
    every match."""
    return "oll" in text or "urvey" in text


def fieldwork_month(
    sentence: str, mentions: list[PeriodMention], published: date | None
) -> str | None:
    """The month a poll named in `sentence` was taken, from its fieldwork dates (the day,
    for a poll of voters leaving the polls).

    "surveyed 900 adults from 28 April through Sunday" is May's poll (the month its
    fieldwork ended); a month alone ("unchanged from the polls in October") is an
    earlier poll's time, not this one's; nor is a day after publication ("the survey
    came ahead of the June 7 primary"): a poll is reported once it has been taken.
    """
    if not names_poll(sentence):
        return None
    for mention in reversed(mentions):
        if _may_be_fieldwork(sentence, mention, published) and mention.period:
            if _names_an_exit_poll(sentence):
                return mention.period  # voters asked as they leave: on the day of the vote
            return _month_of(mention.period)
    return None


# A date right after a figure is that reading's: "from 35 percent on April 3 to 44
# percent on April 14" gives a tracking poll's two readings, not its fieldwork.
_FIGURE_ON_RE = re.compile(r"\d[\d.,]*\s*(?:%|percent|per\s+cent|points?)?\s+(?:on|in)\s+$")


# A day right after a vote is that vote's, whose results the sentence may give: "Okafor
# lost the primary on Tuesday despite leading the polls".
_VOTE_ON_RE = re.compile(rf"\b{_VOTE_WORD}\s+(?:on|in)\s+$", re.IGNORECASE)


def _may_be_fieldwork(sentence: str, mention: PeriodMention, published: date | None) -> bool:
    """Whether a date of a poll's sentence may be its fieldwork's: a day that governs,
    not one after publication (an event to come), right after a figure (that reading's
    own) or a vote (that vote's day), or in a relative clause about a name (that name's
    event)."""
    return (
        mention.kind in _FIELDWORK_KINDS
        and mention.governs
        and not _after_publication(mention.period, published)
        and not _FIGURE_ON_RE.search(sentence, max(0, mention.start - 30), mention.start)
        and not _VOTE_ON_RE.search(sentence, max(0, mention.start - 30), mention.start)
        and not _in_aside_about_a_name(sentence, mention.start)
    )


# Polls taken at the vote itself, on its day: "exit polls showed", "entrance polling".
# A poll of voters as they vote: "exit polls", "an entrance poll", "asked ... upon
# leaving the polls".
_EXIT_POLL_RE = re.compile(
    r"\b(?:exit|entrance)[\s-]+poll|\b(?:leaving|left|exiting)\s+the\s+polls\b", re.IGNORECASE
)


def _names_an_exit_poll(sentence: str) -> bool:
    """Whether the sentence names a poll of voters as they vote ("poll" is in each)."""
    return may_hold_any(sentence, ("poll",)) and _EXIT_POLL_RE.search(sentence) is not None


# A poll or survey named right before a relative clause: "a new Acme poll, which was
# taken on May 3, finds" dates the poll itself.
_POLL_BEFORE_ASIDE_RE = re.compile(r"\b(?:poll|polls|survey|surveys)\s*$", re.IGNORECASE)


def _in_aside_about_a_name(sentence: str, at: int) -> bool:
    """Whether `at` is in a relative clause about a name ("Okafor, who was nominated on
    July 25, leads"), not about the poll."""
    aside = _IN_RELATIVE_ASIDE_RE.search(sentence, max(0, at - 80), at)
    return aside is not None and not _POLL_BEFORE_ASIDE_RE.search(sentence, 0, aside.start())


class ArticleTime:
    """The time context an article gives a sentence, carried from sentence to sentence.

    A figure without a period near it takes the period of an opening adverbial of its
    sentence ("In March, ..."), else that of the poll the article reports on while the
    text is about that poll: everywhere when the headline or opening paragraph names
    a poll, else in the paragraphs that name one. Within a paragraph, a figure of the
    measure an earlier sentence dated takes that sentence's period ("Revenue rose 5%
    in 2019 at Acme. Revenue fell 3% at Globex."). A period does not otherwise carry
    on to later sentences: a figure of another measure is as often a standing one
    ("the firm, founded in 1990, employs 300 people") as one of that period. `year` is
    the last year the article named (it resolves yearless mentions when there is no
    publication date).
    """

    def __init__(
        self, text: str, published: date | None, spans: Sequence[tuple[int, int]] = ()
    ) -> None:
        self.published = published
        self.year: int | None = None
        self.steps: dict[str, str] = {}  # the last quarter and month named (find_periods)
        # The day the last sentence's action was dated to, for a sentence that reports
        # a related action ("The Committee decided today to ... In a related action, ...").
        self.day_before: str | None = None
        self._text = text
        self._pos = 0  # where the last sentence ended
        self._start = self._previous_start = 0  # where this sentence and the last began
        # The period of the paragraph's last share of a group ("74% of voters in the
        # March primary"), for the bare shares that go on describing it (set by assemble).
        self.share_period: str | None = None
        # What vote_day asks of a sentence, found once per sentence (keyed by its start).
        self._own_vote_at = self._vote_years_at = -1
        self._own_vote = False
        self._counting_at = -1  # where the sentence live_count_day last read begins
        self._after_one_of_paragraph = False  # whether a sentence of its paragraph came before
        self._counting = False
        self._vote_years: list[tuple[int, str]] = []
        # Where the text names a poll, found once: most articles name none.
        self._polls = [m.start() for m in matches_from_stems(_POLL_RE, _POLL_STEMS, text)]
        self._poll_period = self._find_poll_period(spans)
        self._poll_article = self._names_poll(0, self._paragraph_end(0))
        self._poll_here = self._poll_article
        self._spans = spans
        # The periods of the measures this paragraph has dated, by folded metric.
        self._measured: dict[tuple[str, ...], str] = {}
        self._pending: dict[tuple[str, ...], str] = {}  # this sentence's, noted at its end

    @cached_property
    def market_day(self) -> str | None:
        """The trading day a market report is about: the day its opening names for a
        move of prices ("Oil prices fell on Friday"), which its later moves without a
        day of their own share ("Brent crude fell 1.2%"). None for any other article."""
        for start, end in self._spans[:4]:
            sentence = self._text[start:end]
            if not (_MARKET_RE.search(sentence) and _MOVE_RE.search(sentence)):
                continue
            for mention in find_periods(sentence, self.published):
                if mention.kind == "weekday" and mention.governs and mention.period:
                    return mention.period
        return None

    def market_move(self, sentence: str, start: int) -> str | None:
        """The market day for a figure of a sentence that moves prices, when the article
        has one; not for the level a price moved from ("rose to $1.12 from $1.11"),
        which is the day before's."""
        if (
            self.market_day
            and not _MOVED_FROM_RE.search(sentence, max(0, start - 12), start)
            and _MARKET_RE.search(sentence)
            and _MOVE_RE.search(sentence)
            and not _LONGER_SPAN_RE.search(sentence)
        ):
            return self.market_day
        return None

    @cached_property
    def about_a_poll(self) -> bool:
        """Whether the article is about a poll (see about_a_poll)."""
        return bool(self._polls) and about_a_poll(self._text)

    @cached_property
    def _event_days(self) -> dict[str, str]:
        """The events the article dates, found when a figure first asks for one: most
        sentences never need them."""
        return _dated_events(self._text, self._spans, self.published)

    @property
    def reports_poll(self) -> bool:
        """Whether the text read now is about a poll: the article's or the paragraph's."""
        return self._poll_here

    def _names_poll(self, start: int, end: int) -> bool:
        """Whether the text names a poll in [start, end)."""
        i = bisect_left(self._polls, start)
        return i < len(self._polls) and self._polls[i] < end

    def _paragraph_end(self, start: int) -> int:
        """Where the paragraph holding `start` ends (at the next blank line)."""
        found = _PARAGRAPH_BREAK_RE.search(self._text, start)
        return found.start() if found else len(self._text)

    def _find_poll_period(self, spans) -> str | None:
        """The month of the poll the article reports: its fieldwork dates where a
        sentence gives them, else the month of publication."""
        if not self._polls:
            return None
        for start, end in spans:
            if self._names_poll(start, end):
                sentence = self._text[start:end]
                month = fieldwork_month(
                    sentence, find_periods(sentence, self.published), self.published
                )
                if month is not None:
                    return month
        return _month_of(self.published.isoformat()) if self.published else None

    @cached_property
    def _vote_day(self) -> str | None:
        """The day of the one vote the article dates, if it dates one."""
        days = {day for kind in _VOTE_EVENTS if (day := self._event_days.get(kind))}
        return days.pop() if len(days) == 1 else None

    def begin_sentence(self, start: int, sentence: str, mentions: list[PeriodMention]) -> None:
        """Enter the sentence at `start`; a blank line before it opens a paragraph.

        A sentence that names the poll and dates its fieldwork ("surveyed 900 adults
        from 3 to 9 May") gives its figures the poll's month, not a fieldwork day.
        """
        self._previous_start, self._start = self._start, start
        new_paragraph = _PARAGRAPH_BREAK_RE.search(self._text, self._pos, start) is not None
        self._after_one_of_paragraph = self._previous_start < start and not new_paragraph
        if new_paragraph:
            self._measured = {}
            self.share_period = None
        if not self._polls:
            return
        if new_paragraph:
            in_paragraph = self._names_poll(start, self._paragraph_end(start))
            self._poll_here = self._poll_article or in_paragraph
        if names_poll(sentence):
            for mention in mentions:
                if mention.kind in _FIELDWORK_KINDS and _after_publication(
                    mention.period, self.published
                ):
                    mention.governs = False  # "a poll taken before the June 14 runoff"
        month = fieldwork_month(sentence, mentions, self.published)
        if month is not None:
            for mention in mentions:
                if _may_be_fieldwork(sentence, mention, self.published):
                    mention.period = month

    def default_period(
        self,
        sentence: str,
        mentions: list[PeriodMention],
        *,
        poll_figure: bool = True,
        poll_carried: bool = False,
    ) -> str | None:
        """The period a figure of this sentence takes when no mention near it governs:
        the sentence's opening adverbial, else (for a figure a poll can report, not an
        age or a duration) the month of the poll the text is about, or whose shares the
        sentence goes on giving (`poll_carried`)."""
        if any(m.kind == "year_span" for m in mentions):
            return None  # "Between 2001 and 2007, growth was 30% lower": of no one period
        frame = sentence_frame(sentence, mentions)
        if frame is not None:
            return frame
        if not mentions and self.day_before and _RELATED_ACTION_RE.match(sentence):
            return self.day_before  # "In a related action, the Board approved ...": that day
        if poll_figure and _names_an_exit_poll(sentence) and self._vote_day:
            return self._vote_day  # an exit poll is taken on the day of the vote
        return self._poll_period if (self._poll_here or poll_carried) and poll_figure else None

    def dated(self, metric: str | None, unit: str | None, period: str | None) -> None:
        """Note that a figure of this sentence measures `metric` in `unit` in `period`."""
        if metric and period:
            self._pending[_measure_key(metric, unit)] = period

    def period_of_measure(
        self, metric: str | None, unit: str | None, sentence: str, start: int, end: int
    ) -> str | None:
        """The period an earlier sentence of the paragraph gave a figure of `metric` in
        `unit` (a share and an amount of one measure are two figures), for the figure
        at [start, end) of the sentence when its clause tells of the past as well ("fell
        by 5% at Globex"; not "will make $2m", "has accumulated $9m"). A target year
        ("$15 an hour by 2030") dates no later figure."""
        period = self._measured.get(_measure_key(metric, unit)) if metric else None
        if period is None or not told_of_the_past(sentence, start, end):
            return None
        if self.published and int(period[:4]) > self.published.year:
            return None
        return period

    def event_day(
        self, sentence: str, start: int, end: int, mentions: list[PeriodMention]
    ) -> str | None:
        """The day of the event whose figure the one at [start, end) of the sentence is
        when it names an event the article dates once ("Voters turned out Tuesday in
        two primaries. ... turnout in the primary reached 44%"), for a figure told
        of as past in a sentence that names no time of its own ("the 2008 primary",
        "two weeks ago")."""
        if (
            not self._event_days
            or _names_own_time(mentions)
            or not told_of_the_past(sentence, start, end)
        ):
            return None  # "the 2008 primary", "two weeks ago"; not "said Wednesday"
        return self._named_event_day(sentence)

    def _named_event_day(self, sentence: str) -> str | None:
        """The day the article dates the event the sentence names, unless the sentence
        may mean another one of its kind ("in the last race", "ahead of the primary")."""
        if _ANOTHER_VOTE_RE.search(sentence):
            return None
        for m in _EVENT_RE.finditer(sentence):
            if _ANOTHER_EVENT_RE.search(
                sentence, max(0, m.start() - 40), m.start()
            ) or _PLACE_AFTER_EVENT_RE.match(sentence, m.end()):
                continue  # "ahead of the primary", "caucuses in Utah": maybe another one
            if (day := self._event_days.get(_event_key(m.group()))) is not None:
                return day
        return None

    def vote_day(
        self, sentence: str, start: int, end: int, unit: str | None, mentions: list[PeriodMention]
    ) -> str | None:
        """The day of the one vote the article dates ("Okafor lost the primary on Tuesday"),
        for a vote's result (a share, delegates, seats) told of as past in a sentence
        that names no poll and no vote of its own (event_day reads those): "Okafor won
        just 31% among retirees", "Lee came fourth, with 8% of the vote"."""
        if unit not in _RESULT_UNITS:
            return None  # "received $2 million", "won 3 titles": no share of a vote
        before = sentence[max(0, start - 80) : start]
        after = _SHARE_OR_STAKE_AFTER_RE.match(sentence, end)
        if not (_RESULT_BEFORE_RE.search(before) or after):
            return None
        if (place := _IN_A_PLACE_AFTER_RE.match(sentence, end, end + 60)) and is_place(
            place["place"].rstrip(".")
        ):
            return None  # "beat her 51% to 36% in Ohio": that state's vote, maybe another
        day = self._vote_day
        if self._names_own_vote(sentence):
            # "won the caucus with 48%": the day the article dates that vote; not a poll's
            # finding, another vote ("the last race") or a time of the sentence's own
            own_time = _names_own_time(mentions)
            day = None if names_poll(sentence) or own_time else self._named_event_day(sentence)
        if day is None:
            return None  # no vote dated, or two votes on different days
        if _MODAL_RE.search(before):
            return None  # "she'd take 8% of the vote": what would happen
        if after and after["stake"]:
            if _VOTE_TO_COME_RE.search(sentence):
                return None  # "Ohio votes next, with 52 delegates at stake": another vote
        elif not told_of_the_past(sentence, start, end):
            return None  # a result is told as past; "214 delegates at stake" as it stands
        if any(at < start and year != day[:4] for at, year in self._years_of_votes(sentence)):
            return None  # "the 2008 primary ... carried the state": an earlier vote
        return day

    def live_count_day(
        self, sentence: str, start: int, unit: str | None, mentions: list[PeriodMention]
    ) -> str | None:
        """The day of the vote whose result is reported while the count goes on, in a
        sentence that says how far it has gone or after one of its paragraph that does
        ("with 94% of precincts reporting, Okafor led. Okafor had 51% to Lee's 47%"):
        the day the article dates its vote, else the day of publication, as live
        results are written on the night of the count. Not for a sentence that names a
        time of its own, a poll or another vote, nor for a share that would be."""
        if self.published is None or unit not in _RESULT_UNITS:
            return None
        if _names_own_time(mentions):
            return None
        if self._counting_at != self._start:  # asked once per sentence
            self._counting_at = self._start
            previous = self.previous_in_paragraph()
            carried = (
                previous
                and _LIVE_COUNT_RE.search(previous)
                and not self._another_result(sentence, of_previous=previous)
            )
            counting = _LIVE_COUNT_RE.search(sentence) or carried
            self._counting = bool(counting) and not self._another_result(sentence)
        if not self._counting or _MODAL_RE.search(sentence[max(0, start - 80) : start]):
            return None
        return self._vote_day or self.published.isoformat()

    def _another_result(self, sentence: str, of_previous: str | None = None) -> bool:
        """Whether the shares of the sentence read now (or of the one before it, when
        `of_previous` gives its text) are not the count going on: a poll's or another
        vote's ("in the last race", "in the 2012 primary")."""
        text = sentence if of_previous is None else of_previous
        year = str(self.published.year) if self.published else None
        years = self._years_of_votes(sentence)  # offsets below 0 are the previous one's
        return bool(
            names_poll(text)
            or _ANOTHER_VOTE_RE.search(text)
            or any((at < 0) == (of_previous is not None) and y != year for at, y in years)
        )

    def _names_own_vote(self, sentence: str) -> bool:
        """Whether the sentence read now names a poll or a vote of its own, or another
        vote ("in the last race"): asked once per sentence."""
        if self._own_vote_at != self._start:
            self._own_vote_at = self._start
            self._own_vote = bool(
                names_poll(sentence)
                or _NAMES_A_VOTE_RE.search(sentence)
                or _ANOTHER_VOTE_RE.search(sentence)
            )
        return self._own_vote

    def _previous_sentence(self) -> str:
        """The text of the sentence read before this one."""
        return self._text[self._previous_start : min(self._pos, self._start)]

    def previous_in_paragraph(self) -> str:
        """The sentence read before this one when it is of the same paragraph, else ""."""
        return self._previous_sentence() if self._after_one_of_paragraph else ""

    def _years_of_votes(self, sentence: str) -> list[tuple[int, str]]:
        """Votes named by a year in the sentence before this one and in this one, with
        their offsets in this sentence (negative for the one before)."""
        if self._vote_years_at != self._start:
            self._vote_years_at = self._start
            previous = self._previous_sentence()
            self._vote_years = [
                (m.start() - len(previous) - 1, m["year"])
                for m in _YEAR_OF_VOTE_RE.finditer(f"{previous} {sentence}")
            ]
        return self._vote_years

    def end_sentence(self, end: int, mentions: list[PeriodMention]) -> None:
        """Leave the sentence ending at `end`, noting the last year it named and the
        measures it dated."""
        self._pos = end
        self._measured.update(self._pending)
        self._pending = {}
        year = last_year_named(mentions)
        if year is not None:
            self.year = year
        for mention in mentions:
            if mention.governs and mention.period and len(mention.period) == 7:
                step = "quarter" if "Q" in mention.period else "month"
                self.steps[step] = mention.period  # what a later "in the quarter" means
        days = [m.period for m in mentions if m.governs and m.period and len(m.period) == 10]
        self.day_before = days[-1] if days else None


def _names_own_time(mentions: list[PeriodMention]) -> bool:
    """Whether a sentence dates its figures itself ("in 2008", "two weeks ago"), so that
    no event or vote the article dates is theirs."""
    return any(m.governs or m.kind == "ago" for m in mentions)


# A sentence that reports an action taken with the one before it.
_RELATED_ACTION_RE = re.compile(
    r"\W*(?:In\s+(?:a\s+)?related\s+(?:actions?|moves?|decisions?)|At\s+the\s+same\s+time)\b"
)


# Events that happen on one day and whose figures (turnout, results, a toll) articles
# report: a primary, a caucus, an attack. Elections and votes are left out: an article
# dating a primary speaks of the general election too.
_EVENT_RE = re.compile(
    r"\b(?:primar(?:y|ies)|caucus(?:es)?|referendum|attack|shooting|massacre|bombing"
    r"|explosion|earthquake)\b"
    # not a modifier of something longer than the day: "the primary calendar"
    r"(?!\s+(?:calendar|season|process|system|schedule|voters?|race|campaign|challengers?"
    r"|opponents?|debates?|candidates?|goers))",
    re.IGNORECASE,
)
# An event a figure is timed against rather than of ("ahead of the primary", "after the
# attack"), or named by a place after it, which may tell it from the one the article
# dates ("caucuses in Utah"): the figure is left undated.
_ANOTHER_EVENT_RE = re.compile(
    r"\b(?:ahead\s+of|before|leading\s+up\s+to|until|after|since|following)\s+"
    r"(?:the\s+)?(?:[a-z]+\s+)?$"
    r"|\b(?:last|previous|prior|earlier|past|next)\s+$",  # "the previous caucus"
    re.IGNORECASE,
)
_PLACE_AFTER_EVENT_RE = re.compile(r"\s+in\s+[A-Z]")
# How long before publication an event the article dates may lie: a month of news.
_EVENT_NEWS_DAYS = 31
# How far a day may stand from the event it dates, in the same clause.
_EVENT_DAY_WINDOW = 50
_EVENT_CLAUSE_BREAK_RE = re.compile(r"[;:\u2014]|\b(?:but|while|whereas|although)\b")


# Events whose results are shares of a vote, by their _event_key, and the units of a
# result: shares, delegates, seats, states.
_VOTE_EVENTS = ("primary", "caucus", "referendum")
_RESULT_UNITS = frozenset({"percent", "percentage point", "delegate", "vote", "seat", "state"})
# A vote's result: the verb that wins or takes a share, in the figure's clause ("won
# just 31% among", "came a distant fourth, with"), or "of the vote" after it.
_RESULT_BEFORE_RE = re.compile(
    r"(?:\b(?:won|took|captured|carried|garnered|received|finished|placed|came\s+in)\b"
    r"[^.;:,]{0,40}(?:,\s+with\s+(?:just\s+|only\s+)?)?(?:just\s+|only\s+|a\s+mere\s+)?"
    # a result over a rival, the figure right after the rival: "beat Kell 51% to 36%"
    r"|\b(?:beat|defeated|trailed|crushed|edged|routed)\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:by\s+)?)$"
)
# A vote still to come: "Ohio votes next, with 52 delegates at stake".
_VOTE_TO_COME_RE = re.compile(r"\b(?:next|upcoming|coming|later)\b", re.IGNORECASE)
_NAMES_A_VOTE_RE = re.compile(rf"\b{VOTE_EVENT}", re.IGNORECASE)
# Another vote than the one the article dates: "in the last race", "the previous primary".
_ANOTHER_VOTE_RE = re.compile(
    r"\b(?:last|previous|prior|earlier|past)\s+(?:race|contest|campaign|cycle)\b", re.IGNORECASE
)
_MODAL_RE = re.compile(rf"(?:\b{MODAL}|['’]d)\s+(?:[a-z]+\s+)?[a-z]+\s*$")
# A vote named by its year: "the 2008 primary", "in 2012's caucuses".
_YEAR_OF_VOTE_RE = re.compile(
    rf"\b(?P<year>(?:19|20)\d\d)(?:['’]s)?\s+(?:[A-Z]\w+\s+)?(?:{VOTE_EVENT}|race\b)",
    re.IGNORECASE,
)
# A count still going on: "with 94 percent of precincts reporting", "with more than
# three-quarters of the results in,", "with all precincts reporting", "with 1,200 of 1,300
# precincts counted". "In" ends its clause: "with 61% of the vote in Zembla" is a result.
_LIVE_COUNT_RE = re.compile(
    r"\bwith\s+(?:(?:about|almost|nearly|roughly|around|more\s+than|over|just\s+over|virtually)\s+)?"
    r"(?:(?:\d+(?:\.\d+)?\s*(?:%|percent\b|per\s+cent\b)|half|most|\d[\d,]*"
    r"|(?:one|two|three)[- ](?:thirds?|quarters?))\s+of|all(?:\s+of)?)\s+"
    r"(?:the\s+)?(?:\d[\d,]*\s+)?(?:expected\s+)?(?:precincts|results|votes?|ballots)\s+"
    r"(?:reporting|counted|tallied|in(?=\s*(?:[,.;:)\u2014\u2013]|--|$)))",
    re.IGNORECASE,
)
# What follows a vote's figure: "12% of the vote", "214 delegates at stake".
_SHARE_OR_STAKE_AFTER_RE = re.compile(
    r"\s+(?:of\s+the\s+(?:[\w'’-]+\s+){0,2}vote\b"
    r"|(?:[a-z]+\s+)?(?P<stake>at\s+stake|up\s+for\s+grabs)\b)"
)
# A place the figure's clause names after it: "51% to 36% in Westmarch".
_IN_A_PLACE_AFTER_RE = re.compile(
    r"[^,;.]*?\bin\s+(?:the\s+)?(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})"
)


def _event_key(word: str) -> str:
    word = word.lower()
    return "primary" if word.startswith("primar") else word.removesuffix("es")


_LONGEST_DAY = 40  # the longest day mention: "Monday night", "February 29, 2016"


def _dated_events(
    text: str, spans: Sequence[tuple[int, int]], published: date | None
) -> dict[str, str]:
    """The day of each kind of event the article dates once: "turned out Tuesday in five
    primaries", "Sunday's shooting", "the attack on June 12". A kind the article dates on
    two days is left undated."""
    if published is None:
        return {}
    earliest = (published - timedelta(days=_EVENT_NEWS_DAYS)).isoformat()
    found: dict[str, set[str]] = {}
    for start, end in spans:
        sentence = text[start:end]
        events = list(_EVENT_RE.finditer(sentence))
        if not events:
            continue
        days = [  # a recent day: the news of an event, not one still to come
            m
            for m in find_periods(sentence, published)
            # a day that names an event ("Monday's caucus") dates it in any tense but the
            # future ("hopes to win Saturday's primary": a day to come)
            if (m.governs or (m.kind == "weekday" and _names_past_event(sentence, m)))
            and m.period
            and len(m.period) == 10
            and m.kind != "ago"
            and earliest <= m.period <= published.isoformat()
        ]
        starts = [day.start for day in days]
        for event in events:
            # only the days near the event: a run of events and days stays linear
            first = bisect_left(starts, event.start() - _EVENT_DAY_WINDOW - _LONGEST_DAY)
            last = bisect_left(starts, event.end() + _EVENT_DAY_WINDOW + 1)
            for day in days[first:last]:
                gap = max(day.start - event.end(), event.start() - day.end)
                between = sentence[min(day.end, event.end()) : max(day.start, event.start())]
                if gap <= _EVENT_DAY_WINDOW and not _EVENT_CLAUSE_BREAK_RE.search(between):
                    found.setdefault(_event_key(event.group()), set()).add(str(day.period))
    return {event: days.pop() for event, days in found.items() if len(days) == 1}


def _measure_key(metric: str, unit: str | None) -> tuple[str, ...]:
    """A metric's words folded, the last one singular ("Revenues" and "revenue" are one
    measure), and the unit."""
    words = fold_words(metric)
    return (*words[:-1], singular(words[-1]), str(unit)) if words else ()


# A baseline stated years back from the figure it is compared with: "up from 4.9% a
# year earlier", "down from $194m in the same month last year", "than 3% a year ago",
# "from 1.3 million a decade earlier", "from 40% two years before".
_YEAR_AGO_AFTER_RE = re.compile(
    r"\s*(?:in\s+|during\s+|for\s+)?(?:the\s+same\s+(?:month|quarter|period|week|day|time)"
    r"\s+(?:of\s+|in\s+)?)?(?:(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r"\s+(?P<unit>years?|decades?)\s+(?:earlier|ago|before)|last\s+year"
    r"|the\s+(?:previous|prior)\s+year|(?:12|twelve)\s+months\s+(?:earlier|ago|before))\b",
    re.IGNORECASE,
)
_YEARS_IN_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
# "more than", "less than" and "fewer than" before a number approximate it; they
# compare nothing.
_BASELINE_WORD_BEFORE_RE = re.compile(
    r"\b(?:from|(?<!more\s)(?<!less\s)(?<!fewer\s)than|compared\s+(?:with|to)|against"
    r"|versus|vs\.?|(?:short|shy)\s+of)\s+(?:\S+\s+){0,3}$",
    re.IGNORECASE,
)


def baseline_period(sentence: str, start: int, end: int, period: str | None) -> str | None:
    """The period of a quantity that is a baseline years before the figure it is compared
    with ("up from 4.9% a year earlier", "from 1.3m a decade earlier"): `period` (the
    figure's) that many years back; else None."""
    back = _YEAR_AGO_AFTER_RE.match(sentence, end)
    if not period or not back:
        return None
    if not _BASELINE_WORD_BEFORE_RE.search(sentence, max(0, start - 40), start):
        return None
    years = 1
    if back["n"]:
        n = back["n"].lower()
        years = int(n) if n.isdigit() else _YEARS_IN_WORDS[n]
        years *= 10 if back["unit"].lower().startswith("decade") else 1
    year = int(period[:4]) - years
    return f"{year:04d}{period[4:]}" if _WELL_FORMED_RE.match(f"{year:04d}{period[4:]}") else None


# Between a compared figure and its own period: "compared with 33% last month", "down
# from 4.9% in May", "than 12,000 during 2019", "from £40,000 it gave four years ago"
# (a short relative clause of a pronoun and its verb in the past), "shy of the 53%
# record set in 1998" (the record's participle).
_OWN_PERIOD_GAP_RE = re.compile(
    r"\s*(?:(?:that|which)\s+)?(?:(?:it|he|she|they|we)\s+[a-z]+(?:ed|id|ave|ade|ent|on)\s+)?"
    r"(?:(?:[a-z]+\s+){0,2}(?:set|recorded|reached|seen|hit|posted)\s+)?"
    r"(?:(?:in|during|for|at\s+the\s+end\s+of)\s+)?$",
    re.IGNORECASE,
)


def baseline_mentions(
    sentence: str, spans: list[tuple[int, int]], mentions: list[PeriodMention]
) -> dict[int, PeriodMention]:
    """The period mentions that belong to one figure alone, by the figure's index in
    `spans` ((start, end) of each quantity): "28% of voters, compared with 33% last
    month" gives "last month" to the 33%, and the 28% does not take it; "since peaking
    in 2006 at $5.2 billion" gives 2006 to the peak alone."""
    own: dict[int, PeriodMention] = {}
    by_end = {m.end: m for m in mentions if m.period and not m.governs}
    for index, (start, end) in enumerate(spans):
        at = _VALUE_AT_BEFORE_RE.search(sentence, max(0, start - 24), start)
        if at is not None and at.start() in by_end:
            own[index] = by_end[at.start()]  # "since peaking in 2006 at $5.2 billion"
            continue
        if not _BASELINE_WORD_BEFORE_RE.search(sentence, max(0, start - 40), start):
            continue
        for mention in mentions:
            if (
                0 <= mention.start - end <= 30
                and mention.period
                and _OWN_PERIOD_GAP_RE.match(sentence[end : mention.start])
            ):
                own[index] = mention
                break
        else:
            if (earlier := own.get(index - 1)) and _PARALLEL_BASELINE_RE.fullmatch(
                sentence, earlier.end, start
            ):
                # "X rose from 30% in May and Y fell from 45%": May's too
                own[index] = earlier
    return own


# A clause joined to one whose baseline a time dated, giving a baseline of its own with
# none: "... rose from 30% in May and Lee's fell from 45%"; not one that moves the
# time on ("and has since risen from", "but hopes to recover from").
_PARALLEL_BASELINE_RE = re.compile(
    r"\s*,?\s+(?:and|while|but|whereas)\s+"
    r"(?![^,;:.()\d]*\b(?:since|now|then|to|will|would|could|may|might|expects?|hopes?"
    r"|wants?|plans?)\b)"
    r"[^,;:.()\d]{0,60}?\bfrom\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?"
)


# Between a number and the "N years ago" that dates it: a few words, no comparison
# ("$5m two years ago", "800 staff four years ago"; not "40% higher than five years ago").
_AGO_GAP_RE = re.compile(
    r"(?:\s+(?!(?:than|on|from|since|compared|versus|against)\b)[\w'’-]+){0,3}\s+"
)


def attached_ago(sentence: str, end: int, mentions: list[PeriodMention]) -> PeriodMention | None:
    """The "N years ago" right after the number ending at `end` that dates it, or None."""
    for mention in mentions:
        if mention.kind == "ago" and mention.period and mention.start >= end:
            gap = sentence[end : mention.start]
            return mention if _AGO_GAP_RE.fullmatch(gap) else None
    return None


def present_of_comparison(baselines: Iterable[PeriodMention], published: date | None) -> str | None:
    """The time a figure compared with "N years ago" is of: now, the publication's year
    (month, day) as precise as the baseline ("gave £9,000, down from £40,000 four
    years ago": this year's £9,000). None without such a baseline or a date."""
    if published is None:
        return None
    for mention in baselines:
        if mention.kind == "ago" and mention.period:
            return published.isoformat()[: len(mention.period)]
    return None


# A state said of the present, in the figure's clause: "now has 621 delegates",
# "currently leads by 270", "continues to trail by 90", "remains at 37". Not a plan or
# a wish about it ("now expect prices to rise by 1%", "is currently pushing for a $15
# minimum"). Not "still", which as often opens a contrast ("still fell short of 88").
_NOW_BEFORE_RE = re.compile(
    r"\b(?:now|currently|presently|at\s+present|so\s+far|to\s+date|thus\s+far"
    # a state that goes on ("continues to lead"), not an act ("continues to insist"); a
    # level that stays ("remains at"), not a verb of the clause ("it remains unclear")
    r"|continues\s+to(?=\s+(?:lead|trail|hold|have|has|sit|stand|poll|run|stay|top|rank)"
    r"\w*\b)|remains(?=\s+(?:at|above|below|about|around|near|close|roughly|just|only|"
    r"some|under|over)\b))\b"
    r"(?P<gap>[^,;:.()\u2013\u2014]{0,80})$"
)
# ... or right after it: "spent $45m to date", "has raised $9m so far".
_NOW_AFTER_RE = re.compile(r"\s+(?:[\w$£€,.'’-]+\s+){0,2}?(?:to\s+date|so\s+far|thus\s+far)\b")
_NOT_A_STATE_RE = re.compile(
    r"\b(?:to|expects?|expected|plans?|planned|wants?|hopes?|aims?|seeks?|push\w*|calls?"
    r"|propos\w*|will|would|could|may|might|should|if|faces?)\b"
)


_WORD_IN_GAP_RE = re.compile(r"[a-z]{2,}")


def stated_now(
    sentence: str, start: int, published: date | None, end: int | None = None
) -> str | None:
    """The publication day for a figure its clause says is so now ("he now has 621
    delegates", "has spent $45m to date"), else None."""
    if published is None:
        return None
    if end is not None and _NOW_AFTER_RE.match(sentence, end):
        return published.isoformat()
    m = _NOW_BEFORE_RE.search(sentence, max(0, start - 90), start)
    if m is None or not _WORD_IN_GAP_RE.search(m["gap"]) or _NOT_A_STATE_RE.search(m["gap"]):
        return None  # "Jo Rivers, now 74": an age, said without a verb of state
    return published.isoformat()


def without(mentions: list[PeriodMention], taken: Iterable[PeriodMention]) -> list[PeriodMention]:
    """The mentions, those taken by a compared figure no longer governing the others."""
    taken_ids = {id(m) for m in taken}
    return [replace(m, governs=False) if id(m) in taken_ids else m for m in mentions]


# Measures that statistics offices publish every month, about the month before: a
# current figure stated without a period is the latest release's ("with the jobless
# rate at 5 percent" in an article of early November is October's).
_MONTHLY_MEASURE_RE = re.compile(
    r"\b(?:unemployment|jobless(?:ness)?)\s+rate\b|^(?:unemployment|joblessness)$"
    r"|\bnonfarm\s+payrolls?\b"
    r"|\bpayrolls?\b|\bjobs?\s+(?:added|created|growth)\b|\binflation(?:\s+rate)?$"
    r"|\bconsumer\s+prices?\b|\bconsumer\s+price\s+index\b|\bcpi\b"
    # the labour market's other monthly measures
    r"|\bparticipation\s+rate\b|\bemployment[-\s]population\s+ratio\b"
    r"|\baverage\s+(?:hourly\s+earnings|workweek)\b",
    re.IGNORECASE,
)


# Estimates of a person's wealth, which the rich lists revise every year.
_WEALTH_MEASURE_RE = re.compile(
    r"(?:(?:estimated|personal|total)\s+)?(?:net\s+worth|wealth|fortune)", re.IGNORECASE
)
# A verb that reports an estimate in the figure's clause, in any tense: the estimate is the
# latest one made.
_ESTIMATED_BEFORE_RE = re.compile(
    r"\b(?:peg|pegged|put|placed?|valued?|estimated?|listed|ranked)\b[^,.;]*$", re.IGNORECASE
)
# A time clause that dates a fortune to then: "when he took office", "before the crash".
_THEN_CLAUSE_RE = re.compile(r"\b(?:when|before|after|once|until|at\s+its\s+peak)\b")
_THEN_REACH = 60  # characters either side of the figure


def wealth_year(
    metric: str | None, sentence: str, start: int, end: int, published: date | None
) -> str | None:
    """The year of publication for a wealth estimate stated as it stands or as an estimate
    made ("puts his net worth at $9bn", "Beacon pegged him at $3bn"): such estimates
    are revised every year, so each is of the year it is made. Not a fortune told of as
    past ("his fortune was $2bn when he sold the firm"), which the sentence dates, if
    anything does."""
    if published is None or not metric or not _WEALTH_MEASURE_RE.fullmatch(metric):
        return None
    if _THEN_CLAUSE_RE.search(sentence, max(0, start - _THEN_REACH), end + _THEN_REACH):
        return None  # "estimated his fortune at $1bn when he took office": then
    if told_of_the_past(sentence, start, end) and not _ESTIMATED_BEFORE_RE.search(
        sentence, max(0, start - 60), start
    ):
        return None  # "was worth $2bn in his youth"; not "Beacon pegged him at $3bn"
    return str(published.year)


def is_monthly_measure(metric: str | None) -> bool:
    """Whether a metric is one a statistics office publishes every month for a country."""
    if not metric:
        return False
    return _MONTHLY_MEASURE_RE.search(metric) is not None


# A nation's accounts, published by quarter or year: its output and its budget.
_NATIONAL_ACCOUNT_RE = re.compile(
    r"^(?:real\s+|nominal\s+)?(?:gdp|gnp|gross\s+domestic\s+product|economic\s+growth"
    r"|(?:federal\s+budget|federal|budget|trade|current[\s-]account)\s+deficit)$",
    re.IGNORECASE,
)


def is_national_measure(metric: str | None) -> bool:
    """Whether a metric is a country's statistic: a monthly release's, or its output's
    or budget's ("real GDP", "economic growth", "the federal deficit")."""
    return is_monthly_measure(metric) or bool(metric and _NATIONAL_ACCOUNT_RE.match(metric))


# A goal named after its level: "the Board's 3 percent medium-term objective", "its
# symmetric 2 percent inflation objective", "a 3% target".
_AIM_AFTER_RE = re.compile(
    r"(?:\s+(?:per\s?cent|percent))?\s+"
    r"(?:(?!above|below|over|under|of|than|the)[\w-]+\s+){0,2}(?:objectives?|goals?|targets?)\b"
)
# A goal or threshold named before its level, in the figure's clause: "its objectives of
# maximum employment and 2 percent inflation", "a return to 2 percent inflation", "as long
# as the unemployment rate remains above 7 percent", "aim to achieve inflation
# moderately above 2 percent", "so that inflation averages 2 percent".
_AIM_BEFORE_RE = re.compile(
    r"\b(?:objectives?|goals?)\s+of\s+(?:[\w-]+\s+){0,5}$"
    r"|\b(?:return|returning)\s+(?:back\s+)?to\s+(?:the\s+[\w’'-]+\s+|its\s+)?$"
    r"|\b(?:as\s+long\s+as|until|past\s+the\s+time\s+that)\s+[^.;,]{0,60}?"
    r"\b(?:above|below|reaches|rises\s+to|falls\s+to|declines\s+to)\s+$"
    r"|\baims?\s+to\s+[^.;,]{0,50}?\b(?:above|below|at|of|around)\s+$"
    # a purpose: "so that inflation averages 2 percent over time"
    r"|\bso\s+that\s+[^.;,]{0,40}?\b(?:averages|reaches|remains\s+at)\s+$",
    re.IGNORECASE,
)


def is_an_aim(sentence: str, start: int, end: int) -> bool:
    """Whether the figure at [start, end) is a goal or a threshold the sentence sets,
    not a reading of a time: a standing figure (CLAIM-SPEC `period`)."""
    return bool(
        _AIM_AFTER_RE.match(sentence, end)
        or _AIM_BEFORE_RE.search(sentence, max(0, start - 90), start)
    )


def latest_release(metric: str | None, published: date | None) -> str | None:
    """The month of the latest monthly release a measure's current figure comes from,
    or None for another measure or no date: the month before publication, or the one
    before that early in a month: before the first Friday from the 3rd on, the day
    the US jobs report, the earliest of the monthly releases, usually comes out
    (other countries' and price indexes come later in the month)."""
    if published is None or not is_monthly_measure(metric):
        return None
    release = 3 + (4 - published.replace(day=3).weekday()) % 7
    return _shift_month(published, -2 if published.day < release else -1)
