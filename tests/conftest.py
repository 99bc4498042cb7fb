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
