"""Paragraphs of an article: their offsets, parsed Doc, and quoted stretches."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from onrecord.lexicon.speech import COLON_CUES, SPEECH_FORMS
from onrecord.parse.marks import Marked, find_marked, is_abbreviation, uses_single_marks

# "LA CROSSE, Wisc. — ", "WASHINGTON -- ": a place (and date) before the first sentence.
DATELINE = re.compile(r"^[A-Z][\w.'’ ,()-]{0,60}?\s[—–―-]{1,2}\s")
DATELINE_MAX = 65  # characters: the longest text DATELINE can match


def head_text(doc: Any, chars: int = DATELINE_MAX + 1) -> str:
    """The start of a Doc's text, at least `chars` characters of it (all of a shorter Doc),
    without joining the text of every token as `doc.text` does."""
    k = 0
    while k < len(doc) and doc[k].idx < chars:
        k += 1
    return str(doc[:k].text_with_ws) if k < len(doc) else str(doc.text)


@dataclass(slots=True)
class Paragraph:
    """One line of the article: `start` is its offset in the article text, `doc` its parse."""

    index: int
    start: int
    end: int
    doc: Any = None
    marks: list[Marked] = field(default_factory=list)
    caption: bool = False
    parsed: bool = True  # False: only named entities were read (no parse, no sentences)

    def char(self, tok: Any) -> int:
        """Article offset of a token's first character."""
        return self.start + tok.idx

    def char_end(self, tok: Any) -> int:
        """Article offset just past a token."""
        return self.start + tok.idx + len(tok.text)

    def mark_at(self, offset: int) -> Marked | None:
        """The quoted stretch (marks included) that holds article offset `offset`, if any."""
        for m in self.marks:
            lo = m.open_mark if m.open_mark >= 0 else m.start
            hi = m.close_mark + 1 if m.close_mark >= 0 else m.end
            if lo <= offset < hi:
                return m
        return None

    def in_quote(self, tok: Any) -> bool:
        """True when the token lies inside quotation marks (or is one of the marks)."""
        return self.mark_at(self.char(tok)) is not None


# An editorial tag before a paragraph's first sentence (`[Updated]`, `[UPDATE 2 - 3:40 p.m.]`,
# `UPDATE:`, `(Corrected)`): not part of what anyone said, so the paragraph starts after it.
EDIT_TAG = re.compile(
    r"(?:[\[(](?i:updated?|update \d+|corrected|correction|clarified|clarification|breaking|"
    r"developing|exclusive|editor[’']?s note)\b[^\])\n]{0,40}[\])]"
    r"|(?:UPDATED?|UPDATE \d+|CORRECTION|BREAKING|DEVELOPING)(?: \d{1,2}:\d\d(?: [ap]\.?m\.?)?)?"
    r"\s*[:—–]|(?:UPDATED?|UPDATE \d+|BREAKING)\s+-)\s+(?=[\"“‘'«A-Z0-9])")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-empty lines of `text`, leading and trailing spaces and a leading
    editorial tag trimmed."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lo, hi = pos, pos + len(line)
        pos = hi + 1
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        tag = EDIT_TAG.match(text, lo, hi)
        if tag and tag.end() < hi:
            lo = tag.end()
        if hi > lo:
            if spans and soft_break(text, spans[-1], lo):
                spans[-1] = (spans[-1][0], hi)
            else:
                spans.append((lo, hi))
    return spans


# The end of a line that ends its paragraph: sentence punctuation, a colon, a closing mark.
_LINE_END = ".!?:;…”\"'’)]"


def soft_break(text: str, prev: tuple[int, int], lo: int) -> bool:
    """A single line break inside a paragraph (hard-wrapped text, a quote broken over lines):
    the line before ends mid-sentence and the next one goes on in lower case, or the line
    before leaves a quote open that the next one closes before it opens another."""
    plo, phi = prev
    if text[phi:lo].count("\n") != 1:
        return False  # a blank line between them: two paragraphs
    nxt = text[lo]
    if text[phi - 1] not in _LINE_END and (nxt.islower() or nxt.isdigit()):
        return True
    if nxt in "“\"‘'«" or not any(c in text[plo:phi] for c in "“\""):
        return False
    marks = find_marked(text, plo, phi)
    if not marks or marks[-1].close_mark >= 0 or marks[-1].open_mark < 0:
        return False
    line_end = text.find("\n", lo)
    rest = text[lo:line_end if line_end >= 0 else len(text)]
    first = next((c for c in rest if c in "“”\""), "")
    return first == "”" or (first == '"' and not _opens_at(rest, rest.index('"')))


