"""Run the model where it pays: the entity recogniser over the sentences that may hold speech
or name someone (see paragraphs.plan), the parser over those that may hold speech or that it
found naming a person. Each piece is tokenised on its own: no Doc is sliced."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import Any

from onrecord.model import Article
from onrecord.parse.blas import one_thread
from onrecord.parse.paragraphs import (
    Paragraph,
    Sentence,
    build_paragraphs,
    name_words,
    plan,
    runs,
    sub_paragraph,
)

BATCH = 64

Entity = tuple[int, int, str]  # article offsets and label


def parse_articles(nlp: Any, articles: list[Article], *, parse_all: bool = False,
                   pos: Any = None) -> dict[int, list[Paragraph]]:
    """Pieces of each article (keyed by `id(article)`), in text order, each with a Doc:
    parsed pieces (`parsed=True`) carry the full analysis, the others only their tokens and
    the entities found in them. `pos` replaces the attribute ruler (see fastpos.py)."""
    with one_thread():
        return _parse_articles(nlp, articles, parse_all=parse_all, pos=pos)


def _parse_articles(nlp: Any, articles: list[Article], *, parse_all: bool,
                    pos: Any) -> dict[int, list[Paragraph]]:
    plans: list[tuple[Article, Paragraph, list[Sentence]]] = []
    units: list[tuple[Article, int, int]] = []  # what the recogniser reads
    for a in articles:
        captions = [(r.start, r.end) for r in a.repairs if r.kind == "caption"]
        names = name_words(a.text)
        for p in build_paragraphs(a.text, captions):
            if p.caption:
                continue
            sents = [Sentence(p.start, p.end, True, True)] if parse_all else plan(a.text, p, names)
            plans.append((a, p, sents))
            units.extend((a, run[0].start, run[-1].end)
                         for read, run in runs(sents, _worth_reading) if read)
    read = _recognise(nlp, units)
    ents: dict[int, list[Entity]] = {id(a): [] for a in articles}
    for (key, lo, _), doc in read.items():
        ents[key].extend((lo + e.start_char, lo + e.end_char, e.label_) for e in doc.ents)
    for found in ents.values():
        found.sort()
    out: dict[int, list[Paragraph]] = {id(a): [] for a in articles}
    to_parse: list[Paragraph] = []
    for a, p, sents in plans:
        found = ents[id(a)]
        for parse, run in runs(sents, _worth_parsing(found, p)):
            for lo, hi in [(run[0].start, run[-1].end)] if parse else \
                    [(s.start, s.end) for s in run]:
                piece = sub_paragraph(p, lo, hi, parsed=parse)
                piece.doc = read.get((id(a), lo, hi)) or _doc(nlp, a.text, piece, found)
                out[id(a)].append(piece)
                if parse:
                    to_parse.append(piece)
    docs: Any = (_no_break_before_lowercase(piece.doc) for piece in to_parse)
    for name, proc in nlp.pipeline:
        if name == "attribute_ruler" and pos is not None:
            proc = pos  # same POS from a lookup table, without the matcher
        if name != "ner":
            docs = proc.pipe(docs, batch_size=BATCH)
    for piece, parsed in zip(to_parse, docs):
        piece.doc = parsed
    for pieces in out.values():
        pieces.sort(key=lambda q: q.start)
    return out


def _worth_reading(s: Sentence) -> bool:
    return s.speech or s.names


def _recognise(nlp: Any, units: list[tuple[Article, int, int]],
               ) -> dict[tuple[int, int, int], Any]:
    """The recogniser's Doc of each unit, keyed by the article's id and the unit's offsets."""
    ner = nlp.get_pipe("ner")
    docs = ner.pipe((nlp.make_doc(a.text[lo:hi]) for a, lo, hi in units), batch_size=BATCH)
    return {(id(a), lo, hi): doc for (a, lo, hi), doc in zip(units, docs)}


def _worth_parsing(found: list[Entity], para: Paragraph) -> Callable[[Sentence], bool]:
    """A test for sentences that may hold speech or name a person outside quotes (parsed for
    titles, gender and subjects, which later pronouns and titles refer back to)."""
    def test(s: Sentence) -> bool:
        if s.speech:
            return True
        k = bisect_left(found, (s.start,))
        while k < len(found) and found[k][0] < s.end:
            if found[k][2] == "PERSON" and para.mark_at(found[k][0]) is None:
                return True
            k += 1
        return False

    return test


def _doc(nlp: Any, text: str, piece: Paragraph, found: list[Entity]) -> Any:
    """A Doc of the piece's own words with the entities found in them (tokenising again is
    cheaper than copying a slice of a longer Doc)."""
    doc = nlp.make_doc(text[piece.start:piece.end])
    spans: list[Any] = []
    k = bisect_left(found, (piece.start,))
    while k < len(found) and found[k][0] < piece.end:
        lo, hi, label = found[k]
        k += 1
        if hi <= piece.end:
            span = doc.char_span(lo - piece.start, hi - piece.start, label=label)
            if span is not None and (not spans or span.start >= spans[-1].end):
                spans.append(span)
    doc.ents = spans
    return doc


def _no_break_before_lowercase(doc: Any) -> Any:
    """`he's lost 16 lbs. since he signed up`: a word in lower case after a full stop goes on
    the sentence (an abbreviation's stop), which the parser then keeps as one sentence."""
    for t in doc[1:]:
        prev = doc[t.i - 1]
        if prev.text.endswith(".") and t.is_alpha and t.text[0].islower() and \
                "\n" not in prev.whitespace_:
            t.is_sent_start = False
    return doc
