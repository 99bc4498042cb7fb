"""Reported speech: indirect and mixed quotes hung on a cue verb ("X said (that) ...",
"according to X", "..., X said.", "..., said X, a professor, ...", "X added: ...")."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from onrecord.lexicon.grammar import (
    CONNECTIVES,
    CONTRASTS,
    FINITE,
    FINITE_VERB_TAGS,
    IF_WHETHER,
    QUOTE_CHARS,
    RUN_ON_CONJUNCTIONS,
    SUBJ_DEPS,
    WH,
)
from onrecord.lexicon.people import COMMON_COURTESY_TITLES, SPEAKER_SUBJECTS, THIRD_PERSON_SUBJECTS
from onrecord.lexicon.speech import (
    CLAIM_NOUNS,
    CLAUSE_ONLY,
    CLAUSE_TAKERS,
    NP_TAKERS,
    REQUEST_CUES,
    SHORT_ANSWERS,
    SPEECH_FORMS,
    WH_TAKERS,
    WITHHOLDING,
)
from onrecord.parse.paragraphs import DATELINE, Paragraph
from onrecord.quotes.cues import according_source, addressee_of, cue_lemma, cue_span, is_cue
from onrecord.quotes.found import Found, How, Kind
from onrecord.speakers.subject import subject_of


def find_reported(text: str, para: Paragraph, direct: list[Found]) -> list[Found]:
    """Indirect and mixed speech: a cue verb with a reported clause, or "according to X"."""
    found: list[Found] = []
    taken = [(f.start, f.end) for f in direct]
    for t in para.doc:
        if para.in_quote(t):
            continue
        if t.lower_ == "according" and t.i + 1 < len(para.doc) and para.doc[t.i + 1].lower_ == "to":
            f = _according(text, para, t)
        elif is_cue(t):
            f = _reported(text, para, t)
            if f is not None:
                f = replace(f, end=_before_according(para, f))
        elif t.lower_ in CLAIM_NOUNS and t.pos_ == "NOUN":
            f = _claim(text, para, t)
        else:
            continue
        if f is None:
            continue
        outer = next((g for g in found if g.start <= para.char(t) < g.end), None)
        if outer is not None and _second_statement(para, outer, f):
            taken.remove((outer.start, outer.end))
            cut = replace(outer, end=_cut_before(para, f.subj))
            found[next(i for i, g in enumerate(found) if g is outer)] = cut
            taken.append((cut.start, cut.end))
        elif f.how == How.ACCORDING and _around_statement(para, t, f, direct, found):
            pass  # "X said Y, according to a poll": the poll reports X's statement
        elif any(_overlap(f.start, f.end, a, b) > 0.5 * (f.end - f.start) for a, b in taken):
            continue
        if any(para.char(t) == (d.cue_span[0] if d.cue_span else -1) for d in direct) and \
                any(d.start < f.end and f.start < d.end for d in direct):
            continue
        if any(m.open_mark == f.start - 1 for m in para.marks):
            f = replace(f, start=f.start - 1)  # the clause opens with a quoted fragment
        f = replace(f, kind=Kind.MIXED if _has_marks(text, para, f.start, f.end) else Kind.INDIRECT)
        found.append(f)
        taken.append((f.start, f.end))
    return found


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


def _before_according(para: Paragraph, f: Found) -> int:
    """`... said the turnout is larger, according to the poll.`: the statement ends at the
    comma; the according-phrase is the writer's source for it."""
    t = _sentence_final_according(para, f.start, f.end)
    return f.end if t is None else _end_before_comma(para, t.i - 1)


def _around_statement(para: Paragraph, t: Any, f: Found, direct: list[Found],
                      found: list[Found]) -> bool:
    """An according-phrase closing a sentence whose reported statement ends before it."""
    here = [g for g in direct + found if _overlap(f.start, f.end, g.start, g.end)]
    return bool(here) and all(g in found and g.how != "according" and g.end <= para.char(t)
                              for g in here)


