"""claims.ingest: every input form, dedupe, bulk runs, resume and re-extraction.

Most tests run a small stand-in extractor (every "N percent" is a numeric
claim whose sentence is its paragraph), so that they assert ingestion
behaviour exactly whatever the real extractor finds; the real extractor's own
tests cover what it finds. The tests marked as using the real extractor check
only structural facts about it.
"""

from __future__ import annotations

import codecs
import json
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import date, timedelta

import pytest

import claims.extract
from claims import config, ingest, store
from claims.ingest import (
    BulkSummary,
    ingest_many,
    ingest_path,
    ingest_text,
    ingest_url,
    load_samples,
)
from claims.model import EXTRACTOR_VERSION, ClaimsError, ExtractedClaim, normalise_published
from claims.readers import files
from claims.readers.article import MAX_TEXT_BYTES, make_article, prepare_text
from claims.readers.files import read_article_file, safe_file_name
from claims.reextract import NEAR_CHARS, match_claims, reextract

PERCENT = re.compile(r"\d+(?:\.\d+)? percent")
LOCAL = ["127.0.0.1"]  # the test web server's address, allowed explicitly


class FakeExtractor:
    """Numeric claims for "N percent"; `metric` and `skip` let a test change its mind."""

    def __init__(self) -> None:
        self.metric: str | None = None
        self.skip: set[str] = set()  # surfaces it no longer finds
        self.extra: list[str] = []  # further surfaces it now finds
        self.calls = 0

    def __call__(self, text: str, published: str | None = None) -> list[ExtractedClaim]:
        self.calls += 1
        found = [m for m in PERCENT.finditer(text) if m.group() not in self.skip]
        for surface in self.extra:
            found += list(re.finditer(re.escape(surface), text))
        return [
            self._claim(text, m.start(), m.end()) for m in sorted(found, key=lambda m: m.start())
        ]

    def _claim(self, text: str, start: int, end: int) -> ExtractedClaim:
        sentence_start = text.rfind("\n", 0, start) + 1
        sentence_end = text.find("\n", end)
        surface = text[start:end]
        number = re.match(r"[\d.,]+", surface)
        return ExtractedClaim(
            kind="numeric",
            surface=surface,
            surface_start=start,
            surface_end=end,
            sentence_start=sentence_start,
            sentence_end=len(text) if sentence_end == -1 else sentence_end,
            value=float(number.group().replace(",", "")) if number else None,
            unit="percent" if "percent" in surface else None,
            metric=self.metric,
        )


@pytest.fixture
def fake(monkeypatch) -> FakeExtractor:
    extractor = FakeExtractor()
    # claims.ingest imports extract_claims from the package at call time.
    monkeypatch.setattr(claims.extract, "extract_claims", extractor, raising=False)
    # Worker processes would import the real extractor: keep everything in-process.
    monkeypatch.setattr(ingest, "PARALLEL_THRESHOLD", 10**9)
    return extractor


def source_count(db) -> int:
    return db["sources"].count


def claim_surfaces(db, source_id: int) -> list[str]:
    rows = db["claims"].rows_where("source_id = ?", [source_id], order_by="surface_start")
    return [row["surface"] for row in rows]


ARTICLE = (
    "Jobs report\n\n"
    "Unemployment fell to 3.5 percent in March, the Labor Department said.\n\n"
    "Wages rose 4.2 percent from a year earlier."
)


# ---------------------------------------------------------------- pasted text


def test_ingest_text_stores_source_metadata_and_claims(db, fake):
    result = ingest_text(
        db,
        ARTICLE,
        title="March jobs",
        publisher="Daily Planet",
        author="Lois Lane",
        url="https://dailyplanet.example/jobs",
        published="2023-04-07T09:30:00+00:00",
        retrieved="2023-04-08T10:00:00+00:00",
    )
    assert result.created and result.claims_added == 2
    assert result.message == f"Added source {result.source_id} (March jobs) with 2 claims."
    source = store.get_source(db, result.source_id)
    assert {k: source[k] for k in ("title", "publisher", "author", "url", "published")} == {
        "title": "March jobs",
        "publisher": "Daily Planet",
        "author": "Lois Lane",
        "url": "https://dailyplanet.example/jobs",
        "published": "2023-04-07",
    }
    assert source["retrieved"] == "2023-04-08T10:00:00+00:00"
    assert source["text"] == ARTICLE
    assert claim_surfaces(db, result.source_id) == ["3.5 percent", "4.2 percent"]
    row = next(db["claims"].rows_where("surface = '3.5 percent'"))
    assert (
        row["sentence"] == "Unemployment fell to 3.5 percent in March, the Labor Department said."
    )
    assert row["published"] == "2023-04-07"
    assert row["extractor_version"] == EXTRACTOR_VERSION


def test_pasted_text_without_a_title_takes_its_first_line(db, fake):
    result = ingest_text(db, "\r\n  " + ARTICLE.replace("\n", "\r\n") + "\n\n")
    source = store.get_source(db, result.source_id)
    assert source["title"] == "Jobs report"
    assert source["text"] == ARTICLE  # newlines normalised, ends trimmed


def test_preview_saves_nothing_and_its_ticked_claims_are_what_ingest_stores(db, fake):
    before = store.revision(db)
    found = ingest.preview(ARTICLE, published="2023-04-07")
    assert [c.surface for c in found] == ["3.5 percent", "4.2 percent"]
    assert store.revision(db) == before and source_count(db) == 0
    result = ingest_text(db, ARTICLE, claims=[found[1]])  # the user unticked the first
    assert result.claims_added == 1
    assert claim_surfaces(db, result.source_id) == ["4.2 percent"]
    assert fake.calls == 1  # the given claims were stored without extracting again


def test_preview_offsets_refer_to_the_prepared_text(fake):
    raw = "\ufeff  Intro\r\n\r\nRates rose 2 percent.  "
    claim = ingest.preview(raw)[0]
    prepared = prepare_text(raw)
    assert prepared[claim.surface_start : claim.surface_end] == "2 percent"


@pytest.mark.parametrize("text", ["", "   ", "\n\t \r\n"])
def test_empty_text_is_refused_and_nothing_is_written(db, fake, text):
    before = store.revision(db)
    with pytest.raises(ClaimsError, match="^The article is empty: there is no text to store.$"):
        ingest_text(db, text)
    assert store.revision(db) == before and fake.calls == 0


def test_text_over_the_size_limit_is_refused_naming_the_limit(db, fake):
    text = "a" * (MAX_TEXT_BYTES + 1)
    with pytest.raises(ClaimsError) as caught:
        ingest_text(db, text)
    assert str(caught.value) == (
        "The article is too large: 5.0 MB of text; the limit is 5 MB (MAX_TEXT_BYTES)."
    )
    assert source_count(db) == 0


def test_a_bad_publication_date_is_refused(db, fake):
    with pytest.raises(ClaimsError, match="'last Tuesday' is not a date; use YYYY-MM-DD"):
        ingest_text(db, ARTICLE, published="last Tuesday")
    assert source_count(db) == 0


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("2021-01-06", "2021-01-06"),
        ("2021-01-06T23:59:00Z", "2021-01-06"),
        ("2021/01/06", "2021-01-06"),
        ("6 January 2021", "2021-01-06"),
        ("January 6, 2021", "2021-01-06"),
        ("", None),
        (None, None),
    ],
)
def test_publication_dates_are_normalised(raw, expected):
    assert normalise_published(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1800-01-01", "1800-01-01"), ("1998-03-02", "1998-03-02"), ("2 March 1898", "1898-03-02")],
)
def test_old_articles_can_be_dated(raw, expected):
    assert normalise_published(raw) == expected


def test_a_date_before_1800_or_in_the_future_is_refused_with_the_range():
    with pytest.raises(ClaimsError, match="out of range: give a date from 1800-01-01 to"):
        normalise_published("1799-12-31")
    future = (date.today() + timedelta(days=3)).isoformat()
    with pytest.raises(ClaimsError, match=f"Publication date {future} is out of range"):
        normalise_published(future)


def test_an_extractor_failure_refuses_the_article_and_writes_nothing(db, monkeypatch):
    def broken(text, published=None):
        raise ValueError("boom")

    monkeypatch.setattr(claims.extract, "extract_claims", broken, raising=False)
    with pytest.raises(ClaimsError, match=r"The claim extractor failed on this article"):
        ingest_text(db, ARTICLE)
    assert source_count(db) == 0


def test_claims_with_offsets_outside_the_text_leave_the_database_as_it_was(db, fake):
    bad = ExtractedClaim("numeric", "x", 0, 1, 0, 10_000)
    before = store.revision(db)
    with pytest.raises(ClaimsError, match="sentence offsets fall outside"):
        ingest_text(db, ARTICLE, claims=[bad])
    assert store.revision(db) == before and source_count(db) == 0


# ---------------------------------------------------------------- dedupe


def test_the_same_text_with_other_whitespace_is_one_source(db, fake):
    first = ingest_text(db, ARTICLE, title="March jobs")
    again = ingest_text(db, "  " + ARTICLE.replace("\n\n", "\n \n  ").replace(" ", "  ") + "\n")
    assert not again.created and again.duplicate
    assert again.source_id == first.source_id and again.claims_added == 0
    assert again.message == f"Already in the ledger as source {first.source_id} (March jobs)."
    assert source_count(db) == 1
    assert db["claims"].count == 2
    assert fake.calls == 1  # a duplicate is not extracted again


