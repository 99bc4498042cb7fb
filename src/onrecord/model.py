"""The article record: plain dataclasses and their JSON form (see DESIGN.md)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


@dataclass(slots=True)
class Repair:
    """One change made to the input text before extraction (or a flag, for typos)."""

    kind: str  # mojibake | junk | boilerplate | typo | caption
    start: int
    end: int
    before: str
    after: str


@dataclass(slots=True)
class Entity:
    """A person, organisation or other source, with every form the article uses for it."""

    id: str
    name: str
    kind: str  # person | organization | source
    titles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: list[list[int]] = field(default_factory=list)
    # Source diversity (docs/diversity.md): the gender the article presents or the first name
    # suggests, never a person's identity, with what decided it (a `GenderBasis` value); the
    # kind of source (a `SourceKind` value) and the role its titles give (a `Role` value).
    gender: str | None = None
    gender_basis: str | None = None
    source_kind: str | None = None
    role: str | None = None


class Gender(StrEnum):
    """A person's gender as the article presents it or the first name suggests."""

    FEMALE = "female"
    MALE = "male"


class GenderBasis(StrEnum):
    """What decided an entity's `gender`."""

    PRONOUN = "pronoun"      # the article's pronouns about them (she/he, her/his)
    HONORIFIC = "honorific"  # an honorific or kin word (Ms, Mr, Mrs, mother, father)
    NAME = "name"            # only first-name statistics (nomquamgender); --no-name-gender


class SourceKind(StrEnum):
    """What kind of source a speaker is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    UNNAMED = "unnamed"      # a spokesperson, officials, a source close to ...
    DOCUMENT = "document"    # a statement, a report, a study


class Role(StrEnum):
    """The role a source's titles and descriptors give it (speakers/roles.py)."""

    POLITICIAN = "politician/official"
    SPOKESPERSON = "spokesperson"
    POLICE_LEGAL = "police/legal"
    EXPERT = "expert/academic"
    BUSINESS = "business"
    ATHLETE = "athlete/coach"
    CITIZEN = "citizen/witness"


@dataclass(slots=True)
class SpeakerRef:
    """The entity a quote is attributed to, and the mention this attribution uses; `mention`
    says what kind of words that mention is (a `MentionKind` value)."""

    id: str | None
    name: str
    start: int | None = None
    end: int | None = None
    mention: str | None = None


class MentionKind(StrEnum):
    """What a speaker mention is, as the record's `speaker.mention` says it."""

    NAME = "name"              # a proper name ("Jane Roe", "the State Department")
    TITLE = "title"            # a title or role standing for a named person ("the premier")
    DESCRIPTOR = "descriptor"  # a common noun: "a police spokeswoman", "the company"
    PRONOUN = "pronoun"        # he, she, it, they, who
    LABEL = "label"            # a transcript or interview label ("ROE:")
    CARRY = "carry"            # no mention of its own: a continuation


@dataclass(slots=True)
class Cue:
    """The attribution verb or phrase ("said", "according to")."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class SpeakerExplain:
    """How a quote's speaker was found: the mention's kind and words, the entity it was tied
    to, and the name of the rule that tied them."""

    mention: str  # name | pronoun | title | source | carry | unresolved
    text: str | None
    entity: str | None
    why: str
    # The rules that gave the mention as its cue's subject ("climb.head+subject.grammatical",
    # speakers/subject.py); None when it was found otherwise (on the surface, by a label).
    subject_rule: str | None = None


@dataclass(slots=True)
class Explain:
    """Why a quote is in the record: the rule that found it and how its speaker was found."""

    rule: str
    how: str
    speaker: SpeakerExplain | None = None


@dataclass(slots=True)
class Quote:
    """A direct, mixed or indirect statement, with its speaker and cue."""

    kind: str  # direct | mixed | indirect
    text: str
    start: int
    end: int
    speaker: SpeakerRef | None = None
    cue: Cue | None = None
    addressee: str | None = None
    date: str | None = None
    confidence: float = 0.5
    explain: Explain | None = None  # only in `to_dict(explain=True)`


@dataclass(slots=True)
class Article:
    """Everything onrecord says about one article; offsets point into `text`."""

    id: str | None
    text: str
    published: str | None = None
    repairs: list[Repair] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        """The JSON-ready record; `meta` (title, url, author...) only when present; with
        `explain`, each quote says which rule found it and how its speaker was resolved."""
        d = asdict(self)
        if not d["meta"]:
            del d["meta"]
        for q in d["quotes"]:
            if not explain:
                del q["explain"]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        """Rebuild an Article from its `to_dict()` form."""
        quotes = []
        for q in d.get("quotes", []):
            sp = q.get("speaker")
            cue = q.get("cue")
            quotes.append(Quote(
                kind=q["kind"], text=q["text"], start=q["start"], end=q["end"],
                speaker=SpeakerRef(**sp) if sp else None,
                cue=Cue(**cue) if cue else None,
                addressee=q.get("addressee"), date=q.get("date"),
                confidence=q.get("confidence", 0.5), explain=_explain(q.get("explain")),
            ))
        return cls(
            id=d.get("id"), text=d["text"], published=d.get("published"),
            repairs=[Repair(**r) for r in d.get("repairs", [])],
            entities=[Entity(**e) for e in d.get("entities", [])],
            quotes=quotes, meta=dict(d.get("meta") or {}),
        )


def _explain(d: dict[str, Any] | None) -> Explain | None:
    if not d:
        return None
    sp = d.get("speaker")
    return Explain(rule=d["rule"], how=d["how"], speaker=SpeakerExplain(**sp) if sp else None)


@dataclass(slots=True)
class Failure:
    """An input record that could not be processed; it stays in the output as an error."""

    id: str | None
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "error": self.error}
