"""Corpus-scale extraction on Dask: articles in, a Parquet dataset of claims out.

    plan = plan_run(["news/"], "out/")          # files, partitions, the output folder checked
    with dask_client(None, workers=None) as client:   # a LocalCluster, or a scheduler address
        summary = run_plan(plan, client)        # only the partitions not yet written

Extraction is a pure function of an article's text, so every partition (a byte range
of a .jsonl file, a whole .jsonl.gz file, or some row groups of a .parquet file) is
one Dask task that reads its records, extracts their claims and writes two Parquet
files, `claims/part-N-KEY.parquet` and `articles/part-N-KEY.parquet`, each through a
temporary file and a rename. A partition whose articles file exists is done: a run
stopped part way and started again with the same arguments writes only the others,
and since every partition's content depends on nothing but its input, the dataset is
the same as an uninterrupted run's.

`load_corpus` brings a slice of that dataset into the ledger through the ingest's own
storage (claims.ingest.ingest_article), without extracting again.

Dask (dask, distributed) is an optional dependency: `pip install "claim-ledger[corpus]"`.
Nothing here imports it until a cluster is asked for.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import typing
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from claims.model import CLAIM_FIELDS, EXTRACTOR_VERSION, ClaimsError, ExtractedClaim

if typing.TYPE_CHECKING:
    from claims.ingest import BulkSummary

CORPUS_SUFFIXES = (".jsonl", ".jsonl.gz", ".parquet")
# About 10 s of one core's extraction at 100,000 words a second: long enough that
# scheduling and the Parquet write are a small part of a task, short enough that a
# stopped run loses little and the last partitions do not leave workers idle for long.
DEFAULT_PARTITION_MB = 8.0
MANIFEST_NAME = "_corpus.json"
ARTICLES_DIR = "articles"
CLAIMS_DIR = "claims"
# Record fields besides the article's (claims.readers.article.METADATA_FIELDS, text, html).
ID_FIELD = "id"
DASK_MISSING = (
    "`corpus extract` runs on Dask, which is not installed: "
    "pip install 'claim-ledger[corpus]' (or pip install -r requirements-corpus.txt)."
)

# A progress callback: progress(partition just written).
Progress = Callable[["PartitionDone"], None]


# ---------------------------------------------------------------- the Parquet schema


def _arrow_claim_type(annotation: object):
    """The Arrow type of an ExtractedClaim field from its annotation (int, float, str,
    each possibly | None), so that a field the extractor gains gets a column too."""
    import pyarrow as pa

    kinds = set(typing.get_args(annotation)) or {annotation}
    if int in kinds:
        return pa.int64()
    if float in kinds:
        return pa.float64()
    return pa.string()


def _provenance_fields():
    """Columns both tables start with: which article, from which input record."""
    import pyarrow as pa

    return [
        pa.field("article_id", pa.string()),
        pa.field("file", pa.string(), nullable=False),
        pa.field("record", pa.int64()),
    ]


def _metadata_fields():
    import pyarrow as pa

    return [
        pa.field("title", pa.string()),
        pa.field("url", pa.string()),
        pa.field("publisher", pa.string()),
        pa.field("author", pa.string()),
        pa.field("published", pa.date32()),
    ]


def claims_schema():
    """One row per claim: the article and record it came from, then every field of
    the claim (CLAIM-SPEC.md, claims.model.ExtractedClaim) and its sentence's text."""
    import pyarrow as pa

    hints = typing.get_type_hints(ExtractedClaim)
    return pa.schema(
        [
            *_provenance_fields(),
            *_metadata_fields(),
            pa.field("extractor_version", pa.string(), nullable=False),
            pa.field("claim_number", pa.int64(), nullable=False),  # 1.. within its article
            *(pa.field(name, _arrow_claim_type(hints[name])) for name in CLAIM_FIELDS),
            pa.field("sentence", pa.string()),
        ]
    )


def articles_schema():
    """One row per input record: the article's metadata, its text and the ledger's
    content hash of it, how many claims it gave, or why it gave none (`error`)."""
    import pyarrow as pa

    return pa.schema(
        [
            *_provenance_fields(),
            *_metadata_fields(),
            pa.field("retrieved", pa.string()),
            pa.field("extractor_version", pa.string(), nullable=False),
            pa.field("text_hash", pa.string()),
            pa.field("words", pa.int64()),
            pa.field("claim_count", pa.int64()),
            pa.field("error", pa.string()),
            pa.field("text", pa.string()),
        ]
    )


