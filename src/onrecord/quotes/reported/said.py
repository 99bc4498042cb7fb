"""What a reported-speech rule gives: the statement it found (`Said`), or its decision that
nothing was said (`NOTHING`: the rule's construction is there, but it holds no statement).
Either ends the rule's family (`rules.Family`: the first rule that does not return None wins);
None passes to the next rule."""
from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import Any, TypeAlias

from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.cues import cue_span
from onrecord.quotes.found import Found, How, Kind
from onrecord.quotes.reported.span import words


@dataclass(frozen=True, slots=True)
class Said:
    """A statement: its character span, the cue and speaker tokens, how it was found and who
    was told."""

    span: tuple[int, int]
    cue: Any
    subj: Any
    how: How = How.INDIRECT
    addressee: str | None = None
    also: tuple[int, int] | None = None  # a second statement on the same cue (aside.py)


class Nothing(Enum):
    SAID = "nothing said"


NOTHING = Nothing.SAID
Outcome: TypeAlias = Said | Nothing


def statement(text: str, span: tuple[int, int] | None, cue: Any, subj: Any, *, least: int = 0,
              how: How = How.INDIRECT, addressee: str | None = None) -> Outcome:
    """The statement at `span` when there is one of at least `least` words, else NOTHING."""
    if span is None or words(text, span) < least:
        return NOTHING
    return Said(span, cue, subj, how, addressee)


def founds(para: Paragraph, hit: tuple[str, Outcome] | None) -> list[Found]:
    """Every candidate of a family's result: one, or two when the cue sits between two
    statements (`A, she says, and B`)."""
    f = to_found(para, hit)
    if f is None:
        return []
    said = hit[1] if hit is not None else None
    if isinstance(said, Said) and said.also is not None:
        return [f, replace(f, start=said.also[0], end=said.also[1])]
    return [f]


def to_found(para: Paragraph, hit: tuple[str, Outcome] | None) -> Found | None:
    """The candidate for a family's result (rule name, outcome); None when nothing was said.
    Its kind is decided later, by `find_reported` (mixed when quotation marks open inside)."""
    if hit is None:
        return None
    rule, said = hit
    if not isinstance(said, Said):
        return None
    return Found(Kind.INDIRECT, said.span[0], said.span[1], para, said.how, rule, cue=said.cue,
                 cue_span=cue_span(para, said.cue), subj=said.subj, addressee=said.addressee)
