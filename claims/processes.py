"""Processes that draw no chart: the command line, and the workers of bulk ingest and export.

sqlite-utils imports pandas whenever it is installed (to convert pandas values
given to insert(), which the ledger never does), and pandas brings numpy and
pyarrow: about 70 MB of memory and 0.3 s of start-up in every process. Only
the dashboard's charts use pandas (claims.charts), so these processes keep it
out.
"""

from __future__ import annotations

import importlib.abc
import multiprocessing
import os
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor


class _PandasKeptOut(importlib.abc.MetaPathFinder):
    """`import pandas` fails as if pandas were not installed.

    A finder, not None in sys.modules: pyarrow's compiled import reads a None there as
    the module itself and fails on it (pa.array broke the CLI's Parquet export).
    """

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == "pandas":
            raise ModuleNotFoundError(f"No module named {name!r} (kept out)", name=name)
        return None


def keep_pandas_out() -> None:
    """Make `import pandas` fail in this process (as if it were not installed), unless loaded."""
    if "pandas" in sys.modules:
        return
    if not any(isinstance(finder, _PandasKeptOut) for finder in sys.meta_path):
        sys.meta_path.insert(0, _PandasKeptOut())


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` worker processes, without pandas, that end if this process does.

    spawn, not fork: the dashboard's process has threads, and forking a
    threaded process can deadlock the child.
    """
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    )


def _start_worker(parent: int) -> None:
    keep_pandas_out()
    threading.Thread(target=_end_with, args=(parent,), daemon=True, name="parent").start()


def _end_with(parent: int) -> None:
    # A worker whose parent was killed would wait for work forever, holding
    # the ledger open: once it has another parent, it leaves.
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
