"""The cue's clause: which one it is (or the one the parser misplaced), whether it is a
statement, where it starts and ends; and whether the cue says nothing was said."""
from __future__ import annotations

from typing import Any

from onrecord.lexicon.grammar import (
    FINITE,
    FINITE_VERB_TAGS,
    IF_WHETHER,
    QUOTE_CHARS,
    RUN_ON_CONJUNCTIONS,
    SUBJ_DEPS,
    WH,
    WRITER_CONTRASTS,
)
from onrecord.lexicon.speech import SPEECH_FORMS, WH_TAKERS, WITHHOLDING
from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.cues import is_cue
from onrecord.quotes.reported.span import trim

# -- which clause ---------------------------------------------------------------------------


def parsed_clause(v: Any, lemma: str) -> Any:
    """The cue's clausal complement, or one the parser hung elsewhere; None when there is none."""
    # A clause after the cue before one in front of it ("...: He said he's raised ...").
    clauses = sorted((c for c in v.children if c.dep_ == "ccomp"), key=lambda c: c.i < v.i)
    clause = clauses[0] if clauses else None
    if clause is None:
        clause = misattached_clause(v)
    if clause is None and lemma == "ask":  # "asked Porter if she had been preparing"
        clause = next((c for c in v.children if c.dep_ == "advcl" and c.i > v.i
                       and c.left_edge.lower_ in IF_WHETHER), None)
    return clause


def states(clause: Any, lemma: str) -> bool:
    """The clause is a statement: "explaining why ..." is not (but "asked why ..." is reported)."""
    return lemma == "ask" or not (is_question(clause) or (is_wh(clause) and lemma not in WH_TAKERS))


def misattached_clause(v: Any) -> Any:
    """`told reporters after the meeting that he respected the decision`: the parser hung the
    that-clause on "meeting" as a relative (or adnominal) clause; "that" as a marker (not a
    pronoun subject) with a subject of its own shows it is what was told."""
    for t in v.subtree:
        if t.dep_ in ("relcl", "acl") and t.i > v.i and t.head.i - v.i <= 10 and \
                any(c.lower_ == "that" and c.dep_ == "mark" for c in t.children) and \
                any(c.dep_ in SUBJ_DEPS and c.lower_ != "that" for c in t.children):
            return t
    return None


def is_question(clause: Any) -> bool:
    return any(t.text == "?" for t in clause.subtree)


def is_wh(clause: Any) -> bool:
    """`explained why ...`, `wondered whether ...`: a question, not a statement (but
    `said if he were president, ...` is a conditional statement)."""
    first = clause.left_edge.lower_
    return first in WH and not (first == "if" and any(t.text == "," for t in clause.subtree))


def is_as_clause(v: Any) -> bool:
    """`As X noted, ...`, `..., as he said`: the cue heads an adverbial clause marked "as"."""
    return v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children)


def withheld(v: Any) -> bool:
    """`have yet to confirm or deny the meeting`, `declined to confirm`, `did not announce`:
    the cue says nothing was said."""
    chain = [v]
    while chain[-1].dep_ in ("xcomp", "conj") and chain[-1].head.i != chain[-1].i and len(chain) < 4:
        chain.append(chain[-1].head)
    return any(t.lower_ in WITHHOLDING or t.dep_ == "neg"
               for c in chain for t in [c, *c.children])


# -- a clause the parser broke ---------------------------------------------------------------


