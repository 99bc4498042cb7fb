""""He" or "she" stands only for an antecedent that can be a person: not a "person" the
article's own words show to be a thing (a common noun, a name that "its" takes up, a name
the words around call a body: "Kessler stock climbed ... its plan")."""
from __future__ import annotations

from onrecord.speakers.cast import Known
from onrecord.speakers.personhood import can_be_he_or_she

QUOTE = '\n\n"We will not be moving the depot this year," he said.\n'

THING = "Brontex has cut its prices for the third time this year." + QUOTE

PERSON = "Tomas Brill spoke to reporters on Monday." + QUOTE

BODY = ("Prices in the region have held up. "
        "Kessler stock climbed on news of the delay and its plan to cut jobs." + QUOTE)

THING_THEN_PERSON = ("Tomas Brill spoke to reporters on Monday. "
                     "Brontex has cut its prices for the third time this year." + QUOTE)


def _said(extractor, text: str):
    art = extractor.extract(text)
    return next(q for q in art.quotes if q.text.startswith("We will not"))


def test_he_is_not_a_name_that_its_takes_up(extractor) -> None:
    q = _said(extractor, THING)
    assert q.speaker is None or q.speaker.id is None or q.speaker.name != "Brontex"


def test_he_is_not_a_name_the_words_around_call_a_body(extractor) -> None:
    q = _said(extractor, BODY)  # "Kessler stock ... its plan": a company the model called a person
    assert q.speaker is None or q.speaker.id is None or q.speaker.name != "Kessler"


def test_he_still_finds_a_person(extractor) -> None:
    q = _said(extractor, PERSON)
    assert q.speaker is not None and q.speaker.name == "Tomas Brill"


def test_he_passes_over_the_thing_to_the_person_before(extractor) -> None:
    q = _said(extractor, THING_THEN_PERSON)
    assert q.speaker is not None and q.speaker.name == "Tomas Brill"


def _known(name: str, **votes: int) -> Known:
    return Known("p1", name, "person", name.split(), votes=dict(votes))


def test_a_common_noun_at_every_mention_is_no_person() -> None:
    assert not can_be_he_or_she(_known("Coal", **{"common-noun": 1}))
    assert can_be_he_or_she(_known("Coal", **{"common-noun": 1, "proper-noun": 1}))
    assert can_be_he_or_she(_known("Coal", **{"common-noun": 1, "weak-m": 1}))


def test_person_signs_outweigh_its() -> None:
    assert not can_be_he_or_she(_known("Brontex", its=1))
    assert can_be_he_or_she(_known("Brontex", its=1, m=1))
    assert can_be_he_or_she(_known("Tomas Brontex", its=1))  # a clear first name
    assert can_be_he_or_she(_known("Brontex", it=2))  # "Brontex said it was ...": too weak
    assert not can_be_he_or_she(Known("o1", "Brontex", "organization", ["Brontex"]))


def test_a_body_sign_needs_no_person_sign() -> None:
    assert not can_be_he_or_she(_known("Kessler", **{"body-sign": 1}))
    assert can_be_he_or_she(_known("Kessler", **{"body-sign": 1, "weak-m": 1}))
    assert can_be_he_or_she(_known("Anna Kessler", **{"body-sign": 1}))
