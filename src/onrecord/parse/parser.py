"""Run the model where it pays: named entities over all the text, the parser only over the
sentences that may hold speech or name a person."""
from __future__ import annotations

from typing import Any

from onrecord.model import Article
from onrecord.parse.paragraphs import Paragraph, build_paragraphs, segments

BATCH = 64


def parse_articles(nlp: Any, articles: list[Article], *, parse_all: bool = False,
                   pos: Any = None) -> dict[int, list[Paragraph]]:
    """Pieces of each article (keyed by `id(article)`), in text order, each with a Doc:
    parsed pieces (`parsed=True`) carry the full analysis, the others only entities.
    `pos` replaces the attribute ruler (see fastpos.py) when given."""
    paras: list[tuple[Article, Paragraph]] = []
    for a in articles:
        captions = [(r.start, r.end) for r in a.repairs if r.kind == "caption"]
        paras.extend((a, p) for p in build_paragraphs(a.text, captions) if not p.caption)
    ner = nlp.get_pipe("ner")
    ner_docs = ner.pipe((nlp.make_doc(a.text[p.start:p.end]) for a, p in paras),
                        batch_size=BATCH)
    out: dict[int, list[Paragraph]] = {id(a): [] for a in articles}
    to_parse: list[Paragraph] = []
    for (a, p), doc in zip(paras, ner_docs):
        if parse_all:
            keep, skipped = [p], []  # type: list[Any], list[Any]
        else:
            keep, skipped = segments(a.text, p, also=_names_person(doc, p))
        for piece in keep:
            piece.doc = _slice(doc, p, piece)
            to_parse.append(piece)
        for lo, hi in skipped:
            piece = Paragraph(p.index, lo, hi, parsed=False)
            piece.doc = _slice(doc, p, piece)
            out[id(a)].append(piece)
        out[id(a)].extend(keep)
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


def _no_break_before_lowercase(doc: Any) -> Any:
    """`he's lost 16 lbs. since he signed up`: a word in lower case after a full stop goes on
    the sentence (an abbreviation's stop), which the parser then keeps as one sentence."""
    for t in doc[1:]:
        prev = doc[t.i - 1]
        if prev.text.endswith(".") and t.is_alpha and t.text[0].islower() and \
                "\n" not in prev.whitespace_:
            t.is_sent_start = False
    return doc


def _names_person(doc: Any, para: Paragraph) -> Any:
    """A test for sentences that name a person outside quotes (parsed for titles, gender and
    subjects, which later pronouns and titles refer back to)."""
    starts = [para.start + e.start_char for e in doc.ents
              if e.label_ == "PERSON" and para.mark_at(para.start + e.start_char) is None]

    def test(lo: int, hi: int) -> bool:
        return any(lo <= s < hi for s in starts)

    return test


def _slice(doc: Any, para: Paragraph, piece: Paragraph) -> Any:
    """The part of a paragraph's Doc that a piece covers, as a Doc of its own."""
    if (piece.start, piece.end) == (para.start, para.end):
        return doc
    span = doc.char_span(piece.start - para.start, piece.end - para.start,
                         alignment_mode="expand")
    if span is None:  # pragma: no cover - expand always aligns
        span = doc[:]
    piece.start = para.start + span.start_char
    piece.end = para.start + span.end_char
    return span.as_doc()
