"""The speaker of a cue verb: its grammatical subject, climbing through participles, conjuncts and
relatives, past datelines and parse slips."""
from __future__ import annotations

from typing import Any

from onrecord.lexicon.grammar import EXPLETIVE, RELATIVE, SUBJ_DEPS
from onrecord.lexicon.sources import DOCUMENT_NOUNS
from onrecord.lexicon.speech import DEPICTING
from onrecord.parse.paragraphs import DATELINE, head_text
from onrecord.quotes.cues import cue_lemma, is_cue


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
    m = DATELINE.match(head_text(subj.doc))
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
