"""A known person's surname that the model left untagged at one place is still a mention of
them, so a pronoun after it finds them; a subheading is no such mention."""
from __future__ import annotations

ARTICLE = (
    "Rovers beat the Harbour City Kings 4-2 on Saturday, with winger Tomas Brandt scoring "
    "twice.\n\n"
    "\u201cWe kept the ball and waited for the gaps,\u201d Brandt said.\n\n"
    "Haldorsen has scored four goals since the trade last week. The 24-year-old defender said "
    "his new teammates had made it easy.\n\n"
    "\u201cThey find you in space. You only have to finish,\u201d he said.\n\n"
    "Erik Haldorsen joined Rovers from a second-division side in March.\n")


def test_a_pronoun_finds_an_untagged_surname(extractor) -> None:
    art = extractor.extract(ARTICLE)
    said = next(q for q in art.quotes if q.text.startswith("They find you"))
    assert said.speaker is not None and said.speaker.name.endswith("Haldorsen")
