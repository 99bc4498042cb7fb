"""A denied or refused cue with no parsed clause (`did not complain when ...`): the words the
parser broke off after it are no statement, while the cue that reports the sentence still is."""
from __future__ import annotations

import onrecord


def test_a_denied_cue_gives_no_statement_of_its_own():
    text = ("The ferry company did not complain when the port raised its fees last spring, "
            "a harbour official said.")
    quotes = onrecord.extract(text).quotes
    assert [q.cue.text if q.cue else None for q in quotes] == ["said"]


def test_negation_inside_the_content_is_still_a_statement():
    text = "Mayor Lena Ortiz said the council would not raise the ferry fees this year."
    quotes = onrecord.extract(text).quotes
    assert [q.text for q in quotes] == ["the council would not raise the ferry fees this year"]
