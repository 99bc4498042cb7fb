"""`make test` on a machine without chromium (issue 14, item 9): `make chromium` is silent when
chromium is there and warns when it cannot be had, and the test run ends with a loud list of
the browser tests that skipped and why (ONRECORD_CHROMIUM points the tests elsewhere)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO

MISSING = "/nonexistent/chromium"


@pytest.mark.slow  # a pytest run in a subprocess
def test_a_run_without_chromium_ends_by_naming_the_skipped_browser_tests():
    env = {**os.environ, "ONRECORD_CHROMIUM": MISSING}
    p = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                        "tests/serve/test_serve_viewer_layout.py"],
                       cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    out = p.stdout
    assert p.returncode == 0, out + p.stderr
    assert "8 skipped" in out
    tail = out[out.index("TESTS DID NOT RUN"):]
    assert f"8 skipped: chromium is not installed at {MISSING}" in tail
    assert "apt-get install chromium" in tail
    assert "test_serve_viewer_layout.py::test_docs_render_with_the_network_blocked" in tail


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_chromium_is_quiet_when_present_and_warns_when_missing():
    env = {**os.environ, "ONRECORD_CHROMIUM": MISSING}
    p = subprocess.run(["make", "-s", "chromium"], cwd=REPO, env=env, capture_output=True,
                       text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert f"WARNING: no chromium at {MISSING}" in p.stdout
    present = shutil.which("true")  # any executable stands for an installed chromium here
    p = subprocess.run(["make", "-s", "chromium"], cwd=REPO, capture_output=True, text=True,
                       env={**os.environ, "ONRECORD_CHROMIUM": str(present)}, timeout=60)
    assert p.returncode == 0 and p.stdout == "" and p.stderr == ""
