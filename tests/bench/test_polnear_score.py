"""Accuracy gate on PolNeAR's dev split (speech attributions): the scores reached while
tuning on train and dev do not fall back. Skipped when ../shared/data/polnear is absent; the
test split is never read here."""
from __future__ import annotations

from pathlib import Path

import pytest

import polnear

pytestmark = pytest.mark.slow  # real subprocesses and long runs: `make test`, not `make check`

# Reached: content overlap 0.924, source overlap 0.915, content exact 0.777 (BENCHMARKS.md).
FLOORS = {("content", "overlap"): 0.92, ("source", "overlap"): 0.91, ("content", "exact"): 0.77}


def test_polnear_dev_keeps_its_score(shared_dir: Path, extractor) -> None:
    root = shared_dir / "data" / "polnear"
    if not (root / "data" / "dev").is_dir():
        pytest.skip("PolNeAR is not in ../shared/data/polnear")
    docs = polnear.load_split("dev", root)
    records = [a.to_dict() for a in extractor.pipe([{"id": d.name, "text": d.text} for d in docs])]
    res, _ = polnear.evaluate(docs, records)
    for (role, kind), floor in FLOORS.items():
        f1 = res.roles[role].prf(kind)[2]
        assert f1 >= floor, (role, kind, f1)
