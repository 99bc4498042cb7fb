"""The confidence table covers every way a quote can be found."""
from __future__ import annotations

import pytest

from onrecord.quotes.found import How
from onrecord.record.confidence import (
    CONFIDENCE,
    OTHER_WITH_SPEAKER,
    OTHER_WITHOUT_SPEAKER,
    Mention,
    confidence,
)


@pytest.mark.parametrize("how", list(How))
def test_every_way_of_finding_has_a_confidence_row(how: How) -> None:
    assert how in CONFIDENCE, f"How.{how.name} has no row in record/confidence.CONFIDENCE"
    assert CONFIDENCE[how], f"How.{how.name} has an empty row"
    for value in CONFIDENCE[how].values():
        assert 0.0 < value < 1.0


def test_a_named_speaker_of_a_direct_quote_is_the_surest() -> None:
    best = confidence(How.DIRECT, Mention.NAME, True)
    assert all(best >= v for row in CONFIDENCE.values() for v in row.values())


def test_combinations_outside_the_table_fall_back_by_whether_there_is_a_speaker() -> None:
    assert confidence(How.TRANSCRIPT, Mention.PRONOUN, True) == OTHER_WITH_SPEAKER
    assert confidence(How.TRANSCRIPT, Mention.CARRY, False) == OTHER_WITHOUT_SPEAKER
