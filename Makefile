# onrecord: `make demo` and `make test` work from a clean clone (they set up first).
PY ?= python3.11
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
# pip's notes about local index folders this machine's pip.conf names but lacks (noise only).
QUIET_PIP := { grep -v "is ignored: it is neither a file nor a directory" || true; }
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RULE_TESTS := tests/quotes tests/parse tests/dates tests/record

# The browser tests' chromium (tests/serve/browser_helpers.py reads the same variable).
DEFAULT_CHROMIUM := /usr/bin/chromium
CHROMIUM := $(or $(ONRECORD_CHROMIUM),$(DEFAULT_CHROMIUM))

.PHONY: setup demo test chromium check lint typecheck rules snapshot snapshot-diff bench peers eval lock clean

setup: $(STAMP)

# Reinstall only when the lock or the package metadata changes (idempotent).
$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24" 2>&1 | $(QUIET_PIP)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock 2>&1 | $(QUIET_PIP)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e . 2>&1 | $(QUIET_PIP)
	@touch $(STAMP)

demo: setup
	$(BIN)/onrecord extract --format text examples/minister-visit.txt

test: setup chromium
	$(BIN)/python -m pytest -q

# Debian's chromium for the browser tests: silent when it is there; installed when missing
# where the machine allows it (root with apt-get, default path); else a warning, and the end
# of the test run lists the tests that skipped.
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$(CHROMIUM)" = "$(DEFAULT_CHROMIUM)" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "chromium is missing: installing Debian's chromium for the browser tests (apt-get)"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	      || echo "WARNING: could not install chromium: the browser tests will be skipped"; \
	  else \
	    echo "WARNING: no chromium at $(CHROMIUM), and make installs it only at $(DEFAULT_CHROMIUM) as root with apt-get: the browser tests will be skipped"; \
	  fi; \
	fi

# The fast loop: lint, types and every test not marked slow (under a minute).
check: lint typecheck
	$(BIN)/python -m pytest -q -m "not slow"

lint: setup
	$(BIN)/ruff check src

typecheck: setup
	$(BIN)/mypy

# The extraction rules' own tests alone (a few seconds).
rules: setup
	$(BIN)/python -m pytest -q $(RULE_TESTS)

# Save today's records for the shared articles (dev, dev_ggt, PolNeAR train and dev) under
# out/snapshot, then after a change print every quote that differs (article, before, after).
snapshot: setup
	$(BIN)/python bench/snapshot.py save

snapshot-diff: setup
	$(BIN)/python bench/snapshot.py diff

eval: setup
	$(BIN)/python ../shared/eval/score.py ../shared/eval/dev.jsonl ../shared/eval/dev_bbc_*.jsonl
	$(BIN)/python ../shared/eval/score.py ../shared/eval/dev_ggt.jsonl

bench: setup
	$(BIN)/python bench/extract_speed.py

# onrecord beside the peers (textacy, sayswho, a regex baseline) on the dev articles and PolNeAR.
peers: setup
	$(BIN)/python bench/peers.py

# Regenerate the lock (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --all-extras --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-manylinux_2_28 -o requirements.lock

clean:
	rm -rf $(VENV) build src/*.egg-info
