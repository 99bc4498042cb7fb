"""A pronoun takes the subject of an earlier sentence's main clause over a person named
inside a subordinate clause of it (an adverbial clause, a relative clause)."""
from __future__ import annotations

ADVERBIAL = (
    "Harbour board spokesman Colin Reddaway said the board received 400 complaints in March.\n\n"
    "Although Mayor Peter Langford has repeatedly praised the new ferry timetable, the "
    "complaints should not be read as a vote against it. Most callers were simply tired of "
    "waiting in the rain, he said.\n")

RELATIVE = (
    "Colin Reddaway keeps a small museum of old ferry tickets at his home in Portmere.\n\n"
    "It includes a letter that Peter Langford sent to Reddaway in 1998. He framed the letter.\n\n"
    "“Visitors always ask to read that one,” he said.\n")


def _speaker(extractor, text: str, start: str) -> str | None:
    q = next(q for q in extractor.extract(text).quotes if q.text.startswith(start))
    return q.speaker.name if q.speaker else None


def test_a_name_in_an_adverbial_clause_does_not_take_the_pronoun(extractor) -> None:
    assert _speaker(extractor, ADVERBIAL, "Most callers") == "Colin Reddaway"


def test_a_name_in_a_relative_clause_does_not_take_the_pronoun(extractor) -> None:
    assert _speaker(extractor, RELATIVE, "Visitors always") == "Colin Reddaway"
