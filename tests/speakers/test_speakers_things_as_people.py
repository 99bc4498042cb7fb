"""A one-word name the model tagged as a person that the article's own pronouns call "it"
(never he or she) is an organisation, so "the company" and "it" can stand for it."""
from __future__ import annotations

ARTICLE = (
    "Zentrix told employees it would close the plant in Dunmore in March.\n\n"
    "Zentrix said its other factories would take on the work.\n\n"
    "The company said no jobs would be lost outside Dunmore.\n\n"
    "Union organiser Dana Whitlock said the workers had heard nothing until Friday.\n")


def test_a_thing_tagged_as_a_person_is_an_organisation(extractor) -> None:
    art = extractor.extract(ARTICLE)
    kinds = {e.name: e.kind for e in art.entities}
    assert kinds.get("Zentrix") == "organization"
    said = next(q for q in art.quotes if q.text.startswith("no jobs"))
    assert said.speaker is not None and said.speaker.name == "Zentrix"
    assert kinds.get("Dana Whitlock") == "person"
