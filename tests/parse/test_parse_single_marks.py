"""Straight single quotation marks as an article's convention, and apostrophes that are not
marks ('90s, rock 'n' roll, the players' union, an apostrophe-initial word)."""
import pytest

from onrecord.parse.marks import find_marked, uses_single_marks


def quoted(text: str, singles: bool = True) -> list[str]:
    return [text[m.start:m.end] for m in find_marked(text, singles=singles)]


@pytest.mark.parametrize("text, expected", [
    ("'We will win,' she said.", ["We will win,"]),
    ("'The players' union backs us,' she said.", ["The players' union backs us,"]),
    ("'It was the best side of the '90s,' he said.", ["It was the best side of the '90s,"]),
    ("'We play rock 'n' roll football,' he said.", ["We play rock 'n' roll football,"]),
    ("'I was 'appy with that,' he said.", ["I was 'appy with that,"]),
    ("He said: 'We were lucky. We'll take it.'", ["We were lucky. We'll take it."]),
    ("She called it 'a disgrace' and left.", ["a disgrace"]),
    ("The fans' songs in the '80s were loud.", []),
    ("'Nothing is settled yet and it runs on", ["Nothing is settled yet and it runs on"]),
])
def test_straight_single_marks(text, expected):
    assert quoted(text) == expected


def test_single_marks_are_left_alone_without_the_convention():
    assert quoted("'We will win,' she said.", singles=False) == []


@pytest.mark.parametrize("text, expected", [
    ("'We will win,' she said. 'It is our year.'", True),
    ("'We will win,' she said. \"It is our year,\" he said. \"We agree,\" they said.", False),
    ("The players' union met in the '90s to play rock 'n' roll.", False),
    ("It's the 'best' plan, she said.", False),  # no sentence in single marks
])
def test_uses_single_marks(text, expected):
    assert uses_single_marks(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("‘It was the best side of the ‘90s,’ he said.", ["It was the best side of the ‘90s,"]),
    ("‘I was ‘appy with that,’ he said.", ["I was ‘appy with that,"]),
    ("‘We won.’ ‘We lost,’ they said.", ["We won.", "We lost,"]),
])
def test_curly_single_marks(text, expected):
    assert quoted(text, singles=False) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ruiz said on radio. ‘’It is not a question of who wins. We all lose.” Then she left.",
     ["It is not a question of who wins. We all lose."]),
    ("‘‘We will win,’’ she said.", ["We will win,"]),
    ("He called it a ‘‘sham’’ vote.", ["sham"]),
    ("The players’’ union met.", []),  # a doubled apostrophe, not a closing mark
])
def test_doubled_curly_single_marks(text, expected):
    assert quoted(text, singles=False) == expected
