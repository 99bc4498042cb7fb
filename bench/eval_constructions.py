"""Construction labels for the accuracy breakdown: kind of quote, type of source, paragraphs.

Heuristics on the text alone (no model), the same for every system: see docs/evaluation.md.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from eval_spans import CONTENT_LEAD, Frags, words

OPEN_Q, CLOSE_Q, BOTH_Q = "“«", "”»", '"'
PRONOUNS = frozenset(
    "i me my we us our you your he him his she her it its they them their who one".split())
ORG_WORDS = frozenset("""
    campaign committee department agency administration office party government court council
    commission police network newspaper post times news journal magazine foundation institute
    university group organization organisation company corporation inc union association board
    bureau ministry house senate congress service poll survey center centre fund pac
    media press tribune herald gazette team staff spokesman spokeswoman spokesperson
""".split())


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside double quotation marks; an unclosed quote ends with its paragraph."""
    regions, start = [], None
    for m in re.finditer(r"[\"“”«»]|\n", text):
        ch, i = m.group(), m.start()
        if ch == "\n":
            if start is not None:
                regions.append((start, i))
                start = None
        elif start is None and (ch in OPEN_Q or ch in BOTH_Q):
            start = i + 1
        elif start is not None and (ch in CLOSE_Q or ch in BOTH_Q):
            regions.append((start, i))
            start = None
    if start is not None:
        regions.append((start, len(text)))
    return regions


def kind_of(text: str, content: Frags, regions: Sequence[tuple[int, int]]) -> str:
    """direct (all words quoted), mixed (some) or indirect (none)."""
    ws = words(text, content, drop_lead=CONTENT_LEAD)
    if not ws:
        return "indirect"
    inside = sum(1 for w in ws if any(a <= w < b for a, b in regions))
    return "direct" if inside == len(ws) else "mixed" if inside else "indirect"


def source_type(mention: str | None) -> str:
    """none, pronoun, organisational, named or nominal (a heuristic on the mention's words)."""
    if not mention or not mention.strip():
        return "none"
    toks = re.findall(r"[\w.'’&-]+", mention)
    low = [t.lower().strip(".") for t in toks]
    if low and all(t in PRONOUNS for t in low):
        return "pronoun"
    if any(t in ORG_WORDS for t in low) or any(len(t) >= 2 and t.isupper() for t in toks):
        return "organisational"
    if low[0] in ("the", "a", "an") and len(toks) > 1 and toks[1][:1].isupper():
        return "organisational"
    if toks[0][:1].isupper() and low[0] not in ("the", "a", "an", "some", "many", "one"):
        return "named"
    return "nominal"


def paragraph_of(text: str, i: int) -> int:
    return text.count("\n", 0, i)


def constructions(text: str, source: Frags | None, cue: Frags | None, content: Frags | None,
                  regions: Sequence[tuple[int, int]]) -> list[str]:
    """Labels of one gold attribution: kind, source type, and cross-paragraph."""
    labels = []
    if content:
        labels.append(kind_of(text, content, regions))
    src = " ".join(text[x:y] for x, y in source) if source else None
    labels.append("source:" + source_type(src))
    if content and cue and paragraph_of(text, content[0][0]) != paragraph_of(text, cue[0][0]):
        labels.append("cross-paragraph")
    return labels
