"""What the words of a name say: its words without honorifics or roles, a role given inside
it, the head words of a title, an organisation's head noun, and surnames of many words."""
from __future__ import annotations

import re
from typing import Any

from onrecord.lexicon.people import (
    HONORIFICS,
    NAME_OPENING_TITLES,
    PERSON_NOUNS,
    ROLE_WORDS,
    SURNAME_PARTICLES,
    TITLE_COMPLEMENT_WORDS,
    TITLE_COORDINATORS,
)
from onrecord.lexicon.sources import ORG_WORDS, PLACE_NAME_WORDS
from onrecord.lexicon.speech import VERBS_AFTER_HEADLINE_NAMES
from onrecord.spelling import fold_accents


def name_words(text: str) -> list[str]:
    """The words of a name without honorifics, roles or a possessive:
    "Ms. Joly's" -> ["Joly"], "Superintendent Alan Frost" -> ["Alan", "Frost"]."""
    text = re.split(r"[’']s\s+(?=[A-Z])", text)[-1]  # "Labour’s Paul Flynn" -> "Paul Flynn"
    words = [w.strip(".,;:") for w in text.replace("’s", "").replace("'s", "").split()]
    words = [w for w in words if w]
    while words and fold_accents(words[0]).rstrip(".") in HONORIFICS and len(words) > 1:
        words = words[1:]
    while len(words) > 2 and fold_accents(words[0]) in ROLE_WORDS:
        words = words[1:]
    while len(words) > 1 and fold_accents(words[-1]) in VERBS_AFTER_HEADLINE_NAMES:
        words = words[:-1]  # a headline's "Obama Says ..." tagged as one name
    return words


def leading_role(text: str) -> str | None:
    """The role words a name was given inside it ("Superintendent" of "Superintendent Alan
    Frost"), as a title."""
    words = text.split()
    k = 0
    while len(words) - k > 2 and fold_accents(words[k]) in ROLE_WORDS:
        k += 1
    return " ".join(words[:k]) or None




_TITLE_WORD = re.compile(r"[^\W\d_][\w’'-]*|,")


def title_heads(title: str) -> set[str]:
    """The nouns that head a title, which "the <noun>" can stand for: the last word before
    any complement ("founder and president of Lakefront Brewery" -> president, and founder
    for the coordinated role; "a spokesman for the agency" -> spokesman; "Ontario's premier"
    -> premier)."""
    words = [w.lower() for w in _TITLE_WORD.findall(fold_accents(title))]
    cut = next((i for i, w in enumerate(words) if w in TITLE_COMPLEMENT_WORDS), len(words))
    words = [re.sub(r"[’']s$", "", w) for w in words[:cut]]
    if not words:
        return set()
    heads = {words[-1]}
    for i, w in enumerate(words[:-1]):
        if words[i + 1] in TITLE_COORDINATORS and w in ROLE_WORDS:
            heads.add(w)  # "founder and president", "chair and chief executive"
    return heads


def org_head(name: str) -> str | None:
    """The noun that heads an organisation's name, which "the <noun>" can stand for: the
    last word before any complement ("Ontario Civilian Police Commission" -> commission,
    "International Union of Operating Engineers" -> union, "Bank of Canada" -> bank)."""
    words = [w.lower() for w in _TITLE_WORD.findall(fold_accents(name)) if w != ","]
    cut = next((i for i, w in enumerate(words) if w in TITLE_COMPLEMENT_WORDS), len(words))
    return words[cut - 1] if cut else None


def titled_person(text: str) -> tuple[str, str] | None:
    """An "organisation" the model tagged that is a title and a person's name ("Hereditary
    Chief Na'moks", "Councillor Rosa Vane"): (title, name), or None. The name is the one to
    three capitalised words after the last title word, none of them an organisation's, the
    last no place's ("Imam Khomeini International Airport")."""
    words = text.split()
    r = max((i for i, w in enumerate(words[:-1])
             if fold_accents(w).lower().rstrip(".") in (HONORIFICS | ROLE_WORDS) - NAME_OPENING_TITLES),
            default=-1)
    rest = words[r + 1:]
    if r < 0 or not 1 <= len(rest) <= 3 or \
            any(not w[:1].isupper() or fold_accents(w).lower().strip(".,") in ORG_WORDS
                or w.endswith(("'s", "’s")) for w in rest) or \
            fold_accents(rest[-1]).lower().strip(".,") in PLACE_NAME_WORDS:  # "Imam X Airport"
        return None
    return " ".join(words[:r + 1]), " ".join(rest)


def is_surname_alone(words: list[str]) -> bool:
    """A name that opens with a surname's particle is a surname alone ("Al Basha", "van der
    Berg"), not a first name and a surname."""
    return len(words) >= 2 and fold_accents(words[0]).lower() in SURNAME_PARTICLES


def surname_of(short: list[str], full: list[str]) -> bool:
    """`short` is the many-word surname that `full` ends with ("Al Basha" of "Abir Al Basha")."""
    return is_surname_alone(short) and len(full) > len(short) and \
        [w.lower() for w in full[-len(short):]] == [w.lower() for w in short]


def initials_match(a: str, b: str) -> bool:
    return (len(a) <= 2 and b.startswith(a.rstrip("."))) or (len(b) <= 2 and a.startswith(b.rstrip(".")))


def role_before(ent: Any) -> bool:
    """"economist Philip Cross": a lower-case role or person noun that modifies a name of two
    or three capitalised words, none an organisation's word, says the name is a person's."""
    if ent.start == 0 or not 2 <= len(ent) <= 3:
        return False
    prev = ent.doc[ent.start - 1]
    return prev.text.islower() and (prev.lower_ in ROLE_WORDS or prev.lower_ in PERSON_NOUNS) \
        and prev.dep_ == "compound" and prev.head.i == ent.root.i and \
        all(t.is_alpha and t.text[:1].isupper() and fold_accents(t.text).lower() not in ORG_WORDS
            for t in ent)