def _opens_at(line: str, i: int) -> bool:
    """A straight double mark at line[i] that opens a quote (after a space or the start)."""
    return i == 0 or line[i - 1].isspace() or line[i - 1] in "([{—–-/:;"


def build_paragraphs(text: str, captions: list[tuple[int, int]]) -> list[Paragraph]:
    """Paragraph objects with their quoted stretches; caption paragraphs are flagged."""
    paras = []
    cap_starts = sorted(captions)
    singles = uses_single_marks(text)
    for i, (lo, hi) in enumerate(split_paragraphs(text)):
        j = bisect_right(cap_starts, (lo, hi + 1)) - 1
        is_cap = j >= 0 and cap_starts[j][0] <= lo and hi <= cap_starts[j][1]
        paras.append(Paragraph(i, lo, hi, marks=find_marked(text, lo, hi, singles=singles),
                               caption=is_cap))
    return paras


_WORD = re.compile(r"[A-Za-z]+")

# A verb of saying, then a colon and words that are not in quotation marks.
COLON_SPEECH = re.compile(r"\b(?:" + "|".join(COLON_CUES) + r")\b[^.:\"“]{0,40}:"
                          r"\s+(?![\"“‘'])\S")

TRANSCRIPT_LABEL = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}:\s+\S")

_BOUNDARY = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘'(A-Z0-9])")


def sentences(text: str, para: Paragraph) -> list[tuple[int, int]]:
    """Cheap sentence spans of a paragraph that never cut inside quotation marks."""
    out = []
    lo = para.start
    for m in _BOUNDARY.finditer(text, para.start, para.end):
        cut = m.start() + 1
        if text[cut:cut + 1] in "\"”’'":
            cut += 1
        if para.mark_at(m.start()) is not None and para.mark_at(cut - 1) is not None:
            continue  # inside a quotation
        if is_abbreviation(text, m.start()):
            continue  # "Ms. Castellano"
        out.append((lo, cut))
        lo = m.end()
    if lo < para.end:
        out.append((lo, para.end))
    return out


def may_hold_speech(text: str, lo: int, hi: int, para: Paragraph, first: bool) -> bool:
    """Whether a sentence can hold a quote: quotation marks, a verb of saying,
    "according to", or a transcript label."""
    chunk = text[lo:hi]
    if any(m.start < hi and lo < m.end for m in para.marks):
        return True
    if first and ":" in chunk[:48]:
        return True
    low = chunk.lower()
    if "according to" in low:
        return True
    return any(w in SPEECH_FORMS for w in _WORD.findall(low))


def segments(text: str, para: Paragraph, also: Any = None,
             ) -> tuple[list[Paragraph], list[tuple[int, int]]]:
    """Split a paragraph into runs of sentences worth parsing (as Paragraph objects with
    their own offsets) and the spans left unparsed; `also(lo, hi)` marks more to parse."""
    keep: list[Paragraph] = []
    skipped: list[tuple[int, int]] = []
    if TRANSCRIPT_LABEL.match(text, para.start, para.end):
        return [para], skipped  # "Name: answer ...": the whole answer is one quote
    run: tuple[int, int] | None = None
    sents = sentences(text, para)
    for n, (lo, hi) in enumerate(sents):
        if may_hold_speech(text, lo, hi, para, n == 0) or (also is not None and also(lo, hi)):
            run = (run[0], hi) if run else (lo, hi)
            if COLON_SPEECH.search(text, lo, hi):
                run = (run[0], para.end)  # `The governor added: It's typical ...` runs on
                break
            continue
        if run:
            keep.append(_sub(para, *run))
            run = None
        skipped.append((lo, hi))
    if run:
        keep.append(_sub(para, *run))
    return keep, [(lo, hi) for lo, hi in skipped if not any(k.start <= lo < k.end for k in keep)]


def _sub(para: Paragraph, lo: int, hi: int) -> Paragraph:
    marks = [m for m in para.marks if lo <= m.start < hi]
    return Paragraph(para.index, lo, hi, marks=marks, caption=para.caption)
