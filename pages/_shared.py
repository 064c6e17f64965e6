"""What every page shares: the open database, cached reads, the sidebar, safe output.

Streamlit glue only. Anything worth a unit test lives in claims/.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import altair as alt
import sqlite_utils
import streamlit as st

from claims import (
    charts,
    checks,
    config,
    groups,
    ingest,
    official,
    processes,
    query,
    reference,
    reference_links,
    render,
    store,
    team,
)
from claims.model import EARLIEST_PUBLISHED, ClaimsError
from claims.normalise import ClaimKey
from claims.team import MAX_NAME_CHARS, reviewer_name
from pages._signin import sign_in_configured, signed_in_reviewer, write_cookie

# Page scripts, relative to app.py (st.page_link and st.switch_page take these).
# Their names differ from the URL paths on purpose: until app.py's st.navigation
# has run once in a server process, Streamlit treats pages/ as an old-style
# pages folder, and a first deep link such as /compare would otherwise run
# pages/compare.py on its own, without app.py (streamlit/streamlit#9624).
OVERVIEW = "pages/overview_page.py"
ADD = "pages/add_page.py"
CLAIMS = "pages/claims_page.py"
TIMELINE = "pages/timeline_page.py"
COMPARE = "pages/compare_page.py"
SOURCES = "pages/sources_page.py"
REFERENCE = "pages/reference_page.py"
QUEUE = "pages/queue_page.py"

# Reads the pages may cache; the cache key includes the database revision.
_READS: dict[str, Callable[..., Any]] = {
    "stats": store.stats,
    "list_claims": query.list_claims,
    "count_claims": query.count_claims,
    "distinct_values": query.distinct_values,
    "claims_per_month": query.claims_per_month,
    "top_values": query.top_values,
    "recent_reviews": query.recent_reviews,
    "source_choices": query.source_choices,
    "source_names": query.source_names,
    # Groups of comparable claims; merges and splits bump the revision too.
    "list_groups": groups.list_groups,
    "group_for_key": groups.group_for_key,
    "propose_merges": groups.propose_merges,
    "merge_log": groups.merge_log,
    "split_log": groups.split_log,
    "active_merges": groups.active_merges,
    "split_claim_ids": groups.split_claim_ids,
    "list_series": groups.list_series,
    "series": groups.series,
    "group_of_claim": groups.group_of_claim,
    "disputed_groups": groups.disputed_groups,
    "sources_table": query.sources_table,
    "count_sources": query.count_sources,
    "speakers_table": query.speakers_table,
    # Official series, their links and the checks they make (claims.reference*,
    # claims.official, claims.checks).
    "reference_series": reference.list_series,
    "reference_links": reference_links.links,
    "link_proposals": reference_links.proposals,
    "link_decisions": reference_links.decision_log,
    "official_lines": official.lines_for_key,
    "official_line": official.line_of_series,
    "series_vintages": reference.vintages,
    "official_values": official.values_for_period,
    "claim_checks": checks.check_claim,
    # Teamwork (claims.team): its logs and comments move the revision too.
    "known_reviewers": team.known_reviewers,
    "assigned_summary": team.assigned_summary,
    "assignee_of": team.assignee_of,
    "claim_history": team.claim_history,
    "comments_of": team.comments_of,
    "review_queue": team.review_queue,
}
# A reference import does not move store.revision (reference_imports has no revision
# trigger, and a new migration is not this page's to add): these reads' cache key
# also holds claims.official.imports_stamp.
_REFERENCE_READS = frozenset(
    {"reference_series", "reference_links", "link_proposals", "link_decisions",
     "official_lines", "official_line", "series_vintages", "official_values",
     "claim_checks"}
)  # fmt: skip


def db_path() -> Path:
    return config.database_path()


# An article this long is extracted in a worker process: the script thread waits
# without holding the interpreter, so the server keeps answering every other user.
EXTRACT_ELSEWHERE_CHARS = 200_000


@st.cache_resource
def _extraction_pool():
    return processes.worker_pool(1)


def extract(text: str, published: str | None) -> list:
    """The claims of an article for the Add page's preview (ClaimsError if it fails)."""
    if len(text) < EXTRACT_ELSEWHERE_CHARS:
        return ingest.extract_for_ingest(text, published)
    with st.spinner(f"Extracting the claims of {len(text):,} characters…"):
        return _extraction_pool().submit(ingest.extract_for_ingest, text, published).result()


@st.cache_resource(show_spinner="Loading the sample articles and official series…")
def _prepared(path: str) -> bool:
    """Create the database and, when it has no sources, fill it with the samples.

    Cached per process and path so that two first visitors do not both load
    the samples (which would be harmless, only slow: sources are deduplicated).
    """
    db = store.connect(path)
    try:
        if db["sources"].count == 0 and config.SAMPLES_DIR.exists():
            ingest.load_samples(db, config.SAMPLES_DIR)
            # As `python -m claims init` does: the samples open beside official figures.
            if config.REFERENCE_DIR.exists() and db["reference_series"].count == 0:
                reference.load_pack(db, config.REFERENCE_DIR)
        return True
    finally:
        db.close()


