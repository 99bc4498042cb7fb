"""Asides: a cue set off by commas inside the sentence it reports, with its speaker after it
(`..., said Paul King, a consultant, because ...`) or before it (`In the early 1990s, Ms.
Ripert said, when she was ...`). What was said is the sentence without the aside."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from onrecord.lexicon.grammar import CONCESSIVES, FINITE, OWN_CLAUSE_DEPS, SUBJ_DEPS
from onrecord.lexicon.people import COMMON_COURTESY_TITLES
from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.cues import is_cue
from onrecord.quotes.reported.said import Outcome, Said, statement
from onrecord.quotes.reported.span import outside, trim, words
from onrecord.quotes.rules import Family


@dataclass(frozen=True)
class Aside:
    """What the aside rules look at: the article text, the paragraph and the cue verb."""

    text: str
    para: Paragraph
    v: Any


def _inverted(c: Aside) -> Outcome | None:
    """`..., said Paul King, a consultant, because ...`: the speaker after the cue."""
    found = _inverted_parenthetical(c.para, c.v)
    return None if found is None else _around(c, *found)


def _set_off(c: Aside) -> Outcome | None:
    """`In the early 1990s, Ms. Ripert said, when she was ...`: a short `X said` between commas."""
    found = _comma_aside(c.para, c.v)
    return None if found is None else _around(c, *found)


# The inverted aside first: it needs a name (or title) right after the cue, the set-off one a
# comma there, so the two seldom compete; whichever is found decides, statement or not.
ASIDE: Family[Aside, Outcome] = Family("reported.aside", (_inverted, _set_off))


def _around(c: Aside, subj: Any, lo: int, hi: int) -> Outcome:
    """The sentence around the aside lo..hi, when it has three words or more; two statements
    when the aside follows a main clause ("A, she says, and B", "A, she said, especially
    those B": a split attribution, like a split direct quote), one when it sits inside one
    ("The problem, she says, is B", "It is no surprise, she said, that B"); and one before a
    concession, which is the writer's ("A, he said, though he named no one")."""
    sent = c.v.sent
    said = statement(c.text, outside(c.para, sent, lo, hi), c.v, subj, least=3)
    if not isinstance(said, Said) or lo <= sent.start or hi + 1 >= sent.end - 1:
        return said
    before, after = trim(c.para, sent.start, lo - 1), trim(c.para, hi + 1, sent.end - 1)
    doc = c.para.doc
    if before is not None and words(c.text, before) >= 3 and (
            _about_speaker(doc, subj, hi, sent) or _saying_again(doc[hi + 1:sent.end])):
        return replace(said, span=before)  # "A, said Sherman, a grad whose ...": who she is
    if before is not None and doc[hi + 1].lower_ in CONCESSIVES and _main_clause(doc[sent.start:lo]):
        return replace(said, span=before)  # "A, he said, though he named no one": the writer's
    if before is None or after is None or min(words(c.text, before), words(c.text, after)) < 3 \
            or not _main_clause(doc[sent.start:lo]) or not (
                _next_clause(doc[hi + 1:sent.end]) or _adverb_led(doc[hi + 1:sent.end])):
        return said
    return replace(said, span=before, also=after)


def _about_speaker(doc: Any, subj: Any, hi: int, sent: Any) -> bool:
    """`A, said Ana Ruiz, a professor who has studied the port for years.`: everything after
    the aside to the sentence end hangs on the speaker (an apposition, a relative clause too
    long for the aside's own scan); it says who the speaker is, not more of what was said."""
    rest = [t for t in doc[hi + 1:sent.end] if not (t.is_punct or t.is_space)]
    mine = {t.i for t in subj.subtree}
    return bool(rest) and subj.i < hi + 1 and all(t.i in mine for t in rest)


def _saying_again(toks: Any) -> bool:
    """`A, the operator said, adding that B`: a participle of saying right after the aside
    is a second cue, whose own statement B is read at it; A ends before the aside."""
    first = next((t for t in toks if not (t.is_punct or t.is_space)), None)
    return first is not None and first.tag_ == "VBG" and is_cue(first)


def _main_clause(toks: Any) -> bool:
    """The tokens hold a main clause with its own subject: not only a noun phrase ("The main
    worry"), a relative clause ("The problem they face"), a subordinate one ("When asked ...",
    "Even if it fails") or a clause that is a subject ("What he found")."""
    if not len(toks) or toks[0].tag_ in ("WRB", "WP", "WDT") or toks[-1].pos_ in ("VERB", "AUX"):
        return False  # "The reality is, she said, ...": the verb's complement is after
    inside = {t.i for t in toks}
    return any(t.pos_ in ("VERB", "AUX") and t.dep_ in OWN_CLAUSE_DEPS
               and not any(k.dep_ == "mark" for k in t.children)
               and any((k.dep_ in SUBJ_DEPS or k.dep_ == "expl") and k.i in inside
                       for k in t.children) for t in toks)


def _adverb_led(toks: Any) -> bool:
    """`..., especially those still suffering ...`, `..., mostly in the north`: a phrase led by
    an adverb (not a wh-word) that extends the first statement, said in the same breath."""
    return toks[0].pos_ == "ADV" and toks[0].tag_ != "WRB" and len(toks) >= 3


def _next_clause(toks: Any) -> bool:
    """The tokens go on with a clause of their own ("and are meant ...", "as rescuers
    searched ..."): a finite verb at their top, not a phrase hung on the first part ("for how
    ...", "gaining ...", "a consultant who ..."), nor the first part's "that" clause."""
    if toks[0].lower_ == "that":
        return False  # "It is no surprise, she said, that ...": the first part's own clause
    inside = {t.i for t in toks}
    return any(t.head.i not in inside and t.pos_ in ("VERB", "AUX")
               and t.dep_ in (*OWN_CLAUSE_DEPS, "advcl")
               and (t.tag_ in FINITE or any(k.dep_ in ("aux", "auxpass") for k in t.children))
               for t in toks)


def _comma_aside(para: Paragraph, v: Any) -> tuple[Any, int, int] | None:
    """`In the early 1990s, Ms. Ripert said, when she was ...`: a short `X said` set off by
    commas inside the sentence it reports. Returns the speaker token and the aside's range."""
    doc = para.doc
    sent = v.sent
    if v.i + 1 >= sent.end - 1 or doc[v.i + 1].text != ",":
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[v.i + 2:sent.end]):
        return None  # "In her 2003 book, Clinton noted, Living History": no clause after
    k = v.i - 1
    while k > sent.start and (doc[k].pos_ in ("PROPN", "NOUN", "PRON", "DET", "ADJ", "CCONJ", "NUM")
                              or doc[k].text in (".",) or doc[k].pos_ == "ADV"):
        k -= 1
    if doc[k].text != "," or k <= sent.start or v.i - k > 6:
        return None
    words = [t for t in doc[k + 1:v.i] if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not words:
        return None
    return words[-1], k, v.i + 1


def _inverted_parenthetical(para: Paragraph, v: Any) -> tuple[Any, int, int] | None:
    """`..., said Paul King, a consultant, because ...`: the speaker after the cue, set off by
    commas. Returns the speaker token and the token range of the aside."""
    doc = para.doc
    if v.i == 0 or doc[v.i - 1].text != "," or v.i + 1 >= len(doc):
        return None
    nxt = doc[v.i + 1]
    if nxt.pos_ != "PROPN" and not (nxt.lower_ in COMMON_COURTESY_TITLES or nxt.ent_type_ == "PERSON"):
        return None
    if nxt.ent_type_ in ("DATE", "TIME"):
        return None  # "..., McConnell, R-Ky., said Tuesday."
    k = v.i + 1
    while k < v.sent.end and (doc[k].pos_ == "PROPN" or (
            doc[k].text in (".",) and doc[k - 1].lower_ in COMMON_COURTESY_TITLES)):
        k += 1
    subj = doc[k - 1]
    if k < v.sent.end and doc[k].text == ",":
        j = k + 1  # an apposition: ", head of MMS firm Adamind,"
        while j < v.sent.end and doc[j].text not in (",", ".", ";") and j - k < 14:
            j += 1
        if j < v.sent.end and doc[j].text == "," and doc[j - 1].pos_ in ("NOUN", "PROPN"):
            end = j
        elif j >= v.sent.end - 1 and j - k < 14:  # the apposition runs to the sentence end
            end = v.sent.end - 1
        else:
            end = k
    else:
        end = k
    if end < v.sent.end and doc[end].text not in (",", ".", ";", "!", "?"):
        return None
    return subj, v.i - 1, end
