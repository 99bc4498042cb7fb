"""A document the article names as a source is its author's words when the article names the
author: "a study by X", "a statement e-mailed by X", "X's report"; a document someone only
obtained or saw stays the document."""
from __future__ import annotations

ARTICLE = (
    "A 2021 review by the Provincial Water Board said the reservoir had been overfilled for "
    "years.\n\n"
    "A statement e-mailed to reporters by Marta Kowalczyk, the dam's chief engineer, said the "
    "spillway would be rebuilt.\n\n"
    "According to Halden County's flood database, the river crested at six metres in 2019.\n\n"
    "A memo obtained by the Valley Courier said repairs would cost twice the estimate.\n")


def _speakers(extractor) -> dict[str, str]:
    art = extractor.extract(ARTICLE)
    return {q.text[:16]: q.speaker.name for q in art.quotes if q.speaker}


def test_a_document_by_its_author(extractor) -> None:
    got = _speakers(extractor)
    assert got["the reservoir ha"] == "Provincial Water Board"
    assert got["the spillway wou"] == "Marta Kowalczyk"


def test_a_document_of_its_owner(extractor) -> None:
    assert _speakers(extractor)["the river creste"] == "Halden County"


def test_a_document_someone_obtained_stays_the_document(extractor) -> None:
    assert _speakers(extractor)["repairs would co"] == "A memo"
