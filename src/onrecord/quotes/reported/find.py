"""Reported speech in one paragraph: indirect and mixed quotes hung on a cue verb ("X said
(that) ...", "..., X said.", "..., said X, a professor, ...", "X added: ..."), on "according
to X", or on a claim noun ("Trump's claim that ..."), and how they sit beside the paragraph's
direct quotes and each other."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from onrecord.lexicon.grammar import CONTRASTS
from onrecord.lexicon.people import THIRD_PERSON_SUBJECTS
from onrecord.lexicon.speech import CLAIM_NOUNS
from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.cues import is_cue
from onrecord.quotes.found import Found, How, Kind
from onrecord.quotes.reported.according import according, before_according, is_according_to
from onrecord.quotes.reported.claim import claim
from onrecord.quotes.reported.cue import at_cue
from onrecord.quotes.reported.parens import within_parentheses
from onrecord.quotes.reported.span import end_before_comma, has_marks, overlap


def find_reported(text: str, para: Paragraph, direct: list[Found]) -> list[Found]:
    """Indirect and mixed speech: a cue verb with a reported clause, or "according to X"."""
    found: list[Found] = []
    taken = [(f.start, f.end) for f in direct]
    at = ((f, tok) for tok in para.doc if not para.in_quote(tok)
          for f in _statements_at(text, para, tok))
    for g, t in at:
        clipped = within_parentheses(text, g)
        if clipped is None:
            continue  # "He gets Augusta (we explained why above)": the aside says nothing of it
        f = clipped
        outer = next((g for g in found if g.start <= para.char(t) < g.end), None)
        if outer is not None and _second_statement(para, outer, f):
            taken.remove((outer.start, outer.end))
            cut = replace(outer, end=_cut_before(para, f.subj))
            found[next(i for i, g in enumerate(found) if g is outer)] = cut
            taken.append((cut.start, cut.end))
        elif f.how == How.ACCORDING and _around_statement(para, t, f, direct, found):
            pass  # "X said Y, according to a poll": the poll reports X's statement
        elif any(overlap(f.start, f.end, a, b) > 0.5 * (f.end - f.start) for a, b in taken):
            continue
        if any(para.char(t) == (d.cue_span[0] if d.cue_span else -1) for d in direct) and \
                any(d.start < f.end and f.start < d.end for d in direct):
            continue
        if any(m.open_mark == f.start - 1 for m in para.marks):
            f = replace(f, start=f.start - 1)  # the clause opens with a quoted fragment
        f = replace(f, kind=Kind.MIXED if has_marks(para, f.start, f.end) else Kind.INDIRECT)
        found.append(f)
        taken.append((f.start, f.end))
    return found


def _statements_at(text: str, para: Paragraph, t: Any) -> list[Found]:
    """The statements hung on token `t`: an "according to", a cue verb or a claim noun."""
    f: Found | None = None
    if is_according_to(para, t):
        f = according(text, para, t)
    elif is_cue(t):
        return [replace(f, end=before_according(para, f)) for f in at_cue(text, para, t)]
    elif t.lower_ in CLAIM_NOUNS and t.pos_ == "NOUN":
        f = claim(text, para, t)
    return [] if f is None else [f]


def _around_statement(para: Paragraph, t: Any, f: Found, direct: list[Found],
                      found: list[Found]) -> bool:
    """An according-phrase closing a sentence whose reported statement ends before it."""
    here = [g for g in direct + found if overlap(f.start, f.end, g.start, g.end)]
    return bool(here) and all(g in found and g.how != "according" and g.end <= para.char(t)
                              for g in here)


def _second_statement(para: Paragraph, outer: Found, f: Found) -> bool:
    """`Rubio suggested A, while Cruz said B`, `According to X, A but Cruz says B`: a second
    speaker's statement, joined to the end of the first one by a conjunction, ends it."""
    subj = f.subj
    if subj is None or f.end > outer.end + 1:
        return False
    k = subj.left_edge.i - 1
    doc = para.doc
    named = subj.pos_ == "PROPN" or subj.lower_ in THIRD_PERSON_SUBJECTS
    return (k > 1 and doc[k].lower_ in CONTRASTS and (doc[k - 1].text == "," or named)
            and para.char(doc[k - 1]) > outer.start + 10
            and subj.i < f.cue.i and f.start > para.char(subj))


def _cut_before(para: Paragraph, subj: Any) -> int:
    """Character end of what comes before `(,) while <subj>`."""
    return end_before_comma(para, subj.left_edge.i - 2)
