"""A headline's claim: "Bernie Sanders Says He's Already Started Writing His Address".

Title case defeats the parser (every word looks like a name), so the one headline shape that
attributes a statement is read by its surface: a short source, a verb of saying, the claim.
"""
from __future__ import annotations

import re
from typing import Any

from onrecord.lexicon.speech import HEADLINE_CUES
from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.found import Found, How, Kind

HEADLINE_WORDS = 25

SHAPE = re.compile(r"(?P<src>[A-Z][^:\n]{0,60}?)\s(?P<cue>" + "|".join(HEADLINE_CUES) +
                   r")\s+(?P<content>\S.{6,}?)[\s.]*$")


def find_headline(text: str, para: Paragraph) -> Found | None:
    """The claim of the article's first line when it is a title-case headline "X Says Y"."""
    if para.index != 0 or para.doc is None:
        return None
    line = text[para.start:para.end]
    words = line.split()
    if not 4 <= len(words) <= HEADLINE_WORDS or not _title_case(words):
        return None
    lead = line.rfind(": ") + 2 if ": " in line else 0  # "The Latest: ..."
    m = SHAPE.match(line, lead)
    if m is None or len(m.group("src").split()) > 6:
        return None
    subj = _last_token(para, para.start + m.end("src"))
    cue_lo, cue_hi = para.start + m.start("cue"), para.start + m.end("cue")
    cue = _last_token(para, cue_hi)
    if subj is None or cue is None:
        return None
    lo, hi = para.start + m.start("content"), para.start + m.end("content")
    kind = Kind.MIXED if any(lo <= mk.start < hi for mk in para.marks) else Kind.INDIRECT
    return Found(kind, lo, hi, para, How.HEADLINE, "headline.says", cue=cue,
                 cue_span=(cue_lo, cue_hi, m.group("cue")), subj=subj)


def _title_case(words: list[str]) -> bool:
    caps = [w for w in words if w[:1].isalpha()]
    return bool(caps) and sum(w[0].isupper() for w in caps) >= 0.7 * len(caps)


def _last_token(para: Paragraph, end: int) -> Any:
    """The token of `para` that ends at article offset `end`."""
    for tok in para.doc:
        if para.char_end(tok) == end:
            return tok
    return None
