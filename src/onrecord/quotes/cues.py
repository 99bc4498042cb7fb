"""Cue verbs and what hangs on them: the speaker (subject), the addressee, "according to"."""
from __future__ import annotations

from typing import Any

from onrecord.lexicon.grammar import QUOTE_CHARS
from onrecord.lexicon.speech import (
    AUDIENCE_NOUNS,
    MANNER_FORMS,
    SAID_IDIOM_OPENERS,
    SPEECH_FORMS,
    TELLING,
)
from onrecord.parse.paragraphs import Paragraph


def is_cue(tok: Any) -> bool:
    """A verb of saying (by its form), used as a verb; a verb of the manner of speaking
    (`whimpered`, `crowed`, `sighed`) only right beside a quotation."""
    lemma = SPEECH_FORMS.get(tok.lower_)
    if lemma is None and tok.lower_ in MANNER_FORMS and beside_quote(tok):
        lemma = MANNER_FORMS[tok.lower_]
    if lemma is None or tok.pos_ not in ("VERB", "AUX") or tok.tag_ == "NN":
        return False
    doc = tok.doc
    if 0 < tok.i < len(doc) - 1 and doc[tok.i + 1].text == "," and \
            doc[tok.i - 1].lower_ in SAID_IDIOM_OPENERS and doc[tok.i - 1].is_sent_start:
        return False  # "That said, ...", "All told, ...": idioms, nobody speaks
    # "the North East Says No campaign": a capitalised word inside a name is no verb.
    return not (tok.text[:1].isupper() and not tok.is_sent_start and tok.i > 0
                and tok.doc[tok.i - 1].text[:1].isupper() and not tok.doc[tok.i - 1].is_punct)


def beside_quote(tok: Any) -> bool:
    """A closing quotation mark after `,?!` at most three words before the verb (`,” she
    sighed`, `,” crowed Ruiz`), or a colon or comma and an opening mark right after it."""
    doc = tok.doc
    for k in range(max(tok.i - 4, 1), tok.i):
        if doc[k].text in QUOTE_CHARS and doc[k - 1].text in (",", "?", "!", "—", "-", "..."):
            return not any(t.is_punct and t.text != "," for t in doc[k + 1:tok.i])
    nxt = doc[tok.i + 1:tok.i + 3]
    return len(nxt) == 2 and nxt[0].text in (":", ",") and nxt[1].text in QUOTE_CHARS


def cue_lemma(tok: Any) -> str:
    return SPEECH_FORMS.get(tok.lower_) or MANNER_FORMS.get(tok.lower_, tok.lower_)


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


def _is_audience(tok: Any) -> bool:
    """An object that is someone being addressed ("warned residents"), not the content."""
    return tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "NORP") or \
        tok.tag_ == "NNS" or tok.lower_ in AUDIENCE_NOUNS


def _np_text(tok: Any) -> str:
    """The noun phrase headed by `tok`, without a clause hung on it ("the crowd | that ...")."""
    clauses = {t.i for c in tok.children if c.dep_ in ("relcl", "acl", "advcl", "ccomp")
               for t in c.subtree}
    toks = [t for t in tok.subtree if t.i not in clauses and (t.dep_ != "punct" or t.i == tok.i)]
    lo, hi = toks[0].i, tok.i
    for t in tok.subtree:
        if t.i > tok.i and t.i not in clauses and t.dep_ != "punct":
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
