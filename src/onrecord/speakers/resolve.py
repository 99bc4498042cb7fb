"""Resolving a speaker mention (name, surname, first name, title, pronoun, misspelling,
joint speakers, unnamed sources) to an entity of the cast."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from onrecord.lexicon.grammar import (
    DEFINITE_DETERMINERS,
    MENTION_PREPOSITIONS,
    NAME_JOINERS,
    NAME_JOINERS_AND_THE,
    RELATIVE,
)
from onrecord.lexicon.people import (
    GROUP_PRONOUNS,
    MALE_PRONOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    ROLE_WORDS,
    THING_PRONOUNS,
)
from onrecord.lexicon.sources import (
    DOCUMENT_AUTHOR_PREPOSITIONS,
    DOCUMENT_AUTHOR_VERBS,
    DOCUMENT_NOUNS,
    GENERIC_ORG_NOUNS,
    GROUP_NOUNS,
    ORG_KINDS,
    ORG_NOUNS,
    ORG_WORDS,
    SUB_BODIES,
)
from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.rules import Family
from onrecord.speakers.cast import Cast, Known
from onrecord.speakers.names import name_words, role_before, titled_person
from onrecord.speakers.personhood import can_be_he_or_she
from onrecord.spelling import fold_accents


def mention_span(para: Paragraph, tok: Any) -> tuple[int, int, str]:
    """The words of the speaker mention headed by `tok`, without relative clauses."""
    doc = para.doc
    lo = tok.i
    for t in tok.lefts:
        if t.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "case"):
            lo = min(lo, t.left_edge.i)
    if tok.dep_ == "compound" and tok.head.i > tok.i:  # "the readout states" tagged as a noun
        for t in tok.head.lefts:
            if t.dep_ in ("det", "poss", "amod") and t.i < lo:
                lo = t.left_edge.i
    anc = tok
    while anc.dep_ not in ("nsubj", "nsubjpass", "ROOT") and anc.head.i != anc.i and \
            anc.head.pos_ in ("NOUN", "PROPN", "ADP") and anc.head.i < tok.i:
        anc = anc.head  # "A Department for Work and Pensions spokeswoman" (parsed head-first)
    if anc is not tok and anc.dep_ in ("nsubj", "nsubjpass"):
        lo = min(lo, anc.left_edge.i)
    hi = tok.i
    for t in tok.rights:
        if t.dep_ in ("compound", "case"):
            hi = max(hi, t.right_edge.i)
        elif t.dep_ == "prep" and t.lower_ in MENTION_PREPOSITIONS and \
                tok.pos_ == "NOUN":
            hi = max(hi, _edge_without_clauses(t))
        elif t.dep_ == "prep" and t.lower_ == "of" and t.i == tok.i + 1 and \
                tok.pos_ in ("NUM", "ADJ", "DET", "PRON") and \
                any(o.dep_ == "pobj" and o.lower_ not in RELATIVE for o in t.children):
            # A part of a group: "one of the players [in the video]", "many of them"; not
            # "most of whom", whose group is the noun the clause hangs on.
            hi = max(hi, next(o.i for o in t.children if o.dep_ == "pobj"))
        elif tok.pos_ == "NOUN" and t.i == hi + 1 and \
                not {tok.lower_, tok.lower_[:-1]} & DOCUMENT_NOUNS and (
                    (t.dep_ == "acl" and t.tag_ == "VBN") or (t.dep_ == "amod" and t.pos_ == "ADJ")):
            # An unnamed source qualified after its noun: "an expert cited in the report",
            # "people arrested last week", "a person familiar with the talks".
            hi = max(hi, _edge_without_clauses(t))
        else:
            break
    while lo < tok.i and doc[lo].is_punct:
        lo += 1
    while hi > tok.i and doc[hi].is_punct:
        hi -= 1
    span = doc[lo:hi + 1]
    return para.char(span[0]), para.char_end(span[-1]), span.text


def _edge_without_clauses(tok: Any) -> int:
    """Right edge of a phrase, leaving out relative clauses and asides."""
    hi = tok.i
    for c in tok.children:
        if c.i > tok.i and c.dep_ not in ("relcl", "acl", "appos", "punct", "advcl", "cc", "conj"):
            hi = max(hi, _edge_without_clauses(c))
    return hi


def resolve(cast: Cast, para: Paragraph, tok: Any, speaker: Known | None = None,
            ) -> tuple[Known | None, tuple[int, int, str], str]:
    """The entity a speaker mention stands for, and the mention's offsets and words: the
    whole noun phrase the attribution uses ("White House spokesman Josh Earnest",
    "Kenneth Baer, a former official,"); `speaker` breaks ties between pronoun antecedents.
    The third value names the rule that tied the mention to the entity."""
    known, span, why = _resolve(cast, para, tok, speaker)
    if tok.pos_ != "PRON" and para.doc is not None:
        lo = np_start(para, tok)
        if lo is not None and lo < span[0]:
            span = (lo, span[1], para.text[lo - para.start:span[1] - para.start])
    return known, span, why


MAX_NP = 30  # tokens; a longer "noun phrase" is a parse gone wrong


def np_start(para: Paragraph, tok: Any) -> int | None:
    """Where the noun phrase of a speaker word starts, titles included ("White House
    spokesman Josh Earnest"); the mention still ends at the name or head noun."""
    anc = tok
    while anc.dep_ not in ("nsubj", "nsubjpass", "pobj", "dobj", "ROOT", "appos") and \
            anc.head.i != anc.i and anc.head.pos_ in ("NOUN", "PROPN", "ADP", "NUM") and \
            anc.head.i < tok.i:
        anc = anc.head
    doc = para.doc
    lo = anc.left_edge.i
    while lo < tok.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    words = doc[lo:tok.i + 1]
    if tok.i - lo + 1 > MAX_NP or any(t.is_punct and t.text not in ".-'’&" for t in words) \
            or any(t.pos_ in ("VERB", "AUX") for t in words) or any(para.in_quote(t) for t in words):
        return None
    return para.char(doc[lo])


def _resolve(cast: Cast, para: Paragraph, tok: Any, speaker: Known | None = None,
             ) -> tuple[Known | None, tuple[int, int, str], str]:
    lo, hi, text = mention_span(para, tok)
    pos = para.char(tok)
    low = tok.lower_
    if tok.pos_ == "PRON" or low in PERSON_PRONOUNS or low in THING_PRONOUNS or low in GROUP_PRONOUNS:
        span = (para.char(tok), para.char_end(tok), tok.text)
        if low in PERSON_PRONOUNS:
            g = "m" if low in MALE_PRONOUNS else "f"
            return cast.antecedent(pos, kind="person", window=2500, gender=g, speaker=speaker,
                                   sentence=para.char(tok.sent[0]), where=can_be_he_or_she), span, \
                "pronoun.person_of_that_gender_before"
        if low in THING_PRONOUNS:
            return (cast.antecedent(pos, kind="organization", window=1500)
                    or cast.antecedent(pos, kind="organization", window=4000, subjects=False)
                    or cast.antecedent(pos, kind="source", window=1500)), span, \
                "pronoun.organisation_or_source_before"
        if low in GROUP_PRONOUNS:
            return cast.antecedent(pos, kind="organization", window=800), span, \
                "pronoun.group_organisation_before"
        return None, span, "pronoun.no_antecedent_rule"
    # Joint speakers: "Gabriela and Annie said".
    root = tok
    while root.dep_ == "conj" and root.head.i < root.i and root.head.pos_ == "PROPN":
        root = root.head  # "Gabriela and Annie said": parsed with Annie as the conjunct
    conj = []
    link = root
    while True:  # the chain of conjuncts, not names inside an apposition
        nxt = [c for c in link.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
        if not nxt:
            break
        link = nxt[0]
        conj.append(link)
    same_name = root.ent_iob_ != "O" and all(
        c.ent_iob_ == "I" and _ent_of(c) == _ent_of(root) for c in conj)
    coordinated = any(c.dep_ == "cc" for t in (root, *conj) for c in t.children)
    if conj and root.pos_ == "PROPN" and not same_name and coordinated:
        # not "Ernst & Young", nor "Hussein Sayed, Chief Market Strategist at FXTM" (no "and")
        tok = root
        people = [_name_entity(cast, para, t, pos) for t in (tok, *conj)]
        names = [p.name for p in people if p is not None]
        if len(names) >= 2:
            first = tok.left_edge
            last = list(conj[-1].subtree)[-1]
            jlo, jhi = para.char(first), para.char_end(last)
            joint = cast.source(" and ".join(names), jlo, jhi)
            joint.kind = "person"
            return joint, (jlo, jhi, para.doc[first.i:last.i + 1].text), "name.joint_speakers"
    named = _person_apposition(tok)
    if named is not None:  # "One red-state Democrat, Montana Sen. Jon Tester, said"
        k = _name_entity(cast, para, named, pos)
        if k is not None and k.kind == "person":
            return k, _name_span(para, named, (lo, hi, text)), "name.apposition"
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        k = _name_entity(cast, para, tok, pos)
        if k is not None:
            return k, _name_span(para, tok, (lo, hi, text)), "name.named_entity"
    # A common noun: a title standing for a person, or an unnamed/document source.
    named = _named(tok) if low in PERSON_NOUNS or low in ROLE_WORDS else None
    if named is not None:  # "an official in Banten province named Jhony"
        k = _name_entity(cast, para, named, pos)
        if k is not None and k.kind == "person":
            nhi = para.char_end(named)
            return k, (lo, nhi, para.text[lo - para.start:nhi - para.start]), \
                "name.named_after_noun"
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN":
            k = _name_entity(cast, para, c, pos)
            if k is not None:
                return k, _name_span(para, c, (lo, hi, text)), "name.apposition"
    definite = any(t.dep_ == "det" and t.lower_ in DEFINITE_DETERMINERS for t in tok.lefts)
    if (definite and low in GROUP_NOUNS) or low == "both":
        pairs = [j for j in cast.known if " and " in j.name and j.kind == "person"
                 and j.first_seen < pos]
        if pairs:  # "The pair said": the joint speakers named before
            k = max(pairs, key=lambda j: j.last_seen)
            k.add_mention(lo, hi, "")
            return k, (lo, hi, text), "descriptor.joint_speakers_before"
    # "the firm", "the Paris-based economics think tank" stand for the organisation named
    # before; "the finance department" is a part of one, a source of its own.
    sub_body = low in SUB_BODIES and any(c.dep_ in ("compound", "nmod") for c in tok.children)
    if definite and low in ORG_NOUNS and not sub_body and \
            not any(c.dep_ == "prep" for c in tok.children):
        found = ORG_DESCRIPTOR.first(OrgDescriptor(cast, pos, fold_accents(low)))
        if found is not None:  # "the firm", "the commission": the organisation named before
            found[1].add_mention(lo, hi, "")
            return found[1], (lo, hi, text), found[0]
    if definite and low not in DOCUMENT_NOUNS:
        # A plural ("the ministers", "the brothers") is a group, never one titled person; the
        # lemmatizer is not loaded (`lemma_` is empty), so the tag tells the number.
        k = cast.by_title(low, pos) if tok.tag_ not in ("NNS", "NNPS") else None
        if k is not None:
            k.add_mention(lo, hi, "")
            return k, (lo, hi, text), "title.person_with_that_title"
    if low in DOCUMENT_NOUNS or low[:-1] in DOCUMENT_NOUNS:
        found = DOCUMENT_AUTHOR.first(tok)
        if found is not None:  # "a study by the finance committee said"
            k, (alo, ahi, _), _why = _resolve(cast, para, found[1])
            if k is not None and k.kind in ("person", "organization"):
                lo, hi = min(lo, alo), max(hi, ahi)
                return k, (lo, hi, para.text[lo - para.start:hi - para.start]), found[0]
    return cast.source(text, lo, hi), (lo, hi, text), "source.phrase_as_written"


def _named(tok: Any) -> Any:
    """The name a person noun is given by "named" or "called" inside its phrase ("a man
    named Neil Calder", "an official in the province named Jhony"; the parser may hang the
    participle on a nearer noun)."""
    for t in tok.doc[tok.i + 1:tok.right_edge.i + 1]:
        if t.dep_ == "acl" and t.lower_ in ("named", "called"):
            return next((c for c in t.children if c.pos_ == "PROPN" and c.i > t.i
                         and c.dep_ in ("oprd", "dobj", "attr", "appos", "xcomp")), None)
    return None


def _person_apposition(tok: Any) -> Any:
    """The person's name set off after a group word the model did not tag as a person ("One
    red-state Democrat, Montana Sen. Jon Tester, said"); None for a person's own name."""
    if tok.ent_type_ not in ("NORP", ""):
        return None
    return next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                 and c.ent_type_ == "PERSON"), None)


