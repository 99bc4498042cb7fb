"""Repairs applied to article text before extraction (mojibake, boilerplate, junk), and the
captions marked in it; each reported as a Repair with offsets into the repaired text."""
from __future__ import annotations

from onrecord.ingest.boilerplate import find_boilerplate
from onrecord.ingest.captions import find_captions
from onrecord.ingest.edits import apply_edits
from onrecord.ingest.junk import find_junk
from onrecord.ingest.mojibake import find_east_asian_mojibake, find_mojibake
from onrecord.model import Repair

# Each stage sees the text the previous one left: encodings first (the others need readable
# text), then whole lines of page furniture, then junk inside words.
STAGES = (find_mojibake, find_east_asian_mojibake, find_boilerplate, find_junk)


def clean_text(text: str) -> tuple[str, list[Repair]]:
    """Return the repaired text and the repairs made, offsets into the repaired text.

    Captions are not changed: each comes back as a `caption` repair with before == after.
    Line ends are normalised to "\\n" first (not reported).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    repairs: list[Repair] = []
    for stage in STAGES:
        edits = stage(text)
        if edits:
            text, repairs = apply_edits(text, edits, repairs)
    for start, end in find_captions(text):
        cap = text[start:end]
        repairs.append(Repair(kind="caption", start=start, end=end, before=cap, after=cap))
    repairs.sort(key=lambda r: (r.start, r.end))
    return text, repairs
