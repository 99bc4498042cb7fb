"""A source that is part of a group keeps the group ("one of the volunteers", "two of the
firefighters"), without what follows the group's noun; "most of whom" stays "most"."""
from __future__ import annotations

ARTICLE = (
    "\u201cWe need a new roof before the winter,\u201d says one of the volunteers at the hall.\n\n"
    "Two of the firefighters said the blaze had started in the kitchen.\n")


def test_a_part_of_a_group_keeps_the_group(extractor) -> None:
    art = extractor.extract(ARTICLE)
    names = {q.text[:10]: q.speaker.name for q in art.quotes if q.speaker}
    assert names["We need a "] == "one of the volunteers"
    assert names["the blaze "] == "Two of the firefighters"
