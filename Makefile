# The two commands a new user needs (see README.md):
#   make dashboard   set up, create data/claims.db with the samples, start the dashboard
#   make test        set up with the test tools, lint, type-check, run the whole test suite
PORT ?= 8501

.PHONY: dashboard test test-fast setup lint format

dashboard:
	scripts/setup.sh
	.venv/bin/python -m claims init
	.venv/bin/python scripts/dashboard.py --server.port $(PORT)

test:
	scripts/setup.sh --dev
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/python -m mypy claims
	.venv/bin/python -m pytest -q

# The developer's inner loop: no browser tests and no tests marked slow (soak,
# crash, parallel export), on JOBS processes (pytest-xdist; two halve the time on
# two cores). Sets up only when the test tools are missing, to stay quick.
# `make test` is the whole suite, and what CI runs.
JOBS ?= 2
test-fast:
	.venv/bin/python -c "import xdist" 2>/dev/null || scripts/setup.sh --dev
	.venv/bin/python -m pytest -q -m "not browser and not slow and not pages and not process" -n $(JOBS)

setup:
	scripts/setup.sh --dev

format:
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .
