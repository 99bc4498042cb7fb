"""The speaker of a cue the parser gave no subject: a noun phrase opening the sentence, a name
right before the cue or closing the comma-delimited stretch before it, or the subject of an
earlier clause the parser made the cue's complement."""
from __future__ import annotations

from typing import Any

from onrecord.lexicon.grammar import FINITE_VERB_TAGS
from onrecord.lexicon.people import THIRD_PERSON_SUBJECTS


def missing_subject(v: Any) -> Any:
    """The speaker of cue `v` when the parser found no subject; None when there is none. The
    readings are tried in this order and the first found wins; they look at different places
    (the sentence opening, the word before the cue, the stretches between commas before it, an
    earlier clause), so they seldom compete."""
    return _sentence_opening_subject(v) or _name_before(v) or _name_in_commas(v) \
        or _earlier_clause_subject(v)


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
