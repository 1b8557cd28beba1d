# PEP Voice. `make help` lists the targets; CI runs only make targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PY311 ?= $(shell for p in python3.11 $$HOME/.pyenv/versions/3.11*/bin/python3.11 /usr/bin/python3.11; do $$p -V >/dev/null 2>&1 && { command -v $$p || echo $$p; } && break; done)
PY310 ?= $(shell for p in python3.10 $$HOME/.pyenv/versions/3.10*/bin/python3.10 /usr/bin/python3.10; do $$p -V >/dev/null 2>&1 && { command -v $$p || echo $$p; } && break; done)

VENV := .venv
BOTVENV := .venv-bot
TOOLSVENV := .venv-tools
# This kind of machine keeps torch's CPU build here; PyPI's 2.13.0 is the CUDA one (several GB).
TORCH_WHEELS ?= /opt/wheels
# Every install is checked against the locks' sha256s: an unpinned, unhashed or altered package fails.
# Each lock is the whole closure, so pip installs it as written (--no-deps) rather than resolving
# again: resolving, pip 23 refused a dependency asked for with an extra (weasel's
# smart-open[http]) as "not pinned" once a newer release than the lock's was on the index.
# `pip check` then proves the installed set is consistent.
PIP_HASHED = install -q --require-hashes --no-deps --find-links $(TORCH_WHEELS)
STAMP := .make
BOT_DATA := $(shell find bot/config.yml bot/domain.yml bot/domain bot/data nlu_data -type f 2>/dev/null | sort)
SCREEN_DATA := $(shell find safeguarding/data/labelled -name '*.jsonl' 2>/dev/null | sort)
SCREEN_MODEL := safeguarding/model/screen_classifier.joblib
MINILM_ONNX_DIR := var/models/minilm-onnx
MINILM_ONNX := $(MINILM_ONNX_DIR)/export.json
PEP_VOICE_PORT ?= 8000
export PEP_VOICE_PORT
export RASA_TELEMETRY_ENABLED := false

.PHONY: help install lock run test test-api test-bot bench lint train train-screen system-deps fonts clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

install: $(VENV)/.installed $(BOTVENV)/.installed api/static/govuk/.installed bot/models/.trained $(MINILM_ONNX) $(SCREEN_MODEL) ## build both environments, the page assets and the bot (only what changed)

# The dev lock is the runtime lock plus the tests' tools at the same versions (a deployment
# installs requirements/api.lock alone). torch is pinned to the CPU wheel's hash, so the order
# of installs no longer matters and nothing can pull the CUDA build. The project itself is
# built by the locked setuptools (no build isolation), not by one fetched unhashed.
$(VENV)/.installed: requirements/api.lock requirements/api-dev.lock pyproject.toml
	@test -n "$(PY311)" || { echo "Python 3.11 is needed"; exit 1; }
	test -x $(VENV)/bin/python || $(PY311) -m venv $(VENV)
	$(VENV)/bin/pip $(PIP_HASHED) -r requirements/api-dev.lock
	$(VENV)/bin/pip install -q --no-deps --no-build-isolation -e .
	$(VENV)/bin/pip check
	touch $@

$(BOTVENV)/.installed: requirements/bot.lock requirements/bot-dev.lock
	@test -n "$(PY310)" || { echo "Python 3.10 is needed for Rasa 3.6"; exit 1; }
	test -x $(BOTVENV)/bin/python || $(PY310) -m venv $(BOTVENV)
	$(BOTVENV)/bin/pip $(PIP_HASHED) -r requirements/bot-dev.lock
	$(BOTVENV)/bin/pip check
	touch $@

# uv compiles the locks; it is pinned by hash like everything else, in a venv of its own.
$(TOOLSVENV)/.installed: requirements/tools.lock
	@test -n "$(PY311)" || { echo "Python 3.11 is needed"; exit 1; }
	test -x $(TOOLSVENV)/bin/python || $(PY311) -m venv $(TOOLSVENV)
	$(TOOLSVENV)/bin/pip $(PIP_HASHED) -r requirements/tools.lock
	$(TOOLSVENV)/bin/pip check
	touch $@

# Each lock is read back as the preferred versions, so `make lock` changes a pin only when its
# input asks for it. To move on: make lock LOCK_FLAGS="--upgrade-package NAME" (or --upgrade).
# Hashes cover every file of each pinned release, so the locks install on any Linux x86_64 machine
# (torch: on this kind, which has its CPU wheel).
UV_COMPILE = $(TOOLSVENV)/bin/uv pip compile --quiet --generate-hashes --python-platform x86_64-unknown-linux-gnu \
	--custom-compile-command "make lock" $(LOCK_FLAGS)
UV_API = $(UV_COMPILE) --python-version 3.11 --find-links $(TORCH_WHEELS) -c requirements/torch-cpu.txt
UV_BOT = $(UV_COMPILE) --python-version 3.10

