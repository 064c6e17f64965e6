"""Helpers the dashboard needs that deserve unit tests: no Streamlit here.

- The escaped HTML of a claim's sentence within its paragraph, with the claim
  highlighted. Every piece of article text goes through html.escape; the only
  tags in the result are the ones written below.
- Query parameters <-> ClaimFilter, so that a URL reproduces a claims view.
- Small formatting helpers (values, safe links, markdown escaping).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from claims.model import KINDS, STATUSES, ClaimsError, parse_id, period_bounds
from claims.normalise import ClaimKey
from claims.query import SORTABLE, ClaimFilter

if TYPE_CHECKING:  # groups imports the store; render needs only the type
    from claims.groups import ClaimGroup

# Longest stretch of paragraph kept on either side of a sentence, so that a
# wall of text without line breaks still shows as a readable excerpt.
CONTEXT_CHARS = 600

# ---------------------------------------------------------------- highlighting


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (run of text between line breaks) holding text[start:end]."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    return para_start, len(text) if para_end == -1 else para_end


def context_html(
    text: str,
    sentence_start: int,
    sentence_end: int,
    surface_start: int | None = None,
    surface_end: int | None = None,
    *,
    context: bool = True,
    max_context: int = CONTEXT_CHARS,
) -> str:
    """The sentence (within its paragraph when `context`) as escaped HTML.

    The sentence is wrapped in <span class="cl-sentence"> and the claim's
    surface in <mark>. Offsets outside the text are clamped rather than
    trusted: a broken offset must never raise on a page.
    """
    n = len(text)
    s0 = max(0, min(sentence_start, n))
    s1 = max(s0, min(sentence_end, n))
    if surface_start is None or surface_end is None:
        m0 = m1 = s0
    else:
        m0 = max(s0, min(surface_start, s1))
        m1 = max(m0, min(surface_end, s1))
    if context:
        p0, p1 = paragraph_bounds(text, s0, s1)
        p0, p1 = max(p0, s0 - max_context), min(p1, s1 + max_context)
    else:
        p0, p1 = s0, s1
    clipped_left = context and p0 > 0 and text[p0 - 1] != "\n"
    clipped_right = context and p1 < n and text[p1] != "\n"
    before = ("… " if clipped_left else "") + text[p0:s0]
    after = text[s1:p1] + (" …" if clipped_right else "")
    sentence = _esc(text[s0:m0])
    if m1 > m0:
        sentence += f"<mark>{_esc(text[m0:m1])}</mark>"
    sentence += _esc(text[m1:s1])
    return (
        f'<div class="cl-context">{_esc(before)}'
        f'<span class="cl-sentence">{sentence}</span>{_esc(after)}</div>'
    )


def claim_context_html(source_text: str, claim: Mapping) -> str:
    """context_html for a stored claim (offsets into its source's text)."""
    return context_html(
        source_text,
        claim["sentence_start"],
        claim["sentence_end"],
        claim.get("surface_start"),
        claim.get("surface_end"),
    )


HIGHLIGHT_CSS = """
<style>
.cl-context { line-height: 1.6; padding: .5rem .75rem; border-left: 3px solid #c9c9c9;
  background: rgba(127,127,127,.06); border-radius: 4px; white-space: pre-wrap; }
.cl-sentence { background: rgba(255, 221, 87, .25); }
.cl-context mark { background: #ffd43b; color: #000; padding: 0 .15em; border-radius: 3px;
  font-weight: 600; }
.cl-meta { color: #666; font-size: .85rem; }
</style>
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def escape_html(text: object) -> str:
    """Any value as text safe to place inside our own HTML tags."""
    return _esc("" if text is None else str(text))


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")


def escape_markdown(text: object) -> str:
    """Backslash-escape every character markdown (and Streamlit's extras) reacts to.

    For the rare places where text must pass through markdown (widget labels).
    Newlines become spaces so that text cannot open a block of its own.
    """
    flat = " ".join(("" if text is None else str(text)).split())
    return _MD_SPECIAL.sub(r"\\\1", flat)


_HTTP_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)


def safe_url(url: object) -> str | None:
    """The URL if it is a plain http(s) link, else None (javascript:, data:, junk)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    return url if _HTTP_URL.match(url) else None


def format_number(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4g}" if abs(value) >= 1e4 else f"{value:g}"


def format_value(claim: Mapping) -> str:
    """A claim's figure as a person would say it, its approximator in words:
    "2 to 2.25%", "more than 3%", "about 5,000 job"."""
    low, high, value = claim.get("low"), claim.get("high"), claim.get("value")
    if low is not None and high is not None and low != high:
        figure = f"{format_number(low)} to {format_number(high)}"
    elif value is not None:
        figure = format_number(value)
    else:
        return ""
    # "More than 3%" is a bound and "about 3%" a rounding: a sign such as "~" would say
    # the same of both, so the article's own word is kept.
    approx = " ".join(str(claim.get("approx") or "").split())
    unit = claim.get("unit") or ""
    amount = f"{figure}%" if unit in PERCENT_UNITS else f"{figure} {unit}".strip()
    return f"{approx} {amount}".strip()


# Units written as a sign glued to the number, as articles write them ("3.5%").
PERCENT_UNITS = frozenset({"percent", "%"})


def truncate(text: object, limit: int = 200) -> str:
    """One line of at most `limit` characters (for tooltips and tables)."""
    flat = " ".join(("" if text is None else str(text)).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


# ---------------------------------------------------------------- the claims table

# A table cell cannot highlight part of its text, and article text is never HTML: the
# claim's own words are set between these marks in its sentence.
FIGURE_MARKS = ("«", "»")


def sentence_with_figure(
    sentence: object, surface: object, *, limit: int = 220, before: int = 40
) -> str:
    """The sentence as one line with the claim's words marked («8.5 per cent»), at most
    `before` characters of it ahead of them (a table cell shows its first words) and
    `limit` in all; an ellipsis says where words were left out."""
    flat = " ".join(("" if sentence is None else str(sentence)).split())
    words = " ".join(("" if surface is None else str(surface)).split())
    at = _find_words(flat, words)
    if at < 0:
        return truncate(flat, limit)
    start = 0
    if at > before:
        # From the first whole word within `before` characters of the figure.
        space = flat.find(" ", at - before, at)
        start = space + 1 if space >= 0 else at - before
    opening, closing = FIGURE_MARKS
    marked = ("…" if start else "") + (
        f"{flat[start:at]}{opening}{words}{closing}{flat[at + len(words) :]}"
    )
    return truncate(marked, limit)


def _find_words(text: str, words: str) -> int:
    """Where `words` stand in `text` as whole words ("2 percent" not inside "1/2
    percentage"), else anywhere; -1 if absent."""
    if not words:
        return -1
    whole = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text)
    return whole.start() if whole else text.find(words)


# The claims table's columns, in order. A column empty on every row of a page is left out
# (a page of quotes has no figure), except these, which say what each row is.
CLAIMS_TABLE_COLUMNS = ("id", "status", "sentence", "figure", "subject", "metric", "period",
                        "speaker", "published", "source", "kind", "confidence")  # fmt: skip
CLAIMS_TABLE_ALWAYS = frozenset({"id", "status", "sentence", "kind"})


def claims_table(rows: Iterable[Mapping]) -> tuple[list[dict], list[str]]:
    """A page of claims (claims.query.list_claims) as the Claims table shows it: one record
    per claim, and the columns that hold anything on this page. Blanks are None, shown
    as empty cells."""
    records = [
        {
            "id": r["id"],
            "status": str(r.get("status") or "").replace("_", " "),
            "sentence": sentence_with_figure(r.get("sentence"), r.get("surface")),
            "figure": format_value(r) or None,
            "subject": _text_or_none(r.get("subject")),
            "metric": _text_or_none(r.get("metric")),
            "period": _text_or_none(r.get("period")),
            "speaker": _text_or_none(r.get("speaker")),
            "published": _text_or_none(r.get("published")),
            "source": _text_or_none(r.get("source_title")),
            "kind": r.get("kind"),
            "confidence": r.get("confidence"),
        }
        for r in rows
    ]
    shown = [
        name for name in CLAIMS_TABLE_COLUMNS
        if name in CLAIMS_TABLE_ALWAYS or any(rec[name] is not None for rec in records)
    ]  # fmt: skip
    return records, shown


def _text_or_none(value: object) -> str | None:
    text = "" if value is None else " ".join(str(value).split())
    return text or None


# ---------------------------------------------------------------- query params

# Query-parameter names of the claims view (short, readable in a shared link).
PARAM_NAMES = {
    "search": "q",
    "status": "status",
    "kind": "kind",
    "source_id": "source",
    "speaker": "speaker",
    "subject": "subject",
    "metric": "metric",
    "unit": "unit",
    "period_from": "period_from",
    "period_to": "period_to",
    "published_from": "published_from",
    "published_to": "published_to",
    "min_confidence": "min_conf",
    "assigned_to": "assignee",
}
VIEW_PARAMS = ("sort", "desc", "page", "claim")
DEFAULT_SORT = "published"


@dataclass
class ClaimsView:
    """Everything a claims URL carries: the filter, the order, the page, the open claim."""

    filter: ClaimFilter = field(default_factory=ClaimFilter)
    sort: str = DEFAULT_SORT
    descending: bool = True
    page: int = 1
    claim_id: int | None = None
    # Parameters that could not be understood, as messages for the person.
    problems: list[str] = field(default_factory=list)


def _as_list(raw: object) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, str):
        items = [raw]
    elif isinstance(raw, Iterable):
        items = [str(x) for x in raw]
    else:
        items = [str(raw)]  # one value alone, as _as_text takes it
    # A list may also arrive comma-joined (hand-written links).
    return [part.strip() for item in items for part in item.split(",") if part.strip()]


def _as_text(raw: object) -> str | None:
    items = raw if isinstance(raw, list) else [raw]
    values = [str(x) for x in items if x is not None and str(x).strip()]
    return values[-1].strip() if values else None


def view_from_params(params: Mapping[str, object]) -> ClaimsView:
    """Read a claims view from query parameters; what does not parse is reported, not raised."""
    view = ClaimsView()
    f = view.filter
    problems = view.problems
    text = {name: _as_text(params.get(key)) for name, key in PARAM_NAMES.items()}
    f.search = text["search"]
    for name, allowed in (("status", STATUSES), ("kind", KINDS)):
        values = _as_list(params.get(PARAM_NAMES[name]))
        bad = [v for v in values if v not in allowed]
        if bad:
            problems.append(f"Ignored unknown {name}: {', '.join(bad)}.")
        setattr(f, name, [v for v in dict.fromkeys(values) if v in allowed])
    if text["source_id"]:
        f.source_id = parse_id(text["source_id"])
        if f.source_id is None:
            problems.append(f"Ignored source {text['source_id']!r}: not a source id.")
    for name in ("speaker", "subject", "metric", "unit", "assigned_to"):
        setattr(f, name, text[name])
    for name in ("period_from", "period_to", "published_from", "published_to"):
        value = text[name]
        if value is None:
            continue
        try:
            period_bounds(value)
        except ClaimsError as exc:
            problems.append(f"Ignored {name.replace('_', ' ')}: {exc}")
            continue
        setattr(f, name, value)
    if text["min_confidence"]:
        try:
            conf = float(text["min_confidence"])
            if not 0 <= conf <= 1:
                raise ValueError
            f.min_confidence = conf if conf > 0 else None
        except ValueError:
            problems.append("Ignored minimum confidence: it must be a number from 0 to 1.")
    sort = _as_text(params.get("sort"))
    if sort:
        if sort in SORTABLE:
            view.sort = sort
        else:
            problems.append(f"Ignored sort {sort!r}; choose one of: {', '.join(SORTABLE)}.")
    view.descending = _as_text(params.get("desc")) not in ("0", "false", "no")
    page = _as_text(params.get("page"))
    if page:
        view.page = parse_id(page) or 1
    claim = _as_text(params.get("claim"))
    if claim:
        view.claim_id = parse_id(claim)
        if view.claim_id is None:
            problems.append(f"Ignored claim {claim!r}: not a claim id.")
    return view


def view_to_params(view: ClaimsView) -> dict[str, str | list[str]]:
    """The query parameters of a view; defaults are left out to keep links short."""
    params: dict[str, str | list[str]] = {}
    for name, value in view.filter.as_dict().items():
        if name not in PARAM_NAMES:
            continue
        key = PARAM_NAMES[name]
        if isinstance(value, list):
            params[key] = [str(v) for v in value]
        elif isinstance(value, float):
            params[key] = f"{value:g}"
        else:
            params[key] = str(value)
    if view.sort != DEFAULT_SORT:
        params["sort"] = view.sort
    if not view.descending:
        params["desc"] = "0"
    if view.page > 1:
        params["page"] = str(view.page)
    if view.claim_id is not None:
        params["claim"] = str(view.claim_id)
    return params


def iso_date(value: date | str | None) -> str | None:
    """A date widget's value as YYYY-MM-DD text (None stays None)."""
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def parse_iso_date(value: str | None) -> date | None:
    """YYYY-MM-DD (or YYYY / YYYY-MM, taking the first day) as a date, else None."""
    if not value:
        return None
    try:
        first, _ = period_bounds(value)
    except ClaimsError:
        return None
    return date.fromisoformat(first) if first else None


# ---------------------------------------------------------------- editing


def field_text(value: object) -> str:
    """A stored field as the text an edit box starts with (5000.0 -> "5000")."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


def edit_changes(claim: Mapping, entered: Mapping[str, object]) -> dict:
    """The fields a person actually changed in an edit form, as they typed them.

    Comparing with the text the form started from means an untouched "5000"
    is not a change of 5000.0; validation is left to store.update_claim.
    """
    changes = {}
    for name, raw in entered.items():
        typed = "" if raw is None else str(raw).strip()
        if typed != field_text(claim.get(name)).strip():
            changes[name] = typed
    return changes


def claim_summary(claim: Mapping) -> str:
    """One plain line naming what was extracted: figure, subject, metric, period, speaker."""
    parts = [claim.get("kind") or ""]
    figure = format_value(claim)
    if figure:
        parts.append(figure)
    for name in ("subject", "metric", "period", "speaker"):
        if claim.get(name):
            parts.append(f"{name}: {claim[name]}")
    if claim.get("confidence") is not None:
        parts.append(f"confidence {float(claim['confidence']):.2f}")
    return " · ".join(p for p in parts if p)


def preview_html(text: str, claim: Mapping) -> str:
    """An extracted (not yet stored) claim: its sentence with the figure marked, and a
    line saying what was read from it. All article text escaped."""
    sentence = context_html(
        text,
        claim["sentence_start"],
        claim["sentence_end"],
        claim.get("surface_start"),
        claim.get("surface_end"),
        context=False,
    )
    return f'{sentence}<div class="cl-meta">{_esc(claim_summary(claim))}</div>'


# ---------------------------------------------------------------- group keys in links

# A group's key travels in a link as its four normalised strings (claims.groups).
GROUP_KEY_PARAMS = ("subject_key", "metric_key", "unit_key", "period")


def group_key_from_params(params: Mapping[str, object]) -> ClaimKey | None:
    """The group key a link names, or None when it names none (period may be absent)."""
    values = {name: _as_text(params.get(name)) for name in GROUP_KEY_PARAMS}
    if not (values["subject_key"] or values["metric_key"]) or values["unit_key"] is None:
        return None
    return ClaimKey(
        values["subject_key"] or "",
        values["metric_key"] or "",
        values["unit_key"],
        values["period"],
    )


def group_key_params(key: ClaimKey) -> dict[str, str]:
    """The query parameters of a group key (no period for a series)."""
    params = dict(zip(GROUP_KEY_PARAMS, key, strict=True))
    return {name: value for name, value in params.items() if value is not None}


def group_summary_text(group: ClaimGroup) -> str:
    """One line about a group for people: sources, claims, median, spread, flags."""
    g = group
    parts = [
        f"{g.n_sources} sources, {g.n_claims} claims",
        f"median {format_number(g.median)}",
        f"range {format_number(g.min)} to {format_number(g.max)}",
    ]
    if g.relative_spread is not None:
        parts.append(f"spread {g.relative_spread:.1%} of the median")
    if g.outliers:
        parts.append(f"{len(g.outliers)} outlier(s)")
    if g.changed:
        parts.append(f"{len(g.changed)} changed on repetition")
    return " · ".join(parts)


def first_appearance_text(first: Mapping | None) -> str:
    """Who stated a group's figure first, and when (plain text)."""
    if not first:
        return "First appearance: unknown (no dated source)."
    source = first.get("source_title") or f"source {first.get('source_id')}"
    publisher = f", {first['source_publisher']}" if first.get("source_publisher") else ""
    said = f" ({first['speaker']})" if first.get("speaker") else ""
    return (
        f"First appearance: {format_number(first.get('value'))}{said} in {source}{publisher}, "
        f"published {first.get('published') or 'undated'} (claim {first.get('claim_id')})."
    )


def file_slug(text: str, limit: int = 60) -> str:
    """A download's file name from a label: words joined by hyphens, no path characters."""
    words = re.findall(r"\w+", text or "", re.UNICODE)
    return truncate("-".join(words), limit).replace("…", "") or "chart"
