"""`python -m claims`: the command line."""

import signal
import sys

from claims.processes import keep_pandas_out

keep_pandas_out()  # before claims.cli imports sqlite-utils, which would load it

from claims.cli import main  # noqa: E402


def _interrupt(signum, frame):
    raise KeyboardInterrupt  # so that a killed command cleans up as after Ctrl-C


signal.signal(signal.SIGTERM, _interrupt)
sys.exit(main())
