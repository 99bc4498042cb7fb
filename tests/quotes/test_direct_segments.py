"""Direct quotes and their neighbours (issue 13): a quote before a sentence of its own, a
passive `quoted as saying`, a cue before a verbless phrase, colon lists and titles that are
no one's words. Each test is a small article written for its rule."""
from __future__ import annotations


def found(extractor, text: str) -> list[tuple[str, str | None, str]]:
    rec = extractor.extract(text).to_dict(explain=True)
    out = []
    for q in rec["quotes"]:
        assert rec["text"][q["start"]:q["end"]] == q["text"]
        out.append((q["text"], (q["speaker"] or {}).get("name"), q["explain"]["rule"]))
    return out


def test_quoted_sentence_then_a_new_sentence_with_its_own_cue(extractor):
    text = ("“We are pleased with the first group,” says director Ada Quill. “We are setting "
            "ourselves up for the second group.” While some critics say the city should not pay, "
            "Quill says the results speak for themselves.\n")
    got = [(c, s) for c, s, _ in found(extractor, text)]
    assert ("We are setting ourselves up for the second group.", "Ada Quill") in got


def test_a_quote_before_the_next_quotes_cue_is_that_speakers(extractor):
    text = ("Lakeside held its first budget meeting on Monday.\n"
            "“We will fix the roads this year.” Mayor Ada Quill added, “And the bridges will be "
            "next, I promise you.”\n")
    got = [(c, s) for c, s, _ in found(extractor, text)]
    assert ("We will fix the roads this year.", "Ada Quill") in got
    assert ("And the bridges will be next, I promise you.", "Ada Quill") in got


def test_quoted_as_saying(extractor):
    text = ("Mayor Ivo Brandt released the city's books on Monday.\n"
            "“When the books were shown to me, I was shaken to the core,” Brandt was quoted as "
            "saying in the press release.\n")
    got = [(c, s) for c, s, _ in found(extractor, text)]
    assert ("When the books were shown to me, I was shaken to the core,", "Ivo Brandt") in got


def test_a_verbless_phrase_after_the_cue_is_no_clause_of_its_own(extractor):
    text = ("Mr. Ivo Brandt thanked his team on Sunday.\n"
            "“They are very kind and their kindness has been overwhelming,” he said his voice "
            "breaking.\n")
    got = [(c, s) for c, s, _ in found(extractor, text)]
    assert ("They are very kind and their kindness has been overwhelming,", "Ivo Brandt") in got


def test_a_colon_list_of_entries_is_no_quote(extractor):
    text = ("The banned-words list is out.\nTwo other entries also made it: \"Most important "
            "game of our time\" and \"Take it to the house.\"\n")
    assert found(extractor, text) == []


def test_a_show_after_a_possessive_is_a_title(extractor):
    text = ("“If we blame each other, this could last a long time,” Ada Quill said on Lakeside "
            "Radio’s “Face the Harbour.” “Nobody wins in a shutdown.”\n")
    got = [c for c, _, _ in found(extractor, text)]
    assert "Face the Harbour." not in got and not any("Face the Harbour" in c for c in got)
    assert "If we blame each other, this could last a long time," in got


def test_mixed_statement_runs_to_the_closing_mark(extractor):
    text = ("Tom Brandt said he left the board last winter “because of the lack of good governance. "
            "I’m coming back because change is in sight.”\n")
    got = [(c, s) for c, s, _ in found(extractor, text)]
    assert ("he left the board last winter “because of the lack of good governance. I’m coming "
            "back because change is in sight.”", "Tom Brandt") in got


def test_mixed_statement_takes_a_joined_fragment(extractor):
    text = ("But Tom Brandt said he heard the crowd shout, “Close the mine!” and “Go home!” "
            "Some were seen on video.\n")
    got = [c for c, _, _ in found(extractor, text)]
    assert "he heard the crowd shout, “Close the mine!” and “Go home!”" in got


def test_a_short_quote_right_after_a_cued_one_goes_on(extractor):
    text = ("The manager was furious after the defeat.\n"
            "'We'll be back,' Tom Brandt said. 'Mark my words.'\n")
    got = [(c, s) for c, s, _ in found(extractor, text)]
    assert ("Mark my words.", "Tom Brandt") in got


def test_a_short_quote_alone_is_no_quote(extractor):
    text = "The manager was furious after the defeat.\n“Mark my words.”\n"
    assert found(extractor, text) == []
