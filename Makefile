PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: demo lint check test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev,cluster]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/kg build examples/ -o $(OUT)
	$(BIN)/kg query $(OUT)/graph.ttl 'SELECT ?endorser ?endorsed WHERE { ?a kg:endorses ?b . ?a rdfs:label ?endorser . ?b rdfs:label ?endorsed } ORDER BY ?endorser ?endorsed'

# ruff (lint, import order) and mypy on kg/, configured in pyproject.toml.
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check kg
	$(BIN)/mypy

# The fast lane (under a minute): lint, types, and the tests that start no server, browser or long run.
check: lint
	$(BIN)/python -m pytest -q -m "not slow and not browser and not server"

test: lint
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/extraction_overhead.py
	$(BIN)/python benchmarks/rdf_stores.py
	$(BIN)/python benchmarks/viz_large.py
	$(BIN)/python benchmarks/throughput.py --short 300 --long 20 --jobs 1 2 --pairs 3
	$(BIN)/python benchmarks/memory.py --small 1000 --large 10000
	$(BIN)/python benchmarks/serialization.py --triples 100000 1000000
	$(BIN)/python benchmarks/store.py --docs 10000 --jobs 2
	$(BIN)/python benchmarks/cluster.py --docs 200 --workers 1 2

clean:
	rm -rf $(VENV) $(OUT) build *.egg-info
