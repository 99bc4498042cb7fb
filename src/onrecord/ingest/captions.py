"""Photo captions and link lines: lines describing a picture (or pointing to another story or
video), kept in the text but marked so no quote is taken from them."""
from __future__ import annotations

import re

from onrecord.lexicon.pages import PHOTO_CREDITS

# A caption opens with a photo phrase, or closes with a photo credit.
_OPENERS = re.compile(
    r"^\s*(?:in (?:this|these|a) (?:\w+ )?(?:photos?|images?|pictures?|file photo|handout photo|"
    r"photograph|video grab|screen ?(?:shot|grab))\b|(?:this|a) (?:\w+ )?(?:photo|image|picture)"
    r" (?:provided|released|taken|shows)\b|(?:file )?photo:|image:|caption:|image caption\b|"
    r"pictured:|file ?[-–—] |\(?(?:ap|reuters|afp|getty) photo\b|"
    r"(?:getty(?: images)?|ap|reuters|afp|epa)(?:/[\w ]+)*\.?\s*$|"
    r"open this (?:photo|image) in (?:the )?gallery\b)", re.I)
_CREDIT = re.compile(
    r"(?:\((?:[^()]*\b(?:" + "|".join(PHOTO_CREDITS) + r")\b[^()]*)\)|"
    r"(?:photo|photograph|image|credit|picture)s?:\s*[^.]{2,60}|getty images|"
    r"pa (?:wire|media)|ap photo/[^.]{2,60})\s*$", re.I)
# A link to another story or a video: `READ MORE: ...`, `WATCH BELOW: ...`, `Related: ...`.
_LINK_LABEL = re.compile(
    r"^\s*(?:read more|more from \w+|watch(?: below| above| live| more| the video)?|"
    r"related(?: reading| stories| story| articles?| coverage| videos?| links?)?|"
    r"relevant reading|recommended(?: reading)?|further reading|also read|see also|"
    r"(?-i:LISTEN|MORE|READ|VIDEO))\s*[:|]\s*\S", re.I)
# A credit after the caption's last sentence: `(Jane Roe/CBC)`, `( JANE ROE / For The Star )`,
# or bare `Jane Roe/The Canadian Press`; the words on both sides of the slash are capitalised.
_NAME = r"[A-Z][\w.'’&-]*(?:\s+(?:(?:de|da|di|du|van|von|der|la|le|for|the|of|and)\s+)*[A-Z][\w.'’&-]*){0,5}"
_SLASH_CREDIT = re.compile(
    rf"[.!?”\"’')]\s+(?:\(\s*{_NAME}\s*/\s*{_NAME}\s*\)|{_NAME}/{_NAME}(?:/{_NAME})*)\s*$")
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
    return bool(_OPENERS.search(line) or _CREDIT.search(line) or _LINK_LABEL.match(line)
                or _SLASH_CREDIT.search(line))
