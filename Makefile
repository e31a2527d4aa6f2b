# AI Papers 2023 · 论文精读 — every command a newcomer or CI needs.
#   make serve   set up, then serve the site with live reload on http://127.0.0.1:8000/
#   make test    set up, then lint, check, build and run every test (what CI runs)
# Each target creates .venv/ and installs the pinned, hash-checked dependencies when needed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SITE_DEPS := $(VENV)/.site-deps
DEV_DEPS  := $(VENV)/.dev-deps
PORT ?= 8000
# The site generator: mkdocs, or properdocs (the maintained drop-in fork of MkDocs 1.6, same mkdocs.yml).
BUILDER ?= mkdocs

# Silence MkDocs' notice about MkDocs 2 (this project pins MkDocs 1.6; see README "Stack").
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build offline pdf test check lint format vendor lock clean new-paper bench prerender zensical

help:
	@sed -n '2,4p' Makefile | sed 's/^# //'
	@echo "  make build   build the hosted site into site/"
	@echo "  make offline build the offline site into build/offline/ and build/ai-papers-2023-offline.zip"
	@echo "  make pdf     print each language's print edition to build/ai-papers-2023.{zh,en}.pdf (Chromium)"
	@echo "  make check   validate the sources (papers.yml, references.bib, pages) before any build"
	@echo "  make new-paper ARGS='...'   scaffold a paper in both languages (see CONTRIBUTING.md)"
	@echo "  make prerender  draw diagrams and formulas ahead of time (Chromium) for lighter pages"
	@echo "  make lint    ruff (lint + format check)        make format  apply ruff formatting"
	@echo "  make lock    re-pin requirements/*.lock after editing requirements/*.in"
	@echo "  make zensical   build each language with Zensical into build/zensical/ (the way off MkDocs)"
	@echo "  BUILDER=properdocs make build|serve|offline   use ProperDocs, the maintained fork of MkDocs 1.6"

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11+ is required")'
	$(PYTHON) -m venv $(VENV)

# The pinned, hash-checked dependencies, then the guide's own package (aipapers/, editable, so an
# edit takes effect at once) built with the pinned setuptools: nothing is fetched unpinned.
INSTALL_GUIDE := $(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .

$(SITE_DEPS): requirements/site.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/site.lock
	$(INSTALL_GUIDE)
	@touch $@

$(DEV_DEPS): requirements/dev.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/dev.lock
	$(INSTALL_GUIDE)
	@touch $@ $(SITE_DEPS)

vendor: | $(BIN)/python
	$(BIN)/python -m scripts.vendor

serve: $(SITE_DEPS) vendor
	$(BIN)/$(BUILDER) serve -f mkdocs.yml --dev-addr 127.0.0.1:$(PORT) --livereload

# Check the sources first (every problem at once, as path:line: message).
check: $(SITE_DEPS)
	$(BIN)/python -m scripts.check

# Scaffold a paper: make new-paper ARGS='--bibtex entry.bib --slug 11-x --name X --position 11 ...'
new-paper: $(SITE_DEPS)
	$(BIN)/python -m scripts.new_paper $(ARGS)

# Draw diagrams and typeset formulas ahead of time in Chromium (cache: .cache/prerender/); builds
# use the cache, so readers download no Mermaid or KaTeX. Without it pages draw them in the browser.
prerender: $(DEV_DEPS) vendor
	$(BIN)/python -m scripts.prerender

# Build into a temporary folder and swap it in only on success: a failed check or build never
# leaves a half-written site/ behind.
build: $(SITE_DEPS) vendor check
	rm -rf build/site.tmp
	$(BIN)/$(BUILDER) build --strict -f mkdocs.yml --site-dir build/site.tmp
	rm -rf site && mv build/site.tmp site

offline: $(SITE_DEPS) vendor check
	rm -rf build/offline.tmp
	OFFLINE=true $(BIN)/$(BUILDER) build --strict -f mkdocs.yml --site-dir build/offline.tmp
	rm -rf build/offline && mv build/offline.tmp build/offline
	# The PDFs of `make pdf`, when they exist, go along (the print edition links them).
	for pdf in build/ai-papers-2023.zh.pdf build/ai-papers-2023.en.pdf; do [ ! -f $$pdf ] || cp $$pdf build/offline/; done
	rm -f build/ai-papers-2023-offline.zip
	cd build && ../$(BIN)/python -m zipfile -c ai-papers-2023-offline.zip offline/

# Each language's print edition as a PDF (Chromium, fonts embedded, page numbers, linked contents).
pdf: $(DEV_DEPS) build
	$(BIN)/python -m scripts.pdf
	cp build/ai-papers-2023.zh.pdf build/ai-papers-2023.en.pdf site/

# Build cost vs. a Material-only baseline, scaling to 500 papers, edit loop, page weight, search.
bench: $(DEV_DEPS) vendor prerender
	$(BIN)/python -m scripts.bench $(ARGS)

lint: $(DEV_DEPS)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(DEV_DEPS)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The Nu Html Checker (vnu.jar from the npm registry, pinned in tests/nu/package-lock.json).
NU_JAR := tests/nu/node_modules/vnu-jar/build/dist/vnu.jar
$(NU_JAR): tests/nu/package-lock.json
	cd tests/nu && npm ci --no-audit --no-fund --silent
	@touch $@

# Every test (unit, site, browser), then the site tests once more on the site ProperDocs builds.
test: $(DEV_DEPS) vendor lint check prerender $(NU_JAR)
	$(BIN)/pytest
	GUIDE_BUILDER=properdocs $(BIN)/pytest tests/site --ignore=tests/site/test_zensical.py -q

# The same Markdown built by Zensical, one site per language: build/zensical/site/ (zh) and its en/.
zensical: $(DEV_DEPS) vendor
	$(BIN)/python -m aipapers.zensical_adapter

lock: $(DEV_DEPS)
	cd requirements && ../$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links site.in -o site.lock
	cd requirements && ../$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links dev.in -o dev.lock

clean:
	rm -rf site build .cache .pytest_cache overrides/assets/vendor
