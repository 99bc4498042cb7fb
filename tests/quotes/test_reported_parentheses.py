"""A cue set in parentheses speaks only for the words in them: the sentence around an aside
like `(..., according to the county clerk)` or `(we explained his record there last week)` is
the writer's, not the source's."""
from __future__ import annotations

import onrecord

ARTICLE = (
    "Turnout was highest in the river towns (nearly 70 per cent of voters there cast a ballot, "
    "according to the county clerk), and lowest in the hills.\n\n"
    "Her approval rating slipped over the winter (at one point it fell to 31 per cent, the "
    "pollster Dara Quist says) before recovering in March.\n\n"
    "He will open the season at the coastal course, then play the spring events in the valley "
    "(we explained his record there last week).\n\n"
    "Councillor Rhea Banks said the bridge would reopen in June.\n"
)


def test_the_statement_stays_inside_the_parentheses():
    got = [(q.speaker.name if q.speaker else None, q.text)
           for q in onrecord.extract(ARTICLE).quotes]
    assert got == [
        ("the county clerk", "nearly 70 per cent of voters there cast a ballot"),
        ("Dara Quist", "at one point it fell to 31 per cent"),
        ("Rhea Banks", "the bridge would reopen in June"),
    ], got


def test_a_statement_wholly_in_parentheses_is_unchanged():
    art = onrecord.extract("The vote was close (the clerk said the count would take a week).\n")
    assert [q.text for q in art.quotes] == ["the count would take a week"]


def test_a_statement_opening_in_parentheses_ends_at_their_close():
    art = onrecord.extract("The senator repeated the claim all evening. (As the Harbour Gazette "
                           "first reported, the senator backed the bridge plan in a 2004 interview.)\n")
    assert [q.text[-12:] for q in art.quotes] == ["4 interview."]


def test_the_sentence_around_a_parenthesised_cue_is_no_statement():
    art = onrecord.extract("It involved keeping tabs on the budgets (Mr. Varga reported weekly to "
                           "the board, and kept a ledger of his own).\n")
    assert art.quotes == []


def test_parentheses_holding_only_speaker_and_cue_are_an_aside_of_the_sentence():
    art = onrecord.extract("The main worry (the harbour board said on Monday) was the cost of "
                           "dredging.\n")
    assert [q.text for q in art.quotes] == [
        "The main worry (the harbour board said on Monday) was the cost of dredging"]


def test_a_statement_never_ends_on_the_bracket_of_an_aside():
    art = onrecord.extract("The turnout was high (according to the clerk) in the river towns.\n")
    assert [q.text for q in art.quotes] == ["The turnout was high"]
