"""Find quote spans and their cues in parsed paragraphs: direct, split, continued, mixed,
indirect, colon-introduced, "according to" and transcript answers."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from onrecord.lexicon import BELIEF_VERBS, CLAUSE_ONLY, NON_SPEAKER_LABELS, SPEECH_FORMS
from onrecord.marks import Marked, is_abbreviation
from onrecord.paragraphs import Paragraph

SENT_END = ".!?"
SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
RELATIVE = frozenset({"who", "that", "which", "whom"})
# Words a full quote may be followed by before its attribution clause.
LEAD_PUNCT = ",;:—–-…"
# A transcript answer: "Name: words" at the start of a paragraph.
LABEL = re.compile(r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s+\S")


@dataclass(slots=True)
class Found:
    """A quote as found in one paragraph, before its speaker is resolved to an entity."""

    kind: str
    start: int
    end: int
    para: Paragraph
    how: str  # direct | colon | continuation | indirect | according | transcript | pending
    cue: Any = None  # the cue token (spaCy Token) when there is one
    cue_span: tuple[int, int, str] | None = None
    subj: Any = None  # head token of the speaker mention
    label: tuple[int, int, str] | None = None  # transcript label span
    addressee: str | None = None
    belief: bool = False
    borrowed: Paragraph | None = None  # where subj lives when it is another paragraph's


def is_cue(tok: Any) -> bool:
    """A verb of saying (by its form), used as a verb."""
    lemma = SPEECH_FORMS.get(tok.lower_)
    if lemma is None or tok.pos_ not in ("VERB", "AUX") or tok.tag_ == "NN":
        return False
    # "the North East Says No campaign": a capitalised word inside a name is no verb.
    return not (tok.text[:1].isupper() and not tok.is_sent_start and tok.i > 0
                and tok.doc[tok.i - 1].text[:1].isupper() and not tok.doc[tok.i - 1].is_punct)


def cue_lemma(tok: Any) -> str:
    return SPEECH_FORMS.get(tok.lower_, tok.lower_)


def subject_of(v: Any, depth: int = 0) -> Any:
    """The grammatical subject of a cue verb, climbing through participles and relatives."""
    if any(c.dep_ == "auxpass" for c in v.children) and cue_lemma(v) != "tell":
        return None  # "is said to be": no speaker
    subjects = [c for c in v.children if c.dep_ in SUBJ_DEPS]
    if subjects:
        people = [c for c in subjects if c.ent_type_ == "PERSON"]
        # "Harbour City, ... Moreno said"; "Dr Mike Watts head of exploration said"
        c = min(people or subjects, key=lambda c: abs(c.i - v.i))
        if c.lower_ in RELATIVE and v.dep_ == "relcl":
            return v.head
        return surface_head(c, v)
    if depth < 3 and v.dep_ == "pcomp" and v.head.pos_ == "ADP" and v.head.head.i != v.head.i:
        return subject_of(v.head.head, depth + 1)  # "he began by saying"
    if depth < 3 and v.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and v.head is not v:
        if v.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
            return None  # "Asked whether ..., she said": the participle's subject was asked
        if v.tag_ == "VBG":
            if v.dep_ == "acl" and (v.head.pos_ == "PROPN" or v.head.ent_type_ == "PERSON"):
                return v.head  # "showed Mr Nattrass ... telling the meeting"
            obj = next((c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i
                        and c.ent_type_ == "PERSON"), None)
            if obj is not None and not is_cue(v.head):
                return obj  # "The documentary showed Mr Nattrass, ..., telling ..."
            # "It said X would ..., saying that ...": the speaker of the governing cue.
            for anc in v.ancestors:
                if is_cue(anc):
                    return subject_of(anc, depth + 1)
        return subject_of(v.head, depth + 1)
    if v.dep_ == "relcl":
        return v.head
    return None


def surface_head(subj: Any, v: Any) -> Any:
    """The noun right before the cue when the parser put the subject too far left
    ("Association of Chief Police Officers president Chris Fox said": Fox, not Association)."""
    if subj.i > v.i or subj.ent_type_ == "PERSON":
        return subj
    k = v.i - 1
    doc = v.doc
    while k > subj.i and (doc[k].pos_ in ("ADV", "AUX", "PART") or doc[k].dep_ == "neg"):
        k -= 1
    cand = doc[k]
    # Only when the parser made a name the head: "A spokeswoman for Hillary Clinton" stays.
    kind_ok = subj.pos_ == "PROPN" and (cand.ent_type_ == "PERSON" or cand.pos_ == "NOUN")
    if k > subj.i and kind_ok and cand.i in {t.i for t in subj.subtree} \
            and not any(t.is_punct for t in doc[subj.i:cand.i]):
        path = []
        t = cand
        while t.i != subj.i and t.head.i != t.i:
            t = t.head
            path.append(t)
        if not any(a.pos_ in ("VERB", "AUX") for a in path):  # "a report released on Friday"
            return cand
    return subj


def addressee_of(v: Any) -> str | None:
    """Who was told: the object of "told" or the object of "to" after say/explain."""
    lemma = cue_lemma(v)
    for c in v.children:
        if lemma in TELLING and c.dep_ in ("dobj", "dative", "iobj") and c.i > v.i and \
                c.pos_ in ("NOUN", "PROPN", "PRON") and (lemma == "tell" or _is_audience(c)):
            return _np_text(c)
        if c.dep_ == "prep" and c.lower_ == "to" and lemma != "tell":
            for p in c.children:
                if p.dep_ == "pobj":
                    return _np_text(p)
    return None


TELLING = frozenset({"tell", "warn", "inform", "remind", "assure", "urge", "promise",
                     "caution", "advise", "brief", "ask", "update", "reassure"})


def _is_audience(tok: Any) -> bool:
    """An object that is someone being addressed ("warned residents"), not the content."""
    return tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "NORP") or \
        tok.tag_ == "NNS" or tok.lower_ in ("reporters", "journalists", "parliament", "congress")


def _np_text(tok: Any) -> str:
    toks = [t for t in tok.subtree if t.dep_ not in ("relcl", "punct") or t.i == tok.i]
    lo, hi = toks[0].i, tok.i
    for t in tok.subtree:
        if t.i > tok.i and t.dep_ not in ("relcl", "punct", "acl", "advcl", "ccomp"):
            hi = max(hi, t.i)
        elif t.i > tok.i:
            break
    return tok.doc[lo:hi + 1].text


def _tokens_between(para: Paragraph, lo: int, hi: int) -> list[Any]:
    span = para.doc.char_span(max(0, lo - para.start), max(0, hi - para.start),
                              alignment_mode="contract")
    return list(span) if span is not None else []


def _region(text: str, para: Paragraph, m: Marked) -> tuple[int, int]:
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
    return 0 < len(words) <= 8 and any(w.lower() in SPEECH_FORMS for w in words[:6])


def _cue_with_subject(tokens: list[Any], para: Paragraph, last: bool) -> tuple[Any, Any] | None:
    """The first (or last) cue verb among `tokens` that has a subject outside quotes; after a
    quote (`last=False`), a cue that ends on a colon introduces the next quote instead."""
    order = reversed(tokens) if last else tokens
    for t in order:
        if para.in_quote(t):
            continue
        if not last and _introduces(t):
            return None
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            src = _according_source(t)
            if src is not None:
                return t, src
            continue
        if is_cue(t):
            s = subject_of(t)
            if s is not None and not para.in_quote(s):
                return t, s
    return None


def _introduces(t: Any) -> bool:
    """`A UKIP spokesman said: "..."`: the cue points forward, past a colon."""
    doc = t.doc
    k = t.i + 1
    while k < len(doc) and k - t.i <= 6 and doc[k].text not in (":", ".", ",", '"', "“"):
        k += 1
    return is_cue(t) and k < len(doc) and doc[k].text == ":"


def _according_source(t: Any) -> Any:
    to = t.doc[t.i + 1]
    for c in to.children:
        if c.dep_ == "pobj":
            nxt = t.doc[c.i + 1] if c.i + 1 < len(t.doc) else None
            if c.pos_ == "NOUN" and nxt is not None and nxt.pos_ == "PROPN":
                return nxt  # "according to analysts Gartner"
            return c
    if t.i + 2 < len(t.doc):
        return t.doc[t.i + 2] if t.doc[t.i + 2].pos_ in ("PROPN", "NOUN", "PRON") else None
    return None


def _cue_span(para: Paragraph, cue: Any) -> tuple[int, int, str]:
    if cue.lower_ == "according":
        to = cue.doc[cue.i + 1]
        return para.char(cue), para.char_end(to), cue.doc[cue.i:cue.i + 2].text
    return para.char(cue), para.char_end(cue), cue.text


def _prefix_introduces(tokens: list[Any], para: Paragraph, text: str, opener: int) -> bool:
    """True when the words before a quoted stretch introduce a whole quote, not a fragment."""
    words = [t for t in tokens if not t.is_space]
    if not words:
        return True
    before = text[para.char(words[0]):opener].rstrip()
    if not before or before[-1] in ",:;—–-(":
        return True
    # "X said", "X told reporters", "X said on Tuesday that": a cue with no verb after it,
    # and not ending on a word that needs a complement ("commitment to", "a", "and").
    if words[-1].pos_ in ("DET", "ADP", "CCONJ", "SCONJ", "ADJ", "AUX", "PART") and \
            words[-1].lower_ != "that":
        return False
    for k in range(len(words) - 1, -1, -1):
        t = words[k]
        if is_cue(t) or t.lower_ in ("according",):
            tail = words[k + 1:]
            if any(w.pos_ in ("VERB", "AUX") for w in tail) or len(tail) > 6:
                return False
            return all(w.dep_ in ("dobj", "dative", "iobj", "prep", "pobj", "det", "compound",
                                  "amod", "npadvmod", "advmod", "mark", "punct", "poss", "case",
                                  "nummod", "tmod", "prt") for w in tail)
    return False


def _quote_words(text: str, m: Marked) -> int:
    return len(text[m.start:m.end].split())


def find_direct(text: str, para: Paragraph) -> list[Found]:
    """Whole quotes in quotation marks, each with the cue and subject found around it."""
    found: list[Found] = []
    for m in para.marks:
        opener = m.open_mark if m.open_mark >= 0 else m.start
        closer = m.close_mark if m.close_mark >= 0 else m.end
        lo, hi = _region(text, para, m)
        prefix = _tokens_between(para, lo, opener)
        suffix = _tokens_between(para, closer + 1, hi)
        if not _prefix_introduces(prefix, para, text, opener):
            continue
        inner = text[m.start:m.end].rstrip()
        after = text[closer + 1:hi].strip()
        ends_like_quote = inner[-1:] in ",.?!…—-" if inner else False
        hit = _cue_with_subject(suffix, para, last=False)
        if hit and (ends_like_quote or after[:1] in LEAD_PUNCT or _starts_with_attribution(suffix, hit)):
            cue, subj = hit
            found.append(_direct(text, para, m, cue, subj))
            continue
        if hit is None and (ends_like_quote or after[:1] in LEAD_PUNCT):
            hit = _surface_attribution(suffix, para)
            if hit:
                cue, subj = hit
                found.append(_direct(text, para, m, cue, subj))
                continue
        hit = _cue_with_subject(prefix, para, last=True)
        if hit:
            cue, subj = hit
            found.append(_direct(text, para, m, cue, subj))
            continue
        named = _bare_name(suffix) if (ends_like_quote or after[:1] in LEAD_PUNCT) else None
        if named is not None:  # `"...," Mr Bootle.` with the verb left out
            found.append(Found("direct", m.start, m.end, para, "direct", subj=named))
            continue
        before = text[lo:opener].rstrip()
        if before.endswith(":") and prefix:
            subj = _clause_subject(prefix)
            if subj is not None and _quote_words(text, m) >= 3:
                verb = subj.head
                found.append(Found("direct", m.start, m.end, para, "colon", cue=verb,
                                   cue_span=_cue_span(para, verb), subj=subj))
                continue
        # A stand-alone quote: the whole sentence or paragraph is the quote.
        if not before and (not after or all(c in SENT_END + "”\"" for c in after)):
            if _quote_words(text, m) >= 4:
                found.append(Found("direct", m.start, m.end, para, "continuation"))
    return found


def _surface_attribution(suffix: list[Any], para: Paragraph) -> tuple[Any, Any] | None:
    """`," the readout states.` when the tagger missed the verb: a speech-verb form right
    after a noun phrase, or `said Name` with the name after it."""
    words = [t for t in suffix if not t.is_punct and not t.is_space]
    for k, t in enumerate(words[:6]):
        if t.lower_ not in SPEECH_FORMS or t.lower_.endswith("ing") or para.in_quote(t):
            continue
        if t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == ":":
            return None  # `A UKIP spokesman said: "..."` introduces the next quote
        if k > 0 and words[k - 1].pos_ in ("NOUN", "PROPN", "PRON"):
            return t, words[k - 1]
        if k > 1 and words[0].pos_ == "PROPN":  # `," Ramos, 58, told AFP`
            j = 0
            while j + 1 < k and words[j + 1].pos_ == "PROPN":
                j += 1
            return t, words[j]
        if k == 0 and len(words) > 1 and words[1].pos_ in ("PROPN", "NOUN", "DET", "NUM"):
            nxt = words[1]
            while nxt.head.i != nxt.i and nxt.head.i > nxt.i and nxt.head.i - t.i <= 6 and \
                    nxt.head.pos_ in ("PROPN", "NOUN"):
                nxt = nxt.head
            return t, nxt
    return None


def _bare_name(suffix: list[Any]) -> Any:
    """The last word of a suffix that is nothing but a person's name ("Mr Bootle.")."""
    words = [t for t in suffix if not t.is_punct and not t.is_space]
    if not words or len(words) > 4 or suffix[-1].text not in ".!?":
        return None
    if all(t.pos_ == "PROPN" for t in words) and (words[-1].ent_type_ == "PERSON"
                                                   or words[0].lower_ in ("mr", "mrs", "ms", "dr")):
        return words[-1]
    return None


