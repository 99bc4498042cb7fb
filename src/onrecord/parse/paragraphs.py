"""Paragraphs of an article: their offsets, parsed Doc, and quoted stretches."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from onrecord.ingest.junk import zipf
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
    _text: tuple[Any, str] | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The words of `doc` as text, computed once per Doc (spaCy joins every token each
        time `Doc.text` is read)."""
        if self._text is None or self._text[0] is not self.doc:
            self._text = (self.doc, self.doc.text)
        return self._text[1]

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

# A transcript answer's label at a paragraph's start: a name (group 1), perhaps a role after a
# comma or an affiliation in brackets (`SEN. TOM BARKER (R-OH):`, `JANE ROE, MAYOR:`), the
# colon (group 2), words (quotes/transcript.py reads the same pattern).
TRANSCRIPT_LABEL = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})"
                              r"(?: \([^()\n:]{1,40}\)|, [A-Z][^:\n]{1,40})?(:)\s+\S")

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


@dataclass(frozen=True, slots=True)
class Sentence:
    """A cheap sentence of a paragraph: whether it may hold speech, and whether it may name
    a person or an organisation (so the entity recogniser should read it)."""

    start: int
    end: int
    speech: bool
    names: bool


# Spaces, an optional particle and a capitalised word with a lower-case letter: the next
# word of a name, which both name tests below are built from.
_NEXT_NAME_WORD = r"\s+(?:(?:de|van|von|al|bin|da|di|le|la|del|der|of)\s+)?[A-Z][\w'’-]*[a-z]"
# Two capitalised words in a row ("Ana Ruiz", "Mr. Ruiz", "Jan de Vries") or an acronym
# ("BBC"): how a sentence outside speech introduces someone worth the entity recogniser.
MAY_NAME = re.compile(r"\b[A-Z][\w'’-]*\.?" + _NEXT_NAME_WORD + r"|\b[A-Z]{2,}\b")
_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w-]*")
# Two or more capitalised words in a row: "The Carolina Hurricanes", "Jan de Vries".
_NAME_RUN = re.compile(r"\b[A-Z][\w'’-]*\.?(?:" + _NEXT_NAME_WORD + r"[\w'’-]*)+")


COMMON_ZIPF = 5.5  # words at least this frequent in English ("In", "The", "Mr") name no one
RARE_ZIPF = 4.5    # a capitalised word rarer than this in English ("Carson", "Monsanto") may be a name


def name_words(text: str) -> frozenset[str]:
    """Capitalised words of the text's two-word names, common words left out: a sentence
    with one of them ("Ruiz arrived", "After Ana left") may name someone named elsewhere."""
    return frozenset(w for m in _NAME_RUN.finditer(text) for w in _CAPITALISED.findall(m.group())
                     if zipf(w.lower()) < COMMON_ZIPF)


def plan(text: str, para: Paragraph, names: frozenset[str] = frozenset()) -> list[Sentence]:
    """A paragraph's sentences in order. One outside speech may name someone when it has two
    capitalised words in a row, an acronym, a word of `names` (see `name_words`) or a
    capitalised word that is rare in English. A transcript answer ("Name: ..."), and
    everything after a verb of saying and a colon, count as one sentence that may hold speech."""
    if TRANSCRIPT_LABEL.match(text, para.start, para.end):
        return [Sentence(para.start, para.end, True, True)]
    out: list[Sentence] = []
    for n, (lo, hi) in enumerate(sentences(text, para)):
        if may_hold_speech(text, lo, hi, para, n == 0):
            if COLON_SPEECH.search(text, lo, hi):  # `The governor added: It's typical ...`
                out.append(Sentence(lo, para.end, True, True))
                break
            out.append(Sentence(lo, hi, True, True))
        else:
            named = MAY_NAME.search(text, lo, hi) is not None or \
                any(w in names or zipf(w.lower()) < RARE_ZIPF
                    for w in _CAPITALISED.findall(text, lo, hi))
            out.append(Sentence(lo, hi, False, named))
    return out


def runs(sents: list[Sentence], keep: Any) -> list[tuple[bool, list[Sentence]]]:
    """Consecutive sentences grouped by whether `keep(sentence)` holds for them."""
    out: list[tuple[bool, list[Sentence]]] = []
    for s in sents:
        k = bool(keep(s))
        if out and out[-1][0] == k:
            out[-1][1].append(s)
        else:
            out.append((k, [s]))
    return out


def sub_paragraph(para: Paragraph, lo: int, hi: int, parsed: bool = True) -> Paragraph:
    """The part of a paragraph between article offsets `lo` and `hi`, with its quotes."""
    marks = [m for m in para.marks if lo <= m.start < hi] if parsed else []
    return Paragraph(para.index, lo, hi, marks=marks, caption=para.caption, parsed=parsed)
