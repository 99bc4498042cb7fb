"""The publication date an article states about itself (label, dateline, caption)."""
from __future__ import annotations

import re

from onrecord.dates.calendar import FULL_DATES, full_date
from onrecord.lexicon.dates import PUBLICATION_LABELS

_LABEL = re.compile(r"^\s*(?:" + "|".join(PUBLICATION_LABELS) + r")\b"
                    r"[\s:|-]*(?:on\s+)?", re.I)

# A dateline: nothing or a place (upper or title case) before the date, a dash, a time or the
# line's end after it ("OTTAWA, Jan. 18, 2022 -", "Harbour City, Tuesday, March 3, 2026 —",
# "January 18, 2022 3:45 PM").
_DATELINE_HEAD = re.compile(r"^\s*(?:(?:[A-Z][A-Z .'’-]{1,40}|(?:[A-Z][a-z.'’-]+\s){0,3}[A-Z][a-z.'’-]+)"
                            r",?\s*(?:[A-Z][A-Za-z. ]{1,30},?\s*)?"
                            r"(?:\([^)]{1,40}\)\s*)?(?:[-—–]\s*)?)?$")

_DATELINE_TAIL = re.compile(r"^[\s,.]*(?:[—–|-]|$|\d{1,2}[:.]\d\d|at\b|\(|/)", re.I)

PUBLISHED_SCAN_CHARS = 400  # a dateline sits in the first lines


def find_published(text: str) -> str | None:
    """The publication date stated in the text (label, dateline, caption), ISO, or None."""
    from onrecord.ingest.captions import is_caption

    labelled, dateline, captions = [], [], []
    pos = 0
    for line in text.split("\n"):
        for m in sorted((m for rx in FULL_DATES for m in rx.finditer(line)),
                        key=lambda m: m.start()):
            d = full_date(m)
            if d is None:
                continue
            if _LABEL.match(line) and m.start() < 40:
                labelled.append(d)
            elif (pos < PUBLISHED_SCAN_CHARS and _DATELINE_HEAD.match(line[:m.start()])
                  and _DATELINE_TAIL.match(line[m.end():])):
                dateline.append(d)
            elif m.groupdict().get("wd") and is_caption(line):
                captions.append(d)  # AP style: "..., Tuesday, Jan. 18, 2022. (AP Photo)"
        pos += len(line) + 1
    for found in (labelled, dateline):
        if found:
            return found[0].isoformat()
    return max(captions).isoformat() if captions else None
