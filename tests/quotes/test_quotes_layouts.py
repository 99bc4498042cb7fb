"""Layouts and conventions around quotes: caption and link lines, tags, quotation-mark styles,
interviews. Each test is a small article written for the rule it checks."""
from __future__ import annotations

import pytest

import onrecord
from onrecord.ingest.captions import is_caption
from onrecord.parse.paragraphs import split_paragraphs


def contents(text: str) -> list[tuple[str, str | None]]:
    """(content, speaker name) of each quote found, checking each is an exact substring."""
    art = onrecord.extract(text)
    out = []
    for q in art.quotes:
        assert art.text[q.start:q.end] == q.text
        out.append((q.text, q.speaker.name if q.speaker else None))
    return out


# --- caption, credit and link lines -------------------------------------------------------

@pytest.mark.parametrize("line", [
    "READ MORE: Harbour mayor says ferry fares will rise in spring",
    "WATCH BELOW: Residents say the new bridge is already too narrow",
    "Watch: The council says the budget is balanced. Story continues below.",
    "Related: Farmers say drought is the worst in decades",
    "Relevant Reading: Why Teachers Say Homework Is Changing",
    "WATCH | Storm says goodbye to the coast",
    "Open this photo in gallery Nurses march on the legislature on Monday. Ann Ode/The Daily Post",
    "Lena Moss says the shelter is full every night. (Tom Grey/Valley News)",
    "A rescuer carries a child through the flood. ( PAT KOH / For The Courier )",
    "The new ferry leaves the dock on Friday. Jo Ruiz/THE HARBOUR PRESS",
])
def test_caption_and_link_lines(line):
    assert is_caption(line)


@pytest.mark.parametrize("line", [
    "The mayor said the plan works, and/or that it could be changed (and/or delayed).",
    "Lena Moss says the shelter is full every night.",
    "More: that is what the union says it wants.",
    "Watching the vote, the mayor said she was relieved.",
])
def test_prose_is_not_a_caption(line):
    assert not is_caption(line)


def test_no_quote_from_link_or_credit_lines():
    text = ("The harbour ferry will cost more from April, Mayor Lena Moss said on Tuesday.\n\n"
            "READ MORE: Harbour mayor says ferry fares will rise in spring\n\n"
            "Ferry captain Tom Grey says he has never seen so many passengers. "
            "(Ann Ode/Valley News)\n\n"
            "“We are full every morning,” Grey said.\n")
    got = contents(text)
    assert ("The harbour ferry will cost more from April", "Lena Moss") in got
    assert ("We are full every morning,", "Grey") in got  # the caption names no one
    assert len(got) == 2


# --- editorial tags at a paragraph's start ------------------------------------------------

@pytest.mark.parametrize("tag", ["[Updated]", "[UPDATE 2 - 3:40 p.m.]", "UPDATED:", "(Corrected)",
                                 "[Editor's note: this story has been changed]", "BREAKING -"])
def test_tag_before_a_direct_quote(tag):
    text = ("The library board met on Thursday night.\n\n"
            f"{tag} “We will open the new branch in June,” board chair Rosa Imbert said.\n")
    assert contents(text) == [("We will open the new branch in June,", "Rosa Imbert")]


def test_tag_before_reported_speech():
    text = "[Updated] The branch will cost $4 million, board chair Rosa Imbert said on Friday.\n"
    assert contents(text) == [("The branch will cost $4 million", "Rosa Imbert")]


@pytest.mark.parametrize("line", ["[The branch] is years late, she said.", "Update: the vote was 5-4.",
                                  "UPDATES to the plan were made, he said.", "[Updated]"])
def test_lines_without_a_tag_keep_their_start(line):
    assert split_paragraphs(line) == [(0, len(line))]


# --- straight single quotation marks as the article's convention -------------------------

def test_single_mark_article():
    text = ("Harbourside coach Nell Varga was pleased after the derby.\n\n"
            "'We will win the league this year,' Varga said. 'The players' union backs the plan "
            "and the fans are with us.'\n\n"
            "She said the squad was 'the best since the '90s' and would keep its shape.\n\n"
            "'I was 'appy with the way we defended for the whole game,' she added.\n")
    got = contents(text)
    assert got[0] == ("We will win the league this year,", "Nell Varga")
    assert got[1] == ("The players' union backs the plan and the fans are with us.", "Nell Varga")
    assert got[2] == ("the squad was 'the best since the '90s' and would keep its shape",
                      "Nell Varga")
    assert got[3] == ("I was 'appy with the way we defended for the whole game,", "Nell Varga")
    assert len(got) == 4


def test_apostrophes_in_a_double_mark_article():
    text = ("“The players' union backs the plan,” said coach Nell Varga. She said the '90s side "
            "played rock 'n' roll football.\n")
    got = contents(text)
    assert got == [("The players' union backs the plan,", "Nell Varga"),
                   ("the '90s side played rock 'n' roll football", "Nell Varga")]


def test_doubled_single_marks_as_a_double_opener():
    text = ("Mayor Ana Ruiz spoke on the radio.\n\n‘’It is not a question of who wins the vote. "
            "We all lose,” Ruiz said. The council meets again on Friday.\n")
    assert contents(text) == [("It is not a question of who wins the vote. We all lose,",
                               "Ana Ruiz")]