def _starts_with_attribution(suffix: list[Any], hit: tuple[Any, Any]) -> bool:
    words = [t for t in suffix if not t.is_punct and not t.is_space]
    if not words:
        return False
    cue, subj = hit
    first = words[0]
    return first.i in (cue.i, subj.i) or first.i in {t.i for t in subj.subtree}


def _clause_subject(prefix: list[Any]) -> Any:
    """Subject of the main verb of the clause before a colon ("Smith put it this way:")."""
    for t in reversed(prefix):
        if t.dep_ in SUBJ_DEPS and t.head.pos_ in ("VERB", "AUX") and t.pos_ in ("PROPN", "PRON", "NOUN"):
            if t.lower_ in ("it", "this", "that", "there", "which"):
                return None
            return t
    return None


def _direct(text: str, para: Paragraph, m: Marked, cue: Any, subj: Any) -> Found:
    how = "according" if cue.lower_ == "according" else "direct"
    return Found("direct", m.start, m.end, para, how, cue=cue, cue_span=_cue_span(para, cue),
                 subj=subj, addressee=addressee_of(cue) if how == "direct" else None,
                 belief=cue_lemma(cue) in BELIEF_VERBS)


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
        else:
            continue
        if f is None:
            continue
        if any(_overlap(f.start, f.end, a, b) > 0.5 * (f.end - f.start) for a, b in taken):
            continue
        if any(para.char(t) == (d.cue_span[0] if d.cue_span else -1) for d in direct) and \
                any(d.start < f.end and f.start < d.end for d in direct):
            continue
        f.kind = "mixed" if _has_marks(text, para, f.start, f.end) else "indirect"
        found.append(f)
        taken.append((f.start, f.end))
    return found


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _has_marks(text: str, para: Paragraph, lo: int, hi: int) -> bool:
    return any(lo <= (m.open_mark if m.open_mark >= 0 else m.start) < hi for m in para.marks)


