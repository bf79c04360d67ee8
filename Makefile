# The two commands of the README: `make demo` and `make test`. Both set up
# everything first (scripts/setup: Graphviz, .venv, the package).
SEEDS ?= ../shared/seeds
OUT ?= out
CASE := examples/iran_militias/case.yaml
BIN := .venv/bin

.PHONY: setup demo test lint docs bench fuzz clean

setup:
	@bash scripts/setup

demo: setup
	$(BIN)/scenarios check $(CASE) --sources $(SEEDS)
	@mkdir -p $(OUT)/maps
	$(BIN)/scenarios render $(CASE) -o $(OUT)/map.svg
	$(BIN)/scenarios render $(CASE) -o $(OUT)/map.png
	@for h in $$($(BIN)/python -c "import scenarios; print(*(h.id for h in scenarios.load('$(CASE)').hypotheses))"); do \
		$(BIN)/scenarios render $(CASE) --focus $$h --depth 1 -o $(OUT)/maps/$$h.svg > /dev/null || exit 1; \
	done; echo "$(OUT)/maps/: a focused map per hypothesis"
	$(BIN)/scenarios ach $(CASE)
	$(BIN)/scenarios ach $(CASE) --format markdown > $(OUT)/ach.md.tmp && mv $(OUT)/ach.md.tmp $(OUT)/ach.md
	$(BIN)/scenarios bayes $(CASE)
	$(BIN)/scenarios analyse $(CASE)
	$(BIN)/scenarios evaluate $(CASE) --format json > $(OUT)/evaluation.json.tmp && mv $(OUT)/evaluation.json.tmp $(OUT)/evaluation.json
	$(BIN)/scenarios futures $(CASE) --tree $(OUT)/scenario-tree.svg
	$(BIN)/scenarios morph $(CASE) --top 5 --matrix tehran-line militias-and-sadr --field $(OUT)/field.svg
	$(BIN)/scenarios timeline $(CASE) -o $(OUT)/timeline.svg
	$(BIN)/scenarios report $(CASE) --sources $(SEEDS) -o $(OUT)/report.html
	$(BIN)/python examples/quickstart.py
	@echo "outputs written to $(OUT)/: report.html, map.svg, map.png, maps/, ach.md, evaluation.json, scenario-tree.svg, field.svg, timeline.svg"

test: setup
	# worksteal: a worker that runs out takes tests queued for the other (the long tail of
	# browser and property tests otherwise leaves one core idle at the end).
	$(BIN)/python -m pytest -n auto --dist worksteal --cov --cov-report=term

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

docs: setup
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir site

fuzz: setup
	HYPOTHESIS_PROFILE=stress $(BIN)/python -m pytest -p no:cacheprovider tests/hostile

bench: setup
	$(BIN)/python benchmarks/bench_load.py
	$(BIN)/python benchmarks/bench_anchor.py
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_ach.py
	$(BIN)/python benchmarks/bench_bayes.py
	$(BIN)/python benchmarks/bench_calibration.py
	$(BIN)/python benchmarks/bench_dung.py
	$(BIN)/python benchmarks/bench_morphology.py
	$(BIN)/python benchmarks/bench_interop.py
	$(BIN)/python benchmarks/bench_render.py
	$(BIN)/python benchmarks/bench_strategies.py

clean:
	rm -rf .venv site $(OUT) .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage
