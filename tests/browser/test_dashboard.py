"""The dashboard in headless Chromium: `streamlit run app.py` on a free port.

One server for the module, over a temporary copy of the sample ledger. Each
page is opened (no exception box, a screenshot in tests/artifacts/), an
article is pasted and saved, a status is changed and seen in the history, the
CSV export is downloaded and checked, and hostile text is shown literally
with no dialog and no injected element.
"""

from __future__ import annotations

import csv
import io
import re
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from claims import charts, config, reference, store
from claims.normalise import key_columns
from tests import sample_ledger
from tests.browser.harness import (
    CHROMIUM,
    LAUNCH_ARGS,
    PAGES,
    ROOT,
    running_app,
    settle,
)
from tests.ledger_data import claim_for
from tests.reference_ledger import US_UNEMPLOYMENT, add_annual_jobs, link_us_unemployment

ARTIFACTS = ROOT / "tests" / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (Debian's chromium)"),
]


@pytest.fixture(scope="module")
def ledger(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "claims.db"
    db = sample_ledger.build(path, articles=40)
    # The official series, as `python -m claims init` loads them beside the samples.
    reference.load_pack(db, config.REFERENCE_DIR)
    db.close()
    return path


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server(ledger, browser, tmp_path_factory):
    with running_app(ledger, tmp_path_factory.mktemp("log")) as url:
        yield url


@pytest.fixture
def page(browser, server):
    """A fresh browser page; any JavaScript dialog (alert) fails the test."""
    context = browser.new_context(viewport={"width": 1400, "height": 1800}, accept_downloads=True)
    tab = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    tab.base = server
    yield tab
    context.close()
    assert dialogs == [], f"a JavaScript dialog fired: {dialogs}"


def goto(tab, path: str) -> None:
    tab.goto(f"{tab.base}/{path}")
    settle(tab)


def shot(tab, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def official_line_drawn(chart) -> list[str]:
    """The labels of the official points the chart drew (Vega's SVG names each mark for
    screen readers); only those on a line stroked in the official grey."""
    return chart.evaluate(
        """(el, colour) => [...el.querySelectorAll('[aria-roledescription="line mark"]')]
            .filter(line => line.getAttribute('stroke') === colour)
            .flatMap(line => [...line.closest('g').parentElement
                .querySelectorAll('[aria-roledescription="point"]')])
            .map(point => point.getAttribute('aria-label'))
            .filter(label => label.includes('Official value'))""",
        charts.OFFICIAL_COLOUR,
    )


def assert_nothing_injected(tab) -> None:
    injected = tab.evaluate(
        """() => ({
            scripts: [...document.querySelectorAll('script')]
                .filter(s => /alert\\(/.test(s.textContent)).length,
            images: document.querySelectorAll('img[src="x"], img[onerror]').length,
            links: document.querySelectorAll('a[href^="javascript:"], a[href^="data:"]').length,
            handlers: [...document.querySelectorAll('*')]
                .filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
            bold: document.querySelectorAll('[data-testid="stMain"] b').length,
        })"""
    )
    assert injected == {"scripts": 0, "images": 0, "links": 0, "handlers": 0, "bold": 0}


def test_a_shared_link_opened_first_on_a_fresh_server_shows_its_page_plainly(page):
    """The first visit to a new server is a deep link: no "Page not found" notice, no raw
    file names in the sidebar (scripts/dashboard.py; streamlit/streamlit#9624)."""
    goto(page, "timeline")
    assert page.locator("[data-testid='stMain'] h1").first.inner_text() == "Timeline"
    assert page.get_by_text("Page not found").count() == 0
    sidebar = page.locator("[data-testid='stSidebar']").inner_text()
    assert "_page" not in sidebar and "Timeline" in sidebar


def test_every_page_opens_without_an_exception(page):
    for name, path in PAGES.items():
        goto(page, path)
        assert page.locator("[data-testid='stException']").count() == 0, name
        assert page.locator("[data-testid='stMain'] h1").first.inner_text() != ""
        if name in ("overview", "timeline", "compare"):
            chart = "[data-testid='stVegaLiteChart']"
            page.wait_for_selector(f"{chart} canvas, {chart} svg", timeout=20000)
        shot(page, name)
        assert_nothing_injected(page)


def test_compare_and_timeline_draw_groups_without_an_exception(page):
    key = {"subject_key": "united states", "metric_key": "discount rate", "unit_key": "percent"}
    chart = "[data-testid='stVegaLiteChart']"
    goto(page, f"compare?{urlencode({**key, 'period': '2008'})}")
    assert page.locator("[data-testid='stException']").count() == 0
    page.wait_for_selector(f"{chart} canvas, {chart} svg", timeout=20000)
    body = page.inner_text("body")
    assert "First appearance:" in body and "Outliers" in body
    assert "Probably the same figure" in body
    shot(page, "compare-group")
    goto(page, f"timeline?{urlencode(key)}")
    assert page.locator("[data-testid='stException']").count() == 0
    page.wait_for_selector(f"{chart} canvas, {chart} svg", timeout=20000)
    assert "first appearance" in page.inner_text("body")
    shot(page, "timeline-series")
    assert_nothing_injected(page)


def test_paste_an_article_then_see_its_claims(page, ledger):
    goto(page, "add")
    page.get_by_label("Title").fill("Jobs report <img src=x onerror=alert(9)>")
    page.get_by_label("Publisher").fill("Bureau of Tests")
    page.get_by_label("Article text").fill(
        "The unemployment rate fell to 3.4 percent in January, the Labor Department said.\n"
        "Employers added 517,000 jobs, well above the 187,000 economists expected. "
        "A survey of 1,200 firms <script>alert(1)</script> and <img src=x onerror=alert(2)> "
        "is shown literally."
    )
    page.get_by_role("button", name="Extract claims").first.click()
    page.get_by_text("Preview: untick the claims to leave out").wait_for(timeout=30000)
    settle(page)
    marks = page.locator(".cl-context mark")
    assert marks.count() >= 1
    assert "<script>alert(1)</script>" in page.inner_text("body")
    shot(page, "add-preview")
    assert_nothing_injected(page)
    page.get_by_role("button", name=re.compile(r"^Save 1 article")).click()
    link = page.get_by_role("link", name=re.compile(r"Open the claims of source \d+"))
    link.wait_for(timeout=30000)
    source_id = int(re.search(r"source (\d+)", link.inner_text()).group(1))
    link.click()
    settle(page)
    stored = store.connect(ledger)["claims"].count_where("source_id = ?", [source_id])
    assert stored >= 1, "the pasted article's claims were not stored"
    page.get_by_text(re.compile(rf"^{stored} claims? match")).wait_for(timeout=15000)
    assert f"source={source_id}" in page.url
    shot(page, "add-saved-claims")


def test_change_a_status_with_a_note_and_see_it_in_the_history(page, ledger):
    db = store.connect(ledger)
    claim_id = db.execute("SELECT min(id) FROM claims WHERE status = 'unreviewed'").fetchone()[0]
    goto(page, f"claims?claim={claim_id}")
    page.get_by_role("textbox", name="Your name (reviewer)").fill("Browser Tester")
    page.get_by_role("textbox", name="Your name (reviewer)").press("Enter")
    settle(page)
    page.get_by_role("tab", name="Set status").click()
    form = page.locator("[data-testid='stForm']").filter(has_text="New status")
    picker = form.locator("[data-testid='stSelectbox']")
    # Mid-screen: a picker opened at the viewport's bottom edge scrolls and closes again.
    picker.evaluate("element => element.scrollIntoView({block: 'center'})")
    picker.click()
    page.get_by_role("option", name="disputed").click()
    form.get_by_label("Note (required): why").fill("Two releases give different figures")
    form.get_by_role("button", name="Set status").click()
    page.get_by_text(f"Claim {claim_id} is now disputed.").wait_for(timeout=15000)
    settle(page)
    page.get_by_role("tab", name="History").click()
    history = page.locator("[data-testid='stDataFrame']").last
    history.get_by_text("Two releases give different figures").wait_for(
        state="attached", timeout=15000
    )
    assert "Browser Tester" in history.text_content()
    shot(page, "claims-history")
    rows = store.reviews_of(db, claim_id)
    assert [(r["reviewer"], r["new"]) for r in rows] == [("Browser Tester", "disputed")]


def test_download_the_csv_export_of_the_filtered_table(page, ledger):
    goto(page, "claims?metric=inflation")
    expected = store.connect(ledger)["claims"].count_where("metric = 'inflation' AND vanished = 0")
    page.get_by_text(f"{expected} claims match").wait_for(timeout=15000)
    with page.expect_download(timeout=30000) as info:
        page.get_by_role("button", name="CSV", exact=True).click()
    # Named for what it holds: the ledger, the filter, the day.
    today = datetime.now(UTC).date().isoformat()
    assert info.value.suggested_filename == f"{ledger.stem}_metric-inflation_{today}.csv"
    data = Path(info.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data)))
    assert len(rows) == expected
    assert {r["metric"] for r in rows} == {"inflation"}
    assert sum(1 for r in rows if r["source_text"]) == len({r["source_id"] for r in rows})
    # Asked for, each row carries its article, so that a filtered spreadsheet keeps it.
    page.get_by_text("CSV: the article text on every row").click()
    settle(page)  # the page runs again with the box ticked
    with page.expect_download(timeout=30000) as info:
        page.get_by_role("button", name="CSV", exact=True).click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text("utf-8-sig"))))
    assert len(rows) == expected and all(r["source_text"] for r in rows)


