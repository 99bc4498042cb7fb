"""The cue and speaker next to a quoted stretch: a cue verb with a subject outside quotation
marks, a speech-verb form read on the surface, a bare name; and a cue that belongs to what
follows the quote rather than to the quote."""
from __future__ import annotations

import re
from typing import Any

from onrecord.lexicon.grammar import FINITE
from onrecord.lexicon.people import COMMON_COURTESY_TITLES
from onrecord.lexicon.speech import SPEECH_FORMS
from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.cues import according_source, introduces, is_cue
from onrecord.speakers.subject import subject_of


def cue_with_subject(tokens: list[Any], para: Paragraph, last: bool) -> tuple[Any, Any] | None:
    """The first (or last) cue verb among `tokens` that has a subject outside quotes; after a
    quote (`last=False`), a cue that ends on a colon introduces the next quote instead."""
    order = reversed(tokens) if last else tokens
    for t in order:
        if para.in_quote(t):
            continue
        if not last and introduces(t):
            return None
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            src = according_source(t)
            if src is not None:
                return t, src
            continue
        if is_cue(t):
            s = subject_of(t) or quoted_as(t)
            if s is not None and not para.in_quote(s):
                return t, s
    return None


def quoted_as(t: Any) -> Any:
    """`he was quoted as saying`: the subject of the passive "quoted" said it."""
    if t.lower_ != "saying":
        return None
    head = t.head.head if t.head.lower_ == "as" else t.head
    if head.lower_ != "quoted" or head.i > t.i:
        return None
    return next((c for c in head.children if c.dep_ == "nsubjpass"), None)


def belongs_after(text: str, para: Paragraph, inner: str, cue: Any) -> bool:
    """A cue after a quote that is about what follows it, not the quote: it introduces the
    next quote (`“...” He added, “...”`) or reports a clause of its own (`." Labour's Paul
    Flynn said the pair had had ...`)."""
    return (inner[-1:] in ".?!" and _opens_next(text, para, cue)) or _reports_own_clause(cue, para)


def _opens_next(text: str, para: Paragraph, cue: Any) -> bool:
    """A cue followed by a comma or colon and an opening quotation mark."""
    after = text[para.char_end(cue):para.char_end(cue) + 40]
    return re.match(r"[^,:.;!?“\"]{0,25}[,:]\s*[“\"]", after) is not None


def _reports_own_clause(cue: Any, para: Paragraph) -> bool:
    """A cue after a quote whose own clausal complement follows it outside quotation marks."""
    return any(c.dep_ == "ccomp" and c.i > cue.i and not para.in_quote(c.left_edge)
               and (c.left_edge.i - cue.i <= 6 or c.left_edge.lower_ == "that")
               and not (c.left_edge.tag_ == "VBG" and c.left_edge.lower_ in SPEECH_FORMS)
               and not _bare_participle(c)
               for c in cue.children)  # not a far relative clause, nor ", mentioning ..."


def _bare_participle(verb: Any) -> bool:
    """A participle with no auxiliary (`said his voice breaking`): no clause of its own."""
    return verb.tag_ in ("VBG", "VBN") and not any(
        c.dep_ in ("aux", "auxpass") or c.tag_ in FINITE for c in verb.children)


def surface_cue(suffix: list[Any], para: Paragraph) -> tuple[Any, Any] | None:
    """`," the readout states.` when the tagger missed the verb: a speech-verb form right
    after a noun phrase, or `said Name` with the name after it."""
    words = [t for t in suffix if not t.is_punct and not t.is_space]
    for k, t in enumerate(words[:8]):
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
        if k == 0 and len(words) > 1 and (words[1].pos_ in ("PROPN", "NOUN", "DET", "NUM")
                                          or words[1].text[:1].isupper()):  # "said Skelly/ADV"
            nxt = words[1]
            while nxt.head.i != nxt.i and nxt.head.i > nxt.i and nxt.head.i - t.i <= 6 and \
                    nxt.head.pos_ in ("PROPN", "NOUN"):
                nxt = nxt.head
            return t, nxt
    return None


def name_only(suffix: list[Any]) -> Any:
    """The last word of a suffix that is nothing but a person's name ("Mr Bootle.")."""
    words = [t for t in suffix if not t.is_punct and not t.is_space]
    if not words or len(words) > 4 or suffix[-1].text not in ".!?":
        return None
    if all(t.pos_ == "PROPN" for t in words) and (words[-1].ent_type_ == "PERSON"
                                                   or words[0].lower_ in COMMON_COURTESY_TITLES):
        return words[-1]
    return None


def starts_with_attribution(suffix: list[Any], hit: tuple[Any, Any]) -> bool:
    """The words after the quote open with its cue or its speaker (`" Mr Ruiz, who ..., said`)."""
    words = [t for t in suffix if not t.is_punct and not t.is_space]
    if not words:
        return False
    cue, subj = hit
    first = words[0]
    return first.i in (cue.i, subj.i) or first.i in {t.i for t in subj.subtree}