def _reported(text: str, para: Paragraph, v: Any) -> Found | None:
    inverted = _inverted_parenthetical(para, v) or _aside(para, v)
    if inverted is not None:
        subj, lo, hi = inverted
        span = _outside(para, v.sent, lo, hi)
        if span is None or len(text[span[0]:span[1]].split()) < 3:
            return None
        return Found("indirect", span[0], span[1], para, "indirect", cue=v,
                     cue_span=_cue_span(para, v), subj=subj)
    subj = subject_of(v)
    if subj is None:
        subj = _sentence_opening_subject(v)
    if subj is None or para.in_quote(subj):
        return None
    lemma = cue_lemma(v)
    clause = next((c for c in v.children if c.dep_ == "ccomp"), None)
    if clause is None and lemma == "ask":  # "asked Porter if she had been preparing"
        clause = next((c for c in v.children if c.dep_ == "advcl" and c.i > v.i
                       and c.left_edge.lower_ in ("if", "whether")), None)
    if clause is not None and (_is_question(clause) or _is_wh(clause)) and lemma != "ask":
        clause = None  # "explaining why ...": not a statement ("asked why ..." is reported)
    colon = _colon_content(para, v)
    if colon is not None:
        return Found("direct", colon[0], colon[1], para, "indirect", cue=v,
                     cue_span=_cue_span(para, v), subj=subj, addressee=addressee_of(v))
    if clause is None:
        tail = _trailing_attribution(para, v, subj)
        if tail is not None:
            return Found("indirect", tail[0], tail[1], para, "indirect", cue=v,
                         cue_span=_cue_span(para, v), subj=subj, addressee=addressee_of(v),
                         belief=lemma in BELIEF_VERBS)
    span: tuple[int, int] | None = None
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
            if v.doc[first].pos_ in ("AUX", "VERB") and v.doc[first].dep_ in ("aux", "auxpass", "ccomp") \
                    and first == clause.left_edge.i and lemma != "ask" and \
                    not any(c.dep_ in SUBJ_DEPS for c in clause.children):
                return None  # "something he says will boost": a relative clause, no statement
            span = _trim(para, first, _clause_end(v, clause))
        else:
            span = _trim(para, toks[0].i, toks[-1].i)
    elif v.dep_ == "parataxis" and v.head.i != v.i:
        # "The main cloud, NIESR said, was the UK's property market."
        sent = v.sent
        inside = {t.i for t in v.subtree}
        keep = [t.i for t in sent if t.i not in inside]
        if keep:
            span = _trim(para, keep[0], keep[-1])
    elif lemma not in CLAUSE_ONLY:
        if obj is not None and _has_marks(text, para, para.char(obj), para.char_end(list(obj.subtree)[-1])):
            span = _trim(para, obj.left_edge.i, v.sent.end - 1)
    if span is None:
        return None
    lo, hi = span
    if len(text[lo:hi].split()) < 3:
        return None
    return Found("indirect", lo, hi, para, "indirect", cue=v, cue_span=_cue_span(para, v),
                 subj=subj, addressee=addressee_of(v), belief=lemma in BELIEF_VERBS)


