# onrecord: `make demo` and `make test` work from a clean clone (they set up first).
PY ?= python3.11
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
# pip's notes about local index folders this machine's pip.conf names but lacks (noise only).
QUIET_PIP := { grep -v "is ignored: it is neither a file nor a directory" || true; }
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test bench peers eval lock clean

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

test: setup
	$(BIN)/python -m pytest -q

eval: setup
	$(BIN)/python ../shared/eval/score.py ../shared/eval/dev.jsonl ../shared/eval/dev_bbc_*.jsonl

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