def misparsed_span(para: Paragraph, v: Any) -> tuple[int, int] | None:
    """The words after a clause-taking cue when the parser made their start an object or a
    participle: from there to the sentence end, if a finite verb follows and no other cue."""
    doc = v.doc
    sent = v.sent
    first = v.i + 1
    if first < sent.end and doc[first].lower_ == "that":
        first += 1
    if first >= sent.end - 2:
        return None
    head = next((c for c in v.children if c.i > v.i and c.left_edge.i == first
                 and c.dep_ in ("dobj", "xcomp", "advcl", "attr", "oprd", "npadvmod", "nsubj",
                                "ccomp")), None)
    if head is None or doc[first].ent_type_ in ("DATE", "TIME") or doc[first].is_punct \
            or doc[first].pos_ in ("CCONJ", "SCONJ", "ADP") or doc[first].lower_ in WH:
        return None  # "said when she resigned ...", "said but ...": not a broken clause
    rest = doc[first:sent.end]
    if any(t.i != v.i and is_cue(t) for t in rest):
        return None
    finite = [t for t in rest if t.tag_ in FINITE and t.i > head.i
              and not any(a.dep_ in ("relcl", "acl") and a.i >= first for a in [t, *t.ancestors])
              and not _own_clause(v, t)]
    if not finite:
        return None
    return trim(para, first, sent.end - 1)


def _own_clause(v: Any, t: Any) -> bool:
    """`added a goal as the Canucks snapped a streak`, `added 0.4 per cent and the Hang Seng
    rose`, `added trucks, and, still later, he attacked ...`: a verb in a clause of its own
    (marked by "as", "when", ..., or hung on the cue as a conjunct or adverbial) is no part of
    a clause the parser broke."""
    return any(c.dep_ == "mark" for c in t.children) or \
        (t.dep_ in ("conj", "advcl") and t.head.i == v.i)


def adverbial_span(para: Paragraph, v: Any) -> tuple[int, int] | None:
    """`said after the convention he would not accept ...`: the parser made the reported
    clause an adverbial of the cue; one with a subject of its own and no "if", "because" or
    "when" is what was said, from its subject on."""
    for c in v.children:
        if c.dep_ != "advcl" or c.i < v.i or any(m.dep_ == "mark" for m in c.children):
            continue
        subj = next((s for s in c.children if s.dep_ in SUBJ_DEPS and s.i < c.i), None)
        finite = c.tag_ in FINITE or any(a.tag_ in FINITE for a in c.children
                                         if a.dep_ in ("aux", "auxpass"))
        if subj is None or not finite or any(is_cue(t) for t in v.doc[v.i + 1:subj.i]):
            continue
        return trim(para, subj.left_edge.i, clause_end(v, c))
    return None


# -- where it starts and ends ----------------------------------------------------------------


def fronted_condition(v: Any, first: int) -> int:
    """`says no matter what Obama does, his word ...`, `said if elected, she would ...`: an
    adverbial clause between the cue and its clause, parsed as the cue's, belongs to what was
    said."""
    for c in v.children:
        if v.i < c.i < first and c.dep_ in ("advcl", "advmod") and \
                c.left_edge.i == v.i + 1 and list(c.subtree)[-1].i < first and \
                any(t.pos_ in ("VERB", "AUX") for t in c.subtree):
            return c.left_edge.i
    return _fronted_adverbial(v, first)


def _fronted_adverbial(v: Any, first: int) -> int:
    """`says too often, that's not happening`, `said at 7:30 p.m., there were no units`: an
    adverbial right after the cue and set off by a comma before the clause opens the clause:
    an adverb, or a phrase of a clock time or a place (a day is the saying's: "said on
    Monday, ...", and so is a channel: "said in a statement, ...")."""
    doc = v.doc
    comma = first if doc[first].text == "," else first - 1
    if comma < v.i + 2 or doc[comma].text != ",":
        return first
    for c in v.children:
        words = list(c.subtree)
        if words[0].i == v.i + 1 and words[-1].i == comma - 1 and (
                c.dep_ == "advmod" or (c.dep_ in ("prep", "npadvmod") and any(
                    t.ent_type_ in ("TIME", "GPE", "LOC", "FAC") for t in words))):
            return v.i + 1
    return first


def tail_cut(doc: Any, first: int, end: int) -> int:
    """A reported clause stops at a semicolon: what follows is a clause of its own ("was not
    intentional; they only learned on Friday ..."), unless quoted words run on past it."""
    for t in doc[first + 3:end]:
        if t.text == ";" and not any(x.text in QUOTE_CHARS for x in doc[t.i:end + 1]):
            return t.i - 1
    return end