def get_db() -> sqlite_utils.Database:
    """This session's connection to the database (one per session and path)."""
    path = str(db_path())
    held = st.session_state.get("_db")
    if held is not None and held[0] == path:
        return held[1]
    try:
        _prepared(path)
        db = store.connect(path)
    except store.NewerLedgerError:
        # Older code must not write to a newer ledger; it can still show it.
        db = store.open_for_reading(path)
    st.session_state["_db"] = (path, db)
    return db


@st.cache_data(show_spinner=False, max_entries=512, ttl=3600)
def _cached_read(
    path: str, revision: object, name: str, args: tuple, kwargs: tuple, _db: Any = None
) -> Any:
    return _READS[name](_db, *args, **dict(kwargs))


def read(name: str, *args: Any, **kwargs: Any) -> Any:
    """A cached read from claims.query/store/groups, fresh whenever the data changed.

    The key holds store.revision(db), which every write (from this app, the
    CLI or another process) increments.
    """
    db = get_db()
    revision: object = store.revision(db)
    if name in _REFERENCE_READS:
        revision = (revision, official.imports_stamp(db))
    return _cached_read(str(db_path()), revision, name, args, tuple(sorted(kwargs.items())), _db=db)


# ---------------------------------------------------------------- group pickers


def key_picker(
    column: Any,
    rows: list[dict],
    wanted: ClaimKey | None,
    *,
    widget_key: str,
    label: str,
    describe: Callable[[dict], str],
    empty: str,
    searched: bool,
) -> ClaimKey:
    """A picker over keys listed by claims.groups (list_groups, list_series) that keeps the
    key of a shared link; with nothing to pick, says what to do and stops the page."""
    options = [row["key"] for row in rows]
    described = {row["key"]: describe(row) for row in rows}
    if wanted is not None and wanted not in described:
        options.insert(0, wanted)  # a shared link's key, also when the search does not list it
    if not options:
        if searched:
            st.info("Nothing matches this search. Try another word, or clear it.")
        else:
            st.info(empty)
            st.page_link(ADD, label="Add articles", icon=":material/post_add:")
        st.stop()
    if st.session_state.get(widget_key) not in options:
        st.session_state[widget_key] = wanted if wanted in options else options[0]
    return column.selectbox(
        label,
        options,
        key=widget_key,
        format_func=lambda k: described.get(k, " · ".join(part for part in k if part)),
    )


# ---------------------------------------------------------------- sidebar


def sidebar() -> None:
    """Which database is open and who is reviewing: on every page."""
    with st.sidebar:
        st.caption("Database")
        st.code(str(db_path()), language=None, wrap_lines=True)
        try:
            counts = read("stats")
            st.text(f"{counts['sources']:,} sources · {counts['claims']:,} claims")
            db = get_db()
            notice = store.newer_version_notice(db, db_path()) or store.stale_keys_notice(db)
            if notice:
                warning(notice)
        except ClaimsError as exc:
            st.error(str(exc))
        except sqlite3.DatabaseError as exc:
            if not store.is_damage(exc):
                raise
            st.error(store.damaged_message(db_path()))
        reviewer_box()


# Without sign-in, the name typed in the sidebar is kept in this cookie, so that it
# survives a reload and reaches every tab of the browser (for a year).
REVIEWER_COOKIE = "claims_reviewer"
REVIEWER_COOKIE_SECONDS = 365 * 24 * 3600


def reviewer_box() -> None:
    """Who is reviewing: the signed-in person, fixed; else a name typed once per browser."""
    signed_in = signed_in_reviewer()
    if signed_in:
        st.text(f"Reviewing as {signed_in}")
        st.caption("Your name comes from your sign-in.")
        return
    if sign_in_configured():
        # A sign-on identity with no name, e-mail or user name: nothing can be written
        # under it, and a typed name would let anyone be anyone.
        st.caption("Your sign-in gives no name, so you cannot make changes here.")
        return
    if "reviewer" not in st.session_state:
        st.session_state["reviewer"] = remembered_reviewer()
    st.text_input(
        "Your name (reviewer)",
        key="reviewer",
        max_chars=MAX_NAME_CHARS,
        on_change=_remember_reviewer,
        help="Written into every review, assignment and comment you make. Kept in this browser.",
        placeholder="e.g. A. Researcher",
    )
    if (name := st.session_state.pop("_write_reviewer_cookie", None)) is not None:
        write_cookie(REVIEWER_COOKIE, quote(name, safe=""), REVIEWER_COOKIE_SECONDS)


def remembered_reviewer() -> str:
    """The name this browser typed before (its cookie), "" for none or a bad one."""
    try:
        return reviewer_name(unquote(st.context.cookies.get(REVIEWER_COOKIE) or ""))
    except (ClaimsError, TypeError):
        return ""


def _remember_reviewer() -> None:
    st.session_state["_write_reviewer_cookie"] = (st.session_state.get("reviewer") or "").strip()


