"""Inputs -> a source row with its metadata and extracted claims.

Every article, whatever form it came in (pasted text, a .txt/.md/.html file,
a URL, a row of a .jsonl or .csv file, a file in a folder), becomes an
`Article` (text + metadata, no database), then one source row with its claims
written in one transaction by `claims.store.add_source`. The same content
twice (other whitespace, or first from a URL and then from a file) is stored
once: the content hash decides, and the second ingest says which source it is.

Bulk ingests commit every ARTICLES_PER_COMMIT sources (each whole or not at all), so
an interrupted run re-run later skips what already landed (as duplicates) and
finishes the rest.
Extraction of many articles runs in worker processes; the database is written
by this process only.

For the dashboard's "Add articles" page: `prepare_text` shows the exact text
that would be stored, `preview` extracts its claims without saving, and
`ingest_text(..., claims=[...])` saves only the claims the user ticked
(offsets from `preview` refer to `prepare_text(text)`, which ingest_text
stores).
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import json
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

import sqlite_utils
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from claims import store
from claims.fetch import AllowPrivate, fetch, format_size
from claims.matching import match_missing_keys
from claims.model import (
    EXTRACTOR_VERSION,
    ClaimsError,
    ExtractedClaim,
    normalise_published,
    safe_period_bounds,
)
from claims.processes import worker_pool
from claims.textio import decode_bytes, looks_binary, normalise_newlines

MAX_TEXT_BYTES = 5 * 1024 * 1024  # an article's text, UTF-8 encoded
MAX_FILE_BYTES = 25 * 1024 * 1024  # a file read as one article (HTML carries markup)
MAX_BULK_FILE_BYTES = 512 * 1024 * 1024  # a .jsonl or .csv of many articles
# A <script> or <style> longer than this, or a run this long without a tag in it (an
# inline data: image, a comment), is dropped before parsing a page: the HTML parser
# gives up at a text node or attribute over 10 MB and would lose the article after it.
HUGE_INLINE_CHARS = 1_000_000

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
BULK_SUFFIXES = (".jsonl", ".csv")
# Below this many articles, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 16
# How many extractions may be queued ahead of the writer (bounds memory).
_PENDING_PER_WORKER = 4
TITLE_FROM_TEXT_MAX = 150
METADATA_FIELDS = ("title", "publisher", "author", "url", "published", "retrieved")
_URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")

# A progress callback: progress(done, total, label of the item just finished).
Progress = Callable[[int, int, str], None]


# ---------------------------------------------------------------- results


@dataclass
class Article:
    """An article's text and metadata, read from some input; nothing stored yet."""

    text: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    retrieved: str | None = None
    label: str = ""  # where it came from, for messages ("notes.txt", "x.jsonl line 3")

    def metadata(self) -> dict[str, str | None]:
        """The source-row fields other than text."""
        return {name: getattr(self, name) for name in METADATA_FIELDS}


@dataclass
class IngestResult:
    source_id: int
    created: bool
    claims_added: int
    message: str  # for a person: "Added source 12 (…) with 7 claims." / "Already in the ledger…"

    @property
    def duplicate(self) -> bool:
        return not self.created


@dataclass
class BulkSummary:
    added: int = 0
    duplicates: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (input label, reason)
    claims_added: int = 0
    results: list[tuple[str, IngestResult]] = field(default_factory=list)  # (label, result)

    @property
    def ok(self) -> bool:
        """True when everything landed or was already there."""
        return not self.failures

    def record(self, label: str, result: IngestResult) -> None:
        self.results.append((label, result))
        if result.created:
            self.added += 1
            self.claims_added += result.claims_added
        else:
            self.duplicates += 1

    def __str__(self) -> str:
        return (
            f"{_count(self.added, 'source')} added, {_count(self.duplicates, 'duplicate')}, "
            f"{_count(len(self.failures), 'failure')}, {_count(self.claims_added, 'claim')} added."
        )


@dataclass
class ReextractSummary:
    sources: int = 0
    claims_added: int = 0
    claims_updated: int = 0
    claims_unchanged: int = 0
    claims_vanished: int = 0
    claims_protected: int = 0  # reviewed or edited by a person: left exactly as they were
    failures: list[tuple[str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{_count(self.sources, 'source')} re-extracted: "
            f"{_count(self.claims_added, 'new claim')}, {self.claims_updated} updated, "
            f"{self.claims_unchanged} unchanged, {self.claims_vanished} marked vanished, "
            f"{self.claims_protected} kept as reviewed or edited, "
            f"{_count(len(self.failures), 'failure')}."
        )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


# ---------------------------------------------------------------- text and metadata


def prepare_text(text: str) -> str:
    """The text as it will be stored: one newline convention, no BOM, trimmed.

    Claim offsets refer to this text, so preview and ingest both use it.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").strip()


def check_text(text: str, label: str = "The article") -> None:
    """ClaimsError when the text is empty or larger than MAX_TEXT_BYTES."""
    if not text or not text.strip():
        raise ClaimsError(f"{label} is empty: there is no text to store.")
    size = len(_utf8(text, label))
    if size > MAX_TEXT_BYTES:
        raise ClaimsError(
            f"{label} is too large: {size / 1_048_576:.1f} MB of text; the limit is "
            f"{MAX_TEXT_BYTES / 1_048_576:g} MB (MAX_TEXT_BYTES)."
        )


def _utf8(text: str, label: str) -> bytes:
    """The text as UTF-8, or ClaimsError when it holds a lone surrogate (from a JSON
    escape such as "\\ud800"), which no database or file can store."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ClaimsError(
            f"{label} is not valid Unicode text: it holds a lone surrogate "
            f"(U+{ord(text[exc.start]):04X}) at character {exc.start + 1}."
        ) from None