WH = frozenset({"why", "how", "what", "whether", "if", "where", "when", "who", "which"})


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
    k = v.i - 1
    while k > sent.start and (doc[k].pos_ in ("PROPN", "NOUN", "PRON", "DET", "ADJ")
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
    if nxt.pos_ != "PROPN" and not (nxt.lower_ in ("mr", "mrs", "ms", "dr") or nxt.ent_type_ == "PERSON"):
        return None
    k = v.i + 1
    while k < v.sent.end and (doc[k].pos_ == "PROPN" or doc[k].text in (".",) and doc[k - 1].lower_ in ("mr", "mrs", "ms", "dr")):
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
    if v.tag_ not in ("VBP", "VBZ", "VBD") or not any(c.dep_ == "ccomp" for c in v.children):
        return None
    before = [t for t in v.sent if t.i < v.i]
    if not before or len(before) > 8 or any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in before):
        return None
    last = before[-1]
    return last if last.pos_ in ("NOUN", "PROPN", "NUM") else None


def _is_question(clause: Any) -> bool:
    return any(t.text == "?" for t in clause.subtree)


def _clause_end(v: Any, clause: Any) -> int:
    """Where a reported clause after the cue ends: the clause, or the sentence end when a
    quoted fragment or coordination runs on past it."""
    end = list(clause.subtree)[-1].i
    for t in clause.subtree:
        if t.i > clause.i and t.tag_ == "VBG" and t.lower_ in SPEECH_FORMS and \
                t.dep_ in ("advcl", "xcomp", "conj") and t.i - 1 > clause.i:
            end = t.i - 1  # "..., saying that ...": a second quote starts here
            break
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
                (dangling or words and words[0].lower_ in ("but", "and", "yet")) and
                any(t.pos_ in ("VERB", "AUX") for t in words)):
            end = rest[-1].i
    return end


