"""`according to X`: the words of the sentence outside the phrase are X's statement; and a
sentence-final `, according to X` closing a cue's statement, which is cut from it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.cues import according_source
from onrecord.quotes.found import Found, How
from onrecord.quotes.reported.said import Outcome, statement, to_found
from onrecord.quotes.reported.span import end_before_comma, outside, trim
from onrecord.quotes.rules import Family


def is_according_to(para: Paragraph, t: Any) -> bool:
    return t.lower_ == "according" and t.i + 1 < len(para.doc) and para.doc[t.i + 1].lower_ == "to"


@dataclass(frozen=True)
class According:
    """What the according rules look at: the phrase `according to <src>`, tokens lo..hi."""

    text: str
    para: Paragraph
    t: Any  # "according"
    src: Any  # the source's head token
    lo: int
    hi: int

    @property
    def sent(self) -> Any:
        return self.t.sent


def according(text: str, para: Paragraph, t: Any) -> Found | None:
    """The statement an `according to X` at token `t` gives X, if any."""
    src = according_source(t)
    if src is None:
        return None
    phrase = sorted({t.i, t.i + 1, *(x.i for x in src.subtree)})
    hi = _before_subject(src, phrase[-1])
    return to_found(para, ACCORDING.first(According(text, para, t, src, phrase[0], hi)))


def _before_subject(src: Any, hi: int) -> int:
    """Where the phrase really ends when the parser hung the statement's subject on the source
    as an apposition ("According to figures from Statistics Canada, the unemployment rate
    … is more than double"): before that "apposition", if a verb with no subject follows it."""
    doc = src.doc
    if hi + 1 >= len(doc) or doc[hi + 1].pos_ not in ("VERB", "AUX") or \
            any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in doc[hi + 1].children):
        return hi
    for x in src.subtree:
        if x.dep_ == "appos" and x.right_edge.i == hi and doc[x.left_edge.i - 1].text == ",":
            return x.left_edge.i - 2
    return hi


def _said(c: According, span: tuple[int, int] | None) -> Outcome:
    return statement(c.text, span, c.t, c.src, least=3, how=How.ACCORDING)


def _opening(c: According) -> Outcome | None:
    """`According to X, ...`: the rest of the sentence."""
    if c.lo - c.sent.start > 1:
        return None
    return _said(c, trim(c.para, c.hi + 1, c.sent.end - 1))


def _closing(c: According) -> Outcome | None:
    """`..., according to X.`: the sentence before it."""
    if c.hi < c.sent.end - 2:
        return None
    return _said(c, trim(c.para, c.sent.start, c.lo - 1))


def _after_subject(c: According) -> Outcome | None:
    """`Attendance, according to the organisers, has doubled`: set off between a subject and
    its verb (no verb before it, a verb right after it), the phrase opens the statement."""
    doc = c.t.doc
    if doc[c.lo - 1].text != "," or doc[c.hi + 1].text != "," or c.hi + 3 >= c.sent.end or \
            any(t.pos_ in ("VERB", "AUX") for t in doc[c.sent.start:c.lo - 1]):
        return None
    k = c.hi + 2
    if doc[k].pos_ == "ADV":
        k += 1
    if doc[k].pos_ not in ("VERB", "AUX"):
        return None  # "Over the long term, according to X, the rise ...": an adverbial before
    return _said(c, trim(c.para, c.hi + 2, c.sent.end - 1))


def _set_off(c: According) -> Outcome | None:
    """`Fundraising, according to the campaign, has surged`: the sentence around it."""
    doc = c.t.doc
    if doc[c.lo - 1].text != "," or doc[c.hi + 1].text != ",":
        return None
    return _said(c, outside(c.para, c.sent, c.lo - 1, c.hi + 1))


def _mid_sentence(c: According) -> Outcome | None:
    """`Sales rose according to the report in May`: the sentence before it."""
    return _said(c, trim(c.para, c.sent.start, c.lo - 1))


# By where the phrase stands: opening the sentence, closing it, set off by commas inside it
# (right after the subject, or else around a clause), else inside it without commas. Opening
# and closing first: the set-off rules read the tokens on either side of the phrase, which are
# inside the sentence only once the phrase neither opens nor closes it. Whichever applies
# decides, statement or not.
ACCORDING: Family[According, Outcome] = Family("reported.according", (
    _opening, _closing, _after_subject, _set_off, _mid_sentence))


def _sentence_final_according(para: Paragraph, lo: int, hi: int) -> Any:
    """The "according" of a `..., according to X.` closing the sentence, inside lo..hi."""
    doc = para.doc
    for t in doc:
        if not lo < para.char(t) < hi or t.lower_ != "according" or t.i + 2 >= len(doc) \
                or doc[t.i + 1].lower_ != "to" or para.in_quote(t):
            continue
        src = according_source(t)
        if src is not None and max(x.i for x in src.subtree) >= t.sent.end - 2 and \
                any(doc[k].text == "," for k in (t.i - 1, t.i - 2) if k >= 0):
            return t
    return None


def before_according(para: Paragraph, f: Found) -> int:
    """`... said the turnout is larger, according to the poll.`: the statement ends at the
    comma; the according-phrase is the writer's source for it."""
    t = _sentence_final_according(para, f.start, f.end)
    return f.end if t is None else end_before_comma(para, t.i - 1)
