"""An unnamed source keeps the words after its noun that say who it is ("a person familiar
with the talks", "an engineer hired by the town"); a document's do not."""
from __future__ import annotations

ARTICLE = (
    "The ferry contract will be signed in May, a person familiar with the talks said.\n\n"
    "An engineer hired by the town said the pier could carry twice the load.\n\n"
    "The memo seen by the council said costs had doubled.\n")


def test_qualified_unnamed_sources(extractor) -> None:
    art = extractor.extract(ARTICLE)
    names = {q.text[:12]: q.speaker.name for q in art.quotes if q.speaker}
    assert names["The ferry co"] == "a person familiar with the talks"
    assert names["the pier cou"] == "An engineer hired by the town"
    assert names["costs had do"] == "The memo"
