"""The dashboard's helpers: escaped highlighting, query params <-> filter, formatting."""

from __future__ import annotations

from datetime import date

import pytest

from claims import render
from claims.query import ClaimFilter

TEXT = "First paragraph.\nThe rate rose to 5.25 percent in March. Then it held.\nLast one."


def offsets(sentence: str, surface: str) -> tuple[int, int, int, int]:
    s0 = TEXT.index(sentence)
    m0 = TEXT.index(surface, s0)
    return s0, s0 + len(sentence), m0, m0 + len(surface)


def test_the_sentence_is_shown_within_its_paragraph_with_the_figure_marked():
    html = render.context_html(
        TEXT, *offsets("The rate rose to 5.25 percent in March.", "5.25 percent")
    )
    assert (
        '<span class="cl-sentence">The rate rose to <mark>5.25 percent</mark> in March.</span>'
        in html
    )
    assert html.endswith(" Then it held.</div>")
    assert "First paragraph" not in html and "Last one" not in html


def test_article_text_is_escaped_and_only_our_tags_remain():
    text = 'Boo <script>alert(1)</script> said 5 "percent" <img src=x onerror=alert(2)> & more.'
    start = text.index("5")
    html = render.context_html(text, 0, len(text), start, start + 1)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "&quot;percent&quot;" in html and "&amp; more" in html
    tags = {t.split()[0].strip("</>") for t in __import__("re").findall(r"</?[a-z]+[^>]*>", html)}
    assert tags <= {"div", "span", "mark"}


def test_bad_offsets_are_clamped_not_raised():
    html = render.context_html("short", -5, 99, 50, 2)
    assert "short" in html


def test_a_long_paragraph_is_cut_to_an_excerpt_around_the_sentence():
    text = "x" * 5000 + " The figure was 7 percent. " + "y" * 5000
    s0 = text.index("The figure")
    html = render.context_html(text, s0, s0 + 26, None, None, max_context=100)
    assert html.count("x") <= 110 and html.startswith('<div class="cl-context">… ')
    assert html.endswith(" …</div>")


def test_preview_html_names_what_was_read_escaped():
    claim = {"kind": "numeric", "sentence_start": 0, "sentence_end": 9, "surface_start": 0,
             "surface_end": 1, "value": 5.0, "unit": "<b>u</b>", "speaker": "<i>x</i>",
             "confidence": 0.5}  # fmt: skip
    html = render.preview_html("5 percent", claim)
    assert "<mark>5</mark>" in html
    assert "&lt;b&gt;u&lt;/b&gt;" in html and "speaker: &lt;i&gt;x&lt;/i&gt;" in html


def test_escape_markdown_defuses_links_images_and_html():
    text = "![x](data:text/html,a) [y](javascript:alert(1)) <b>**z**</b> # h\n- item `c` $x$"
    escaped = render.escape_markdown(text)
    for raw in ("![", "](", "**", "<b>", "`c`", "$x$"):
        assert raw not in escaped
    assert "\n" not in escaped
    # Removing the escapes gives back the text (newlines flattened).
    assert escaped.replace("\\", "") == " ".join(text.split())


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/a?b=1", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("JaVaScRiPt:alert(1)", False),
        ("//evil.example", False),
        ("https://", False),
        (None, False),
    ],
)
def test_safe_url_keeps_only_http_links(url, safe):
    assert (render.safe_url(url) is not None) is safe


def test_values_read_like_a_person_would_say_them():
    assert render.format_value({"value": 5000.0, "unit": "jobs"}) == "5,000 jobs"
    assert render.format_value({"low": 2.0, "high": 2.25, "unit": "percent"}) == "2 to 2.25%"
    assert render.format_value({"value": 8.5, "approx": "about", "unit": "%"}) == "about 8.5%"
    assert render.format_value({"value": 0.3, "unit": "percentage point"}) == (
        "0.3 percentage point"
    )


def test_an_approximate_figure_keeps_its_words():
    """'More than 3%' is a bound, 'about 3%' a rounding: a '~' would make them one."""
    assert render.format_value({"value": 3.0, "approx": "more than", "unit": "percent"}) == (
        "more than 3%"
    )
    assert render.format_value({"value": 5000.0, "approx": "nearly", "unit": "job"}) == (
        "nearly 5,000 job"
    )
    assert render.format_value({"value": 9.0, "approx": "  up to ", "unit": None}) == "up to 9"
    assert render.format_value({"value": None}) == ""


def test_a_view_round_trips_through_query_params():
    view = render.ClaimsView(
        filter=ClaimFilter(
            search="rate's 50%_", status=["verified", "disputed"], kind=["numeric"],
            source_id=3, speaker="O'Brien; DROP TABLE", subject="US", metric="rate",
            unit="percent", period_from="2020-Q1", period_to="2021",
            published_from="2020-01-01", published_to="2021-06-30", min_confidence=0.55,
        ),
        sort="value", descending=False, page=3, claim_id=17,
    )  # fmt: skip
    params = render.view_to_params(view)
    assert params["status"] == ["verified", "disputed"]
    assert params["min_conf"] == "0.55" and params["desc"] == "0"
    back = render.view_from_params(params)
    assert back == view


