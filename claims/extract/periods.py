"""When a quantity applies: period mentions in a sentence, resolved to YYYY[-QN|-MM[-DD]].

A sentence is scanned once with one compiled regex for explicit dates, months,
quarters, fiscal years, plain years and relative expressions ("last year").
Mentions without a year of their own ("the fourth quarter", "1 July") take it
from the sentence, else from the publication date, else from the last year the
article named before. The numbers module also uses the mention spans to skip
the digits of dates and years, which say *when* and are not claims.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta

from claims.extract.units import is_plural_noun

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
_ORDINAL_QUARTER = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "final": 4, "last": 4,
}  # fmt: skip

_PERIOD_RE = re.compile(
    rf"""
      (?P<iso>\b(?P<iso_y>{_YEAR})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)\b)
    | (?P<mdy>\b(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!,?\d)
          (?:,?\s+(?P<mdy_y>{_YEAR})\b)?)
    | (?P<dmy>\b(?P<dmy_d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmy_m>{_MONTH})(?![\w])
          (?:,?\s+(?P<dmy_y>{_YEAR})\b)?)
    | (?P<my>\b(?P<my_m>{_MONTH})(?:\s+of)?,?\s+(?P<my_y>{_YEAR})\b)
    | (?P<quarter>\b(?P<q_ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)
          [\s-]quarter\b(?:\s+(?:of|in)\s+(?:(?P<q_y>{_YEAR})\b|(?P<q_rel>this|last|next)\s+year))?)
    | (?P<qcode>\b(?:(?P<qc_y1>{_YEAR})\s*)?Q(?P<qc_n>[1-4])(?:\s*(?P<qc_y2>{_YEAR})\b)?\b)
    | (?P<months3>\b(?P<m3_ord>first|last|final)\s+three\s+months\s+of\s+(?P<m3_y>{_YEAR})\b)
    | (?P<to_month>\b(?:(?P<tm_n>three|3|twelve|12)\s+months|(?P<tm_year>year))\s+to\s+
          (?:the\s+end\s+of\s+)?(?P<tm_m>{_FULL_MONTH})\b(?:,?\s+(?P<tm_y>{_YEAR})\b)?)
    | (?P<half>\b(?:first|second|last)\s+(?:half|six\s+months)\s+of\s+(?P<half_y>{_YEAR})\b)
    | (?P<fiscal>\b(?:FY\s?|fiscal\s+(?:year\s+)?)(?P<fy>{_YEAR}|\d\d)\b
          | \b(?P<fy_a>{_YEAR})[-/–](?P<fy_b>\d\d|{_YEAR})\b(?![-/–]?\d))
    | (?P<month_in>\b(?:in|since|during|by|until|through|last|this|next|early|late|mid-|end\s+of)
          \s+(?P<mi_m>{_FULL_MONTH})\b(?!,?\s*(?:of\s+)?\d))
    | (?P<rel>\b(?P<rel_w>last|this|next)\s+(?P<rel_u>year|month|quarter)\b(?!['’]s))
    | (?P<day_rel>\b(?P<dr_w>[Tt]oday|[Yy]esterday)\b(?!['’]s))
    | (?P<the_year>\b(?:over|during|for|in|through)\s+the\s+year\b(?!['’]s|\s+(?:to|before|ago)))
    | (?P<year>(?<![\d$£€¥,.#/-])\b(?P<y>{_YEAR})\b(?![.,]\d|\s?(?:%|per\s?cent|percent|bn\b|m\b))
          (?!['’]?s\b)(?![-/]\d))
    """,
    re.VERBOSE,
)

# A year before a plural noun is a count ("2000 people") unless a preposition
# makes it a time ("in 2004 sales rose").
_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)")
_TEMPORAL_BEFORE_RE = re.compile(
    r"\b(?:in|since|by|until|till|from|of|during|before|after|for|to|through|between|and|"
    r"early|late|mid|circa|c\.)\s*$",
    re.IGNORECASE,
)

# "the lowest since 1918": the year is a baseline the quantity is compared with.
_BASELINE_BEFORE_RE = re.compile(r"\bsince\s+$", re.IGNORECASE)
# A period beyond one of these belongs to another clause: "95% effective, and deaths fell
# in March"; "up 4% in 2004; sales ...".
_CLAUSE_SEPARATOR_RE = re.compile(r";|,\s+(?:and|but|while|whereas)\b")

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
    """Whether "today"/"yesterday" at [start, end) dates a report rather than a figure."""
    return bool(
        _REPORT_BEFORE_RE.search(s, max(0, start - 40), start)
        or _REPORT_AFTER_RE.match(s, end, end + 40)
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


def _month_number(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _valid_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _year_for_month(month: int, day: int, default_year: int | None, published: date | None):
    """Year of a month/day mentioned without one: the latest not after publication."""
    if default_year is not None:
        return default_year
    if published is None:
        return None
    if (month, day) > (published.month, published.day):
        return published.year - 1
    return published.year


def _shift_month(published: date, delta: int) -> str:
    index = published.year * 12 + published.month - 1 + delta
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _relative(word: str, unit: str, published: date | None) -> str | None:
    if published is None:
        return None
    delta = {"last": -1, "this": 0, "next": 1}[word.lower()]
    if unit == "year":
        return str(published.year + delta)
    if unit == "month":
        return _shift_month(published, delta)
    index = published.year * 4 + (published.month - 1) // 3 + delta
    return f"{index // 4:04d}-Q{index % 4 + 1}"


def _is_count_not_year(s: str, start: int, end: int) -> bool:
    """'2000 people' is a count; 'in 2004 sales rose' and 'the 2016 congress' are times."""
    nxt = _NEXT_WORD_RE.match(s, end)
    if not nxt or not is_plural_noun(nxt.group(1)):
        return False
    before = s[max(0, start - 12) : start]
    return not _TEMPORAL_BEFORE_RE.search(before) and not before.rstrip().lower().endswith("the")


def find_periods(
    s: str,
    published: date | None = None,
    context_year: int | None = None,
) -> list[PeriodMention]:
    """Period mentions in `s` (one sentence), resolved where the text allows.

    `context_year` is the last year the article named before this sentence; it
    resolves yearless mentions only when the publication date is unknown.
    """
    mentions = []
    year_before: int | None = None  # the last year written earlier in this sentence
    for m in _period_matches(s):
        kind = m.lastgroup if m.lastgroup in _KINDS else _kind_of(m)
        if kind == "year" and _is_count_not_year(s, m.start(), m.end()):
            continue
        if kind == "day_rel" and _inside_name(s, m.start()):
            continue
        period, year = _resolve(m, kind, year_before, published, context_year)
        if period is not None and not _WELL_FORMED_RE.match(period):
            period = None  # e.g. "last year" against a publication date in year 1
        governs = not _BASELINE_BEFORE_RE.search(s, max(0, m.start() - 8), m.start())
        if kind == "day_rel" and _day_of_report(s, m.start(), m.end()):
            governs = False
        mentions.append(PeriodMention(m.start(), m.end(), period, year, governs))
        if year is not None:
            year_before = year
    return mentions


# Every period expression contains one of these; the big regex is tried only at
# the starts of the few words before each hint, because running it over every
# position of every sentence costs more than the rest of numeric extraction.
_HINT_RE = re.compile(
    r"\d+|Q[1-4]|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|quarter|half|year|month"
    r"|[Tt]oday|[Yy]esterday"
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
    if first == "Q" or hint.lower() in ("today", "yesterday"):
        return 0  # "Q3", "today", "yesterday" start their expression
    if hint in ("quarter", "half"):
        return 1  # "first quarter", "first half of 2005"
    return 2  # "end of March", "over the year", "last three months"


def _period_matches(s: str) -> list[re.Match]:
    """Matches of _PERIOD_RE in s, left to right and not overlapping."""
    found: list[re.Match] = []
    pos = 0
    for hint in _HINT_RE.finditer(s):
        h = hint.start()
        if h < pos:
            continue
        for start in _word_starts_before(s, h, pos, _words_back(hint.group())):
            m = _PERIOD_RE.match(s, start)
            if m is not None and m.end() > h:
                found.append(m)
                pos = m.end()
                break
    return found


_KINDS = (
    "iso", "mdy", "dmy", "my", "quarter", "qcode", "months3", "to_month", "half", "fiscal",
    "month_in", "rel", "day_rel", "the_year", "year",
)  # fmt: skip


def _kind_of(m: re.Match) -> str:
    for kind in _KINDS:
        if m.group(kind) is not None:
            return kind
    return "year"


def _explicit_year(m: re.Match, kind: str) -> int | None:
    group = {
        "iso": "iso_y", "mdy": "mdy_y", "dmy": "dmy_y", "my": "my_y", "quarter": "q_y",
        "months3": "m3_y", "half": "half_y", "year": "y", "to_month": "tm_y",
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
        y, mo, d = year, int(m.group("iso_m")), int(m.group("iso_d"))
        return (f"{y:04d}-{mo:02d}-{d:02d}" if _valid_date(y, mo, d) else None), year
    if kind in ("mdy", "dmy"):
        mo = _month_number(m.group(f"{kind}_m"))
        d = int(m.group(f"{kind}_d"))
        y = year or _year_for_month(mo, d, fallback, published)
        if y is None or not _valid_date(y, mo, d):
            return None, year
        return f"{y:04d}-{mo:02d}-{d:02d}", year
    if kind == "my":
        return f"{year:04d}-{_month_number(m.group('my_m')):02d}", year
    if kind == "month_in":
        mo = _month_number(m.group("mi_m"))
        y = _year_for_month(mo, 1, fallback, published)
        return (f"{y:04d}-{mo:02d}" if y else None), year
    if kind == "quarter":
        ordinal = m.group("q_ord").lower()
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
        return _relative(m.group("rel_w"), m.group("rel_u").lower(), published), None
    if kind == "day_rel":
        if published is None:
            return None, None
        back = 1 if m.group("dr_w").lower() == "yesterday" else 0
        return (published - timedelta(days=back)).isoformat(), None
    if kind == "the_year":
        y = default_year or context_year or (published.year if published else None)
        return (str(y) if y else None), None
    return None, year


def _months_to(
    m: re.Match, year: int | None, fallback: int | None, published: date | None
) -> str | None:
    """'the three months to September' is a quarter; 'the 12 months to March' is that month."""
    month = _month_number(m.group("tm_m"))
    y = year or _year_for_month(month, 1, fallback, published)
    if y is None:
        return None
    if (m.group("tm_n") or "").lower() in ("three", "3") and month % 3 == 0:
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
    3.5%"); one read after it does not ("95% effective, and deaths fell in March"),
    nor does any period across a semicolon, "but", "while" or "whereas".
    """
    sep = _CLAUSE_SEPARATOR_RE.search(sentence, min(mention.end, end), max(mention.start, start))
    if sep is None:
        return False
    carries = (
        mention.end <= start
        and sep.group().endswith("and")
        and not _OWN_TIME_RE.search(sentence, sep.end(), start)
    )
    return not carries


def nearest_period(
    start: int, end: int, mentions: list[PeriodMention], sentence: str | None = None
) -> str | None:
    """The period of the mention closest to [start, end), within MAX_PERIOD_DISTANCE.

    The nearest mention wins even when it is unresolved ("next year" with no
    publication date), so that a farther year never stands in for it.
    """
    best: PeriodMention | None = None
    best_gap = MAX_PERIOD_DISTANCE + 1
    # Mentions are sorted and never overlap, so only the last one starting before
    # `end` and the first one starting at or after it can be nearest.
    after = bisect_left(mentions, end, key=_start_of)
    for mention in mentions[max(0, after - 1) : after + 1]:
        if not mention.governs:
            continue
        if sentence is not None and _separated(sentence, mention, start, end):
            continue
        if mention.end <= start:
            gap = start - mention.end
        elif mention.start >= end:
            gap = mention.start - end - 0.5  # a period after the number wins a tie
        else:
            gap = 0
        if gap < best_gap:
            best, best_gap = mention, gap
    return best.period if best else None


def last_year_named(mentions: list[PeriodMention]) -> int | None:
    """The last explicit year in a sentence, to carry as the article's context."""
    for mention in reversed(mentions):
        if mention.year is not None:
            return mention.year
    return None