def _is_name(tok: Any) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")


def _author_after_preposition(tok: Any) -> Any:
    """"a study by the Senate finance committee", "a statement from Acme"."""
    for c in tok.rights:
        if c.dep_ in ("prep", "agent") and c.lower_ in DOCUMENT_AUTHOR_PREPOSITIONS:
            return next((o for o in c.children if o.dep_ == "pobj" and _is_name(o)), None)
    return None


def _author_of_participle(tok: Any) -> Any:
    """"a statement e-mailed to the paper by Ana Ruiz", "a report released by the board";
    not "the memo obtained by the paper"."""
    for v in tok.rights:
        if v.dep_ == "acl" and v.lower_ in DOCUMENT_AUTHOR_VERBS:
            for c in v.children:
                if c.dep_ == "agent":
                    return next((o for o in c.children if o.dep_ == "pobj" and _is_name(o)), None)
    return None


def _author_as_possessor(tok: Any) -> Any:
    """"Infrastructure Canada's public database", "the ministry's report" stay with a name."""
    return next((c for c in tok.lefts if c.dep_ == "poss" and _is_name(c)), None)


# A document standing as a source is its author's words, when the article names the author.
DOCUMENT_AUTHOR: Family[Any, Any] = Family("document", (
    _author_after_preposition,
    _author_of_participle,
    _author_as_possessor,
))


