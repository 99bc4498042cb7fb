"""What a cue says, when no frame rule read it: its clause after or before it, the sentence a
parenthetical cue sits in, or its object (quoted words after it, a noun phrase, a gerund)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from onrecord.lexicon.grammar import FINITE, SUBJ_DEPS
from onrecord.lexicon.speech import CLAUSE_ONLY, CLAUSE_TAKERS, NP_TAKERS, SPEECH_FORMS, TELLING
from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.cues import addressee_of, is_cue
from onrecord.quotes.found import How
from onrecord.quotes.reported.clause import (
    clause_end,
    fronted_condition,
    misparsed_span,
    object_end,
    tail_cut,
    withheld,
)
from onrecord.quotes.reported.frame import Frame
from onrecord.quotes.reported.said import NOTHING, Outcome, Said, statement
from onrecord.quotes.reported.span import has_marks, sentence_around, trim
from onrecord.quotes.rules import Family


@dataclass(frozen=True)
class Content:
    """What the content rules look at: the cue, its speaker, its clause and object."""

    text: str
    para: Paragraph
    v: Any
    subj: Any
    lemma: str
    clause: Any  # the cue's clause when it is a statement, else None
    obj: Any  # the cue's direct object after it, or None
    first: int | None  # the first token of a clause after the cue; None when there is none
    start: int | None  # `first`, or where a condition fronted before the clause starts


def content_of(f: Frame) -> Content:
    v = f.v
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
    first = start = None
    if f.clause is not None and f.clause.i > v.i:
        first = _clause_start(f, obj)
        start = fronted_condition(v, first)
    return Content(f.text, f.para, v, f.subj, f.lemma, f.clause, obj, first, start)


def _clause_start(f: Frame, obj: Any) -> int:
    """The first token of the clause after the cue, with its subject when the parser made that
    the cue's object, and without a time that is the telling's."""
    clause, doc = f.clause, f.v.doc
    first: int = next(iter(clause.subtree)).i
    if first < f.v.i:  # "fighting what Okafor says is an unfair contract": "what" is the gap
        first = f.v.i + 1
    # "warned the Lions will be ...": the object is the reported clause's subject;
    # "reiterated the commitment to “x” ... should Russia proceed": one clause.
    # "told the Gazette last week the district had ...": the time is the telling's.
    if doc[first].ent_type_ in ("DATE", "TIME"):
        k = first
        while k < clause.i and doc[k].ent_type_ in ("DATE", "TIME"):
            k += 1
        if any(c.dep_ in SUBJ_DEPS and c.i >= k for c in clause.children):
            first = k
    if obj is not None and (_glued_to_subject(f, obj, first) or (
            obj.i < first and f.lemma != "tell" and (
                not any(c.dep_ in SUBJ_DEPS for c in clause.children)
                or has_marks(f.para, f.para.char(obj), f.para.char(clause))))):
        first = obj.left_edge.i
    return _subject_taken(obj, clause, first)


def _glued_to_subject(f: Frame, obj: Any, first: int) -> bool:
    """`said the latest round of Phase I spending required …`: the parser cut the clause's
    subject in two and made its first half the cue's object. An object of a verb that takes
    no addressee, running without a break into the clause's subject, is part of it."""
    doc = f.v.doc
    subj = next((c for c in f.clause.children if c.dep_ in SUBJ_DEPS), None)
    return obj.i < first and f.lemma not in TELLING and obj.pos_ in ("NOUN", "PROPN") and \
        obj.right_edge.i == first - 1 and subj is not None and subj.left_edge.i == first and \
        not doc[first].is_punct and doc[first].lower_ != "that"


def _subject_taken(obj: Any, clause: Any, first: int) -> int:
    """`told the crowd that cuts to education won't help`: the parser read "that cuts ..." as
    a relative clause of the object (a plural noun taken for a verb), leaving the reported
    clause without its subject; the subject starts after that "that"."""
    if obj is None or any(c.dep_ in SUBJ_DEPS for c in clause.children):
        return first
    for r in obj.children:
        words = list(r.subtree)
        if r.dep_ == "relcl" and words[0].lower_ == "that" and words[0].dep_ == "nsubj" \
                and words[-1].i == first - 1 and len(words) > 1:
            return words[1].i
    return first


