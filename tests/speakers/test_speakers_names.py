"""Names and titles: a surname of many words is one person's; a title stands for its holder
only through its head noun."""
from __future__ import annotations

from onrecord.speakers.names import title_heads

SURNAMES = (
    "Samira El Amrani and her brother Karim El Fassi opened a bakery in Tellwick in 2019.\n\n"
    "The shop now employs nine people, El Amrani said on Friday.\n\n"
    "“We learned every recipe from our grandmother,” she said.\n")

TITLES = (
    "Marta Okonjo, founder and president of Redgate Brewery in Alnmouth, opened a second site.\n\n"
    "The brewery needs a licence before it can sell beer, Okonjo said.\n\n"
    "Tom Reyes inspected the site on Tuesday.\n\n"
    "The president said the licence had been delayed for months.\n")


def test_title_heads() -> None:
    assert title_heads("founder and president of Redgate Brewery in Alnmouth") == \
        {"founder", "president"}
    assert title_heads("a spokesman for the regional transit agency") == {"spokesman"}
    assert title_heads("Ontario’s premier") == {"premier"}
    assert title_heads("Foreign Affairs Minister") == {"minister"}


def test_a_surname_of_many_words_is_the_full_names(extractor) -> None:
    art = extractor.extract(SURNAMES)
    names = {q.text[:10]: q.speaker.name for q in art.quotes if q.speaker}
    assert names["The shop n"] == "Samira El Amrani"
    assert names["We learned"] == "Samira El Amrani"  # "El" is no man's first name here
    assert not any(e.name == "El Amrani" for e in art.entities)


def test_a_title_is_matched_by_its_head_noun(extractor) -> None:
    art = extractor.extract(TITLES)
    okonjo = next(e for e in art.entities if e.name == "Marta Okonjo")
    # "The brewery" is not a mention of the brewery's founder.
    assert not any(TITLES[a:b].lower() == "brewery" for a, b in okonjo.mentions)
    names = {q.text[:10]: q.speaker.name for q in art.quotes if q.speaker}
    assert names["the licenc"] == "Marta Okonjo"


RETYPED = (
    "Police Superintendent Ivo Brandt said officers had cleared the road by noon.\n\n"
    "Tallow River Hereditary Chief Sekwan said “we have not agreed to anything yet.”\n\n"
    "“Trust takes years to build,” he said.\n")


def test_a_titled_name_tagged_as_an_organisation_is_a_person(extractor) -> None:
    from onrecord.speakers.names import titled_person
    assert titled_person("Tallow River Hereditary Chief Sekwan") == \
        ("Tallow River Hereditary Chief", "Sekwan")
    assert titled_person("General Motors") is None
    assert titled_person("Chief Executive Office") is None
    assert titled_person("Imam Khomeini International Airport") is None  # a place
    assert titled_person("Queen Elizabeth Hospital") is None
    art = extractor.extract(RETYPED)
    q = next(q for q in art.quotes if q.text.startswith("Trust takes"))
    assert q.speaker is not None and q.speaker.name == "Sekwan"
