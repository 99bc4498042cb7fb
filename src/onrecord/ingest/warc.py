"""WARC input: each HTML (or plain text) response record of a crawl becomes one article."""
from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from onrecord.ingest.encoding import DecodeError, decode_text, html_charset
from onrecord.ingest.record import InputRecord
from onrecord.model import Failure

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
MAX_PAGE_BYTES = 10_000_000


def read_warc(stream: IO[bytes], name: str) -> Iterator[InputRecord | Failure]:
    """Records for the 200 responses with a page type; requests, redirects, images skipped."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    seen = False
    try:
        for rec in ArchiveIterator(stream):
            seen = seen or str(rec.format).startswith("warc")
            if rec.rec_type not in ("response", "resource"):
                continue
            uri = rec.rec_headers.get_header("WARC-Target-URI")
            rid = uri or rec.rec_headers.get_header("WARC-Record-ID")
            ctype = ""
            if rec.http_headers is not None:
                if rec.http_headers.get_statuscode() != "200":
                    continue
                ctype = rec.http_headers.get_header("Content-Type") or ""
            else:
                ctype = rec.rec_headers.get_header("Content-Type") or ""
            mime = ctype.split(";")[0].strip().lower()
            if mime not in PAGE_TYPES:
                continue
            data = rec.content_stream().read(MAX_PAGE_BYTES + 1)
            if len(data) > MAX_PAGE_BYTES:
                yield Failure(id=rid, error=f"page larger than {MAX_PAGE_BYTES:,} bytes")
                continue
            try:
                body = decode_text(data, _charset(ctype) or (
                    html_charset(data) if mime != "text/plain" else None))
            except DecodeError as e:
                yield Failure(id=rid, error=str(e))
                continue
            meta = {"url": uri, "warc_date": rec.rec_headers.get_header("WARC-Date")}
            if mime == "text/plain":
                yield InputRecord(id=rid, text=body, url=uri, source=name, meta=meta)
            else:
                yield InputRecord(id=rid, html=body, url=uri, source=name, meta=meta)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as e:
        yield Failure(id=name, error=f"{name}: unreadable WARC ({type(e).__name__}: {str(e)[:120]}); "
                                     "the records before this point were read")
        return
    if not seen:
        yield Failure(id=name, error=f"{name}: not a WARC file (no WARC records found)")


def _charset(ctype: str) -> str | None:
    for part in ctype.split(";")[1:]:
        key, _, val = part.partition("=")
        if key.strip().lower() == "charset":
            return val.strip().strip('"\'') or None
    return None
