"""JSONL input: one {"id", "text" | "html", "published"?, ...} object per line, streamed."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from onrecord.dates.values import normalize_date
from onrecord.errors import BadDate
from onrecord.ingest.record import InputRecord
from onrecord.model import Failure

# Keys copied from a JSONL object into the record's `meta` when present.
META_KEYS = ("title", "author", "sitename", "category", "language", "url", "outlet")


# A longer line is refused (and skipped without being held in memory): an article is at
# most 2,000,000 characters, which JSON escapes can make up to 6 bytes each.
MAX_LINE_BYTES = 12_000_000


def read_jsonl_lines(lines: Iterable[bytes | None], name: str) -> Iterator[InputRecord | Failure]:
    """One record (or Failure) per non-blank line; a broken line never stops the rest."""
    lineno = 0
    for lineno, raw in enumerate(lines, 1):
        if raw is None:
            yield Failure(id=f"{name}:{lineno}", error=(
                f"line {lineno}: longer than {MAX_LINE_BYTES:,} bytes; "
                "an article is at most 2,000,000 characters"))
            continue
        if not raw.strip():
            continue
        yield parse_line(raw, name, lineno)


def bounded_lines(stream: IO[bytes], limit: int | None = None) -> Iterator[bytes | None]:
    """The stream's lines; None for a line over `limit` bytes, whose rest is skipped."""
    limit = limit or MAX_LINE_BYTES
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(limit)
            yield None
        else:
            yield line


def parse_line(raw: bytes, name: str, lineno: int) -> InputRecord | Failure:
    """The record on one JSONL line, or a Failure saying what is wrong with it."""
    where = f"{name}:{lineno}"
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        return Failure(id=where, error=f"line {lineno}: not UTF-8 ({e.reason} at byte {e.start})")
    except json.JSONDecodeError as e:
        return Failure(id=where, error=f"line {lineno}: invalid JSON ({e.msg}, column {e.colno})")
    except RecursionError:
        return Failure(id=where, error=f"line {lineno}: JSON nested too deeply to read "
                                       "(an article record is one flat object)")
    if not isinstance(obj, dict):
        return Failure(id=where, error=f"line {lineno}: expected a JSON object, "
                                       f"got {type(obj).__name__}")
    rid = obj.get("id")
    rid = str(rid) if rid is not None else None
    text, html = obj.get("text"), obj.get("html")
    for key, val in (("text", text), ("html", html), ("published", obj.get("published"))):
        if val is not None and not isinstance(val, str):
            return Failure(id=rid or where, error=f"line {lineno}: '{key}' must be a string")
    if not (text or html):
        return Failure(id=rid or where, error=f"line {lineno}: record has no 'text' or 'html'")
    try:
        published = normalize_date(obj.get("published"), "'published'")
    except BadDate as e:
        return Failure(id=rid or where, error=f"line {lineno}: {e}")
    meta: dict[str, Any] = {k: obj[k] for k in META_KEYS if obj.get(k) is not None}
    if isinstance(obj.get("meta"), dict):
        meta.update(obj["meta"])
    return InputRecord(id=rid, text=text, html=html, published=published,
                       meta=meta, source=str(obj.get("source") or where),
                       url=obj.get("url"), outlet=obj.get("outlet"))