# ---------------------------------------------------------------- inputs and partitions


@dataclass(frozen=True)
class Partition:
    """One task's share of the input: records `start` to `end` of one file, as byte
    offsets (.jsonl), the whole file (.jsonl.gz) or row groups (.parquet)."""

    index: int
    file: str
    form: str  # "jsonl", "jsonl.gz", "parquet", or "unreadable" (reason says why)
    start: int
    end: int
    first_record: int  # the number of the partition's first record in its file, from 1
    fingerprint: str  # the file's size and modification time: a changed file is new work
    reason: str | None = None

    @property
    def key(self) -> str:
        described = json.dumps(
            [self.file, self.form, self.start, self.end, self.fingerprint, EXTRACTOR_VERSION]
        )
        return hashlib.sha256(described.encode()).hexdigest()[:16]

    @property
    def name(self) -> str:
        return f"part-{self.index:06d}-{self.key}.parquet"


def corpus_suffix(path: Path) -> str | None:
    name = path.name.lower()
    return next((suffix for suffix in CORPUS_SUFFIXES if name.endswith(suffix)), None)


def corpus_files(
    inputs: Iterable[str | os.PathLike], *, leave_out: Path | None = None
) -> list[Path]:
    """Every input file, folders walked in name order (hidden files, files of other
    kinds and the folder `leave_out` are skipped); each file once. ClaimsError for a
    path that is not there or a file given by name that is not .jsonl, .jsonl.gz or
    .parquet."""
    found: list[Path] = []
    for entry in inputs:
        path = Path(entry).expanduser()
        if path.is_dir():
            found.extend(_folder_files(path))
        elif not path.exists():
            raise ClaimsError(f"No file or folder at {path}.")
        elif corpus_suffix(path) is None:
            raise ClaimsError(
                f"{path} is not a corpus file; give {', '.join(CORPUS_SUFFIXES)} files "
                "or folders of them."
            )
        else:
            found.append(path)
    unique = list(dict.fromkeys(path.resolve() for path in found))
    if leave_out is not None:
        # An output folder inside an input folder: its own Parquet files are no input.
        unique = [path for path in unique if not path.is_relative_to(leave_out.resolve())]
    if not unique:
        raise ClaimsError("The inputs hold no .jsonl, .jsonl.gz or .parquet file.")
    return unique


def _folder_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith((".", "_")) for part in path.relative_to(folder).parts)
        if not hidden and path.is_file() and corpus_suffix(path):
            yield path


def plan_partitions(files: list[Path], partition_bytes: int) -> list[Partition]:
    """The partitions of the files, in file order; a file that cannot be opened is one
    'unreadable' partition, so that it is recorded in the output like a bad record."""
    planned: list[tuple] = []
    for path in files:
        try:
            stat = path.stat()
            fingerprint = f"{stat.st_size}:{stat.st_mtime_ns}"
            ranges = _file_ranges(path, stat.st_size, partition_bytes)
            suffix = corpus_suffix(path)
            if suffix is None:  # corpus_files passes only corpus files
                raise ClaimsError(f"{path} is not a corpus file.")
            form = suffix.lstrip(".")
            planned.extend((str(path), form, *r, fingerprint, None) for r in ranges)
        except Exception as exc:  # noqa: BLE001 - an unreadable file is recorded, not fatal
            planned.append((str(path), "unreadable", 0, 0, 1, "", _file_error(path, exc)))
    return [Partition(index, *fields_) for index, fields_ in enumerate(planned, start=1)]


def _file_ranges(path: Path, size: int, partition_bytes: int) -> list[tuple[int, int, int]]:
    """(start, end, first record) of each partition of one file."""
    suffix = corpus_suffix(path)
    if suffix == ".jsonl":
        return _jsonl_ranges(path, size, partition_bytes)
    if suffix == ".parquet":
        return _parquet_ranges(path, partition_bytes)
    # gzip cannot be entered in the middle: a .jsonl.gz file is one partition (split a
    # large corpus into many files for the workers to share it).
    return [(0, size, 1)]


