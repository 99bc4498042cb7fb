"""The source kind and role of a speaker, from team-written titles and descriptors, and as
the record gives them for an article."""
from __future__ import annotations

import pytest

from onrecord.model import Role, SourceKind
from onrecord.speakers.roles import describe, role_of, source_kind

ROLES = [
    (["Foreign Affairs Minister"], Role.POLITICIAN),
    (["Prime Minister"], Role.POLITICIAN),
    (["Conservative MP"], Role.POLITICIAN),
    (["police spokesperson"], Role.SPOKESPERSON),       # spokesperson before police
    (["press secretary"], Role.SPOKESPERSON),
    (["Police Chief"], Role.POLICE_LEGAL),
    (["defence lawyer"], Role.POLICE_LEGAL),
    (["Crown prosecutor"], Role.POLICE_LEGAL),
    (["professor of economics at the University of Leeds"], Role.EXPERT),
    (["senior economist"], Role.EXPERT),
    (["chief executive of Acme Inc"], Role.BUSINESS),
    (["chief financial officer"], Role.BUSINESS),       # a phrase before "officer"
    (["president of the company"], Role.BUSINESS),      # business before politics
    (["head coach"], Role.ATHLETE),
    (["striker"], Role.ATHLETE),
    (["a resident of the area"], Role.CITIZEN),
    (["witness"], Role.CITIZEN),
    (["Nobel laureate"], None),
    ([], None),
]


@pytest.mark.parametrize("titles,role", ROLES)
def test_role_from_titles(titles: list[str], role: Role | None) -> None:
    assert role_of(titles) == role


KINDS = [
    ("person", "Jane Roe", SourceKind.PERSON),
    ("organization", "Acme Inc", SourceKind.ORGANISATION),
    ("source", "a senior official", SourceKind.UNNAMED),
    ("source", "sources close to the talks", SourceKind.UNNAMED),
    ("source", "a spokesperson for the ministry", SourceKind.UNNAMED),
    ("source", "a person familiar with the matter", SourceKind.UNNAMED),
    ("source", "a statement from the ministry", SourceKind.DOCUMENT),
    ("source", "the report", SourceKind.DOCUMENT),
    ("source", "court documents", SourceKind.DOCUMENT),
    ("source", "police", SourceKind.ORGANISATION),
    ("source", "the Canadian government", SourceKind.ORGANISATION),
    ("source", "He", SourceKind.PERSON),
]


@pytest.mark.parametrize("kind,name,expected", KINDS)
def test_source_kind(kind: str, name: str, expected: SourceKind) -> None:
    assert source_kind(kind, name) is expected


def test_an_unnamed_source_has_the_role_its_words_give() -> None:
    assert describe("source", "a senior government official", []) == (
        SourceKind.UNNAMED, Role.POLITICIAN)
    assert describe("organization", "Toronto Police Service", []) == (
        SourceKind.ORGANISATION, Role.POLICE_LEGAL)
    # a person's name is no title: "Justice" as a surname gives no role
    assert describe("person", "Laura Justice", []) == (SourceKind.PERSON, None)


ARTICLE = (
    "Health Minister Alicia Moreno said the clinic would open in June.\n\n"
    "\"The wait has been too long,\" said Dana Whitfield, a professor of nursing at the "
    "University of Dunmore.\n\n"
    "A police spokesperson said the road would reopen on Monday.\n\n"
    "According to a statement from the hospital board, the night clinic will hire twelve "
    "nurses.\n")


def test_the_record_gives_kind_and_role(extractor) -> None:
    a = extractor.extract(ARTICLE)
    by_speaker = {}
    ents = {e.id: e for e in a.entities}
    for q in a.quotes:
        if q.speaker and q.speaker.id:
            e = ents[q.speaker.id]
            by_speaker[q.speaker.name] = (e.source_kind, e.role)
    assert by_speaker["Alicia Moreno"] == ("person", "politician/official")
    assert by_speaker["Dana Whitfield"] == ("person", "expert/academic")
    assert by_speaker["A police spokesperson"] == ("unnamed", "spokesperson")
    kinds = {v[0] for v in by_speaker.values()}
    assert "document" in kinds or "organisation" in kinds
