"""Verbs of saying in another sense (issue 13, Not quotes): `added a goal`, `added 0.4 per
cent`, `posted a loss` are no statements, even when the parser hangs a clause on them."""
from __future__ import annotations

import pytest

import onrecord

OTHER_SENSES = [
    "Pettersson added a goal and an assist as the Canucks snapped a three-game losing streak.",
    "The Harbour index added 0.4 per cent to 2,106.10 and the Valley index rose 0.3 per cent.",
    "The ferry company posted a loss of $4 million as fuel prices climbed in the spring.",
    "The striker wrote a cookbook in 1991, then a memoir when she retired.",
]


@pytest.mark.parametrize("text", OTHER_SENSES, ids=lambda t: t[:24])
def test_no_statement(text):
    assert onrecord.extract(text).quotes == [], text


def test_a_clause_after_the_same_verb_is_still_what_was_said():
    art = onrecord.extract("Pettersson added that the team would win the next three games.")
    assert [q.text for q in art.quotes] == ["the team would win the next three games"]