def _said(c: Content, span: tuple[int, int] | None, *, least: int = 3,
          how: How = How.INDIRECT) -> Outcome:
    return statement(c.text, span, c.v, c.subj, least=least, how=how, addressee=addressee_of(c.v))


def _broken_clause(c: Content) -> Outcome | None:
    """`something he says will boost`: a clause after the cue that opens with its verb and has
    no subject is a relative clause, no statement; but `said presumptive nominee Trump was
    ...`, tagged as a verb, is a clause the parser broke (after a clause-taking cue), and in
    `a lack of leadership he says has left the police without oversight` the cue is itself in
    the relative clause (or in `what she says is a smear`): its subject is the noun the
    clause hangs on, what was said the rest."""
    if c.first is None:
        return None
    lead = c.v.doc[c.first]
    if not (lead.pos_ in ("AUX", "VERB") and lead.dep_ in ("aux", "auxpass", "ccomp")
            and c.first == c.clause.left_edge.i and c.lemma != "ask"
            and not any(x.dep_ in SUBJ_DEPS for x in c.clause.children)):
        return None
    v = c.v
    if (v.dep_ == "relcl" and v.head.i < v.i) or any(
            x.lower_ == "what" and x.i < v.i for x in v.children):  # "what she says is ..."
        return _said(c, trim(c.para, c.first, clause_end(v, c.clause)))
    broken = misparsed_span(c.para, v) if c.lemma in CLAUSE_TAKERS else None
    return NOTHING if broken is None else Said(broken, v, c.subj, addressee=addressee_of(v))


def _participle_cue(c: Content) -> Outcome | None:
    """`Kiedis said, mentioning the album is ...`: a participle of saying opening the clause is
    the cue of what follows it."""
    if c.start is None:
        return None
    lead = c.v.doc[c.start]
    if not (lead.tag_ == "VBG" and lead.lower_ in SPEECH_FORMS and lead.i < c.clause.i):
        return None
    return statement(c.text, trim(c.para, c.start + 1, clause_end(c.v, c.clause)), lead, c.subj)


def _clause(c: Content) -> Outcome | None:
    """`Ortiz said that the pier would reopen`: the clause after the cue, to its end (or the
    sentence's); a clause of a subject and a verb is a statement too (`Flake said he would`)."""
    if c.start is None:
        return None
    if _absolute(c.clause):
        return NOTHING  # "Gillis said, his voice breaking": how he said it
    end = tail_cut(c.v.doc, c.start, clause_end(c.v, c.clause))
    least = 2 if any(x.dep_ in SUBJ_DEPS for x in c.clause.children) else 3
    return _said(c, trim(c.para, c.start, end), least=least)


def _absolute(clause: Any) -> bool:
    """`said, his voice breaking with emotion`: a participle with a subject, no auxiliary and
    no finite verb under it is an absolute phrase about the saying, no reported clause (but in
    "says the native nicknamed “King James” is ..." the finite verb is there, under it or in a
    clause the parser split from it)."""
    return clause.tag_ in ("VBG", "VBN") and \
        any(x.dep_ in SUBJ_DEPS for x in clause.children) and \
        not any(x.dep_ in ("aux", "auxpass") for x in clause.children) and \
        not any(t.tag_ in FINITE for t in clause.subtree) and \
        not any(x.dep_ == "ccomp" and x.i > clause.i for x in clause.head.children)


