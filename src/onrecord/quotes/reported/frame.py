"""How a cue with a speaker sits in its sentence, read before its clause: the sentence an
as-clause hangs on, a request, a clause the parser broke, words after a colon, a short
answer, or the words before an attribution closing the sentence."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from onrecord.lexicon.grammar import BE_FORMS, QUOTE_CHARS, SUBJ_DEPS
from onrecord.lexicon.sources import EVIDENCE_NOUNS
from onrecord.lexicon.speech import (
    CLAUSE_ONLY,
    CLAUSE_TAKERS,
    INFERENCE_CUES,
    REQUEST_CUES,
    SHORT_ANSWERS,
    WITHHOLDING,
)
from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.cues import addressee_of, cue_lemma
from onrecord.quotes.found import How
from onrecord.quotes.reported.clause import (
    adverbial_span,
    is_as_clause,
    is_wh,
    misparsed_span,
    parsed_clause,
    states,
    withheld,
)
from onrecord.quotes.reported.said import NOTHING, Outcome, Said, statement
from onrecord.quotes.reported.span import sentence_around, trim
from onrecord.quotes.rules import Family


@dataclass(frozen=True)
class Frame:
    """What the frame rules look at: the cue, its speaker and its clause."""

    text: str
    para: Paragraph
    v: Any
    subj: Any
    lemma: str
    parsed: Any  # the cue's clause as parsed (or recovered), None when there is none
    clause: Any  # that clause when it is a statement (not "explaining why ..."), else None


def frame_of(text: str, para: Paragraph, v: Any, subj: Any) -> Frame:
    lemma = cue_lemma(v)
    parsed = parsed_clause(v, lemma)
    clause = parsed if parsed is not None and states(parsed, lemma) else None
    return Frame(text, para, v, subj, lemma, parsed, clause)


def _as_clause(c: Frame) -> Outcome | None:
    """`As The Atlantic recently noted, trust in government is collapsing`, `..., as he said`:
    the sentence the short as-clause hangs on is what was said."""
    if not is_as_clause(c.v):
        return None
    clause = c.clause
    if clause is not None and clause.i > c.v.i and clause.pos_ == "VERB" and \
            any(x.dep_ in SUBJ_DEPS for x in clause.children):
        return None  # "were stymied as staff said they could not talk": "as" is "while"
    if len(list(c.v.subtree)) > 10 or any(x.dep_ in ("ccomp", "xcomp", "dobj") for x in c.v.children):
        return NOTHING  # "as he said he would", "as she told the committee in May"
    return statement(c.text, sentence_around(c.para, c.v), c.v, c.subj, least=4)


def _comparison(c: Frame) -> Outcome | None:
    """`higher than city reports say it is`, `rose faster than analysts said they would`: a cue
    in a comparison measures against what was said, and holds no statement of its own."""
    if any(x.dep_ == "mark" and x.lower_ == "than" for x in c.v.children):
        return NOTHING
    return None


def _pseudo_cleft(c: Frame) -> Outcome | None:
    """`What he would say is that fines seldom work`: a cue in a what-clause that is the
    subject of "is" or "was"; what was said is the complement after the verb."""
    v = c.v
    be = v.head
    if c.parsed is not None or v.dep_ != "csubj" or be.lower_ not in BE_FORMS or be.i < v.i or \
            not any(x.lower_ == "what" and x.i < v.i for x in v.children):
        return None
    comp = next((x for x in be.children if x.i > be.i and x.dep_ in ("ccomp", "attr")), None)
    if comp is None:
        return None
    words = list(comp.subtree)
    first = words[0].i + (1 if words[0].lower_ == "that" else 0)
    span = trim(c.para, first, words[-1].i)
    return statement(c.text, span, v, c.subj, least=2)


def _refusal(c: Frame) -> Outcome | None:
    """`declined to say whether he would run`, `would not say why`, `hard to say how many`:
    a cue that withholds the answer to a question holds no statement (a question asked is
    still reported: "asked whether")."""
    if c.parsed is None or c.lemma == "ask" or not is_wh(c.parsed):
        return None
    v = c.v
    if withheld(v) or (v.dep_ == "xcomp" and v.head.pos_ == "ADJ"):
        return NOTHING
    return None


def _negated(c: Frame) -> Outcome | None:
    """`The president has not said he would veto it`, `refused to say it was a mistake`: a
    cue denied or refused with its clause reports what was not said."""
    if c.parsed is None:
        return None
    return NOTHING if _denied(c.v) else None  # but "could not resist pointing out that ..."


def _denied(v: Any) -> bool:
    """The cue itself is negated ("did not complain") or refused ("declined to say")."""
    return any(x.dep_ == "neg" and x.i < v.i for x in v.children) or (
        v.dep_ == "xcomp" and v.head.i < v.i and v.head.lower_ in WITHHOLDING)


def _evidence(c: Frame) -> Outcome | None:
    """`the figures suggest the economy slowed`, `the poll indicated most voters ...`: a cue
    of inference whose subject is evidence, not a source, holds no statement."""
    if c.lemma in INFERENCE_CUES and c.subj.lower_ in EVIDENCE_NOUNS:
        return NOTHING
    return None


def _request(c: Frame) -> Outcome | None:
    """`asked the congregation to stand to honour Ali`, `told residents not to drink the water`:
    who was asked, and to do what (a request; the guidelines make it optional, PolNeAR counts
    it)."""
    if c.parsed is not None or c.lemma not in REQUEST_CUES:
        return None
    v = c.v
    obj = next((x for x in v.children if x.dep_ == "dobj" and x.i > v.i), None)
    todo = next((x for x in v.children if x.dep_ == "xcomp" and obj is not None and x.i > obj.i
                 and any(a.lower_ == "to" for a in x.children)), None)
    if obj is None or todo is None or withheld(v):
        return None
    span = trim(c.para, obj.left_edge.i, list(todo.subtree)[-1].i)
    return None if span is None else Said(span, v, c.subj, How.OBJECT)


def _misparsed_clause(c: Frame) -> Outcome | None:
    """`said families of victims file lawsuits`, `said after the convention he would not ...`:
    after a clause-taking cue with no clause, the clause the parser broke into an object or
    participle, or hung on the cue as an adverbial."""
    if c.parsed is not None or c.lemma not in CLAUSE_TAKERS:
        return None
    if _denied(c.v):
        return NOTHING  # "did not complain when the ships sailed": nothing was said
    span = misparsed_span(c.para, c.v) or adverbial_span(c.para, c.v)
    return None if span is None else Said(span, c.v, c.subj, addressee=addressee_of(c.v))


def _colon_content(c: Frame) -> Outcome | None:
    """`The governor added: It's typical ...`: words after a cue and a colon, without
    quotation marks, are the speaker's own, to the end of the paragraph."""
    doc, v = c.para.doc, c.v
    if _describes_noun(v):
        return None  # "It was an odd thing to say: ...", "a sentence I'd never write: ..."
    k = v.i + 1
    while k < len(doc) and k - v.i <= 8 and doc[k].text != ":" and not doc[k].is_sent_start \
            and doc[k].pos_ not in ("VERB", "AUX"):
        k += 1
    if k >= len(doc) - 1 or doc[k].text != ":" or doc[k + 1].text in QUOTE_CHARS:
        return None
    span = trim(c.para, k + 1, len(doc) - 1)
    return None if span is None else Said(span, v, c.subj, addressee=addressee_of(v))


