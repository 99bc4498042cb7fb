"""Article keys: a hash of the content, so the same article is stored once however often it is read."""
from __future__ import annotations

import hashlib

from onrecord.ingest.record import InputRecord
from onrecord.model import Article, Failure

KEY_CHARS = 32  # 128 bits of SHA-256, hex


def _hash(*parts: str) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8", errors="surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()[:KEY_CHARS]


def record_key(rec: InputRecord | Failure, source: str | None = None) -> str:
    """The key of an input record: its text (or html); a reader failure keys on where it came from."""
    if isinstance(rec, InputRecord):
        if isinstance(rec.text, str):
            return _hash("text", rec.text)
        if isinstance(rec.html, str):
            return _hash("html", rec.html)
        return _hash("empty", source or "", str(rec.id))
    return _hash("error", source or "", str(rec.id), rec.error)


def result_key(result: Article | Failure, source: str | None = None) -> str:
    """The key of an already extracted article (its text), for `Store.add`."""
    if isinstance(result, Article):
        return _hash("text", result.text)
    return _hash("error", source or "", str(result.id), result.error)