def test_hostile_text_shows_literally_everywhere(page, ledger):
    db = store.connect(ledger)
    claim_id = db.execute(
        "SELECT id FROM claims WHERE speaker = ? ORDER BY id LIMIT 1",
        [sample_ledger.HOSTILE_SPEAKER],
    ).fetchone()[0]
    goto(page, f"claims?claim={claim_id}")
    body = page.inner_text("body")
    assert "<script>alert(1)</script>" in body
    assert "<img src=x onerror=alert(2)>" in body
    assert sample_ledger.HOSTILE_TITLE in body
    assert_nothing_injected(page)
    shot(page, "hostile-claim")
    hostile_key = key_columns("Testland", sample_ledger.HOSTILE_TITLE, "percent")
    hostile_series = f"timeline?{urlencode(hostile_key)}"
    for path in ("sources", f"claims?speaker={quote(sample_ledger.HOSTILE_SPEAKER)}",
                 hostile_series, "compare"):  # fmt: skip
        goto(page, path)
        assert page.locator("[data-testid='stException']").count() == 0
        assert_nothing_injected(page)
        if path == hostile_series:
            # The series picker shows the metric as text, and its chart draws.
            picker = page.locator("[data-testid='stSelectbox']").first
            shown = picker.inner_text() + " ".join(
                picker.locator("input").evaluate_all("els => els.map(e => e.value)")
            )
            assert sample_ledger.HOSTILE_TITLE in shown
            page.wait_for_selector("[data-testid='stVegaLiteChart']", timeout=20000)
            shot(page, "hostile-timeline")
    time.sleep(0.5)  # a late onerror would fire now; the page fixture fails on any dialog