def _describes_noun(v: Any) -> bool:
    """The cue is in a clause that describes a noun ("a thing to say", "a sentence I never
    thought I'd write"), not introduced by a relative word ("a letter, which read: ...")."""
    t = v
    while t.head.i != t.i and t.dep_ in ("ccomp", "xcomp", "acl", "relcl"):
        if t.dep_ in ("acl", "relcl"):
            return not any(x.tag_ in ("WDT", "WP") for x in t.subtree)
        t = t.head
    return False


def _short_answer(c: Frame) -> Outcome | None:
    """`46 percent of voters said yes`, `half said so`, `said the same of Sanders`: a short
    answer right after "said"."""
    if c.clause is not None or c.lemma != "say":
        return None
    v = c.v
    doc = v.doc
    k = v.i + 1
    span: tuple[int, int] | None = None
    if k >= v.sent.end:
        return None
    if doc[k].lower_ in SHORT_ANSWERS and doc[k].head.i == v.i and \
            doc[k].dep_ in ("intj", "dobj", "advmod", "attr"):
        span = trim(c.para, k, k)
    elif doc[k].lower_ == "the" and k + 1 < v.sent.end and doc[k + 1].lower_ == "same" and \
            doc[k + 1].head.i == v.i:
        span = trim(c.para, k, list(doc[k + 1].subtree)[-1].i)
    return None if span is None else Said(span, v, c.subj)


