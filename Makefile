# Every target sets up .venv from requirements.txt first, so a fresh clone needs
# nothing but Python 3.11+ and make.
VENV   := .venv
PYTHON := $(VENV)/bin/python
READY  := $(VENV)/.installed
export PYTHONPATH := $(CURDIR)/hooks
export NO_MKDOCS_2_WARNING := 1

.PHONY: build check serve test bench bench-large clean linkcheck

$(READY): requirements.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(READY)

build: $(READY)
	$(PYTHON) -m yinglie build

check: $(READY)
	$(PYTHON) -m yinglie check

serve: $(READY)
	$(PYTHON) -m mkdocs serve --livereload

# Every internal link and asset of the built site resolves, at the path of site_url.
linkcheck: build
	$(PYTHON) -m yinglie.linkcheck

test: $(READY)
	$(PYTHON) -m pytest -q tests

clean:
	rm -rf site .site-new-* .site-old-* .pytest_cache test-artifacts