def test_two_reviewers_in_two_browsers_the_second_save_is_refused(browser, server, ledger):
    db = store.connect(ledger)
    claim_id = db.execute(
        "SELECT min(id) FROM claims "
        "WHERE kind = 'numeric' AND version = 1 AND status = 'unreviewed'"
    ).fetchone()[0]
    tabs = []
    for reviewer in ("Ana", "Bo"):
        context = browser.new_context(viewport={"width": 1400, "height": 1800})
        tab = context.new_page()
        tab.base = server
        goto(tab, f"claims?claim={claim_id}")
        tab.get_by_role("textbox", name="Your name (reviewer)").fill(reviewer)
        tab.get_by_role("textbox", name="Your name (reviewer)").press("Enter")
        settle(tab)
        tabs.append(tab)

    def save_value(tab, value: str) -> None:
        form = tab.locator("[data-testid='stForm']").filter(has_text="Save changes")
        form.get_by_label("Value", exact=True).fill(value)
        form.get_by_role("button", name="Save changes").click()
        settle(tab)

    try:
        save_value(tabs[0], "11")
        tabs[0].get_by_text(f"Claim {claim_id} saved").wait_for(timeout=15000)
        save_value(tabs[1], "22")
        alert = tabs[1].locator("[data-testid='stAlert']").filter(has_text="edit conflict")
        alert.wait_for(timeout=15000)
        assert f"Claim {claim_id} was changed by someone else" in alert.inner_text()
        shot(tabs[1], "claims-edit-conflict")
    finally:
        for tab in tabs:
            tab.context.close()
    claim = store.get_claim(db, claim_id)
    assert (claim["value"], claim["version"]) == (11.0, 2)
    assert [(r["reviewer"], r["new"]) for r in store.reviews_of(db, claim_id)] == [("Ana", "11.0")]


