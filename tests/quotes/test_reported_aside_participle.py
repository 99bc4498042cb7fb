"""`A, the operator said, adding that B`: a participle of saying right after a cue set off by
commas is a second cue; A ends before the aside and B is read at the participle (one statement
had run over the cue and the participle)."""
from __future__ import annotations

import pytest

import onrecord

ARTICLES = [
    # (article, first statement, participle, second statement)
    ("The ferry will run again in March, the operator said, adding that fares would not rise.",
     "The ferry will run again in March", "adding", "fares would not rise"),
    ("The ferry will run again in March, said Ana Ruiz, noting that the new boat had arrived.",
     "The ferry will run again in March", "noting", "the new boat had arrived"),
]


@pytest.mark.parametrize(("text", "first", "cue", "second"), ARTICLES, ids=lambda v: str(v)[:24])
def test_the_participle_starts_a_second_statement(text, first, cue, second):
    quotes = onrecord.extract(text).quotes
    assert [q.text for q in quotes] == [first, second]
    assert quotes[1].cue is not None and quotes[1].cue.text == cue
    assert quotes[0].speaker is not None and quotes[1].speaker is not None
    assert quotes[0].speaker.name == quotes[1].speaker.name


def test_a_participle_that_is_no_saying_stays_in_the_statement():
    text = "Sales rose by a third in May, the company announced, gaining new customers abroad."
    assert [q.text for q in onrecord.extract(text).quotes] == [text[:-1]]