def _second_statement(para: Paragraph, outer: Found, f: Found) -> bool:
    """`Rubio suggested A, while Cruz said B`: a second speaker's statement, joined to the end
    of the first one by a conjunction, ends it."""
    subj = f.subj
    if subj is None or outer.how == "according" or f.end > outer.end + 1:
        return False
    k = subj.left_edge.i - 1
    doc = para.doc
    named = subj.pos_ == "PROPN" or subj.lower_ in THIRD_PERSON_SUBJECTS
    return (k > 1 and doc[k].lower_ in CONTRASTS and (doc[k - 1].text == "," or named)
            and para.char(doc[k - 1]) > outer.start + 10
            and subj.i < f.cue.i and f.start > para.char(subj))


def _cut_before(para: Paragraph, subj: Any) -> int:
    """Character end of what comes before `(,) while <subj>`."""
    return _end_before_comma(para, subj.left_edge.i - 2)


def _end_before_comma(para: Paragraph, k: int) -> int:
    """Character end of token k, or of the token before it when k is a comma."""
    if para.doc[k].text == ",":
        k -= 1
    return para.char_end(para.doc[k])


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _has_marks(text: str, para: Paragraph, lo: int, hi: int) -> bool:
    return any(lo <= (m.open_mark if m.open_mark >= 0 else m.start) < hi for m in para.marks)


def _found(para: Paragraph, span: tuple[int, int], cue: Any, subj: Any,
           how: How = How.INDIRECT, addressee: str | None = None, kind: Kind = Kind.INDIRECT, *,
           rule: str) -> Found:
    """A statement hung on `cue`: its character span, speaker token, how and by which rule
    it was found."""
    return Found(kind, span[0], span[1], para, how, rule, cue=cue,
                 cue_span=cue_span(para, cue), subj=subj, addressee=addressee)


def _reported(text: str, para: Paragraph, v: Any) -> Found | None:
    inverted = _inverted_parenthetical(para, v) or _aside(para, v)
    if inverted is not None:
        subj, lo, hi = inverted
        aside = _outside(para, v.sent, lo, hi)
        if aside is None or len(text[aside[0]:aside[1]].split()) < 3:
            return None
        return _found(para, aside, v, subj, rule="reported.inverted_aside")
    subj = subject_of(v)
    if subj is None and v.tag_ == "VBN":
        return _by_agent(text, para, v)
    if subj is None:
        subj = _sentence_opening_subject(v) or _name_before(v) or _name_in_commas(v) \
            or _earlier_clause_subject(v)
    if subj is None or para.in_quote(subj):
        return None
    lemma = cue_lemma(v)
    if _is_as_clause(v):
        return _as_clause(text, para, v, subj)
    # A clause after the cue before one in front of it ("...: He said he's raised ...").
    clauses = sorted((c for c in v.children if c.dep_ == "ccomp"), key=lambda c: c.i < v.i)
    clause = clauses[0] if clauses else None
    if clause is None:
        clause = _misattached_clause(v)
    if clause is None and lemma == "ask":  # "asked Porter if she had been preparing"
        clause = next((c for c in v.children if c.dep_ == "advcl" and c.i > v.i
                       and c.left_edge.lower_ in IF_WHETHER), None)
    if clause is None and lemma in REQUEST_CUES:
        request = _request(para, v)  # "asked the congregation to stand", "told them not to"
        if request is not None:
            return _found(para, request, v, subj, how=How.OBJECT, rule="reported.request")
    if clause is None and lemma in CLAUSE_TAKERS:
        misparsed = _misparsed_clause(para, v) or _adverbial_clause(para, v)
        if misparsed is not None:
            return _found(para, misparsed, v, subj, addressee=addressee_of(v),
                          rule="reported.misparsed_clause")
    if clause is not None and lemma != "ask" and (
            _is_question(clause) or (_is_wh(clause) and lemma not in WH_TAKERS)):
        clause = None  # "explaining why ...": not a statement ("asked why ..." is reported)
    colon = _colon_content(para, v)
    if colon is not None:
        return _found(para, colon, v, subj, addressee=addressee_of(v), kind=Kind.DIRECT,
                      rule="reported.colon_content")
    if clause is None and lemma == "say":
        answer = _answer(para, v)  # "46 percent of voters said yes", "half said so"
        if answer is not None:
            return _found(para, answer, v, subj, rule="reported.short_answer")
    if clause is None:
        tail = _trailing_attribution(para, v, subj)
        if tail is not None:
            return _found(para, tail, v, subj, addressee=addressee_of(v),
                          rule="reported.trailing_attribution")
    span: tuple[int, int] | None = None
    how = How.INDIRECT
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
    if clause is not None:
        toks = list(clause.subtree)
        if clause.i > v.i:
            first = toks[0].i
            # "warned the Lions will be ...": the object is the reported clause's subject;
            # "reiterated the commitment to “x” ... should Russia proceed": one clause.
            # "told the Gazette last week the district had ...": the time is the telling's.
            if v.doc[first].ent_type_ in ("DATE", "TIME"):
                k = first
                while k < clause.i and v.doc[k].ent_type_ in ("DATE", "TIME"):
                    k += 1
                if any(c.dep_ in SUBJ_DEPS and c.i >= k for c in clause.children):
                    first = k
            if obj is not None and obj.i < first and lemma != "tell" and (
                    not any(c.dep_ in SUBJ_DEPS for c in clause.children)
                    or _has_marks(text, para, para.char(obj), para.char(clause))):
                first = obj.left_edge.i
            if v.doc[first].pos_ in ("AUX", "VERB") and \
                    v.doc[first].dep_ in ("aux", "auxpass", "ccomp") \
                    and first == clause.left_edge.i and lemma != "ask" and \
                    not any(c.dep_ in SUBJ_DEPS for c in clause.children):
                # "something he says will boost": a relative clause, no statement; but "said
                # presumptive nominee Trump was ...", tagged as a verb, is a broken clause
                broken = _misparsed_clause(para, v) if lemma in CLAUSE_TAKERS else None
                if broken is None:
                    return None
                return _found(para, broken, v, subj, addressee=addressee_of(v), rule="reported.broken_clause")
            first = _fronted_condition(v, first)
            lead = v.doc[first]
            if lead.tag_ == "VBG" and lead.lower_ in SPEECH_FORMS and lead.i < clause.i:
                # "Kiedis said, mentioning the album is ...": the participle is the cue
                span = _trim(para, first + 1, _clause_end(v, clause))
                if span is None:
                    return None
                return _found(para, span, lead, subj, rule="reported.participle_cue")
            span = _trim(para, first, _tail_cut(v.doc, first, _clause_end(v, clause)))
        elif any(c.dep_ == "xcomp" and c.i > v.i for c in v.children):
            return None  # "..., so she continued to renew it": no cue of what came before
        else:
            span = _trim(para, toks[0].i, toks[-1].i)
    elif v.dep_ == "parataxis" and v.head.i != v.i:
        # "The main cloud, NIESR said, was the UK's property market."
        sent = v.sent
        inside = {t.i for t in v.subtree}
        keep = [t.i for t in sent if t.i not in inside]
        if keep:
            span = _trim(para, keep[0], keep[-1])
    elif obj is not None and lemma != "tell":
        # "reiterated the commitment to “serious consequences”", "accused the minister of
        # behaving like “schoolboys”": quoted words in what follows the object make it mixed.
        reach = v.sent.end - 1 if lemma in CLAUSE_ONLY else list(obj.subtree)[-1].i
        if _has_marks(text, para, para.char(obj), para.char_end(v.doc[reach])):
            span = _trim(para, obj.left_edge.i, v.sent.end - 1)
        elif lemma in NP_TAKERS and obj.pos_ in ("NOUN", "PROPN") and not _withheld(v) \
                and sum(c.dep_ in ("dative", "dobj") for c in v.children) == 1:
            # "BP announced a 26% rise in profits": what was said, as a noun phrase (but
            # "deny her rival the nomination", with two objects, is a withholding).
            span = _trim(para, obj.left_edge.i, _object_end(v, obj))
            how = How.OBJECT
    elif lemma in NP_TAKERS and not _withheld(v):
        # "reported spending $6 million on ads", "recalled sitting in on focus groups"
        doing = next((c for c in v.children if c.dep_ == "xcomp" and c.tag_ == "VBG"
                      and c.i == v.i + 1), None)
        if doing is not None:
            span = _trim(para, doing.i, list(doing.subtree)[-1].i)
            how = How.OBJECT
    if span is None:
        return None
    # "Jeff Flake said he would.": a clause of a subject and a verb is a statement too.
    least = 2 if clause is not None and clause.i > v.i and any(
        c.dep_ in SUBJ_DEPS for c in clause.children) else 3
    if len(text[span[0]:span[1]].split()) < least:
        return None
    return _found(para, span, v, subj, how=how, addressee=addressee_of(v), rule="reported.clause")


def _answer(para: Paragraph, v: Any) -> tuple[int, int] | None:
    """`said yes`, `said so`, `said the same of Sanders`: a short answer right after the cue."""
    doc = v.doc
    k = v.i + 1
    if k >= v.sent.end:
        return None
    if doc[k].lower_ in SHORT_ANSWERS and doc[k].head.i == v.i and \
            doc[k].dep_ in ("intj", "dobj", "advmod", "attr"):
        return _trim(para, k, k)
    if doc[k].lower_ == "the" and k + 1 < v.sent.end and doc[k + 1].lower_ == "same" and \
            doc[k + 1].head.i == v.i:
        return _trim(para, k, list(doc[k + 1].subtree)[-1].i)
    return None


def _by_agent(text: str, para: Paragraph, v: Any) -> Found | None:
    """A passive cue with its speaker after "by": `Asked by Matt Lauer whether she had ...`,
    `As reported by the Post, investigators found ...`, `The ban was first reported by X`."""
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    src = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if src is None or para.in_quote(src):
        return None
    span: tuple[int, int] | None = None
    if cue_lemma(v) == "ask":
        asked = next((c for c in v.children if c.i > src.i and (
            (c.dep_ == "ccomp" and c.left_edge.lower_ in IF_WHETHER)
            or c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "about"))), None)
        if asked is not None:
            span = _trim(para, asked.left_edge.i, list(asked.subtree)[-1].i)
    elif _is_as_clause(v):
        span = _sentence_around(para, v)
    elif v.dep_ == "ROOT":
        said = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        if said is not None and said.pos_ in ("NOUN", "PROPN"):
            span = _trim(para, said.left_edge.i, list(said.subtree)[-1].i)
    if span is None or len(text[span[0]:span[1]].split()) < 3:
        return None
    return _found(para, span, v, src, how=How.OBJECT, rule="reported.by_agent")


def _object_end(v: Any, obj: Any) -> int:
    """Where a noun-phrase content ends: the phrase, and what the parser hung on the cue after
    it ("announced a concert | in support of Sanders"), up to punctuation or another cue."""
    end = list(obj.subtree)[-1].i
    for t in v.doc[end + 1:v.sent.end]:
        if t.is_punct or t.is_space or is_cue(t):
            break
        end = t.i
    return end


def _withheld(v: Any) -> bool:
    """`have yet to confirm or deny the meeting`, `declined to confirm`, `did not announce`:
    the cue says nothing was said."""
    chain = [v]
    while chain[-1].dep_ in ("xcomp", "conj") and chain[-1].head.i != chain[-1].i and len(chain) < 4:
        chain.append(chain[-1].head)
    return any(t.lower_ in WITHHOLDING or t.dep_ == "neg"
               for c in chain for t in [c, *c.children])


def _is_wh(clause: Any) -> bool:
    """`explained why ...`, `wondered whether ...`: a question, not a statement (but
    `said if he were president, ...` is a conditional statement)."""
    first = clause.left_edge.lower_
    return first in WH and not (first == "if" and any(t.text == "," for t in clause.subtree))


def _aside(para: Paragraph, v: Any) -> tuple[Any, int, int] | None:
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


def _outside(para: Paragraph, sent: Any, lo: int, hi: int) -> tuple[int, int] | None:
    """The sentence without the aside lo..hi (both commas included)."""
    before = _trim(para, sent.start, lo - 1) if lo > sent.start else None
    after = _trim(para, hi + 1, sent.end - 1) if hi + 1 < sent.end else None
    if before and after:
        return before[0], after[1]
    return before or after


def _trailing_attribution(para: Paragraph, v: Any, subj: Any) -> tuple[int, int] | None:
    """`New powers are needed ..., police chiefs have told MPs.`: the attribution closes the
    sentence after a comma, and the words before it are what was said."""
    doc = para.doc
    sent = v.sent
    left = min(subj.left_edge.i, v.i)
    if left - 1 <= sent.start or doc[left - 1].text != "," or cue_lemma(v) in CLAUSE_ONLY:
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
    if any(t.lower_ == "asked" for t in doc[sent.start:sent.start + 2]):
        return None  # "Asked if ..., 46 percent said yes": the question, not the answer
    return _trim(para, sent.start, left - 2)


def _colon_content(para: Paragraph, v: Any) -> tuple[int, int] | None:
    """`The governor added: It's typical ...`: words after a cue and a colon, without
    quotation marks, are the speaker's own, to the end of the paragraph."""
    doc = para.doc
    k = v.i + 1
    while k < len(doc) and k - v.i <= 8 and doc[k].text != ":" and not doc[k].is_sent_start \
            and doc[k].pos_ not in ("VERB", "AUX"):
        k += 1
    if k >= len(doc) - 1 or doc[k].text != ":" or doc[k + 1].text in QUOTE_CHARS:
        return None
    return _trim(para, k + 1, len(doc) - 1)


def _sentence_opening_subject(v: Any) -> Any:
    """`About 4 in 10 say they want ...`: the parser found no subject, but the sentence opens
    with a noun phrase and then the finite cue with its clause."""
    if v.tag_ not in FINITE_VERB_TAGS or not any(c.dep_ == "ccomp" for c in v.children):
        return None
    before = [t for t in v.sent if t.i < v.i]
    if not before or len(before) > 8 or any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in before):
        return None
    last = before[-1]
    return last if last.pos_ in ("NOUN", "PROPN", "NUM") else None


def _misparsed_clause(para: Paragraph, v: Any) -> tuple[int, int] | None:
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
              and not _goes_on(v, t)]
    if not finite:
        return None
    return _trim(para, first, sent.end - 1)


def _goes_on(v: Any, t: Any) -> bool:
    """`he added trucks, and, still later, he attacked ...`: a verb conjoined to the cue whose
    subject is a pronoun or the cue's own subject tells what the speaker did next."""
    if t.dep_ != "conj" or t.head.i != v.i:
        return False
    subj = next((c for c in t.children if c.dep_ in SUBJ_DEPS), None)
    own = next((c for c in v.children if c.dep_ in SUBJ_DEPS), None)
    return subj is not None and (subj.lower_ in SPEAKER_SUBJECTS
                                 or (own is not None and subj.lower_ == own.lower_))


def _is_as_clause(v: Any) -> bool:
    """`As X noted, ...`, `..., as he said`: the cue heads an adverbial clause marked "as"."""
    return v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children)


def _sentence_around(para: Paragraph, v: Any) -> tuple[int, int] | None:
    """The sentence of `v` without `v`'s own subtree."""
    inside = {t.i for t in v.subtree}
    keep = [t.i for t in v.sent if t.i not in inside]
    return _trim(para, keep[0], keep[-1]) if keep else None


def _as_clause(text: str, para: Paragraph, v: Any, subj: Any) -> Found | None:
    """`As The Atlantic recently noted, trust in government is collapsing`, `..., as he said`:
    the sentence the short as-clause hangs on is what was said."""
    if len(list(v.subtree)) > 10 or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in v.children):
        return None  # "as he said he would", "as she told the committee in May"
    span = _sentence_around(para, v)
    if span is None or len(text[span[0]:span[1]].split()) < 4:
        return None
    return _found(para, span, v, subj, rule="reported.as_clause")