def linked_jobs_claims(db) -> int:
    """An article's two annual unemployment rates, their figure linked to the BLS series;
    the id of the one that differs from it (3.9% against the official 3.6%)."""
    add_annual_jobs(db, with_month=False)
    link_us_unemployment(db)
    return db.execute("SELECT id FROM claims WHERE surface = '3.9%'").fetchone()[0]


def test_the_official_line_on_the_timeline_and_confirming_a_suggested_status(page, ledger):
    db = store.connect(ledger)
    claim_id = linked_jobs_claims(db)
    key = key_columns("United States", "unemployment rate", "percent")
    goto(page, f"timeline?{urlencode(key)}")
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    chart.locator("canvas, svg").first.wait_for(timeout=20000)
    assert page.locator("[data-testid='stException']").count() == 0
    assert (
        f"Official series (grey line, by period): {US_UNEMPLOYMENT}, vintage 1"
        in page.inner_text("body")
    )
    drawn = official_line_drawn(chart)
    assert len(drawn) == 6, drawn  # 2018-2023: the claims' 2019-2022 and a year either side
    assert f"Official series: {US_UNEMPLOYMENT}; Period: 2022; Official value: 3.6" in drawn[4]
    shot(page, "timeline-official-line")

    goto(page, f"claims?claim={claim_id}")
    page.get_by_role("textbox", name="Your name (reviewer)").fill("Browser Tester")
    page.get_by_role("textbox", name="Your name (reviewer)").press("Enter")
    settle(page)
    page.get_by_text("Suggestion: differs by 0.3 points (official 3.6)").wait_for(timeout=15000)
    assert store.get_claim(db, claim_id)["status"] == "unreviewed"  # nothing set by itself
    page.get_by_role("button", name="Confirm disputed").click()
    page.get_by_text(f"Claim {claim_id} is now disputed.").wait_for(timeout=15000)
    settle(page)
    page.get_by_text("Official figure", exact=True).scroll_into_view_if_needed()
    shot(page, "claim-check-confirmed")
    [review] = store.reviews_of(db, claim_id)
    assert (review["reviewer"], review["new"]) == ("Browser Tester", "disputed")
    assert review["note"] == (
        f"{US_UNEMPLOYMENT}, vintage 1, 2022: differs by 0.3 points (official 3.6)"
    )
    assert review["evidence_url"] == "https://www.bls.gov/cps/tables.htm"
    db.close()


