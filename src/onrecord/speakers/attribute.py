"""Turn a found quote into the record's Quote: its speaker resolved in text order, a
continuation's speaker carried, its confidence."""
from __future__ import annotations

from typing import Any

from onrecord.lexicon.grammar import RELATIVE
from onrecord.lexicon.people import NAME_ENTITY_LABELS, PRONOUN_MENTIONS
from onrecord.model import Cue, Explain, MentionKind, Quote, SpeakerExplain, SpeakerRef
from onrecord.quotes.found import Found, How
from onrecord.record.confidence import Mention, confidence
from onrecord.speakers.cast import Cast, Known
from onrecord.speakers.resolve import resolve
from onrecord.speakers.subject import subject_rule

# How far back (characters) a quote paragraph with no cue may continue the previous speaker.
CONTINUATION_REACH = 1200


def _kind_of_mention(tok: Any, known: Known | None) -> Mention:
    if tok is None:
        return Mention.CARRY
    if tok.pos_ == "PRON":
        return Mention.PRONOUN
    if known is not None and known.kind in ("person", "organization") and tok.pos_ == "PROPN":
        return Mention.NAME
    if known is not None and known.kind == "person":
        return Mention.TITLE
    return Mention.SOURCE


def mention_kind(tok: Any, why: str) -> str:
    """The record's kind of the speaker mention headed by `tok`, tied to its entity by the
    rule `why`."""
    if tok is None:
        return MentionKind.CARRY.value
    if tok.pos_ == "PRON" or tok.lower_ in PRONOUN_MENTIONS:
        return MentionKind.PRONOUN.value
    if tok.pos_ == "PROPN" or tok.ent_type_ in NAME_ENTITY_LABELS or why.startswith("name."):
        return MentionKind.NAME.value  # "name.apposition": "The librarian, Helen Osei, said"
    if why.startswith("title."):
        return MentionKind.TITLE.value
    return MentionKind.DESCRIPTOR.value


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
    """The record's Quote for `f`, its speaker resolved (`last`: the previous speaker, where
    that speaker's paragraph ends, and the previous quote); None when it has no speaker and
    is only a continuation."""
    speaker: SpeakerRef | None = None
    mention = Mention.CARRY
    why = "carry.previous_speaker"
    mention_text: str | None = None
    if f.how == How.TRANSCRIPT and f.label:
        lo, hi, label = f.label
        known = cast.lookup_word(label.split()[-1], person_only=True) or \
            cast.person(label, lo, hi)
        if known is None:
            return None
        known.add_mention(lo, hi, label)
        speaker = SpeakerRef(known.id, known.name, lo, hi, MentionKind.LABEL.value)
        mention, why, mention_text = Mention.NAME, "label.transcript_label", label
    elif f.subj is not None:
        known, (lo, hi, words), why = resolve(cast, f.borrowed or f.para, f.subj, last[0])
        mention = _kind_of_mention(f.subj, known)
        mention_text = words
        if known is None:
            # A mention we cannot tie to anyone ("he" with no one before it): the article
            # does give a source, so it is the speaker, with no entity id.
            speaker = SpeakerRef(None, words, lo, hi, mention_kind(f.subj, why))
            mention = Mention.UNRESOLVED
        else:
            rel = _relative_subject(f)
            if rel is not None:  # "an architect who said ...": the mention is "who"
                para = f.borrowed or f.para
                lo, hi = para.char(rel), para.char_end(rel)
                why += "+relative_pronoun"
            speaker = SpeakerRef(known.id, known.name, lo, hi, mention_kind(f.subj, why))
            # A speaker is salient, unless the cue's clause is subordinate ("Although Trump
            # has tweeted that ...").
            subordinate = f.cue is not None and any(c.dep_ == "mark" for c in f.cue.children)
            cast.note(lo, known, True, not subordinate)
    else:  # a quote paragraph with no cue: the previous speaker goes on
        prev, prev_end, _ = last
        if prev is not None and f.start - prev_end <= CONTINUATION_REACH:
            speaker = SpeakerRef(prev.id, prev.name, None, None, MentionKind.CARRY.value)
        elif f.how == How.CONTINUATION:
            return None
        else:
            why = "carry.none_within_reach"
    cue = Cue(f.cue_span[2], f.cue_span[0], f.cue_span[1]) if f.cue_span else None
    if f.how == How.CONTINUATION and last[2] is not None and last[2].cue is not None:
        cue = None
    explain = Explain(rule=f.rule, how=str(f.how), speaker=SpeakerExplain(
        mention=str(mention), text=mention_text, entity=speaker.id if speaker else None,
        why=why, subject_rule=subject_rule(f.cue, f.subj)) if speaker is not None else None)
    return Quote(kind=str(f.kind), text=text[f.start:f.end], start=f.start, end=f.end,
                 speaker=speaker, cue=cue, addressee=f.addressee,
                 confidence=confidence(f.how, mention, speaker is not None), explain=explain)
