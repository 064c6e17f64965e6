"""`corpus extract` on Dask into a Parquet dataset, and `corpus load` of a slice of it.

Tests marked slow start a LocalCluster (two worker processes, shared by the module)
or the command line's own; the others run a partition's work in this process.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from claims import config, corpus, store
from claims.corpus_filter import parse_filter
from claims.ingest import ingest_many
from claims.model import CLAIM_FIELDS, EXTRACTOR_VERSION, ClaimsError

SAMPLES = config.SAMPLES_DIR / "articles.jsonl"
# Small partitions, so that a few dozen articles make several tasks.
SMALL_MB = 0.02


def sample_records(count: int | None = None) -> list[dict]:
    lines = SAMPLES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[:count] if line.strip()]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def extract_here(plan: corpus.Plan) -> None:
    """What the cluster does, in this process: every partition not yet written."""
    for partition in plan.pending():
        corpus.extract_partition(partition, str(plan.out_dir))


def read_rows(out: Path, table: str) -> list[dict]:
    """Every row of the dataset's table, in input order."""
    parts = sorted((out / table).glob("part-*.parquet"))
    rows = [row for part in parts for row in pq.read_table(part).to_pylist()]
    return sorted(rows, key=lambda r: (r["file"], r["record"] or 0, r.get("claim_number", 0)))


def run_cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != config.ENV_VAR}
    return subprocess.run(
        [sys.executable, "-m", "claims", *args],
        capture_output=True,
        text=True,
        cwd=config.PROJECT_DIR,
        env=env,
        timeout=300,
        **kwargs,
    )


@pytest.fixture(scope="module")
def client():
    """One LocalCluster of two worker processes for the module: starting one takes seconds."""
    pytest.importorskip("distributed")
    with corpus.dask_client(None, workers=2, dashboard=False) as dask_client:
        yield dask_client


@pytest.fixture
def corpus_file(tmp_path):
    return write_jsonl(tmp_path / "news.jsonl", sample_records(30))


# ---------------------------------------------------------------- on a LocalCluster


@pytest.mark.slow
def test_a_local_cluster_gives_exactly_the_claims_extract_jsonl_gives(
    client, corpus_file, tmp_path
):
    plan = corpus.plan_run([corpus_file], tmp_path / "out", SMALL_MB)
    assert len(plan.partitions) > 2  # the work is really shared out
    summary = corpus.run_plan(plan, client)
    assert summary.articles == 30 and summary.errors == 0

    printed = run_cli("extract", "--jsonl", str(corpus_file))
    assert printed.returncode == 0, printed.stderr
    expected = {
        (item := json.loads(line))["id"]: item["claims"] for line in printed.stdout.splitlines()
    }
    found: dict[str, list[dict]] = {article_id: [] for article_id in expected}
    for row in read_rows(tmp_path / "out", "claims"):
        found[row["article_id"]].append({name: row[name] for name in CLAIM_FIELDS})
    assert found == expected
    assert sum(map(len, expected.values())) > 100


@pytest.mark.slow
def test_a_run_stopped_part_way_resumes_to_the_same_output(client, corpus_file, tmp_path):
    whole = corpus.plan_run([corpus_file], tmp_path / "whole", SMALL_MB)
    corpus.run_plan(whole, client)

    resumed = corpus.plan_run([corpus_file], tmp_path / "resumed", SMALL_MB)
    corpus.run_plan(resumed, client)
    # As a stop leaves it: some partitions never written, one caught mid-write.
    lost = resumed.partitions[1::2]
    for partition in lost:
        (resumed.out_dir / "articles" / partition.name).unlink()
        (resumed.out_dir / "claims" / partition.name).unlink()
    half_written = resumed.out_dir / "claims" / f".{lost[0].name}.0123456789ab.tmp"
    half_written.write_bytes(b"PAR1 cut off")

    again = corpus.plan_run([corpus_file], tmp_path / "resumed", SMALL_MB)
    assert again.pending() == lost
    summary = corpus.run_plan(again, client)

    assert summary.already_written == len(resumed.partitions) - len(lost)
    assert summary.articles == sum(
        pq.read_metadata(resumed.out_dir / "articles" / p.name).num_rows for p in lost
    )
    assert not half_written.exists()
    for table in ("claims", "articles"):
        assert read_rows(tmp_path / "resumed", table) == read_rows(tmp_path / "whole", table)
        assert sorted(p.name for p in (tmp_path / "resumed" / table).iterdir()) == sorted(
            p.name for p in whole.partitions
        )


