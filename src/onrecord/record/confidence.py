"""Confidence of a quote by how it was found and how its speaker was named."""
from __future__ import annotations

from enum import StrEnum

from onrecord.quotes.found import How


class Mention(StrEnum):
    """How the speaker of a quote is named where the quote is attributed."""

    NAME = "name"              # a proper name ("Jane Roe", "the State Department")
    PRONOUN = "pronoun"        # he, she, it, they, who
    TITLE = "title"            # a title or role standing for a named person ("the minister")
    SOURCE = "source"          # an unnamed or document source as written ("a spokesperson")
    CARRY = "carry"            # no mention: the previous speaker goes on
    UNRESOLVED = "unresolved"  # a mention tied to no one the article introduced


# Confidence by how the quote and its speaker were found (calibrated on the dev articles;
# the unresolved, object and headline rows are set below the rows they weaken, by hand).
CONFIDENCE: dict[How, dict[Mention, float]] = {
    How.DIRECT: {Mention.NAME: 0.95, Mention.PRONOUN: 0.88, Mention.TITLE: 0.85,
                 Mention.SOURCE: 0.85, Mention.UNRESOLVED: 0.5},
    How.COLON: {Mention.NAME: 0.85, Mention.PRONOUN: 0.75},
    How.CONTINUATION: {Mention.CARRY: 0.8},
    How.TRANSCRIPT: {Mention.NAME: 0.85},
    How.INDIRECT: {Mention.NAME: 0.85, Mention.PRONOUN: 0.78, Mention.TITLE: 0.78,
                   Mention.SOURCE: 0.75, Mention.UNRESOLVED: 0.4},
    How.OBJECT: {Mention.NAME: 0.6, Mention.PRONOUN: 0.55, Mention.TITLE: 0.55,
                 Mention.SOURCE: 0.5},
    How.NOUN: {Mention.NAME: 0.6, Mention.PRONOUN: 0.55, Mention.TITLE: 0.55,
               Mention.SOURCE: 0.5},
    How.ACCORDING: {Mention.NAME: 0.85, Mention.SOURCE: 0.8},
    How.HEADLINE: {Mention.NAME: 0.7, Mention.SOURCE: 0.6},
}
# A combination not in the table: with a speaker, without one.
OTHER_WITH_SPEAKER = 0.7
OTHER_WITHOUT_SPEAKER = 0.3


def confidence(how: How, mention: Mention, has_speaker: bool) -> float:
    """The confidence of a quote found by `how` whose speaker is named by `mention`."""
    row = CONFIDENCE[how]  # every way of finding has a row: a KeyError here is a bug
    fallback = OTHER_WITH_SPEAKER if has_speaker else OTHER_WITHOUT_SPEAKER
    return round(row.get(mention, fallback), 2)
