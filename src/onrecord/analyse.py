"""Run the model over prepared articles and fill in their entities and quotes."""
from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from onrecord.cast import Cast, Known
from onrecord.cues import RELATIVE, cue_span, is_cue, subject_of
from onrecord.entities import collect
from onrecord.headline import find_headline
from onrecord.model import Article, Cue, Failure, Quote, SpeakerRef
from onrecord.paragraphs import Paragraph
from onrecord.parse import parse_articles
from onrecord.quotes import Found, find_direct, find_transcript
from onrecord.reported import find_reported
from onrecord.speakers import resolve

# How far back (characters) a quote paragraph with no cue may continue the previous speaker.
CONTINUATION_REACH = 1200

# Confidence by how the quote and its speaker were found (calibrated on the dev articles;
# the unresolved, object and headline rows are set below the rows they weaken, by hand).
CONFIDENCE = {
    ("direct", "name"): 0.95, ("direct", "pronoun"): 0.88, ("direct", "title"): 0.85,
    ("direct", "source"): 0.85, ("colon", "name"): 0.85, ("colon", "pronoun"): 0.75,
    ("continuation", "carry"): 0.8, ("transcript", "name"): 0.85,
    ("indirect", "name"): 0.85, ("indirect", "pronoun"): 0.78, ("indirect", "title"): 0.78,
    ("indirect", "source"): 0.75, ("according", "name"): 0.85, ("according", "source"): 0.8,
    ("direct", "unresolved"): 0.5, ("indirect", "unresolved"): 0.4, ("object", "name"): 0.6,
    ("object", "pronoun"): 0.55, ("object", "title"): 0.55, ("object", "source"): 0.5,
    ("headline", "name"): 0.7, ("headline", "source"): 0.6,
}


def analyse_batch(nlp: Any, batch: list[Article | Failure], *, parse_all: bool = False,
                  pos: Any = None) -> Iterator[Article | Failure]:
    """Parse each prepared article and attach its entities and quotes; failures pass through.
    `parse_all` parses every sentence instead of only those that may hold speech."""
    done = parse_articles(nlp, [a for a in batch if isinstance(a, Article)],
                          parse_all=parse_all, pos=pos)
    for item in batch:
        if isinstance(item, Failure):
            yield item
            continue
        try:
            attach(item, done[id(item)])
            yield item
        except Exception as e:  # one bad article must not stop the batch
            yield Failure(id=item.id, error=f"extraction failed: {type(e).__name__}: {e}")


def attach(article: Article, paras: list[Paragraph]) -> None:
    """Find the quotes of one parsed article and resolve their speakers."""
    from onrecord.dates import date_quotes
    from onrecord.typos import flag_typos

    text = article.text
    cast = Cast()
    live = [p for p in paras if p.doc is not None]
    collect(cast, live)
    found: list[Found] = []
    transcripts: list[Found] = []
    for p in live:
        head = find_headline(text, p)
        if head is not None:
            found.append(head)
            continue
        if not p.parsed:
            continue
        direct = find_direct(text, p)
        found.extend(direct)
        found.extend(find_reported(text, p, direct))
        t = find_transcript(text, p)
        if t is not None and not direct:
            transcripts.append(t)
    found.extend(_transcript_answers(cast, transcripts))
    _introduced_forward(text, live, found)
    found.sort(key=lambda f: f.start)
    _borrow_forward(text, found)
    quotes: list[Quote] = []
    last: tuple[Known | None, int, Quote | None] = (None, -1, None)
    for f in found:
        q = _to_quote(text, cast, f, last)
        if q is None:
            continue
        quotes.append(q)
        if q.speaker is not None:
            last = (next((k for k in cast.known if k.id == q.speaker.id), None), f.para.end, q)
    article.quotes = quotes
    article.entities = cast.entities()
    flag_typos(article)
    date_quotes(article)


def _borrow_forward(text: str, found: list[Found]) -> None:
    """A quote paragraph left open continues into the next paragraph's quote, whose
    attribution (`... here," Roberts said.`) names the speaker of both."""
    for f, g in pairwise(found):
        if f.how != "continuation" or f.subj is not None or g.subj is None or g.kind != "direct":
            continue
        left_open = f.end >= f.para.end - 1 and text[f.end:f.para.end].strip() == ""
        if left_open and g.para.index == f.para.index + 1 and g.start - g.para.start <= 1:
            f.subj, f.borrowed = g.subj, g.para


def _introduced_forward(text: str, live: list[Paragraph], found: list[Found]) -> None:
    """`Cruz continued:` or `In a speech last July, he said:` as a paragraph of its own: the
    next paragraph, quoted or not, is what was said, and the cue's subject said it."""
    by_index = {p.index: p for p in live}
    first: dict[int, Found] = {}
    last_end: dict[int, int] = {}
    for f in sorted(found, key=lambda f: f.start):
        first.setdefault(f.para.index, f)
        last_end[f.para.index] = max(f.end, last_end.get(f.para.index, -1))
    for p in live:
        if not p.parsed or not text[p.start:p.end].endswith(":"):
            continue
        hit = _introducer(p)
        nxt = by_index.get(p.index + 1)
        if hit is None or nxt is None or nxt.caption:
            continue
        cue, subj = hit
        if last_end.get(p.index, -1) > p.char(cue.sent[0]):
            continue  # the sentence ending in the colon already holds a quote
        g = first.get(nxt.index)
        if g is not None and g.subj is None and g.how == "continuation":
            g.subj, g.borrowed, g.cue, g.cue_span, g.how = subj, p, cue, cue_span(p, cue), "colon"
        elif g is None and len(text[nxt.start:nxt.end].split()) >= 4:
            found.append(Found("direct", nxt.start, nxt.end, nxt, "colon", cue=cue,
                               cue_span=cue_span(p, cue), subj=subj, borrowed=p))


def _introducer(p: Paragraph) -> tuple[Any, Any] | None:
    """The cue and its subject in a paragraph ending `X said:` (or `Stated Stone:`)."""
    doc = p.doc
    colon = len(doc) - 1
    for t in reversed(doc[max(0, colon - 8):colon]):
        if not is_cue(t) or p.in_quote(t):
            continue
        subj = subject_of(t)
        if subj is None and t.i == 0 and colon - t.i <= 4 and doc[colon - 1].pos_ == "PROPN":
            subj = doc[colon - 1]  # "Stated Stone:"
        return (t, subj) if subj is not None and not p.in_quote(subj) else None
    return None


def _transcript_answers(cast: Cast, cands: list[Found]) -> list[Found]:
    """Keep "Name: answer" paragraphs whose label is a known person, or that repeat."""
    labels = [f.label[2] for f in cands if f.label]
    keep = []
    for f in cands:
        assert f.label is not None
        name = f.label[2]
        known = cast.lookup_word(name.split()[-1], person_only=True)
        if known is not None or labels.count(name) >= 2:
            keep.append(f)
    return keep


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


def _to_quote(text: str, cast: Cast, f: Found, last: tuple[Known | None, int, Quote | None],
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