# ---------------------------------------------------------------- sign-in

TEAM_PASSWORD = "team secret 1"


@pytest.fixture(scope="module")
def signed_server(ledger, browser, tmp_path_factory):
    """The dashboard behind the shared password, a sign-in lasting an hour."""
    from claims.auth import hash_password

    stored = hash_password(TEAM_PASSWORD, iterations=1000)
    with running_app(
        ledger, tmp_path_factory.mktemp("signed"), CLAIMS_PASSWORD_HASH=stored,
        CLAIMS_SIGN_IN_HOURS="1",
    ) as url:  # fmt: skip
        yield url


def test_sign_in_opens_the_asked_page_lasts_across_reloads_and_sign_out_ends_it(
    browser, signed_server, ledger
):
    context = browser.new_context(viewport={"width": 1400, "height": 1400}, accept_downloads=True)
    tab = context.new_page()
    source = (
        store.connect(ledger)
        .execute("SELECT source_id FROM claims GROUP BY source_id ORDER BY count(*) DESC LIMIT 1")
        .fetchone()[0]
    )
    tab.goto(f"{signed_server}/claims?source={source}")
    settle(tab)
    shot(tab, "signin-deep-link")
    assert tab.locator("h1").first.inner_text() == "Claim ledger"  # the sign-in page
    tab.get_by_label("Your name", exact=True).fill("Browser Tester")
    tab.get_by_label("Team password").fill(TEAM_PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    settle(tab)
    # the page and filter the link asked for, not the Overview
    assert tab.locator("h1").first.inner_text() == "Claims"
    assert f"source={source}" in tab.url and "/claims" in tab.url
    shot(tab, "signin-landed")

    with tab.expect_download(timeout=30000) as info:
        tab.get_by_role("button", name="CSV", exact=True).click()
    media_url = info.value.url
    with urllib.request.urlopen(media_url, timeout=10) as response:  # served while signed in
        assert response.status == 200

    tab.reload()
    settle(tab)
    assert tab.locator("h1").first.inner_text() == "Claims"  # still signed in

    tab.get_by_role("button", name="Sign out").click()
    settle(tab)
    assert tab.locator("h1").first.inner_text() == "Claim ledger"
    with pytest.raises(urllib.error.HTTPError) as gone:
        urllib.request.urlopen(media_url, timeout=10)
    assert gone.value.code == 404  # the download left the server's memory at sign-out
    tab.reload()
    settle(tab)
    assert tab.locator("h1").first.inner_text() == "Claim ledger"  # the cookie went too
    context.close()


# ---------------------------------------------------------------- charts for a report

GROWTH = {
    "United Kingdom": ("Office for National Statistics", [0.4, 0.6, 0.2, -0.1]),
    "Germany": ("Destatis", [0.1, -0.2, 0.3, 0.0]),
    "Japan": ("Cabinet Office", [0.9, 0.5, -0.1, 0.4]),
}


def add_growth_of_three_subjects(db) -> None:
    """UK, Germany and Japan growth in each quarter of 2023, an article each."""
    for subject, (publisher, values) in GROWTH.items():
        for quarter, value in enumerate(values, start=1):
            text = f"{subject} growth was {value}% in the quarter, {publisher} said."
            claim = claim_for(text, f"{value}%", value, unit="percent", subject=subject,
                              metric="growth", period=f"2023-Q{quarter}")  # fmt: skip
            published = f"2023-{3 * quarter:02d}-28"
            store.add_source(db, text, [claim], title=f"{subject} growth, Q{quarter}",
                             publisher=publisher, published=published)  # fmt: skip


def charts_drawn(tab) -> list:
    """The page's visible charts, once each has drawn its SVG."""
    chart = "[data-testid='stVegaLiteChart']"
    tab.wait_for_selector(f"{chart} svg", timeout=20000)
    settle(tab)
    return [c for c in tab.locator(chart).all() if c.bounding_box() and c.bounding_box()["width"]]


def texts_outside(chart) -> list[str]:
    """The chart's texts (title, legend, axis, footer) drawn past its box: clipped ones.
    A few pixels are allowed: a browser's box of a rotated axis title is its line height,
    a little more than the glyphs Vega lays out."""
    return chart.evaluate(
        """el => {
            const box = el.getBoundingClientRect();
            return [...el.querySelectorAll('svg text')]
                .filter(t => t.textContent.trim())
                .filter(t => {
                    const r = t.getBoundingClientRect();
                    return r.left < box.left - 4 || r.right > box.right + 4;
                })
                .map(t => t.textContent);
        }"""
    )


def footer_drawn(chart) -> str:
    """The footer text mark's words (Vega names each text mark for screen readers)."""
    labels = chart.locator('svg [aria-roledescription="text mark"]').evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label') || '')"
    )
    return " ".join(" ".join(label.split()) for label in labels if label.startswith("footer: "))


