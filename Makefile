# The two commands a new machine needs: `make site` and `make test`.
# Everything runs inside .venv/, installed from the hash-pinned lock.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA ?= data

NODE_STAMP := node_modules/.installed

.PHONY: site serve test check schema lock lint clean test-deps audit bench preview-bench

# The lock, then the project itself, editable, with the `explainer` command (setuptools comes
# from the lock; its one warning, that folders beside the package may be imported instead of
# it, does not apply: the package is the folder).
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation \
		--no-index --editable .
	touch $(STAMP)

$(NODE_STAMP): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --silent
	touch $(NODE_STAMP)

## What the tests run besides Python: Chromium, axe-core, Java and the Nu HTML Checker.
test-deps: $(NODE_STAMP)
	bash scripts/install-test-tools.sh

## Build the site into site/ (validates the data first); ENGINE=zensical builds it with Zensical.
ENGINE ?= mkdocs
site: $(STAMP)
	$(BIN)/explainer build --data $(DATA) --site site --engine $(ENGINE)

## Preview with live reload on http://127.0.0.1:$(PORT)/ (problems in the data show on the page).
PORT ?= 8000
serve: $(STAMP)
	$(BIN)/explainer serve --data $(DATA) --port $(PORT)

## Every test: lint, types, the test suite.
test: $(STAMP) test-deps
	$(BIN)/python -m ruff check generator tests hooks bench
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest

## Benchmarks on synthetic data (not timed tests): see docs/performance.md.
BENCH_SIZES ?= 1000 10000
bench: $(STAMP)
	$(BIN)/python -m bench.run --sizes $(BENCH_SIZES) $(BENCH_FLAGS)

## Seconds from saving a data file to the updated page under `make serve` (median of 5).
preview-bench: $(STAMP)
	$(BIN)/python -m bench.preview --runs 5

## Known vulnerabilities in the locked dependencies (needs PyPI's JSON API; CI runs it).
audit: $(STAMP)
	$(BIN)/pip-audit --requirement requirements.lock --require-hashes --disable-pip --no-deps --strict

## Validate data/ only.
check: $(STAMP)
	$(BIN)/explainer check --data $(DATA)

## Regenerate the JSON Schema files in schema/ from the models.
schema: $(STAMP)
	$(BIN)/explainer schema --out schema

## Re-pin every dependency with hashes (needs uv on the PATH).
lock:
	uv pip compile pyproject.toml --extra test --extra build --generate-hashes --python-version 3.11 \
		--universal -o requirements.lock

clean:
	rm -rf $(VENV) site node_modules .pytest_cache .mypy_cache .ruff_cache .hypothesis
