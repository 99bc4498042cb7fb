"""Accuracy gate: the annotated dev articles in ../shared/eval keep their score (skipped when
../shared is absent). Floors are the issue's targets; the scorer is the shared one."""
from __future__ import annotations

import importlib.util
import json

import pytest

FLOORS = {  # gold files -> (attributed F1, speaker accuracy) floors
    "dev.jsonl": (0.95, 0.95),
    "dev_bbc_*.jsonl": (0.95, 0.95),
}


def _scorer(shared_dir):
    spec = importlib.util.spec_from_file_location("score", shared_dir / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("pattern", sorted(FLOORS))
def test_dev_articles_keep_their_score(pattern, shared_dir, extractor):
    score = _scorer(shared_dir)
    files = sorted((shared_dir / "eval").glob(pattern))
    assert files, f"no gold files match {pattern}"
    gold = [json.loads(line) for f in files for line in f.open(encoding="utf-8") if line.strip()]
    preds = {a.id: a.to_dict() for a in extractor.pipe(
        [{"id": g["id"], "text": g["text"]} for g in gold])}
    res, _ = score.score(gold, preds)
    f1_floor, spk_floor = FLOORS[pattern]
    assert res["attributed_F1"] >= f1_floor, res
    assert res["speaker_acc"] >= spk_floor, res
