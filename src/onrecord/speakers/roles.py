"""Who a source is: its kind (a person, an organisation, an unnamed source, a document) and
the role its titles and descriptors give it, from the word lists of `lexicon/roles.py`."""
from __future__ import annotations

import re
from collections.abc import Iterable

from onrecord.lexicon.roles import (
    ATHLETE_COACH_WORDS,
    BUSINESS_WORDS,
    CITIZEN_WITNESS_WORDS,
    DESCRIPTOR_BREAKS,
    EXPERT_ACADEMIC_WORDS,
    PERSON_PRONOUNS,
    POLICE_LEGAL_WORDS,
    POLITICIAN_OFFICIAL_WORDS,
    SPOKESPERSON_WORDS,
    UNNAMED_BODY_NOUNS,
)
from onrecord.lexicon.sources import DOCUMENT_NOUNS
from onrecord.model import Role, SourceKind
from onrecord.spelling import fold_accents

# The first role whose words a source's titles hold wins, in this order: a police spokesperson
# is a spokesperson, a president of a company is in business, a team's doctor an athlete/coach.
ORDER: tuple[tuple[Role, frozenset[str]], ...] = (
    (Role.SPOKESPERSON, SPOKESPERSON_WORDS),
    (Role.POLICE_LEGAL, POLICE_LEGAL_WORDS),
    (Role.ATHLETE, ATHLETE_COACH_WORDS),
    (Role.EXPERT, EXPERT_ACADEMIC_WORDS),
    (Role.BUSINESS, BUSINESS_WORDS),
    (Role.POLITICIAN, POLITICIAN_OFFICIAL_WORDS),
    (Role.CITIZEN, CITIZEN_WITNESS_WORDS),
)
_WORD = re.compile(r"[a-z][a-z'\-]*")


def words_of(text: str) -> list[str]:
    """Lower-case, accent-folded words of a title or descriptor."""
    return _WORD.findall(fold_accents(text).lower().replace("’", "'"))


def role_of(texts: Iterable[str]) -> Role | None:
    """The role that titles or descriptors give: a phrase of two or three words first
    ("chief financial officer" is business, not police), then single words, in `ORDER`."""
    singles: set[str] = set()
    phrases: set[str] = set()
    for text in texts:
        ws = words_of(text)
        singles.update(ws)
        for n in (2, 3):
            phrases.update(" ".join(ws[i:i + n]) for i in range(len(ws) - n + 1))
    for found in (phrases, singles):
        for role, lexicon in ORDER:
            if found & lexicon:
                return role
    return None


def head_words(descriptor: str) -> list[str]:
    """The words of a descriptor up to what follows its head ("a spokesperson for the
    ministry" → a, spokesperson)."""
    out: list[str] = []
    for w in words_of(descriptor):
        if w in DESCRIPTOR_BREAKS and out:
            break
        out.append(w)
    return out


def source_kind(kind: str, name: str) -> SourceKind:
    """The kind of source an entity (person | organization | source) or an entity-less
    speaker mention is: an unnamed source whose head is a document is a document, one whose
    head is a body ("police", "the Canadian government") an organisation."""
    if kind == "person":
        return SourceKind.PERSON
    if kind == "organization":
        return SourceKind.ORGANISATION
    head = head_words(name)
    if not head:
        return SourceKind.UNNAMED
    if len(head) == 1 and head[0] in PERSON_PRONOUNS:
        return SourceKind.PERSON
    if any(w in DOCUMENT_NOUNS or w.rstrip("s") in DOCUMENT_NOUNS for w in head):
        return SourceKind.DOCUMENT
    last = " ".join(head[-2:])
    if head[-1] in UNNAMED_BODY_NOUNS or last in UNNAMED_BODY_NOUNS:
        return SourceKind.ORGANISATION
    return SourceKind.UNNAMED


def describe(kind: str, name: str, titles: Iterable[str]) -> tuple[SourceKind, Role | None]:
    """The source kind and role of a speaker: a person's role comes from their titles, an
    organisation's or unnamed source's also from its own words ("a police spokesperson")."""
    sk = source_kind(kind, name)
    texts = list(titles)
    if sk is not SourceKind.PERSON:
        texts.append(name)
    return sk, role_of(texts)