def date_labels(chart) -> list[str]:
    """The labels of the chart's date axes as drawn (an axis names its scale's kind)."""
    return chart.evaluate(
        """el => [...el.querySelectorAll('svg [aria-roledescription="axis"]')]
            .filter(axis => (axis.getAttribute('aria-label') || '').includes('time scale'))
            .flatMap(axis => [...axis.querySelectorAll('.role-axis-label text')])
            .map(t => t.textContent)"""
    )


def test_every_chart_reads_whole_at_800_and_1400_pixels(browser, server, ledger):
    """Each chart of Overview, Timeline (one subject and three) and Compare at two widths:
    no title, legend, label or footer clipped, the footer naming sources and the export
    date, every date label with its year; a screenshot of each chart is kept."""
    db = store.connect(ledger)
    add_growth_of_three_subjects(db)
    db.close()
    growth = key_columns("United Kingdom", "growth", "percent")
    also = [key_columns(s, "growth", "percent")["subject_key"] for s in ("Germany", "Japan")]
    discount = {"subject_key": "united states", "metric_key": "discount rate",
                "unit_key": "percent"}  # fmt: skip
    views = {
        "overview": "",
        "timeline": f"timeline?{urlencode(discount)}",
        "timeline-three-subjects": f"timeline?{urlencode({**growth, 'also': also}, doseq=True)}",
        "compare": f"compare?{urlencode({**discount, 'period': '2008'})}",
    }
    for width in (800, 1400):
        context = browser.new_context(viewport={"width": width, "height": 1600})
        tab = context.new_page()
        tab.base = server
        try:
            for view, path in views.items():
                goto(tab, path)
                assert tab.locator("[data-testid='stException']").count() == 0, view
                drawn = charts_drawn(tab)
                assert drawn, view
                for n, chart in enumerate(drawn):
                    chart.scroll_into_view_if_needed()
                    ARTIFACTS.mkdir(parents=True, exist_ok=True)
                    chart.screenshot(path=str(ARTIFACTS / f"chart-{view}-{n + 1}-{width}.png"))
                    assert texts_outside(chart) == [], (view, n, width)
                    footer = footer_drawn(chart)
                    assert footer.startswith("footer: Sources: ") and "exported" in footer, footer
                    dates = date_labels(chart)
                    assert all(re.search(r"\b(19|20)\d\d\b", d) for d in dates), dates
                shot(tab, f"{view}-{width}")
                if view == "timeline-three-subjects":
                    [chart] = drawn
                    footer = footer_drawn(chart)
                    assert all(publisher in footer for publisher, _ in GROWTH.values()), footer
                    legend = chart.evaluate("el => el.querySelector('svg').textContent")
                    assert all(subject in legend for subject in GROWTH)
                    assert date_labels(chart) and all("2023" in d for d in date_labels(chart))
        finally:
            context.close()