def test_an_empty_view_has_no_params():
    assert render.view_to_params(render.ClaimsView()) == {}
    assert render.view_from_params({}) == render.ClaimsView()


def test_bad_params_are_reported_and_ignored_not_raised():
    view = render.view_from_params(
        {"status": ["verified", "bogus"], "source": "x", "period_from": "2020-13",
         "min_conf": "2", "sort": "password", "page": "-1", "claim": "1 OR 1=1",
         "kind": "numeric,quote"}
    )  # fmt: skip
    assert view.filter.status == ["verified"]
    assert view.filter.kind == ["numeric", "quote"]
    assert view.filter.source_id is None and view.filter.period_from is None
    assert view.filter.min_confidence is None
    assert (view.sort, view.page, view.claim_id) == ("published", 1, None)
    assert len(view.problems) == 6


def test_dates_convert_both_ways():
    assert render.iso_date(date(2021, 3, 4)) == "2021-03-04"
    assert render.iso_date(None) is None
    assert render.parse_iso_date("2021-03") == date(2021, 3, 1)
    assert render.parse_iso_date("nonsense") is None


def test_edit_changes_ignores_untouched_fields():
    claim = {"value": 5000.0, "low": None, "unit": "jobs", "period": "2020"}
    entered = {"value": "5000", "low": "", "unit": " jobs ", "period": "2021"}
    assert render.edit_changes(claim, entered) == {"period": "2021"}
    assert render.edit_changes(claim, {"value": "5,000.5"}) == {"value": "5,000.5"}
    assert render.field_text(0.1) == "0.1" and render.field_text(None) == ""


def test_claim_summary_lists_the_extracted_fields():
    summary = render.claim_summary(
        {"kind": "numeric", "value": 3.0, "unit": "percent", "subject": "US",
         "metric": "unemployment rate", "period": "2023-03", "confidence": 0.9}
    )  # fmt: skip
    assert summary == (
        "numeric · 3% · subject: US · metric: unemployment rate · period: 2023-03 · confidence 0.90"
    )


def test_a_sentence_marks_its_figure_and_keeps_it_when_cut():
    sentence = "GDP shrank by 8.5 per cent in 2020, Fitch said."
    assert render.sentence_with_figure(sentence, "8.5 per cent") == (
        "GDP shrank by «8.5 per cent» in 2020, Fitch said."
    )
    # A long sentence is cut around the figure, never losing it, which comes early.
    long = "Words " * 60 + "the rate rose to 3.5 percent in March" + " and more" * 40
    cut = render.sentence_with_figure(long, "3.5 percent", limit=80)
    assert len(cut) == 80 and "«3.5 percent»" in cut and cut.index("«") <= 41
    assert cut.startswith("…Words Words Words the rate") and cut.endswith("…")
    # A short sentence whose figure comes late starts near it too, at a whole word.
    late = render.sentence_with_figure(
        "Rosengren, who preferred at this meeting to maintain the target range at "
        "1-3/4 percent to 2 percent.", "2 percent"
    )  # fmt: skip
    assert late == "…the target range at 1-3/4 percent to «2 percent»."
    # The figure as whole words: "2 percent" is not the one inside "1/2 percentage".
    assert render.sentence_with_figure("Cut by 1/2 percentage point to 2 percent.",
                                       "2 percent") == (
        "Cut by 1/2 percentage point to «2 percent»."
    )  # fmt: skip
    # No surface, or one not in the sentence: the sentence alone, never an exception.
    assert render.sentence_with_figure("Kim spoke.\n", None) == "Kim spoke."
    assert render.sentence_with_figure("Kim spoke.", "Lee") == "Kim spoke."
    assert render.sentence_with_figure(None, None) == ""


def test_the_claims_table_leaves_out_empty_columns_and_has_no_none_text():
    rows = [
        {"id": 1, "status": "in_review", "kind": "quote", "surface": "We go on.",
         "sentence": 'Kim said: "We go on."', "speaker": "Kim", "subject": " ", "metric": None,
         "period": None, "published": None, "source_title": "Talks", "confidence": 0.5,
         "value": None},
        {"id": 2, "status": "unreviewed", "kind": "quote", "surface": "No.",
         "sentence": "Lee said: No.", "speaker": None, "subject": None, "metric": None,
         "period": None, "published": "2024-01-02", "source_title": None, "confidence": 0.4,
         "value": None},
    ]  # fmt: skip
    records, shown = render.claims_table(rows)
    assert shown == ["id", "status", "sentence", "speaker", "published", "source", "kind",
                     "confidence"]  # fmt: skip
    assert records[0]["status"] == "in review"
    assert records[0]["sentence"] == 'Kim said: "«We go on.»"'
    assert records[0]["subject"] is None and records[1]["speaker"] is None  # blank, not "None"
    assert "None" not in repr([r[c] for r in records for c in shown if isinstance(r[c], str)])
