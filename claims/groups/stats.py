"""A group computed from its claims: median, agreement, flags and first appearance.

No database here: the rows come from claims/groups/reads.py.

Disagreement (see Tolerance): a claim is an *outlier* when its value is further
from the group's median than the tolerance, and only outliers put a group in
dispute: a baseline ("up from 4.9% a year earlier") has a period of its own and
so never disputes the current value. A claim has *changed* when a later source
repeats the first appearance's figure with another value (8.5% quoted later as
"nearly 9%"): shown, but no dispute by itself. The median counts each source
once (the median of its own claims), so a source repeating itself does not
outvote the others.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields

from claims.groups.labels import key_names, label
from claims.matching import DEFAULT_TOLERANCE, Tolerance
from claims.normalise import (
    ClaimKey,
    as_lead,
    normalise_metric,
    normalise_subject,
    unit_label,
)

# Approximators that make a value a bound rather than a point ("more than 5,000").
# "nearly 9" and "about 9" stay point figures: rounded, not bounds.
_LOWER_BOUND_WORDS = frozenset({"more than", "over", "at least", "above", "upwards of"})
_UPPER_BOUND_WORDS = frozenset({"less than", "fewer than", "up to", "under", "below", "at most"})


@dataclass
class ClaimGroup:
    """One key's claims with their agreement, spread and first appearance.

    `claims` rows carry, besides the stored fields and the source's title,
    publisher and url: `deviation` (value - median), `outlier`, `changed`
    (differs from the first appearance in a later source), `first` (is the
    first appearance) and `note` (why it is flagged, for people).
    """

    key: ClaimKey
    subject: str | None
    metric: str | None
    unit: str
    claims: list[dict]
    median: float | None
    min: float | None
    max: float | None
    spread: float | None
    relative_spread: float | None
    allowed_deviation: float | None
    n_claims: int
    n_sources: int
    first: dict | None
    outliers: list[int] = field(default_factory=list)
    changed: list[int] = field(default_factory=list)
    split_claim_id: int | None = None
    revised: list[int] = field(default_factory=list)

    @property
    def label(self) -> str:
        """How a person reads the key: "North Korea · GDP · percent · 2020"."""
        row = {"subject": self.subject, "metric": self.metric, "period": self.key.period}
        return label({**row, **key_names(self.key), "unit_key": self.key.unit})

    @property
    def flagged(self) -> bool:
        """True when the group's sources disagree: some value is off the median.

        A figure that changed on repetition but within tolerance ("8.5%" later quoted
        as "8.6%") is marked on its claim, not a dispute.
        """
        return bool(self.outliers)

    def summary(self) -> dict:
        """The group without its claims: one row of a table of groups."""
        row = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "claims"}
        row.update(
            subject_key=self.key.subject,
            metric_key=self.key.metric,
            unit_key=self.key.unit,
            period=self.key.period,
            key=tuple(self.key),
            label=self.label,
            flagged=self.flagged,
            n_outliers=len(self.outliers),
            n_changed=len(self.changed),
        )
        return row


def build_group(
    key: ClaimKey,
    rows: Sequence[dict],
    tolerance: Tolerance = DEFAULT_TOLERANCE,
    *,
    split_claim_id: int | None = None,
) -> ClaimGroup:
    """Compute a group's median, spread, flags and first appearance from its claim rows.

    Rows need id, source_id, value, low, high, approx, published, subject and
    metric; they are returned earliest publication first, flags added.
    """
    # Earliest publication first; same-day sources in the order they were stored.
    claims = sorted((dict(r) for r in rows), key=_publication_order)
    values = [c["value"] for c in claims]
    if not claims:
        return _empty_group(key)
    for claim in claims:
        claim["revised"] = is_revised_estimate(claim)
    current = [c for c in claims if not c["revised"]] or claims
    median = statistics.median(_one_value_per_source(current))
    allowed = tolerance.allowed(key.unit, median)
    first = current[0]
    outliers, changed, revised = [], [], []
    for claim in claims:
        claim["deviation"] = claim["value"] - median
        claim["first"] = claim is first
        # An estimate the text says was revised is history, not a disagreement.
        claim["outlier"] = not claim["revised"] and not _agrees(claim, median, allowed)
        claim["changed"] = not claim["revised"] and _changed_since_first(claim, first)
        claim["note"] = _flag_note(claim, first, median)
        if claim["outlier"]:
            outliers.append(claim["id"])
        if claim["changed"]:
            changed.append(claim["id"])
        if claim["revised"]:
            revised.append(claim["id"])
    low, high = min(values), max(values)
    subject, metric = spell_name(
        [(c.get("subject"), c.get("metric")) for c in claims], key.subject, key.metric
    )
    return ClaimGroup(
        key=key,
        subject=subject,
        metric=metric,
        unit=unit_label(key.unit),
        claims=claims,
        median=median,
        min=low,
        max=high,
        spread=high - low,
        relative_spread=(high - low) / abs(median) if median else None,
        allowed_deviation=allowed,
        n_claims=len(claims),
        n_sources=len({c["source_id"] for c in claims}),
        first=_first_appearance(first),
        outliers=outliers,
        changed=changed,
        split_claim_id=split_claim_id,
        revised=revised,
    )


def _empty_group(key: ClaimKey) -> ClaimGroup:
    return ClaimGroup(
        key, None, None, unit_label(key.unit), [], None, None, None, None, None, None, 0, 0, None
    )


def _publication_order(claim: Mapping) -> tuple:
    # Undated sources go last: they cannot be anybody's first appearance.
    return (claim.get("published") is None, claim.get("published") or "", claim["id"])


def _one_value_per_source(claims: Iterable[Mapping]) -> list[float]:
    by_source: dict[int, list[float]] = defaultdict(list)
    for claim in claims:
        by_source[claim["source_id"]].append(claim["value"])
    return [statistics.median(values) for values in by_source.values()]


def _agrees(claim: Mapping, median: float, allowed: float) -> bool:
    """Whether a claim is consistent with the median, reading ranges and bounds as such."""
    value, low, high = claim["value"], claim.get("low"), claim.get("high")
    if low is not None and high is not None:
        return low - allowed <= median <= high + allowed
    approx = (claim.get("approx") or "").lower()
    if approx in _LOWER_BOUND_WORDS:
        return median >= value - allowed
    if approx in _UPPER_BOUND_WORDS:
        return median <= value + allowed
    return abs(value - median) <= allowed


def _changed_since_first(claim: Mapping, first: Mapping) -> bool:
    # A repetition is the figure in a later (or same-day) source other than the first.
    if claim is first or claim["source_id"] == first["source_id"]:
        return False
    if claim.get("published") is None:
        return False
    return not math.isclose(claim["value"], first["value"], rel_tol=1e-9, abs_tol=1e-12)


# "was revised down from 157,000", "revised its estimate upward from 2.1%": the number
# after "from" in a revision is the estimate it replaced.
_REVISED_FROM_RE = re.compile(
    r"\brevis(?:e|ed|es|ing)\b(?:[^.;:]|\.\d){0,60}?\bfrom\s+(?:(?:about|around|nearly|some)\s+)?$",
    re.IGNORECASE,
)


def is_revised_estimate(claim: Mapping) -> bool:
    """Whether the claim's own sentence says its figure was revised to another."""
    sentence, start = claim.get("sentence"), claim.get("sentence_start")
    if not sentence or start is None or claim.get("surface_start") is None:
        return False
    offset = claim["surface_start"] - start
    return bool(_REVISED_FROM_RE.search(sentence[max(0, offset - 100) : max(0, offset)]))


def _flag_note(claim: Mapping, first: Mapping, median: float) -> str | None:
    if claim.get("revised"):
        return "an earlier estimate, revised in the same sentence"
    notes = []
    if claim["outlier"]:
        notes.append(f"{_number(claim['value'])} is off the median of {_number(median)}")
    if claim["changed"]:
        notes.append(
            f"first stated as {_number(first['value'])} "
            f"({first.get('source_title') or 'source ' + str(first['source_id'])}, "
            f"{first.get('published') or 'undated'})"
        )
    return "; ".join(notes) or None


def _number(value: float) -> str:
    return f"{value:,.6g}"


def _first_appearance(claim: Mapping) -> dict:
    names = (
        "id",
        "source_id",
        "source_title",
        "source_publisher",
        "source_url",
        "published",
        "value",
        "surface",
        "speaker",
    )
    first = {name: claim.get(name) for name in names}
    first["claim_id"] = first.pop("id")
    return first


def spell_name(
    pairs: Iterable[tuple[str | None, str | None]], key_subject: str, key_metric: str
) -> tuple[str | None, str | None]:
    """(subject, metric) of a group for people: each claim's fields written as its key
    reads them (a trailer's "margin behind X" is X's lead, as_lead), then spelled."""
    canonical = [as_lead(subject, metric) for subject, metric in pairs]
    return (
        _spelling([s for s, _ in canonical], key_subject, normalise_subject),
        _spelling([m for _, m in canonical], key_metric, normalise_metric),
    )


def _spelling(values: Sequence[str | None], key: str, normalise) -> str | None:
    """How to write a key for people: the commonest spelling that is the key itself
    ("Federal Open Market Committee" over "Committee", which matching completed to it),
    else the commonest of all."""
    return _most_common(v for v in values if v and normalise(v) == key) or _most_common(values)


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None
