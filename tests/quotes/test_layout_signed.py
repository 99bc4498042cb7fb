"""Signed layouts and line breaks (issue 13): embedded posts, dash signatures, pull quotes, label
lines, a paragraph broken over lines. Each test is a small article written for its rule."""
from __future__ import annotations

import pytest

from onrecord.parse.paragraphs import split_paragraphs


def found(extractor, text: str) -> list[tuple[str, str | None, str]]:
    """(content, speaker name, rule) of each quote, each checked to be an exact substring."""
    rec = extractor.extract(text).to_dict(explain=True)
    out = []
    for q in rec["quotes"]:
        assert rec["text"][q["start"]:q["end"]] == q["text"]
        out.append((q["text"], (q["speaker"] or {}).get("name"), q["explain"]["rule"]))
    return out


POOL = "The council voted on Tuesday to close the Lakeside pool for the winter.\n"
SAID = "We will reopen it in May, once the roof is fixed and the heaters are replaced."


@pytest.mark.parametrize("layout", [f"“{SAID}” — Commissioner Ada Quill\n",
                                    f"“{SAID}”\n— Commissioner Ada Quill\n",
                                    f"“{SAID}” -- Ada Quill, Lakeside Council\n"])
def test_dash_signature_names_the_speaker(extractor, layout):
    assert (SAID, "Ada Quill", "layout.dash_signature") in found(extractor, POOL + layout)


def test_a_sign_off_under_prose_is_no_quote(extractor):
    text = POOL + "The pool has needed a new roof for a decade and the council knew it.\n— Ada Quill\n"
    assert found(extractor, text) == []


POST = "The vote tonight was a victory for every family in this state. We will keep fighting"


@pytest.mark.parametrize("layout", [
    f"{POST}. pic.twitter.com/abc123 — Ada Quill (@adaquill) May 3, 2021\n",
    f"{POST}. https://t.co/xYz12\n— Ada Quill (@adaquill) May 3, 2021\n",
])
def test_embedded_post_is_its_authors(extractor, layout):
    text = "Senator Ada Quill reacted on Friday night.\n" + layout
    assert (POST, "Ada Quill", "layout.signed_post") in found(extractor, text)


def test_pull_quote_with_a_name_after_it(extractor):
    text = ("Rents in Lakeside rose by a tenth last year.\n"
            "Councils will need to take real steps to solve this crisis. Tom Brandt, Rentals.ca\n"
            "Brandt said owners and tenants need to meet.\n")
    got = found(extractor, text)
    assert ("Councils will need to take real steps to solve this crisis", "Tom Brandt",
            "layout.pull_quote") in got


def test_a_name_ending_a_sentence_is_no_pull_quote(extractor):
    text = "The prize went to the best young writer in Lakeside, Ivo Brandt.\n"
    assert found(extractor, text) == []


def test_label_line_introduces_the_next_paragraph(extractor):
    text = POOL + "From Chairwoman Ada Quill:\n" + f"“{SAID}”\n"
    assert (SAID, "Ada Quill", "layout.label_line") in found(extractor, text)


def test_quote_broken_over_lines_is_one_quote(extractor):
    text = ("Council member Ivo Brandt spoke at the meeting on Monday.\n"
            "\"We cannot keep paying for roads that nobody drives on.\n"
            "The money should go to the schools,\" Brandt said.\n")
    said = "We cannot keep paying for roads that nobody drives on.\nThe money should go to the schools,"
    assert [(c, s) for c, s, _ in found(extractor, text)] == [(said, "Ivo Brandt")]


def test_hard_wrapped_lines_join_but_paragraphs_do_not():
    text = ("The council met on Monday about the\nroads.\n"
            "“We will fix them,” said the mayor.\n\n“And the bridges,\n"
            "“Next year,” she said.\n")
    spans = [text[lo:hi] for lo, hi in split_paragraphs(text)]
    assert spans == ["The council met on Monday about the\nroads.",
                     "“We will fix them,” said the mayor.", "“And the bridges,",
                     "“Next year,” she said."]


def test_interviewee_is_not_the_outlet_named_with_the(extractor):
    text = ("Ada Quill, the mayor of Lakeside, sat down with the Herald to talk about the budget.\n"
            "Q: Why did you cut the library hours?\n"
            "A: We had no choice. The province cut our grant by a third this year.\n")
    assert [(c, s) for c, s, _ in found(extractor, text)][:1] == [
        ("We had no choice. The province cut our grant by a third this year.", "Ada Quill")]


def test_a_quote_after_an_unresolved_speaker_carries_that_mention(extractor):
    text = ("The strike entered its third week.\n"
            "“We are not going anywhere,” she said. “We will be here until the job is done.”\n")
    got = found(extractor, text)
    assert ("We will be here until the job is done.", "she", "layout.carry_mention") in got


def test_speech_reported_inside_a_transcript_answer_is_not_a_statement(extractor):
    text = ("The debate was broadcast on Sunday.\n"
            "ADA QUILL: We will not raise taxes this year, I promise you that.\n"
            "TOM BRANDT: But your own budget says the deficit will grow.\n"
            "ADA QUILL: The deficit will grow because we are building schools.\n")
    got = found(extractor, text)
    assert ("But your own budget says the deficit will grow.", "TOM BRANDT",
            "transcript.label") in got
    assert not [c for c, _, _ in got if c == "the deficit will grow"]
