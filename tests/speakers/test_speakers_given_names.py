"""A name the model tagged as an organisation or a place, or missed, that opens with a clear
given name and acts as a person (its surname used alone, a person's apposition, "he" or
"she" after it) is a person; a body named like a person ("said in a statement", "its",
"X's shares", "X have") stays an organisation."""
from __future__ import annotations

import pytest

from onrecord.parse.paragraphs import build_paragraphs
from onrecord.speakers.given import GivenNames, name_like


def _given(extractor, text: str) -> GivenNames:
    paras = build_paragraphs(text, [])
    for p in paras:
        p.doc = extractor.nlp.make_doc(text[p.start:p.end])
    return GivenNames(paras)


@pytest.mark.parametrize("text", [
    "Marta Sørlie spoke again on Friday.\n\n\u201cThe rents will go up,\u201d Sørlie told reporters.",
    "Farid Thistlewood spoke on Tuesday. \u201cWe will build it,\u201d Thistlewood said.",
    "\u201cThe rents will go up,\u201d said Marta Sørlie, a spokesperson for the housing trust.",
    "Marta Sørlie left the hall before her speech ended.",
    "The rents will rise, said Mayor Marta Sørlie.",
])
def test_a_given_name_acting_as_a_person(extractor, text: str) -> None:
    name = "Farid Thistlewood" if "Farid" in text else "Marta Sørlie"
    assert _given(extractor, text).is_person(name)


@pytest.mark.parametrize("text", [
    "Philip Morris said in a statement that the ban would cost jobs. Morris declined to say more.",
    "Marta Sørlie said its stores would close. Sørlie is based in Leeds.",
    "Shares in Marta Sørlie fell. Sørlie said the fall was expected.",
    "Marta Sørlie have said they will appeal. Sørlie is a bakery chain.",
    "Marta Sørlie's shares fell on Monday. Sørlie said the fall was expected.",
    "A spokesman for Marta Sørlie said the firm was sold. Sørlie declined to comment.",
    "Marta Sørlie, the retailer, said sales fell. Sørlie said more.",
])
def test_a_body_named_like_a_person_stays_one(extractor, text: str) -> None:
    name = "Philip Morris" if "Philip" in text else "Marta Sørlie"
    assert not _given(extractor, text).is_person(name)


def test_a_pronoun_after_another_name_is_no_sign(extractor) -> None:
    text = "Marta Sørlie reported that Bloomberg is weighing a bid he may announce soon."
    assert not _given(extractor, text).is_person("Marta Sørlie")


def test_a_name_needs_a_sign_of_a_person(extractor) -> None:
    assert not _given(extractor, "\u201cIt is late,\u201d said Marta Sørlie.").is_person("Marta Sørlie")


@pytest.mark.parametrize("words, ok", [
    (["Marta", "Sørlie"], True), (["Farid", "Thistlewood"], True),
    (["Clark", "County"], False),      # the last word is a common word
    (["Other", "Republicans"], False),  # the first word is too common to be a name
    (["Morgan", "Stanley"], False),    # no clear given name
    (["Marta", "Trust"], False),       # an organisation's word
    (["Marta"], False),
])
def test_name_like(words: list[str], ok: bool) -> None:
    assert name_like(words) is ok


LEAD = "The council approved the new bus routes on Monday after a long debate.\n\n"


@pytest.mark.parametrize("body, name", [
    # the model tags the full name as an organisation, the surname with it
    ("Marta Sørlie spoke again on Friday. \u201cThey will have to act in a socially "
     "responsible way,\u201d Sørlie told reporters.", "Marta Sørlie"),
    ("Elena Ingleby spoke on Tuesday. \u201cTHE DEFICIT FOR THE FIRST ELEVEN MONTHS NOW "
     "STANDS AT \u00a336,\u201d Ingleby said.", "Elena Ingleby"),
    # the model does not tag the full name, and tags the surname as an organisation
    ("Ines Thistlewood spoke on Tuesday. \u201cHE IS THE FIRST LEADER WHO HAS WON US TWO "
     "TERMS,\u201d Thistlewood said.", "Ines Thistlewood"),
])
def test_a_misread_name_speaks_as_a_person(extractor, body: str, name: str) -> None:
    art = extractor.extract(LEAD + body + "\n")
    assert [q.speaker.name for q in art.quotes if q.speaker] == [name]
    assert {e.name: e.kind for e in art.entities} == {name: "person"}


def test_a_company_named_like_a_person_stays_one(extractor) -> None:
    art = extractor.extract("Philip Morris said in a statement that the ban would cost jobs.\n\n"
                            "\u201cWe will fight it,\u201d Philip Morris said.\n")
    assert {e.name: e.kind for e in art.entities} == {"Philip Morris": "organization"}


def _doc_with(extractor, text: str, ents: list[tuple[int, int, str]]):
    from spacy.tokens import Span

    from onrecord.parse.paragraphs import Paragraph

    doc = extractor.nlp.make_doc(text)
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in ents]
    return Paragraph(0, 0, len(text), doc=doc), doc


@pytest.mark.parametrize("text, ents, first", [
    ("Pavel Kowalczyk spoke on Tuesday.", [(1, 2, "PERSON")], "Pavel"),
    ("Marta Eskildsen spoke on Friday.", [(0, 1, "GPE"), (1, 2, "PERSON")], "Marta"),  # a "place"
    ("Minister Kowalczyk spoke on Tuesday.", [(1, 2, "PERSON")], None),  # a title
    ("Other Kowalczyk fans spoke.", [(1, 2, "PERSON")], None),  # no given name
    ("Paris Saint Kowalczyk spoke.", [(0, 2, "GPE"), (2, 3, "PERSON")], None),  # a longer place
    ("Given Kowalczyk's record, the given answer stood.", [(1, 2, "PERSON")], None),  # a word
])
def test_a_given_name_left_out_of_a_one_word_person(extractor, text, ents, first) -> None:
    para, doc = _doc_with(extractor, text, ents)
    person = next(e for e in doc.ents if e.label_ == "PERSON")
    tok = GivenNames([para]).given_name_before(para, person)
    assert (tok.text if tok is not None else None) == first


@pytest.mark.parametrize("body, name", [
    ("Pavel Kowalczyk spoke on Tuesday. \u201cThe voters say the council cannot win,\u201d "
     "Kowalczyk said.", "Pavel Kowalczyk"),
    ("Marta Eskildsen spoke again on Friday. \u201cThe boards will merge,\u201d Eskildsen told "
     "reporters.", "Marta Eskildsen"),
])
def test_a_speaker_keeps_the_given_name_the_model_cut_off(extractor, body: str, name: str) -> None:
    art = extractor.extract("The shop reopened on Monday after repairs.\n\n" + body + "\n")
    assert [q.speaker.name for q in art.quotes if q.speaker] == [name]
    assert [e.name for e in art.entities] == [name]


def test_quoted_words_before_a_surname_are_no_sign(extractor) -> None:
    # "... at the," ends the quote: "the" before "Sørlie" is the speaker's word, not "the Sørlie"
    text = ("Marta Sørlie spoke again on Friday. \u201cWe met them at the,\u201d Sørlie told "
            "reporters.")
    assert _given(extractor, text).is_person("Marta Sørlie")
