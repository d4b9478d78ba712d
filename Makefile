# Every target sets up .venv from requirements.txt first, so a fresh clone needs
# nothing but Python 3.11+ and make.
VENV   := .venv
PYTHON := $(VENV)/bin/python
READY  := $(VENV)/.installed
export PYTHONPATH := $(CURDIR)/hooks
export NO_MKDOCS_2_WARNING := 1

.PHONY: build check serve test bench bench-large clean linkcheck lighthouse

$(READY): requirements.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(READY)

build: $(READY)
	$(PYTHON) -m yinglie build

check: $(READY)
	$(PYTHON) -m yinglie check

# Preview: --dirty re-renders only what an edit changed (see README, "Search and
# performance"); `make build` stays a full, strict build.
serve: $(READY)
	$(PYTHON) -m mkdocs serve --livereload --dirty --no-strict

# Every internal link and asset of the built site resolves, at the path of site_url.
linkcheck: build
	$(PYTHON) -m yinglie.linkcheck

# The tests run in parallel (pytest-xdist), one process per core, each with its own
# browser; the demo site is built once per address for all of them (tests/conftest.py).
# --dist loadscope keeps each test file (and each test class) in one process, so a
# site a file builds in a module fixture is built once. TEST_WORKERS=0: one process.
TEST_WORKERS ?= auto
test: $(READY)
	$(PYTHON) -m pytest -q -n $(TEST_WORKERS) --dist loadscope tests

# Build 5,000 synthetic martyrs beside a plain Material site and print the figures.
bench: $(READY)
	$(PYTHON) bench/run.py

# How the cost grows: 5,000 and 20,000 martyrs, project only (slow; optional in CI).
bench-large: $(READY)
	$(PYTHON) bench/run.py --martyrs 5000 20000 --no-baseline --no-serve --no-hostile

# Lighthouse 12 (npm, mobile) over every page kind, served by nginx with gzip and cache
# headers, beside a plain Material site; prints the table (bench/lighthouse.py).
# A benchmark, not a test. Needs nginx, npm and Chromium.
lighthouse: $(READY)
	$(PYTHON) bench/lighthouse.py

clean:
	rm -rf site .site-new-* .site-old-* .pytest_cache test-artifacts bench-out .cache/preview
