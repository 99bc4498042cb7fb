"""Cue verbs and what hangs on them: the speaker (subject), the addressee, "according to"."""
from __future__ import annotations

from typing import Any

from onrecord.lexicon import DOCUMENT_NOUNS, SPEECH_FORMS
from onrecord.paragraphs import DATELINE, Paragraph

SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})  # tags of a finite verb or modal
RELATIVE = frozenset({"who", "that", "which", "whom"})
# Subjects that stand for no one when reached from a cue below a verb that is no cue.
EXPLETIVE = frozenset({"it", "this", "that", "what", "there", "all"})


def is_cue(tok: Any) -> bool:
    """A verb of saying (by its form), used as a verb."""
    lemma = SPEECH_FORMS.get(tok.lower_)
    if lemma is None or tok.pos_ not in ("VERB", "AUX") or tok.tag_ == "NN":
        return False
    doc = tok.doc
    if 0 < tok.i < len(doc) - 1 and doc[tok.i + 1].text == "," and \
            doc[tok.i - 1].lower_ in ("that", "all") and doc[tok.i - 1].is_sent_start:
        return False  # "That said, ...", "All told, ...": idioms, nobody speaks
    # "the North East Says No campaign": a capitalised word inside a name is no verb.
    return not (tok.text[:1].isupper() and not tok.is_sent_start and tok.i > 0
                and tok.doc[tok.i - 1].text[:1].isupper() and not tok.doc[tok.i - 1].is_punct)


def cue_lemma(tok: Any) -> str:
    return SPEECH_FORMS.get(tok.lower_, tok.lower_)


# Verbs that show someone doing something: "showed Mr Nattrass ... telling the meeting" is
# Nattrass telling; "attacked Clinton ..., saying" is the attacker saying.
DEPICTING = frozenset({
    "show", "shows", "showed", "shown", "showing", "film", "films", "filmed", "record",
    "records", "recorded", "depict", "depicts", "depicted", "feature", "features", "featured",
    "capture", "captures", "captured", "see", "sees", "saw", "seen", "hear", "hears", "heard",
    "overheard", "catch", "catches", "caught", "picture", "pictured", "watch", "watched",
})


def subject_of(v: Any, depth: int = 0, via: str = "") -> Any:
    """The grammatical subject of a cue verb, climbing through participles and relatives
    (`via`: the dependency of the verb climbed from)."""
    subjects = [c for c in v.children if c.dep_ in SUBJ_DEPS]
    if any(c.dep_ == "auxpass" for c in v.children) and cue_lemma(v) != "tell":
        if via != "conj" or is_cue(v):
            return None  # "is said to be", "is set to announce": no speaker (yet)
        # "Trump was forced into damage control and said ...": the passive's subject
        subjects = [c for c in subjects if c.dep_ == "nsubjpass"]
    if subjects:
        people = [c for c in subjects if c.ent_type_ == "PERSON"]
        # "Harbour City, ... Moreno said"; "Dr Mike Watts head of exploration said"
        c = min(people or subjects, key=lambda c: abs(c.i - v.i))
        named = [x for x in c.children if x.dep_ == "conj" and x.ent_type_ == "PERSON"]
        if named and c.ent_type_ != "PERSON" and c.pos_ != "PROPN" and named[-1].i < v.i:
            c = named[-1]  # "Neither has won a state and Cruz suggested": a parse that
            # coordinated the object with the subject
        if depth > 0 and c.lower_ in EXPLETIVE and not is_cue(v):
            return None  # "it is important to note", "It means admitting that ..."
        if c.lower_ in RELATIVE and v.dep_ == "relcl":
            return v.head
        c = _past_dateline(c)
        return surface_head(c, v)
    if depth < 3 and v.dep_ == "pcomp" and v.head.pos_ == "ADP" and v.head.head.i != v.head.i:
        return subject_of(v.head.head, depth + 1)  # "he began by saying"
    if depth < 3 and v.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and v.head is not v:
        if v.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
            return None  # "Asked whether ..., she said": the participle's subject was asked
        if v.dep_ == "xcomp" and v.tag_ == "VB":
            obj = next((c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i), None)
            if obj is not None:
                return obj  # "forced Stumpf to admit", "urged the minister to explain"
        if v.tag_ == "VBG":
            if v.dep_ == "acl" and (v.head.pos_ == "PROPN" or v.head.ent_type_ == "PERSON"):
                return v.head  # "showed Mr Nattrass ... telling the meeting"
            if v.dep_ == "acl" and v.head.lower_ in DOCUMENT_NOUNS and v.head.dep_ == "dobj":
                issuer = next((c for c in v.head.head.children if c.dep_ == "nsubj"), None)
                if issuer is not None:  # "X issued a statement saying ...": X says it
                    return surface_head(issuer, v.head.head)
            obj = next((c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i
                        and c.ent_type_ == "PERSON"), None)
            if obj is not None and v.head.lower_ in DEPICTING:
                return obj  # "The documentary showed Mr Nattrass, ..., telling ..."
            # "It said X would ..., saying that ...": the speaker of the governing cue.
            for anc in v.ancestors:
                if is_cue(anc):
                    return subject_of(anc, depth + 1)
        if v.dep_ == "conj":
            # "A called for X, and B denounced Y and said Z": the nearest conjunct with a subject
            near = [c for c in v.head.children if c.dep_ == "conj" and c.i < v.i
                    and any(s.dep_ in SUBJ_DEPS for s in c.children)]
            if near:
                return subject_of(near[-1], depth + 1, "conj")
        if v.dep_ == "conj" and is_cue(v) and not is_cue(v.head):
            # "He said A and said B" parsed with the second cue inside A: the first cue's speaker
            anc = next((a for a in v.ancestors if is_cue(a)), None)
            if anc is not None:
                return subject_of(anc, depth + 1)
        return subject_of(v.head, depth + 1, v.dep_)
    if v.dep_ == "relcl":
        return v.head
    return None


def _past_dateline(subj: Any) -> Any:
    """`WASHINGTON -- President Obama, ..., said`, `LA CROSSE, Wisc. — Gov. Mike Pence said`:
    the parser made the dateline the subject and the speaker its apposition."""
    m = DATELINE.match(subj.doc.text)
    if m is None or subj.idx >= m.end():
        return subj
    appos = [c for c in subj.children if c.dep_ == "appos" and c.idx >= m.end()]
    return appos[0] if appos else subj


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


def introduces(t: Any) -> bool:
    """`A UKIP spokesman said: "..."`: the cue points forward, past a colon."""
    doc = t.doc
    k = t.i + 1
    while k < len(doc) and k - t.i <= 6 and doc[k].text not in (":", ".", ",", '"', "“"):
        k += 1
    return is_cue(t) and k < len(doc) and doc[k].text == ":"


def according_source(t: Any) -> Any:
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


def cue_span(para: Paragraph, cue: Any) -> tuple[int, int, str]:
    if cue.lower_ == "according":
        to = cue.doc[cue.i + 1]
        return para.char(cue), para.char_end(to), cue.doc[cue.i:cue.i + 2].text
    return para.char(cue), para.char_end(cue), cue.text
