"""The speaker of a cue verb: its grammatical subject, climbing through participles, conjuncts and
relatives, past datelines and parse slips.

Two rule families (`quotes.rules.Family`) decide it, at the cue verb and then at each verb
climbed to:
- `SUBJECT`: the verb's own subject, when it has one (or a passive that has no speaker yet);
- `CLIMB`: when it has none, where its speaker is found instead: a token next to it, or a verb
  to climb to (`Climb`), where both families are tried again (at most three climbs).
A rule gives a token, `NOBODY` (the construction is there, and it has no speaker) or a `Climb`;
None passes to the next rule. `find_subject` gives the token with the names of the rules that
led to it ("climb.conjunct+subject.grammatical"; `trace` also when they decide NOBODY), and
`subject_rule` says them for a found quote's speaker (`--explain`).
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from typing import Any

from onrecord.lexicon.grammar import EXPLETIVE, RELATIVE, SUBJ_DEPS
from onrecord.lexicon.sources import DOCUMENT_NOUNS
from onrecord.lexicon.speech import DEPICTING
from onrecord.parse.paragraphs import DATELINE, head_text
from onrecord.quotes.cues import cue_lemma, is_cue
from onrecord.quotes.rules import Family

# How many verbs up the tree a speaker is looked for.
MAX_CLIMBS = 3


class Nobody(Enum):
    SPEAKER = "no speaker"


NOBODY = Nobody.SPEAKER


@dataclass(frozen=True, slots=True)
class Climb:
    """Look for the speaker at verb `to` instead (`via`: the dependency climbed through, for
    the rules at `to` that care how it was reached)."""

    to: Any
    via: str = ""


@dataclass(frozen=True)
class At:
    """A verb whose speaker is looked for: `depth` climbs above the cue, reached through the
    dependency `via` ("" for the cue itself and for a jump to a governing cue)."""

    v: Any
    depth: int = 0
    via: str = ""

    @cached_property
    def passive(self) -> bool:
        """A passive verb ("is said to be"); `tell` is exempt ("was told by", "told")."""
        return any(c.dep_ == "auxpass" for c in self.v.children) and cue_lemma(self.v) != "tell"

    @cached_property
    def subjects(self) -> list[Any]:
        """The verb's subjects; of a passive reached as a conjunct, the passive's subject only."""
        subjects = [c for c in self.v.children if c.dep_ in SUBJ_DEPS]
        if self.passive:
            subjects = [c for c in subjects if c.dep_ == "nsubjpass"]
        return subjects

    @cached_property
    def nearest(self) -> Any:
        """The subject nearest the verb, a person first ("Harbour City, ... Moreno said"; "Dr
        Mike Watts head of exploration said"); None when there is none."""
        if not self.subjects:
            return None
        people = [c for c in self.subjects if c.ent_type_ == "PERSON"]
        return min(people or self.subjects, key=lambda c: abs(c.i - self.v.i))

    @cached_property
    def coordinated(self) -> Any:
        """A person the parser coordinated with a subject that is no name ("Neither has won a
        state and Cruz suggested": Cruz, coordinated with the object), or None."""
        c = self.nearest
        if c is None:
            return None
        named = [x for x in c.children if x.dep_ == "conj" and x.ent_type_ == "PERSON"]
        if named and c.ent_type_ != "PERSON" and c.pos_ != "PROPN" and named[-1].i < self.v.i:
            return named[-1]
        return None

    @cached_property
    def chosen(self) -> Any:
        """The subject the speaker is read from."""
        return self.coordinated if self.coordinated is not None else self.nearest

    @cached_property
    def climbs(self) -> bool:
        """A verb below another one that has no subject of its own: the speaker is higher up."""
        v = self.v
        return self.depth < MAX_CLIMBS and v.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") \
            and v.head is not v


# -- SUBJECT: the verb's own subject ---------------------------------------------------------

def _passive_no_speaker(at: At) -> Nobody | None:
    """`is said to be`, `is set to announce`: no speaker (yet) — unless a passive reached as a
    conjunct of the cue (`Trump was forced into damage control and said ...`)."""
    if at.passive and (at.via != "conj" or is_cue(at.v)):
        return NOBODY
    return None


def _expletive(at: At) -> Nobody | None:
    """`it is important to note`, `It means admitting that ...`: an impersonal subject of a
    verb above the cue that is no cue."""
    c = at.chosen
    if c is not None and at.depth > 0 and c.lower_ in EXPLETIVE and not is_cue(at.v):
        return NOBODY
    return None


def _relative_pronoun(at: At) -> Any:
    """`the senator, who said ...`: the noun the relative clause hangs on."""
    c = at.chosen
    if c is not None and c.lower_ in RELATIVE and at.v.dep_ == "relcl":
        return at.v.head
    return None


def _coordinated_person(at: At) -> Any:
    """`Neither has won a state and Cruz suggested`: the person coordinated with the subject."""
    if at.coordinated is not None:
        return surface_head(_past_dateline(at.coordinated), at.v)
    return None


def _passive_conjunct(at: At) -> Any:
    """`Trump was forced into damage control and said ...`: the passive's subject."""
    if at.chosen is not None and at.passive:
        return surface_head(_past_dateline(at.chosen), at.v)
    return None


def _grammatical(at: At) -> Any:
    """The verb's subject, past a dateline the parser made the subject and a name the parser
    put too far left."""
    if at.chosen is not None:
        return surface_head(_past_dateline(at.chosen), at.v)
    return None


# Decisions about an impersonal or relative subject come before the subject itself is read;
# a passive that is no conjunct decides first, whatever its subject.
SUBJECT: Family[At, Any] = Family("subject", (
    _passive_no_speaker, _expletive, _relative_pronoun, _coordinated_person, _passive_conjunct,
    _grammatical))


# -- CLIMB: a verb with no subject of its own ------------------------------------------------

def _preposition(at: At) -> Climb | None:
    """`he began by saying`: the verb the preposition hangs on."""
    v = at.v
    if at.depth < MAX_CLIMBS and v.dep_ == "pcomp" and v.head.pos_ == "ADP" \
            and v.head.head.i != v.head.i:
        return Climb(v.head.head)
    return None


def _bare_participle(at: At) -> Nobody | None:
    """`Asked whether ..., she said`: the participle's subject was asked, not the speaker."""
    v = at.v
    if at.climbs and v.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
        return NOBODY
    return None


def _forced_object(at: At) -> Any:
    """`forced Stumpf to admit`, `urged the minister to explain`: the object of the verb above."""
    v = at.v
    if at.climbs and v.dep_ == "xcomp" and v.tag_ == "VB":
        return next((c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i), None)
    return None


def _named_participle(at: At) -> Any:
    """`showed Mr Nattrass ... telling the meeting`: the name the participle hangs on."""
    v = at.v
    if at.climbs and v.tag_ == "VBG" and v.dep_ == "acl" and \
            (v.head.pos_ == "PROPN" or v.head.ent_type_ == "PERSON"):
        return v.head
    return None


def _document_issuer(at: At) -> Any:
    """`X issued a statement saying ...`: X says it."""
    v = at.v
    if at.climbs and v.tag_ == "VBG" and v.dep_ == "acl" and v.head.lower_ in DOCUMENT_NOUNS \
            and v.head.dep_ == "dobj":
        issuer = next((c for c in v.head.head.children if c.dep_ == "nsubj"), None)
        if issuer is not None:
            return surface_head(issuer, v.head.head)
    return None


def _depicted_person(at: At) -> Any:
    """`The documentary showed Mr Nattrass, ..., telling ...`: the person shown."""
    v = at.v
    if not (at.climbs and v.tag_ == "VBG" and v.head.lower_ in DEPICTING):
        return None
    return next((c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i
                 and c.ent_type_ == "PERSON"), None)


def _governing_cue(at: At) -> Climb | None:
    """`It said X would ..., saying that ...`: the speaker of the governing cue."""
    v = at.v
    if at.climbs and v.tag_ == "VBG":
        anc = next((a for a in v.ancestors if is_cue(a)), None)
        if anc is not None:
            return Climb(anc)
    return None


def _conjunct(at: At) -> Climb | None:
    """`A called for X, and B denounced Y and said Z`: the nearest earlier conjunct with a
    subject."""
    v = at.v
    if not (at.climbs and v.dep_ == "conj"):
        return None
    near = [c for c in v.head.children if c.dep_ == "conj" and c.i < v.i
            and any(s.dep_ in SUBJ_DEPS for s in c.children)]
    return Climb(near[-1], "conj") if near else None


def _earlier_cue(at: At) -> Climb | None:
    """`He said A and said B` parsed with the second cue inside A: the first cue's speaker."""
    v = at.v
    if at.climbs and v.dep_ == "conj" and is_cue(v) and not is_cue(v.head):
        anc = next((a for a in v.ancestors if is_cue(a)), None)
        if anc is not None:
            return Climb(anc)
    return None


def _head(at: At) -> Climb | None:
    """Otherwise the verb this one hangs on."""
    return Climb(at.v.head, at.v.dep_) if at.climbs else None


def _relative_clause(at: At) -> Any:
    """A relative clause's verb with no subject: the noun it hangs on."""
    return at.v.head if at.v.dep_ == "relcl" else None


# A prepositional gerund climbs first; then a participle or infinitive whose speaker is a word
# next to it (the participle's own subject, an object, a name, an issuer, a depicted person)
# before a climb to a governing cue or a conjunct, and the plain climb to the head last: it
# always fires below MAX_CLIMBS.
CLIMB: Family[At, Any] = Family("climb", (
    _preposition, _bare_participle, _forced_object, _named_participle, _document_issuer,
    _depicted_person, _governing_cue, _conjunct, _earlier_cue, _head, _relative_clause))


def trace(v: Any) -> tuple[tuple[str, ...], Any]:
    """The names of the rules tried in turn for cue verb `v`, the last one deciding, and the
    speaker token they give (None when they decide there is none, or no rule fires)."""
    names: list[str] = []
    at = At(v)
    while True:
        hit = SUBJECT.first(at) or CLIMB.first(at)
        if hit is None:
            return tuple(names), None
        name, out = hit
        names.append(name)
        if isinstance(out, Climb):
            at = At(out.to, at.depth + 1, out.via)
            continue
        return tuple(names), None if out is NOBODY else out


def find_subject(v: Any) -> tuple[str, Any] | None:
    """The speaker token of cue verb `v` with the names of the rules that led to it, joined by
    "+" ("climb.head+subject.grammatical"); None when it has none."""
    names, tok = trace(v)
    return ("+".join(names), tok) if tok is not None else None


def subject_of(v: Any) -> Any:
    """The grammatical subject of a cue verb, climbing through participles and relatives."""
    hit = find_subject(v)
    return hit[1] if hit is not None else None


def subject_rule(cue: Any, subj: Any) -> str | None:
    """The names of the rules by which `subj` is the subject of `cue` (see `find_subject`);
    None when it is not (a speaker found on the surface, in an aside, by a label)."""
    if cue is None or subj is None:
        return None
    hit = find_subject(cue)
    if hit is None or hit[1].doc is not subj.doc or hit[1].i != subj.i:
        return None
    return hit[0]


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