def title_from_text(text: str) -> str | None:
    """The first line of the text when it is short enough to be a headline."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= TITLE_FROM_TEXT_MAX else None
    return None


def make_article(text: str, *, label: str = "The article", **metadata: object) -> Article:
    """An Article from raw text and metadata: text prepared and checked, date normalised."""
    _check_fields(metadata)
    text = prepare_text(text)
    check_text(text, label)
    cleaned = {name: _clean_value(value) for name, value in metadata.items()}
    cleaned["published"] = normalise_published(cleaned.get("published"))
    if not cleaned.get("title"):
        cleaned["title"] = title_from_text(text)
    return Article(text=text, label=label, **cleaned)


def _clean_value(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def with_overrides(article: Article, overrides: Mapping[str, object]) -> Article:
    """The article with metadata a person gave explicitly taking precedence."""
    # Any: mypy checks each value against every field of Article (text: str too), but
    # _check_fields admits only the metadata fields, each str | None.
    given: dict[str, Any] = {
        name: _clean_value(value) for name, value in overrides.items() if value
    }
    _check_fields(given)
    if "published" in given:
        given["published"] = normalise_published(given["published"])
    return replace(article, **given)


def _check_fields(metadata: dict) -> None:
    unknown = set(metadata) - set(METADATA_FIELDS)
    if unknown:
        raise ClaimsError(f"Unknown article field(s): {', '.join(sorted(unknown))}.")


# ---------------------------------------------------------------- HTML and files


def article_from_html(
    html: str | bytes, url: str | None = None, *, label: str | None = None
) -> Article:
    """Main text and metadata of a web page (trafilatura); menus, cookie banners and
    related-link blocks are left out. ClaimsError when no article text is found.

    `label` names the input in messages (default: the URL)."""
    import trafilatura  # imported here: slow to import, and worker processes never need it

    label = label or url or "The HTML page"
    if isinstance(html, bytes):
        html = decode_bytes(html, label, html=True)
    _utf8(html, label)
    if not html.strip():
        raise ClaimsError(f"{label} is empty: there is no HTML to read.")
    if len(html) > MAX_FILE_BYTES:
        raise ClaimsError(
            f"{label} is too large: the limit for a web page is "
            f"{MAX_FILE_BYTES / 1_048_576:g} MB (MAX_FILE_BYTES)."
        )
    try:
        document = trafilatura.bare_extraction(
            _drop_huge_inline(html),
            url=url,
            with_metadata=True,
            include_comments=False,
            # Tables flatten into runs of cells, not sentences; leave them out.
            include_tables=False,
            favor_precision=True,
            deduplicate=False,
        )
    except Exception as exc:  # noqa: BLE001 - the parsers fail on some broken markup
        # ("</html><svg>" trips an assertion inside lxml, through htmldate).
        raise ClaimsError(
            f"{label}: the HTML is too broken to read ({type(exc).__name__})."
        ) from None
    assert not isinstance(document, dict)  # a dict only when asked with as_dict=True
    body = (document.text if document is not None else None) or ""
    if document is None or not body.strip():
        raise ClaimsError(f"{label}: no article text found in the HTML.")
    # trafilatura puts one paragraph per line; a blank line between them tells
    # the extractor's sentence splitter where paragraphs end.
    text = "\n\n".join(line.strip() for line in body.splitlines() if line.strip())
    return make_article(
        text,
        label=label,
        title=document.title,
        author=document.author,
        publisher=document.sitename,
        published=_lenient_date(document.date),
        url=document.url or url,
    )


_INLINE_OPEN = re.compile(r"<(script|style)\b[^<>]{0,4096}>", re.I)
_INLINE_CLOSE = {tag: re.compile(rf"</{tag}\s*>", re.I) for tag in ("script", "style")}


def _drop_huge_inline(html: str) -> str:
    """The page without script and style contents, or runs of characters between
    tags, longer than HUGE_INLINE_CHARS.

    Linear time: each search starts where the previous one ended."""
    if len(html) <= HUGE_INLINE_CHARS:
        return html
    html = _drop_huge_runs(html, HUGE_INLINE_CHARS)
    kept: list[str] = []
    pos = 0
    while (opening := _INLINE_OPEN.search(html, pos)) is not None:
        closing = _INLINE_CLOSE[opening.group(1).lower()].search(html, opening.end())
        end = closing.start() if closing else len(html)
        huge = end - opening.end() > HUGE_INLINE_CHARS
        kept.append(html[pos : opening.end() if huge else end])
        pos = end
        if closing is None:
            break
        kept.append(closing.group())
        pos = closing.end()
    kept.append(html[pos:])
    return "".join(kept)


def _drop_huge_runs(html: str, limit: int) -> str:
    """The text without runs of more than `limit` characters free of "<" and ">".

    Every such run holds a multiple of `limit`, so only those places are looked at.
    """
    kept: list[str] = []
    pos = 0
    for i in range(limit, len(html), limit):
        if i < pos:
            continue
        start = max(html.rfind("<", 0, i), html.rfind(">", 0, i)) + 1
        end = min((e for e in (html.find("<", i), html.find(">", i)) if e != -1), default=len(html))
        if end - start > limit:
            kept.append(html[pos:start])
            pos = end
    kept.append(html[pos:])
    return "".join(kept)


def _lenient_date(raw: str | None) -> str | None:
    # A page's own date metadata is a hint; a malformed one is dropped, not fatal.
    try:
        return normalise_published(raw)
    except ClaimsError:
        return None


_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_FRONT_MATTER_KEYS = {
    "title": "title",
    "author": "author",
    "publisher": "publisher",
    "site_name": "publisher",
    "date": "published",
    "published": "published",
    "url": "url",
    "source_url": "url",
    "canonical_url": "url",
}
# CommonMark: what Markdown files are written in. Nothing here renders HTML; the
# parser's tokens say which text is prose, and markup, links' targets and images drop out.
_MARKDOWN = MarkdownIt("commonmark")
# Block tokens whose own content is text: code and raw HTML are kept as written.
_LITERAL_BLOCKS = frozenset({"fence", "code_block", "html_block"})


def article_from_markdown(markdown: str, label: str = "The Markdown text") -> Article:
    """Plain text of a Markdown article; YAML front matter and the first heading give
    metadata. Markup is removed so the extractor sees sentences, not syntax."""
    metadata: dict[str, str] = {}
    front = _FRONT_MATTER.match(markdown)
    if front:
        metadata = _front_matter_metadata(front.group(1))
        markdown = markdown[front.end() :]
    text, heading = _markdown_text(markdown)
    if heading and "title" not in metadata:
        metadata["title"] = heading
    if "published" in metadata:
        metadata["published"] = _lenient_date(metadata["published"]) or ""
    return make_article(text, label=label, **metadata)


def _front_matter_metadata(front_matter: str) -> dict[str, str]:
    """The article fields that YAML front matter gives (title, date, url...); none when it
    is not a YAML mapping, since a page's own metadata is a hint, never fatal."""
    try:
        fields_ = yaml.safe_load(front_matter)
    except yaml.YAMLError:
        return {}
    if not isinstance(fields_, dict):
        return {}
    metadata: dict[str, str] = {}
    for key, value in fields_.items():
        target = _FRONT_MATTER_KEYS.get(str(key).strip().lower())
        if target is None or isinstance(value, bool):
            continue
        if isinstance(value, date):  # YAML reads 2023-04-07 as a date
            value = value.isoformat()
        if isinstance(value, str | int | float) and str(value).strip():
            metadata.setdefault(target, str(value).strip())
    return metadata