@dataclass(frozen=True)
class OrgDescriptor:
    """What the rules for "the <noun>" standing for an organisation look at."""

    cast: Cast
    pos: int  # where the mention is
    noun: str  # its head noun, folded


def _organisation_with_that_head(c: OrgDescriptor) -> Known | None:
    """"the commission" is the organisation whose name that noun heads ("Ontario Civilian
    Police Commission"), however far back, over any organisation named since."""
    return c.cast.by_head(frozenset({c.noun}), c.pos, window=3000)


def _organisation_of_that_kind(c: OrgDescriptor) -> Known | None:
    """"the union" is an organisation named shortly before whose name a noun of the same
    kind heads ("Association of Flight Attendants"; "the agency": the Budget Office)."""
    kind = frozenset().union(*(k for k in ORG_KINDS if c.noun in k)) - {c.noun}
    return c.cast.by_head(kind, c.pos, window=3000, whole=False) if kind else None


def _organisation_before(c: OrgDescriptor) -> Known | None:
    """"the firm", "the company": the organisation named before, of whatever name. A noun for
    a kind of body ("the union", "the government") with no organisation of that kind named
    stays the source as written."""
    if c.noun not in GENERIC_ORG_NOUNS:
        return None
    return c.cast.antecedent(c.pos, kind="organization", window=3000)


