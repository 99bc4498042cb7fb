"""Interview transcripts: `Name: answer` paragraphs, kept when the label names a known person or repeats."""
from __future__ import annotations

import re

from onrecord.lexicon.sources import NON_SPEAKER_LABELS
from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.found import Found, How, Kind
from onrecord.speakers.cast import Cast


def transcript_answers(cast: Cast, cands: list[Found]) -> list[Found]:
    """Keep "Name: answer" paragraphs whose label is a known person, or that repeat."""
    labels = [f.label[2] for f in cands if f.label]
    keep = []
    for f in cands:
        assert f.label is not None
        name = f.label[2]
        known = cast.lookup_word(name.split()[-1], person_only=True)
        if known is not None or labels.count(name) >= 2:
            keep.append(f)
    return keep


# A transcript answer: "Name: words" at the start of a paragraph.
LABEL = re.compile(r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s+\S")


def find_transcript(text: str, para: Paragraph) -> Found | None:
    """A paragraph "Name: answer" in an interview transcript."""
    body = text[para.start:para.end]
    m = LABEL.match(body)
    if not m:
        return None
    label = m.group(1)
    words = label.lower().replace(".", "").split()
    if not words or words[0] in NON_SPEAKER_LABELS or words[-1] in NON_SPEAKER_LABELS:
        return None
    lo = para.start + m.end(1) + 1
    while lo < para.end and text[lo].isspace():
        lo += 1
    if len(text[lo:para.end].split()) < 3:
        return None
    return Found(Kind.DIRECT, lo, para.end, para, How.TRANSCRIPT, "transcript.label",
                 label=(para.start, para.start + len(label), label))