@pytest.mark.slow
def test_bad_records_and_an_unreadable_file_do_not_stop_a_cluster_run(client, tmp_path):
    good = write_jsonl(tmp_path / "good.jsonl", sample_records(3))
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"this is no Parquet file")
    plan = corpus.plan_run([good, broken], tmp_path / "out", SMALL_MB)
    summary = corpus.run_plan(plan, client)
    assert summary.articles == 4 and summary.errors == 1
    assert any("broken.parquet" in example for example in summary.examples)


@pytest.mark.slow
def test_the_command_stopped_by_a_signal_resumes_to_the_same_output(tmp_path):
    pytest.importorskip("distributed")
    records = [dict(r, id=f"{r['id']}-{n}") for n in range(8) for r in sample_records()]
    source = write_jsonl(tmp_path / "big.jsonl", records)
    expected = corpus.plan_run([source], tmp_path / "expected", 0.05)
    extract_here(expected)

    out = tmp_path / "out"
    args = ["corpus", "extract", str(source), "--out", str(out), "--workers", "1"]
    args += ["--partition-size", "0.05", "--no-progress"]
    env = {k: v for k, v in os.environ.items() if k != config.ENV_VAR}
    command = subprocess.Popen(
        [sys.executable, "-m", "claims", *args],
        cwd=config.PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while len(list((out / "articles").glob("part-*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    command.send_signal(signal.SIGTERM)
    _, err = command.communicate(timeout=60)
    assert command.returncode == 130, err
    written = len(list((out / "articles").glob("part-*")))
    assert 2 <= written < len(expected.partitions)

    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    assert f"({written} written before)" in result.stdout
    for table in ("claims", "articles"):
        assert read_rows(out, table) == read_rows(expected.out_dir, table)


@pytest.mark.slow
def test_the_command_runs_on_a_running_cluster_given_its_scheduler(client, corpus_file, tmp_path):
    address = client.scheduler.address
    out = tmp_path / "out"
    result = run_cli(
        "corpus", "extract", str(corpus_file), "--out", str(out), "--scheduler", address
    )
    assert result.returncode == 0, result.stderr
    assert "30 articles read this run" in result.stdout
    expected = corpus.plan_run([corpus_file], tmp_path / "expected", corpus.DEFAULT_PARTITION_MB)
    extract_here(expected)
    assert read_rows(out, "claims") == read_rows(expected.out_dir, "claims")


@pytest.mark.slow
def test_the_command_line_prints_the_dashboard_a_summary_and_the_errors(tmp_path):
    pytest.importorskip("distributed")
    records = sample_records(4) + [{"id": "empty", "text": "   "}]
    source = write_jsonl(tmp_path / "news.jsonl", records)
    result = run_cli(
        "corpus", "extract", str(source), "--out", str(tmp_path / "out"), "--workers", "1"
    )
    assert result.returncode == 0, result.stderr
    assert "Dask dashboard: http" in result.stderr
    assert "5 articles read this run" in result.stdout and "1 records with errors" in result.stdout
    assert "news.jsonl line 5: no article text" in result.stderr
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------- partitions, in this process


def test_records_keep_their_line_numbers_across_partitions(tmp_path):
    records = sample_records(20)
    lines = [json.dumps(r) for r in records]
    lines.insert(5, "")  # a blank line is no record, but it is a line
    source = tmp_path / "news.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plan = corpus.plan_run([source], tmp_path / "out", 0.005)
    assert len(plan.partitions) > 3
    extract_here(plan)
    rows = read_rows(plan.out_dir, "articles")
    by_line = {row["record"]: row["article_id"] for row in rows}
    expected = {n: json.loads(line)["id"] for n, line in enumerate(lines, 1) if line}
    assert by_line == expected


def test_corrupt_records_and_unreadable_files_are_recorded_with_their_reasons(tmp_path):
    good = sample_records(2)
    source = tmp_path / "mixed.jsonl"
    source.write_text(
        json.dumps(good[0]) + "\n"
        + "{not json\n"
        + json.dumps({"id": "no-text", "title": "Nothing"}) + "\n"
        + json.dumps({"id": "bad-date", "text": "Sales rose 5%.", "published": "soon"}) + "\n"
        + json.dumps(good[1]) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    cut = tmp_path / "cut.jsonl.gz"
    whole = gzip.compress(json.dumps(good[0]).encode() + b"\n" + json.dumps(good[1]).encode())
    cut.write_bytes(whole[: len(whole) // 2])  # a download that stopped half way
    not_parquet = tmp_path / "not.parquet"
    not_parquet.write_bytes(b"PAR1 and then nothing")
    plan = corpus.plan_run([source, cut, not_parquet], tmp_path / "out", SMALL_MB)
    extract_here(plan)

    rows = read_rows(plan.out_dir, "articles")
    errors = {(Path(r["file"]).name, r["record"]): r["error"] for r in rows if r["error"]}
    assert set(errors) == {
        ("mixed.jsonl", 2),
        ("mixed.jsonl", 3),
        ("mixed.jsonl", 4),
        ("cut.jsonl.gz", None),
        ("not.parquet", None),
    }
    assert "is not valid JSON" in errors["mixed.jsonl", 2]
    assert "no article text" in errors["mixed.jsonl", 3]
    assert "soon" in errors["mixed.jsonl", 4]
    assert "cut.jsonl.gz" in errors["cut.jsonl.gz", None]
    assert "not.parquet" in errors["not.parquet", None]
    extracted = [r["article_id"] for r in rows if not r["error"]]
    assert extracted == [good[0]["id"], good[1]["id"]]
    claim_ids = {r["article_id"] for r in read_rows(plan.out_dir, "claims")}
    assert claim_ids == set(extracted)


def test_parquet_inputs_are_read_by_row_groups_with_their_row_numbers(tmp_path):
    records = sample_records(12)
    source = tmp_path / "news.parquet"
    pq.write_table(pa.Table.from_pylist(records), source, row_group_size=3)
    plan = corpus.plan_run([source], tmp_path / "out", 0.001)  # a row group each
    assert len(plan.partitions) == 4
    extract_here(plan)
    rows = read_rows(plan.out_dir, "articles")
    assert [(r["record"], r["article_id"]) for r in rows] == [
        (n, r["id"]) for n, r in enumerate(records, 1)
    ]
    assert all(r["error"] is None and r["claim_count"] >= 0 for r in rows)


def test_the_dataset_has_the_declared_schema_and_types(corpus_file, tmp_path):
    plan = corpus.plan_run([corpus_file], tmp_path / "out", SMALL_MB)
    extract_here(plan)
    for table, schema in (
        ("claims", corpus.claims_schema()),
        ("articles", corpus.articles_schema()),
    ):
        for part in (plan.out_dir / table).glob("part-*.parquet"):
            assert pq.read_schema(part).remove_metadata() == schema
    claims_schema = corpus.claims_schema()
    assert set(CLAIM_FIELDS) <= set(claims_schema.names)
    for name, kind in (
        ("published", pa.date32()),
        ("record", pa.int64()),
        ("surface_start", pa.int64()),
        ("value", pa.float64()),
        ("confidence", pa.float64()),
        ("speaker", pa.string()),
    ):
        assert claims_schema.field(name).type == kind
    row = read_rows(plan.out_dir, "claims")[0]
    assert row["extractor_version"] == EXTRACTOR_VERSION
    assert isinstance(row["published"], date)
    article = read_rows(plan.out_dir, "articles")[0]
    assert article["text_hash"] == store.content_hash(article["text"])
    assert article["claim_count"] == sum(
        1 for r in read_rows(plan.out_dir, "claims") if r["record"] == article["record"]
    )


def test_an_output_folder_of_another_run_is_refused(corpus_file, tmp_path):
    corpus.plan_run([corpus_file], tmp_path / "out", SMALL_MB)
    corpus.plan_run([corpus_file], tmp_path / "out", SMALL_MB)  # the same run: fine
    with pytest.raises(ClaimsError, match="another run"):
        corpus.plan_run([corpus_file], tmp_path / "out", 1.0)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine")
    with pytest.raises(ClaimsError, match="not empty"):
        corpus.plan_run([corpus_file], tmp_path / "other", SMALL_MB)


def test_bad_input_is_one_line_and_no_stack_trace(tmp_path):
    pytest.importorskip("distributed")  # checked first: without it, that is the one line
    missing = run_cli("corpus", "extract", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path))
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"error: No file or folder at {tmp_path / 'nope.jsonl'}."
    no_workers = run_cli(
        "corpus", "extract", str(SAMPLES), "--out", str(tmp_path / "o"), "--workers", "0"
    )
    assert no_workers.returncode == 2 and not (tmp_path / "o").exists()
    assert no_workers.stderr.strip() == "error: --workers is a whole number of at least 1, not 0."
    not_a_dataset = run_cli("corpus", "load", str(tmp_path), "--db", str(tmp_path / "l.db"))
    assert not_a_dataset.returncode == 2 and "Traceback" not in not_a_dataset.stderr
    assert "is not the output of" in not_a_dataset.stderr


def test_without_dask_the_command_says_how_to_install_it(corpus_file, tmp_path):
    script = (
        "import sys\n"
        "sys.modules['distributed'] = None\n"  # as if it were not installed
        "from claims.__main__ import run\n"
        "sys.exit(run())\n"
    )
    args = ["corpus", "extract", str(corpus_file), "--out", str(tmp_path / "out")]
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        cwd=config.PROJECT_DIR,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {corpus.DASK_MISSING}"
    for other in (["--help"], ["corpus", "load", "--help"], ["stats", "--help"]):
        works = subprocess.run(
            [sys.executable, "-c", script, *other], capture_output=True, cwd=config.PROJECT_DIR
        )
        assert works.returncode == 0, works.stderr  # the rest of the ledger needs no Dask


# ---------------------------------------------------------------- corpus load


@pytest.fixture
def dataset(tmp_path):
    records = sample_records(30)
    records[3] = {"id": "broken", "text": 42}  # its extraction failed: never loaded
    source = write_jsonl(tmp_path / "news.jsonl", records)
    plan = corpus.plan_run([source], tmp_path / "out", SMALL_MB)
    extract_here(plan)
    return plan.out_dir, source


def test_load_puts_exactly_the_filtered_slice_into_an_empty_ledger(dataset, tmp_path):
    out, _ = dataset
    where = "published >= '2001-01-01' AND published < DATE '2005-01-01' OR article_id = 'broken'"
    result = run_cli("corpus", "load", str(out), "--where", where, "--db", str(tmp_path / "l.db"))
    assert result.returncode == 0, result.stderr
    articles = read_rows(out, "articles")
    wanted = [
        a
        for a in articles
        if a["published"] and date(2001, 1, 1) <= a["published"] < date(2005, 1, 1)
    ]
    assert 3 < len(wanted) < len(articles) - 3

    db = store.open_existing(tmp_path / "l.db")
    sources = list(db["sources"].rows)
    assert sorted(s["content_hash"] for s in sources) == sorted(a["text_hash"] for a in wanted)
    assert db["claims"].count == sum(a["claim_count"] for a in wanted)
    assert f"{len(wanted)} sources added" in result.stdout
    assert "1 matching records had no article" in result.stdout

    again = run_cli("corpus", "load", str(out), "--where", where, "--db", str(tmp_path / "l.db"))
    assert f"0 sources added, {len(wanted)} duplicates" in again.stdout  # dedupe as ingest does
    assert db["sources"].count == len(wanted)


def test_loaded_claims_are_those_an_ingest_of_the_same_articles_stores(dataset, tmp_path):
    out, source = dataset
    loaded = store.connect(tmp_path / "loaded.db")
    summary = corpus.load_corpus(
        loaded, out, "article_id IN ('seed-nk-congress', 'fomc-2001-01-03')"
    )
    assert summary.ingest.added == 2
    ingested = store.connect(tmp_path / "ingested.db")
    chosen = [r for r in sample_records(30) if r["id"] in ("seed-nk-congress", "fomc-2001-01-03")]
    ingest_many(ingested, [write_jsonl(tmp_path / "two.jsonl", chosen)], workers=1)

    def claims(db) -> list[tuple]:
        skip = {"id", "source_id", "created", "updated"}
        rows = db.execute(
            "SELECT claims.*, sources.content_hash FROM claims JOIN sources "
            "ON sources.id = claims.source_id ORDER BY sources.content_hash, claims.surface_start, "
            "claims.kind, claims.surface_end"
        )
        names = [d[0] for d in rows.description]
        return [tuple(v for n, v in zip(names, row, strict=True) if n not in skip) for row in rows]

    assert claims(loaded) == claims(ingested)
    assert len(claims(loaded)) > 20


def test_a_load_without_where_takes_every_article_that_was_extracted(dataset, tmp_path):
    out, _ = dataset
    db = store.connect(tmp_path / "all.db")
    summary = corpus.load_corpus(db, out)
    assert summary.ingest.added == 29 and summary.records_with_errors == 1


# ---------------------------------------------------------------- --where


def filtered(where: str) -> list[int]:
    rows = [
        {"record": 1, "publisher": "Reuters", "published": date(2020, 5, 1), "claim_count": 3},
        {"record": 2, "publisher": "AP", "published": date(2021, 1, 9), "claim_count": 0},
        {"record": 3, "publisher": "O'Brien Daily", "published": None, "claim_count": 7},
    ]
    schema = corpus.articles_schema()
    table = pa.Table.from_pylist(
        [
            {name: row.get(name, "x" if name == "file" else None) for name in schema.names}
            for row in rows
        ],
        schema=schema,
    )
    selection = parse_filter(where, schema)
    chosen = table if selection is None else table.filter(selection)
    return chosen.column("record").to_pylist()


@pytest.mark.parametrize(
    "where, records",
    [
        ("publisher = 'Reuters'", [1]),
        ("PUBLISHER <> 'Reuters'", [2, 3]),
        ("publisher = 'O''Brien Daily'", [3]),
        ("published >= '2021-01-01'", [2]),
        ("published BETWEEN DATE '2020-01-01' AND '2020-12-31'", [1]),
        ("published IS NULL", [3]),
        ("published IS NOT NULL AND claim_count > 0", [1]),
        ("publisher LIKE '%Daily' OR record IN (2)", [2, 3]),
        ("NOT (publisher IN ('AP', 'Reuters'))", [3]),
        ("publisher NOT LIKE 'R%'", [2, 3]),
        ("(claim_count = 0 OR claim_count >= 7) AND record != 3", [2]),
        ("", [1, 2, 3]),
    ],
)
def test_where_selects_the_rows_it_says(where, records):
    assert filtered(where) == records


@pytest.mark.parametrize(
    "where, message",
    [
        ("publisher = 'Reuters'; DROP TABLE claims", "cannot read"),
        ("publisher = 'Reuters' UNION SELECT 1", "expected AND, OR or the end"),
        ("nope = 1", "no column 'nope'"),
        ("published > 'last week'", "is not a date"),
        ("claim_count = 'many'", "is not a whole number"),
        ("publisher = 5", "is not 'text' in quotes"),
        ("claim_count LIKE '5%'", "LIKE compares text"),
        ("publisher = ", "expected a value"),
        ("(publisher = 'AP'", "expected ')'"),
        ("length(text) > 5", "no column 'length'"),
        ("publisher", "expected a comparison"),
        ("publisher = read_text('/etc/passwd')", "expected a value"),
    ],
)
def test_a_bad_where_is_a_clear_error(where, message):
    with pytest.raises(ClaimsError, match=re.escape(message)):
        filtered(where)


def test_lines_in_another_encoding_or_with_a_bom_are_read_as_the_ingest_reads_them(tmp_path):
    source = tmp_path / "old.jsonl"
    first = json.dumps({"id": "bom", "text": "Sales rose 5% in 2020."}).encode()
    other = json.dumps({"id": "cafe", "text": "The café sold 300 cups."}, ensure_ascii=False)
    source.write_bytes(b"\xef\xbb\xbf" + first + b"\n" + other.encode("cp1252") + b"\n")
    plan = corpus.plan_run([source], tmp_path / "out", SMALL_MB)
    extract_here(plan)
    rows = read_rows(plan.out_dir, "articles")
    assert [(r["article_id"], r["error"]) for r in rows] == [("bom", None), ("cafe", None)]
    assert rows[1]["text"] == "The café sold 300 cups."


def test_load_needs_no_dask(dataset, tmp_path):
    out, _ = dataset
    script = (
        "import sys\n"
        "sys.modules['distributed'] = sys.modules['dask'] = None\n"
        "from claims.__main__ import run\n"
        "sys.exit(run())\n"
    )
    args = ["corpus", "load", str(out), "--where", "record <= 3", "--db", str(tmp_path / "l.db")]
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        cwd=config.PROJECT_DIR,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "3 sources added" in result.stdout


def test_an_output_folder_inside_the_input_folder_is_no_input(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    write_jsonl(news / "a.jsonl", sample_records(3))
    (news / "README.md").write_text("not an input")
    plan = corpus.plan_run([news], news / "out", SMALL_MB)
    extract_here(plan)
    again = corpus.plan_run([news], news / "out", SMALL_MB)  # its Parquet files now exist
    assert again.files == [(news / "a.jsonl").resolve()]
    assert again.pending() == []
