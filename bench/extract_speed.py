"""Words per second of claims.extract.extract_claims, in one process on one core.

Usage:
    .venv/bin/python bench/extract_speed.py [CORPUS.jsonl] [--repeat N] [--profile]

The corpus defaults to ../shared/eval/dev/corpus.jsonl relative to the repository
root (one JSON object per line with a "text"; "published" is used when present).
The texts are run --repeat times (default 20) per round after one warm-up pass,
for --rounds rounds (default 3), timed in CPU seconds of this process; the best
round is reported, as timeit does, because other processes on a shared machine
only ever slow a round down. The target (issue 13) is at least 100,000 words per second.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from claims.extract import extract_claims  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "eval" / "dev" / "corpus.jsonl"
TARGET_WORDS_PER_SECOND = 100_000


def load_corpus(path: Path) -> list[tuple[str, str | None]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows.append((row["text"], row.get("published")))
    return rows


def run(docs: list[tuple[str, str | None]], repeat: int) -> tuple[int, int, float]:
    """(words, claims, CPU seconds) for `repeat` passes over the documents.

    CPU time of this process is what "one core" means, and unlike wall time it
    does not count the time other processes on the machine take the core away.
    """
    words = sum(len(text.split()) for text, _ in docs) * repeat
    claims = 0
    started = time.process_time()
    for _ in range(repeat):
        for text, published in docs:
            claims += len(extract_claims(text, published))
    return words, claims, time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--repeat", type=int, default=20, help="passes over the corpus per round")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; the best one is reported")
    parser.add_argument("--profile", action="store_true", help="print the top cProfile entries")
    args = parser.parse_args(argv)
    path = Path(args.corpus)
    if not path.exists():
        print(f"no such corpus: {path}", file=sys.stderr)
        return 2
    docs = load_corpus(path)
    run(docs, 1)  # warm-up: regex caches, imports
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
    rounds = [run(docs, args.repeat) for _ in range(max(1, args.rounds))]
    if args.profile:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    words, claims, _ = rounds[0]
    times = sorted(seconds for _, _, seconds in rounds)
    best, median = times[0], times[len(times) // 2]
    rate = words / best if best else float("inf")
    verdict = "meets" if rate >= TARGET_WORDS_PER_SECOND else "below"
    print(
        f"{len(docs)} documents x {args.repeat}: {words} words, {claims} claims; "
        f"best of {len(times)} rounds {best:.3f} CPU s -> {rate:,.0f} words/s "
        f"(median {words / median:,.0f}); {verdict} the {TARGET_WORDS_PER_SECOND:,} target"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
