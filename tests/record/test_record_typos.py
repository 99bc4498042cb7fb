"""Typos are flagged with a suggestion inside quotes and speaker names; text never changes."""
from __future__ import annotations

from onrecord.model import Article, Cue, Entity, Quote, SpeakerRef
from onrecord.record.typos import flag_typos, suggest

TEXT = ("Aurel Braun said the cost far outweighs any benefits that they wold receive.\n"
        "“The cost is far greater than any benefits they wold receive,” Braun said.\n"
        "“He will not risk a conflict that he would loose,” Braun added.\n"
        "“We remain aback of nothing and the goverment is wtih us,” Braun said.\n"
        "Melanie Joly spoke. Joly said it was over. Later, Joy said Canada was “looking at "
        "optoins.”\n")


def make_article() -> Article:
    def q(kind: str, content: str, speaker_form: str, nth: int = 0) -> Quote:
        s = TEXT.index(content)
        sp = [i for i in range(len(TEXT)) if TEXT.startswith(speaker_form, i)][nth]
        ent = "p2" if speaker_form in ("Joly", "Joy") else "p1"
        name = "Melanie Joly" if ent == "p2" else "Aurel Braun"
        return Quote(kind, content, s, s + len(content),
                     SpeakerRef(ent, name, sp, sp + len(speaker_form)), Cue("said", 0, 4))
    return Article(id=None, text=TEXT, entities=[
        Entity("p1", "Aurel Braun", "person", aliases=["Braun"]),
        Entity("p2", "Melanie Joly", "person", aliases=["Joly", "Joy"]),
    ], quotes=[
        q("indirect", "the cost far outweighs any benefits that they wold receive.", "Braun"),
        q("direct", "The cost is far greater than any benefits they wold receive,", "Braun", 1),
        q("direct", "He will not risk a conflict that he would loose,", "Braun", 2),
        q("direct", "We remain aback of nothing and the goverment is wtih us,", "Braun", 3),
        q("mixed", "Canada was “looking at optoins.”", "Joy"),
    ])


def flagged() -> tuple[Article, list[tuple[str, str]]]:
    art = make_article()
    flag_typos(art)
    return art, [(r.before, r.after) for r in art.repairs if r.kind == "typo"]


def test_typos_in_quoted_words_and_names_are_flagged_with_offsets():
    art, pairs = flagged()
    assert pairs == [("wold", "would"), ("loose", "lose"), ("goverment", "government"),
                     ("wtih", "with"), ("Joy", "Joly"), ("optoins", "options")]
    for r in art.repairs:
        assert art.text[r.start:r.end] == r.before
    assert art.text == TEXT


def test_reported_speech_outside_quote_marks_and_rare_real_words_are_left_alone():
    art, _ = flagged()
    first_line_end = TEXT.index("\n")
    assert not [r for r in art.repairs if r.end <= first_line_end]  # indirect: not quoted
    assert "aback" not in [r.before for r in art.repairs]


def test_flagging_twice_adds_nothing():
    art = make_article()
    flag_typos(art)
    n = len(art.repairs)
    flag_typos(art)
    assert len(art.repairs) == n


def test_suggest_keeps_names_abbreviations_and_common_words():
    assert suggest("Kuleba") is None and suggest("NATO") is None
    assert suggest("would") is None and suggest("wrung") is None
    assert suggest("wold") == "would" and suggest("goverment") == "government"
    assert suggest("halve") is None  # a real word, not a slip of "have"
    assert suggest("loose", "would") == "lose" and suggest("loose", "a") is None


def test_a_one_off_name_is_matched_to_another_persons_well_used_name():
    text = ("Melanie Joly spoke. Joly said it was over. Joly left. Joly returned.\n"
            "Joy said the talks were “productive.”\n")
    s = text.index("productive")
    j = text.index("Joy")
    art = Article(id=None, text=text, entities=[
        Entity("p1", "Melanie Joly", "person", aliases=["Joly"]),
        Entity("p2", "Joy", "person"),
    ], quotes=[Quote("mixed", "the talks were “productive.”", s - 16, s + 12,
                     SpeakerRef("p2", "Joy", j, j + 3), Cue("said", j + 4, j + 8))])
    flag_typos(art)
    assert [(r.start, r.end, r.before, r.after) for r in art.repairs] == [
        (j, j + 3, "Joy", "Joly")]


def test_misspelt_name_needs_one_slightly_different_word_and_no_title_change():
    from onrecord.record.typos import misspelt_name

    assert misspelt_name("Joy", "Joly") and misspelt_name("Melanie Jolly", "Melanie Joly")
    assert misspelt_name("Schwarzeneger", "Schwarzenegger")
    assert not misspelt_name("Mary Robinson", "Mrs Robinson")
    assert not misspelt_name("Joly", "Melanie Joly") and not misspelt_name("Kim", "Tim Kim")
