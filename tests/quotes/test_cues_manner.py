"""Verbs of the manner of speaking (lexicon.speech.MANNER_VERBS) are cues right beside a
quotation and nowhere else."""
from __future__ import annotations

import pytest

import onrecord

BESIDE = [
    ("“We lost again,” Coach Ana Ruiz whimpered after the final whistle.", "whimpered", "Ruiz"),
    ("“We are the champions of this league,” crowed Tom Adler.", "crowed", "Adler"),
    ("“Not the trains again,” Mayor Lena Ortiz sighed.", "sighed", "Ortiz"),
    ("“The buses are always late,” grumbled Nils Berg, a commuter.", "grumbled", "Berg"),
    ("Ms. Okafor scoffed: “That plan will never be built.”", "scoffed", "Okafor"),
]
ELSEWHERE = [
    "The crowd roared as the home side scored in the last minute.",
    "The old engine whined, and the ferry stopped short of the pier.",
    "Ruiz laughed when the council voted the plan down on Monday.",
]


@pytest.mark.parametrize(("text", "cue", "speaker"), BESIDE, ids=[r[1] for r in BESIDE])
def test_a_manner_verb_beside_a_quotation_is_its_cue(text, cue, speaker):
    quotes = onrecord.extract(text).quotes
    assert len(quotes) == 1, [q.text for q in quotes]
    q = quotes[0]
    assert q.kind == "direct" and q.cue is not None and q.cue.text == cue
    assert q.speaker is not None and q.speaker.name.endswith(speaker)
    assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("text", ELSEWHERE, ids=lambda t: t[:20])
def test_a_manner_verb_elsewhere_says_nothing(text):
    assert onrecord.extract(text).quotes == []
