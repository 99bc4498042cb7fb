"""Publication dates stated in the text, and the day each statement was made."""
from __future__ import annotations

import pytest

from onrecord.dates.published import find_published
from onrecord.dates.statements import date_quotes
from onrecord.model import Article, Cue, Quote, SpeakerRef


@pytest.mark.parametrize("text, expected", [
    ("OTTAWA, Jan. 18, 2022 — The minister said the talks went well.", "2022-01-18"),
    ("LONDON (Reuters) - 3 March 2021 - Shares fell.", "2021-03-03"),
    ("Bridge reopens\nPublished: 5 May 2023\nThe bridge reopened.", "2023-05-05"),
    ("Bridge reopens\nUpdated 2023-05-06 10:00\nThe bridge reopened.", "2023-05-06"),
    ("The minister spoke.\nIn this photo the minister speaks in Kyiv, Ukraine, Tuesday, "
     "Jan. 18, 2022. (Press Office via AP)", "2022-01-18"),
])
def test_find_published_reads_labels_datelines_and_captions(text, expected):
    assert find_published(text) == expected


@pytest.mark.parametrize("text", [
    "On March 3, 2019, the firm said it would close the plant.",
    "A March 2, 2015 exchange between the aides was released.",
    "The minister spoke on Tuesday about the plan.",
    # a caption whose weekday contradicts its date is not trusted
    "In this photo the minister speaks, Monday, Jan. 18, 2022. (AP Photo)",
])
def test_find_published_returns_none_when_the_text_does_not_state_it(text):
    assert find_published(text) is None


TEXT = ("During a visit to Kyiv on Tuesday, Joly said Canada remains committed.\n"
        "“We stand with Ukraine,” she said.\n"
        "“Russia must stop,” Braun told CTV on Friday.\n"
        "The agency confirmed late Monday night that troops had arrived.\n"
        "“We will meet again on Thursday,” Singh said.\n"
        "“That is all for now.”\n"
        "He said yesterday that the talks had failed.\n"
        "Officials said last week that aid would come.\n")


def quote(content: str, cue_in: str | None, cue: str | None, speaker: str = "p1",
          mention: bool = True) -> Quote:
    s = TEXT.index(content)
    c = TEXT.index(cue_in) + cue_in.index(cue) if cue_in and cue else None
    return Quote(kind="direct", text=content, start=s, end=s + len(content),
                 speaker=SpeakerRef(id=speaker, name=speaker, start=0 if mention else None,
                                    end=1 if mention else None),
                 cue=Cue(cue, c, c + len(cue)) if cue and c is not None else None)


def dated(published: str | None) -> list[str | None]:
    art = Article(id=None, text=TEXT, published=published, quotes=[
        quote("Canada remains committed", "Joly said", "said"),
        quote("We stand with Ukraine", "she said", "said"),
        quote("Russia must stop", "Braun told", "told", "p2"),
        quote("troops had arrived", "confirmed late", "confirmed", "p3"),
        quote("We will meet again on Thursday", "Singh said", "said", "p4"),
        quote("That is all for now.", None, None, "p4", mention=False),
        quote("the talks had failed", "He said", "said", "p5"),
        quote("aid would come", "Officials said", "said", "p6"),
    ])
    date_quotes(art)
    return [q.date for q in art.quotes]


def test_statement_dates_resolve_against_the_publication_date():
    assert dated("2022-01-18") == [
        "2022-01-18",  # "on Tuesday" before the cue; published on a Tuesday
        None,          # nothing in its sentence says when
        "2022-01-14",  # "on Friday" after the cue: the Friday before
        "2022-01-17",  # "late Monday night"
        None,          # "on Thursday" is inside the quoted words: what, not when
        None,          # continuation of an undated quote
        "2022-01-17",  # "yesterday"
        None,          # "last week" names no single day
    ]


def test_continuation_quote_takes_the_date_of_the_quote_it_continues():
    text = "“We are ready,” Singh said on Monday.\n“The plan is sound.”\n"
    s1, s2 = text.index("We are"), text.index("The plan")
    c = text.index("said")
    art = Article(id=None, text=text, published="2022-01-19", quotes=[
        Quote("direct", "We are ready,", s1, s1 + 13, SpeakerRef("p1", "Singh", 16, 21),
              Cue("said", c, c + 4)),
        Quote("direct", "The plan is sound.", s2, s2 + 18, SpeakerRef("p1", "Singh")),
    ])
    date_quotes(art)
    assert [q.date for q in art.quotes] == ["2022-01-17", "2022-01-17"]


def test_without_a_publication_date_nothing_relative_is_guessed():
    assert dated(None) == [None] * 8


@pytest.mark.parametrize("sentence, expected", [
    ("An aide, planning for Thursday’s meeting, said the talks would go on.", None),
    ("He said during Sunday's debate that the talks would go on.", "2016-10-09"),
    ("Calling it “a great Friday for us,” she said the talks would go on.", None),
    ("It was another Super Tuesday, she said, and the talks would go on.", None),
    ("She said late Monday night that the talks would go on.", "2016-10-10"),
])
def test_only_the_time_of_speaking_dates_a_statement(sentence, expected):
    content = "the talks would go on"
    s = sentence.index(content)
    c = sentence.index("said")
    art = Article(id=None, text=sentence, published="2016-10-14", quotes=[
        Quote("indirect", content, s, s + len(content), SpeakerRef("p1", "X", 0, 2),
              Cue("said", c, c + 4))])
    date_quotes(art)
    assert art.quotes[0].date == expected


@pytest.mark.parametrize("sentence, published, expected", [
    # a day later than publication is an event to come; the nearest day that is not wins
    ("On Monday, if Sanders would debate on April 14, the mayor said the talks would go on.",
     "2016-04-05", "2016-04-04"),
    ("On Dec. 30 the mayor said the talks would go on.", "2016-01-05", "2015-12-30"),
    ("On March 3 the mayor said the talks would go on.", "2016-09-05", "2016-03-03"),
    ("On Oct. 3 the mayor said the talks would go on.", "2016-09-05", None),
])
def test_month_day_dates_never_lie_after_publication(sentence, published, expected):
    content = "the talks would go on"
    s = sentence.index(content)
    c = sentence.index("said")
    art = Article(id=None, text=sentence, published=published, quotes=[
        Quote("indirect", content, s, s + len(content), SpeakerRef("p1", "X", 0, 2),
              Cue("said", c, c + 4))])
    date_quotes(art)
    assert art.quotes[0].date == expected


def test_a_time_inside_another_statement_does_not_date_this_one():
    text = ("“We will send weapons,” the minister told MPs, saying the first ones arrived on "
            "Monday.\n")
    d1, d2 = text.index("We will"), text.index("the first ones")
    c1, c2 = text.index("told"), text.index("saying")
    art = Article(id=None, text=text, published="2022-01-18", quotes=[
        Quote("direct", "We will send weapons,", d1, d1 + 21, SpeakerRef("p1", "M", 24, 36),
              Cue("told", c1, c1 + 4)),
        Quote("indirect", "the first ones arrived on Monday", d2, d2 + 32,
              SpeakerRef("p1", "M", 24, 36), Cue("saying", c2, c2 + 6)),
    ])
    date_quotes(art)
    assert [q.date for q in art.quotes] == [None, None]
