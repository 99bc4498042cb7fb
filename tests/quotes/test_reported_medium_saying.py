"""A cue's object carrying a participle of saying of its own (`posted a notice saying ...`,
`wrote a letter to the board stating ...`): what was said is the participle's clause, not the
object read as a noun phrase (which, dropped by default, used to hide the clause)."""
from __future__ import annotations

import pytest

import onrecord

ARTICLES = [
    # (article, speaker's last word, cue, what was said)
    ("The Harbour Workers Union posted a notice saying members would strike next week.",
     "Union", "saying", "members would strike next week"),
    ("Councillor Marta Ruiz wrote a letter to the board saying the new fees were unfair.",
     "Ruiz", "saying", "the new fees were unfair"),
    ("The rowing club published a note stating the spring regatta had been cancelled.",
     "club", "stating", "the spring regatta had been cancelled"),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "said"), ARTICLES, ids=lambda v: str(v)[:24])
def test_the_participle_on_the_object_gives_the_statement(text, speaker, cue, said):
    quotes = onrecord.extract(text).quotes
    assert [q.text for q in quotes] == [said]
    q = quotes[0]
    assert q.cue is not None and q.cue.text == cue
    assert q.speaker is not None and q.speaker.name.endswith(speaker)
    assert text[q.start:q.end] == q.text


def test_a_plain_noun_phrase_object_is_still_no_statement():
    assert onrecord.extract("The rowing club published a note about the spring regatta.").quotes == []