ORG_DESCRIPTOR: Family[OrgDescriptor, Known] = Family("descriptor", (
    _organisation_with_that_head,
    _organisation_of_that_kind,
    _organisation_before,
))


def _name_span(para: Paragraph, tok: Any, fallback: tuple[int, int, str]) -> tuple[int, int, str]:
    ent = _ent_of(tok)
    if ent is not None:
        return para.char(ent[0]), para.char_end(ent[-1]), ent.text
    return fallback


def _ent_of(tok: Any) -> Any:
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _name_entity(cast: Cast, para: Paragraph, tok: Any, pos: int) -> Known | None:
    """The person or organisation a proper-noun mention names; a near-miss spelling included."""
    ent = _ent_of(tok)
    if ent is not None and ent.label_ == "PERSON":
        return cast.person(ent.text, para.char(ent[0]), para.char_end(ent[-1]), pos=pos)
    words = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [tok]
    text = para.doc[words[0].i:tok.i + 1].text if ent is None else ent.text
    lo = para.char(ent[0]) if ent is not None else para.char(words[0])
    hi = para.char_end(ent[-1]) if ent is not None else para.char_end(tok)
    titled = titled_person(ent.text) if ent is not None and ent.label_ == "ORG" else None
    if titled is not None:  # "Hereditary Chief Na'moks"
        k = cast.person(titled[1], hi - len(titled[1]), hi, pos=pos)
        if k is not None:
            k.add_title(titled[0])
            return k
    if ent is not None and ent.label_ == "ORG" and role_before(ent):  # "economist Philip Cross"
        return cast.person(ent.text, lo, hi, pos=pos)
    if ent is not None and ent.label_ in ("ORG", "NORP", "GPE"):
        # Clip a run-on entity ("Gartner More than 167 million") to the name around tok.
        a, b = tok.i, tok.i
        while a - 1 >= ent.start and para.doc[a - 1].pos_ == "PROPN":
            a -= 1
        while b + 1 < ent.end and (
                (para.doc[b + 1].pos_ in ("PROPN", "ADP", "CCONJ") and para.doc[b + 1].text[:1].isupper())
                or para.doc[b + 1].lower_ in NAME_JOINERS):
            b += 1
        while b > tok.i and not para.doc[b].text[:1].isupper():
            b -= 1
        ragged = any(not (t.text[:1].isupper() or t.is_punct or t.lower_ in NAME_JOINERS_AND_THE)
                     for t in ent)
        if ragged and (a, b + 1) != (ent.start, ent.end):
            span = para.doc[a:b + 1]
            return cast.organization(span.text, para.char(span[0]), para.char_end(span[-1]))
        word = name_words(ent.text)[-1]
        known = (cast.lookup_word(word, person_only=True, at=pos)
                 or cast.lookup_word(word, person_only=True, at=pos, fuzzy=True)) \
            if len(ent) == 1 else cast.by_surname(ent.text)
        if known is not None:
            known.add_mention(lo, hi, ent.text)
            return known
        return cast.organization(ent.text, lo, hi)
    # Not recognised as a name by the model: a known surname, a near miss, or a new name.
    last = name_words(text)
    if not last:
        return None
    known = cast.lookup_word(last[-1], at=pos, fuzzy=True)
    if known is not None:
        known.add_mention(lo, hi, text)
        return known
    if fold_accents(last[-1]) in ORG_WORDS or any(fold_accents(w) in ORG_WORDS for w in last):
        return cast.organization(text, lo, hi)
    if tok.pos_ == "PROPN" and tok.text[:1].isupper():
        return cast.person(text, lo, hi, pos=pos)
    return None
