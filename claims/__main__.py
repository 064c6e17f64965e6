"""`python -m claims` and the `claims` command installed by pip: the command line."""

import signal
import sys

from claims.processes import keep_pandas_out


def _interrupt(signum, frame):
    raise KeyboardInterrupt  # so that a killed command cleans up as after Ctrl-C


def run() -> int:
    """Run the command line on sys.argv; the `claims` console script's entry point."""
    keep_pandas_out()  # before claims.cli imports sqlite-utils, which would load it
    from claims.cli import main

    signal.signal(signal.SIGTERM, _interrupt)
    return main()


if __name__ == "__main__":
    sys.exit(run())
