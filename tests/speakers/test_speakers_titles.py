"""A title standing for a person: singular titles resolve, plural groups never do."""
from __future__ import annotations

ARTICLE = (
    "Finance Minister Ana Diaz opened the budget talks in Lisbon on Monday.\n\n"
    "The minister said the deficit would fall below three percent next year.\n\n"
    "Residents association chair Tom Reyes said the new road would split the village.\n\n"
    "The residents said they would block the bulldozers if work began before the vote.\n")


def _speakers(extractor) -> dict[str, str]:
    art = extractor.extract(ARTICLE)
    return {q.text: q.speaker.name for q in art.quotes if q.speaker}


def test_a_singular_title_is_the_person_holding_it(extractor) -> None:
    assert _speakers(extractor)["the deficit would fall below three percent next year"] == "Ana Diaz"


def test_a_plural_title_is_a_group_not_one_person(extractor) -> None:
    got = _speakers(extractor)
    said = next(v for k, v in got.items() if k.startswith("they would block"))
    assert said == "The residents"  # not Tom Reyes, whose title holds the word



def test_a_title_that_ends_a_sentence_names_nobody_after_it(extractor) -> None:
    # "Queen." ends the sentence: "But" is no queen's name, and not the "he" of the quote
    art = extractor.extract(
        "Two singers will compete to become Pop King or Queen. But the charges against the "
        "club were dropped.\n\n\u201cThe fees were never fair,\u201d he said.\n")
    assert "But" not in [e.name for e in art.entities]
    assert [q.speaker.name for q in art.quotes if q.speaker] != ["But"]


def test_a_title_written_short_still_names_the_person_after_it(extractor) -> None:
    art = extractor.extract("Gov. Ana Ruiz spoke to the crowd on Monday.\n\n"
                            "\u201cThe fees were never fair,\u201d she said.\n")
    assert [q.speaker.name for q in art.quotes if q.speaker] == ["Ana Ruiz"]


def test_police_and_service_ranks_written_short_end_no_sentence(extractor):
    text = ('Car found in river\n\nPolice recovered a stolen car from the Elston river on '
            'Tuesday.\n\n"We believe the driver fled on foot," Det. Ana Ruiz said.\n\n'
            '"Keep away from the bridge," Cpl. Mark Devlin said.\n')
    got = [(q.text, q.speaker.name if q.speaker else None) for q in extractor.extract(text).quotes]
    assert ("We believe the driver fled on foot,", "Ana Ruiz") in got
    assert ("Keep away from the bridge,", "Mark Devlin") in got
