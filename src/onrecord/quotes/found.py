"""A quote as found in one paragraph, before its speaker is resolved."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from onrecord.parse.paragraphs import Paragraph


@dataclass(slots=True)
class Found:
    """A quote as found in one paragraph, before its speaker is resolved to an entity."""

    kind: str
    start: int
    end: int
    para: Paragraph
    # direct | colon | continuation | indirect | object | according | headline | transcript | pending
    how: str
    cue: Any = None  # the cue token (spaCy Token) when there is one
    cue_span: tuple[int, int, str] | None = None
    subj: Any = None  # head token of the speaker mention
    label: tuple[int, int, str] | None = None  # transcript label span
    addressee: str | None = None
    borrowed: Paragraph | None = None  # where subj lives when it is another paragraph's
