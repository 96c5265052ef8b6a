# `make site` and `make test` set themselves up: a .venv in the repo, installed on first use
# and again whenever pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

# Material prints a banner about its end of life on every `mkdocs` build; kamdocs pins mkdocs<2.
export NO_MKDOCS_2_WARNING := 1

# The browser tests drive Debian's Chromium; installing it needs root (CI runs as root).
CHROMIUM ?= /usr/bin/chromium
# and check accessibility with axe-core (npm), installed into build/node
AXE_VERSION := 4.14.1
AXE := build/node/node_modules/axe-core/axe.min.js

.PHONY: site site-mkdocs site-zensical test lint validate catalogues messages clean

# A site without accounts is a site built without the kam plugin (Zensical ignores it): stop there.
has_dashboard = @test -f $(1)/accounts/index.html || { echo "$(1)/accounts/index.html missing: the site was built without the kam plugin; see 'Which engine' in README.md" >&2; exit 1; }

# The site with ProperDocs, the maintained fork of MkDocs 1.6 (the same mkdocs.yml, the same plugin)
site: $(VENV)/.site-deps
	$(BIN)/kam validate
	$(BIN)/properdocs build --strict -f mkdocs.yml
	$(call has_dashboard,site)

# The same site with MkDocs 1.6
site-mkdocs: $(VENV)/.site-deps
	$(BIN)/kam validate
	$(BIN)/mkdocs build --strict
	$(call has_dashboard,site)

# Zensical runs no plugin: kam writes the whole site as files, Zensical builds them into build/zensical/site
site-zensical: $(VENV)/.site-deps
	$(BIN)/kam validate
	$(BIN)/kam site pages build/zensical --force
	cd build/zensical && $(abspath $(BIN))/zensical build --strict
	$(call has_dashboard,build/zensical/site)

test: lint $(CHROMIUM) $(AXE)
	KAM_CHROMIUM=$(CHROMIUM) KAM_AXE=$(AXE) $(BIN)/python -m pytest

# the layers (import-linter), the style (ruff) and the types (mypy, strict below the renderers)
lint: $(VENV)/.test-deps
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

validate: $(VENV)/.site-deps
	$(BIN)/kam validate

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "kamdocs needs Python 3.11 or newer: run make PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.site-deps: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	$(MAKE) --no-print-directory catalogues
	touch $@

$(VENV)/.test-deps: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[docs,test]'
	$(MAKE) --no-print-directory catalogues
	touch $@

# The message catalogues, compiled with Babel (kamdocs compiles a .po in memory where no fresh .mo is there).
LOCALES := kamdocs/view/locale
catalogues:
	$(BIN)/pybabel compile --domain kamdocs --directory $(LOCALES) --statistics

# After adding or changing a message in the code: extract the ids and merge them into every catalogue.
messages: $(VENV)/.test-deps
	$(BIN)/pybabel extract --no-location --sort-output --width 120 -k N_ -k because -k translate -k say -o $(LOCALES)/kamdocs.pot kamdocs
	$(BIN)/pybabel update --domain kamdocs --input-file $(LOCALES)/kamdocs.pot --output-dir $(LOCALES) --no-fuzzy-matching --ignore-obsolete --width 120

$(AXE):
	npm install --no-save --no-audit --no-fund --prefix build/node axe-core@$(AXE_VERSION)

$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

clean:
	rm -rf $(VENV) site build .pytest_cache
