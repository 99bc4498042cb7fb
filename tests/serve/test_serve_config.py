"""Size parsing for --max-body and the CLI's refusal of bad settings."""
from __future__ import annotations

import subprocess
import sys

import pytest
from serve_helpers import REPO

from onrecord.server.config import human_size, parse_size


@pytest.mark.parametrize("text, n", [("10MB", 10 * 1024**2), ("512KB", 512 * 1024),
                                     ("1.5m", int(1.5 * 1024**2)), ("300", 300), ("2 GB", 2 * 1024**3)])
def test_parse_size(text, n):
    assert parse_size(text) == n


@pytest.mark.parametrize("text", ["ten", "10XB", "-5MB", "0", ""])
def test_parse_size_rejects(text):
    with pytest.raises(ValueError):
        parse_size(text)


def test_human_size_round_trips():
    for text in ("10MB", "512KB", "3GB"):
        assert human_size(parse_size(text)) == text


def test_serve_refuses_a_missing_store(tmp_path):
    missing = tmp_path / "nope.duckdb"
    cp = subprocess.run([sys.executable, "-m", "onrecord", "serve", "--store", str(missing),
                         "--port", "0"], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert cp.returncode == 2
    assert "no store at" in cp.stderr and "onrecord run" in cp.stderr


def test_serve_refuses_a_bad_max_body():
    cp = subprocess.run([sys.executable, "-m", "onrecord", "serve", "--max-body", "lots"],
                        capture_output=True, text=True, cwd=REPO, timeout=60)
    assert cp.returncode == 2 and "not a size" in cp.stderr


def test_serve_refuses_a_store_that_a_writer_holds(tmp_path):
    from onrecord.corpus.store import Store

    path = tmp_path / "busy.duckdb"
    with Store(path):  # a writer (like `onrecord run`) has the file open
        cp = subprocess.run([sys.executable, "-m", "onrecord", "serve", "--store", str(path),
                             "--port", "0"], capture_output=True, text=True, cwd=REPO,
                            timeout=60)
    assert cp.returncode == 2
    assert "in use" in cp.stderr