lock: $(TOOLSVENV)/.installed ## regenerate every lock (with hashes) from pyproject.toml and requirements/*.in
	$(UV_COMPILE) --python-version 3.11 requirements/tools.in -o requirements/tools.lock
	$(UV_API) pyproject.toml -o requirements/api.lock
	$(UV_API) pyproject.toml --group dev -c requirements/api.lock -o requirements/api-dev.lock
	$(UV_BOT) requirements/bot.in -o requirements/bot.lock
	$(UV_BOT) requirements/bot-dev.in -o requirements/bot-dev.lock

# Only the CSS and JS: GOV.UK Frontend's assets (GDS Transport, crown, crest) are GOV.UK's brand.
api/static/govuk/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	mkdir -p api/static/govuk
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js api/static/govuk/
	touch $@

train: bot/models/.trained ## train the Rasa model if its data changed

bot/models/.trained: $(BOTVENV)/.installed $(BOT_DATA)
	cd bot && ../$(BOTVENV)/bin/rasa train --data data ../nlu_data --config config.yml --domain domain.yml --out models --fixed-model-name pep-voice
	touch $@

# MiniLM exported to ONNX from the installed package, offline (weights stay out of git, in var/).
# The screen's classifier is trained on these embeddings, so it depends on the export.
$(MINILM_ONNX): $(VENV)/.installed offline_models/export.py offline_models/onnx_backend.py
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(VENV)/bin/python -m offline_models.export $(MINILM_ONNX_DIR)

train-screen: $(SCREEN_MODEL) ## train the screen's classifier if its data or code changed (fixed seed)

$(SCREEN_MODEL): $(VENV)/.installed $(MINILM_ONNX) $(SCREEN_DATA) safeguarding/train.py safeguarding/classifier.py safeguarding/linear.py safeguarding/units.py safeguarding/patterns.py safeguarding/normalise.py
	$(VENV)/bin/python -m safeguarding.train

system-deps: $(STAMP)/system-deps fonts ## Debian packages the tests need: chromium, PostgreSQL and the fonts

$(STAMP)/system-deps:
	@mkdir -p $(STAMP)
	@if ! command -v chromium >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium postgresql >/dev/null; fi
	touch $@

# The PDFs print a child's words in any script: Noto for each script, CJK and colour emoji
# (api/static/document.css names them). Checked with fc-list, so nothing runs when they are there;
# `make run` needs no root, so without apt-get or root it warns in one line instead of failing.
FONT_PACKAGES := fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
FONT_FAMILIES := Noto Sans Ethiopic:Noto Sans CJK SC:Noto Color Emoji

fonts: ## Debian fonts the PDFs need for every script a child writes in
	@missing=0; IFS=:; for f in $(FONT_FAMILIES); do fc-list -q ":family=$$f" 2>/dev/null || missing=1; done; \
	if [ $$missing = 0 ]; then :; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(FONT_PACKAGES) >/dev/null; \
	else echo "warning: PDFs will drop words in scripts their fonts lack: as root, run make fonts (apt-get install $(FONT_PACKAGES))" >&2; fi

run: install fonts ## start the API and pages, Rasa and the action server on loopback with the demo authority
	./scripts/run-stack.sh

PY_DIRS = api target_coach safeguarding offline_models vocabulary benchmarks bot tests

lint: $(VENV)/.installed ## ruff, mypy and import-linter (the layers); each fails the build
	$(VENV)/bin/ruff check $(PY_DIRS)
	# The bot's hand-laid word and emoji tables read better as laid out; the rest is as ruff formats it.
	$(VENV)/bin/ruff format --check --force-exclude --exclude bot --exclude tests/bot $(PY_DIRS)
	$(VENV)/bin/mypy
	# The bot (Python 3.10, Rasa 3.6) has its own settings: bot/ruff.toml and bot/mypy.ini.
	cd bot && ../$(VENV)/bin/mypy --config-file mypy.ini
	$(VENV)/bin/lint-imports

test: install system-deps ## every test: lint, API on SQLite and PostgreSQL, browser, bot data and stories
	$(MAKE) lint
	$(MAKE) test-bot
	$(MAKE) test-api

test-api:
	$(VENV)/bin/python -m pytest -q -p no:cacheprovider tests

test-bot:
	cd bot && ../$(BOTVENV)/bin/rasa data validate --data data ../nlu_data --domain domain.yml --config config.yml
	cd bot && ../$(BOTVENV)/bin/rasa test core --stories tests/stories --model models/pep-voice.tar.gz --out results/core --fail-on-prediction-errors
	cd bot && ../$(BOTVENV)/bin/rasa test nlu --nlu tests/nlu --model models/pep-voice.tar.gz --out results/nlu
	$(BOTVENV)/bin/python -m pytest -q -p no:cacheprovider -c tests/bot/pytest.ini tests/bot

bench: install ## measure speed and quality; writes BENCHMARKS.md
	$(VENV)/bin/python -m benchmarks.run

clean: ## remove build outputs (not the environments)
	rm -rf bot/models bot/results $(STAMP) api/static/govuk node_modules var