def _jsonl_ranges(path: Path, size: int, partition_bytes: int) -> list[tuple[int, int, int]]:
    """Byte ranges of about partition_bytes each, ending at line ends. Lines are counted
    here (one sequential read) so that every record keeps its line number."""
    ranges = []
    start, line = 0, 1
    with open(path, "rb") as f:
        while start < size:
            f.seek(min(start + partition_bytes, size) - 1)
            f.readline()  # on to the end of the line the boundary falls in
            end = min(f.tell(), size)
            f.seek(start)
            ranges.append((start, end, line))
            line += _count_newlines(f, end - start)
            start = end
    return ranges


def _count_newlines(f, length: int, block: int = 1 << 20) -> int:
    count = 0
    while length > 0:
        chunk = f.read(min(block, length))
        if not chunk:
            break
        count += chunk.count(b"\n")
        length -= len(chunk)
    return count


def _parquet_ranges(path: Path, partition_bytes: int) -> list[tuple[int, int, int]]:
    """Runs of whole row groups of about partition_bytes (uncompressed) each."""
    import pyarrow.parquet as pq

    metadata = pq.ParquetFile(path).metadata
    ranges = []
    first_group, size, record, first_record = 0, 0, 1, 1
    for group in range(metadata.num_row_groups):
        size += metadata.row_group(group).total_byte_size
        record += metadata.row_group(group).num_rows
        if size >= partition_bytes:
            ranges.append((first_group, group + 1, first_record))
            first_group, size, first_record = group + 1, 0, record
    if first_group < metadata.num_row_groups or not ranges:
        ranges.append((first_group, metadata.num_row_groups, first_record))
    return ranges


def _file_error(path: Path | str, exc: BaseException) -> str:
    if isinstance(exc, ClaimsError):
        return str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        return f"Cannot read {path}: {exc.strerror}."
    return f"Cannot read {path}: {type(exc).__name__}: {exc}".rstrip(": ") + "."


# ---------------------------------------------------------------- the run's output folder


@dataclass
class Plan:
    """What a run will do: its partitions and where they go."""

    out_dir: Path
    partitions: list[Partition]
    files: list[Path]

    def is_written(self, partition: Partition) -> bool:
        # The articles file is written last: when it is there, so is the claims file.
        return (self.out_dir / ARTICLES_DIR / partition.name).exists()

    def pending(self) -> list[Partition]:
        return [p for p in self.partitions if not self.is_written(p)]


def plan_run(
    inputs: Iterable[str | os.PathLike],
    out_dir: str | os.PathLike,
    partition_mb: float = DEFAULT_PARTITION_MB,
) -> Plan:
    """Read the inputs' layout and prepare the output folder; nothing is extracted.

    ClaimsError when an input is missing, or when the folder holds something other
    than this run's output (another corpus, or other arguments, or the inputs changed
    since: mixing the two would give a dataset of neither)."""
    if not partition_mb > 0:
        raise ClaimsError(f"--partition-size is a number of megabytes above 0, not {partition_mb}.")
    out = Path(out_dir).expanduser()
    files = corpus_files(inputs, leave_out=out)
    partitions = plan_partitions(files, max(1, int(partition_mb * 1_048_576)))
    _prepare_output(out, [p.name for p in partitions])
    return Plan(out, partitions, files)


def _prepare_output(out: Path, names: list[str]) -> None:
    manifest = out / MANIFEST_NAME
    wanted = {"extractor_version": EXTRACTOR_VERSION, "partitions": names}
    if out.exists() and not out.is_dir():
        raise ClaimsError(f"{out} is a file; --out names a folder for the dataset.")
    if manifest.exists():
        if _read_manifest(manifest) != wanted:
            raise ClaimsError(
                f"{out} holds another run's output (other inputs, partition size or "
                "extractor version, or inputs changed since): give another --out, or "
                "remove the folder to start again."
            )
    elif out.exists() and any(out.iterdir()):
        raise ClaimsError(f"{out} is not empty and holds no corpus run; give another --out.")
    try:
        for sub in (ARTICLES_DIR, CLAIMS_DIR):
            (out / sub).mkdir(parents=True, exist_ok=True)
            _remove_temporary_files(out / sub)
        if not manifest.exists():
            _write_atomically(manifest, lambda f: f.write(json.dumps(wanted, indent=1).encode()))
    except OSError as exc:
        raise ClaimsError(f"Cannot write to {out}: {exc.strerror or exc}.") from None


