"""Paragraphs of an article: their offsets, parsed Doc, and quoted stretches."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from onrecord.marks import Marked, find_marked


@dataclass(slots=True)
class Paragraph:
    """One line of the article: `start` is its offset in the article text, `doc` its parse."""

    index: int
    start: int
    end: int
    doc: Any = None
    marks: list[Marked] = field(default_factory=list)
    caption: bool = False

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


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-empty lines of `text`, leading and trailing spaces trimmed."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        lo, hi = pos, pos + len(line)
        pos = hi + 1
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if hi > lo:
            spans.append((lo, hi))
    return spans


def build_paragraphs(text: str, captions: list[tuple[int, int]]) -> list[Paragraph]:
    """Paragraph objects with their quoted stretches; caption paragraphs are flagged."""
    paras = []
    cap_starts = sorted(captions)
    for i, (lo, hi) in enumerate(split_paragraphs(text)):
        j = bisect_right(cap_starts, (lo, hi + 1)) - 1
        is_cap = j >= 0 and cap_starts[j][0] <= lo and hi <= cap_starts[j][1]
        paras.append(Paragraph(i, lo, hi, marks=find_marked(text, lo, hi), caption=is_cap))
    return paras
