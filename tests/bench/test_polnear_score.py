"""Accuracy gate on PolNeAR's dev split (speech attributions): the scores reached while
tuning on train and dev do not fall back. Skipped when ../shared/data/polnear is absent; the
test split is never read here."""
from __future__ import annotations

from pathlib import Path

import pytest

import polnear
from onrecord.pipeline import Extractor

pytestmark = pytest.mark.slow  # real subprocesses and long runs: `make test`, not `make check`

# PolNeAR annotates attributions whose content is only a noun phrase ("announced a policy");
# our guidelines leave them optional, so the default drops them (BENCHMARKS.md, "Reported
# speech (issue 13)"). Gated both ways: with them kept, PolNeAR's convention, the floors
# reached while tuning (content overlap 0.924, source 0.915, exact 0.777; 0.923 / 0.914 /
# 0.778 now); by default, the floors of the guidelines' reading (0.914 / 0.907 / 0.774).
FLOORS = {
    True: {("content", "overlap"): 0.92, ("source", "overlap"): 0.91, ("content", "exact"): 0.77},
    False: {("content", "overlap"): 0.91, ("source", "overlap"): 0.90, ("content", "exact"): 0.77},
}


@pytest.mark.parametrize("noun_phrases", [True, False], ids=["noun-phrases", "default"])
def test_polnear_dev_keeps_its_score(shared_dir: Path, extractor, noun_phrases) -> None:
    root = shared_dir / "data" / "polnear"
    if not (root / "data" / "dev").is_dir():
        pytest.skip("PolNeAR is not in ../shared/data/polnear")
    docs = polnear.load_split("dev", root)
    ex = Extractor(extractor.nlp, noun_phrases=noun_phrases)
    records = [a.to_dict() for a in ex.pipe([{"id": d.name, "text": d.text} for d in docs])]
    res, _ = polnear.evaluate(docs, records)
    for (role, kind), floor in FLOORS[noun_phrases].items():
        f1 = res.roles[role].prf(kind)[2]
        assert f1 >= floor, (role, kind, f1)
