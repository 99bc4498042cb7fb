"""Turn a found quote into the record's Quote: its speaker resolved in text order, a
continuation's speaker carried, its confidence."""
from __future__ import annotations

from typing import Any

from onrecord.lexicon.grammar import RELATIVE
from onrecord.model import Cue, Quote, SpeakerRef
from onrecord.quotes.found import Found
from onrecord.record.confidence import CONFIDENCE
from onrecord.speakers.cast import Cast, Known
from onrecord.speakers.resolve import resolve

# How far back (characters) a quote paragraph with no cue may continue the previous speaker.
CONTINUATION_REACH = 1200


def _kind_of_mention(tok: Any, known: Known | None) -> str:
    if tok is None:
        return "carry"
    if tok.pos_ == "PRON":
        return "pronoun"
    if known is not None and known.kind in ("person", "organization") and tok.pos_ == "PROPN":
        return "name"
    if known is not None and known.kind == "person":
        return "title"
    return "source"


def _relative_subject(f: Found) -> Any:
    """The relative pronoun a cue in a relative clause has as subject, its speaker being the
    noun the clause hangs on ("the senator, who said ...")."""
    v = f.cue
    if v is None or f.subj is None or v.dep_ != "relcl" or f.subj.i != v.head.i:
        return None
    return next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")
                 and c.lower_ in RELATIVE), None)


def to_quote(text: str, cast: Cast, f: Found, last: tuple[Known | None, int, Quote | None],
              ) -> Quote | None:
    speaker: SpeakerRef | None = None
    how = f.how
    mention = "carry"
    if f.how == "transcript" and f.label:
        lo, hi, label = f.label
        known = cast.lookup_word(label.split()[-1], person_only=True) or \
            cast.person(label, lo, hi)
        if known is None:
            return None
        known.add_mention(lo, hi, label)
        speaker = SpeakerRef(known.id, known.name, lo, hi)
        mention = "name"
    elif f.subj is not None:
        known, (lo, hi, words) = resolve(cast, f.borrowed or f.para, f.subj, last[0])
        mention = _kind_of_mention(f.subj, known)
        if known is None:
            # A mention we cannot tie to anyone ("he" with no one before it): the article
            # does give a source, so it is the speaker, with no entity id.
            speaker = SpeakerRef(None, words, lo, hi)
            mention = "unresolved"
        else:
            rel = _relative_subject(f)
            if rel is not None:  # "an architect who said ...": the mention is "who"
                para = f.borrowed or f.para
                lo, hi = para.char(rel), para.char_end(rel)
            speaker = SpeakerRef(known.id, known.name, lo, hi)
            cast.note(lo, known, True)
    else:  # a quote paragraph with no cue: the previous speaker goes on
        prev, prev_end, _ = last
        if prev is not None and f.start - prev_end <= CONTINUATION_REACH:
            speaker = SpeakerRef(prev.id, prev.name, None, None)
        elif f.how == "continuation":
            return None
    cue = Cue(f.cue_span[2], f.cue_span[0], f.cue_span[1]) if f.cue_span else None
    if f.how == "continuation" and last[2] is not None and last[2].cue is not None:
        cue = None
    conf = CONFIDENCE.get((how, mention), 0.7 if speaker else 0.3)
    body = text[f.start:f.end]
    return Quote(kind=f.kind, text=body, start=f.start, end=f.end, speaker=speaker, cue=cue,
                 addressee=f.addressee, confidence=round(conf, 2))
