""""the <noun>" standing for an organisation: the one whose name that noun heads, else one of
the same kind named shortly before; a noun for a kind of body with no such organisation named
stays the source as written; "the company" is any organisation named before."""
from __future__ import annotations

ARTICLE = (
    "The Lakeshore Transit Commission voted on Tuesday to raise bus fares by a quarter.\n\n"
    "Brightline Foods, which runs the town's largest bakery, said the change would hurt its "
    "night-shift workers.\n\n"
    "The commission said the money would pay for forty electric buses.\n\n"
    "The Association of Harbour Pilots called a strike for Friday.\n\n"
    "The union said talks with the port had broken down after six months.\n\n"
    "Halvorsen Shipping Ltd. moved two of its tankers to another port.\n\n"
    "The Norwegian government said it was watching the dispute closely.\n\n"
    "The company said its customers would not see delays.\n")


def _speakers(extractor) -> dict[str, str]:
    art = extractor.extract(ARTICLE)
    return {q.text[:16]: q.speaker.name for q in art.quotes if q.speaker}


def test_a_body_noun_is_the_organisation_it_heads(extractor) -> None:
    assert _speakers(extractor)["the money would "] == "Lakeshore Transit Commission"


def test_a_noun_of_the_same_kind(extractor) -> None:
    assert _speakers(extractor)["talks with the p"] == "Association of Harbour Pilots"


def test_a_body_of_another_kind_is_not_taken(extractor) -> None:
    assert _speakers(extractor)["it was watching "] == "The Norwegian government"


def test_the_company_is_the_organisation_named_before(extractor) -> None:
    assert _speakers(extractor)["its customers wo"] == "Halvorsen Shipping Ltd."
