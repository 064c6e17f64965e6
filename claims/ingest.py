"""Articles -> a source row with its metadata and extracted claims.

Every article, whatever form it came in (pasted text, a .txt/.md/.html file,
a URL, a row of a .jsonl or .csv file, a file in a folder), is read by
claims.readers into an `Article` (text + metadata, no database), then becomes
one source row with its claims written in one transaction by
`claims.store.add_source`. The same content twice (other whitespace, or first
from a URL and then from a file) is stored once: the content hash decides, and
the second ingest says which source it is.

Bulk ingests commit every ARTICLES_PER_COMMIT sources (each whole or not at all), so
an interrupted run re-run later skips what already landed (as duplicates) and
finishes the rest.
Extraction of many articles runs in worker processes (claims.reextract runs the
extractor the same way); the database is written by this process only.

For the dashboard's "Add articles" page: `claims.readers.article.prepare_text`
shows the exact text that would be stored, `preview` extracts its claims without
saving, and `ingest_text(..., claims=[...])` saves only the claims the user ticked
(offsets from `preview` refer to `prepare_text(text)`, which ingest_text
stores).
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from claims import store
from claims.fetch import AllowPrivate
from claims.model import ClaimsError, ExtractedClaim
from claims.processes import worker_pool
from claims.readers.article import Article, make_article, with_overrides
from claims.readers.bulk import expand_inputs
from claims.readers.files import BULK_SUFFIXES, read_article_file
from claims.readers.urls import fetch_article

# Below this many articles, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 16
# How many extractions may be queued ahead of the writer (bounds memory).
_PENDING_PER_WORKER = 4

# A progress callback: progress(done, total, label of the item just finished).
Progress = Callable[[int, int, str], None]


# ---------------------------------------------------------------- results


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
            f"{plural(self.added, 'source')} added, {plural(self.duplicates, 'duplicate')}, "
            f"{plural(len(self.failures), 'failure')}, {plural(self.claims_added, 'claim')} added."
        )


def plural(n: int, noun: str) -> str:
    """'1 source', '2 sources'."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


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


def extractor_for(count: int, workers: int | None) -> _SerialExtractor | _PoolExtractor:
    """How to extract `count` articles: in this process, or in `workers` worker processes
    (by default one a core, at most 4) when there are PARALLEL_THRESHOLD or more."""
    if workers is None:
        workers = min(os.cpu_count() or 1, 4)
    if workers <= 1 or count < PARALLEL_THRESHOLD:
        return _SerialExtractor()
    return _PoolExtractor(workers)


def failure_reason(exc: Exception) -> str:
    """What a bulk run reports for an input that failed."""
    if isinstance(exc, ClaimsError):
        return str(exc)
    return f"unexpected error: {exc!r}"


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
        message=f"Added {_describe(source)} with {plural(len(claims), 'claim')}.",
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


def ingest_url(
    db: sqlite_utils.Database, url: str, *, allow_private: AllowPrivate = False, **metadata: str
) -> IngestResult:
    """Fetch a web page or plain-text URL and store it as a source with its claims."""
    article = fetch_article(url, allow_private=allow_private)
    return ingest_article(db, with_overrides(article, metadata))


# ---------------------------------------------------------------- bulk


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
    extractor = extractor_for(total, workers)
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
            summary.failures.append((label, failure_reason(exc)))
        finished(label)

    try:
        for item in items:
            if item.remote or extractor.in_process:
                batch.commit()  # a fetch or an extraction here: let other writers in
            else:
                batch.commit_if_held_long()  # reading a large file may take a while
            try:
                article = item.load()
                existing = store.find_source_by_text(db, article.text)
            except Exception as exc:  # noqa: BLE001 - reported, and the run goes on
                store.raise_if_damaged(db, exc)
                summary.failures.append((item.label, failure_reason(exc)))
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


# Articles a bulk ingest writes per transaction. Each commit writes every page it
# changed to the log, and the articles of a batch change the same index pages again
# and again, so the more articles per commit the fewer pages written. A batch also
# commits once it has held the write lock for MAX_BATCH_SECONDS (checked after each
# article and before reading the next file), so a page waiting to save an edit waits
# little, and an interrupted run keeps every batch it committed.
ARTICLES_PER_COMMIT = 50
MAX_BATCH_SECONDS = 0.5
_clock = time.monotonic  # the batch's timer (a test sets its own)


class _BatchLost(ClaimsError):
    """A batch of articles was rolled back as a whole: the bulk ingest stops."""


class _WriteBatch:
    """Articles written in one transaction, each in its own savepoint: an article that
    fails to store leaves nothing behind and the batch goes on."""

    def __init__(self, db: sqlite_utils.Database, size: int = ARTICLES_PER_COMMIT):
        self.conn = db.conn
        self.size = size
        self.written = 0
        self.began: float | None = None  # when this batch took the write lock

    def write(self, store_article: Callable[[], IngestResult]) -> IngestResult:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
            self.began = _clock()
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
        if self.written >= self.size or self._held_long():
            self.commit()
        return result

    def commit_if_held_long(self) -> None:
        if self._held_long():
            self.commit()

    def _held_long(self) -> bool:
        """Whether this batch's own transaction has held the lock for long (one a caller
        opened is the caller's to commit)."""
        return (
            self.began is not None
            and self.conn.in_transaction
            and _clock() - self.began >= MAX_BATCH_SECONDS
        )

    def commit(self) -> None:
        if self.conn.in_transaction:
            self.conn.commit()
        self.written = 0
        self.began = None


def load_samples(db: sqlite_utils.Database, samples_dir: str | os.PathLike) -> BulkSummary:
    """Fill the ledger with the articles shipped in samples_dir/articles.jsonl."""
    path = Path(samples_dir) / "articles.jsonl"
    if not path.is_file():
        raise ClaimsError(f"No sample articles at {path}.")
    return ingest_many(db, [path])