def _adverbial_clause(para: Paragraph, v: Any) -> tuple[int, int] | None:
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
        return _trim(para, subj.left_edge.i, _clause_end(v, c))
    return None


def _before_adverbs(v: Any) -> int:
    """Index of the token before a cue, past adverbs ("Kasich then says", "Warren also said")."""
    k = v.i - 1
    while k > v.sent.start and v.doc[k].pos_ == "ADV":
        k -= 1
    return k


def _name_before(v: Any) -> Any:
    """`... at the party convention Sen. Elizabeth Warren (D-MA) said ...`: the parser found no
    subject, but a person's name stands right before the finite cue (a party label between)."""
    if v.tag_ not in FINITE_VERB_TAGS:
        return None
    doc = v.doc
    k = _before_adverbs(v)
    if doc[k].text == ")":
        while k > v.sent.start and doc[k].text != "(" and v.i - k < 8:
            k -= 1
        k -= 1
    if k < v.sent.start or doc[k].ent_type_ != "PERSON" or (doc[k].ent_iob_ == "B" and \
            k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I"):
        return None
    return doc[k]


def _name_in_commas(v: Any) -> Any:
    """`As part of his plea, Marcel Lazar, 44, said that ...`, `..., as Peña Nieto, contradicting
    Trump, said he had ...`: the parser hung the name on the phrase before it; a person's name
    ends the comma-delimited stretch before the cue, or the one before an aside."""
    doc = v.doc
    if v.tag_ not in FINITE_VERB_TAGS or doc[v.i - 1].text != "," or \
            not any(c.dep_ == "ccomp" and c.i > v.i for c in v.children):
        return None
    end = v.i - 1  # the comma closing the stretch
    for _ in range(2):
        k = end - 1
        while k > v.sent.start and doc[k].text != ",":
            k -= 1
        last = doc[end - 1]
        if last.ent_type_ == "PERSON" and last.pos_ == "PROPN":
            return last
        if doc[k].text != "," or end - k > 9:
            return None
        end = k
    return None


def _claim(text: str, para: Paragraph, n: Any) -> Found | None:
    """`Donald Trump's claim that Obama "founded ISIS"`: a statement named by a noun, with its
    owner as the possessive; without an owner there is no source, and no record."""
    owner = next((c for c in n.children if c.dep_ == "poss"), None)
    clause = next((c for c in n.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > n.i
                   and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
                   and any(s.dep_ in SUBJ_DEPS for s in c.children)), None)
    if owner is None or clause is None or para.in_quote(owner):
        return None
    span = _trim(para, clause.left_edge.i, list(clause.subtree)[-1].i)
    if span is None or len(text[span[0]:span[1]].split()) < 3:
        return None
    return _found(para, span, n, owner, how=How.OBJECT, rule="reported.claim_noun")


def _request(para: Paragraph, v: Any) -> tuple[int, int] | None:
    """`asked the congregation to stand to honour Ali`, `told residents not to drink the water`:
    who was asked, and to do what (a request; the guidelines make it optional, PolNeAR counts
    it)."""
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
    todo = next((c for c in v.children if c.dep_ == "xcomp" and obj is not None and c.i > obj.i
                 and any(a.lower_ == "to" for a in c.children)), None)
    if obj is None or todo is None or _withheld(v):
        return None
    return _trim(para, obj.left_edge.i, list(todo.subtree)[-1].i)


def _fronted_condition(v: Any, first: int) -> int:
    """`says no matter what Obama does, his word ...`, `said if elected, she would ...`: an
    adverbial clause between the cue and its clause, parsed as the cue's, belongs to what was
    said."""
    for c in v.children:
        if v.i < c.i < first and c.dep_ in ("advcl", "advmod") and \
                c.left_edge.i == v.i + 1 and list(c.subtree)[-1].i < first and \
                any(t.pos_ in ("VERB", "AUX") for t in c.subtree):
            return c.left_edge.i
    return first


def _earlier_clause_subject(v: Any) -> Any:
    """`Kasich offered the man a job, then says he'll welcome advice`: the parser made the first
    clause a complement of the cue; its subject, a name or pronoun, is the cue's too."""
    doc = v.doc
    k = _before_adverbs(v)
    if doc[k].text != "," and doc[k].pos_ != "CCONJ":
        return None
    for c in v.children:
        if c.dep_ == "ccomp" and c.i < k:
            subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
            if subj is not None and (subj.pos_ == "PROPN" or subj.lower_ in THIRD_PERSON_SUBJECTS):
                return subj
    return None


def _misattached_clause(v: Any) -> Any:
    """`told reporters after the meeting that he respected the decision`: the parser hung the
    that-clause on "meeting" as a relative clause; "that" as a marker (not a pronoun
    subject) with a subject of its own shows it is what was told."""
    for t in v.subtree:
        if t.dep_ == "relcl" and t.i > v.i and t.head.i - v.i <= 10 and \
                any(c.lower_ == "that" and c.dep_ == "mark" for c in t.children) and \
                any(c.dep_ in SUBJ_DEPS and c.lower_ != "that" for c in t.children):
            return t
    return None


def _is_question(clause: Any) -> bool:
    return any(t.text == "?" for t in clause.subtree)


def _tail_cut(doc: Any, first: int, end: int) -> int:
    """A reported clause stops at a semicolon: what follows is a clause of its own ("was not
    intentional; they only learned on Friday ..."), unless quoted words run on past it."""
    for t in doc[first + 3:end]:
        if t.text == ";" and not any(x.text in QUOTE_CHARS for x in doc[t.i:end + 1]):
            return t.i - 1
    return end


def _clause_end(v: Any, clause: Any) -> int:
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
    sent_end = v.sent.end - 1
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


def _trim(para: Paragraph, lo: int, hi: int) -> tuple[int, int] | None:
    """Character span of tokens lo..hi without a leading "that", a dateline ("Marlowe — ")
    or punctuation at the edges."""
    doc = para.doc
    if lo == 0:
        m = DATELINE.match(doc.text)
        if m and m.end() < len(doc.text):
            span = doc.char_span(m.end(), len(doc.text), alignment_mode="expand")
            if span is not None and span.start <= hi:
                lo = span.start
    while lo <= hi and (doc[lo].is_punct or doc[lo].is_space
                        or (doc[lo].lower_ == "that" and doc[lo].dep_ in ("mark", ""))
                        or (doc[lo].dep_ == "cc" and lo == hi)
                        or (doc[lo].text in CONNECTIVES and lo < hi)):
        if doc[lo].text in "“\"‘" and lo < hi:
            break  # keep an opening quotation mark of a mixed fragment
        lo += 1
    while hi >= lo and (doc[hi].is_space or doc[hi].text in ",.;:—–-" or doc[hi].pos_ == "CCONJ"):
        hi -= 1
    if hi < lo:
        return None
    return para.char(doc[lo]), para.char_end(doc[hi])


def _according(text: str, para: Paragraph, t: Any) -> Found | None:
    src = according_source(t)
    if src is None:
        return None
    sent = t.sent
    phrase = sorted({t.i, t.i + 1, *(x.i for x in src.subtree)})
    lo_p, hi_p = phrase[0], phrase[-1]
    if lo_p - sent.start <= 1:  # "According to X, ..."
        span = _trim(para, hi_p + 1, sent.end - 1)
    elif hi_p >= sent.end - 2:  # "..., according to X."
        span = _trim(para, sent.start, lo_p - 1)
    elif t.doc[lo_p - 1].text == "," and t.doc[hi_p + 1].text == ",":
        span = _outside(para, sent, lo_p - 1, hi_p + 1)  # "Fundraising, according to X, has"
    else:
        span = _trim(para, sent.start, lo_p - 1)
    if span is None or len(text[span[0]:span[1]].split()) < 3:
        return None
    return _found(para, span, t, src, how=How.ACCORDING, rule="reported.according_to")
