"""What the store writes: one result ready to store, what a write did, and each table's columns."""
from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

from onrecord.corpus import MAX_ROWS
from onrecord.errors import BadArgument
from onrecord.model import Article, Failure
from onrecord.statements.runs import QuoteRuns


def page(limit: object, offset: object) -> list[int]:
    """[limit, offset] for a query, checked: whole numbers from 0 to MAX_ROWS."""
    out = []
    for name, v in (("limit", limit), ("offset", offset)):
        if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= MAX_ROWS:
            raise BadArgument(f"{name} must be a whole number from 0 to {MAX_ROWS:,}, got {v!r}")
        out.append(v)
    return out


@dataclass(slots=True)
class Item:
    """One result ready to store: its key, the file it came from, its MinHash signature, and
    what else a worker computes so that the one writer need not (None: the writer does)."""

    key: str
    result: Article | Failure
    source: str | None = None
    sig: bytes | None = None
    record: str | None = None  # the `record` column's JSON
    runs: tuple[QuoteRuns, ...] | None = None  # each quote's word runs, in article order


@dataclass(slots=True)
class WriteResult:
    """What one write did: new articles, errors, near-duplicates, sightings; keys already stored."""

    articles: int = 0
    errors: int = 0
    duplicates: int = 0
    quotes: int = 0
    skipped: int = 0
    sightings: int = 0   # sightings written (a record read again is not counted)

    def __iadd__(self, o: WriteResult) -> WriteResult:
        self.articles += o.articles
        self.errors += o.errors
        self.duplicates += o.duplicates
        self.quotes += o.quotes
        self.skipped += o.skipped
        self.sightings += o.sightings
        return self


_I, _S, _F = pa.int64(), pa.string(), pa.float64()
SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([("id", _S), ("source_id", _S), ("source", _S), ("title", _S),
                           ("url", _S), ("outlet", _S), ("published", _S), ("text", _S),
                           ("record", _S), ("n_quotes", _I), ("minhash", pa.binary())]),
    "quotes": pa.schema([("article_id", _S), ("idx", _I), ("kind", _S), ("text", _S),
                         ("start", _I), ("end", _I), ("speaker_id", _I), ("speaker_name", _S),
                         ("speaker_ref", _S), ("speaker_start", _I), ("speaker_end", _I),
                         ("cue", _S), ("cue_start", _I), ("cue_end", _I), ("addressee", _S),
                         ("date", _S), ("confidence", _F)]),
    "mentions": pa.schema([("article_id", _S), ("entity_id", _S), ("speaker_id", _I),
                           ("name", _S), ("kind", _S), ("start", _I), ("end", _I)]),
    "repairs": pa.schema([("article_id", _S), ("idx", _I), ("kind", _S), ("start", _I),
                          ("end", _I), ("before", _S), ("after", _S)]),
    "errors": pa.schema([("id", _S), ("source_id", _S), ("source", _S), ("error", _S)]),
    "sightings": pa.schema([("id", _S), ("article_id", _S), ("source", _S), ("pos", _I),
                            ("source_id", _S), ("url", _S), ("outlet", _S), ("published", _S)]),
    "duplicates": pa.schema([("article_id", _S), ("canonical_id", _S), ("similarity", _F)]),
    "speakers": pa.schema([("id", _I), ("name", _S), ("key", _S), ("kind", _S),
                           ("titles", pa.list_(_S)), ("aliases", pa.list_(_S)),
                           ("forms", pa.list_(_S)), ("merged_into", _I)]),
}
