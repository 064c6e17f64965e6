"""`python -m claims` and the `claims` command installed by pip: the command line."""

import signal
import sys

from claims.processes import keep_pandas_out


def _interrupt(signum, frame):
    raise KeyboardInterrupt  # so that a killed command cleans up as after Ctrl-C


def run() -> int:
    """Run the command line on sys.argv; the `claims` console script's entry point."""
    keep_pandas_out()  # before claims.cli imports sqlite-utils, which would load it
    from claims.cli import import_commands, main

    # The handler is set once every command's modules are imported. Imports
    # evaluate code from strings (namedtuple, dataclasses), and Python takes a
    # KeyboardInterrupt raised inside such code as unhandled even once main has
    # caught it: the process would then end by SIGINT instead of returning 130.
    import_commands()
    signal.signal(signal.SIGTERM, _interrupt)
    return main()


if __name__ == "__main__":
    sys.exit(run())
