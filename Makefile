# Every target sets up .venv first, so a fresh clone needs nothing but Python 3.11+
# and make: the build's targets install requirements.txt only (.venv/.installed);
# test and bench add the test tools of requirements-test.txt (.venv/.installed-test).
VENV   := .venv
PYTHON := $(VENV)/bin/python
READY  := $(VENV)/.installed
TEST_READY := $(VENV)/.installed-test
export PYTHONPATH := $(CURDIR)/hooks
export NO_MKDOCS_2_WARNING := 1

.PHONY: build check serve test bench bench-large clean linkcheck linkcheck-built deploy rollback workflows offline strip-photos import export new schemas lighthouse

$(READY): requirements.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(READY)

$(TEST_READY): requirements-test.txt $(READY)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $(TEST_READY)

build: $(READY)
	$(PYTHON) -m yinglie build

check: $(READY)
	$(PYTHON) -m yinglie check

# Preview: --dirty re-renders only what an edit changed (see README, "Search and
# performance"); `make build` stays a full, strict build.
serve: $(READY)
	$(PYTHON) -m mkdocs serve --livereload --dirty --no-strict

# The classroom copy: one zip (dist/yinglie-offline-<date>.zip) that works when unzipped
# to a USB stick and opened from the file system (README, "离线版").
offline: $(READY)
	$(PYTHON) -m yinglie.offlinecopy

# Phone photos: remove the GPS position and camera data from the originals under
# martyrs/ (in place, upright), before committing them.
strip-photos: $(READY)
	$(PYTHON) -m yinglie strip-photos

# Every internal link and asset of the built site resolves, at the path of site_url.
linkcheck: build
	$(PYTHON) -m yinglie.linkcheck

# The same check of the site already in site/, without building it again (CI builds
# in a step of its own just before).
linkcheck-built: $(READY)
	$(PYTHON) -m yinglie.linkcheck

# The tests run in parallel (pytest-xdist), one process per core, each with its own
# browser; the demo site is built once per address for all of them (tests/conftest.py).
# --dist loadscope keeps each test file (and each test class) in one process, so a
# site a file builds in a module fixture is built once. TEST_WORKERS=0: one process.
TEST_WORKERS ?= auto
test: $(TEST_READY)
	$(PYTHON) -m pytest -q -n $(TEST_WORKERS) --dist loadscope tests

# Build 5,000 synthetic martyrs beside a plain Material site and print the figures.
bench: $(TEST_READY)
	$(PYTHON) bench/run.py

# How the cost grows: 5,000 and 20,000 martyrs, project only (slow; optional in CI).
bench-large: $(TEST_READY)
	$(PYTHON) bench/run.py --martyrs 5000 20000 --no-baseline --no-serve --no-hostile --no-offline

# Spreadsheets: `make import KIND=martyr FILE=roll.xlsx [MAPPING=m.yml] [SOURCE="…"]
# [SOURCE_WHERE="…"] [DRY_RUN=1] [OVERWRITE=1]`; `make export KIND=martyr FORMAT=xlsx|csv [OUT=f]`.
KIND   ?= martyr
FORMAT ?= xlsx
import: $(READY)
	$(PYTHON) -m yinglie import $(KIND) --file "$(FILE)" $(if $(MAPPING),--mapping "$(MAPPING)") \
		--source "$(SOURCE)" --source-where "$(SOURCE_WHERE)" $(if $(DRY_RUN),--dry-run) $(if $(OVERWRITE),--overwrite)

export: $(READY)
	$(PYTHON) -m yinglie export $(KIND) --format $(FORMAT) $(if $(OUT),--out "$(OUT)")

# Publish site/ as a new release and switch the web server to it; go back one release
# (deploy/deploy.sh, deploy/rollback.sh). DEPLOY_TARGET: user@host:/srv/yinglie or a
# local folder. The deploy refuses a site built for the placeholder site_url.
deploy: build
	deploy/deploy.sh "$(DEPLOY_TARGET)" site

rollback:
	deploy/rollback.sh "$(DEPLOY_TARGET)" $(RELEASE)

# .github/workflows/site.yml is .gitea/workflows/site.yml with the artifact action
# GitHub runs (tests/test_workflows.py checks they agree).
workflows:
	sed 's|actions/upload-artifact@v3|actions/upload-artifact@v4|' .gitea/workflows/site.yml > .github/workflows/site.yml

# Lighthouse 12 (npm, mobile) over every page kind, served by nginx with gzip and cache
# headers, beside a plain Material site; prints the table (bench/lighthouse.py).
# A benchmark, not a test. Needs nginx, npm and Chromium.
lighthouse: $(READY)
	$(PYTHON) bench/lighthouse.py

clean:
	rm -rf site dist .site-new-* .site-old-* .offline-* .pytest_cache test-artifacts bench-out .cache/preview

# A new record to fill in, every field commented in Chinese (hooks/yinglie/scaffold.py):
#   make new KIND=martyr ID=chen-lihua           martyrs/chen-lihua.yml (also event, facility)
#   make new KIND=notice YEAR=2023 ID=2023-08    honors/2023/2023-08.yml, a round of notices
#   make new KIND=totals YEAR=2023               honors/2023/totals.yml
#   make new KIND=memorial_work YEAR=2023        martyrs/memorials/work/2023.yml
new: $(READY)
	$(PYTHON) -m yinglie $(if $(YEAR),--year $(YEAR)) new $(KIND) -- $(ID)

# The JSON Schema of every record kind for editors (schemas/), and .vscode/settings.json
# mapping the record folders to them; tests/test_json_schema.py fails when they are stale.
schemas: $(READY)
	$(PYTHON) -m yinglie schema --write