def _read_manifest(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ClaimsError(f"{path} cannot be read ({exc}); remove it to start again.") from None


def _remove_temporary_files(folder: Path) -> None:
    """Parts a stopped run was writing when it stopped: never renamed, never complete."""
    for stale in folder.glob(".part-*.tmp"):
        stale.unlink(missing_ok=True)


def _write_atomically(path: Path, write: Callable) -> None:
    """Write through a hidden temporary file renamed into place: a reader (or a resumed
    run) sees the whole file or none. Readers of the dataset skip hidden files."""
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        with open(temporary, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())  # the rename must not land before the data does
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


# ---------------------------------------------------------------- one partition (a task)


@dataclass(frozen=True)
class PartitionDone:
    """What one task did, sent back to the client for the progress bar and summary."""

    name: str
    articles: int
    words: int
    claims: int
    errors: int
    cpu_seconds: float  # the task's own CPU time: its cost whatever else the machine runs


def extract_partition(partition: Partition, out_dir: str) -> PartitionDone:
    """Read, extract and write one partition. Runs on a Dask worker; never raises for a
    bad record or an unreadable file (they become article rows with an error)."""
    import time

    started = time.thread_time()  # this thread's: the worker's other threads are not ours
    articles, claims = _extract_records(partition)
    out = Path(out_dir)
    _write_table(claims, claims_schema(), out / CLAIMS_DIR / partition.name)
    _write_table(articles, articles_schema(), out / ARTICLES_DIR / partition.name)
    return PartitionDone(
        name=partition.name,
        articles=len(articles),
        words=sum(row["words"] or 0 for row in articles),
        claims=len(claims),
        errors=sum(1 for row in articles if row["error"]),
        cpu_seconds=time.thread_time() - started,
    )


def _write_table(rows: list[dict], schema, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=schema)
    _write_atomically(path, lambda f: pq.write_table(table, f, compression="zstd"))


def _extract_records(partition: Partition) -> tuple[list[dict], list[dict]]:
    """(article rows, claim rows) of a partition, in record order."""
    articles: list[dict] = []
    claims: list[dict] = []
    if partition.form == "unreadable":
        articles.append(_error_row(partition, None, None, partition.reason or "unreadable"))
        return articles, claims
    record = partition.first_record - 1
    try:
        for record, payload in _records(partition):
            article_row, claim_rows = _extract_record(partition, record, payload)
            articles.append(article_row)
            claims.extend(claim_rows)
    except Exception as exc:  # noqa: BLE001 - a file that breaks part way: what was read stays
        reason = _file_error(partition.file, exc)
        if articles:
            reason = f"{reason} (the records after {_label(partition, record)} were not read)"
        articles.append(_error_row(partition, record + 1 if articles else None, None, reason))
    return articles, claims


def _label(partition: Partition, record: int) -> str:
    return f"{partition.file} {'row' if partition.form == 'parquet' else 'line'} {record}"


def _records(partition: Partition) -> Iterator[tuple[int, dict | ClaimsError]]:
    """(record number, the record, or ClaimsError for a record that is not one)."""
    if partition.form == "parquet":
        yield from _parquet_records(partition)
        return
    if partition.form == "jsonl":
        with open(partition.file, "rb") as f:
            f.seek(partition.start)
            lines: Iterable[bytes] = f.read(partition.end - partition.start).split(b"\n")
            yield from _jsonl_records(partition, lines)
        return
    with gzip.open(partition.file, "rb") as f:
        yield from _jsonl_records(partition, f)


def _jsonl_records(
    partition: Partition, lines: Iterable[bytes]
) -> Iterator[tuple[int, dict | ClaimsError]]:
    from claims.textio import decode_bytes

    for number, line in enumerate(lines, start=partition.first_record):
        if not line.strip():
            continue  # blank lines are no records (as in the bulk ingest)
        label = _label(partition, number)
        try:
            try:
                record = json.loads(line)  # JSON is UTF-8: the fast way for nearly every line
            except UnicodeDecodeError:
                # A line in another encoding, read as the bulk ingest reads it.
                record = json.loads(decode_bytes(line, label))
        except json.JSONDecodeError as exc:
            record = ClaimsError(f"{label} is not valid JSON ({exc.msg}).")
        except ClaimsError as exc:  # binary bytes on the line
            record = exc
        yield number, record


def _parquet_records(partition: Partition) -> Iterator[tuple[int, dict | ClaimsError]]:
    import pyarrow.parquet as pq

    from claims.readers.article import METADATA_FIELDS

    wanted = {ID_FIELD, "text", "html", *METADATA_FIELDS}
    parquet = pq.ParquetFile(partition.file)
    columns = [name for name in parquet.schema_arrow.names if name.strip().lower() in wanted]
    number = partition.first_record
    for group in range(partition.start, partition.end):
        for row in parquet.read_row_group(group, columns=columns).to_pylist():
            yield number, row
            number += 1


def _extract_record(
    partition: Partition, record: int, payload: dict | ClaimsError
) -> tuple[dict, list[dict]]:
    """One record's article row and claim rows; a record that fails has an error row."""
    from claims import ingest, store
    from claims.readers.bulk import article_from_record

    label = _label(partition, record)
    article_id = _article_id(payload, partition, record)
    try:
        if isinstance(payload, ClaimsError):
            raise payload
        article = article_from_record(payload, label)
        found = ingest.extract_for_ingest(article.text, article.published)
    except Exception as exc:  # noqa: BLE001 - one bad record never stops the run
        reason = str(exc) if isinstance(exc, ClaimsError) else f"unexpected error: {exc!r}"
        return _error_row(partition, record, article_id, reason), []
    metadata = {
        "title": article.title,
        "url": article.url,
        "publisher": article.publisher,
        "author": article.author,
        "published": date.fromisoformat(article.published) if article.published else None,
    }
    where = {"article_id": article_id, "file": partition.file, "record": record}
    article_row = {
        **where,
        **metadata,
        "retrieved": article.retrieved,
        "extractor_version": EXTRACTOR_VERSION,
        "text_hash": store.content_hash(article.text),
        "words": len(article.text.split()),
        "claim_count": len(found),
        "error": None,
        "text": article.text,
    }
    claim_rows = [
        {
            **where,
            **metadata,
            "extractor_version": EXTRACTOR_VERSION,
            "claim_number": number,
            **claim.to_dict(),
            "sentence": article.text[claim.sentence_start : claim.sentence_end],
        }
        for number, claim in enumerate(found, start=1)
    ]
    return article_row, claim_rows


def _article_id(payload: dict | ClaimsError, partition: Partition, record: int) -> str:
    """The record's own id when it has one, else where it is: FILE-NAME:RECORD."""
    if isinstance(payload, dict):
        for key, value in payload.items():
            if str(key).strip().lower() == ID_FIELD and value not in (None, ""):
                return str(value)
    return f"{Path(partition.file).name}:{record}"


def _error_row(partition: Partition, record: int | None, article_id: str | None, reason: str):
    row: dict[str, object] = {name: None for name in articles_schema().names}
    row.update(
        article_id=article_id,
        file=partition.file,
        record=record,
        extractor_version=EXTRACTOR_VERSION,
        error=reason,
    )
    return row


# ---------------------------------------------------------------- the cluster


def require_dask() -> None:
    """ClaimsError saying how to install Dask, unless it is installed."""
    _dask_distributed()


def check_workers(workers: int | None) -> None:
    if workers is not None and workers < 1:
        raise ClaimsError(f"--workers is a whole number of at least 1, not {workers}.")


def _dask_distributed():
    try:
        import distributed
    except ImportError:
        raise ClaimsError(DASK_MISSING) from None
    return distributed


@contextmanager
def dask_client(
    scheduler: str | None = None, workers: int | None = None, *, dashboard: bool = True
) -> Iterator:
    """A Dask client: of the cluster at `scheduler`, or of a LocalCluster of `workers`
    processes (default: one per core) that ends with the block.

    One thread per worker process: the extractor is pure Python, and threads of one
    process would take turns on its GIL."""
    distributed = _dask_distributed()
    check_workers(workers)
    if scheduler:
        client = _connect(distributed, scheduler)
        try:
            _check_workers(client)
            yield client
        finally:
            client.close()
        return
    import logging
    import warnings

    with warnings.catch_warnings():
        # Another cluster has port 8787: this one's dashboard takes another port, and
        # the link printed says which.
        warnings.filterwarnings("ignore", message="Port .* is already in use")
        cluster = distributed.LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":8787" if dashboard else None,
            silence_logs=logging.ERROR,
        )
    try:
        with distributed.Client(cluster) as client:
            _check_workers(client)
            yield client
    finally:
        cluster.close()


