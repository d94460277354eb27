# The two commands a new machine needs: `make site` and `make test`.
# Everything runs inside .venv/, installed from the hash-pinned lock.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA ?= data

# mkdocs-material prints a notice about MkDocs 2.0 on every build; we pin mkdocs<2.
export NO_MKDOCS_2_WARNING := 1

NODE_STAMP := node_modules/.installed

.PHONY: site serve test check schema lock lint clean browser-deps audit bench preview-bench

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $(STAMP)

$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $(NODE_STAMP)

## Chromium (Debian's) and axe-core for the browser tests.
browser-deps: $(NODE_STAMP)
	bash scripts/install-browser.sh

## Build the site into site/ (validates the data first).
site: $(STAMP)
	$(BIN)/python -m generator build --data $(DATA) --site site

## Preview with live reload on http://127.0.0.1:8000/.
serve: $(STAMP)
	$(BIN)/python -m generator check --data $(DATA)
	$(BIN)/python -m mkdocs serve --dirty --dev-addr 127.0.0.1:8000

## Every test: lint, types, the test suite.
test: $(STAMP) browser-deps
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
	$(BIN)/python -m generator check --data $(DATA)

## Regenerate the JSON Schema files in schema/ from the models.
schema: $(STAMP)
	$(BIN)/python -m generator schema --out schema

## Re-pin every dependency with hashes (needs uv on the PATH).
lock:
	uv pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 \
		--universal -o requirements.lock

clean:
	rm -rf $(VENV) site node_modules .pytest_cache .mypy_cache .ruff_cache .hypothesis
