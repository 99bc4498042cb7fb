"""`A, said Ana Ruiz, a harbour engineer who has studied the channel for a decade.`: what follows
an inverted attribution and hangs on the speaker (an apposition, a relative clause) says who
the speaker is; it is no part of what was said, however long it runs."""
from __future__ import annotations

import pytest

import onrecord

ARTICLES = [
    # (article, speaker, what was said)
    ("The port will reopen in May, said Ana Ruiz, a harbour engineer who has studied the "
     "silting of the channel for more than a decade.", "Ana Ruiz", "The port will reopen in May"),
    ("Ferry fares will rise again next spring, said Tomas Berg, the director of the Northern "
     "Islands Transport Users Association, which speaks for commuters.", "Tomas Berg",
     "Ferry fares will rise again next spring"),
    ("The bridge repairs are running three months late, said Lena Ortiz, a senior engineer at "
     "the regional roads agency who oversees the contract and its many subcontractors.",
     "Lena Ortiz", "The bridge repairs are running three months late"),
]


@pytest.mark.parametrize(("text", "speaker", "said"), ARTICLES, ids=lambda v: str(v)[:24])
def test_the_speakers_description_is_not_what_was_said(text, speaker, said):
    quotes = [q for q in onrecord.extract(text).quotes if q.cue is not None and q.cue.text == "said"]
    assert [q.text for q in quotes] == [said]
    assert quotes[0].speaker is not None and quotes[0].speaker.name == speaker


def test_a_clause_after_the_aside_still_goes_on_with_the_statement():
    text = "The problem, said Ana Ruiz, is that the dredger has been out of service since June."
    quotes = onrecord.extract(text).quotes
    assert all("said Ana Ruiz" not in q.text for q in quotes)