def _markdown_text(markdown: str) -> tuple[str, str | None]:
    """The text of Markdown's blocks, and its first heading.

    Blocks keep the source's layout: one that starts on the line after the previous
    one follows it on the next line (list items), any other after a blank line.
    A list item keeps its marker ("- ", "2. ").
    """
    parts: list[str] = []
    heading: str | None = None
    marker = ""
    previous_end: int | None = None
    tokens = _MARKDOWN.parse(markdown)
    for index, token in enumerate(tokens):
        if token.type == "list_item_open":
            ordered = token.markup in (".", ")")
            marker = f"{token.info}{token.markup} " if ordered else f"{token.markup} "
            continue
        if token.type == "inline":
            text = _inline_text(token)
            if heading is None and tokens[index - 1].type == "heading_open":
                heading = text
        elif token.type in _LITERAL_BLOCKS:
            text = token.content.rstrip("\n")
        else:
            continue
        if not text or token.map is None:
            continue
        start, end = token.map
        if previous_end is not None:
            parts.append("\n" if start <= previous_end else "\n\n")
        parts.append(marker + text)
        marker, previous_end = "", end
    return re.sub(r"\n{3,}", "\n\n", "".join(parts)), heading


def _inline_text(token: Token) -> str:
    """An inline token's words: emphasis and links lose their markup, images go, a line
    break stays a line break."""
    words = []
    for child in token.children or ():
        if child.type in ("softbreak", "hardbreak"):
            words.append("\n")
        elif child.type != "image":
            words.append(child.content)
    return "".join(words).strip()


