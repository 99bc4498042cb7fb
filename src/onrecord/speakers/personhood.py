"""Whether a "person" of the cast can be what "he" or "she" stands for: not one the article's
own words show to be a thing (a common noun, a body that "its" takes up or the words around
call one)."""
from __future__ import annotations

from onrecord.speakers.cast import Known
from onrecord.speakers.genders import first_name_gender


def can_be_he_or_she(k: Known) -> bool:
    """False for a "person" with no sign of being one (no honorific, title, first name or
    he/she of its own) that the parser read as a common noun at every mention ("Coal has
    vanished"), that opens a sentence as a company does ("Kessler stock climbed", "Kessler
    has cut its prices": `given.market_body`), or a one-word one whose own sentence goes on
    with "its" (a lone "it" is too weak: "Trump said it was ...")."""
    if k.kind != "person":
        return False
    v = k.votes
    if any(v.get(g, 0) for g in ("m", "f", "weak-m", "weak-f", "he")) or k.titles or " and " in k.name:
        return True
    if len(k.words) > 1 and first_name_gender(k.words[0]) is not None:
        return True
    if v.get("common-noun", 0) and not v.get("proper-noun", 0):
        return False
    if v.get("body-sign", 0):  # "Kessler stock climbed", "Kessler has cut its prices"
        return False
    return not (len(k.words) == 1 and v.get("its", 0))
