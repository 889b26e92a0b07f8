# Children's Trusts guidance: every task, from a fresh clone. `make help` lists them.
# The README's two commands are `make serve` and `make test`; .ci/run calls `make test`.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
BUILD_SYSTEM_STAMP := .cache/system-packages-build.ok
SYSTEM_STAMP := .cache/system-packages-checks.ok
ZENSICAL_DIR := .zensical
ZENSICAL_STAMP := $(VENV)/.zensical-installed

# Material prints an end-of-life banner on every build; the date is noted in the README.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup setup-checks serve build production validate lint unit test check check-external mutation benchmark zensical lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

$(BUILD_SYSTEM_STAMP): scripts/setup-system.sh
	PYTHON=$(PYTHON) scripts/setup-system.sh build
	mkdir -p $(dir $@) && touch $@

$(STAMP): requirements.txt pyproject.toml $(BUILD_SYSTEM_STAMP)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

setup: $(STAMP) ## Install what building needs: Debian's Pango, then the locked Python packages (hash-checked) in .venv

$(SYSTEM_STAMP): scripts/setup-system.sh
	PYTHON=$(PYTHON) scripts/setup-system.sh checks
	mkdir -p $(dir $@) && touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

setup-checks: setup $(SYSTEM_STAMP) $(NODE_STAMP) ## Also install what the tests and gates need (Chromium, Java, LibreOffice, poppler, npm packages)

validate: setup ## Check data/ and print each problem as file:line:col: path: message
	$(BIN)/trustdocs validate

serve: setup ## Set up, validate and serve the site at http://127.0.0.1:8000
	$(BIN)/trustdocs validate
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: setup ## Validate and build site/ (a failed build leaves the old site/ intact)
	$(BIN)/trustdocs build

production: setup ## Build site/ for publishing: needs TRUSTDOCS_SITE_URL and TRUSTDOCS_REPO_URL, refuses a loopback address
	$(BIN)/trustdocs build --production

lint: setup ## Lint and type-check: ruff (lint, format), mypy, import-linter (layers), check-jsonschema (schemas, workflows)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/check-jsonschema --check-metaschema trustdocs/validation/schemas/*.schema.json
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

# The fast lane runs on every core (pytest-xdist); `make test` runs the whole suite in one process.
unit: setup ## The fast lane (under a minute on 2 cores): tests that need no browser and no uncached full-site build
	$(BIN)/pytest -n auto -m "not slow and not browser"

check: setup-checks ## Build into a temporary directory and run every quality gate
	$(BIN)/python -m checks

test: setup-checks ## Set up and run the whole test suite: lint, pytest, then every quality gate
	$(MAKE) lint
	$(BIN)/pytest
	$(BIN)/python -m checks

# mutmut copies the package and tests into mutants/ and tests each mutant of the
# guard modules ([tool.mutmut] in pyproject.toml) with the tests that call it.
# MUTATION_JOBS: mutants tested at once (mutmut's --max-children); 2 suits this 2-core machine.
MUTATION_JOBS ?= 2
mutation: setup ## Mutation testing of the guard modules, each with its own tests: kill rate per module, every survivor (about 25 minutes on 2 cores; not in make test)
	rm -rf mutants
	$(BIN)/python scripts/mutation_run.py --jobs $(MUTATION_JOBS)
	$(BIN)/python scripts/mutation_report.py

$(ZENSICAL_STAMP): requirements-zensical.txt $(STAMP)
	$(BIN)/pip install --quiet --require-hashes -r requirements-zensical.txt
	touch $@

# Zensical wants docs/ and site/ inside the config's folder, and `zensical build
# --clean` deletes <project>/.cache, so it builds in a scratch copy, .zensical/.
zensical: setup $(ZENSICAL_STAMP) ## Build with the pinned Zensical, post-process, and compare every page with the MkDocs build (not in make test)
	rm -rf $(ZENSICAL_DIR) && mkdir -p $(ZENSICAL_DIR)
	cp -r docs overrides mkdocs.yml $(ZENSICAL_DIR)/
	ln -s ../data $(ZENSICAL_DIR)/data
	ln -s ../macros $(ZENSICAL_DIR)/macros
	$(BIN)/trustdocs pages --out $(ZENSICAL_DIR)/docs
	cd $(ZENSICAL_DIR) && ../$(BIN)/zensical build --strict
	-$(BIN)/trustdocs postprocess $(ZENSICAL_DIR)/site
	$(BIN)/mkdocs build --strict --quiet --site-dir $(CURDIR)/$(ZENSICAL_DIR)/mkdocs-site
	$(BIN)/python scripts/compare_builds.py $(ZENSICAL_DIR)/mkdocs-site $(ZENSICAL_DIR)/site --report-only

check-external: build ## Check external links too (needs internet; not part of the offline suite)
	$(BIN)/python -m checks.links --external site

N ?= 150
benchmark: setup ## Time the build with N synthetic areas beside the real ones (default 150; N=0: the real site) against plain Material (not in make test)
	$(BIN)/python benchmarks/scale.py $(N)

lock: setup ## Re-pin requirements.txt (with hashes) from requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements-zensical.txt requirements-zensical.in

clean: ## Remove the environment, builds and test artefacts
	rm -rf $(VENV) node_modules site .site-* .cache test-artefacts .pytest_cache $(ZENSICAL_DIR) mutants .hypothesis