def read_file_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise ClaimsError(
                f"{path} is too large: {format_size(size)}; the limit is {format_size(limit)}."
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise ClaimsError(f"No file at {path}.") from None
    except IsADirectoryError:
        raise ClaimsError(f"{path} is a folder, not a file.") from None
    except OSError as exc:
        raise ClaimsError(f"Cannot read {path}: {exc.strerror or exc}.") from None


def safe_file_name(name: str) -> str:
    """A harmless file name for an upload: no folders, no odd characters, its suffix kept.

    The suffix decides how the file is read (.html, .jsonl, ...), so it survives;
    the rest is reduced to letters, digits, "_", "." and "-".
    """
    base = Path(name.replace("\\", "/")).name
    suffix = Path(base).suffix.lower()
    if not re.fullmatch(r"\.[a-z0-9]{1,10}", suffix):
        suffix = ""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", base[: len(base) - len(suffix)]).strip("._")
    return f"{stem[:80] or 'upload'}{suffix}"


def read_article_file(path: str | os.PathLike) -> Article:
    """One article from a .txt, .md, .html or .htm file (UTF-8 with or without BOM,
    UTF-16 with BOM, or Latin-1/Windows-1252)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise ClaimsError(
            f"{path} is not a supported article file; use {', '.join(ARTICLE_SUFFIXES)} "
            f"(or {', '.join(BULK_SUFFIXES)} or a folder for many articles)."
        )
    label = str(path)
    data = read_file_bytes(path, MAX_FILE_BYTES)
    if suffix in (".html", ".htm"):
        return article_from_html(decode_bytes(data, label, html=True), label=label)
    text = decode_bytes(data, label)
    if suffix == ".md":
        return article_from_markdown(text, label=label)
    return make_article(text, label=label)


def article_from_record(record: dict, label: str) -> Article:
    """One article from a .jsonl object or .csv row: text or html, plus any of
    title, url, publisher, author, published (other keys are ignored)."""
    if not isinstance(record, dict):
        raise ClaimsError(f"{label}: expected an object with 'text' or 'html'.")
    fields_ = {str(k).strip().lower(): v for k, v in record.items() if k is not None}
    text, html = fields_.get("text"), fields_.get("html")
    metadata = {name: fields_.get(name) for name in METADATA_FIELDS if fields_.get(name)}
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise ClaimsError(f"{label}: '{name}' must be a string.")
    if text and text.strip():
        return make_article(text, label=label, **metadata)
    if html and html.strip():
        article = article_from_html(html, url=_clean_value(metadata.get("url")), label=label)
        return with_overrides(article, metadata)
    raise ClaimsError(f"{label}: no article text (the 'text' and 'html' fields are empty).")


# ---------------------------------------------------------------- extraction


def extract_for_ingest(text: str, published: str | None = None) -> list[ExtractedClaim]:
    """Run the claim extractor; its failures become a ClaimsError for this article.

    Top-level (not a closure) so worker processes can run it.
    """
    try:
        from claims.extract import extract_claims
    except ImportError as exc:
        raise ClaimsError(f"The claim extractor is not available ({exc}).") from None
    try:
        return list(extract_claims(text, published))
    except ClaimsError:
        raise
    except Exception as exc:  # noqa: BLE001 - one article's extractor bug must not stop a bulk run
        raise ClaimsError(f"The claim extractor failed on this article ({exc!r}).") from None


def preview(text: str, published: str | None = None) -> list[ExtractedClaim]:
    """The claims ingest_text would store, without storing anything.

    Offsets refer to prepare_text(text).
    """
    article = make_article(text, published=published)
    return extract_for_ingest(article.text, article.published)


# ---------------------------------------------------------------- single articles


def _describe(source: dict) -> str:
    title = source.get("title")
    return f"source {source['id']} ({title})" if title else f"source {source['id']}"


def _duplicate_result(source: dict) -> IngestResult:
    return IngestResult(
        source_id=source["id"],
        created=False,
        claims_added=0,
        message=f"Already in the ledger as {_describe(source)}.",
    )


def _write(
    db: sqlite_utils.Database, article: Article, claims: list[ExtractedClaim]
) -> IngestResult:
    source_id, created = store.add_source(db, article.text, claims, **article.metadata())
    source = store.get_source(db, source_id)
    if not created:
        return _duplicate_result(source)
    return IngestResult(
        source_id=source_id,
        created=True,
        claims_added=len(claims),
        message=f"Added {_describe(source)} with {_count(len(claims), 'claim')}.",
    )


def ingest_article(
    db: sqlite_utils.Database, article: Article, *, claims: list[ExtractedClaim] | None = None
) -> IngestResult:
    """Store an Article and its claims (extracted unless given), unless already stored."""
    existing = store.find_source_by_text(db, article.text)
    if existing:
        return _duplicate_result(existing)
    if claims is None:
        claims = extract_for_ingest(article.text, article.published)
    return _write(db, article, list(claims))


def ingest_text(
    db: sqlite_utils.Database,
    text: str,
    *,
    title: str | None = None,
    publisher: str | None = None,
    author: str | None = None,
    url: str | None = None,
    published: str | None = None,
    retrieved: str | None = None,
    claims: list[ExtractedClaim] | None = None,
) -> IngestResult:
    """Store pasted text as a source with its claims.

    `claims`, when given, is stored instead of running the extractor (the
    subset a person kept from `preview`; offsets refer to prepare_text(text)).
    """
    article = make_article(
        text,
        title=title,
        publisher=publisher,
        author=author,
        url=url,
        published=published,
        retrieved=retrieved,
    )
    return ingest_article(db, article, claims=claims)


def ingest_path(
    db: sqlite_utils.Database, path: str | os.PathLike, **metadata: str
) -> IngestResult:
    """Store one article file (.txt, .md, .html, .htm); metadata given here wins over
    what the file says. For a folder, .jsonl or .csv use ingest_many."""
    path = Path(path)
    if path.is_dir() or path.suffix.lower() in BULK_SUFFIXES:
        raise ClaimsError(f"{path} holds many articles; ingest it with ingest_many.")
    return ingest_article(db, with_overrides(read_article_file(path), metadata))


def fetch_article(url: str, *, allow_private: AllowPrivate = False) -> Article:
    """Fetch a URL (claims.fetch rules) and read it as an Article; nothing stored."""
    page = fetch(url, allow_private=allow_private)
    if page.is_html:
        article = article_from_html(page.text, url=page.url)
    else:
        article = make_article(page.text, label=page.url, url=page.url)
    return replace(article, retrieved=store.now_utc(), url=article.url or page.url, label=url)


def is_url(entry: str) -> bool:
    """True when `entry` is written as a URL (any scheme: fetch refuses all but http(s))."""
    return bool(_URL_LIKE.match(entry.strip()))


def read_article(entry: str | os.PathLike, *, allow_private: AllowPrivate = False) -> Article:
    """One article from a URL or an article file; nothing stored."""
    if isinstance(entry, str) and is_url(entry):
        return fetch_article(entry.strip(), allow_private=allow_private)
    return read_article_file(entry)


def ingest_url(
    db: sqlite_utils.Database, url: str, *, allow_private: AllowPrivate = False, **metadata: str
) -> IngestResult:
    """Fetch a web page or plain-text URL and store it as a source with its claims."""
    article = fetch_article(url, allow_private=allow_private)
    return ingest_article(db, with_overrides(article, metadata))


# ---------------------------------------------------------------- bulk


@dataclass
class _Item:
    """One article of a bulk ingest, read only when its turn comes; `remote` when
    reading it means fetching a URL (slow: nothing waits on the database meanwhile)."""

    label: str
    load: Callable[[], Article]
    remote: bool = False


def _failing_item(label: str, reason: str) -> _Item:
    def load() -> Article:
        raise ClaimsError(reason)

    return _Item(label, load)


_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)


def _jsonl_items(path: Path) -> Iterator[_Item]:
    data = read_file_bytes(path, MAX_BULK_FILE_BYTES)
    lines: list[str] | list[bytes]
    if looks_binary(data) or data.startswith(_WIDE_BOMS):
        lines = decode_bytes(data, str(path)).split("\n")  # refused, or UTF-16/32
    else:
        try:
            lines = normalise_newlines(data.decode("utf-8-sig")).split("\n")
        except UnicodeDecodeError:
            # Not UTF-8 throughout: decode each line on its own, so that one line in
            # another encoding does not turn every other line's accents into mojibake.
            lines = data.split(b"\n")
    # enumerate's type given: mypy would join list[str] and list[bytes] to Sequence[object]
    for number, line in enumerate[str | bytes](lines, start=1):
        if line.strip():
            yield _Item(f"{path} line {number}", _jsonl_loader(line, f"{path} line {number}"))


def _jsonl_loader(line: str | bytes, label: str) -> Callable[[], Article]:
    def load() -> Article:
        try:
            record = json.loads(decode_bytes(line, label) if isinstance(line, bytes) else line)
        except json.JSONDecodeError as exc:
            raise ClaimsError(f"{label} is not valid JSON ({exc.msg}).") from None
        return article_from_record(record, label)

    return load


def _csv_items(path: Path) -> Iterator[_Item]:
    text = decode_bytes(read_file_bytes(path, MAX_BULK_FILE_BYTES), str(path))
    # Article texts are far longer than csv's default field limit (128 KB). The file is
    # in memory already, so read any field whole: one too large for an article is then
    # refused by its size on its own line, and the rows after it are still read.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_BULK_FILE_BYTES))
    lines = _TrackedLines(text)
    reader = csv.DictReader(lines, restval=None)
    try:
        columns = [(name or "").strip().lower() for name in reader.fieldnames or []]
    except csv.Error as exc:
        raise ClaimsError(f"{path} is not a readable CSV file ({exc}).") from None
    if "text" not in columns and "html" not in columns:
        shown = ", ".join(c for c in columns if c) or "none"
        raise ClaimsError(f"{path} has neither a 'text' nor an 'html' column (columns: {shown}).")
    start_line = reader.line_num + 1
    while True:
        label = f"{path} line {start_line}"
        lines.taken.clear()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield _failing_item(
                label,
                f"{label} is not a readable CSV row ({exc}); the rows after it were not read.",
            )
            return
        start_line = reader.line_num + 1
        if lines.ran_out and lines.spans_lines() and lines.quotes_taken() % 2:
            # The csv module quietly ends an unclosed quoted field at the end of the
            # file, which would make every row after it part of this article's text.
            yield _failing_item(
                label,
                f'{label} opens a quoted field that is never closed (an unmatched " '
                "runs to the end of the file).",
            )
            return
        if any((value or "").strip() for key, value in row.items() if isinstance(value, str)):
            yield _Item(label, functools.partial(article_from_record, row, label))


class _TrackedLines:
    """The lines of a text for csv.reader, remembering those taken for the current row."""

    def __init__(self, text: str) -> None:
        self._lines = iter(io.StringIO(text, newline=""))
        self.taken: list[str] = []
        self.ran_out = False

    def __iter__(self) -> _TrackedLines:
        return self

    def __next__(self) -> str:
        try:
            line = next(self._lines)
        except StopIteration:
            self.ran_out = True
            raise
        self.taken.append(line)
        return line

    def quotes_taken(self) -> int:
        return sum(line.count('"') for line in self.taken)

    def spans_lines(self) -> bool:
        """True when the current row took more than one line that is not blank."""
        return sum(1 for line in self.taken if line.strip()) > 1


def _folder_items(folder: Path) -> Iterator[_Item]:
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or path.is_dir():
            continue  # hidden files and folders (.DS_Store, .git) are not articles
        yield from _path_items(path)


def _path_items(path: Path) -> Iterator[_Item]:
    suffix = path.suffix.lower()
    label = str(path)
    if not path.exists():
        yield _failing_item(label, f"No file or folder at {path}.")
        return
    try:
        if path.is_dir():
            yield from _folder_items(path)
        elif suffix == ".jsonl":
            yield from _jsonl_items(path)
        elif suffix == ".csv":
            yield from _csv_items(path)
        else:
            yield _Item(label, lambda: read_article_file(path))
    except ClaimsError as exc:
        yield _failing_item(label, str(exc))


def _given(article: Article) -> Callable[[], Article]:
    """The loader of an article already read."""
    return lambda: article


def expand_inputs(
    inputs: Iterable[str | os.PathLike | Article], *, allow_private: AllowPrivate = False
) -> list[_Item]:
    """Every article the inputs name, in order: paths, folders, bulk files, URLs,
    Articles. A file that cannot even be listed becomes one failing item."""
    items: list[_Item] = []
    for entry in inputs:
        if isinstance(entry, Article):
            items.append(_Item(entry.label or entry.title or "article", _given(entry)))
        elif isinstance(entry, str) and is_url(entry):
            url = entry.strip()
            items.append(
                _Item(
                    url,
                    functools.partial(fetch_article, url, allow_private=allow_private),
                    remote=True,
                )
            )
        else:
            items.extend(_path_items(Path(entry)))
    return items


class _SerialExtractor:
    """Extraction in this process, behind the same interface as the pool."""

    max_pending = 1
    in_process = True  # submit() extracts before it returns

    def submit(self, text: str, published: str | None) -> Future:
        future: Future = Future()
        try:
            future.set_result(extract_for_ingest(text, published))
        except Exception as exc:  # noqa: BLE001 - handed to the caller through the future
            future.set_exception(exc)
        return future

    def close(self) -> None:
        pass


class _PoolExtractor:
    """Extraction in worker processes; results are consumed in submission order."""

    in_process = False

    def __init__(self, workers: int) -> None:
        self._pool = worker_pool(workers)
        self.max_pending = workers * _PENDING_PER_WORKER

    def submit(self, text: str, published: str | None) -> Future:
        return self._pool.submit(extract_for_ingest, text, published)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _extractor_for(count: int, workers: int | None) -> _SerialExtractor | _PoolExtractor:
    if workers is None:
        workers = min(os.cpu_count() or 1, 4)
    if workers <= 1 or count < PARALLEL_THRESHOLD:
        return _SerialExtractor()
    return _PoolExtractor(workers)


def _failure_reason(exc: Exception) -> str:
    if isinstance(exc, ClaimsError):
        return str(exc)
    return f"unexpected error: {exc!r}"


def ingest_many(
    db: sqlite_utils.Database,
    inputs: Iterable[str | os.PathLike | Article],
    *,
    progress: Progress | None = None,
    workers: int | None = None,
    allow_private: AllowPrivate = False,
) -> BulkSummary:
    """Ingest files, folders, .jsonl/.csv files, URLs and Articles; never stops at a bad one.

    Sources commit in batches of ARTICLES_PER_COMMIT, so re-running an interrupted
    ingest adds only what is missing. With PARALLEL_THRESHOLD or more articles
    (and workers != 1), extraction runs in worker processes while this process
    reads inputs and writes the database.
    """
    items = expand_inputs(inputs, allow_private=allow_private)
    summary = BulkSummary()
    total = len(items)
    done = 0
    extractor = _extractor_for(total, workers)
    pending: deque[tuple[str, Article, Future]] = deque()

    def finished(label: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total, label)

    batch = _WriteBatch(db)

    def write_oldest() -> None:
        label, article, future = pending.popleft()
        if not future.done():
            batch.commit()  # never hold the write lock while waiting for a worker
        try:
            claims = future.result()
            summary.record(label, batch.write(lambda: _write(db, article, claims)))
        except _BatchLost:
            raise
        except Exception as exc:  # noqa: BLE001 - one bad article never aborts the rest
            store.raise_if_damaged(db, exc)  # ... but a damaged ledger does
            summary.failures.append((label, _failure_reason(exc)))
        finished(label)

    try:
        for item in items:
            if item.remote or extractor.in_process:
                batch.commit()  # a fetch or an extraction here: let other writers in
            try:
                article = item.load()
                existing = store.find_source_by_text(db, article.text)
            except Exception as exc:  # noqa: BLE001 - reported, and the run goes on
                store.raise_if_damaged(db, exc)
                summary.failures.append((item.label, _failure_reason(exc)))
                finished(item.label)
                continue
            if existing:
                # Skipped before extraction: this is what makes a resumed run cheap.
                summary.record(item.label, _duplicate_result(existing))
                finished(item.label)
                continue
            pending.append((item.label, article, extractor.submit(article.text, article.published)))
            while len(pending) >= extractor.max_pending:
                write_oldest()
        while pending:
            write_oldest()
    finally:
        try:
            batch.commit()
        finally:
            extractor.close()
    return summary


# Articles a bulk ingest writes per transaction: one commit per article spent more time
# committing than storing (claims, search index and group summaries are written either
# way); a batch still commits well within a second, so a page waiting to write waits
# little, and an interrupted run keeps every batch it committed.
ARTICLES_PER_COMMIT = 10


class _BatchLost(ClaimsError):
    """A batch of articles was rolled back as a whole: the bulk ingest stops."""


class _WriteBatch:
    """Articles written in one transaction, each in its own savepoint: an article that
    fails to store leaves nothing behind and the batch goes on."""

    def __init__(self, db: sqlite_utils.Database, size: int = ARTICLES_PER_COMMIT):
        self.conn = db.conn
        self.size = size
        self.written = 0

    def write(self, store_article: Callable[[], IngestResult]) -> IngestResult:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("SAVEPOINT article")
        try:
            result = store_article()
        except BaseException as exc:
            if not self.conn.in_transaction:
                # SQLite gave up the whole transaction (a full disk, an I/O error): the
                # batch's earlier articles are gone too, so the run cannot go on.
                self.written = 0
                raise _BatchLost(f"The database refused the write: {exc}") from exc
            self.conn.execute("ROLLBACK TO article")
            self.conn.execute("RELEASE article")
            raise
        self.conn.execute("RELEASE article")
        self.written += 1
        if self.written >= self.size:
            self.commit()
        return result

    def commit(self) -> None:
        if self.conn.in_transaction:
            self.conn.commit()
        self.written = 0


def load_samples(db: sqlite_utils.Database, samples_dir: str | os.PathLike) -> BulkSummary:
    """Fill the ledger with the articles shipped in samples_dir/articles.jsonl."""
    path = Path(samples_dir) / "articles.jsonl"
    if not path.is_file():
        raise ClaimsError(f"No sample articles at {path}.")
    return ingest_many(db, [path])


# ---------------------------------------------------------------- re-extraction

# Fields the extractor sets on a stored claim (the sentence text is derived).
_EXTRACTED_FIELDS = tuple(f.name for f in fields(ExtractedClaim))
# A claim whose surface moved by at most this many characters is the same claim.
NEAR_CHARS = 200


def _is_protected(row: dict, reviewed_ids: set[int]) -> bool:
    """A claim a person has touched: edited, given a status, or reviewed."""
    return (
        bool(json.loads(row["edited"] or "[]"))
        or row["status"] != "unreviewed"
        or row["id"] in reviewed_ids
    )


def match_claims(
    old: list[dict], new: list[ExtractedClaim]
) -> tuple[list[tuple[dict, ExtractedClaim]], list[dict], list[ExtractedClaim]]:
    """Pair stored claims with freshly extracted ones.

    First by (kind, surface_start, surface_end); then the same kind and surface
    text within NEAR_CHARS of the old offset, nearest first.
    Returns (pairs, old claims not found again, new claims not stored before).
    """
    unmatched_old = list(old)
    by_span: dict[tuple, list[dict]] = {}
    for row in unmatched_old:
        by_span.setdefault((row["kind"], row["surface_start"], row["surface_end"]), []).append(row)
    pairs: list[tuple[dict, ExtractedClaim]] = []
    leftover_new: list[ExtractedClaim] = []
    for claim in new:
        rows = by_span.get((claim.kind, claim.surface_start, claim.surface_end))
        if rows:
            row = rows.pop(0)
            unmatched_old.remove(row)
            pairs.append((row, claim))
        else:
            leftover_new.append(claim)
    unmatched_new: list[ExtractedClaim] = []
    for claim in leftover_new:
        near = [
            row
            for row in unmatched_old
            if row["kind"] == claim.kind
            and row["surface"] == claim.surface
            and abs(row["surface_start"] - claim.surface_start) <= NEAR_CHARS
        ]
        if near:
            row = min(near, key=lambda r: abs(r["surface_start"] - claim.surface_start))
            unmatched_old.remove(row)
            pairs.append((row, claim))
        else:
            unmatched_new.append(claim)
    return pairs, unmatched_old, unmatched_new


def _extracted_values(claim: ExtractedClaim, text: str) -> dict:
    values = {name: getattr(claim, name) for name in _EXTRACTED_FIELDS}
    values["sentence"] = text[claim.sentence_start : claim.sentence_end]
    values["period_start"], values["period_end"] = safe_period_bounds(claim.period)
    values["extractor_version"] = EXTRACTOR_VERSION
    values["vanished"] = 0
    return values


def _update_claim_row(db: sqlite_utils.Database, row: dict, changes: dict) -> None:
    assignments = ", ".join(f"{column} = ?" for column in changes)
    db.execute(
        f"UPDATE claims SET {assignments}, version = version + 1, updated = ? WHERE id = ?",
        [*changes.values(), store.now_utc(), row["id"]],
    )


def _reextract_source(
    db: sqlite_utils.Database, source: dict, new: list[ExtractedClaim], summary: ReextractSummary
) -> None:
    """Apply one source's fresh claims in one transaction."""
    with store.write_transaction(db):
        old = list(db["claims"].rows_where("source_id = ?", [source["id"]], order_by="id"))
        reviewed_ids = {
            r[0]
            for r in db.execute(
                "SELECT DISTINCT claim_id FROM reviews WHERE claim_id IN "
                "(SELECT id FROM claims WHERE source_id = ?)",
                [source["id"]],
            )
        }
        pairs, gone, fresh = match_claims(old, new)
        updated: list[int] = []
        for row, claim in pairs:
            if _is_protected(row, reviewed_ids):
                summary.claims_protected += 1
                if row["vanished"]:
                    # Found again: the mark was the extractor's, not a person's.
                    _update_claim_row(db, row, {"vanished": 0})
                continue
            as_extracted = _as_extracted(row)
            changes = {
                name: value
                for name, value in _extracted_values(claim, source["text"]).items()
                if as_extracted[name] != value
            }
            if "period" in changes:
                changes["extracted_period"] = None  # the new period is the claim's own
            if changes:
                _update_claim_row(db, row, changes)
                summary.claims_updated += 1
                updated.append(row["id"])
            else:
                summary.claims_unchanged += 1
        for row in gone:
            if _is_protected(row, reviewed_ids):
                summary.claims_protected += 1
            elif not row["vanished"]:
                _update_claim_row(db, row, {"vanished": 1})
                summary.claims_vanished += 1
        match_missing_keys(db, updated)  # a changed claim lines up again
        store.add_claims(db, source["id"], fresh)
        summary.claims_added += len(fresh)


def _as_extracted(row: dict) -> dict:
    """A stored claim as the extractor left it: with the period it gave, where matching
    since gave the claim its figure's (claims.matching keeps it in extracted_period)."""
    if row.get("extracted_period") is None:
        return row
    period = row["extracted_period"] or None
    start, end = safe_period_bounds(period)
    return {**row, "period": period, "period_start": start, "period_end": end}


def reextract(
    db: sqlite_utils.Database, *, progress: Progress | None = None, workers: int | None = None
) -> ReextractSummary:
    """Run the current extractor over every stored source.

    New claims are added; unreviewed claims no longer found are marked
    vanished (never deleted); claims a person edited, reviewed or gave a status
    are left exactly as they are. One transaction per source.
    """
    summary = ReextractSummary()
    ids = [row[0] for row in db.execute("SELECT id FROM sources ORDER BY id")]
    extractor = _extractor_for(len(ids), workers)
    pending: deque[tuple[dict, Future]] = deque()

    def apply_oldest() -> None:
        source, future = pending.popleft()
        label = f"source {source['id']}"
        try:
            _reextract_source(db, source, future.result(), summary)
            summary.sources += 1
        except Exception as exc:  # noqa: BLE001 - one bad source never aborts the rest
            store.raise_if_damaged(db, exc)  # ... but a damaged ledger does
            summary.failures.append((label, _failure_reason(exc)))
        if progress is not None:
            progress(summary.sources + len(summary.failures), len(ids), label)

    try:
        for source_id in ids:
            source = store.get_source(db, source_id)
            pending.append((source, extractor.submit(source["text"], source["published"])))
            while len(pending) >= extractor.max_pending:
                apply_oldest()
        while pending:
            apply_oldest()
    finally:
        extractor.close()
    return summary


def reextract_source(db: sqlite_utils.Database, source_id: int) -> ReextractSummary:
    """Run the current extractor over one stored source (as reextract does for all)."""
    source = store.get_source(db, source_id)
    summary = ReextractSummary()
    _reextract_source(db, source, extract_for_ingest(source["text"], source["published"]), summary)
    summary.sources = 1
    return summary


def correct_source(
    db: sqlite_utils.Database,
    source_id: int,
    changes: dict,
    *,
    reviewer: str,
    note: str | None = None,
) -> tuple[list[str], ReextractSummary | None]:
    """Correct an article's metadata as a person (store.update_source). A new publication
    date moves what "last year" or "on Tuesday" means, so the article's claims are
    extracted again against it: periods follow, and claims a person edited or reviewed
    stay exactly as they are. Returns the changed fields and the re-extraction summary
    (None when the date did not change)."""
    before = store.get_source(db, source_id)
    changed = store.update_source(db, source_id, changes, reviewer=reviewer, note=note)
    if "published" not in changed:
        return changed, None
    try:
        return changed, reextract_source(db, source_id)
    except Exception as exc:  # noqa: BLE001 - undone and reported, never half applied
        # The details and the claims' periods go together: the change is undone (the
        # log keeps both rows) rather than leaving a date the periods do not follow.
        store.update_source(
            db,
            source_id,
            {field: before[field] for field in changed},
            reviewer=reviewer,
            note="undone: the claims could not be read again against the new date",
        )
        raise ClaimsError(
            f"Source {source_id} was not changed: its claims could not be read again "
            f"against the new date ({_failure_reason(exc)})."
        ) from None
