"""Quotes in quotation marks (direct, split, continued, colon-introduced), each with the cue and
speaker found around it: the DIRECT family (attribution.py) decides for each quoted stretch."""
from __future__ import annotations

import re
from dataclasses import replace

from onrecord.parse.marks import Marked
from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.direct.attribution import DIRECT, Attributed, only_a_title, to_found
from onrecord.quotes.direct.stretch import Stretch
from onrecord.quotes.found import Found, Kind


def find_direct(text: str, para: Paragraph) -> list[Found]:
    """Whole quotes in quotation marks, each with the cue and subject found around it."""
    found: list[Found] = []
    for m in para.marks:
        s = Stretch(text, para, m)
        hit = DIRECT.first(s)
        if hit is not None and isinstance(hit[1], Attributed):
            found.append(to_found(s, hit[0], hit[1]))
    return found


def settle_reported(text: str, para: Paragraph, reported: list[Found]) -> list[Found]:
    """Reported statements beside the quoted stretches: one that is only a quoted title goes
    (see `only_a_title`), and a mixed one ends at a closing mark, never inside a stretch."""
    return [close_fragments(text, para, f) for f in reported if not only_a_title(text, f)]


# `shout, “Build that wall!” and “Go back!”`: a second quoted fragment joined to the first.
_JOINED = re.compile(r"\s+(?:and|or)\s+(?=[“\"‘])")


def close_fragments(text: str, para: Paragraph, f: Found) -> Found:
    """A mixed statement that ends inside a quoted stretch runs to its closing mark (the parser
    cut the sentence inside the quote), and one that ends at a closing mark takes in a quoted
    fragment joined to it by "and" or "or" when that ends the sentence."""
    if f.kind != Kind.MIXED:
        return f
    end = f.end
    for m in para.marks:
        if m.start < end < m.end and m.start > f.start and \
                text[end:m.end].strip(" ,.;:!?…—–-"):
            end = _past_closer(text, m) if m.close_mark >= 0 else m.end
    for m in para.marks:
        if m.close_mark >= 0 and _past_closer(text, m) == end:
            nxt = next((n for n in para.marks if n.open_mark > m.close_mark), None)
            joined = _JOINED.match(text, end)
            if nxt is not None and joined and joined.end() == nxt.open_mark and \
                    nxt.close_mark >= 0 and _ends_sentence(text, para, nxt.close_mark):
                end = _past_closer(text, nxt)
            break
    return f if end == f.end else replace(f, end=end)


def _ends_sentence(text: str, para: Paragraph, close: int) -> bool:
    """The closing mark at `close` ends its sentence (`!”` or `”.` or the paragraph end)."""
    return text[close - 1] in ".!?" or text[close + 1:para.end].lstrip()[:1] in ("", ".", "!", "?")


def _past_closer(text: str, m: Marked) -> int:
    """Just past a stretch's closing mark (two characters for a doubled `''`)."""
    return m.close_mark + (2 if text.startswith("''", m.close_mark) else 1)