def _connect(distributed, scheduler: str):
    try:
        return distributed.Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClaimsError(f"Cannot reach the Dask scheduler at {scheduler}: {exc}.") from None


def worker_extractor_version() -> str:
    """Run on each worker: the extractor version its copy of the ledger has."""
    return EXTRACTOR_VERSION


def _check_workers(client) -> None:
    """Every worker has this version of the ledger: a worker with another would write
    claims of another extractor into the dataset under this one's version."""
    try:
        versions = client.run(worker_extractor_version)
    except Exception as exc:  # noqa: BLE001 - a worker without the ledger fails to unpickle
        raise ClaimsError(
            f"The Dask workers cannot run the claim ledger ({exc!r}); install this version "
            "of it on every worker."
        ) from None
    if not versions:
        raise ClaimsError("The Dask cluster has no workers.")
    other = {address: v for address, v in versions.items() if v != EXTRACTOR_VERSION}
    if other:
        listed = ", ".join(f"{address} has {v}" for address, v in sorted(other.items()))
        raise ClaimsError(
            f"The Dask workers must run extractor {EXTRACTOR_VERSION}, as this process "
            f"does: {listed}."
        )


def dashboard_link(client) -> str | None:
    return getattr(client, "dashboard_link", None)


# ---------------------------------------------------------------- a run


@dataclass
class ExtractSummary:
    partitions: int = 0
    already_written: int = 0
    articles: int = 0
    words: int = 0
    claims: int = 0
    errors: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # the tasks' CPU time, all workers together
    examples: list[str] = field(default_factory=list)  # a few of the errors, for the user

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def add(self, done: PartitionDone) -> None:
        self.articles += done.articles
        self.words += done.words
        self.claims += done.claims
        self.errors += done.errors
        self.cpu_seconds += done.cpu_seconds

    def __str__(self) -> str:
        resumed = f" ({self.already_written} written before)" if self.already_written else ""
        return (
            f"{self.partitions} partitions{resumed}: {self.articles:,} articles read this run, "
            f"{self.claims:,} claims, {self.errors:,} records with errors; "
            f"{self.words:,} words in {self.seconds:.1f} s ({self.words_per_second:,.0f} words/s)."
        )


def run_plan(plan: Plan, client, *, progress: Progress | None = None) -> ExtractSummary:
    """Extract the partitions not yet written, on the client's cluster.

    A task that fails as a whole (the output cannot be written, a worker lost too
    often) stops the run with ClaimsError; what was written stays, and the same
    command goes on from there."""
    import time

    from distributed import as_completed

    pending = plan.pending()
    summary = ExtractSummary(
        partitions=len(plan.partitions), already_written=len(plan.partitions) - len(pending)
    )
    run_token = uuid.uuid4().hex[:8]  # keys unique on a long-lived shared cluster
    started = time.perf_counter()
    futures = [
        client.submit(
            extract_partition, p, str(plan.out_dir), key=f"corpus-{run_token}-{p.name}", pure=False
        )
        for p in pending
    ]
    by_key = {future.key: partition for future, partition in zip(futures, pending, strict=True)}
    try:
        for future in as_completed(futures):
            done = _result(future, by_key[future.key])
            summary.add(done)
            if progress is not None:
                progress(done)
    finally:
        client.cancel(futures)  # after Ctrl-C or a failure: nothing left running for us
    summary.seconds = time.perf_counter() - started
    summary.examples = _error_examples(plan)
    return summary