def reviewer() -> str:
    """The name changes are written under: the signed-in person's when sign-in is
    configured (never a typed one), else the name in the sidebar ("" for none)."""
    if sign_in_configured():
        return signed_in_reviewer() or ""
    return (st.session_state.get("reviewer") or "").strip()


# ---------------------------------------------------------------- output


def css() -> None:
    """Our own style rules for the highlight blocks (no user text inside)."""
    st.html(render.HIGHLIGHT_CSS)


def safe_html(markup: str) -> None:
    """Show HTML built by claims.render (every piece of user text escaped there)."""
    st.html(markup)


def flash(message: str) -> None:
    """Show a success message after the rerun that follows a write."""
    st.session_state["_flash"] = message


def show_flash() -> None:
    message = st.session_state.pop("_flash", None)
    if message:
        st.success(message)


# Said under each chart instead of its PNG and SVG buttons when vl-convert is missing.
IMAGES_NEED_VL_CONVERT = (
    "PNG and SVG downloads need the optional package vl-convert-python: "
    "`pip install 'claim-ledger[png]'` (or `.venv/bin/pip install vl-convert-python`), "
    "then restart the dashboard."
)


def today() -> date:
    """The day (UTC) a chart's figures leave the ledger: its footer's export date."""
    return datetime.now(UTC).date()


def footer(rows: Sequence[Mapping]) -> str:
    """The footer of a chart of these claims: their sources and the export date."""
    return charts.footer_text(charts.source_names(rows), exported=today())


def chart(
    chart_obj: alt.LayerChart,
    *,
    name: str,
    key: str,
    footer: str,
    on_select: str = "ignore",
) -> Any:
    """Draw an Altair chart, `footer` (see footer()) under its plot, with PNG and SVG
    download buttons under it that carry the same footer (a note saying how to get them
    when vl-convert-python, an optional extra, is not installed)."""
    chart_obj = charts.with_footer(chart_obj, footer)
    # On screen the chart fills its column; the downloads keep the fixed report width.
    # Only the width is fitted: under Streamlit's default ("fit" both ways) the legends
    # and title above a plot would take their height out of the plot's.
    shown = chart_obj.properties(
        width="container", autosize=alt.AutoSizeParams(type="fit-x", contains="padding")
    )
    if on_select == "rerun":
        state = st.altair_chart(shown, key=key, on_select="rerun", width="stretch")
    else:
        state = st.altair_chart(shown, key=key, width="stretch")
    if not charts.png_available():
        st.caption(IMAGES_NEED_VL_CONVERT)
        return state
    row = st.container(horizontal=True, gap="small")
    for ext, mime, render_image in (
        ("png", "image/png", charts.to_png),
        ("svg", "image/svg+xml", charts.to_svg),
    ):
        row.download_button(
            f"{ext.upper()} image",
            # Rendered only when clicked: drawing every chart's images would slow each page.
            data=lambda render_image=render_image: render_image(chart_obj),
            file_name=f"{name}.{ext}",
            mime=mime,
            key=f"{key}_{ext}",
            on_click="ignore",
            icon=":material/download:",
        )
    return state


def status_label(status: str) -> str:
    return status.replace("_", " ")


def error(problem: object) -> None:
    """A user's mistake as a plain message. The text may quote what they typed,
    so markdown is escaped: st.error renders markdown."""
    st.error(render.escape_markdown(str(problem)), icon=":material/error:")


def warning(problem: object) -> None:
    st.warning(render.escape_markdown(str(problem)), icon=":material/warning:")


def view_from_url() -> render.ClaimsView:
    """The claims view the page's URL describes; what does not parse is warned about."""
    view = render.view_from_params({k: st.query_params.get_all(k) for k in st.query_params})
    for problem in view.problems:
        warning(problem)
    return view


def init_state(defaults: dict[str, Any]) -> None:
    """Seed widget state once (from the URL), so widgets need no value= argument.

    Passing both value= and Session State makes Streamlit warn; seeding only
    keys that are absent keeps what the person has since changed.
    """
    for key, value in defaults.items():
        if key not in st.session_state:
            st.session_state[key] = value


def picked_ids(state: Any, selection: str) -> list[int]:
    """Claim ids of the points picked in a chart's point selection (none if nothing)."""
    try:
        points = (state or {})["selection"].get(selection) or []
    except (KeyError, TypeError, AttributeError):
        return []
    ids = []
    for point in points:
        try:
            ids.append(int(point["id"]))
        except (KeyError, TypeError, ValueError):
            continue
    return ids


def publication_date_input(container: Any, label: str, value: str | None, key: str) -> Any:
    """A date field for an article's publication: any day from 1800 to tomorrow, typed as
    YYYY/MM/DD or picked."""
    return container.date_input(
        label,
        value=render.parse_iso_date(value),
        min_value=EARLIEST_PUBLISHED,
        max_value=date.today() + timedelta(days=1),
        format="YYYY-MM-DD",
        key=key,
    )