def clause_end(v: Any, clause: Any) -> int:
    """Where a reported clause after the cue ends: the clause, or the sentence end when a
    quoted fragment or coordination runs on past it."""
    end = list(clause.subtree)[-1].i
    for t in clause.subtree:
        if t.i > clause.i and t.tag_ == "VBG" and t.lower_ in SPEECH_FORMS and \
                t.dep_ in ("advcl", "xcomp", "conj") and t.i - 1 > clause.i:
            end = t.i - 1  # "..., saying that ...": a second quote starts here
            break
    second = next((t.i for t in clause.subtree if t.i > clause.i + 1 and t.dep_ == "conj"
                   and is_cue(t) and t.tag_ in FINITE_VERB_TAGS
                   and v.doc[t.i - 1].pos_ == "CCONJ"
                   and not any(c.dep_ in SUBJ_DEPS for c in t.children)), None)
    if second is not None:  # "said A and said B", "said A and predicted B": a second statement
        return min(end, second - 2)
    sent_end = min(_fronted_adverbial_end(v), _concession_start(v, end) - 1)
    # Run on to the sentence end through a conjunct of the clause ("X and is Y").
    for t in v.doc[end + 1:sent_end + 1]:
        if t.head.i == clause.i and t.dep_ in ("conj", "cc"):
            end = max(end, list(t.subtree)[-1].i)
    rest = [t for t in v.doc[end + 1:sent_end + 1] if not t.is_space]
    while rest and rest[-1].is_punct and rest[-1].text not in QUOTE_CHARS:
        rest.pop()
    if rest and not any(is_cue(t) for t in rest):
        words = [t for t in rest if not t.is_punct]
        # `... is “a big problem” but “nobody has the guts”` / `..., but the NYPD overruled it`
        dangling = v.doc[end].pos_ == "CCONJ"  # "... on Monday and | a small number would"
        if any(t.text in QUOTE_CHARS for t in rest) or (
                (dangling or (words and words[0].lower_ in RUN_ON_CONJUNCTIONS)) and
                any(t.pos_ in ("VERB", "AUX") for t in words)):
            end = rest[-1].i
        elif words and not (rest[0].text == "," and words[0].tag_ == "VBG"):
            # what the parser hung on the cue after the clause ("..., because ...") is still
            # the sentence the guidelines take to its end; not a participle (", saying")
            end = rest[-1].i
    return end


def _concession_start(v: Any, end: int) -> int:
    """`said A, while 9 percent found B`, `said A, although it may take days`: where a clause of
    contrast with its own subject, hung on the cue after what was said, begins (else past the
    sentence): the writer's aside, not the speaker's words."""
    for c in v.children:
        if c.dep_ != "advcl" or c.i <= end or not any(s.dep_ in SUBJ_DEPS for s in c.children):
            continue
        mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ in WRITER_CONTRASTS), None)
        if mark is not None and mark.i == c.left_edge.i:
            return int(c.left_edge.i)
    return int(v.sent.end) + 1


def _fronted_adverbial_end(v: Any) -> int:
    """The last token a clause after `v` may run on to: the sentence's, or that of an
    adverbial clause the cue sits in before its main clause ("Although Trump tweeted that
    ..., its inclusion ...": the main clause is not what was tweeted)."""
    t = v
    while t.head.i != t.i:
        if t.dep_ == "advcl" and t.i < t.head.i and any(x.dep_ == "mark" for x in t.children):
            return list(t.subtree)[-1].i
        t = t.head
    return int(v.sent.end) - 1


def object_end(v: Any, obj: Any) -> int:
    """Where a noun-phrase content ends: the phrase, and what the parser hung on the cue after
    it ("announced a concert | in support of Sanders"), up to punctuation or another cue."""
    end = list(obj.subtree)[-1].i
    for t in v.doc[end + 1:v.sent.end]:
        if t.is_punct or t.is_space or is_cue(t):
            break
        end = t.i
    return end
