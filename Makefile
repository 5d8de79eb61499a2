# Two entry points for a fresh machine: `make demo` and `make test`.
# Each creates .venv when missing and (re)installs only when pyproject.toml changed.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# stamp files record which extras were installed against which pyproject.toml
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.installed-eval: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,eval]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/newsfuse summarize examples/rawa/ --format markdown

test: $(VENV)/.installed-test
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

eval: $(VENV)/.installed-eval
	$(BIN)/newsfuse eval

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
