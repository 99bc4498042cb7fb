"""Quotes in quotation marks (direct, split, continued, colon-introduced), each with the cue and
speaker found around it: the DIRECT family (attribution.py) decides for each quoted stretch."""
from __future__ import annotations

from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.direct.attribution import DIRECT, Attributed, only_a_title, to_found
from onrecord.quotes.direct.stretch import Stretch
from onrecord.quotes.found import Found


def find_direct(text: str, para: Paragraph) -> list[Found]:
    """Whole quotes in quotation marks, each with the cue and subject found around it."""
    found: list[Found] = []
    for m in para.marks:
        s = Stretch(text, para, m)
        hit = DIRECT.first(s)
        if hit is not None and isinstance(hit[1], Attributed):
            found.append(to_found(s, hit[0], hit[1]))
    return found


def drop_titles(text: str, reported: list[Found]) -> list[Found]:
    """Reported statements that are more than a quoted title (see `only_a_title`)."""
    return [f for f in reported if not only_a_title(text, f)]
