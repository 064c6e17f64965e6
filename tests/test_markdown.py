"""Markdown articles: CommonMark (markdown-it-py) gives the text, PyYAML the front matter."""

from __future__ import annotations

from claims.extract import extract_claims
from claims.readers.markdown import article_from_markdown


def test_lists_keep_their_markers_and_their_lines():
    article = article_from_markdown(
        "# Jobs\n\n- Payrolls rose by 236,000.\n- Unemployment was 3.5%.\n\n"
        "1. First, wages.\n2. Then prices.\n"
    )
    assert article.text == (
        "Jobs\n\n- Payrolls rose by 236,000.\n- Unemployment was 3.5%.\n\n"
        "1. First, wages.\n2. Then prices."
    )


def test_markup_goes_and_code_and_entities_read_as_text():
    article = article_from_markdown(
        "Rates rose _sharply_ to `5.5%` in __July__ &amp; then held.\n\n"
        "> The Fed said it would wait.\n\n"
        "```\nraw 1,000\n```\n"
    )
    assert article.text == (
        "Rates rose sharply to 5.5% in July & then held.\n\n"
        "The Fed said it would wait.\n\n"
        "raw 1,000"
    )


def test_the_first_heading_is_the_title_without_its_markup():
    article = article_from_markdown("Intro line.\n\n## Rates at **5.5** percent\n\nMore.")
    assert article.title == "Rates at 5.5 percent"


def test_front_matter_is_read_as_yaml():
    article = article_from_markdown(
        "---\ntitle: 'Jobs: the March report'\npublished: 2023-04-07T09:00:00Z\n"
        "author:\n  - not a name\nurl: https://example.gov/jobs\n---\nText.\n"
    )
    assert article.title == "Jobs: the March report"  # a colon in a quoted value
    assert article.published == "2023-04-07"
    assert article.author is None  # a list, not a name
    assert article.url == "https://example.gov/jobs"
    assert article.text == "Text."


def test_front_matter_that_is_not_yaml_is_dropped_and_the_text_kept():
    article = article_from_markdown("---\ntitle: [unclosed\n---\n# Heading\n\nBody.\n")
    assert article.title == "Heading"
    assert article.text == "Heading\n\nBody."


def test_offsets_index_the_stored_text():
    # Claims are extracted from the converted text, so their offsets point into it.
    article = article_from_markdown("The economy added **236,000** jobs in March 2023.\n")
    (claim,) = [c for c in extract_claims(article.text, "2023-04-07") if c.kind == "numeric"]
    assert article.text[claim.surface_start : claim.surface_end] == "236,000"
