"""The DIRECT family (quotes/direct/attribution.py): one row per rule, each an article written for
the rule, the rule that must find the quote, the quote's text and its speaker, read through the
public pipeline (`explain`). A row with no quote is a rule that decides a quoted stretch is no
direct quote: it is read from what the family decided while the pipeline ran. A meta-test fails
for a rule with no row."""
from __future__ import annotations

import importlib

import pytest

from onrecord.quotes.direct.attribution import DIRECT, NOT_DIRECT

find = importlib.import_module("onrecord.quotes.direct.find")

# (article, rule, quote text or None, speaker's name or None)
ROWS = [
    ("Dana Whitfield said on Harbour Radio’s “Morning Tide Today.” that the pier would reopen.",
     "direct.after_possessive", None, None),
    ('The senator repeated his pledge of "a fair deal for farmers" at the rally.',
     "direct.not_introduced", None, None),
    ('The coach said "we played badly" after every loss.', "direct.runs_on", None, None),
    ('"We will rebuild the pier," said Dana Whitfield.', "direct.cue_after",
     "We will rebuild the pier,", "Dana Whitfield"),
    ('"The pier stays shut until spring," the council memo states.',
     "direct.surface_attribution", "The pier stays shut until spring,", "the council memo"),
    ('Whitfield told the Harbour Gazette: "We will rebuild the pier."', "direct.cue_before",
     "We will rebuild the pier.", "Whitfield"),
    ('Dana Whitfield opened the pier on Saturday.\n"The kids will love it," added harbourmaster '
     'Tom Brandt, "and so will their parents."', "direct.second_half",
     "and so will their parents.", "Tom Brandt"),
    ('"The harbour is finished," Mr Halvorsen.', "direct.bare_name", "The harbour is finished,",
     "Halvorsen"),
    ('Whitfield put it this way: "The pier is the heart of the town."', "direct.colon_clause",
     "The pier is the heart of the town.", "Whitfield"),
    ('Mayor Dana Whitfield said the pier would reopen in May.\n\n'
     '"We will not give up on this town, not now."', "direct.stand_alone",
     "We will not give up on this town, not now.", "Dana Whitfield"),
    ('"The pier will reopen in May," Dana Whitfield said. Then, after a pause: '
     '"Maybe June, if the storms keep coming."', "direct.colon_lead",
     "Maybe June, if the storms keep coming.", "Dana Whitfield"),
    ('"The pier will reopen in May," said Dana Whitfield. "We owe the town that much." '
     'Her deputy says that the money is not there yet.', "direct.before_sentence",
     "We owe the town that much.", "Dana Whitfield"),
]
QUOTE_ROWS = [r for r in ROWS if r[2] is not None]
NOT_DIRECT_ROWS = [r[:2] for r in ROWS if r[2] is None]


@pytest.mark.parametrize(("article", "rule", "said", "speaker"), QUOTE_ROWS,
                         ids=[r[1] for r in QUOTE_ROWS])
def test_the_rule_finds_the_quote(extractor, article: str, rule: str, said: str,
                                  speaker: str) -> None:
    quotes = extractor.extract(article).to_dict(explain=True)["quotes"]
    got = [(q["explain"]["rule"], q["kind"], q["text"], (q["speaker"] or {}).get("name"))
           for q in quotes]
    assert (rule, "direct", said, speaker) in got, got


class _Recording:
    """The DIRECT family, recording each (rule, outcome) it gives."""

    def __init__(self, seen: list) -> None:
        self.seen = seen

    def first(self, s):
        hit = DIRECT.first(s)
        if hit is not None:
            self.seen.append(hit)
        return hit


@pytest.fixture
def decisions(monkeypatch):
    seen: list = []
    monkeypatch.setattr(find, "DIRECT", _Recording(seen))
    return seen


@pytest.mark.parametrize(("article", "rule"), NOT_DIRECT_ROWS, ids=[r[1] for r in NOT_DIRECT_ROWS])
def test_the_rule_decides_the_stretch_is_no_direct_quote(extractor, decisions, article: str,
                                                         rule: str) -> None:
    quotes = extractor.extract(article).to_dict(explain=True)["quotes"]
    assert (rule, NOT_DIRECT) in decisions, decisions
    assert not [q for q in quotes if q["kind"] == "direct"], quotes


def test_every_rule_of_the_family_has_a_row() -> None:
    names = DIRECT.names()
    assert len(names) == len(set(names))
    rows = {r[1] for r in ROWS}
    assert rows <= set(names), "rows for rules the family does not have"
    assert not [n for n in names if n not in rows], "rules with no row"
