"""The peers' adapters map their output to onrecord's record shape, and the dev scorer reads it."""
from __future__ import annotations

from pathlib import Path

import pytest

import peer_systems

TEXT = (
    "\"The harbour will reopen next week after the repairs,\" Captain Lena Moss said on Friday.\n\n"
    "The port authority said the delay had cost about two million dollars.\n"
)


def test_regex_baseline_finds_quote_and_nearest_speaker() -> None:
    [q] = peer_systems.regex_quotes(TEXT)
    assert q["text"] == "The harbour will reopen next week after the repairs,"
    assert TEXT[q["start"]:q["end"]] == q["text"]
    assert q["speaker"]["name"] == "Captain Lena Moss"
    assert q["cue"]["text"] == "said"


def test_regex_baseline_leaves_unattributed_quote_without_speaker() -> None:
    [q] = peer_systems.regex_quotes('A sign read "no entry after dark for anyone".\n')
    assert q["speaker"] is None and q["cue"] is None


@pytest.fixture(scope="module")
def textacy_peer() -> peer_systems.Textacy:
    peer = peer_systems.Textacy()
    peer.load()
    return peer


def test_textacy_adapter_gives_offsets_into_text(textacy_peer: peer_systems.Textacy) -> None:
    [rec] = textacy_peer.run([{"id": "a", "text": TEXT}])
    assert "error" not in rec
    [q] = rec["quotes"]
    assert q["text"].startswith("The harbour will reopen")
    assert not q["text"].startswith('"')
    sp, cue = q["speaker"], q["cue"]
    assert TEXT[sp["start"]:sp["end"]].endswith("Moss")
    assert TEXT[cue["start"]:cue["end"]] == "said"


def test_textacy_failure_is_recorded_and_run_goes_on(textacy_peer: peer_systems.Textacy) -> None:
    odd = 'She said "this one never closes and goes on.\n'
    out = textacy_peer.run([{"id": "odd", "text": odd}, {"id": "ok", "text": TEXT}])
    assert [r["id"] for r in out] == ["odd", "ok"]
    assert "error" in out[0] and out[0]["quotes"] == []
    assert len(out[1]["quotes"]) == 1


def test_dev_breakdown_uses_shared_scorer(shared_dir: Path) -> None:
    import eval_dev

    scorer = eval_dev.load_scorer(shared_dir / "eval")
    gold = [{"id": "g", "text": TEXT, "quotes": [
        {"kind": "direct", "content": "The harbour will reopen next week after the repairs,",
         "speaker": "Lena Moss", "aliases": ["Moss"], "cue": "said"},
        {"kind": "indirect", "content": "the delay had cost about two million dollars",
         "speaker": "port authority", "aliases": [], "cue": "said"}]}]
    preds = {"g": {"id": "g", "quotes": peer_systems.regex_quotes(TEXT)}}
    by = eval_dev.breakdown(scorer, gold, preds)
    assert by["all"]["n"] == 2 and by["all"]["matched"] == 1
    assert by["direct"]["attributed"] == 1 and by["indirect"]["matched"] == 0
    score, _ = scorer.score(gold, preds)
    assert score["attributed"] == 1
