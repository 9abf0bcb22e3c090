# kg: `make run` builds the shipped articles into out/; `make test` runs the test suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip

.PHONY: run test setup system-deps lint score golden bench clean

# The virtual environment with the package and its dependencies (spaCy model included).
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install --quiet -e '.[test]'
	touch $@

setup: $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/kg build data/articles -o out/graph.trig
	$(BIN)/kg viz out/graph.trig -o out/graph.html
	$(BIN)/python -m kg.viz.screenshot out/graph.html out/graph.png

# Debian packages the tests need (Chromium, Virtuoso); idempotent.
system-deps:
	bash scripts/install-system-deps.sh

test: $(VENV)/.installed-test system-deps
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check kg tests bench
	$(BIN)/mypy kg

# The extraction score on the shipped seeds (needs ../shared beside the repo).
score: $(VENV)/.installed
	$(BIN)/python ../shared/eval/score.py --project . --articles ../shared/seeds --gold ../shared/gold --kg $(BIN)/kg
	$(BIN)/python ../shared/eval/score.py --project . --articles tests/data/articles --gold tests/data/gold --kg $(BIN)/kg
	$(BIN)/python ../shared/eval/score.py --project . --articles tests/data/holdout/articles --gold tests/data/holdout/gold --kg $(BIN)/kg
	$(BIN)/python ../shared/eval/score.py --project . --articles tests/data/blind3/articles --gold tests/data/blind3/gold --kg $(BIN)/kg
	$(BIN)/python ../shared/eval/score.py --project . --articles tests/data/blind4/articles --gold tests/data/blind4/gold --kg $(BIN)/kg
	$(BIN)/python ../shared/eval/score.py --project . --articles tests/data/blind5/articles --gold tests/data/blind5/gold --kg $(BIN)/kg
	$(BIN)/python ../shared/eval/score.py --project . --articles tests/data/blind6/articles --gold tests/data/blind6/gold --kg $(BIN)/kg
	$(BIN)/python ../shared/eval/score.py --project . --articles tests/data/blind7/articles --gold tests/data/blind7/gold --kg $(BIN)/kg
	$(BIN)/python ../shared/eval/score.py --project . --articles tests/data/blind8/articles --gold tests/data/blind8/gold --kg $(BIN)/kg
	$(BIN)/python ../shared/eval/score.py --project . --articles tests/data/blind9/articles --gold tests/data/blind9/gold --kg $(BIN)/kg
	$(BIN)/python ../shared/eval/score.py --project . --articles tests/data/blind10/articles --gold tests/data/blind10/gold --kg $(BIN)/kg
	$(BIN)/python ../shared/eval/score.py --project . --articles tests/data/blind11/articles --gold tests/data/blind11/gold --kg $(BIN)/kg
	$(BIN)/python ../shared/eval/score.py --project . --articles tests/data/blind12/articles --gold tests/data/blind12/gold --kg $(BIN)/kg
	$(BIN)/python ../shared/eval/score.py --project . --articles tests/data/blind13/articles --gold tests/data/blind13/gold --kg $(BIN)/kg
	$(BIN)/python ../shared/eval/score.py --project . --articles tests/data/blind14/articles --gold tests/data/blind14/gold --kg $(BIN)/kg
	$(BIN)/python ../shared/eval/score.py --project . --articles tests/data/blind15/articles --gold tests/data/blind15/gold --kg $(BIN)/kg
	$(BIN)/python ../shared/eval/score.py --project . --articles tests/data/blind16/articles --gold tests/data/blind16/gold --kg $(BIN)/kg
	$(BIN)/python ../shared/eval/score.py --project . --articles tests/data/blind17/articles --gold tests/data/blind17/gold --kg $(BIN)/kg
	$(BIN)/python ../shared/eval/score.py --project . --articles tests/data/blind18/articles --gold tests/data/blind18/gold --kg $(BIN)/kg

# Accept the seeds' current graph as the reviewed expected one (tests/test_golden.py).
golden: $(VENV)/.installed
	$(BIN)/kg build data/articles -o tests/data/golden/seeds.nq --no-store --no-cache -q
	rm -rf tests/data/golden/.kg

bench: $(VENV)/.installed-test
	$(BIN)/python bench/build.py
	$(BIN)/python bench/query.py

clean:
	rm -rf out .pytest_cache
