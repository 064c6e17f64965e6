"""Checks: each claim of a linked key beside the official value for its period.

For every live numeric claim whose key a person linked to a reference series
(claims.reference_links), the check reads the series' latest vintage at the
claim's period and says, in words, how the two compare. The period must be one
of the series' frequency: a monthly claim against a monthly series, a dated
claim (YYYY-MM-DD) against a daily one, a year against an annual one. A claim
whose period is of another frequency is reported as a frequency mismatch and
never compared (a monthly unemployment rate is not its year's average), and a
claim without a period cannot be checked. When a key is linked to several series
(the daily and the monthly Brent price), each claim is checked against those of
its own frequency, and reported as a mismatch only when none fits.

Tolerance: a figure in the news is rounded, so it matches when the official
value rounds to it. The rounding is half a unit in the last digit the claim's
surface writes, scaled like its value: "3.5%" allows 0.05, "4%" 0.5, "$1.2bn"
$50m, "$85.12" half a cent. An approximate figure ("about", "nearly", "around",
...) is allowed a whole unit of its last digit; a bound ("more than 5,000",
"less than 3%") matches any official value on its side, with the rounding; a
range matches an official value inside it, with the rounding.

Differences are in points for claims in percent ("differs by 0.4 points") and
relative to the official value for money and everything else ("differs by 2.1%").
A suggestion never sets a status: confirm() does, when a person chooses to,
through the review log (claims.store.set_status) with the suggestion as the note
and the series' URL as the evidence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

import sqlite_utils

from claims import reference, reference_links, store
from claims.groups import split_claim_ids
from claims.model import ClaimsError
from claims.normalise import normalise_metric, normalise_subject

# Statuses a person can confirm from a check: the figure is right, or it is not.
CONFIRMABLE = ("verified", "disputed")

MATCH = "match"
DIFFERS = "differs"
NO_FIGURE = "no official figure"
MISMATCH = "frequency mismatch"
NO_PERIOD = "no period"

_ADJECTIVE = {"day": "daily", "month": "monthly", "quarter": "quarterly", "year": "annual"}
_PERIOD_FORMS = (
    ("year", re.compile(r"\d{4}")),
    ("quarter", re.compile(r"\d{4}-Q[1-4]")),
    ("month", re.compile(r"\d{4}-\d{2}")),
    ("day", re.compile(r"\d{4}-\d{2}-\d{2}")),
)
_WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
# "nearly 9%" is rounded, not a bound (as in claims.groups).
_APPROXIMATE = frozenset(
    {"about", "around", "roughly", "nearly", "almost", "some", "approximately", "close to"}
)
_LOWER_BOUND = frozenset({"more than", "over", "at least", "above", "upwards of"})
_UPPER_BOUND = frozenset({"less than", "fewer than", "up to", "under", "below", "at most"})
# Units whose differences read as points, not as a share of the official value.
_POINT_UNITS = {"percent": "points", "percentage point": "points", "basis point": "basis points"}
# Floating-point slack: 3.6 - 3.55 is not quite 0.05.
_EPSILON = 1e-9


@dataclass(frozen=True)
class Check:
    """One claim against one series. `difference` is claim value - official value;
    `outcome` is one of: match, differs, no official figure, frequency mismatch,
    no period (only the first two have an official value)."""

    claim_id: int
    series: str
    vintage: int | None
    period: str | None
    claim_value: float
    official_value: float | None
    difference: float | None
    outcome: str
    suggestion: str
    tolerance: float | None
    series_url: str | None

    def to_dict(self) -> dict:
        return asdict(self)


def period_frequency(period: str | None) -> str | None:
    """The frequency a claim's period is written at: "2016" year, "2016-Q2" quarter,
    "2016-05" month, "2016-05-17" day; None for no period."""
    text = (period or "").strip()
    return next((name for name, form in _PERIOD_FORMS if form.fullmatch(text)), None)


def tolerance(claim: dict) -> float:
    """Half a unit in the last digit the claim's surface writes, in the value's scale
    (the module's docstring states the whole rule)."""
    match = _WRITTEN_NUMBER.search(claim.get("surface") or "")
    if match is None:
        return 0.0
    written = float(match.group().replace(",", ""))
    decimals = len(match.group(1) or "")
    anchor = abs(claim["low"] if claim.get("low") is not None else claim["value"])
    scale = 1.0
    if written and anchor:
        # "$1.2bn" is 1.2 written, 1.2e9 meant: the scale word's power of ten.
        scale = 10.0 ** round(math.log10(anchor / written))
    return 0.5 * 10.0**-decimals * scale


def _agrees(claim: dict, official: float, rounding: float) -> bool:
    """Whether the official value is what the claim says, within its rounding."""
    approx = (claim.get("approx") or "").strip().lower()
    slack = rounding * (2 if approx in _APPROXIMATE else 1) + _EPSILON * max(1.0, abs(official))
    low, high = claim.get("low"), claim.get("high")
    if low is not None and high is not None:
        return low - slack <= official <= high + slack
    value = claim["value"]
    if approx in _LOWER_BOUND:
        return official >= value - slack
    if approx in _UPPER_BOUND:
        return official <= value + slack
    return abs(value - official) <= slack


def describe_difference(difference: float, official: float, unit_key: str) -> str:
    """ "differs by 0.4 points" for rates, "differs by 2.1%" (of the official value)
    for money and counts."""
    if unit_key in _POINT_UNITS:
        return f"differs by {_short(abs(difference))} {_POINT_UNITS[unit_key]}"
    if official == 0:
        return f"differs by {_short(abs(difference))}"
    return f"differs by {_short(abs(difference) / abs(official) * 100)}%"


def _short(number: float) -> str:
    """A number as a person reads it: three significant digits, no exponent."""
    if number >= 1000:
        return f"{number:,.0f}"
    return f"{float(f'{number:.3g}'):g}"


def official_text(value: float) -> str:
    """An official value in words a reader takes in: 21.4 trillion, 3.6, 85.12."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:.4g} {word}"
    return f"{value:,.10g}" if abs(value) >= 1000 else f"{value:.10g}"


# ---------------------------------------------------------------- checking


@dataclass(frozen=True)
class _Series:
    name: str
    frequency: str
    unit_key: str
    url: str | None
    vintage: int | None
    values: dict[str, float]


class _SeriesCache:
    """Each series' latest vintage, read once per run however many claims use it."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.loaded: dict[str, _Series] = {}

    def get(self, link: dict) -> _Series:
        name = link["series"]
        if name not in self.loaded:
            row = reference.series_row(self.db, name)
            vintage = _latest_vintage(self.db, row["id"])
            values = dict(reference.observations(self.db, name, vintage)) if vintage else {}
            self.loaded[name] = _Series(
                name, row["frequency"], link["unit_key"], row["url"], vintage, values
            )
        return self.loaded[name]


def _latest_vintage(db: sqlite_utils.Database, series_id: int) -> int | None:
    return db.execute(
        "SELECT max(vintage) FROM reference_imports WHERE series_id = ?", [series_id]
    ).fetchone()[0]


def check_claims(
    db: sqlite_utils.Database,
    *,
    series: str | None = None,
    subject: str | None = None,
    metric: str | None = None,
    claim_ids: Iterable[int] | None = None,
) -> list[Check]:
    """The checks of every live numeric claim in a linked key, by claim id then series.

    Filters: `series` (a series' name; unknown names are refused), `subject` and
    `metric` (in words, keyed as claims are: "United States", "unemployment rate"),
    `claim_ids`.
    """
    links = reference_links.links(db, series=series)
    if subject:
        links = [row for row in links if row["subject_key"] == normalise_subject(subject)]
    if metric:
        wanted = normalise_metric(metric)
        links = [row for row in links if wanted in (row["metric_key"], _rate_of(row))]
    wanted_ids = None if claim_ids is None else {int(i) for i in claim_ids}
    split = set(split_claim_ids(db))
    claims: dict[int, dict] = {}
    links_of: dict[int, list[dict]] = {}
    for link in links:
        for claim in _claims_of_link(db, link):
            if claim["id"] in split or (wanted_ids is not None and claim["id"] not in wanted_ids):
                continue
            claims[claim["id"]] = claim
            links_of.setdefault(claim["id"], []).append(link)
    cache = _SeriesCache(db)
    found = []
    for claim_id in sorted(claims):
        linked = [cache.get(link) for link in links_of[claim_id]]
        found += checks_of_claim(claims[claim_id], linked)
    return found


def _rate_of(link: dict) -> str:
    # "unemployment" typed for a key stored as "unemployment rate" (normalise.key_columns).
    return link["metric_key"].removesuffix(" rate")


def check_claim(db: sqlite_utils.Database, claim_id: int) -> list[Check]:
    """The checks of one claim (none when its key is linked to no series): what the
    claim detail shows. An unknown id is refused."""
    claim = store.get_claim(db, claim_id)
    if claim["kind"] != "numeric" or claim["value"] is None or claim["vanished"]:
        return []
    if claim["id"] in split_claim_ids(db):
        return []  # a person took it out of its group: not the linked figure
    key = (claim["subject_key"], claim["metric_key"], claim["unit_key"])
    cache = _SeriesCache(db)
    linked = [cache.get(link) for link in reference_links.series_for_key(db, key)]
    return checks_of_claim(claim, linked)


_CLAIM_SQL = (
    "SELECT id, value, low, high, approx, surface, period, unit_key FROM claims "
    "WHERE metric_key = ? AND subject_key = ? AND unit_key = ? AND kind = 'numeric' "
    "AND vanished = 0 AND value IS NOT NULL ORDER BY id"
)


def _claims_of_link(db: sqlite_utils.Database, link: dict) -> list[dict]:
    found = []
    for subject_key, metric_key in reference_links.names_of_link(db, link):
        cursor = db.execute(_CLAIM_SQL, [metric_key, subject_key, link["unit_key"]])
        names = [d[0] for d in cursor.description]
        found += [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    return found


def checks_of_claim(claim: dict, linked: list[_Series]) -> list[Check]:
    """One claim against the series linked to its key (see the module's docstring)."""
    frequency = period_frequency(claim["period"])
    if frequency is None:
        reason = (
            "cannot be checked: the claim has no period"
            if not claim["period"]
            else f"cannot be checked: the claim's period {claim['period']!r} is not a date"
        )
        return [_unchecked(claim, series, NO_PERIOD, reason) for series in linked]
    fitting = [series for series in linked if series.frequency == frequency]
    if not fitting:
        return [
            _unchecked(
                claim,
                series,
                MISMATCH,
                f"frequency mismatch: claim is {_ADJECTIVE[frequency]}, "
                f"series is {_ADJECTIVE[series.frequency]}",
            )
            for series in linked
        ]
    return [_compare(claim, series) for series in fitting]


def _unchecked(claim: dict, series: _Series, outcome: str, suggestion: str) -> Check:
    return Check(
        claim_id=claim["id"],
        series=series.name,
        vintage=series.vintage,
        period=claim["period"],
        claim_value=claim["value"],
        official_value=None,
        difference=None,
        outcome=outcome,
        suggestion=suggestion,
        tolerance=None,
        series_url=series.url,
    )


def _compare(claim: dict, series: _Series) -> Check:
    period = claim["period"].strip()
    official = series.values.get(period)
    if official is None:
        return _unchecked(claim, series, NO_FIGURE, f"no official figure for {period}")
    rounding = tolerance(claim)
    difference = claim["value"] - official
    if _agrees(claim, official, rounding):
        outcome, suggestion = MATCH, "matches the official figure within tolerance"
    else:
        outcome = DIFFERS
        suggestion = describe_difference(difference, official, series.unit_key)
    return Check(
        claim_id=claim["id"],
        series=series.name,
        vintage=series.vintage,
        period=period,
        claim_value=claim["value"],
        official_value=official,
        difference=round(difference, 10),
        outcome=outcome,
        suggestion=f"{suggestion} (official {official_text(official)})",
        tolerance=rounding,
        series_url=series.url,
    )


# ---------------------------------------------------------------- a person confirms


def confirm(
    db: sqlite_utils.Database,
    claim_id: int,
    status: str,
    *,
    reviewer: str,
    series: str | None = None,
    expected_version: int | None = None,
) -> dict:
    """Set a claim verified or disputed from its check, as a person decided: through
    the review log, the check's suggestion as the note, the series' URL as evidence.
    Returns the claim. Refused when the claim has no official figure to go by, or
    has several (then `series` names the one)."""
    if status not in CONFIRMABLE:
        raise ClaimsError(f"A check confirms {' or '.join(CONFIRMABLE)}, not {status!r}.")
    compared = [
        check
        for check in check_claim(db, claim_id)
        if check.official_value is not None and (series is None or check.series == series)
    ]
    if not compared:
        raise ClaimsError(f"Claim {claim_id} has no official figure to confirm a status by.")
    if len(compared) > 1:
        names = ", ".join(repr(check.series) for check in compared)
        raise ClaimsError(f"Claim {claim_id} is checked against {names}: name one series.")
    check = compared[0]
    note = f"{check.series}, vintage {check.vintage}, {check.period}: {check.suggestion}"
    evidence = check.series_url if _is_web_address(check.series_url) else None
    return store.set_status(
        db,
        claim_id,
        status,
        note=note,
        reviewer=reviewer,
        evidence_url=evidence,
        expected_version=expected_version,
    )


def _is_web_address(url: str | None) -> bool:
    # An imported series may carry any text as its URL; evidence must be a web address.
    if not url:
        return False
    return re.match(r"^https?://[^\s/]+", url) is not None
