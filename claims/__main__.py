"""`python -m claims`: the command line."""

import sys

from claims.processes import keep_pandas_out

keep_pandas_out()  # before claims.cli imports sqlite-utils, which would load it

from claims.cli import main  # noqa: E402

sys.exit(main())
