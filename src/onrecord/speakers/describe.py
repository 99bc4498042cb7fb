"""An entity's record with what source-diversity counts need: the gender the article
presents or the first name suggests (and what decided it), its source kind and its role."""
from __future__ import annotations

from typing import TYPE_CHECKING

from onrecord.lexicon.people import FEMALE_PRONOUNS, MALE_PRONOUNS
from onrecord.model import Entity, Gender, GenderBasis, MentionKind, Quote
from onrecord.speakers.roles import describe

if TYPE_CHECKING:
    from onrecord.speakers.cast import Cast, Known

_GENDER = {"m": Gender.MALE, "f": Gender.FEMALE}


def gender_of(k: Known, *, name_gender: bool = True) -> tuple[Gender | None, GenderBasis | None]:
    """A person's gender and its basis: an honorific or kin word, else the article's pronouns
    about them, else (with `name_gender`) a first name clearly of one gender; else nothing."""
    if k.kind != "person":
        return None, None
    g = k.likely_gender(leaning=True) if name_gender else k.gender
    if g is None:
        return None, None
    strong = k.votes.get("m", 0) - k.votes.get("f", 0)
    weak = k.votes.get("weak-m", 0) - k.votes.get("weak-f", 0)
    if strong and (strong > 0) == (g == "m"):
        return _GENDER[g], GenderBasis.HONORIFIC
    if weak and (weak > 0) == (g == "m"):
        return _GENDER[g], GenderBasis.PRONOUN
    if not name_gender:
        return None, None
    return _GENDER[g], GenderBasis.NAME


def entity_of(k: Known, *, name_gender: bool = True) -> Entity:
    """The record's entity for `k`, with gender, basis, source kind and role."""
    e = k.to_entity()
    gender, basis = gender_of(k, name_gender=name_gender)
    kind, role = describe(k.kind, k.name, k.titles)
    e.gender = gender.value if gender else None
    e.gender_basis = basis.value if basis else None
    e.source_kind = kind.value
    e.role = role.value if role else None
    return e


def vote_by_attributions(cast: Cast, quotes: list[Quote], text: str) -> None:
    """A quote attributed through "he"/"she" to a person is the article's pronoun for them:
    a weak gender vote, cast once every speaker is resolved (so it changes no attribution)."""
    for q in quotes:
        sp = q.speaker
        if sp is None or not sp.id or sp.mention != MentionKind.PRONOUN or sp.start is None:
            continue
        word = text[sp.start:sp.end].lower()
        g = "m" if word in MALE_PRONOUNS else "f" if word in FEMALE_PRONOUNS else None
        k = cast.by_id(sp.id)
        if g is not None and k is not None and k.kind == "person":
            k.vote(g, strong=False)
