# The two commands a new user needs (see README.md):
#   make dashboard   set up, create data/claims.db with the samples, start the dashboard
#   make test        set up with the test tools, lint, run the whole test suite
PORT ?= 8501

.PHONY: dashboard test setup lint format

dashboard:
	scripts/setup.sh
	.venv/bin/python -m claims init
	.venv/bin/python scripts/dashboard.py --server.port $(PORT)

test:
	scripts/setup.sh --dev
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/python -m pytest -q

setup:
	scripts/setup.sh --dev

format:
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .
