"""How a person reads a group's key: "North Korea · GDP · percent · 2020"."""

from __future__ import annotations

from collections.abc import Mapping

from claims.matching import MATCHED_PREFIX
from claims.membership import STANDING_PREFIX
from claims.normalise import ClaimKey, unit_label


def is_standing(period: str | None) -> bool:
    """Whether a group key's period is a standing figure's magnitude, not a period."""
    return period is not None and period.startswith(STANDING_PREFIX)


def period_label(period: str | None) -> str:
    """How a person reads a group's period: a standing figure's names its size, since
    one name can hold standing figures of several sizes."""
    if period is None:
        return "every period"
    if is_standing(period):
        size = float(period[len(STANDING_PREFIX) :])
        return (
            f"no period, about {size:,.0f}" if size.is_integer() else f"no period, about {size:g}"
        )
    return period


def label(row: Mapping) -> str:
    """How a person reads a key: "North Korea · gross domestic product · percent · 2020"."""
    # An article's spelling reads best, but not one the key dropped ("Today", "our").
    subject = (row.get("subject") or row["subject_key"]) if row["subject_key"] else ""
    metric = (row.get("metric") or row["metric_key"]) if row["metric_key"] else ""
    if subject.startswith(MATCHED_PREFIX):
        subject = ""  # a key taken from matching context, not a name
    if metric.startswith(MATCHED_PREFIX):
        metric = ""
    parts = [subject, metric, unit_label(row["unit_key"]) or "number"]
    parts.append(period_label(row.get("period")))
    return " · ".join(p for p in parts if p)


def key_names(key: ClaimKey) -> dict:
    """A key's name as a row's columns: {subject_key, metric_key}."""
    return {"subject_key": key.subject, "metric_key": key.metric}
