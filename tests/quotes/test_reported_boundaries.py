"""Where reported speech starts and ends (issue 13, Segmentation and Not quotes): rules that
bound a statement rather than find one, each on a sentence of its own."""
from __future__ import annotations

import onrecord


def texts(article: str) -> list[str]:
    return [q.text for q in onrecord.extract(article).quotes]


def test_an_abbreviation_stop_before_a_lower_case_word_does_not_end_the_sentence():
    got = texts("Tom Reyes says he has lost 16 lbs. since he signed up for the walking club.")
    assert got == ["he has lost 16 lbs. since he signed up for the walking club"]


def test_a_colon_after_a_cue_that_describes_a_noun_opens_no_quote():
    assert texts("It was an odd thing to say: the mayor's last term ended in 2005.") == []
    assert texts("Here is a sentence I never thought I would write: my cat runs the house.") == []


def test_a_cue_in_a_fronted_adverbial_clause_reports_only_that_clause():
    got = texts("Although the minister has often said that the deal was fair, the figures "
                "released on Monday tell a different story.")
    assert got == ["the deal was fair"]


def test_a_concession_after_an_aside_is_the_writer_s():
    got = texts("Some people are spreading fear about the plant, the mayor said, though she "
                "did not name anyone.")
    assert got == ["Some people are spreading fear about the plant"]


def test_a_subject_hung_on_the_according_source_opens_the_statement():
    """The parser can make the statement's subject an apposition of the source's name."""
    got = texts("According to the most recent numbers from Statistics Norland, the unemployment "
                "rate of young Norlanders is more than double the national average.")
    assert got == ["the unemployment rate of young Norlanders is more than double the national "
                   "average"]


def test_a_subject_cut_in_two_by_the_parser_stays_whole():
    """"said the latest round of Phase I spending required …": the object the parser gave the
    cue is the first half of the clause's subject."""
    got = texts("Dana Ortiz, executive director of the Association of Towns, said the most recent "
                "round of Phase I stimulus spending by the province required towns to apply for "
                "funding within a year.")
    assert got == ["the most recent round of Phase I stimulus spending by the province required "
                   "towns to apply for funding within a year"]
