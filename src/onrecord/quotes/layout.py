"""Layouts across paragraphs: a paragraph ending `X said:` introduces the next; a quote paragraph
left open borrows the next one's attribution."""
from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from typing import Any

from onrecord.lexicon.speech import SPEECH_FORMS
from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.cues import cue_span, is_cue
from onrecord.quotes.found import Found, How, Kind
from onrecord.speakers.subject import subject_of


def borrow_forward(text: str, found: list[Found]) -> list[Found]:
    """A quote paragraph left open continues into the next paragraph's quote, whose
    attribution (`... here," Roberts said.`) names the speaker of both."""
    out = list(found)
    for i, (f, g) in enumerate(pairwise(found)):
        if f.how != How.CONTINUATION or f.subj is not None or g.subj is None or \
                g.kind != Kind.DIRECT:
            continue
        left_open = f.end >= f.para.end - 1 and text[f.end:f.para.end].strip() == ""
        if left_open and g.para.index == f.para.index + 1 and g.start - g.para.start <= 1:
            out[i] = replace(f, subj=g.subj, borrowed=g.para, rule="layout.borrow_forward")
        elif _next_cue_between(text, f, g):
            out[i] = replace(f, subj=g.subj, borrowed=g.para, rule="layout.borrow_next_cue")
    return out


def _next_cue_between(text: str, f: Found, g: Found) -> bool:
    """`“We will fix the roads.” He added, “...”`: the next quote's cue, right after this
    quote in its paragraph, names who said both."""
    if g.para is not f.para or g.cue_span is None or not f.end <= g.cue_span[0] < g.start:
        return False
    return len(text[f.end:g.start].split()) <= 8


LABEL_MAX_WORDS = 8  # a label line is short: `From Chairwoman Jane Roe:`, `Statement by Roe:`


def introduced_forward(text: str, live: list[Paragraph], found: list[Found]) -> list[Found]:
    """`Cruz continued:` or `In a speech last July, he said:` as a paragraph of its own: the
    next paragraph, quoted or not, is what was said, and the cue's subject said it."""
    by_index = {p.index: p for p in live}
    found = list(found)
    first: dict[int, Found] = {}
    last_end: dict[int, int] = {}
    for f in sorted(found, key=lambda f: f.start):
        first.setdefault(f.para.index, f)
        last_end[f.para.index] = max(f.end, last_end.get(f.para.index, -1))
    for p in live:
        if not p.parsed or not text[p.start:p.end].endswith(":"):
            continue
        hit = _introducer(p)
        nxt = by_index.get(p.index + 1)
        if hit is None or nxt is None or nxt.caption:
            continue
        cue, subj = hit
        if cue is not None and last_end.get(p.index, -1) > p.char(cue.sent[0]):
            continue  # the sentence ending in the colon already holds a quote
        g = first.get(nxt.index)
        if g is not None and g.subj is None and g.how == How.CONTINUATION:
            new = replace(g, subj=subj, borrowed=p, cue=cue,
                          cue_span=cue_span(p, cue) if cue is not None else None,
                          how=How.COLON, rule="layout.introduced_forward" if cue is not None
                          else "layout.label_line")
            found[next(i for i, x in enumerate(found) if x is g)] = new
            first[nxt.index] = new
        elif g is None and len(text[nxt.start:nxt.end].split()) >= 4:
            found.append(Found(Kind.DIRECT, nxt.start, nxt.end, nxt, How.COLON,
                               "layout.introduced_paragraph" if cue is not None
                               else "layout.label_line", cue=cue,
                               cue_span=cue_span(p, cue) if cue is not None else None,
                               subj=subj, borrowed=p))
    return found


def _introducer(p: Paragraph) -> tuple[Any, Any] | None:
    """The cue and its subject in a paragraph ending `X said:` (or `Stated Stone:`); for a
    label line (`From Chairwoman Jane Roe:`), no cue and the person named."""
    doc = p.doc
    colon = len(doc) - 1
    words = [t for t in doc[:colon] if not t.is_punct and not t.is_space]
    if 0 < len(words) <= LABEL_MAX_WORDS and not any(
            t.pos_ in ("VERB", "AUX") or t.lower_ in SPEECH_FORMS for t in words):  # "Stated Stone:"
        named = [t for t in words if t.ent_type_ == "PERSON"]
        return (None, named[-1]) if named else None
    for t in reversed(doc[max(0, colon - 8):colon]):
        if not is_cue(t) or p.in_quote(t):
            continue
        subj = subject_of(t)
        if subj is None and t.i == 0 and colon - t.i <= 4 and doc[colon - 1].pos_ == "PROPN":
            subj = doc[colon - 1]  # "Stated Stone:"
        return (t, subj) if subj is not None and not p.in_quote(subj) else None
    return None


def carry_mention(f: Found, prev: Found | None) -> Found | None:
    """A quote with no cue after a quote of its paragraph whose speaker is a mention tied to no
    one (`"A," she said. "B."` with no woman named before): it carries that mention."""
    if f.how != How.CONTINUATION or f.subj is not None or prev is None or prev.subj is None:
        return None
    if f.para.index != prev.para.index or f.start < prev.end:
        return None  # a reply in the next paragraph may be someone else's
    return replace(f, subj=prev.subj, borrowed=prev.borrowed or prev.para,
                   rule="layout.carry_mention")
