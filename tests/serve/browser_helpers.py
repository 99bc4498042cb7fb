"""Debian's chromium for the viewer tests: its path (ONRECORD_CHROMIUM overrides it, e.g. to
check what a machine without it sees), the skip every browser test shares, and the one
`browser` fixture (import it: `from browser_helpers import browser`)."""
from __future__ import annotations

import os

import pytest

CHROMIUM = os.environ.get("ONRECORD_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
# tests/conftest.py gathers skips with this reason into a loud note at the end of the run.
NO_CHROMIUM = (f"chromium is not installed at {CHROMIUM} (apt-get install chromium, or set "
               "ONRECORD_CHROMIUM to its path)")
needs_chromium = pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=NO_CHROMIUM)


@pytest.fixture(scope="module")
def browser():
    """Headless chromium for one test module, closed when the module ends."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()
