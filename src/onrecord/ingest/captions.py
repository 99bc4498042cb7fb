"""Photo captions: lines describing a picture, kept in the text but marked so no quote is
taken from them."""
from __future__ import annotations

import re

from onrecord.lexicon.pages import PHOTO_CREDITS

# A caption opens with a photo phrase, or closes with a photo credit.
_OPENERS = re.compile(
    r"^\s*(?:in (?:this|these|a) (?:\w+ )?(?:photos?|images?|pictures?|file photo|handout photo|"
    r"photograph|video grab|screen ?(?:shot|grab))\b|(?:this|a) (?:\w+ )?(?:photo|image|picture)"
    r" (?:provided|released|taken|shows)\b|(?:file )?photo:|image:|caption:|image caption\b|"
    r"pictured:|file ?[-–—] |\(?(?:ap|reuters|afp|getty) photo\b|"
    r"(?:getty(?: images)?|ap|reuters|afp|epa)(?:/[\w ]+)*\.?\s*$)", re.I)
_CREDIT = re.compile(
    r"(?:\((?:[^()]*\b(?:" + "|".join(PHOTO_CREDITS) + r")\b[^()]*)\)|"
    r"(?:photo|photograph|image|credit|picture)s?:\s*[^.]{2,60}|getty images|"
    r"pa (?:wire|media)|ap photo/[^.]{2,60})\s*$", re.I)
CAPTION_MAX_CHARS = 600  # longer lines are prose, whatever they end with


def find_captions(text: str) -> list[tuple[int, int]]:
    """(start, end) of each caption line, without its newline."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        if line.strip() and len(line) <= CAPTION_MAX_CHARS and is_caption(line):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def is_caption(line: str) -> bool:
    """True for a line that reads as a photo caption (opener or trailing credit)."""
    return bool(_OPENERS.search(line) or _CREDIT.search(line))
