"""An aside between two clauses attributes both, as two statements ("A, she says, and B");
an aside inside one clause leaves one statement around it ("The problem, she says, is B")."""
from __future__ import annotations

import pytest

TWO = [
    ("The clinic has too few beds, the director says, and the waiting list is growing.",
     ["The clinic has too few beds", "and the waiting list is growing"]),
    ("Turnout fell to a record low on Sunday, officials said, as heavy snow closed roads.",
     ["Turnout fell to a record low on Sunday", "as heavy snow closed roads"]),
    ("The bridge was built in a hurry, said Ana Ruiz, an engineer, and it shows its age.",
     ["The bridge was built in a hurry", "and it shows its age"]),
]
ONE = [
    ("The problem they face, said Ana Ruiz, an engineer, is the cost of steel.",
     "The problem they face, said Ana Ruiz, an engineer, is the cost of steel"),
    ("The main worry, the central bank said, was the falling price of houses.",
     "The main worry, the central bank said, was the falling price of houses"),
    ("In the late 1980s, Ms. Okafor said, when she was a student, the town had no library.",
     "In the late 1980s, Ms. Okafor said, when she was a student, the town had no library"),
    ("What the survey found, she said, is that most riders want later trains.",
     "What the survey found, she said, is that most riders want later trains"),
    ("When the plant closed, the mayor said, the town lost a third of its jobs.",
     "When the plant closed, the mayor said, the town lost a third of its jobs"),
    ("Even if the plan fails, the mayor said, the town has learned a lot.",
     "Even if the plan fails, the mayor said, the town has learned a lot"),
    ("The firm has a new model, he said, for how the mine can keep working.",
     "The firm has a new model, he said, for how the mine can keep working"),
    ("Sales rose by a third in May, the company announced, gaining new customers abroad.",
     "Sales rose by a third in May, the company announced, gaining new customers abroad"),
    ("It is no surprise, the coach said, that the team won the cup again.",
     "It is no surprise, the coach said, that the team won the cup again"),
    ("The truth is, she said, nobody wanted the old harbour.",
     "The truth is, she said, nobody wanted the old harbour"),
    # the words after the aside are a relative clause of the speaker's apposition: they say
    # who the speaker is, so the statement is the clause before the cue
    ("The pier will close, said Ana Ruiz, head of the port, which runs the ferry.",
     "The pier will close"),
]


def _reported(extractor, sentence: str) -> list[dict]:
    quotes = extractor.extract(sentence).to_dict(explain=True)["quotes"]
    return [q for q in quotes if q["explain"]["rule"].startswith("reported.aside")]


@pytest.mark.parametrize(("sentence", "parts"), TWO)
def test_an_aside_between_two_clauses_gives_two_statements(extractor, sentence, parts) -> None:
    got = _reported(extractor, sentence)
    assert [q["text"] for q in got] == parts
    assert len({q["speaker"]["name"] for q in got}) == 1
    assert len({q["cue"]["start"] for q in got}) == 1
    for q in got:
        assert sentence[q["start"]:q["end"]] == q["text"]


@pytest.mark.parametrize(("sentence", "said"), ONE)
def test_an_aside_inside_one_clause_gives_one_statement(extractor, sentence, said) -> None:
    assert [q["text"] for q in _reported(extractor, sentence)] == [said]