# ---------------------------------------------------------------- files


def test_txt_with_a_byte_order_mark(db, fake, tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"))
    article = read_article_file(path)
    assert article.text == ARTICLE and article.label == str(path)
    result = ingest_path(db, path)
    assert store.get_source(db, result.source_id)["text"] == ARTICLE


def test_latin1_and_windows_1252_text_is_read(db, fake, tmp_path):
    path = tmp_path / "old.txt"
    text = "Caf\u00e9 prices rose 4 percent \u2013 \u201cstill high\u201d, said Andr\u00e9."
    path.write_bytes(text.encode("cp1252"))
    assert read_article_file(path).text == text
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Se\u00f1or N\u00fa\u00f1ez: 5 percent.".encode("latin-1"))
    assert read_article_file(latin).text == "Se\u00f1or N\u00fa\u00f1ez: 5 percent."


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_text(ARTICLE, encoding="utf-16")
    assert read_article_file(path).text == ARTICLE


def test_a_binary_file_named_txt_is_refused(db, fake, tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ClaimsError) as caught:
        ingest_path(db, path)
    assert str(caught.value) == (
        f"{path} looks binary, not text; give a text, Markdown or HTML file."
    )
    assert source_count(db) == 0


def test_an_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.md"
    path.write_text("\n\n")
    with pytest.raises(ClaimsError, match=f"^{re.escape(str(path))} is empty"):
        read_article_file(path)


def test_markdown_front_matter_heading_and_markup(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(
        textwrap.dedent(
            """\
            ---
            title: "Strong March jobs report"
            date: 2023-04-07
            source_url: https://example.gov/jobs
            ---

            # The economy added **236,000** jobs

            Unemployment held at *3.5 percent*, see [the release](https://bls.gov/x).
            ![chart](chart.png)

            ---
            Wages rose 4.2 percent \\- a cooling.
            """
        )
    )
    article = read_article_file(path)
    assert article.title == "Strong March jobs report"
    assert article.published == "2023-04-07"
    assert article.url == "https://example.gov/jobs"
    assert article.text == (
        "The economy added 236,000 jobs\n\n"
        "Unemployment held at 3.5 percent, see the release.\n\n"
        "Wages rose 4.2 percent - a cooling."
    )


def test_markdown_without_front_matter_takes_its_first_heading_as_title(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("## Rates\n\nThe Fed raised rates by 0.25 percent.\n")
    article = read_article_file(path)
    assert article.title == "Rates"
    assert article.text == "Rates\n\nThe Fed raised rates by 0.25 percent."


NEWS_PAGE = """<!doctype html>
<html><head>
<title>Jobs report shows unemployment at 3.5 percent | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<meta name="author" content="Lois Lane">
<meta property="article:published_time" content="2023-04-07T09:00:00Z">
<link rel="canonical" href="https://dailyplanet.example/news/jobs-report">
</head><body>
<div id="cookie-banner" class="cookie-consent">We use 12 percent more cookies.
Accept all cookies?</div>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/markets">Markets up 40 percent</a></li></ul></nav>
<main><article>
<h1>Jobs report shows unemployment at 3.5 percent</h1>
<p>Unemployment fell to 3.5 percent in March, the Labor Department said on Friday.
Employers added 236,000 jobs during the month, slightly above what economists expected.</p>
<p>Wages rose 4.2 percent from a year earlier, the department said, a sign that pay growth
is cooling as the labor market comes back into balance after the pandemic years.</p>
<p>Analysts said the figures would give the central bank room to pause its campaign of
interest rate increases at its next meeting in May.</p>
</article>
<aside class="related"><h2>Related articles</h2><ul>
<li><a href="/a">Inflation hits 9.1 percent in June</a></li>
<li><a href="/b">Rents jump 77 percent in a decade</a></li></ul></aside>
</main>
<footer><p>Copyright 2023 Daily Planet. Readers up 250 percent.</p></footer>
</body></html>
"""
BOILERPLATE = ("cookies", "Markets up", "Related articles", "9.1 percent", "77 percent", "250")


def test_html_file_gives_main_text_and_metadata_without_boilerplate(db, fake, tmp_path):
    path = tmp_path / "jobs.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    result = ingest_path(db, path)
    source = store.get_source(db, result.source_id)
    assert source["title"] == "Jobs report shows unemployment at 3.5 percent"
    assert source["publisher"] == "Daily Planet"
    assert source["author"] == "Lois Lane"
    assert source["published"] == "2023-04-07"
    assert source["url"] == "https://dailyplanet.example/news/jobs-report"
    for junk in BOILERPLATE:
        assert junk not in source["text"]
    assert source["text"].startswith("Jobs report shows unemployment at 3.5 percent\n\n")
    # Only the article's own figures became claims: no 12, 40, 9.1, 77 or 250.
    values = sorted(row["value"] for row in db["claims"].rows)
    assert values == [3.5, 3.5, 4.2]


def test_htm_in_windows_1252_declared_in_a_meta_tag(tmp_path):
    path = tmp_path / "old.htm"
    page = NEWS_PAGE.replace("<head>", '<head><meta charset="windows-1252">').replace(
        "Employers added", "Caf\u00e9 owners \u201cadded\u201d"
    )
    path.write_bytes(page.encode("cp1252"))
    assert "Caf\u00e9 owners \u201cadded\u201d" in read_article_file(path).text


def test_html_without_article_text_is_refused(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text(
        "<html><head><title>T</title></head><body><div class='menu'>"
        "<a href='/'>Home</a> <a href='/w'>World</a></div></body></html>"
    )
    with pytest.raises(ClaimsError, match=f"^{re.escape(str(path))}: no article text found"):
        read_article_file(path)


def test_unsupported_and_missing_files_are_refused(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    with pytest.raises(ClaimsError, match="is not a supported article file; use .txt, .md"):
        read_article_file(pdf)
    with pytest.raises(ClaimsError, match="^No file at .*nowhere.txt.$"):
        read_article_file(tmp_path / "nowhere.txt")


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1024)
    path = tmp_path / "huge.html"
    path.write_text("<p>x</p>" * 200)
    with pytest.raises(ClaimsError) as caught:
        read_article_file(path)
    assert str(caught.value) == f"{path} is too large: 1.6 KB; the limit is 1 KB."


def test_unknown_metadata_is_refused(db, fake, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    with pytest.raises(ClaimsError, match="^Unknown article field\\(s\\): colour.$"):
        ingest_path(db, tmp_path / "a.txt", colour="red")


def test_metadata_given_for_a_file_wins_over_what_the_file_says(db, fake, tmp_path):
    path = tmp_path / "jobs.html"
    path.write_text(NEWS_PAGE)
    result = ingest_path(db, path, title="My title", published="2023-04-08")
    source = store.get_source(db, result.source_id)
    assert (source["title"], source["published"], source["publisher"]) == (
        "My title",
        "2023-04-08",
        "Daily Planet",
    )


# ---------------------------------------------------------------- URLs


@pytest.fixture
def web(tmp_path):
    """A local http.server serving tmp_path/www; yields its base URL."""
    import functools
    import http.server
    import threading

    root = tmp_path / "www"
    root.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def test_ingest_url_reads_the_page_and_records_where_and_when(db, fake, web):
    root, base = web
    (root / "jobs.html").write_text(NEWS_PAGE)
    result = ingest_url(db, f"{base}/jobs.html", allow_private=["127.0.0.1"])
    source = store.get_source(db, result.source_id)
    assert result.created and source["title"].startswith("Jobs report")
    assert source["url"] == "https://dailyplanet.example/news/jobs-report"  # canonical
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$", source["retrieved"])
    assert "cookies" not in source["text"]


def test_a_plain_text_url_keeps_its_address(db, fake, web):
    root, base = web
    (root / "jobs.txt").write_text(ARTICLE)
    result = ingest_url(db, f"{base}/jobs.txt", allow_private=True)
    assert store.get_source(db, result.source_id)["url"] == f"{base}/jobs.txt"


def test_ingest_url_refuses_a_private_address_by_default(db, fake, web):
    _, base = web
    with pytest.raises(ClaimsError, match="127.0.0.1 is not a public internet address"):
        ingest_url(db, f"{base}/jobs.txt")
    assert source_count(db) == 0


def test_url_then_file_of_the_same_page_is_one_source(db, fake, web, tmp_path):
    root, base = web
    (root / "jobs.html").write_text(NEWS_PAGE)
    first = ingest_url(db, f"{base}/jobs.html", allow_private=True)
    copy = tmp_path / "saved page.html"
    copy.write_text(NEWS_PAGE.replace("\n", "\r\n"))
    again = ingest_path(db, copy)
    assert not again.created and again.source_id == first.source_id
    assert again.message.startswith(f"Already in the ledger as source {first.source_id} (")
    (root / "plain.txt").write_text(ARTICLE)
    text_first = ingest_url(db, f"{base}/plain.txt", allow_private=True)
    (tmp_path / "plain.txt").write_text(ARTICLE.replace("\n\n", "\n"))
    assert ingest_path(db, tmp_path / "plain.txt").source_id == text_first.source_id
    assert source_count(db) == 2


def test_bulk_urls_land_and_refused_ones_are_reported(db, fake, web):
    root, base = web
    (root / "jobs.txt").write_text(ARTICLE)
    summary = ingest_many(
        db, [f"{base}/jobs.txt", "http://10.0.0.1/x", f"{base}/gone.txt"], allow_private=LOCAL
    )
    assert summary.added == 1
    assert summary.failures == [
        (
            "http://10.0.0.1/x",
            "Refused to fetch http://10.0.0.1/x: 10.0.0.1 is not a public internet address "
            "(loopback, private, link-local, multicast and reserved addresses are refused).",
        ),
        (
            f"{base}/gone.txt",
            f"Cannot fetch {base}/gone.txt: the server answered HTTP 404 File not found.",
        ),
    ]


# ---------------------------------------------------------------- bulk


def write_articles(folder, count: int, prefix: str = "article") -> list:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"{prefix}-{n:03d}.txt"
        path.write_text(f"Report {n}\n\nPrices rose {n}.5 percent in month {n}.\n")
        paths.append(path)
    return paths


def test_a_folder_lands_while_a_bad_file_is_reported(db, fake, tmp_path):
    folder = tmp_path / "in"
    write_articles(folder / "sub", 2)
    (folder / "page.html").write_text(NEWS_PAGE)
    (folder / "notes.md").write_text("# Notes\n\nGDP grew 2 percent.")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # hidden: not an article
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7")
    summary = ingest_many(db, [folder])
    assert (summary.added, summary.duplicates, summary.claims_added) == (4, 0, 6)
    assert summary.failures == [
        (
            str(folder / "broken.txt"),
            f"{folder / 'broken.txt'} looks binary, not text; give a text, Markdown or HTML file.",
        ),
        (
            str(folder / "scan.pdf"),
            f"{folder / 'scan.pdf'} is not a supported article file; "
            "use .txt, .md, .html, .htm (or .jsonl, .csv or a folder for many articles).",
        ),
    ]
    assert source_count(db) == 4
    assert str(summary) == "4 sources added, 0 duplicates, 2 failures, 6 claims added."


def test_jsonl_with_a_malformed_line_reports_it_and_ingests_the_rest(db, fake, tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {
                "id": "a",
                "text": "Alpha rose 1 percent.",
                "title": "Alpha",
                "publisher": "Wire",
                "author": "A. Writer",
                "published": "2020-05-01",
                "url": "https://wire.example/a",
                "licence": "ignored",
            }
        ),
        '{"text": "Beta rose 2 percent.", "title": ',
        "",
        json.dumps({"html": NEWS_PAGE, "publisher": "Planet Wire"}),
        json.dumps({"title": "no text"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "Gamma fell 3 percent.", "published": "someday"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    summary = ingest_many(db, [path])
    assert summary.added == 2
    assert summary.failures == [
        (f"{path} line 2", f"{path} line 2 is not valid JSON (Expecting value)."),
        (
            f"{path} line 5",
            f"{path} line 5: no article text (the 'text' and 'html' fields are empty).",
        ),
        (f"{path} line 6", f"{path} line 6: expected an object with 'text' or 'html'."),
        (f"{path} line 7", "Publication date 'someday' is not a date; use YYYY-MM-DD."),
    ]
    alpha = next(db["sources"].rows_where("title = 'Alpha'"))
    assert (alpha["publisher"], alpha["author"], alpha["published"], alpha["url"]) == (
        "Wire",
        "A. Writer",
        "2020-05-01",
        "https://wire.example/a",
    )
    page = next(db["sources"].rows_where("title LIKE 'Jobs report%'"))
    assert page["publisher"] == "Planet Wire"  # the row's field wins over the page's
    assert page["author"] == "Lois Lane"


def test_csv_with_extra_and_missing_columns_and_a_quoted_newline(db, fake, tmp_path):
    path = tmp_path / "batch.csv"
    path.write_text(
        "\ufeffTitle,text,published,notes\n"
        'One,"First paragraph.\n\nSecond says 5 percent.",2021-02-03,extra\n'
        "Two,Rates at 2 percent.\n"  # a short row: published and notes missing
        "Three,Plain 7 percent,2021-02-05,x,y,z\n"  # more fields than columns
        "Four,,2021-02-06,\n"  # empty text
        ",,,\n",  # an empty row is skipped
        encoding="utf-8",
    )
    summary = ingest_many(db, [path])
    assert (summary.added, summary.claims_added) == (3, 3)
    assert summary.failures == [
        (
            f"{path} line 7",
            f"{path} line 7: no article text (the 'text' and 'html' fields are empty).",
        )
    ]
    one = next(db["sources"].rows_where("title = 'One'"))
    assert one["text"] == "First paragraph.\n\nSecond says 5 percent."
    assert one["published"] == "2021-02-03"
    assert next(db["sources"].rows_where("title = 'Two'"))["published"] is None


def test_csv_without_a_text_column_is_one_clear_failure(db, fake, tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("headline,body\nA,B\n")
    summary = ingest_many(db, [path])
    assert summary.failures == [
        (str(path), f"{path} has neither a 'text' nor an 'html' column (columns: headline, body).")
    ]
    assert source_count(db) == 0


def test_bulk_counts_duplicates_within_and_across_runs(db, fake, tmp_path):
    paths = write_articles(tmp_path / "a", 3)
    twin = tmp_path / "twin.txt"
    twin.write_text(paths[0].read_text().replace("\n", "\n\n"))
    summary = ingest_many(db, [*paths, twin])
    assert (summary.added, summary.duplicates) == (3, 1)
    label, result = summary.results[-1]
    assert label == str(twin)
    assert (
        result.message
        == f"Already in the ledger as source {summary.results[0][1].source_id} (Report 0)."
    )


def test_progress_is_reported_for_every_input(db, fake, tmp_path):
    paths = write_articles(tmp_path / "p", 3)
    seen = []
    ingest_many(db, [*paths, tmp_path / "missing.txt"], progress=lambda *a: seen.append(a))
    assert seen == [
        (1, 4, str(paths[0])),
        (2, 4, str(paths[1])),
        (3, 4, str(paths[2])),
        (4, 4, str(tmp_path / "missing.txt")),
    ]


def test_an_interrupted_bulk_ingest_resumes_without_duplicates(db, fake, tmp_path):
    paths = write_articles(tmp_path / "many", 8)

    def interrupt_after_three(done, total, label):
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest_many(db, paths, progress=interrupt_after_three)
    assert source_count(db) == 3
    summary = ingest_many(db, paths)
    assert (summary.added, summary.duplicates, summary.failures) == (5, 3, [])
    assert source_count(db) == 8 and db["claims"].count == 8
    assert fake.calls == 8  # the three that landed were not extracted again


def test_another_writer_is_never_locked_out_while_an_article_is_extracted(
    db, fake, tmp_path, monkeypatch
):
    # Bulk ingests write articles in batches; the batch is committed before any slow
    # step, so the dashboard's edits never wait on an extraction or a fetch.
    paths = write_articles(tmp_path / "many", 4)
    path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    other_writes = []

    def extract_while_someone_writes(text, published=None):
        other = sqlite3.connect(path, timeout=0.05)
        try:
            other.execute("UPDATE meta SET value = value WHERE key = 'revision'")
            other.commit()
            other_writes.append("ok")
        except sqlite3.OperationalError as exc:
            other_writes.append(str(exc))
        finally:
            other.close()
        return fake(text, published)

    monkeypatch.setattr(claims.extract, "extract_claims", extract_while_someone_writes)
    summary = ingest_many(db, paths)
    assert summary.added == 4
    assert other_writes == ["ok"] * 4


def test_a_partial_list_then_the_full_list(db, fake, tmp_path):
    paths = write_articles(tmp_path / "many", 6)
    first = ingest_many(db, paths[:4])
    second = ingest_many(db, paths)
    assert (first.added, second.added, second.duplicates) == (4, 2, 4)
    assert source_count(db) == 6 and db["claims"].count == 6


KILLED_RUN = """
import sys, time
import claims.extract
from claims import ingest, store

def slow(text, published=None):
    time.sleep(0.05)
    return []

claims.extract.extract_claims = slow
ingest.PARALLEL_THRESHOLD = 10**9
db = store.connect(sys.argv[1])
ingest.ingest_many(db, sys.argv[2:])
"""


def test_a_killed_bulk_process_is_finished_by_running_it_again(db, fake, tmp_path):
    paths = write_articles(tmp_path / "killed", 60)
    db_path = tmp_path / "claims.db"  # the `db` fixture's file
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_RUN, str(db_path), *map(str, paths)],
        cwd=config.PROJECT_DIR,
    )
    deadline = time.monotonic() + 60
    while source_count(db) < 5 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL  # killed mid-run, not finished
    landed = source_count(db)
    assert 5 <= landed < 60
    summary = ingest_many(db, paths)
    assert (summary.added, summary.duplicates, summary.failures) == (60 - landed, landed, [])
    assert source_count(db) == 60


def test_inputs_may_be_articles_made_in_memory(db, fake):
    article = make_article(ARTICLE, label="pasted", title="From a form")
    summary = ingest_many(db, [article])
    assert summary.results[0][0] == "pasted" and summary.added == 1


def test_bulk_summary_reads_well():
    summary = BulkSummary(added=1, duplicates=2, failures=[("x", "y")], claims_added=1)
    assert str(summary) == "1 source added, 2 duplicates, 1 failure, 1 claim added."
    assert not summary.ok and BulkSummary().ok


# ---------------------------------------------------------------- samples


def test_the_shipped_samples_load_once(db, fake):
    summary = load_samples(db, config.SAMPLES_DIR)
    assert (summary.added, summary.duplicates, summary.failures) == (84, 0, [])
    seed = store.get_source(db, 1)
    expected = json.loads(
        (config.SAMPLES_DIR / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0]
    )
    assert (seed["title"], seed["publisher"], seed["published"]) == (
        "Kim Jong Un urges \u2018big leap foward\u2019 at rare North Korea congress",
        "The Straits Times",
        "2021-01-06",
    )
    assert seed["text"] == expected["text"]
    again = load_samples(db, config.SAMPLES_DIR)
    assert (again.added, again.duplicates) == (0, 84)


def test_load_samples_needs_the_samples_file(db, tmp_path):
    with pytest.raises(ClaimsError, match="No sample articles at"):
        load_samples(db, tmp_path)


# ---------------------------------------------------------------- re-extraction

REEXTRACT_TEXT = (
    "Edited: inflation 1 percent.\n"
    "Verified: growth 2 percent.\n"
    "Gone: rates 3 percent.\n"
    "Updated: wages 4 percent.\n"
    "Reviewed: output 5 percent.\n"
    "New: 6,000 jobs."
)


def claims_by_surface(db) -> dict[str, dict]:
    return {row["surface"]: row for row in db["claims"].rows}


@pytest.fixture
def reviewed(db, fake):
    """A source whose claims a person has edited, verified, and reviewed then reset."""
    result = ingest_text(db, REEXTRACT_TEXT, title="R")
    rows = claims_by_surface(db)
    store.update_claim(
        db,
        rows["1 percent"]["id"],
        {"unit": "pct", "metric": "CPI"},
        expected_version=1,
        reviewer="ana",
        note="unit",
    )
    store.set_status(db, rows["2 percent"]["id"], "verified", note="checked", reviewer="ana")
    # Reviewed, then set back to unreviewed: the review rows still protect it.
    store.set_status(db, rows["5 percent"]["id"], "disputed", note="hm", reviewer="bo")
    store.set_status(db, rows["5 percent"]["id"], "unreviewed", note="undo", reviewer="bo")
    return db, result.source_id


def test_reextract_adds_updates_marks_vanished_and_keeps_what_people_did(reviewed, fake):
    db, source_id = reviewed
    before = claims_by_surface(db)
    reviews_before = db["reviews"].count
    fake.metric = "new metric"  # the new extractor fills a field differently
    fake.skip = {"1 percent", "2 percent", "3 percent", "5 percent"}  # no longer found
    fake.extra = ["6,000"]  # and finds something new
    summary = reextract(db)
    assert (summary.sources, summary.claims_added, summary.claims_updated) == (1, 1, 1)
    assert (summary.claims_vanished, summary.claims_protected, summary.failures) == (1, 3, [])
    after = claims_by_surface(db)
    for surface in ("1 percent", "2 percent", "5 percent"):  # untouched, not even vanished
        assert after[surface] == before[surface]
    assert after["1 percent"]["unit"] == "pct" and after["1 percent"]["metric"] == "CPI"
    assert after["2 percent"]["status"] == "verified"
    gone = after["3 percent"]
    assert gone["vanished"] == 1 and gone["version"] == before["3 percent"]["version"] + 1
    assert {k: gone[k] for k in ("metric", "status")} == {"metric": None, "status": "unreviewed"}
    updated = after["4 percent"]
    assert updated["metric"] == "new metric" and updated["vanished"] == 0
    assert updated["id"] == before["4 percent"]["id"]
    new = after["6,000"]
    assert (new["source_id"], new["value"], new["extractor_version"]) == (
        source_id,
        6000.0,
        EXTRACTOR_VERSION,
    )
    assert db["reviews"].count == reviews_before  # notes and history untouched
    assert db["claims"].count == 6  # nothing deleted


def test_reextract_keeps_edited_claims_even_when_found_again(reviewed, fake):
    db, _ = reviewed
    before = claims_by_surface(db)
    fake.metric = "changed"
    summary = reextract(db)
    after = claims_by_surface(db)
    assert after["1 percent"] == before["1 percent"]  # edited: metric stays "CPI"
    assert after["2 percent"]["metric"] is None  # verified: not overwritten
    assert after["3 percent"]["metric"] == "changed"
    assert (summary.claims_updated, summary.claims_protected, summary.claims_vanished) == (2, 3, 0)


def test_reextract_twice_changes_nothing_the_second_time(reviewed, fake):
    db, _ = reviewed
    fake.skip = {"3 percent"}
    reextract(db)
    revision = store.revision(db)
    summary = reextract(db)
    assert (summary.claims_added, summary.claims_updated, summary.claims_vanished) == (0, 0, 0)
    assert store.revision(db) == revision


def test_a_vanished_claim_found_again_is_unmarked(reviewed, fake):
    db, _ = reviewed
    fake.skip = {"3 percent"}
    reextract(db)
    assert claims_by_surface(db)["3 percent"]["vanished"] == 1
    fake.skip = set()
    summary = reextract(db)
    assert claims_by_surface(db)["3 percent"]["vanished"] == 0
    assert summary.claims_updated == 1


def test_a_moved_surface_matches_by_text_near_the_same_offset(db, fake):
    ingest_text(db, "Rates: 2 percent.", title="M")
    old = claims_by_surface(db)["2 percent"]
    assert (old["surface_start"], old["surface_end"]) == (7, 16)
    moved = ExtractedClaim("numeric", "2 percent", 8, 17, 0, 17, value=2.0, unit="percent")
    pairs, gone, fresh = match_claims([old], [moved])
    assert [(row["id"], claim) for row, claim in pairs] == [(old["id"], moved)] and not gone
    assert not fresh
    far = ExtractedClaim("numeric", "2 percent", 7 + NEAR_CHARS + 1, 0, 0, 0)
    assert match_claims([old], [far])[2] == [far]


def test_reextract_reports_a_failing_source_and_goes_on(db, fake, monkeypatch):
    ingest_text(db, "One 1 percent.")
    ingest_text(db, "Two 2 percent.")

    def picky(text, published=None):
        if text.startswith("One"):
            raise RuntimeError("cannot")
        return fake(text, published)

    monkeypatch.setattr(claims.extract, "extract_claims", picky)
    summary = reextract(db)
    assert summary.sources == 1
    assert summary.failures == [
        ("source 1", "The claim extractor failed on this article (RuntimeError('cannot')).")
    ]


# ---------------------------------------------------------------- the real extractor


def test_real_extractor_claims_are_stored(db):
    result = ingest_text(
        db, "Unemployment fell to 3.5 percent in March, the Labor Department said."
    )
    rows = list(db["claims"].rows_where("source_id = ?", [result.source_id]))
    assert any(
        r["kind"] == "numeric" and r["value"] == 3.5 and r["unit"] == "percent" for r in rows
    )
    assert result.claims_added == len(rows)


def test_parallel_extraction_stores_what_serial_extraction_stores(tmp_path, monkeypatch):
    paths = write_articles(tmp_path / "par", 6)
    monkeypatch.setattr(ingest, "PARALLEL_THRESHOLD", 4)
    serial_db = store.connect(tmp_path / "serial.db")
    parallel_db = store.connect(tmp_path / "parallel.db")
    serial = ingest_many(serial_db, paths, workers=1)
    parallel = ingest_many(parallel_db, paths, workers=2)
    assert (parallel.added, parallel.failures) == (6, []) == (serial.added, serial.failures)
    query = "SELECT source_id, kind, surface_start, surface_end, value FROM claims ORDER BY 1, 3"
    assert parallel_db.execute(query).fetchall() == serial_db.execute(query).fetchall()
    assert parallel.claims_added == serial.claims_added > 0


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("jobs report.HTML", "jobs_report.html"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\ana\\feed.jsonl", "feed.jsonl"),
        ("<script>.txt", "script.txt"),
        (".hidden", "hidden"),
        ("", "upload"),
        ("notes.t x t", "notes.t_x_t"),
    ],
)
def test_uploads_get_harmless_file_names(name, expected):
    assert safe_file_name(name) == expected


def test_a_bulk_write_batch_commits_once_it_has_held_the_write_lock_long_enough(
    db, tmp_path, monkeypatch
):
    clock = [100.0]
    monkeypatch.setattr(ingest, "_clock", lambda: clock[0])
    other = store.connect(tmp_path / "claims.db")
    batch = ingest._WriteBatch(db)

    def write(n: int) -> None:
        article = ingest.Article(text=f"Acme sold {n} mills in May.", title=f"Mills {n}")
        batch.write(lambda: ingest._write(db, article, []))

    for n in (1, 2, 3):
        write(n)
    assert db.conn.in_transaction  # three articles in no time: still one batch
    assert other["sources"].count == 0
    clock[0] += ingest.MAX_BATCH_SECONDS
    batch.commit_if_held_long()  # before reading the next file
    assert not db.conn.in_transaction and other["sources"].count == 3
    write(4)
    clock[0] += ingest.MAX_BATCH_SECONDS
    write(5)  # the article that finds the batch old commits it
    assert not db.conn.in_transaction and other["sources"].count == 5
    other.close()


def test_a_write_batch_leaves_a_transaction_it_did_not_open_to_its_owner(db, monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(ingest, "_clock", lambda: clock[0])
    db.conn.execute("BEGIN IMMEDIATE")
    clock[0] += 10 * ingest.MAX_BATCH_SECONDS
    ingest._WriteBatch(db).commit_if_held_long()
    assert db.conn.in_transaction
    db.conn.rollback()
