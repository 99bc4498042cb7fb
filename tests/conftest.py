"""Shared fixtures: one loaded extractor per session, and the path to ../shared when present."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
# bench/ scripts are not a package; tests of their adapters import them by name. (One
# conftest.py for the whole suite: test modules import REPO from it.)
if str(REPO / "bench") not in sys.path:
    sys.path.insert(0, str(REPO / "bench"))


@pytest.fixture(scope="session")
def extractor():
    from onrecord.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


SHOW_SKIPPED = 20  # test ids listed per skip reason


@pytest.hookimpl(trylast=True)
def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """End the run with a loud list of the tests that skipped, by reason (e.g. no chromium)."""
    skipped = terminalreporter.stats.get("skipped", [])
    if not skipped:
        return
    by_reason: dict[str, list[str]] = {}
    for rep in skipped:
        longrepr = rep.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
        by_reason.setdefault(reason.removeprefix("Skipped: "), []).append(rep.nodeid)
    tr = terminalreporter
    tr.section(f"{len(skipped)} TESTS DID NOT RUN (skipped)", sep="!", red=True, bold=True)
    for reason, ids in sorted(by_reason.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        tr.write_line(f"{len(ids)} skipped: {reason}", red=True, bold=True)
        for nodeid in ids[:SHOW_SKIPPED]:
            tr.write_line(f"    {nodeid}")
        if len(ids) > SHOW_SKIPPED:
            tr.write_line(f"    ... and {len(ids) - SHOW_SKIPPED} more")
