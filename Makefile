# Two commands do all the set-up: `make demo` and `make test`. Each creates
# .venv with the machine's python3 if it is missing and installs the project.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
BENCH_STAMP := $(VENV)/.installed-bench
OUT := build

.PHONY: demo test bench install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,bench,train]"
	touch $(BENCH_STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p $(OUT)
	$(BIN)/copytag tag examples/creatives.csv -o $(OUT)/tagged.csv --column ad_copy
	$(BIN)/copytag report $(OUT)/tagged.csv -o $(OUT)/report.html --column ad_copy
	@echo "report: $(OUT)/report.html"
	@echo "lint (exit 1 means findings, as expected here):"
	$(BIN)/copytag lint "Download now!!! 🔥" --platform google-ads --field headline --market US; [ $$? -le 1 ]

# pytest exits 5 when it collects no test: that is not a failure of the code.
test: $(STAMP)
	$(BIN)/python -m pytest; status=$$?; [ $$status -eq 5 ] && exit 0; exit $$status

bench: $(BENCH_STAMP)
	$(BIN)/python benchmarks/tone.py
	$(BIN)/python benchmarks/language.py
	$(BIN)/python benchmarks/cta.py
	$(BIN)/python benchmarks/lint.py
	$(BIN)/python benchmarks/model.py
	$(BIN)/python benchmarks/store.py
	$(BIN)/python benchmarks/batch.py --rows 100000

clean:
	rm -rf $(OUT) .pytest_cache .hypothesis