def _before_semicolon(c: Frame) -> Outcome | None:
    """`They had two aims, Foster writes; to challenge ...`: a cue closing its statement before
    a semicolon; the clause after the semicolon goes on with what was said."""
    doc, v = c.para.doc, c.v
    sent = v.sent
    left = min(c.subj.left_edge.i, v.i)
    semi = v.i + 1
    if semi >= sent.end - 1 or doc[semi].text != ";" or left - 1 <= sent.start + 2 or \
            doc[left - 1].text != "," or any(t.i > v.i for t in c.subj.subtree):
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[sent.start:left - 1]):
        return None
    before, after = trim(c.para, sent.start, left - 2), trim(c.para, semi + 1, sent.end - 1)
    if before is None:
        return None
    if after is not None and not any(t.pos_ in ("VERB", "AUX") for t in doc[semi + 1:sent.end]):
        after = None
    return Said(before, v, c.subj, addressee=addressee_of(v), also=after)


def _trailing_attribution(c: Frame) -> Outcome | None:
    """`New powers are needed ..., police chiefs have told MPs.`: the attribution closes the
    sentence after a comma, and the words before it are what was said."""
    if c.clause is not None:
        return None
    doc, v = c.para.doc, c.v
    sent = v.sent
    left = min(c.subj.left_edge.i, v.i)
    if left - 1 <= sent.start or doc[left - 1].text != "," or c.lemma in CLAUSE_ONLY:
        return None
    if left - 1 - sent.start < 4:
        return None
    for t in doc[v.i + 1:sent.end]:
        if t.pos_ in ("VERB", "AUX") or t.text in ('"', "“", "”"):
            return None
    if sent.end - v.i > 8:
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[sent.start:left - 1]):
        return None  # "Shortly after the vote, the senator announced ...": no clause before
    if any(t.head.i == v.i and t.dep_ == "advcl" and t.left_edge.i == sent.start and (
            t.tag_ in ("VBN", "VBG") or any(x.dep_ == "mark" for x in t.children))
           for t in doc[sent.start:left - 1]):
        return None  # "Combined with ..., shortfalls add to it", "Although ..., X tell": adverbial
    if any(t.lower_ == "asked" for t in doc[sent.start:sent.start + 2]):
        return None  # "Asked if ..., 46 percent said yes": the question, not the answer
    span = trim(c.para, sent.start, left - 2)
    return None if span is None else Said(span, v, c.subj, addressee=addressee_of(v))


# The order is the precedence. An as-clause first: its cue's clause is no statement of its own
# ("as he said he would"), and it decides unless "as" means "while" (a cue with a full clause
# of its own: "as staff said they could not talk"); so do a comparison ("higher than reports
# say"), a refusal ("declined to say whether"), a denied cue ("has not said he would") and an
# inference from evidence ("the figures suggest"). Then the readings of a cue with no clause
# that take its object (a request before a broken clause: "asked them to leave" is no clause)
# and a pseudo-cleft ("what he would say is that ..."), before a clause the parser broke is
# looked for; a colon after the cue wins over its clause ("added: ..." opens the speaker's own
# words); a short answer only when no clause is left; a semicolon right after a closing cue
# ends the statement before it, whatever the parser made of the clause after it; a closing
# attribution last. Only the as-clause, a comparison, a refusal, a denied cue and evidence
# decide that nothing was said; the others pass to the next rule, and in the end to the cue's
# content (content.py).
FRAME: Family[Frame, Outcome] = Family("reported.frame", (
    _as_clause, _comparison, _refusal, _negated, _evidence, _request, _pseudo_cleft,
    _misparsed_clause, _colon_content,
    _short_answer, _before_semicolon, _trailing_attribution))
