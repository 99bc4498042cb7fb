"""Character spans of what was said: tokens to characters without the edges that are no part
of it, a sentence without an aside or without the cue's own words, and how spans overlap."""
from __future__ import annotations

from typing import Any

from onrecord.lexicon.grammar import CONNECTIVES
from onrecord.parse.paragraphs import DATELINE, Paragraph


def trim(para: Paragraph, lo: int, hi: int) -> tuple[int, int] | None:
    """Character span of tokens lo..hi without a leading "that", a dateline ("Marlowe — ")
    or punctuation at the edges (an opening bracket never ends one)."""
    doc = para.doc
    if lo == 0:
        m = DATELINE.match(para.text)
        if m and m.end() < len(para.text):
            span = doc.char_span(m.end(), len(para.text), alignment_mode="expand")
            if span is not None and span.start <= hi:
                lo = span.start
    while lo <= hi and (doc[lo].is_punct or doc[lo].is_space
                        or (doc[lo].lower_ == "that" and doc[lo].dep_ in ("mark", ""))
                        or (doc[lo].dep_ == "cc" and lo == hi)
                        or (doc[lo].text in CONNECTIVES and lo < hi)):
        if doc[lo].text in "“\"‘" and lo < hi:
            break  # keep an opening quotation mark of a mixed fragment
        lo += 1
    while hi >= lo and (doc[hi].is_space or doc[hi].text in ",.;:—–-([{" or
                        doc[hi].pos_ == "CCONJ"):  # "... was high (according to the clerk)"
        hi -= 1
    if hi < lo:
        return None
    return para.char(doc[lo]), para.char_end(doc[hi])


def outside(para: Paragraph, sent: Any, lo: int, hi: int) -> tuple[int, int] | None:
    """The sentence without the aside lo..hi (both commas included)."""
    before = trim(para, sent.start, lo - 1) if lo > sent.start else None
    after = trim(para, hi + 1, sent.end - 1) if hi + 1 < sent.end else None
    if before and after:
        return before[0], after[1]
    return before or after


def sentence_around(para: Paragraph, v: Any) -> tuple[int, int] | None:
    """The sentence of `v` without `v`'s own subtree."""
    inside = {t.i for t in v.subtree}
    keep = [t.i for t in v.sent if t.i not in inside]
    return trim(para, keep[0], keep[-1]) if keep else None


def end_before_comma(para: Paragraph, k: int) -> int:
    """Character end of token k, or of the token before it when k is a comma."""
    if para.doc[k].text == ",":
        k -= 1
    return para.char_end(para.doc[k])


def words(text: str, span: tuple[int, int]) -> int:
    """How many words of `text` the character span holds."""
    return len(text[span[0]:span[1]].split())


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def has_marks(para: Paragraph, lo: int, hi: int) -> bool:
    """A quotation mark (or a quote without one) opens inside characters lo..hi."""
    return any(lo <= (m.open_mark if m.open_mark >= 0 else m.start) < hi for m in para.marks)
