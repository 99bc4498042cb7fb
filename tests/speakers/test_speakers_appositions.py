"""Names set off beside a speaker: a title after a comma is not a second speaker, a person
named after a group word is the speaker, a role noun before a name makes it a person's, an
organisation's noun in apposition makes a "person" an organisation."""
from __future__ import annotations

from spacy.tokens import Doc

from onrecord.parse.paragraphs import Paragraph
from onrecord.speakers.cast import Cast
from onrecord.speakers.resolve import resolve


def _speakers(article) -> dict[str, str | None]:
    ents = {e.id: e for e in article.entities}
    return {q.text[:24]: ents[q.speaker.id].name if q.speaker else None for q in article.quotes}


def test_a_title_after_a_comma_is_not_a_second_speaker(extractor) -> None:
    """The parser can take "Tamsin Orrell, Chief Market Strategist at Kestrel" for two
    conjuncts (seen on a long quote before it); with no "and" they are one person."""
    words = ["Tamsin", "Orrell", ",", "Chief", "Market", "Strategist", "at", "Kestrel", ",",
             "said", "."]
    heads = [1, 9, 1, 5, 5, 1, 5, 6, 1, 9, 9]
    deps = ["compound", "nsubj", "punct", "compound", "compound", "conj", "prep", "pobj",
            "punct", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "ADP", "PROPN", "PUNCT",
           "VERB", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "B-ORG", "O", "O",
            "O"]
    doc = Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents,
              sent_starts=[True] + [False] * 10)
    para = Paragraph(0, 0, len(doc.text), doc)
    known, _span, why = resolve(Cast(), para, doc[1])
    assert known is not None and known.name == "Tamsin Orrell", why
    # with "and", two people still speak together
    words[2], pos[2], deps[2] = "and", "CCONJ", "cc"
    words[3:6] = ["Annie", "Marie", "Park"]
    ents[3:6] = ["B-PERSON", "I-PERSON", "I-PERSON"]
    doc = Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents,
              sent_starts=[True] + [False] * 10)
    known, _span, why = resolve(Cast(), Paragraph(0, 0, len(doc.text), doc), doc[1])
    assert known is not None and known.name == "Tamsin Orrell and Annie Marie Park", why


def test_the_person_after_a_group_word_speaks(extractor) -> None:
    art = extractor.extract("One veteran Republican, Ohio Sen. Walter Brandauer, said on Monday "
                            "that the bill would not pass before the recess.\n")
    assert _speakers(art) == {"the bill would not pass ": "Walter Brandauer"}


def test_a_role_noun_makes_an_organisation_tagged_name_a_person(extractor) -> None:
    art = extractor.extract("\"Wages have stalled,\" economist Philip Bridge wrote in a recent "
                            "report for the Aldgate Institute.\n")
    kinds = {e.name: e.kind for e in art.entities}
    assert kinds["Philip Bridge"] == "person"
    assert _speakers(art) == {"Wages have stalled,": "Philip Bridge"}
    assert next(e for e in art.entities if e.name == "Philip Bridge").gender == "male"


def test_an_organisation_noun_in_apposition_makes_an_organisation(extractor) -> None:
    art = extractor.extract(
        "The survey was run by Wilton Hall, a non-profit agency that houses families in the "
        "east of the city.\n\n"
        "\"Nobody is turned away,\" said Nadia Karimi, principal researcher at Wilton Hall.\n\n"
        "Families found homes with the help of Wilton Hall, according to the city.\n")
    halls = [e for e in art.entities if e.name == "Wilton Hall"]
    assert [(e.kind, e.gender) for e in halls] == [("organization", None)]
    assert {e.name: e.kind for e in art.entities}["Nadia Karimi"] == "person"

