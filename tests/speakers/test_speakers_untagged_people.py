"""People the parser's model did not tag as people are still people when an apposition says
so ("Roman, a resident of the area", "Aiyana, 34,") or a noun names them ("an official named
Jhony"), so a later he/she can stand for them."""
from __future__ import annotations

ARTICLE = (
    "Floodwater reached the second floor of the school in Kampong Baru on Sunday, district "
    "officer Farid Hassan said.\n\n"
    "Dewi, a teacher at the school, was marking papers when she heard the water.\n\n"
    "\u201cThe corridor filled up in a minute. We carried the children onto the roof,\u201d "
    "she said.\n\n"
    "A relief agency worker in the province named Bayu told reporters that two bridges had "
    "collapsed.\n\n"
    "Iwan, a fisherman from the harbour, said the boats had been torn from their moorings.\n\n"
    "He said three crews were still missing.\n")


def _speakers(extractor) -> dict[str, str]:
    art = extractor.extract(ARTICLE)
    return {q.text[:16]: q.speaker.name for q in art.quotes if q.speaker}


def test_a_pronoun_finds_an_untagged_person_named_with_an_apposition(extractor) -> None:
    assert _speakers(extractor)["The corridor fil"] == "Dewi"


def test_a_person_noun_named_after_it(extractor) -> None:
    assert _speakers(extractor)["two bridges had "] == "Bayu"


def test_a_pronoun_finds_an_untagged_speaker_named_with_an_apposition(extractor) -> None:
    assert _speakers(extractor)["three crews were"] == "Iwan"
