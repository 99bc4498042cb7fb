"""A quote as found in one paragraph, before its speaker is resolved: its kind, how it was
found, and the name of the rule that found it."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from onrecord.parse.paragraphs import Paragraph


class Kind(StrEnum):
    """What kind of statement a quote is (DESIGN.md)."""

    DIRECT = "direct"
    MIXED = "mixed"
    INDIRECT = "indirect"


class How(StrEnum):
    """The construction a quote was found in; with the mention kind it sets the confidence."""

    DIRECT = "direct"              # in quotation marks with a cue next to it
    COLON = "colon"                # introduced by a clause ending in a colon
    CONTINUATION = "continuation"  # a quote paragraph with no cue: the previous speaker goes on
    TRANSCRIPT = "transcript"      # `Name: answer`
    INDIRECT = "indirect"          # a cue with a reported clause
    OBJECT = "object"              # a cue with a gerund content, a request, a passive
    NOUN = "noun"                  # a cue with only a noun phrase said: `announced a rise`
    ACCORDING = "according"        # `according to X`
    HEADLINE = "headline"          # a title-case headline `X Says Y`


@dataclass(frozen=True, slots=True)
class Found:
    """A quote as found in one paragraph, before its speaker is resolved to an entity.
    Later stages never change one: they build a new one with `dataclasses.replace`."""

    kind: Kind
    start: int
    end: int
    para: Paragraph
    how: How
    rule: str  # the name of the rule that found it ("direct.quote_then_cue", ...)
    cue: Any = None  # the cue token (spaCy Token) when there is one
    cue_span: tuple[int, int, str] | None = None
    subj: Any = None  # head token of the speaker mention
    label: tuple[int, int, str] | None = None  # transcript label span
    addressee: str | None = None
    borrowed: Paragraph | None = None  # where subj lives when it is another paragraph's
