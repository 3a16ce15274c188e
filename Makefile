# Kunskapsbanken: the two commands a newcomer needs are `make serve` and `make test`.
# Each creates or refreshes .venv from the pinned dependencies in pyproject.toml.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-pins
HOST ?= 127.0.0.1
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build validate test test-fast lint format bench clean

# Re-install only when the pins (pyproject.toml) changed since the last install.
$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip==26.3
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	@touch $(STAMP)

setup: $(STAMP)

validate: setup
	$(BIN)/kunskapsbank validate

build: setup
	$(BIN)/kunskapsbank build

# Validate, build, index and preview at http://$(HOST):$(PORT) with live reload.
serve: setup
	$(BIN)/kunskapsbank serve --addr $(HOST):$(PORT)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Everything, Chromium included: what CI runs.
test: lint
	$(BIN)/pytest

# The inner loop: engine, validation and editor commands, without Chromium or full builds.
test-fast: lint
	$(BIN)/pytest -m "not browser and not build"

bench: setup
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site dist .pytest_cache
