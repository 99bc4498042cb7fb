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


# --- Q:/A: interviews ----------------------------------------------------------------------

INTERVIEW = ("Reporter Tom Grey spoke with harbour pilot Ines Calder about the new channel. "
             "The interview has been edited for length.\n\n"
             "Q: How long have you guided ships into the harbour?\n\n"
             "A: Twenty-two years this spring, and the channel has never been this shallow.\n\n"
             "Q: What would you change?\n\n"
             "A: Dredge it every year instead of every five.\n\n"
             "Most of the silt comes down the river after the thaw.\n\n"
             "Q. Is the port listening?\n\n"
             "A. Slowly, but I think the new board will act.\n\n"
             "The port board meets on Monday.\n")


def test_interview_answers_are_the_interviewees():
    got = contents(INTERVIEW)
    assert got == [
        ("Twenty-two years this spring, and the channel has never been this shallow.",
         "Ines Calder"),
        ("Dredge it every year instead of every five.", "Ines Calder"),
        ("Most of the silt comes down the river after the thaw.", "Ines Calder"),
        ("Slowly, but I think the new board will act.", "Ines Calder"),
    ]  # no question, and not the closing line after the last answer


def test_answers_need_questions():
    text = "Ines Calder is a harbour pilot.\n\nA: Twenty-two years this spring, she says.\n"
    assert all(c != "Twenty-two years this spring, she says." for c, _ in contents(text))


def test_interviewee_is_not_the_outlet_or_the_interviewer():
    text = ("Harbour Mayor Lena Moss sat down with the Harbour Times this week to talk about "
            "the ferry.\n\nQ: Why did fares go up?\n\n"
            "A: The province cut our grant by a third this year.\n")
    assert contents(text) == [("The province cut our grant by a third this year.", "Lena Moss")]
