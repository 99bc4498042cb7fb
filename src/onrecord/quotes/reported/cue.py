"""A cue verb and the statement hung on it: the families are tried in the order below, and the
first rule that decides gives the statement (or none) with its name."""
from __future__ import annotations

from typing import Any

from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.found import Found
from onrecord.quotes.reported.aside import ASIDE, Aside
from onrecord.quotes.reported.content import CONTENT, content_of
from onrecord.quotes.reported.frame import FRAME, frame_of
from onrecord.quotes.reported.passive import passive
from onrecord.quotes.reported.said import founds
from onrecord.quotes.reported.speaker import missing_subject
from onrecord.speakers.subject import subject_of


def at_cue(text: str, para: Paragraph, v: Any) -> list[Found]:
    """The statements hung on cue verb `v` ("X said (that) ...", "..., said X, a professor, ...",
    "X added: ..."): none, one, or two around an aside ("A, she says, and B")."""
    # 1. An aside first: for a cue set off by commas the parser's subject and clause are the
    #    host sentence's, not the cue's (aside.py).
    hit = ASIDE.first(Aside(text, para, v))
    if hit is not None:
        return founds(para, hit)
    # 2. A passive cue with no subject: the speaker after "by", or none ("is said to be").
    subj = subject_of(v)
    if subj is None and v.tag_ == "VBN":
        return founds(para, passive(text, para, v))
    # 3. Every other reading needs a speaker outside quotation marks (speaker.py when the
    #    parser found no subject).
    if subj is None:
        subj = missing_subject(v)
    if subj is None or para.in_quote(subj):
        return []
    # 4. How the cue sits in its sentence (frame.py) before what it governs (content.py): an
    #    as-clause, a colon or a request is misread as the cue's clause or object otherwise.
    frame = frame_of(text, para, v, subj)
    return founds(para, FRAME.first(frame) or CONTENT.first(content_of(frame)))