def _result(future, partition: Partition) -> PartitionDone:
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - said in one line; the run can be resumed
        raise ClaimsError(
            f"Partition {partition.index} ({partition.file}) failed: {exc!r}. The partitions "
            "written so far are kept: run the same command again to go on."
        ) from None


def _error_examples(plan: Plan, limit: int = 5) -> list[str]:
    import pyarrow.parquet as pq

    examples: list[str] = []
    for partition in plan.partitions:
        path = plan.out_dir / ARTICLES_DIR / partition.name
        if len(examples) >= limit or not path.exists():
            continue
        errors = pq.read_table(path, columns=["error"]).column("error").drop_null()
        examples.extend(errors.to_pylist()[: limit - len(examples)])
    return examples


# ---------------------------------------------------------------- into the ledger


@dataclass
class LoadSummary:
    """What `corpus load` did: the bulk ingest's summary, and the records left out."""

    ingest: BulkSummary
    records_with_errors: int = 0

    def __str__(self) -> str:
        left_out = (
            f" {self.records_with_errors:,} matching records had no article (their "
            "extraction failed) and were left out."
            if self.records_with_errors
            else ""
        )
        return f"{self.ingest}{left_out}"


def dataset_parts(out_dir: str | os.PathLike) -> list[Path]:
    """The articles files of a corpus run's folder, in partition order."""
    out = Path(out_dir).expanduser()
    if not (out / MANIFEST_NAME).is_file() or not (out / ARTICLES_DIR).is_dir():
        raise ClaimsError(f"{out} is not the output of `python -m claims corpus extract`.")
    return sorted((out / ARTICLES_DIR).glob("part-*.parquet"))


def load_corpus(
    db,
    out_dir: str | os.PathLike,
    where: str | None = None,
    *,
    progress: Callable[[int], None] | None = None,
):
    """Store the articles of a corpus run matching `where` (claims.corpus_filter) with
    their claims as extracted, through the ingest's storage: an article already in the
    ledger (the same text) is a duplicate, as in an ingest, and nothing is extracted."""
    from claims.corpus_filter import parse_filter
    from claims.ingest import BulkSummary

    selection = parse_filter(where, articles_schema())
    summary = LoadSummary(BulkSummary())
    for articles_path in dataset_parts(out_dir):
        rows = _matching_articles(articles_path, selection)
        good = [row for row in rows if row["error"] is None]
        summary.records_with_errors += len(rows) - len(good)
        claims_path = articles_path.parent.parent / CLAIMS_DIR / articles_path.name
        claims_by_record = _claims_of(claims_path, [row["record"] for row in good])
        for row in good:
            _store_article(db, row, claims_by_record.get(row["record"], []), summary.ingest)
        if progress is not None:
            progress(len(rows))
    return summary


def _matching_articles(path: Path, selection) -> list[dict]:
    import pyarrow.parquet as pq

    table = pq.read_table(path, schema=articles_schema())
    if selection is not None:
        table = table.filter(selection)
    return table.to_pylist()


def _claims_of(path: Path, records: list[int]) -> dict[int, list[ExtractedClaim]]:
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    if not records:
        return {}
    table = pq.read_table(path, schema=claims_schema())
    table = table.filter(pc.is_in(table["record"], value_set=_int_array(records)))
    by_record: dict[int, list[ExtractedClaim]] = {}
    for row in table.sort_by([("record", "ascending"), ("claim_number", "ascending")]).to_pylist():
        claim = ExtractedClaim(**{name: row[name] for name in CLAIM_FIELDS})
        by_record.setdefault(row["record"], []).append(claim)
    return by_record


def _int_array(values: list[int]):
    import pyarrow as pa

    return pa.array(values, type=pa.int64())


def _store_article(db, row: dict, claims: list[ExtractedClaim], summary) -> None:
    from claims import ingest
    from claims.readers.article import Article

    label = f"{row['file']} record {row['record']}"
    metadata = {name: row[name] for name in ("title", "url", "publisher", "author", "retrieved")}
    published = row["published"].isoformat() if row["published"] else None
    article = Article(text=row["text"], published=published, label=label, **metadata)
    try:
        summary.record(label, ingest.ingest_article(db, article, claims=claims))
    except ClaimsError as exc:
        summary.failures.append((label, str(exc)))
