"""Quotes in quotation marks (direct, split, continued, colon-introduced) and transcript
answers, each with the cue and speaker found around it."""
from __future__ import annotations

import re
from typing import Any

from onrecord.lexicon.grammar import FINITE, NO_SPEAKER_SUBJECTS, PERSON_RELATIVES, SUBJ_DEPS
from onrecord.lexicon.people import COMMON_COURTESY_TITLES
from onrecord.lexicon.speech import SPEECH_FORMS
from onrecord.parse.marks import Marked, is_abbreviation
from onrecord.parse.paragraphs import Paragraph
from onrecord.quotes.cues import according_source, addressee_of, cue_span, introduces, is_cue
from onrecord.quotes.found import Found, How, Kind
from onrecord.speakers.subject import subject_of

SENT_END = ".!?"

# Words a full quote may be followed by before its attribution clause.
LEAD_PUNCT = ",;:—–-…"


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
    if words and words[0].lower() in SPEECH_FORMS:  # `?" tweeted Prince Alwaleed, the nephew ...`
        return True
    if words and words[0][:1].isupper() and any(
            w.lower() in SPEECH_FORMS and not w.lower().endswith("ing") for w in words[1:4]):
        return True  # `?" Trump said of Apple in February, when the company balked at ...`
    # `!" the presumptive GOP presidential nominee, Donald Trump, tweeted Sunday`
    return 0 < len(words) <= 14 and any(w.lower() in SPEECH_FORMS for w in words[:10])


def _cue_with_subject(tokens: list[Any], para: Paragraph, last: bool) -> tuple[Any, Any] | None:
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
            s = subject_of(t)
            if s is not None and not para.in_quote(s):
                return t, s
    return None


def _prefix_introduces(tokens: list[Any], para: Paragraph, text: str, opener: int) -> bool:
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
        if prefix and text[lo:opener].rstrip()[-1:] not in ",:;—–-(" and not ends_like_quote \
                and after[:1].isalpha() and after[:1].islower():
            continue  # `said “it makes me angry” every time ...`: a fragment of a reported clause
        hit = _cue_with_subject(suffix, para, last=False)
        if hit and _belongs_after(text, para, inner, hit[0]):
            hit = None
        if hit and (ends_like_quote or after[:1] in LEAD_PUNCT or _starts_with_attribution(suffix, hit)):
            cue, subj = hit
            found.append(_direct(text, para, m, cue, subj, "direct.cue_after"))
            continue
        if hit is None and (ends_like_quote or after[:1] in LEAD_PUNCT):
            hit = _surface_attribution(suffix, para)
            if hit and not _belongs_after(text, para, inner, hit[0]):
                cue, subj = hit
                found.append(_direct(text, para, m, cue, subj, "direct.surface_attribution"))
                continue
        hit = _cue_with_subject(prefix, para, last=True)
        if hit:
            cue, subj = hit
            found.append(_direct(text, para, m, cue, subj, "direct.cue_before"))
            continue
        named = _bare_name(suffix) if (ends_like_quote or after[:1] in LEAD_PUNCT) else None
        if named is not None:  # `"...," Mr Bootle.` with the verb left out
            found.append(Found(Kind.DIRECT, m.start, m.end, para, How.DIRECT, "direct.bare_name",
                               subj=named))
            continue
        before = text[lo:opener].rstrip()
        if before.endswith(":") and prefix:
            subj = _clause_subject(prefix)
            if subj is not None and _quote_words(text, m) >= 3:
                verb = subj.head
                found.append(Found(Kind.DIRECT, m.start, m.end, para, How.COLON,
                                   "direct.colon_clause", cue=verb,
                                   cue_span=cue_span(para, verb), subj=subj))
                continue
        # A stand-alone quote: the whole sentence or paragraph is the quote.
        if not before and (not after or all(c in SENT_END + "”\"" for c in after)):
            if _quote_words(text, m) >= 4:
                found.append(Found(Kind.DIRECT, m.start, m.end, para, How.CONTINUATION,
                                   "direct.stand_alone"))
    return found


def _belongs_after(text: str, para: Paragraph, inner: str, cue: Any) -> bool:
    """A cue after a quote that is about what follows it, not the quote: it introduces the
    next quote (`“...” He added, “...”`) or reports a clause of its own (`." Labour's Paul
    Flynn said the pair had had ...`)."""
    return (inner[-1:] in ".?!" and _opens_next(text, para, cue)) or _reports_own_clause(cue, para)


def _opens_next(text: str, para: Paragraph, cue: Any) -> bool:
    """A cue followed by a comma or colon and an opening quotation mark."""
    after = text[para.char_end(cue):para.char_end(cue) + 40]
    return re.match(r"[^,:.;!?“\"]{0,25}[,:]\s*[“\"]", after) is not None


def _surface_attribution(suffix: list[Any], para: Paragraph) -> tuple[Any, Any] | None:
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


def _reports_own_clause(cue: Any, para: Paragraph) -> bool:
    """A cue after a quote whose own clausal complement follows it outside quotation marks."""
    return any(c.dep_ == "ccomp" and c.i > cue.i and not para.in_quote(c.left_edge)
               and (c.left_edge.i - cue.i <= 6 or c.left_edge.lower_ == "that")
               and not (c.left_edge.tag_ == "VBG" and c.left_edge.lower_ in SPEECH_FORMS)
               for c in cue.children)  # not a far relative clause, nor ", mentioning ..."


def _bare_name(suffix: list[Any]) -> Any:
    """The last word of a suffix that is nothing but a person's name ("Mr Bootle.")."""
    words = [t for t in suffix if not t.is_punct and not t.is_space]
    if not words or len(words) > 4 or suffix[-1].text not in ".!?":
        return None
    if all(t.pos_ == "PROPN" for t in words) and (words[-1].ent_type_ == "PERSON"
                                                   or words[0].lower_ in COMMON_COURTESY_TITLES):
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
            if t.lower_ in PERSON_RELATIVES and t.head.dep_ == "relcl":
                continue  # "..., who was responsible for the data: “...”": the main clause's
            if t.lower_ in NO_SPEAKER_SUBJECTS:
                return None
            return t
    return None


def _direct(text: str, para: Paragraph, m: Marked, cue: Any, subj: Any, rule: str) -> Found:
    how = How.ACCORDING if cue.lower_ == "according" else How.DIRECT
    return Found(Kind.DIRECT, m.start, m.end, para, how, rule, cue=cue,
                 cue_span=cue_span(para, cue), subj=subj,
                 addressee=addressee_of(cue) if how == How.DIRECT else None)