def _clause_before(c: Content) -> Outcome | None:
    """`The pier will reopen, the mayor said`: the clause before the cue (but not when the cue
    goes on to an infinitive: "..., so she continued to renew it")."""
    if c.clause is None or c.clause.i > c.v.i:
        return None
    if any(x.dep_ == "xcomp" and x.i > c.v.i for x in c.v.children):
        return NOTHING  # no cue of what came before
    toks = list(c.clause.subtree)
    last = toks[-1].i
    if toks[0].i < c.subj.i <= last:
        last = c.subj.left_edge.i - 1  # "..., “was a real eye-opener” Farinloye says"
    return _said(c, trim(c.para, toks[0].i, last))


def _parataxis(c: Content) -> Outcome | None:
    """`The main cloud, NIESR said, was the UK's property market.`: the sentence around a
    parenthetical cue."""
    if c.clause is not None or c.v.dep_ != "parataxis" or c.v.head.i == c.v.i:
        return None
    return _said(c, sentence_around(c.para, c.v))


def _quoted_object(c: Content) -> Outcome | None:
    """`reiterated the commitment to “serious consequences”`, `accused the minister of behaving
    like “schoolboys”`: quoted words after the object make the rest of the sentence mixed."""
    if c.clause is not None or c.obj is None or c.lemma == "tell":
        return None
    if _saying_on(c.obj):
        return NOTHING
    reach = c.v.sent.end - 1 if c.lemma in CLAUSE_ONLY else list(c.obj.subtree)[-1].i
    if not has_marks(c.para, c.para.char(c.obj), c.para.char_end(c.v.doc[reach])):
        return None
    return _said(c, trim(c.para, c.obj.left_edge.i, c.v.sent.end - 1))


def _noun_phrase(c: Content) -> Outcome | None:
    """`BP announced a 26% rise in profits`: what was said, as a noun phrase, after a cue that
    takes one (but `deny her rival the nomination`, with two objects, is a withholding). Any
    other object decides that nothing was said."""
    if c.clause is not None or c.obj is None or c.lemma == "tell":
        return None
    v, obj = c.v, c.obj
    if _saying_on(obj):
        return NOTHING
    if c.lemma not in NP_TAKERS or obj.pos_ not in ("NOUN", "PROPN") or withheld(v) \
            or sum(x.dep_ in ("dative", "dobj") for x in v.children) != 1:
        return NOTHING
    return _said(c, trim(c.para, obj.left_edge.i, object_end(v, obj)), how=How.NOUN)


def _saying_on(obj: Any) -> bool:
    """`posted a notice saying members would strike`, `wrote a letter to the board stating
    ...`: the object is the medium and carries a participle of saying of its own, whose clause
    is what was said (read at that participle), not the object."""
    return any(x.dep_ == "acl" and x.tag_ == "VBG" and is_cue(x) for x in obj.children)


def _gerund(c: Content) -> Outcome | None:
    """`reported spending $6 million on ads`, `recalled sitting in on focus groups`: a gerund
    right after the cue (one in capitals is a title: "co-wrote Baking With Julia")."""
    if c.clause is not None or c.lemma not in NP_TAKERS or withheld(c.v):
        return None
    doing = next((x for x in c.v.children if x.dep_ == "xcomp" and x.tag_ == "VBG"
                  and x.i == c.v.i + 1), None)
    if doing is None:
        return None
    if doing.text[0].isupper():
        return NOTHING  # "co-wrote Baking With Julia": a title, not a gerund
    return _said(c, trim(c.para, doing.i, list(doing.subtree)[-1].i), how=How.OBJECT)


# The order is the precedence. A clause after the cue decides first, statement or not: a
# verb-initial one with no subject is a relative clause (or a clause the parser broke), a
# participle of saying opening it is the cue of what follows, else it is the statement. Then
# a clause before the cue. With no clause: the sentence around a parenthetical cue; then the
# object, where quoted words after it make the rest of the sentence mixed before it is read as
# a noun phrase (and an object that is no content decides nothing was said, so no gerund is
# looked for); last a gerund.
CONTENT: Family[Content, Outcome] = Family("reported.content", (
    _broken_clause, _participle_cue, _clause, _clause_before,
    _parataxis, _quoted_object, _noun_phrase, _gerund))
