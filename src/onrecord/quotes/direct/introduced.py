"""The words before a quoted stretch: do they introduce a whole quote (or is the stretch a
fragment of their clause), and whose clause ends on the colon before it."""
from __future__ import annotations

from typing import Any

from onrecord.lexicon.grammar import FINITE, NO_SPEAKER_SUBJECTS, PERSON_RELATIVES, SUBJ_DEPS
from onrecord.lexicon.layout import AGENT_SUFFIXES, WORDS_NOUNS
from onrecord.lexicon.people import PERSON_NOUNS, ROLE_WORDS
from onrecord.lexicon.sources import DOCUMENT_NOUNS, GROUP_NOUNS, ORG_NOUNS
from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.cues import is_cue


def prefix_introduces(tokens: list[Any], para: Paragraph, text: str, opener: int) -> bool:
    """True when the words before a quoted stretch introduce a whole quote, not a fragment."""
    words = [t for t in tokens if not t.is_space]
    if not words:
        return True
    before = text[para.char(words[0]):opener].rstrip()
    if before[-1:] == "," and _clause_runs_into(words):
        return False  # `said it's unrealistic to think that if we pull back, “our oceans ...”`
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


def _clause_runs_into(words: list[Any]) -> bool:
    """True when a cue among `words` has a reported clause with a verb of its own running up
    to the quote: the quote ends a mixed statement rather than starting a quote."""
    for k in range(len(words) - 1, -1, -1):
        if is_cue(words[k]):
            tail = {w.i for w in words[k + 1:]}
            return any(c.dep_ == "ccomp" and c.i in tail for c in words[k].children) or \
                any(w.tag_ in FINITE and not any(
                    a.dep_ in ("relcl", "acl") for a in [w, *w.ancestors] if a.i in tail)
                    for w in words[k + 1:])  # "says no matter what action Obama takes, “...”"
        if words[k].text in (".", "!", "?", ":", ";"):
            return False
    return False


def clause_subject(prefix: list[Any]) -> Any:
    """Subject of the main verb of the clause before a colon ("Smith put it this way:")."""
    for t in reversed(prefix):
        if t.dep_ in SUBJ_DEPS and t.head.pos_ in ("VERB", "AUX") and t.pos_ in ("PROPN", "PRON", "NOUN"):
            if t.lower_ in PERSON_RELATIVES and t.head.dep_ == "relcl":
                continue  # "..., who was responsible for the data: “...”": the main clause's
            if t.lower_ in NO_SPEAKER_SUBJECTS:
                return None
            return t
    return None


_SPEAKING_NOUNS = PERSON_NOUNS | ROLE_WORDS | ORG_NOUNS | DOCUMENT_NOUNS | GROUP_NOUNS | WORDS_NOUNS


def can_speak(subj: Any) -> bool:
    """Whether a clause subject can be a source: a name, a pronoun, or a noun for a person, a
    body or a document (`Two other entries made it: "..."` is a list, no one's words)."""
    if subj.pos_ != "NOUN" or subj.text[:1].isupper() or any(
            t.ent_type_ in ("PERSON", "ORG", "NORP") or t.pos_ == "PROPN" for t in subj.subtree):
        return True  # a name, or a noun with a name in apposition ("supporter, Lee Zeldin,")
    word = subj.lower_
    forms = (word, word[:-1], word[:-2], word[:-3] + "y")
    return any(w in _SPEAKING_NOUNS or w.endswith(AGENT_SUFFIXES) for w in forms)
