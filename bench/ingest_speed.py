"""Ingest 2,000 articles into a fresh ledger, end to end, extraction in parallel.

    .venv/bin/python bench/ingest_speed.py [--articles 2000] [--shared ../shared]

The articles are the development corpus (read from shared/ at run time, never
copied into the project) repeated with variations so that none dedupes: each
copy's paragraphs are rotated and it gets a numbered dateline. They go in as
one .jsonl bulk file through claims.ingest.ingest_many, as
`python -m claims ingest FILE.jsonl` does. Target (issue 13): >= 100 articles/s.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims import ingest, store  # noqa: E402

TARGET_ARTICLES_PER_SECOND = 100


def dev_articles(shared: Path) -> list[dict]:
    corpus = shared / "eval" / "dev" / "corpus.jsonl"
    seed = json.loads((shared / "eval" / "dev" / "seed.json").read_text(encoding="utf-8"))
    articles = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    articles.append(seed)
    return [{"text": a["text"], "title": a.get("title"), "published": a.get("published")}
            for a in articles]  # fmt: skip


def variation(article: dict, n: int) -> dict:
    """A copy that does not dedupe: paragraphs rotated, a numbered dateline first."""
    paragraphs = article["text"].split("\n\n")
    k = n % len(paragraphs)
    text = f"Dispatch {n}.\n\n" + "\n\n".join(paragraphs[k:] + paragraphs[:k])
    return {**article, "text": text, "title": f"{article.get('title') or 'Article'} ({n})"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    base = dev_articles(args.shared)
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "feed.jsonl"
        with feed.open("w", encoding="utf-8") as out:
            for n in range(args.articles):
                out.write(json.dumps(variation(base[n % len(base)], n)) + "\n")
        words = sum(len(json.loads(line)["text"].split()) for line in feed.open())
        db = store.connect(Path(folder) / "ingest.db")
        started = time.perf_counter()
        summary = ingest.ingest_many(db, [feed], workers=args.workers)
        seconds = time.perf_counter() - started
        counts = store.stats(db)
    print(f"articles   {args.articles:,} ({words:,} words)")
    print(f"added      {summary.added:,}, duplicates {summary.duplicates:,}, "
          f"failures {len(summary.failures):,}")  # fmt: skip
    print(f"claims     {counts['claims']:,}")
    print(f"seconds    {seconds:.1f}")
    rate = args.articles / seconds
    verdict = "meets" if rate >= TARGET_ARTICLES_PER_SECOND else "below"
    print(f"articles/s {rate:.1f} ({verdict} the {TARGET_ARTICLES_PER_SECOND} target)")
    print(f"peak RSS   {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (writer)")


if __name__ == "__main__":
    main()
