"""A pronoun skips a person whose first name is clearly of the other gender when the article
itself shows no gender for them; an unclear first name decides nothing."""
from __future__ import annotations

from onrecord.speakers.genders import first_name_gender

ARTICLE = (
    "Gwen Tarrant has baked bread on Quay Street in Dunmore for twenty years.\n\n"
    "Richard Moss inspected the ovens for the council last spring.\n\n"
    "“We only ever asked for a fair hearing,” she said on Thursday.\n")

# One sentence's pronoun ("her ovens", Tarrant's) does not outweigh a clear first name.
POSSESSIVE = ARTICLE.replace("inspected the ovens", "inspected her ovens")

UNCLEAR = (
    "Gwen Tarrant has baked bread on Quay Street in Dunmore for twenty years.\n\n"
    "Robin Achebe inspected the ovens for the council last spring.\n\n"
    "“We only ever asked for a fair hearing,” she said on Thursday.\n")


def test_first_names_clear_and_unclear() -> None:
    assert first_name_gender("Richard") == "m"
    assert first_name_gender("Wendy") == "f"
    assert first_name_gender("Robin") is None  # borne by many men and many women
    assert first_name_gender("Xq") is None


def test_a_pronoun_skips_a_first_name_of_the_other_gender(extractor) -> None:
    q = next(q for q in extractor.extract(ARTICLE).quotes if q.text.startswith("We only"))
    assert q.speaker is not None and q.speaker.name == "Gwen Tarrant"


def test_an_unclear_first_name_is_not_skipped(extractor) -> None:
    q = next(q for q in extractor.extract(UNCLEAR).quotes if q.text.startswith("We only"))
    assert q.speaker is not None and q.speaker.name == "Robin Achebe"


def test_one_sentence_pronoun_does_not_outweigh_the_first_name(extractor) -> None:
    q = next(q for q in extractor.extract(POSSESSIVE).quotes if q.text.startswith("We only"))
    assert q.speaker is not None and q.speaker.name == "Gwen Tarrant"
