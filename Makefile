PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint gates reliability clean browser-deps

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

browser-deps:
	@command -v chromium >/dev/null 2>&1 || ./scripts/install-browser.sh

demo: install
	$(BIN)/wiretrace demo

test: install browser-deps
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src

gates: install
	$(BIN)/python bench/gates.py

reliability: install
	$(BIN)/python -m wiretrace.reliability --out docs/reliability.md

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