QUOTE_CHARS = frozenset({'"', "“", "”", "‘", "’", "''", "``"})


DATELINE = re.compile(r"^[A-Z][\w.'’ ,()-]{0,60}?\s[—–―-]{1,2}\s")


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
                        or doc[lo].lower_ == "that" and doc[lo].dep_ in ("mark", "")
                        or doc[lo].dep_ == "cc" and lo == hi):
        if doc[lo].text in "“\"‘" and lo < hi:
            break  # keep an opening quotation mark of a mixed fragment
        lo += 1
    while hi >= lo and (doc[hi].is_space or doc[hi].text in ",.;:—–-" or doc[hi].pos_ == "CCONJ"):
        hi -= 1
    if hi < lo:
        return None
    return para.char(doc[lo]), para.char_end(doc[hi])


def _according(text: str, para: Paragraph, t: Any) -> Found | None:
    src = _according_source(t)
    if src is None:
        return None
    sent = t.sent
    phrase = sorted({t.i, t.i + 1, *(x.i for x in src.subtree)})
    lo_p, hi_p = phrase[0], phrase[-1]
    if lo_p - sent.start <= 1:  # "According to X, ..."
        span = _trim(para, hi_p + 1, sent.end - 1)
    elif hi_p >= sent.end - 2:  # "..., according to X."
        span = _trim(para, sent.start, lo_p - 1)
    else:
        span = _trim(para, sent.start, lo_p - 1)
    if span is None or len(text[span[0]:span[1]].split()) < 3:
        return None
    return Found("indirect", span[0], span[1], para, "according", cue=t,
                 cue_span=_cue_span(para, t), subj=src)


def find_transcript(text: str, para: Paragraph) -> Found | None:
    """A paragraph "Name: answer" in an interview transcript."""
    body = text[para.start:para.end]
    m = LABEL.match(body)
    if not m:
        return None
    label = m.group(1)
    words = label.lower().replace(".", "").split()
    if not words or words[0] in NON_SPEAKER_LABELS or words[-1] in NON_SPEAKER_LABELS:
        return None
    lo = para.start + m.end(1) + 1
    while lo < para.end and text[lo].isspace():
        lo += 1
    if len(text[lo:para.end].split()) < 3:
        return None
    return Found("direct", lo, para.end, para, "transcript",
                 label=(para.start, para.start + len(label), label))
