"""Pairing quotation marks: curly, straight, British single quotes, unclosed and reopened."""
import pytest

from onrecord.parse.marks import find_marked, is_abbreviation


def quoted(text: str) -> list[str]:
    return [text[m.start:m.end] for m in find_marked(text)]


@pytest.mark.parametrize("text, expected", [
    ('“We will win,” he said.', ["We will win,"]),
    ('"We will win," he said, "and soon."', ["We will win,", "and soon."]),
    ('“It runs on to the end of the paragraph', ["It runs on to the end of the paragraph"]),
    ('"One quote. "Its next paragraph, merged." Then prose.',
     ["One quote.", "Its next paragraph, merged."]),
    ("‘We will win,’ he said. ‘It’s the ministers’ plan.’", ["We will win,", "It’s the ministers’ plan."]),
    ('He said “she told me ‘no’ twice”.', ["she told me ‘no’ twice"]),
    ("It's the council's plan, isn't it?", []),
    ('He said it was over," the coach said.', ["He said it was over,"]),
    ('“It could create real problems here,“ said Jim Ruiz. “Next.”', ["It could create real problems here,", "Next."]),
])
def test_find_marked(text, expected):
    assert quoted(text) == expected


def test_offsets_point_inside_the_marks():
    text = 'Intro. “Inside,” she said.'
    (m,) = find_marked(text)
    assert text[m.open_mark] == "“" and text[m.close_mark] == "”"
    assert text[m.start:m.end] == "Inside,"


@pytest.mark.parametrize("text, i, expected", [
    ("Ms. Joly", 2, True), ("the U.S. plan", 7, True), ("J. Smith", 1, True),
    ("It ended. Then", 8, False),
])
def test_is_abbreviation(text, i, expected):
    assert is_abbreviation(text, i) is expected
