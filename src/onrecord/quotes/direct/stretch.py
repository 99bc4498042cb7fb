"""A quoted stretch in its sentence: the region around it (from the last sentence end before it
to the next), the words before and after it, and what the DIRECT family reads of them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from onrecord.lexicon.layout import SENTENCE_OPENERS
from onrecord.lexicon.speech import SPEECH_FORMS
from onrecord.parse.marks import Marked, is_abbreviation
from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.direct.cue import belongs_after, cue_with_subject

SENT_END = ".!?"

# Words a full quote may be followed by before its attribution clause.
LEAD_PUNCT = ",;:—–-…"


def tokens_between(para: Paragraph, lo: int, hi: int) -> list[Any]:
    span = para.doc.char_span(max(0, lo - para.start), max(0, hi - para.start),
                              alignment_mode="contract")
    return list(span) if span is not None else []


def region(text: str, para: Paragraph, m: Marked) -> tuple[int, int]:
    """The sentence around a quoted stretch: from the last sentence end before it to the next."""
    opener = m.open_mark if m.open_mark >= 0 else m.start
    lo = para.start
    for other in para.marks:
        other_end = other.close_mark + 1 if other.close_mark >= 0 else other.end
        if other.start < opener and other_end <= opener:
            lo = max(lo, other_end)
    i = opener - 1
    while i >= lo:
        if text[i] in SENT_END and i + 1 < len(text) and text[i + 1].isspace() and \
                not para.mark_at(i) and not is_abbreviation(text, i):
            lo = i + 1
            break
        i -= 1
    closer = m.close_mark if m.close_mark >= 0 else m.end
    hi = para.end
    for other in para.marks:
        if other.open_mark > closer:
            hi = min(hi, other.open_mark)
    inner = text[m.start:m.end].rstrip("”\"'’ ")
    j = closer + 1
    while j < hi:
        if text[j] in SENT_END and not para.mark_at(j) and not is_abbreviation(text, j):
            hi = j + 1
            break
        j += 1
    if inner[-1:] in SENT_END and not _attribution_follows(text, closer + 1, hi):
        return lo, min(hi, closer + 1)  # the quote ends its sentence: `... ever." Three years`
    return lo, hi


def _attribution_follows(text: str, lo: int, hi: int) -> bool:
    """`"Why now?" Davis asked.`: a short clause with a verb of saying after a quote that
    ends in . ? or ! still belongs to it."""
    tail = text[lo:hi]
    words = re.findall(r"[\w’'-]+", tail)
    if words and words[0].lower() in SPEECH_FORMS:  # `?" tweeted Prince Alwaleed, the nephew ...`
        return True
    k = next((k for k, w in enumerate(words[1:4], 1)
              if w.lower() in SPEECH_FORMS and not w.lower().endswith("ing")), 0)
    if k and all(w[:1].isupper() for w in words[:k]) and words[0] not in SENTENCE_OPENERS:
        return True  # `?" Trump said of Apple in February, when ...`; not `." While some say`
    # `!" the presumptive GOP presidential nominee, Donald Trump, tweeted Sunday`
    return 0 < len(words) <= 14 and any(w.lower() in SPEECH_FORMS for w in words[:10])


@dataclass(frozen=True)
class Stretch:
    """One quoted stretch of a paragraph, the context of the DIRECT family: what comes before
    it in its sentence (`before`, `prefix`) and after it (`after`, `suffix`)."""

    text: str
    para: Paragraph
    m: Marked

    @cached_property
    def opener(self) -> int:
        return self.m.open_mark if self.m.open_mark >= 0 else self.m.start

    @cached_property
    def closer(self) -> int:
        return self.m.close_mark if self.m.close_mark >= 0 else self.m.end

    @cached_property
    def region(self) -> tuple[int, int]:
        return region(self.text, self.para, self.m)

    @cached_property
    def prefix(self) -> list[Any]:
        """The tokens of the sentence before the opening mark."""
        return tokens_between(self.para, self.region[0], self.opener)

    @cached_property
    def suffix(self) -> list[Any]:
        """The tokens of the sentence after the closing mark."""
        return tokens_between(self.para, self.closer + 1, self.region[1])

    @cached_property
    def inner(self) -> str:
        return self.text[self.m.start:self.m.end].rstrip()

    @cached_property
    def before(self) -> str:
        return self.text[self.region[0]:self.opener].rstrip()

    @cached_property
    def after(self) -> str:
        return self.text[self.closer + 1:self.region[1]].strip()

    @cached_property
    def ends_like_quote(self) -> bool:
        """The quote ends on punctuation that closes a whole quote (`...,"` `...?"`)."""
        return self.inner[-1:] in ",.?!…—-" if self.inner else False

    @cached_property
    def leads(self) -> bool:
        """The quote closes like a whole one, or punctuation follows it (or nothing does)."""
        return self.ends_like_quote or self.after[:1] in LEAD_PUNCT

    @cached_property
    def words(self) -> int:
        return len(self.text[self.m.start:self.m.end].split())

    @cached_property
    def cue_after(self) -> tuple[Any, Any] | None:
        """The cue and subject after the quote, unless that cue is about what follows it."""
        hit = cue_with_subject(self.suffix, self.para, last=False)
        if hit and belongs_after(self.text, self.para, self.inner, hit[0]):
            return None
        return hit
