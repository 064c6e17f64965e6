"""Instructions per pass of claims.extract.extract_claims over a corpus, counted by
valgrind: a measure of extraction work that, unlike CPU time, does not move with the
load of a shared machine, for comparing two versions of the code.

Usage:
    .venv/bin/python bench/extract_instructions.py [CORPUS.jsonl]

Needs valgrind (Debian: apt-get install valgrind). The corpus (by default
../shared/eval/dev/corpus.jsonl, as for extract_speed.py) is run once and three times,
each after a warm-up pass and under cachegrind; the difference, halved, is one pass, so
that start-up and imports cancel out. Python's hash seed is fixed and numpy's BLAS kept
to one thread (its helper thread spins for a time that varies from run to run), and
what exists after the warm-up pass is frozen out of garbage collection, so a count
repeats to within a few thousand instructions. Instructions are not time: a change
that saves them in the regex engine saves less time than one that saves Python calls.
extract_speed.py remains the measure of the target.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from extract_speed import DEFAULT_CORPUS, load_corpus, run  # noqa: E402

_REFS_RE = re.compile(r"I\s+refs:\s+([\d,]+)")


def _passes(corpus: Path, passes: int) -> None:
    """The measured program: a warm-up pass, then `passes` passes."""
    docs = load_corpus(corpus)
    run(docs, 1)
    # Objects made so far (imports, the first pass's caches) are left out of garbage
    # collection: when a full collection falls depends on what was made before, and
    # each one walks them all, which moved counts by millions between runs.
    gc.collect()
    gc.freeze()
    run(docs, passes)


def _instructions(corpus: Path, passes: int) -> int:
    env = dict(os.environ, PYTHONHASHSEED="0", OPENBLAS_NUM_THREADS="1")
    command = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, __file__, str(corpus), "--passes", str(passes),
    ]  # fmt: skip
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    found = _REFS_RE.search(done.stderr)
    if found is None:
        raise RuntimeError(f"valgrind gave no instruction count:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--passes", type=int, help=argparse.SUPPRESS)  # under valgrind
    args = parser.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"no such corpus: {corpus}", file=sys.stderr)
        return 2
    if args.passes is not None:
        _passes(corpus, args.passes)
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    once, thrice = _instructions(corpus, 1), _instructions(corpus, 3)
    words = sum(len(text.split()) for text, _ in load_corpus(corpus))
    per_pass = (thrice - once) // 2
    print(
        f"{corpus.name}: {per_pass / 1e6:,.1f}M instructions per pass of {words:,} words "
        f"({per_pass / words:,.0f} per word)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
